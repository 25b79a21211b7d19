//! The token scorers: token_sort_ratio, token_set_ratio, token_ratio and
//! their partial_ratio-based twins.

use super::partial_ratio::partial_ratio_slices;
use super::ratio::{norm_distance, ratio_slices, score_cutoff_to_distance};
use super::token::{join, joined_len, set_decomposition, sorted_split, Decomposition};
use super::{cmax, FuzzUnit};
use crate::distance::{self, indel::Indel};
use crate::unit::Seq;
use crate::with_seqs;

/// `ratio` of the strings with their tokens sorted.
pub fn token_sort_ratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    ratio_slices(&join(&sorted_split(s1)), &join(&sorted_split(s2)), score_cutoff)
}

/// `partial_ratio` of the strings with their tokens sorted.
pub fn partial_token_sort_ratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    partial_ratio_slices(&join(&sorted_split(s1)), &join(&sorted_split(s2)), score_cutoff)
}

// The `*_tokens` functions below are the scorers above for a first string
// given by its sorted tokens (`tokens_a`, from [`sorted_split`]), with
// `score_cutoff` at most 100: a caller scoring one first string against
// many (`super::cached`) splits it once.

/// The set-based part shared by token_set_ratio and token_ratio: the best of
/// `ratio(diff_ab, diff_ba)` scored as if the intersection were prepended
/// to both, and of the intersection against each side, computed from
/// lengths. `result` is the score to beat from elsewhere.
fn set_scores<A: FuzzUnit, B: FuzzUnit>(d: &Decomposition<'_, '_, A, B>, mut result: f64, score_cutoff: f64) -> f64 {
    let diff_ab_joined = join(&d.difference_ab);
    let diff_ba_joined = join(&d.difference_ba);
    let ab_len = diff_ab_joined.len();
    let ba_len = diff_ba_joined.len();
    let sect_len = joined_len(&d.intersection);
    let has_sect = usize::from(sect_len != 0);

    let sect_ab_len = sect_len + has_sect + ab_len;
    let sect_ba_len = sect_len + has_sect + ba_len;

    let cutoff_distance = score_cutoff_to_distance(score_cutoff, sect_ab_len + sect_ba_len);
    let dist = distance::distance(&Indel, &diff_ab_joined, &diff_ba_joined, Some(cutoff_distance), None);
    if dist <= cutoff_distance {
        result = cmax(result, norm_distance(dist, sect_ab_len + sect_ba_len, score_cutoff));
    }
    if sect_len == 0 {
        return result;
    }
    let sect_ab_ratio = norm_distance(has_sect + ab_len, sect_len + sect_ab_len, score_cutoff);
    let sect_ba_ratio = norm_distance(has_sect + ba_len, sect_len + sect_ba_len, score_cutoff);
    cmax(cmax(result, sect_ab_ratio), sect_ba_ratio)
}

/// `token_set_ratio` on slices.
pub fn token_set_ratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    token_set_ratio_tokens(&sorted_split(s1), s2, score_cutoff)
}

/// `token_set_ratio` (see the note above the `*_tokens` functions).
pub(crate) fn token_set_ratio_tokens<A: FuzzUnit, B: FuzzUnit>(tokens_a: &[&[A]], s2: &[B], score_cutoff: f64) -> f64 {
    let tokens_b = sorted_split(s2);
    // rapidfuzz (like FuzzyWuzzy) scores 0 when either side has no tokens.
    if tokens_a.is_empty() || tokens_b.is_empty() {
        return 0.0;
    }
    let d = set_decomposition(tokens_a, &tokens_b);
    if !d.intersection.is_empty() && (d.difference_ab.is_empty() || d.difference_ba.is_empty()) {
        return 100.0;
    }
    set_scores(&d, 0.0, score_cutoff)
}

/// `token_ratio` on slices: the best of token_sort_ratio and token_set_ratio.
pub fn token_ratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    let tokens_a = sorted_split(s1);
    token_ratio_tokens(&tokens_a, s2, score_cutoff, |sorted_b, cutoff| ratio_slices(&join(&tokens_a), sorted_b, cutoff))
}

