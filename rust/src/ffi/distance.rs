//! Pairwise metric exports: for each metric, its distance, similarity,
//! normalized distance and normalized similarity.
//!
//! Integer forms take `size_t` cutoffs and give `size_t` results; normalized
//! forms take and give `double`s in [0, 1]. "No cutoff" is `SIZE_MAX` for a
//! distance, 0 for a similarity, 1.0 for a normalized distance and 0.0 for a
//! normalized similarity. Cutoffs follow rapidfuzz's rules and let the kernel
//! stop early; a NaN cutoff or hint gives `FFZ_INVALID_ARGUMENT`. Weighted
//! distances saturate at `SIZE_MAX`.

use super::error::{guard, non_null, write_out, FfiError, FfiResult};
use super::strings::read;
use super::{ffz_str, FFZ_INVALID_ARGUMENT, FFZ_LENGTH_MISMATCH};
use crate::distance::hamming::{self, Hamming};
use crate::distance::indel::Indel;
use crate::distance::levenshtein::{Levenshtein, Weights};
use crate::distance::{self, Metric};
use crate::unit::Seq;
use crate::with_seqs;

/// Costs of insertion, deletion and substitution for Levenshtein.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_levenshtein_weights {
    pub insertion: usize,
    pub deletion: usize,
    pub substitution: usize,
}

impl From<ffz_levenshtein_weights> for Weights {
    fn from(w: ffz_levenshtein_weights) -> Self {
        Weights {
            insertion: w.insertion,
            deletion: w.deletion,
            substitution: w.substitution,
        }
    }
}

/// Reads the weights; NULL means (1, 1, 1).
///
/// # Safety
/// `weights` is NULL or points to a valid `ffz_levenshtein_weights`.
pub(crate) unsafe fn read_weights(weights: *const ffz_levenshtein_weights) -> Weights {
    if weights.is_null() {
        Weights::default()
    } else {
        weights.read_unaligned().into()
    }
}

/// Which integer form to compute.
#[derive(Clone, Copy)]
pub(super) enum IntForm {
    Distance,
    Similarity,
}

/// Which normalized form to compute.
#[derive(Clone, Copy)]
pub(super) enum NormForm {
    Distance,
    Similarity,
}

pub(super) unsafe fn int_score<M: Metric>(
    metric: impl FnOnce(Seq<'_>, Seq<'_>) -> FfiResult<M>,
    s1: ffz_str,
    s2: ffz_str,
    form: IntForm,
    score_cutoff: usize,
    score_hint: usize,
    out: *mut usize,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let (a, b) = (read(&s1, "s1")?, read(&s2, "s2")?);
        let metric = metric(a.seq(), b.seq())?;
        let result = match form {
            IntForm::Distance => {
                let cutoff = (score_cutoff != usize::MAX).then_some(score_cutoff);
                let hint = (score_hint != usize::MAX).then_some(score_hint);
                with_seqs!(a.seq(), b.seq(), |x, y| distance::distance(&metric, x, y, cutoff, hint))
            }
            IntForm::Similarity => {
                let hint = (score_hint != 0).then_some(score_hint);
                with_seqs!(a.seq(), b.seq(), |x, y| {
                    distance::similarity(&metric, x, y, Some(score_cutoff), hint)
                })
            }
        };
        write_out(out, result);
        Ok(())
    })
}

pub(super) unsafe fn norm_score<M: Metric>(
    metric: impl FnOnce(Seq<'_>, Seq<'_>) -> FfiResult<M>,
    s1: ffz_str,
    s2: ffz_str,
    form: NormForm,
    score_cutoff: f64,
    score_hint: f64,
    out: *mut f64,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        if score_cutoff.is_nan() || score_hint.is_nan() {
            return Err(FfiError::new(FFZ_INVALID_ARGUMENT, "score_cutoff and score_hint must not be NaN"));
        }
        let (a, b) = (read(&s1, "s1")?, read(&s2, "s2")?);
        let metric = metric(a.seq(), b.seq())?;
        let (cutoff, hint) = (Some(score_cutoff), Some(score_hint));
        let result = match form {
            NormForm::Distance => with_seqs!(a.seq(), b.seq(), |x, y| {
                distance::normalized_distance(&metric, x, y, cutoff, hint)
            }),
            NormForm::Similarity => with_seqs!(a.seq(), b.seq(), |x, y| {
                distance::normalized_similarity(&metric, x, y, cutoff, hint)
            }),
        };
        write_out(out, result);
        Ok(())
    })
}

/// Hamming, checking lengths in code points unless padding.
fn hamming(pad: bool) -> impl FnOnce(Seq<'_>, Seq<'_>) -> FfiResult<Hamming> {
    move |a, b| {
        hamming::check_lengths(a.len(), b.len(), pad)
            .map_err(|e| FfiError::new(FFZ_LENGTH_MISMATCH, e.to_string()))?;
        Ok(Hamming)
    }
}

fn levenshtein(weights: Weights) -> impl FnOnce(Seq<'_>, Seq<'_>) -> FfiResult<Levenshtein> {
    move |_, _| Ok(Levenshtein { weights })
}

fn indel(_: Seq<'_>, _: Seq<'_>) -> FfiResult<Indel> {
    Ok(Indel)
}

