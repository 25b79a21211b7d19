//! A fuzz scorer's first string prepared once, for scoring one query
//! against many choices (process::cached uses it), as rapidfuzz's cached
//! scorers: the query's ratio pattern, its sorted tokens, their join and
//! that join's pattern are computed once instead of once per pair. Every
//! score is the plain scorer's to the bit: the same kernels, cutoffs and
//! order of operations.

use super::partial_ratio::CachedPartialRatio;
use super::ratio::{from_indel_similarity, ratio_slices};
use super::token::{join, sorted_split};
use super::token_ratio::{
    partial_token_ratio_tokens, partial_token_set_ratio_tokens, token_ratio_tokens, token_set_ratio_tokens,
};
use super::wratio::weighted;
use super::{FuzzKind, FuzzUnit};
use crate::distance::indel::CachedIndel;
use crate::distance::pattern::PatternMatchVector;
use crate::distance;
use crate::unit::Unit;
use std::sync::OnceLock;

/// The query of the token scorers and WRatio, prepared.
pub struct CachedFuzz<'q, A> {
    s1: &'q [A],
    /// Match vectors of `s1` (None beyond 64 units).
    pm: Option<PatternMatchVector>,
    tokens: Vec<&'q [A]>,
    sorted: Vec<A>,
    /// Match vectors of `sorted` (None beyond 64 units).
    sorted_pm: Option<PatternMatchVector>,
    /// partial_ratio's kernels of `s1` and of `sorted`, made on first use
    /// (WRatio needs them only for strings of very different lengths).
    partial: OnceLock<CachedPartialRatio<A>>,
    sorted_partial: OnceLock<CachedPartialRatio<A>>,
}

/// Whether [`CachedFuzz::score`] takes `kind`: the scorers that split the
/// query into tokens, WRatio and partial_ratio. (ratio and QRatio have
/// their own cached path.)
pub fn takes(kind: FuzzKind) -> bool {
    matches!(
        kind,
        FuzzKind::PartialRatio
            | FuzzKind::TokenSortRatio
            | FuzzKind::TokenSetRatio
            | FuzzKind::TokenRatio
            | FuzzKind::PartialTokenSortRatio
            | FuzzKind::PartialTokenSetRatio
            | FuzzKind::PartialTokenRatio
            | FuzzKind::WRatio
    )
}

/// `ratio_slices(s1, s2, score_cutoff)`, through `pm` (the vectors of `s1`)
/// when there is one.
#[inline]
fn ratio_with<A: Unit, B: Unit>(pm: Option<&PatternMatchVector>, s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    match pm {
        Some(pm) => from_indel_similarity(Some(score_cutoff), |c| {
            distance::normalized_similarity(&CachedIndel { pm }, s1, s2, Some(c), None)
        }),
        None => ratio_slices(s1, s2, score_cutoff),
    }
}

impl<'q, A: FuzzUnit> CachedFuzz<'q, A> {
    pub fn new(s1: &'q [A]) -> Self {
        let pattern = |s: &[A]| (1..=64).contains(&s.len()).then(|| PatternMatchVector::new(s));
        let tokens = sorted_split(s1);
        let sorted = join(&tokens);
        CachedFuzz {
            s1,
            pm: pattern(s1),
            sorted_pm: pattern(&sorted),
            tokens,
            sorted,
            partial: OnceLock::new(),
            sorted_partial: OnceLock::new(),
        }
    }

    /// `kind`'s score of the query and `s2`, as [`FuzzKind::score`] with a
    /// cutoff already clamped ([`FuzzKind::clamped_cutoff`]); a kind
    /// [`takes`] refuses gets 0.
    pub fn score<B: FuzzUnit>(&self, kind: FuzzKind, s2: &[B], score_cutoff: f64) -> f64 {
        // Every scorer returns 0 above 100 before doing anything else.
        if score_cutoff > 100.0 {
            return 0.0;
        }
        match kind {
            FuzzKind::PartialRatio => self.partial_ratio(s2, score_cutoff),
            FuzzKind::TokenSortRatio => self.sorted_ratio(&join(&sorted_split(s2)), score_cutoff),
            FuzzKind::TokenSetRatio => token_set_ratio_tokens(&self.tokens, s2, score_cutoff),
            FuzzKind::TokenRatio => self.token_ratio(s2, score_cutoff),
            FuzzKind::PartialTokenSortRatio => self
                .sorted_partial
                .get_or_init(|| CachedPartialRatio::new(&self.sorted))
                .score(&join(&sorted_split(s2)), score_cutoff),
            FuzzKind::PartialTokenSetRatio => partial_token_set_ratio_tokens(&self.tokens, s2, score_cutoff),
            FuzzKind::PartialTokenRatio => partial_token_ratio_tokens(&self.tokens, &self.sorted, s2, score_cutoff),
            FuzzKind::WRatio => self.wratio(s2, score_cutoff),
            _ => 0.0,
        }
    }

