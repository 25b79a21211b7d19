//! The `fuzz` scorers, `partial_ratio_alignment` and `default_process` on
//! strings of every kind: statuses, ranges, cutoff rules, `ratio` against
//! the Indel reference, symmetry where rapidfuzz is symmetric, and the
//! alignment's spans and score.
#![no_main]

use ffz_fuzz::{assert_not_panic, first_error, FStr, Reader, FUZZ_FNS};
use ferrofuzz::ffi::fuzz::{ffz_default_process, ffz_fuzz_partial_ratio_alignment, ffz_score_alignment, ffz_string, ffz_string_free};
use ferrofuzz::ffi::{FFZ_KIND_U8, FFZ_KIND_UTF8, FFZ_OK};
use libfuzzer_sys::fuzz_target;

const RATIO: usize = 0;
const PARTIAL_RATIO: usize = 1;
/// Scorers symmetric in rapidfuzz: ratio, token_sort, token_set, token_ratio, QRatio.
const SYMMETRIC: [usize; 5] = [0, 2, 3, 4, 9];

fn score(k: usize, a: ferrofuzz::ffi::ffz_str, b: ferrofuzz::ffi::ffz_str, cutoff: f64) -> (i32, f64) {
    let mut out = -1.0;
    // SAFETY: the strings point into live storage, out is valid.
    let st = unsafe { FUZZ_FNS[k](a, b, cutoff, &mut out) };
    assert_not_panic(st, "fuzz scorer");
    (st, out)
}

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let s1 = FStr::gen(&mut r, 300);
    let s2 = FStr::gen(&mut r, 300);
    let (a, b) = (s1.raw(), s2.raw());
    let cutoff = match r.u8() % 4 {
        0 => 0.0,
        1 => 100.5,
        _ => r.u8() as f64 * 100.0 / 255.0,
    };
    let which = r.u8() as usize % FUZZ_FNS.len();
    let error = first_error(&[&s1, &s2]);

    for k in [which, RATIO, PARTIAL_RATIO] {
        let (st, full) = score(k, a, b, 0.0);
        if let Some(e) = error {
            assert_eq!(st, e, "scorer {k} status");
            continue;
        }
        assert_eq!(st, FFZ_OK, "scorer {k}: {}", ffz_fuzz::last_error());
        assert!((0.0..=100.0).contains(&full), "scorer {k} gave {full}");
        let (st, with_cutoff) = score(k, a, b, cutoff);
        assert_eq!(st, FFZ_OK);
        if cutoff > 100.0 {
            assert_eq!(with_cutoff, 0.0, "scorer {k}: cutoff above 100");
        } else if full >= cutoff + 1e-9 {
            assert!((with_cutoff - full).abs() < 1e-9, "scorer {k}: {with_cutoff} vs {full} at cutoff {cutoff}");
        } else if full < cutoff - 1e-9 {
            assert_eq!(with_cutoff, 0.0, "scorer {k}: {full} below cutoff {cutoff} gave {with_cutoff}");
        }
        if SYMMETRIC.contains(&k) {
            let (st, swapped) = score(k, b, a, 0.0);
            assert_eq!(st, FFZ_OK);
            assert!((swapped - full).abs() < 1e-9, "scorer {k} not symmetric: {full} vs {swapped}");
        }
    }
    let Some(x) = s1.values().map(<[u64]>::to_vec) else { return };
    let Some(y) = s2.values().map(<[u64]>::to_vec) else { return };

    // ratio = 100 * normalized Indel similarity.
    let (_, ratio) = score(RATIO, a, b, 0.0);
    if x.len() * y.len() <= 40_000 {
        let total = x.len() + y.len();
        let expected = if total == 0 {
            100.0
        } else {
            100.0 * (1.0 - ferrofuzz::distance::reference::indel(&x, &y) as f64 / total as f64)
        };
        assert!((ratio - expected).abs() < 1e-9, "ratio {ratio} vs reference {expected}");
    }

    // partial_ratio_alignment: same score as partial_ratio, spans in range,
    // and the score is the ratio of the aligned slices.
    let mut al = ffz_score_alignment { score: -1.0, src_start: 0, src_end: 0, dest_start: 0, dest_end: 0 };
    // SAFETY: as above.
    let st = unsafe { ffz_fuzz_partial_ratio_alignment(a, b, 0.0, &mut al) };
    assert_eq!(st, FFZ_OK);
    let (_, partial) = score(PARTIAL_RATIO, a, b, 0.0);
    assert!((al.score - partial).abs() < 1e-9, "alignment score {} vs partial_ratio {partial}", al.score);
    if al.score > 0.0 {
        assert!(al.src_start <= al.src_end && al.src_end <= x.len(), "src span {al:?} of {}", x.len());
        assert!(al.dest_start <= al.dest_end && al.dest_end <= y.len(), "dest span {al:?} of {}", y.len());
        let (p, q) = (&x[al.src_start..al.src_end], &y[al.dest_start..al.dest_end]);
        if p.len() * q.len() <= 40_000 {
            let total = p.len() + q.len();
            let expected = if total == 0 {
                100.0
            } else {
                100.0 * (1.0 - ferrofuzz::distance::reference::indel(p, q) as f64 / total as f64)
            };
            assert!((al.score - expected).abs() < 1e-9, "alignment {al:?}: ratio of the spans is {expected}");
        }
    }

    // default_process: same kind out as in, never longer, trimmed, and
    // idempotent.
    let mut out = ffz_string { data: std::ptr::null_mut(), len: 0, kind: 0 };
    // SAFETY: as above.
    let st = unsafe { ffz_default_process(a, &mut out) };
    assert_eq!(st, FFZ_OK, "default_process: {}", ffz_fuzz::last_error());
    if s1.kind() == FFZ_KIND_UTF8 {
        assert_eq!(out.kind, FFZ_KIND_UTF8);
        let bytes = if out.len == 0 {
            &[][..]
        } else {
            // SAFETY: the library returned len bytes at data.
            unsafe { std::slice::from_raw_parts(out.data as *const u8, out.len) }
        };
        let text = std::str::from_utf8(bytes).expect("default_process gave invalid UTF-8");
        assert!(text.chars().count() <= x.len());
        assert!(!text.starts_with(' ') && !text.ends_with(' '), "not trimmed: {text:?}");
        let again = ffz_fuzz::FStr::from_values(FFZ_KIND_UTF8, &text.chars().map(|c| c as u64).collect::<Vec<_>>(), 0);
        let mut out2 = ffz_string { data: std::ptr::null_mut(), len: 0, kind: 0 };
        // SAFETY: as above.
        let st = unsafe { ffz_default_process(again.raw(), &mut out2) };
        assert_eq!(st, FFZ_OK);
        let bytes2 = if out2.len == 0 {
            &[][..]
        } else {
            // SAFETY: as above.
            unsafe { std::slice::from_raw_parts(out2.data as *const u8, out2.len) }
        };
        assert_eq!(bytes2, bytes, "default_process is not idempotent on {text:?}");
        // SAFETY: out2 came from ffz_default_process.
        unsafe { ffz_string_free(&mut out2) };
    } else if x.is_empty() {
        assert_eq!(out.len, 0);
    } else {
        assert_eq!(out.kind, s1.kind(), "default_process changed the kind");
        assert!(out.len <= x.len());
        if out.kind == FFZ_KIND_U8 && out.len > 0 {
            // SAFETY: as above.
            let v = unsafe { std::slice::from_raw_parts(out.data as *const u8, out.len) };
            assert!(v[0] != b' ' && v[out.len - 1] != b' ', "not trimmed");
        }
    }
    // SAFETY: out came from ffz_default_process; a second free is harmless.
    unsafe {
        ffz_string_free(&mut out);
        assert!(out.data.is_null() && out.len == 0);
        ffz_string_free(&mut out);
        ffz_string_free(std::ptr::null_mut());
    }
});
