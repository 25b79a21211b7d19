//! The `fuzz` scorers and `default_process`.
//!
//! Every scorer gives a `double` in [0, 100], higher is better, and reports
//! a score below `score_cutoff` as 0 (pass 0.0 for no cutoff; a cutoff above
//! 100 always gives 0; a negative cutoff counts as 0). Results are those of rapidfuzz 3.x's `fuzz` module.
//! Tokens (for the `token_*` scorers and WRatio) are split on whitespace as
//! rapidfuzz splits them, which depends on the string's width: in a string
//! whose units are all below 256 (`FFZ_KIND_U8`, or code points that all
//! fit in Latin-1) only U+0009-000D and U+001C-0020 split; otherwise (and
//! always for `FFZ_KIND_U64`) U+0085, U+00A0, U+1680, U+2000-200A, U+2028,
//! U+2029, U+202F, U+205F and U+3000 split too.

use super::error::{guard, non_null, write_out, FfiError, FfiResult};
use super::strings::read;
use super::{ffz_str, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8, FFZ_KIND_UTF8};
use crate::fuzz::{self, ScoreAlignment};
use crate::unit::{OwnedSeq, Seq};

/// A score and where it was found: `s1[src_start..src_end]` against
/// `s2[dest_start..dest_end]` (in units, end exclusive).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_score_alignment {
    pub score: f64,
    pub src_start: usize,
    pub src_end: usize,
    pub dest_start: usize,
    pub dest_end: usize,
}

impl From<ScoreAlignment> for ffz_score_alignment {
    fn from(a: ScoreAlignment) -> Self {
        ffz_score_alignment {
            score: a.score,
            src_start: a.src_start,
            src_end: a.src_end,
            dest_start: a.dest_start,
            dest_end: a.dest_end,
        }
    }
}

/// A string allocated by the library: `len` units of the width given by
/// `kind` (an `FFZ_KIND_*` value; bytes for `FFZ_KIND_UTF8`) at `data`.
/// `data` is NULL when `len` is 0. The caller owns it and must release it
/// with `ffz_string_free`, exactly once.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_string {
    pub data: *mut std::ffi::c_void,
    pub len: usize,
    pub kind: u32,
}

unsafe fn score_pair(
    scorer: fn(Seq<'_>, Seq<'_>, f64) -> f64,
    s1: ffz_str,
    s2: ffz_str,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let (a, b) = (read(&s1, "s1")?, read(&s2, "s2")?);
        // rapidfuzz's partial scorers return a negative cutoff itself when
        // nothing beats it; a negative cutoff counts as 0 here, so scores
        // stay in [0, 100].
        let score_cutoff = if score_cutoff < 0.0 { 0.0 } else { score_cutoff };
        write_out(out, scorer(a.seq(), b.seq(), score_cutoff));
        Ok(())
    })
}

/// `ratio`: the normalized Indel similarity of `s1` and `s2` times 100
/// (100 for two empty strings). Writes the score to `*out`.
///
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a
/// nonzero length), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`,
/// `FFZ_PANIC`. Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_ratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::ratio, s1, s2, score_cutoff, out)
}

/// `partial_ratio`: the best `ratio` of the shorter string against a
/// same-length substring of the longer one, or against a shorter prefix or
/// suffix of it. Errors and threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_partial_ratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::partial_ratio, s1, s2, score_cutoff, out)
}

/// `partial_ratio`, with where the best alignment was found. Writes
/// `*out` on success; when the score is below `score_cutoff`, `out->score`
/// is 0 and the spans are unspecified. Errors and threading as
/// `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_partial_ratio_alignment(
    s1: ffz_str,
    s2: ffz_str,
    score_cutoff: f64,
    out: *mut ffz_score_alignment,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let (a, b) = (read(&s1, "s1")?, read(&s2, "s2")?);
        write_out(out, fuzz::partial_ratio_alignment(a.seq(), b.seq(), score_cutoff).into());
        Ok(())
    })
}

/// `token_sort_ratio`: `ratio` of the strings with their whitespace-separated
/// tokens sorted. Errors and threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_token_sort_ratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::token_sort_ratio, s1, s2, score_cutoff, out)
}

/// `token_set_ratio`: compares the common and the differing distinct tokens;
/// 100 when the tokens of one string are a subset of the other's, 0 when a
/// string has no tokens. Errors and threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_token_set_ratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::token_set_ratio, s1, s2, score_cutoff, out)
}

/// `token_ratio`: the larger of `token_sort_ratio` and `token_set_ratio`
/// (computed together). Errors and threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_token_ratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::token_ratio, s1, s2, score_cutoff, out)
}

/// `partial_token_sort_ratio`: `partial_ratio` of the strings with their
/// tokens sorted. Errors and threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_partial_token_sort_ratio(
    s1: ffz_str,
    s2: ffz_str,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    score_pair(fuzz::partial_token_sort_ratio, s1, s2, score_cutoff, out)
}