/// `token_ratio` (see the note above the `*_tokens` functions).
/// `sorted_ratio(b, cutoff)` must be `ratio_slices` of the joined
/// `tokens_a` and `b`: a caller can pass one with its pattern built once.
pub(crate) fn token_ratio_tokens<A: FuzzUnit, B: FuzzUnit>(
    tokens_a: &[&[A]],
    s2: &[B],
    score_cutoff: f64,
    sorted_ratio: impl FnOnce(&[B], f64) -> f64,
) -> f64 {
    let tokens_b = sorted_split(s2);
    let d = set_decomposition(tokens_a, &tokens_b);
    if !d.intersection.is_empty() && (d.difference_ab.is_empty() || d.difference_ba.is_empty()) {
        return 100.0;
    }
    let result = sorted_ratio(&join(&tokens_b), score_cutoff);
    set_scores(&d, result, score_cutoff)
}

/// `partial_token_set_ratio` on slices.
pub fn partial_token_set_ratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    partial_token_set_ratio_tokens(&sorted_split(s1), s2, score_cutoff)
}

/// `partial_token_set_ratio` (see the note above the `*_tokens` functions).
pub(crate) fn partial_token_set_ratio_tokens<A: FuzzUnit, B: FuzzUnit>(tokens_a: &[&[A]], s2: &[B], score_cutoff: f64) -> f64 {
    let tokens_b = sorted_split(s2);
    if tokens_a.is_empty() || tokens_b.is_empty() {
        return 0.0;
    }
    let d = set_decomposition(tokens_a, &tokens_b);
    if !d.intersection.is_empty() {
        return 100.0;
    }
    partial_ratio_slices(&join(&d.difference_ab), &join(&d.difference_ba), score_cutoff)
}

/// `partial_token_ratio` on slices.
pub fn partial_token_ratio_slices<A: FuzzUnit, B: FuzzUnit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    if score_cutoff > 100.0 {
        return 0.0;
    }
    let tokens_a = sorted_split(s1);
    partial_token_ratio_tokens(&tokens_a, &join(&tokens_a), s2, score_cutoff)
}

/// `partial_token_ratio` (see the note above the `*_tokens` functions);
/// `sorted_a` is `tokens_a` joined.
pub(crate) fn partial_token_ratio_tokens<A: FuzzUnit, B: FuzzUnit>(
    tokens_a: &[&[A]],
    sorted_a: &[A],
    s2: &[B],
    mut score_cutoff: f64,
) -> f64 {
    let tokens_b = sorted_split(s2);
    let d = set_decomposition(tokens_a, &tokens_b);
    if !d.intersection.is_empty() {
        return 100.0;
    }
    let result = partial_ratio_slices(sorted_a, &join(&tokens_b), score_cutoff);
    // Without duplicate tokens the differences are the token lists: do not
    // compute the same partial_ratio twice.
    if tokens_a.len() == d.difference_ab.len() && tokens_b.len() == d.difference_ba.len() {
        return result;
    }
    score_cutoff = cmax(score_cutoff, result);
    cmax(result, partial_ratio_slices(&join(&d.difference_ab), &join(&d.difference_ba), score_cutoff))
}

/// `fuzz.token_sort_ratio`.
pub fn token_sort_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| token_sort_ratio_slices(a, b, score_cutoff))
}

/// `fuzz.token_set_ratio`.
pub fn token_set_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| token_set_ratio_slices(a, b, score_cutoff))
}

/// `fuzz.token_ratio`.
pub fn token_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| token_ratio_slices(a, b, score_cutoff))
}

/// `fuzz.partial_token_sort_ratio`.
pub fn partial_token_sort_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| partial_token_sort_ratio_slices(a, b, score_cutoff))
}

/// `fuzz.partial_token_set_ratio`.
pub fn partial_token_set_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| partial_token_set_ratio_slices(a, b, score_cutoff))
}

/// `fuzz.partial_token_ratio`.
pub fn partial_token_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    with_seqs!(s1, s2, |a, b| partial_token_ratio_slices(a, b, score_cutoff))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_examples() {
        let s = |x: &'static str| Seq::U8(x.as_bytes());
        assert_eq!(token_sort_ratio(s("fuzzy wuzzy was a bear"), s("wuzzy fuzzy was a bear"), 0.0), 100.0);
        assert_eq!(token_set_ratio(s("fuzzy was a bear"), s("fuzzy fuzzy was a bear"), 0.0), 100.0);
        let r = token_set_ratio(s("fuzzy was a bear but not a dog"), s("fuzzy was a bear but not a cat"), 0.0);
        assert!((r - 92.3076923076923).abs() < 1e-9);
        assert_eq!(token_set_ratio(s(""), s(""), 0.0), 0.0);
        assert_eq!(token_ratio(s(""), s(""), 0.0), 100.0);
        assert_eq!(partial_token_ratio(s(""), s(""), 0.0), 100.0);
    }
}
