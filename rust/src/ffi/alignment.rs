//! Alignments: the edit operations (editops) and difflib-style opcodes of
//! the Levenshtein (uniform weights) and Indel distances, identical to
//! rapidfuzz's `Levenshtein.editops` / `Indel.editops` and their opcodes.
//!
//! `ffz_levenshtein_editops` and `ffz_indel_editops` return an opaque,
//! immutable `ffz_editops` object; `ffz_editops_to_opcodes` turns it into an
//! `ffz_opcodes` object. Both are read through accessors (count, lengths, a
//! bulk copy into caller arrays) and released with `ffz_editops_free` /
//! `ffz_opcodes_free`, which accept NULL. Tags are the `FFZ_EDIT_*` values.
//!
//! Memory: linear in the input lengths (Hirschberg splitting for
//! Levenshtein, checkpointed rows for Indel), never `len1 * len2`.
//!
//! Thread safety: the computing functions are thread-safe; a result object
//! is never modified after creation, so it may be read from many threads at
//! once, but must not be freed while another thread reads it.

use super::error::{guard, non_null, write_out, FfiResult};
use super::strings::read;
use super::ffz_str;
use crate::alignment::{indel_editops, levenshtein_editops, Editops, OpcodeTag, Opcodes};
use crate::unit::Seq;

/// Tag of an opcode block whose units are equal in both sequences
/// (only in opcodes, never in editops).
pub const FFZ_EDIT_EQUAL: u8 = 0;
/// Tag of a replacement: `src[src_pos]` becomes `dest[dest_pos]`.
pub const FFZ_EDIT_REPLACE: u8 = 1;
/// Tag of an insertion of `dest[dest_pos]` before `src[src_pos]`.
pub const FFZ_EDIT_INSERT: u8 = 2;
/// Tag of a deletion of `src[src_pos]`.
pub const FFZ_EDIT_DELETE: u8 = 3;

/// Edit operations turning a source sequence into a destination sequence,
/// ordered by position. Created by `ffz_levenshtein_editops` or
/// `ffz_indel_editops`; free with `ffz_editops_free`. Immutable.
pub struct ffz_editops {
    pub(crate) inner: Editops,
}

/// Opcode blocks covering both sequences from start to end. Created by
/// `ffz_editops_to_opcodes`; free with `ffz_opcodes_free`. Immutable.
pub struct ffz_opcodes {
    pub(crate) inner: Opcodes,
}

macro_rules! dispatch_pair {
    ($a:expr, $b:expr, |$x:ident, $y:ident| $body:expr) => {
        match ($a, $b) {
            (Seq::U8($x), Seq::U8($y)) => $body,
            (Seq::U8($x), Seq::U32($y)) => $body,
            (Seq::U8($x), Seq::U64($y)) => $body,
            (Seq::U32($x), Seq::U8($y)) => $body,
            (Seq::U32($x), Seq::U32($y)) => $body,
            (Seq::U32($x), Seq::U64($y)) => $body,
            (Seq::U64($x), Seq::U8($y)) => $body,
            (Seq::U64($x), Seq::U32($y)) => $body,
            (Seq::U64($x), Seq::U64($y)) => $body,
        }
    };
}

unsafe fn editops_call(
    s1: ffz_str,
    s2: ffz_str,
    out: *mut *mut ffz_editops,
    compute: impl FnOnce(Seq<'_>, Seq<'_>) -> Editops,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let (a, b) = (read(&s1, "s1")?, read(&s2, "s2")?);
        let inner = compute(a.seq(), b.seq());
        write_out(out, Box::into_raw(Box::new(ffz_editops { inner })));
        Ok(())
    })
}

/// Levenshtein edit operations (insertions, deletions and replacements, all
/// of cost 1) turning `s1` into `s2`: the same list as rapidfuzz's
/// `Levenshtein.editops(s1, s2, score_hint=...)`, so their count is the
/// Levenshtein distance.
///
/// `score_hint` is an expected distance that can make the computation
/// faster; it never changes the result. `SIZE_MAX` means no hint.
///
/// On success writes a new `ffz_editops` to `*out`, owned by the caller
/// (free it with `ffz_editops_free`); `*out` is untouched on failure.
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a
/// nonzero length), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`,
/// `FFZ_PANIC`. Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_levenshtein_editops(
    s1: ffz_str,
    s2: ffz_str,
    score_hint: usize,
    out: *mut *mut ffz_editops,
) -> i32 {
    let hint = (score_hint != usize::MAX).then_some(score_hint);
    editops_call(s1, s2, out, |a, b| dispatch_pair!(a, b, |x, y| levenshtein_editops(x, y, hint)))
}

/// Indel edit operations (insertions and deletions only) turning `s1` into
/// `s2`: the same list as rapidfuzz's `Indel.editops(s1, s2)` (and
/// `LCSseq.editops`), so their count is the Indel distance.
///
/// Ownership, errors and threading as `ffz_levenshtein_editops`.
#[no_mangle]
pub unsafe extern "C" fn ffz_indel_editops(s1: ffz_str, s2: ffz_str, out: *mut *mut ffz_editops) -> i32 {
    editops_call(s1, s2, out, |a, b| dispatch_pair!(a, b, |x, y| indel_editops(x, y)))
}

