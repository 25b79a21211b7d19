//! `WRatio`: a weighted combination of the other scorers, chosen by the
//! ratio of the lengths.

use super::partial_ratio::partial_ratio_slices;
use super::ratio::ratio_slices;
use super::token_ratio::{partial_token_ratio_slices, token_ratio_slices};
use super::{cmax, FuzzUnit};
use crate::unit::Seq;
use crate::with_seqs;

const UNBASE_SCALE: f64 = 0.95;

/// `WRatio` on slices.
pub fn wratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    weighted(
        s1.len(),
        s2.len(),
        score_cutoff,
        |c| ratio_slices(s1, s2, c),
        |c| token_ratio_slices(s1, s2, c),
        |c| partial_ratio_slices(s1, s2, c),
        |c| partial_token_ratio_slices(s1, s2, c),
    )
}

/// WRatio's weighting of its scorers, for strings of `len1` and `len2`
/// units and a cutoff of at most 100; each closure is that scorer's score
/// of the two strings at a cutoff. [`wratio_slices`] passes the plain
/// scorers, `super::cached::CachedFuzz` ones with the first string
/// prepared. The token scorers are not called for a cutoff above 100 (they
/// would return 0 at once).
#[inline]
pub(crate) fn weighted(
    len1: usize,
    len2: usize,
    mut score_cutoff: f64,
    ratio: impl FnOnce(f64) -> f64,
    token_ratio: impl FnOnce(f64) -> f64,
    partial_ratio: impl FnOnce(f64) -> f64,
    partial_token_ratio: impl FnOnce(f64) -> f64,
) -> f64 {
    // rapidfuzz (like FuzzyWuzzy) scores 0 when either string is empty.
    if len1 == 0 || len2 == 0 {
        return 0.0;
    }
    let len_ratio = if len1 > len2 { len1 as f64 / len2 as f64 } else { len2 as f64 / len1 as f64 };

    let mut end_ratio = ratio(score_cutoff);
    if len_ratio < 1.5 {
        score_cutoff = cmax(score_cutoff, end_ratio) / UNBASE_SCALE;
        let token = if score_cutoff > 100.0 { 0.0 } else { token_ratio(score_cutoff) };
        return cmax(end_ratio, token * UNBASE_SCALE);
    }

    let partial_scale = if len_ratio <= 8.0 { 0.9 } else { 0.6 };
    score_cutoff = cmax(score_cutoff, end_ratio) / partial_scale;
    end_ratio = cmax(end_ratio, partial_ratio(score_cutoff) * partial_scale);

    score_cutoff = cmax(score_cutoff, end_ratio) / UNBASE_SCALE;
    let partial_token = if score_cutoff > 100.0 { 0.0 } else { partial_token_ratio(score_cutoff) };
    cmax(end_ratio, partial_token * UNBASE_SCALE * partial_scale)
}

/// `fuzz.WRatio`.
pub fn wratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| wratio_slices(a, b, score_cutoff))
}