/// `partial_token_set_ratio`: 100 when the strings share a token, else
/// `partial_ratio` of the differing tokens; 0 when a string has no tokens.
/// Errors and threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_partial_token_set_ratio(
    s1: ffz_str,
    s2: ffz_str,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    score_pair(fuzz::partial_token_set_ratio, s1, s2, score_cutoff, out)
}

/// `partial_token_ratio`: the larger of `partial_token_sort_ratio` and
/// `partial_token_set_ratio` (computed together). Errors and threading as
/// `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_partial_token_ratio(
    s1: ffz_str,
    s2: ffz_str,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    score_pair(fuzz::partial_token_ratio, s1, s2, score_cutoff, out)
}

/// `WRatio`: rapidfuzz's weighted ratio, combining the other scorers by the
/// ratio of the lengths; 0 when a string is empty. Errors and threading as
/// `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_wratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::wratio, s1, s2, score_cutoff, out)
}

/// `QRatio`: `ratio`, except that an empty string scores 0. Errors and
/// threading as `ffz_fuzz_ratio`.
#[no_mangle]
pub unsafe extern "C" fn ffz_fuzz_qratio(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    score_pair(fuzz::qratio, s1, s2, score_cutoff, out)
}

fn into_raw<T>(units: Vec<T>) -> (*mut std::ffi::c_void, usize) {
    if units.is_empty() {
        return (std::ptr::null_mut(), 0);
    }
    let len = units.len();
    let ptr = Box::into_raw(units.into_boxed_slice()) as *mut T;
    (ptr.cast(), len)
}

/// `default_process`: lowercases alphanumeric characters, turns every other
/// character into a space and trims spaces from both ends, with rapidfuzz's
/// definitions (Python's `str.isalnum` under Unicode 13.0, simple lowercase
/// mappings). Units are read as code points; 8-byte values above U+10FFFF
/// count as non-alphanumeric.
///
/// On success writes to `*out` a new string of the same kind as `s` (UTF-8
/// in, UTF-8 out), owned by the caller, to be released with
/// `ffz_string_free`. `*out` is left untouched on failure.
///
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a
/// nonzero length), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`,
/// `FFZ_PANIC`. Thread-safe; `s` is only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_default_process(s: ffz_str, out: *mut ffz_string) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let text = read(&s, "s")?;
        let processed = fuzz::default_process(text.seq());
        let (data, len, kind) = if s.kind == FFZ_KIND_UTF8 {
            let utf8: String = processed
                .as_seq()
                .values()
                .into_iter()
                .map(|v| char::from_u32(v as u32).unwrap_or(' '))
                .collect();
            let (d, l) = into_raw(utf8.into_bytes());
            (d, l, FFZ_KIND_UTF8)
        } else {
            // Keep the caller's unit width even when the result would fit a
            // narrower one.
            match (s.kind, processed) {
                (FFZ_KIND_U8, OwnedSeq::U8(v)) => {
                    let (d, l) = into_raw(v);
                    (d, l, FFZ_KIND_U8)
                }
                (FFZ_KIND_U32, seq) => {
                    let v: Vec<u32> = seq.as_seq().values().into_iter().map(|x| x as u32).collect();
                    let (d, l) = into_raw(v);
                    (d, l, FFZ_KIND_U32)
                }
                (FFZ_KIND_U64, seq) => {
                    let (d, l) = into_raw(seq.as_seq().values());
                    (d, l, FFZ_KIND_U64)
                }
                (_, seq) => {
                    // An empty input of any kind reads as U8.
                    let v: Vec<u32> = seq.as_seq().values().into_iter().map(|x| x as u32).collect();
                    let (d, l) = into_raw(v);
                    (d, l, FFZ_KIND_U32)
                }
            }
        };
        write_out(out, ffz_string { data, len, kind });
        Ok(())
    })
}

fn free_units(s: &ffz_string) -> FfiResult<()> {
    if s.data.is_null() {
        return Ok(());
    }
    // SAFETY (by the caller's contract): data/len/kind came from
    // ffz_default_process and were not freed before.
    unsafe {
        match s.kind {
            FFZ_KIND_U8 | FFZ_KIND_UTF8 => {
                drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(s.data as *mut u8, s.len)))
            }
            FFZ_KIND_U32 => drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(s.data as *mut u32, s.len))),
            FFZ_KIND_U64 => drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(s.data as *mut u64, s.len))),
            other => {
                return Err(FfiError::new(
                    super::FFZ_UNKNOWN_KIND,
                    format!("ffz_string_free: unknown kind {other}"),
                ))
            }
        }
    }
    Ok(())
}

/// Releases the data of a string the library returned, and sets its `data`
/// to NULL and `len` to 0, so a second call is harmless. Accepts NULL `s`
/// and a `s->data` of NULL. `*s` must be unmodified since the library wrote
/// it. Not thread-safe for the same `s`.
#[no_mangle]
pub unsafe extern "C" fn ffz_string_free(s: *mut ffz_string) {
    if s.is_null() {
        return;
    }
    let _ = guard(|| {
        let value = s.read_unaligned();
        free_units(&value)?;
        write_out(s, ffz_string { data: std::ptr::null_mut(), len: 0, kind: value.kind });
        Ok(())
    });
}
