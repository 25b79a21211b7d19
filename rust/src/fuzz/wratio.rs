//! `WRatio`: a weighted combination of the other scorers, chosen by the
//! ratio of the lengths.

use super::partial_ratio::partial_ratio_slices;
use super::ratio::ratio_slices;
use super::token_ratio::{partial_token_ratio_slices, token_ratio_slices};
use super::{cmax, FuzzUnit};
use crate::unit::Seq;
use crate::with_seqs;

pub(crate) const UNBASE_SCALE: f64 = 0.95;

/// `WRatio` on slices.
pub fn wratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], mut score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    let (len1, len2) = (s1.len(), s2.len());
    // rapidfuzz (like FuzzyWuzzy) scores 0 when either string is empty.
    if len1 == 0 || len2 == 0 {
        return 0.0;
    }
    let len_ratio = if len1 > len2 { len1 as f64 / len2 as f64 } else { len2 as f64 / len1 as f64 };

    let mut end_ratio = ratio_slices(s1, s2, score_cutoff);
    if len_ratio < 1.5 {
        score_cutoff = cmax(score_cutoff, end_ratio) / UNBASE_SCALE;
        return cmax(end_ratio, token_ratio_slices(s1, s2, score_cutoff) * UNBASE_SCALE);
    }

    let partial_scale = if len_ratio <= 8.0 { 0.9 } else { 0.6 };
    score_cutoff = cmax(score_cutoff, end_ratio) / partial_scale;
    end_ratio = cmax(end_ratio, partial_ratio_slices(s1, s2, score_cutoff) * partial_scale);

    score_cutoff = cmax(score_cutoff, end_ratio) / UNBASE_SCALE;
    cmax(end_ratio, partial_token_ratio_slices(s1, s2, score_cutoff) * UNBASE_SCALE * partial_scale)
}

/// `fuzz.WRatio`.
pub fn wratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| wratio_slices(a, b, score_cutoff))
}