    /// `partial_ratio_slices(s1, s2, score_cutoff)`.
    #[inline]
    fn partial_ratio<B: Unit>(&self, s2: &[B], score_cutoff: f64) -> f64 {
        self.partial.get_or_init(|| CachedPartialRatio::new(self.s1)).score(s2, score_cutoff)
    }

    /// `ratio_slices` of the query's sorted join and `sorted_b`.
    #[inline]
    fn sorted_ratio<B: Unit>(&self, sorted_b: &[B], score_cutoff: f64) -> f64 {
        ratio_with(self.sorted_pm.as_ref(), &self.sorted, sorted_b, score_cutoff)
    }

    /// `token_ratio_slices(s1, s2, score_cutoff)`, for a cutoff of at most 100.
    #[inline]
    fn token_ratio<B: FuzzUnit>(&self, s2: &[B], score_cutoff: f64) -> f64 {
        token_ratio_tokens(&self.tokens, s2, score_cutoff, |sorted_b, cutoff| self.sorted_ratio(sorted_b, cutoff))
    }

    /// `wratio_slices(s1, s2, score_cutoff)`, for a cutoff of at most 100.
    #[inline]
    fn wratio<B: FuzzUnit>(&self, s2: &[B], score_cutoff: f64) -> f64 {
        let s1 = self.s1;
        weighted(
            s1.len(),
            s2.len(),
            score_cutoff,
            |c| ratio_with(self.pm.as_ref(), s1, s2, c),
            |c| self.token_ratio(s2, c),
            |c| self.partial_ratio(s2, c),
            |c| partial_token_ratio_tokens(&self.tokens, &self.sorted, s2, c),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unit::Seq;

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    /// Every kind CachedFuzz takes gives FuzzKind::score's result to the
    /// bit, for queries and choices of every unit type (mixed too), short
    /// and over 64 units (no pattern), close and very different lengths
    /// (WRatio's partial paths), and cutoffs from negative to past 100.
    #[test]
    fn equals_the_plain_scorers() {
        let mut s = 41u64;
        let alphabet = ['a', 'b', 'c', ' ', ' ', '\u{e9}', '\u{1F600}', '\u{a0}'];
        let mut word = |max: u64| -> Vec<u32> {
            let len = rng(&mut s) % (max + 1);
            (0..len).map(|_| alphabet[(rng(&mut s) % 8) as usize] as u32).collect()
        };
        let kinds: Vec<FuzzKind> = FuzzKind::ALL.into_iter().filter(|&k| takes(k)).collect();
        assert_eq!(kinds.len(), 8);
        for round in 0..300 {
            let max = [6, 20, 70, 140][round % 4];
            let q32 = word(max);
            let q8: Vec<u8> = q32.iter().map(|&c| (c & 0x7f) as u8).collect();
            let q64: Vec<u64> = q32.iter().map(|&c| c as u64).collect();
            let (c8, c32, c64) = (CachedFuzz::new(&q8[..]), CachedFuzz::new(&q32[..]), CachedFuzz::new(&q64[..]));
            for j in 0..8 {
                let b32 = word([6, 20, 70, 140][(round + j * 3) % 4]);
                let b8: Vec<u8> = b32.iter().map(|&c| (c & 0x7f) as u8).collect();
                let b64: Vec<u64> = b32.iter().map(|&c| c as u64).collect();
                for &kind in &kinds {
                    for cutoff in [-3.0, 0.0, 30.0, 61.5, 85.0, 99.9, 100.0, 100.5] {
                        let clamped = FuzzKind::clamped_cutoff(Some(cutoff));
                        let check = |got: f64, q: Seq<'_>, b: Seq<'_>| {
                            let want = kind.score(q, b, cutoff);
                            assert_eq!(got.to_bits(), want.to_bits(), "{kind:?} {q:?} {b:?} {cutoff}");
                        };
                        check(c8.score(kind, &b8[..], clamped), Seq::U8(&q8), Seq::U8(&b8));
                        check(c32.score(kind, &b32[..], clamped), Seq::U32(&q32), Seq::U32(&b32));
                        check(c64.score(kind, &b64[..], clamped), Seq::U64(&q64), Seq::U64(&b64));
                        check(c32.score(kind, &b8[..], clamped), Seq::U32(&q32), Seq::U8(&b8));
                        check(c8.score(kind, &b32[..], clamped), Seq::U8(&q8), Seq::U32(&b32));
                    }
                }
            }
        }
    }
}
