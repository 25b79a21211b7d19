//! Pairwise exports of the metrics beyond Levenshtein, Indel and Hamming:
//! LCSseq, OSA, Damerau-Levenshtein, Prefix and Postfix (integer distance
//! and similarity, like Indel), and Jaro and Jaro-Winkler (every form a
//! `double`, as in rapidfuzz).
//!
//! Cutoff rules are rapidfuzz's, as for `ffz_indel_*`: a distance above
//! `score_cutoff` is reported as `score_cutoff + 1` (integer metrics) or
//! 1.0 (Jaro, Jaro-Winkler and every normalized distance); a similarity
//! below `score_cutoff` is reported as 0 or 0.0. "No cutoff" is `SIZE_MAX`
//! for an integer distance, 0 for an integer similarity, 1.0 for a float
//! distance and 0.0 for a float similarity. A NaN `double` cutoff gives
//! `FFZ_INVALID_ARGUMENT`.
//!
//! Every function: returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `out`, or
//! NULL data with a nonzero length), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`,
//! `FFZ_TOO_LARGE`, `FFZ_INVALID_ARGUMENT` (NaN cutoff, bad
//! `prefix_weight`) or `FFZ_PANIC`, and writes `out` only on success.
//! Thread-safe; `s1` and `s2` are only read during the call.

use super::distance::{int_score, norm_score, IntForm, NormForm};
use super::error::{guard, non_null, write_out, FfiError, FfiResult};
use super::strings::read;
use super::{ffz_str, FFZ_INVALID_ARGUMENT};
use crate::distance::damerau_levenshtein::DamerauLevenshtein;
use crate::distance::jaro_winkler;
use crate::distance::lcs_seq::LcsSeq;
use crate::distance::osa::Osa;
use crate::distance::postfix::Postfix;
use crate::distance::prefix::Prefix;
use crate::scorer::{score_jaro, Form};
use crate::unit::Seq;

fn lcs_seq(_: Seq<'_>, _: Seq<'_>) -> FfiResult<LcsSeq> {
    Ok(LcsSeq)
}

fn osa(_: Seq<'_>, _: Seq<'_>) -> FfiResult<Osa> {
    Ok(Osa)
}

fn damerau_levenshtein(_: Seq<'_>, _: Seq<'_>) -> FfiResult<DamerauLevenshtein> {
    Ok(DamerauLevenshtein)
}

fn prefix(_: Seq<'_>, _: Seq<'_>) -> FfiResult<Prefix> {
    Ok(Prefix)
}

fn postfix(_: Seq<'_>, _: Seq<'_>) -> FfiResult<Postfix> {
    Ok(Postfix)
}

/// rapidfuzz's range check of `prefix_weight`: [0, 1]; NaN passes (and then
/// every similarity is 0.0), as in rapidfuzz.
pub(crate) fn check_prefix_weight(prefix_weight: f64) -> FfiResult<()> {
    jaro_winkler::check_prefix_weight(prefix_weight).map_err(|e| FfiError::new(FFZ_INVALID_ARGUMENT, e))
}

/// Jaro (`prefix_weight` None) or Jaro-Winkler in `form`.
unsafe fn jaro_score(
    s1: ffz_str,
    s2: ffz_str,
    prefix_weight: Option<f64>,
    form: Form,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        if score_cutoff.is_nan() {
            return Err(FfiError::new(FFZ_INVALID_ARGUMENT, "score_cutoff must not be NaN"));
        }
        if let Some(w) = prefix_weight {
            check_prefix_weight(w)?;
        }
        let (a, b) = (read(&s1, "s1")?, read(&s2, "s2")?);
        write_out(out, score_jaro(prefix_weight, form, a.seq(), b.seq(), Some(score_cutoff)));
        Ok(())
    })
}

