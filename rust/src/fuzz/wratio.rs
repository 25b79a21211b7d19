//! `WRatio`: a weighted combination of the other scorers, chosen by the
//! ratio of the lengths.

use super::partial_ratio::partial_ratio_slices;
use super::ratio::{from_indel_similarity, ratio_slices};
use super::token::{join, sorted_split};
use super::token_ratio::{partial_token_ratio_slices, token_ratio_slices, token_ratio_tokens};
use super::{cmax, FuzzUnit};
use crate::distance::indel::CachedIndel;
use crate::distance::pattern::PatternMatchVector;
use crate::distance::{self, indel::Indel};
use crate::unit::{Seq, Unit};
use crate::with_seqs;

const UNBASE_SCALE: f64 = 0.95;

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

/// WRatio with the first string fixed, for scoring one query against many
/// choices, as rapidfuzz's CachedWRatio: the query's ratio pattern, its
/// sorted tokens, their join and its pattern are computed once. Scores are
/// those of [`wratio_slices`] to the bit (the same kernels and cutoffs).
pub struct CachedWRatio<'q, A> {
    s1: &'q [A],
    /// Match vectors of `s1` (None beyond 64 units).
    pm: Option<PatternMatchVector>,
    tokens: Vec<&'q [A]>,
    sorted: Vec<A>,
    /// Match vectors of `sorted` (None beyond 64 units).
    sorted_pm: Option<PatternMatchVector>,
}

/// `ratio_slices(s1, s2, score_cutoff)`, through `pm` (the vectors of `s1`)
/// when there is one.
#[inline]
fn ratio_with<A: Unit, B: Unit>(pm: Option<&PatternMatchVector>, s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    match pm {
        Some(pm) => from_indel_similarity(Some(score_cutoff), |c| {
            distance::normalized_similarity(&CachedIndel { pm }, s1, s2, Some(c), None)
        }),
        None => from_indel_similarity(Some(score_cutoff), |c| distance::normalized_similarity(&Indel, s1, s2, Some(c), None)),
    }
}

impl<'q, A: FuzzUnit> CachedWRatio<'q, A> {
    pub fn new(s1: &'q [A]) -> Self {
        let pattern = |s: &[A]| (1..=64).contains(&s.len()).then(|| PatternMatchVector::new(s));
        let tokens = sorted_split(s1);
        let sorted = join(&tokens);
        CachedWRatio { s1, pm: pattern(s1), sorted_pm: pattern(&sorted), tokens, sorted }
    }

    /// `wratio_slices(s1, s2, score_cutoff)`.
    pub fn score<B: FuzzUnit>(&self, s2: &[B], mut score_cutoff: f64) -> f64 {
        let s1 = self.s1;
        if score_cutoff > 100.0 {
            return 0.0;
        }
        let (len1, len2) = (s1.len(), s2.len());
        if len1 == 0 || len2 == 0 {
            return 0.0;
        }
        let len_ratio = if len1 > len2 { len1 as f64 / len2 as f64 } else { len2 as f64 / len1 as f64 };

        let mut end_ratio = ratio_with(self.pm.as_ref(), s1, s2, score_cutoff);
        if len_ratio < 1.5 {
            score_cutoff = cmax(score_cutoff, end_ratio) / UNBASE_SCALE;
            // token_ratio_slices returns 0 above 100 before splitting.
            let token_ratio = if score_cutoff > 100.0 {
                0.0
            } else {
                token_ratio_tokens(&self.tokens, s2, score_cutoff, |sorted_b, cutoff| {
                    ratio_with(self.sorted_pm.as_ref(), &self.sorted, sorted_b, cutoff)
                })
            };
            return cmax(end_ratio, token_ratio * UNBASE_SCALE);
        }

        let partial_scale = if len_ratio <= 8.0 { 0.9 } else { 0.6 };
        score_cutoff = cmax(score_cutoff, end_ratio) / partial_scale;
        end_ratio = cmax(end_ratio, partial_ratio_slices(s1, s2, score_cutoff) * partial_scale);

        score_cutoff = cmax(score_cutoff, end_ratio) / UNBASE_SCALE;
        cmax(end_ratio, partial_token_ratio_slices(s1, s2, score_cutoff) * UNBASE_SCALE * partial_scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    /// CachedWRatio gives wratio_slices' score to the bit for queries and
    /// choices of every unit type, short and over 64 units (no pattern),
    /// equal-ish and very different lengths (the partial paths), with
    /// cutoffs from 0 to past 100.
    #[test]
    fn cached_equals_the_plain_scorer() {
        let mut s = 41u64;
        let alphabet = ['a', 'b', 'c', ' ', ' ', '\u{e9}', '\u{1F600}', '\u{a0}'];
        let mut word = |max: u64| -> Vec<u32> {
            let len = rng(&mut s) % (max + 1);
            (0..len).map(|_| alphabet[(rng(&mut s) % 8) as usize] as u32).collect()
        };
        for round in 0..400 {
            let max = [6, 20, 70, 140][round % 4];
            let q32 = word(max);
            let q8: Vec<u8> = q32.iter().map(|&c| (c & 0x7f) as u8).collect();
            let q64: Vec<u64> = q32.iter().map(|&c| c as u64).collect();
            let (c8, c32, c64) = (CachedWRatio::new(&q8[..]), CachedWRatio::new(&q32[..]), CachedWRatio::new(&q64[..]));
            for _ in 0..12 {
                let b32 = word([6, 20, 70, 140][(round + 1) % 4]);
                let b8: Vec<u8> = b32.iter().map(|&c| (c & 0x7f) as u8).collect();
                let b64: Vec<u64> = b32.iter().map(|&c| c as u64).collect();
                for cutoff in [0.0, 30.0, 61.5, 85.0, 99.9, 100.0, 100.5] {
                    assert_eq!(c8.score(&b8[..], cutoff).to_bits(), wratio_slices(&q8[..], &b8[..], cutoff).to_bits(), "{q8:?} {b8:?} {cutoff}");
                    assert_eq!(c32.score(&b32[..], cutoff).to_bits(), wratio_slices(&q32[..], &b32[..], cutoff).to_bits(), "{q32:?} {b32:?} {cutoff}");
                    assert_eq!(c64.score(&b64[..], cutoff).to_bits(), wratio_slices(&q64[..], &b64[..], cutoff).to_bits());
                    assert_eq!(c32.score(&b8[..], cutoff).to_bits(), wratio_slices(&q32[..], &b8[..], cutoff).to_bits());
                    assert_eq!(c8.score(&b32[..], cutoff).to_bits(), wratio_slices(&q8[..], &b32[..], cutoff).to_bits());
                }
            }
        }
    }
}
