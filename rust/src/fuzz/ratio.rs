//! `ratio` (normalized Indel similarity x 100) and `QRatio`, plus the score
//! helpers the other scorers share.

use crate::distance::{self, indel::Indel};
use crate::unit::{Seq, Unit};
use crate::with_seqs;

/// Normalized Indel similarity of `s1` and `s2`, times 100; 0 when below
/// `score_cutoff`. Two empty strings score 100.
#[inline]
pub fn ratio_slices<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    from_indel_similarity(Some(score_cutoff), |c| distance::normalized_similarity(&Indel, s1, s2, Some(c), None))
}

/// `fuzz.ratio`: the normalized Indel similarity times 100.
pub fn ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| ratio_slices(a, b, score_cutoff))
}

/// The ratio score for the score cutoff `score_cutoff` (None: 0) from
/// `similarity(c)`, the normalized Indel similarity at cutoff `c`: the
/// score cutoff / 100, a negative one counting as 0 as in every fuzz scorer
/// ([`super::FuzzKind::score`]), and the result times 100. [`ratio`] and
/// the batch paths that take ratio and QRatio through Indel's kernels
/// (`process::cached`, `process::matrix`) all score through it, so their
/// scores are the same to the bit.
#[inline]
pub(crate) fn from_indel_similarity(score_cutoff: Option<f64>, similarity: impl FnOnce(f64) -> f64) -> f64 {
    let c = score_cutoff.unwrap_or(0.0);
    similarity((if c < 0.0 { 0.0 } else { c }) / 100.0) * 100.0
}

/// `fuzz.QRatio`: `ratio`, except that an empty string scores 0.
pub fn qratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    if s1.is_empty() || s2.is_empty() {
        return 0.0;
    }
    ratio(s1, s2, score_cutoff)
}

/// `100 - 100 * dist / lensum` (100 when `lensum` is 0); 0 when below
/// `score_cutoff`.
#[inline]
pub(crate) fn norm_distance(dist: usize, lensum: usize, score_cutoff: f64) -> f64 {
    let score = if lensum > 0 {
        100.0 - 100.0 * dist as f64 / lensum as f64
    } else {
        100.0
    };
    if score >= score_cutoff {
        score
    } else {
        0.0
    }
}

/// The largest Indel distance of strings with `lensum` units in total that
/// still reaches `score_cutoff`: `ceil(lensum * (1 - score_cutoff / 100))`.
#[inline]
pub(crate) fn score_cutoff_to_distance(score_cutoff: f64, lensum: usize) -> usize {
    distance::ceil_to_usize(lensum as f64 * (1.0 - score_cutoff / 100.0))
}

/// `ratio` of two strings whose Indel distance `dist` and length sum
/// `lensum` are already known, with the cutoff rules of `ratio`.
#[inline]
pub(crate) fn ratio_from_distance(dist: usize, lensum: usize, score_cutoff: f64) -> f64 {
    let empty: &[u8] = &[];
    let known = distance::Known { max: lensum, dist };
    distance::normalized_similarity(&known, empty, empty, Some(score_cutoff / 100.0), None) * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        let r = ratio(Seq::U8(b"this is a test"), Seq::U8(b"this is a test!"), 0.0);
        assert!((r - 96.55172413793103).abs() < 1e-9);
        assert_eq!(ratio(Seq::U8(b""), Seq::U8(b""), 0.0), 100.0);
        assert_eq!(qratio(Seq::U8(b""), Seq::U8(b""), 0.0), 0.0);
        assert_eq!(ratio(Seq::U8(b"abc"), Seq::U8(b"abd"), 70.0), 0.0);
        assert_eq!(ratio_from_distance(2, 6, 0.0), ratio(Seq::U8(b"abc"), Seq::U8(b"abd"), 0.0));
    }
}