/// LCSseq distance: `max(len1, len2)` minus the LCS length.
///
/// A distance above `score_cutoff` is reported as `score_cutoff + 1`
/// (`SIZE_MAX` for no cutoff). Writes `*out` on success. Returns `FFZ_OK`,
/// or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a nonzero length),
/// `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_PANIC`.
/// Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_lcs_seq_distance(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(lcs_seq, s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// LCSseq similarity: the length of the longest common subsequence (LCS) of `s1` and `s2`.
///
/// A similarity below `score_cutoff` is reported as 0 (0 for no cutoff).
/// Errors and threading as `ffz_lcs_seq_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_lcs_seq_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(lcs_seq, s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// LCSseq distance divided by `max(len1, len2)`, in [0, 1] (0.0 when both
/// are empty). A result above `score_cutoff` is reported as 1.0 (1.0 for no
/// cutoff). Errors and threading as `ffz_lcs_seq_distance`, plus
/// `FFZ_INVALID_ARGUMENT` for a NaN cutoff.
#[no_mangle]
pub unsafe extern "C" fn ffz_lcs_seq_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(lcs_seq, s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized LCSseq distance, in [0, 1]. A result below
/// `score_cutoff` is reported as 0.0 (0.0 for no cutoff). Errors and
/// threading as `ffz_lcs_seq_normalized_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_lcs_seq_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(lcs_seq, s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}

/// OSA distance: the optimal string alignment distance: the minimum number of
/// insertions, deletions, substitutions and transpositions of two adjacent
/// units that turn `s1` into `s2`, where no substring is edited more than
/// once.
///
/// A distance above `score_cutoff` is reported as `score_cutoff + 1`
/// (`SIZE_MAX` for no cutoff). Writes `*out` on success. Returns `FFZ_OK`,
/// or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a nonzero length),
/// `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_PANIC`.
/// Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_osa_distance(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(osa, s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// OSA similarity: `max(len1, len2)` minus the OSA distance.
///
/// A similarity below `score_cutoff` is reported as 0 (0 for no cutoff).
/// Errors and threading as `ffz_osa_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_osa_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(osa, s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// OSA distance divided by `max(len1, len2)`, in [0, 1] (0.0 when both
/// are empty). A result above `score_cutoff` is reported as 1.0 (1.0 for no
/// cutoff). Errors and threading as `ffz_osa_distance`, plus
/// `FFZ_INVALID_ARGUMENT` for a NaN cutoff.
#[no_mangle]
pub unsafe extern "C" fn ffz_osa_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(osa, s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized OSA distance, in [0, 1]. A result below
/// `score_cutoff` is reported as 0.0 (0.0 for no cutoff). Errors and
/// threading as `ffz_osa_normalized_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_osa_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(osa, s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}

/// Damerau-Levenshtein distance: the minimum number of insertions, deletions,
/// substitutions and transpositions of two adjacent units that turn `s1` into
/// `s2` (unrestricted: transposed units may be edited again).
///
/// A distance above `score_cutoff` is reported as `score_cutoff + 1`
/// (`SIZE_MAX` for no cutoff). Writes `*out` on success. Returns `FFZ_OK`,
/// or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a nonzero length),
/// `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_PANIC`.
/// Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_damerau_levenshtein_distance(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(damerau_levenshtein, s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// Damerau-Levenshtein similarity: `max(len1, len2)` minus the Damerau-Levenshtein distance.
///
/// A similarity below `score_cutoff` is reported as 0 (0 for no cutoff).
/// Errors and threading as `ffz_damerau_levenshtein_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_damerau_levenshtein_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(damerau_levenshtein, s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// Damerau-Levenshtein distance divided by `max(len1, len2)`, in [0, 1] (0.0 when both
/// are empty). A result above `score_cutoff` is reported as 1.0 (1.0 for no
/// cutoff). Errors and threading as `ffz_damerau_levenshtein_distance`, plus
/// `FFZ_INVALID_ARGUMENT` for a NaN cutoff.
#[no_mangle]
pub unsafe extern "C" fn ffz_damerau_levenshtein_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(damerau_levenshtein, s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized Damerau-Levenshtein distance, in [0, 1]. A result below
/// `score_cutoff` is reported as 0.0 (0.0 for no cutoff). Errors and
/// threading as `ffz_damerau_levenshtein_normalized_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_damerau_levenshtein_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(damerau_levenshtein, s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}

/// Prefix distance: `max(len1, len2)` minus the common prefix length.
///
/// A distance above `score_cutoff` is reported as `score_cutoff + 1`
/// (`SIZE_MAX` for no cutoff). Writes `*out` on success. Returns `FFZ_OK`,
/// or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a nonzero length),
/// `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_PANIC`.
/// Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_prefix_distance(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(prefix, s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// Prefix similarity: the length of the common prefix of `s1` and `s2`.
///
/// A similarity below `score_cutoff` is reported as 0 (0 for no cutoff).
/// Errors and threading as `ffz_prefix_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_prefix_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(prefix, s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// Prefix distance divided by `max(len1, len2)`, in [0, 1] (0.0 when both
/// are empty). A result above `score_cutoff` is reported as 1.0 (1.0 for no
/// cutoff). Errors and threading as `ffz_prefix_distance`, plus
/// `FFZ_INVALID_ARGUMENT` for a NaN cutoff.
#[no_mangle]
pub unsafe extern "C" fn ffz_prefix_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(prefix, s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized Prefix distance, in [0, 1]. A result below
/// `score_cutoff` is reported as 0.0 (0.0 for no cutoff). Errors and
/// threading as `ffz_prefix_normalized_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_prefix_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(prefix, s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}

/// Postfix distance: `max(len1, len2)` minus the common suffix length.
///
/// A distance above `score_cutoff` is reported as `score_cutoff + 1`
/// (`SIZE_MAX` for no cutoff). Writes `*out` on success. Returns `FFZ_OK`,
/// or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a nonzero length),
/// `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_PANIC`.
/// Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_postfix_distance(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(postfix, s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// Postfix similarity: the length of the common suffix of `s1` and `s2`.
///
/// A similarity below `score_cutoff` is reported as 0 (0 for no cutoff).
/// Errors and threading as `ffz_postfix_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_postfix_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(postfix, s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// Postfix distance divided by `max(len1, len2)`, in [0, 1] (0.0 when both
/// are empty). A result above `score_cutoff` is reported as 1.0 (1.0 for no
/// cutoff). Errors and threading as `ffz_postfix_distance`, plus
/// `FFZ_INVALID_ARGUMENT` for a NaN cutoff.
#[no_mangle]
pub unsafe extern "C" fn ffz_postfix_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(postfix, s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized Postfix distance, in [0, 1]. A result below
/// `score_cutoff` is reported as 0.0 (0.0 for no cutoff). Errors and
/// threading as `ffz_postfix_normalized_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_postfix_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(postfix, s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}

/// Jaro distance: 1 minus the Jaro similarity, a `double` in [0, 1]. A
/// distance above `score_cutoff` is reported as 1.0 (1.0 for no cutoff).
///
/// Writes `*out` on success. Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL
/// `out`, or NULL data with a nonzero length), `FFZ_UNKNOWN_KIND`,
/// `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_INVALID_ARGUMENT` (NaN
/// cutoff), `FFZ_PANIC`. Thread-safe; the strings are borrowed for the call
/// only.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    jaro_score(s1, s2, None, Form::Distance, score_cutoff, out)
}

/// Jaro similarity in [0, 1]: with `m` matching units (equal units at most
/// `max(len1, len2) / 2 - 1` apart) and `t` half the number of matched
/// units out of order, `(m / len1 + m / len2 + (m - t) / m) / 3`; 1.0 when
/// both are empty, 0.0 when `m` is 0. A result below `score_cutoff` is
/// reported as 0.0 (0.0 for no cutoff). Errors and threading as
/// `ffz_jaro_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    jaro_score(s1, s2, None, Form::Similarity, score_cutoff, out)
}

/// Normalized Jaro distance: the same value as `ffz_jaro_distance`, along
/// rapidfuzz's normalized path. Above `score_cutoff` it is reported as 1.0
/// (1.0 for no cutoff). Errors and threading as `ffz_jaro_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    jaro_score(s1, s2, None, Form::NormalizedDistance, score_cutoff, out)
}

/// Normalized Jaro similarity: 1 minus `ffz_jaro_normalized_distance`
/// (which may differ from `ffz_jaro_similarity` in the last bit, as in
/// rapidfuzz). Below `score_cutoff` it is reported as 0.0 (0.0 for no
/// cutoff). Errors and threading as `ffz_jaro_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    jaro_score(s1, s2, None, Form::NormalizedSimilarity, score_cutoff, out)
}

/// Jaro-Winkler distance: 1 minus the Jaro-Winkler similarity, a `double`
/// in [0, 1]. A distance above `score_cutoff` is reported as 1.0 (1.0 for
/// no cutoff).
///
/// - `prefix_weight`: the boost per unit of common prefix (at most 4
///   units); rapidfuzz's default is 0.1. It must be in [0, 1], otherwise
///   `FFZ_INVALID_ARGUMENT`. NaN is accepted, as by rapidfuzz, and makes
///   every similarity 0.0 (distance 1.0).
///
/// Writes `*out` on success. Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL
/// `out`, or NULL data with a nonzero length), `FFZ_UNKNOWN_KIND`,
/// `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`, `FFZ_INVALID_ARGUMENT` (NaN
/// cutoff, `prefix_weight` out of range), `FFZ_PANIC`. Thread-safe; the
/// strings are borrowed for the call only.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_winkler_distance(
    s1: ffz_str,
    s2: ffz_str,
    prefix_weight: f64,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    jaro_score(s1, s2, Some(prefix_weight), Form::Distance, score_cutoff, out)
}