/// Levenshtein distance: the minimum total cost of insertions, deletions and
/// substitutions that turn `s1` into `s2`.
///
/// - `weights`: the three costs, or NULL for (1, 1, 1).
/// - `score_cutoff`: a distance above it is reported as `score_cutoff + 1`;
///   `SIZE_MAX` for none.
/// - `score_hint`: an expected upper bound on the distance that speeds up
///   the search; `SIZE_MAX` for none. Never changes the result.
/// - `out`: receives the distance on success.
///
/// Returns `FFZ_OK`, or `FFZ_NULL_POINTER` (NULL `out`, or NULL data with a
/// nonzero length), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE`,
/// `FFZ_PANIC`. Thread-safe; `s1` and `s2` are only read during the call.
#[no_mangle]
pub unsafe extern "C" fn ffz_levenshtein_distance(
    s1: ffz_str,
    s2: ffz_str,
    weights: *const ffz_levenshtein_weights,
    score_cutoff: usize,
    score_hint: usize,
    out: *mut usize,
) -> i32 {
    int_score(levenshtein(read_weights(weights)), s1, s2, IntForm::Distance, score_cutoff, score_hint, out)
}

/// Levenshtein similarity: the maximum possible distance for these lengths
/// and weights, minus the distance. A similarity below `score_cutoff` is
/// reported as 0 (0 means no cutoff). `score_hint` is an expected lower
/// bound, or 0 for none. Errors and threading as `ffz_levenshtein_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_levenshtein_similarity(
    s1: ffz_str,
    s2: ffz_str,
    weights: *const ffz_levenshtein_weights,
    score_cutoff: usize,
    score_hint: usize,
    out: *mut usize,
) -> i32 {
    int_score(levenshtein(read_weights(weights)), s1, s2, IntForm::Similarity, score_cutoff, score_hint, out)
}

/// Levenshtein distance divided by the maximum possible distance, in [0, 1]
/// (0 when both are empty). A result above `score_cutoff` is reported as 1.0
/// (pass 1.0 for no cutoff). `score_hint` in [0, 1] speeds up the search
/// (pass 1.0 for none). Errors and threading as `ffz_levenshtein_distance`,
/// plus `FFZ_INVALID_ARGUMENT` for a NaN cutoff or hint.
#[no_mangle]
pub unsafe extern "C" fn ffz_levenshtein_normalized_distance(
    s1: ffz_str,
    s2: ffz_str,
    weights: *const ffz_levenshtein_weights,
    score_cutoff: f64,
    score_hint: f64,
    out: *mut f64,
) -> i32 {
    norm_score(levenshtein(read_weights(weights)), s1, s2, NormForm::Distance, score_cutoff, score_hint, out)
}

/// 1 minus the normalized Levenshtein distance, in [0, 1]. A result below
/// `score_cutoff` is reported as 0.0 (pass 0.0 for no cutoff). `score_hint`
/// is an expected lower bound (pass 0.0 for none). Errors and threading as
/// `ffz_levenshtein_normalized_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_levenshtein_normalized_similarity(
    s1: ffz_str,
    s2: ffz_str,
    weights: *const ffz_levenshtein_weights,
    score_cutoff: f64,
    score_hint: f64,
    out: *mut f64,
) -> i32 {
    norm_score(levenshtein(read_weights(weights)), s1, s2, NormForm::Similarity, score_cutoff, score_hint, out)
}

/// Indel distance: the minimum number of insertions and deletions that turn
/// `s1` into `s2` (`len1 + len2 - 2 * LCS`). `score_cutoff` as for
/// `ffz_levenshtein_distance` (`SIZE_MAX` for none). Errors and threading as
/// `ffz_levenshtein_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_indel_distance(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(indel, s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// Indel similarity: `len1 + len2` minus the Indel distance; below
/// `score_cutoff` it is reported as 0 (0 for no cutoff).
#[no_mangle]
pub unsafe extern "C" fn ffz_indel_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(indel, s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// Indel distance divided by `len1 + len2`; above `score_cutoff` it is
/// reported as 1.0 (1.0 for no cutoff). A NaN cutoff gives
/// `FFZ_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn ffz_indel_normalized_distance(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(indel, s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized Indel distance; below `score_cutoff` it is
/// reported as 0.0 (0.0 for no cutoff). A NaN cutoff gives
/// `FFZ_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn ffz_indel_normalized_similarity(s1: ffz_str, s2: ffz_str, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(indel, s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}

/// Hamming distance: the number of positions at which `s1` and `s2` differ.
/// With `pad`, each unit of the length difference counts as a mismatch;
/// without it, unequal lengths (in code points) fail with
/// `FFZ_LENGTH_MISMATCH`. `score_cutoff` as for `ffz_levenshtein_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_hamming_distance(s1: ffz_str, s2: ffz_str, pad: bool, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(hamming(pad), s1, s2, IntForm::Distance, score_cutoff, usize::MAX, out)
}

/// Hamming similarity: `max(len1, len2)` minus the distance; below
/// `score_cutoff` it is reported as 0. `pad` as for `ffz_hamming_distance`.
#[no_mangle]
pub unsafe extern "C" fn ffz_hamming_similarity(s1: ffz_str, s2: ffz_str, pad: bool, score_cutoff: usize, out: *mut usize) -> i32 {
    int_score(hamming(pad), s1, s2, IntForm::Similarity, score_cutoff, 0, out)
}

/// Hamming distance divided by `max(len1, len2)`; above `score_cutoff` it is
/// reported as 1.0. `pad` as for `ffz_hamming_distance`. A NaN cutoff
/// gives `FFZ_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn ffz_hamming_normalized_distance(s1: ffz_str, s2: ffz_str, pad: bool, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(hamming(pad), s1, s2, NormForm::Distance, score_cutoff, 1.0, out)
}

/// 1 minus the normalized Hamming distance; below `score_cutoff` it is
/// reported as 0.0. `pad` as for `ffz_hamming_distance`. A NaN cutoff
/// gives `FFZ_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn ffz_hamming_normalized_similarity(s1: ffz_str, s2: ffz_str, pad: bool, score_cutoff: f64, out: *mut f64) -> i32 {
    norm_score(hamming(pad), s1, s2, NormForm::Similarity, score_cutoff, 0.0, out)
}