/// Writes the number of edit operations, the length of the source sequence
/// and the length of the destination sequence (in units) to `count`,
/// `src_len` and `dest_len`. Any of the three may be NULL to skip it.
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` for a NULL `editops`.
#[no_mangle]
pub unsafe extern "C" fn ffz_editops_info(
    editops: *const ffz_editops,
    count: *mut usize,
    src_len: *mut usize,
    dest_len: *mut usize,
) -> i32 {
    guard(|| {
        non_null(editops, "editops")?;
        let e = &(*editops).inner;
        write_optional(count, e.len());
        write_optional(src_len, e.src_len);
        write_optional(dest_len, e.dest_len);
        Ok(())
    })
}

unsafe fn write_optional<T>(ptr: *mut T, value: T) {
    if !ptr.is_null() {
        write_out(ptr, value);
    }
}

/// Writes `value` to `base[i]` unless `base` is NULL.
unsafe fn put<T>(base: *mut T, i: usize, value: T) {
    if !base.is_null() {
        write_out(base.add(i), value);
    }
}

/// Copies up to `capacity` edit operations, in order, into the caller's
/// arrays: `tags[i]` (an `FFZ_EDIT_*` value other than `FFZ_EDIT_EQUAL`),
/// `src_pos[i]` and `dest_pos[i]`. Any array may be NULL to skip it. Writes
/// how many were copied to `written`.
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `editops` or `written`).
#[no_mangle]
pub unsafe extern "C" fn ffz_editops_copy(
    editops: *const ffz_editops,
    tags: *mut u8,
    src_pos: *mut usize,
    dest_pos: *mut usize,
    capacity: usize,
    written: *mut usize,
) -> i32 {
    guard(|| {
        non_null(editops, "editops")?;
        non_null(written, "written")?;
        let ops = &(*editops).inner.ops;
        let n = ops.len().min(capacity);
        for (i, op) in ops[..n].iter().enumerate() {
            put(tags, i, OpcodeTag::from(op.tag) as u8);
            put(src_pos, i, op.src_pos);
            put(dest_pos, i, op.dest_pos);
        }
        write_out(written, n);
        Ok(())
    })
}

/// The opcodes of `editops`: `FFZ_EDIT_EQUAL` blocks between the edits,
/// consecutive edits of one kind merged into one block (rapidfuzz's
/// `Editops.as_opcodes()`).
///
/// On success writes a new `ffz_opcodes` to `*out`, owned by the caller
/// (free it with `ffz_opcodes_free`); `editops` stays valid and unchanged.
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `editops` or `out`),
/// `FFZ_PANIC`.
#[no_mangle]
pub unsafe extern "C" fn ffz_editops_to_opcodes(editops: *const ffz_editops, out: *mut *mut ffz_opcodes) -> i32 {
    guard(|| {
        non_null(editops, "editops")?;
        non_null(out, "out")?;
        let inner = (*editops).inner.as_opcodes();
        write_out(out, Box::into_raw(Box::new(ffz_opcodes { inner })));
        Ok(())
    })
}

/// Frees an editops object. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn ffz_editops_free(editops: *mut ffz_editops) {
    if !editops.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(editops));
            Ok(())
        });
    }
}

/// Writes the number of opcode blocks and the lengths of the source and
/// destination sequences. Any of the three may be NULL to skip it.
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` for a NULL `opcodes`.
#[no_mangle]
pub unsafe extern "C" fn ffz_opcodes_info(
    opcodes: *const ffz_opcodes,
    count: *mut usize,
    src_len: *mut usize,
    dest_len: *mut usize,
) -> i32 {
    guard(|| -> FfiResult<()> {
        non_null(opcodes, "opcodes")?;
        let o = &(*opcodes).inner;
        write_optional(count, o.len());
        write_optional(src_len, o.src_len);
        write_optional(dest_len, o.dest_len);
        Ok(())
    })
}

/// Copies up to `capacity` opcode blocks, in order, into the caller's
/// arrays: block `i` says `src[src_start[i]..src_end[i]]` relates to
/// `dest[dest_start[i]..dest_end[i]]` as `tags[i]` (an `FFZ_EDIT_*` value)
/// says. Any array may be NULL to skip it. Writes how many were copied to
/// `written`. Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `opcodes` or
/// `written`).
#[no_mangle]
pub unsafe extern "C" fn ffz_opcodes_copy(
    opcodes: *const ffz_opcodes,
    tags: *mut u8,
    src_start: *mut usize,
    src_end: *mut usize,
    dest_start: *mut usize,
    dest_end: *mut usize,
    capacity: usize,
    written: *mut usize,
) -> i32 {
    guard(|| {
        non_null(opcodes, "opcodes")?;
        non_null(written, "written")?;
        let ops = &(*opcodes).inner.ops;
        let n = ops.len().min(capacity);
        for (i, op) in ops[..n].iter().enumerate() {
            put(tags, i, op.tag as u8);
            put(src_start, i, op.src_start);
            put(src_end, i, op.src_end);
            put(dest_start, i, op.dest_start);
            put(dest_end, i, op.dest_end);
        }
        write_out(written, n);
        Ok(())
    })
}

/// Frees an opcodes object. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn ffz_opcodes_free(opcodes: *mut ffz_opcodes) {
    if !opcodes.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(opcodes));
            Ok(())
        });
    }
}
