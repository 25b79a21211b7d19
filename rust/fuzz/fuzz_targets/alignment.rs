//! The alignment exports (`ffz_levenshtein_editops`, `ffz_indel_editops`,
//! `ffz_editops_to_opcodes` and their info/copy/free functions) on strings
//! of every kind: a bad string gives its status; otherwise the edit count is
//! the distance the metric exports report, applying the edits to `s1`
//! gives `s2`, the opcodes tile both sequences from (0, 0) to their ends and
//! applying them gives `s2` too, and `score_hint` changes nothing.
#![no_main]

use ffz_fuzz::{assert_not_panic, first_error, FStr, Reader};
use ferrofuzz::ffi::alignment::*;
use ferrofuzz::ffi::distance::{ffz_indel_distance, ffz_levenshtein_distance};
use ferrofuzz::ffi::{ffz_str, FFZ_OK};
use libfuzzer_sys::fuzz_target;

/// One edit operation as copied out: tag, source position, destination position.
type Edit = (u8, usize, usize);

/// The edits of `s1` -> `s2` by `levenshtein` (or Indel), or the status.
fn editops(levenshtein: bool, s1: ffz_str, s2: ffz_str, hint: usize) -> Result<(Vec<Edit>, usize, usize, *mut ffz_editops), i32> {
    let mut handle: *mut ffz_editops = std::ptr::null_mut();
    // SAFETY: s1 and s2 describe live buffers (FStr keeps them); out is valid.
    let st = unsafe {
        if levenshtein {
            ffz_levenshtein_editops(s1, s2, hint, &mut handle)
        } else {
            ffz_indel_editops(s1, s2, &mut handle)
        }
    };
    assert_not_panic(st, "editops");
    if st != FFZ_OK {
        assert!(handle.is_null(), "no object on failure");
        return Err(st);
    }
    let (mut count, mut src_len, mut dest_len) = (0usize, 0usize, 0usize);
    // SAFETY: handle is a live editops object; out-pointers are valid.
    assert_eq!(unsafe { ffz_editops_info(handle, &mut count, &mut src_len, &mut dest_len) }, FFZ_OK);
    let (mut tags, mut src, mut dest) = (vec![0u8; count], vec![0usize; count], vec![0usize; count]);
    let mut written = 0usize;
    // SAFETY: the arrays hold `count` entries each.
    let st = unsafe { ffz_editops_copy(handle, tags.as_mut_ptr(), src.as_mut_ptr(), dest.as_mut_ptr(), count, &mut written) };
    assert_eq!((st, written), (FFZ_OK, count));
    let ops = (0..count).map(|i| (tags[i], src[i], dest[i])).collect();
    Ok((ops, src_len, dest_len, handle))
}

/// `a` edited by `ops` (rapidfuzz's `Editops.apply` rules: the source
/// position never moves back).
fn apply_editops(ops: &[Edit], a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(b.len());
    let mut pos = 0usize;
    for &(tag, s, d) in ops {
        assert!(s <= a.len() && d <= b.len(), "edit ({s}, {d}) out of range");
        if s > pos {
            out.extend_from_slice(&a[pos..s]);
            pos = s;
        }
        match tag {
            FFZ_EDIT_DELETE => pos += 1,
            FFZ_EDIT_INSERT => out.push(b[d]),
            FFZ_EDIT_REPLACE => {
                out.push(b[d]);
                pos += 1;
            }
            other => panic!("editops hold tag {other}"),
        }
    }
    out.extend_from_slice(&a[pos..]);
    out
}