/// Jaro-Winkler similarity: with `j` the Jaro similarity and `p` the common
/// prefix length (at most 4), `j + p * prefix_weight * (1 - j)` when
/// `j > 0.7`, else `j`; capped at 1.0. A result below `score_cutoff` is
/// reported as 0.0 (0.0 for no cutoff). `prefix_weight`, errors and
/// threading as `ffz_jaro_winkler_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_winkler_similarity(
    s1: ffz_str,
    s2: ffz_str,
    prefix_weight: f64,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    jaro_score(s1, s2, Some(prefix_weight), Form::Similarity, score_cutoff, out)
}

/// Normalized Jaro-Winkler distance: the same value as
/// `ffz_jaro_winkler_distance`, along rapidfuzz's normalized path; above
/// `score_cutoff` it is reported as 1.0 (1.0 for no cutoff).
/// `prefix_weight`, errors and threading as `ffz_jaro_winkler_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_winkler_normalized_distance(
    s1: ffz_str,
    s2: ffz_str,
    prefix_weight: f64,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    jaro_score(s1, s2, Some(prefix_weight), Form::NormalizedDistance, score_cutoff, out)
}

/// Normalized Jaro-Winkler similarity: 1 minus
/// `ffz_jaro_winkler_normalized_distance`; below `score_cutoff` it is
/// reported as 0.0 (0.0 for no cutoff). `prefix_weight`, errors and
/// threading as `ffz_jaro_winkler_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_jaro_winkler_normalized_similarity(
    s1: ffz_str,
    s2: ffz_str,
    prefix_weight: f64,
    score_cutoff: f64,
    out: *mut f64,
) -> i32 {
    jaro_score(s1, s2, Some(prefix_weight), Form::NormalizedSimilarity, score_cutoff, out)
}