/// Checks the opcodes of `handle` against `a` -> `b`.
fn check_opcodes(handle: *const ffz_editops, a: &[u64], b: &[u64]) {
    let mut opcodes: *mut ffz_opcodes = std::ptr::null_mut();
    // SAFETY: handle is live; out is valid.
    let st = unsafe { ffz_editops_to_opcodes(handle, &mut opcodes) };
    assert_not_panic(st, "editops_to_opcodes");
    assert_eq!(st, FFZ_OK);
    let (mut count, mut src_len, mut dest_len) = (0usize, 0usize, 0usize);
    // SAFETY: opcodes is live; out-pointers are valid.
    assert_eq!(unsafe { ffz_opcodes_info(opcodes, &mut count, &mut src_len, &mut dest_len) }, FFZ_OK);
    assert_eq!((src_len, dest_len), (a.len(), b.len()));
    let mut cols: Vec<Vec<usize>> = vec![vec![0; count]; 4];
    let mut tags = vec![0u8; count];
    let mut written = 0usize;
    let [c0, c1, c2, c3] = &mut cols[..] else { unreachable!() };
    // SAFETY: every array holds `count` entries.
    let st = unsafe {
        ffz_opcodes_copy(opcodes, tags.as_mut_ptr(), c0.as_mut_ptr(), c1.as_mut_ptr(), c2.as_mut_ptr(), c3.as_mut_ptr(), count, &mut written)
    };
    assert_eq!((st, written), (FFZ_OK, count));
    // SAFETY: opcodes came from ffz_editops_to_opcodes and is freed once.
    unsafe { ffz_opcodes_free(opcodes) };
    let (mut s, mut d) = (0usize, 0usize);
    let mut out = Vec::with_capacity(b.len());
    for i in 0..count {
        let (s0, s1, d0, d1) = (cols[0][i], cols[1][i], cols[2][i], cols[3][i]);
        assert_eq!((s0, d0), (s, d), "block {i} does not start where the last one ended");
        assert!(s1 >= s0 && d1 >= d0 && s1 <= a.len() && d1 <= b.len(), "block {i} out of range");
        match tags[i] {
            FFZ_EDIT_EQUAL => {
                assert_eq!(&a[s0..s1], &b[d0..d1], "equal block {i} differs");
                out.extend_from_slice(&a[s0..s1]);
            }
            FFZ_EDIT_REPLACE => {
                assert!(s1 > s0 && d1 > d0, "empty replace block {i}");
                out.extend_from_slice(&b[d0..d1]);
            }
            FFZ_EDIT_INSERT => {
                assert!(s1 == s0 && d1 > d0, "insert block {i} has a source range or no destination");
                out.extend_from_slice(&b[d0..d1]);
            }
            FFZ_EDIT_DELETE => assert!(d1 == d0 && s1 > s0, "delete block {i} has a destination range or no source"),
            other => panic!("opcode tag {other}"),
        }
        (s, d) = (s1, d1);
    }
    assert_eq!((s, d), (a.len(), b.len()), "the blocks do not reach both ends");
    assert_eq!(out, b, "applying the opcodes does not give s2");
}

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let levenshtein = r.bool();
    let hint = r.size_cutoff();
    let s1 = FStr::gen(&mut r, 700);
    let s2 = FStr::gen(&mut r, 700);
    let (a, b) = (s1.raw(), s2.raw());
    let result = editops(levenshtein, a, b, hint);
    let (ops, src_len, dest_len, handle) = match (first_error(&[&s1, &s2]), result) {
        (Some(expected), Err(st)) => {
            assert_eq!(st, expected, "status for a bad string");
            return;
        }
        (Some(expected), Ok(_)) => panic!("a bad string (status {expected}) gave editops"),
        (None, Err(st)) => panic!("valid strings gave status {st}: {}", ffz_fuzz::last_error()),
        (None, Ok(found)) => found,
    };
    let (x, y) = (s1.values().unwrap_or(&[]), s2.values().unwrap_or(&[]));
    assert_eq!((src_len, dest_len), (x.len(), y.len()));

    // The count is the distance; Indel has no replacements.
    let mut dist = 0usize;
    // SAFETY: live buffers, valid out-pointer.
    let st = unsafe {
        if levenshtein {
            ffz_levenshtein_distance(a, b, std::ptr::null(), usize::MAX, usize::MAX, &mut dist)
        } else {
            ffz_indel_distance(a, b, usize::MAX, &mut dist)
        }
    };
    assert_eq!(st, FFZ_OK);
    assert_eq!(ops.len(), dist, "edit count vs distance");
    if !levenshtein {
        assert!(ops.iter().all(|op| op.0 != FFZ_EDIT_REPLACE), "Indel editops hold a replacement");
    }
    assert_eq!(apply_editops(&ops, x, y), y, "applying the editops does not give s2");

    // score_hint never changes the result.
    if levenshtein {
        if let Ok((again, _, _, h)) = editops(true, a, b, usize::MAX) {
            // SAFETY: h came from ffz_levenshtein_editops and is freed once.
            unsafe { ffz_editops_free(h) };
            assert_eq!(again, ops, "score_hint changed the editops");
        }
    }

    check_opcodes(handle, x, y);
    // SAFETY: handle came from an editops export and is freed once; NULL is accepted.
    unsafe {
        ffz_editops_free(handle);
        ffz_editops_free(std::ptr::null_mut());
        ffz_opcodes_free(std::ptr::null_mut());
    }
});
