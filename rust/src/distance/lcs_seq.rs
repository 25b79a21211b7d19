//! Longest common subsequence (LCSseq).
//!
//! The LCS length comes from Hyyrö's bit-parallel algorithm: one 64-bit word
//! when the shorter sequence has at most 64 units, otherwise blocks of 64
//! restricted to the diagonal band that an alignment reaching the requested
//! LCS length can use. Tiny allowances go through [`super::mbleven`].
//!
//! `LcsSeq`'s distance is `max(len1, len2) - lcs`.

use super::common::strip_affix;
use super::mbleven;
use super::pattern::{with_word_pattern, BlockPatternMatchVector, PatternMatchVector, WordMatchVector};
use super::Metric;
use crate::unit::Unit;

#[derive(Clone, Copy, Debug, Default)]
pub struct LcsSeq;

impl Metric for LcsSeq {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, _hint: usize) -> usize {
        let maximum = s1.len().max(s2.len());
        let lcs = lcs_bounded(s1, s2, maximum.saturating_sub(cutoff));
        maximum - lcs
    }
}

/// LCSseq whose first sequence (1..=64 units) has the match vectors `pm`,
/// built once and used for every second sequence. Distances equal
/// [`LcsSeq`]'s under the same cutoff rules.
pub(crate) struct CachedLcsSeq<'p> {
    pub pm: &'p PatternMatchVector,
}

impl Metric for CachedLcsSeq<'_> {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, hint: usize) -> usize {
        let (len1, len2) = (s1.len(), s2.len());
        let maximum = len1.max(len2);
        let min_lcs = maximum.saturating_sub(cutoff);
        if min_lcs > len1.min(len2) {
            return maximum; // above the cutoff, as LcsSeq reports it
        }
        if min_lcs == maximum || len2 == 0 {
            return LcsSeq.raw_distance(s1, s2, cutoff, hint);
        }
        maximum - lcs_word(self.pm, s2)
    }
}

/// The LCS length of `s1` and `s2` when it is at least `score_cutoff`,
/// otherwise 0.
pub fn similarity_raw<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: usize) -> usize {
    let lcs = lcs_bounded(s1, s2, score_cutoff);
    if lcs >= score_cutoff {
        lcs
    } else {
        0
    }
}

/// The LCS length when it is at least `min_lcs`; otherwise some value below
/// `min_lcs`. The result never exceeds `min(len1, len2)`.
pub(crate) fn lcs_bounded<A: Unit, B: Unit>(s1: &[A], s2: &[B], min_lcs: usize) -> usize {
    let (len1, len2) = (s1.len(), s2.len());
    if min_lcs > len1.min(len2) {
        return 0;
    }
    // With equal lengths and (almost) no misses allowed, only equality counts.
    let max_misses = len1 + len2 - 2 * min_lcs;
    if max_misses == 0 || (max_misses == 1 && len1 == len2) {
        let eq = len1 == len2 && s1.iter().zip(s2).all(|(a, b)| a.value() == b.value());
        return if eq { len1 } else { 0 };
    }

    let (a, b, prefix, suffix) = strip_affix(s1, s2);
    let affix = prefix + suffix;
    if a.is_empty() || b.is_empty() {
        return affix;
    }
    let min_rest = min_lcs.saturating_sub(affix);
    let max_misses = a.len() + b.len() - 2 * min_rest;
    if max_misses < 5 {
        let d = mbleven::indel(a, b, max_misses);
        return if d <= max_misses {
            affix + (a.len() + b.len() - d) / 2
        } else {
            0
        };
    }
    affix + lcs_kernel(a, b, min_rest)
}

/// Bit-parallel LCS of two non-empty sequences; exact when >= `min_lcs`.
fn lcs_kernel<A: Unit, B: Unit>(s1: &[A], s2: &[B], min_lcs: usize) -> usize {
    if s1.len() <= 64 && s1.len() <= s2.len() {
        with_word_pattern!(s1, |pm| lcs_word(pm, s2))
    } else if s2.len() <= 64 {
        with_word_pattern!(s2, |pm| lcs_word(pm, s1))
    } else if s1.len() <= s2.len() {
        lcs_blocks(&BlockPatternMatchVector::new(s1), s1.len(), s2, min_lcs)
    } else {
        lcs_blocks(&BlockPatternMatchVector::new(s2), s2.len(), s1, min_lcs)
    }
}

/// LCS of a pattern of at most 64 units (given by its match vectors) and
/// `text`.
///
/// Bit `i` of `s` is 0 when the LCS of the pattern prefix ending at `i` and
/// the text read so far grew at `i`; the LCS is the number of 0 bits. Bits
/// past the pattern never clear: their match bits are 0 and `s - u` has no
/// borrow since `u` is a subset of `s`.
#[inline]
pub(crate) fn lcs_word<PM: WordMatchVector, T: Unit>(pm: &PM, text: &[T]) -> usize {
    let mut s = !0u64;
    for &c in text {
        let u = s & pm.get_word(c.value());
        s = s.wrapping_add(u) | (s - u);
    }
    (!s).count_ones() as usize
}

/// Blocked LCS of a pattern of `len1` units and `text`, exact when it is at
/// least `min_lcs` (<= min(len1, len2)).
///
/// An alignment with at least `min_lcs` matches skips at most
/// `len1 - min_lcs` pattern units and `len2 - min_lcs` text units, so at text
/// row `r` only pattern positions in `[r - (len2 - min_lcs), r + (len1 -
/// min_lcs)]` matter. Only the blocks covering that band are updated; blocks
/// outside it keep older (smaller) values, which can only underestimate
/// cells that no such alignment uses.
pub(crate) fn lcs_blocks<T: Unit>(
    pm: &BlockPatternMatchVector,
    len1: usize,
    text: &[T],
    min_lcs: usize,
) -> usize {
    let len2 = text.len();
    let blocks = pm.block_count();
    let band_left = len1 - min_lcs.min(len1);
    let band_right = len2 - min_lcs.min(len2);
    let mut s = vec![!0u64; blocks];
    let mut first = 0usize;
    let mut last = (band_left / 64 + 1).min(blocks);
    for (row, &c) in text.iter().enumerate() {
        let key = c.value();
        let mut carry = false;
        for (w, sw) in s.iter_mut().enumerate().take(last).skip(first) {
            let v = *sw;
            let u = v & pm.get(w, key);
            let (x, c1) = v.overflowing_add(u);
            let (x, c2) = x.overflowing_add(carry as u64);
            carry = c1 | c2;
            *sw = x | (v - u);
        }
        let next = row + 1;
        if next > band_right {
            first = (next - band_right) / 64;
        }
        last = ((next + band_left) / 64 + 1).min(blocks);
    }
    s.iter().map(|&v| (!v).count_ones() as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::test_util::{check_distance_cutoffs, cutoffs_around, for_all_types, random_pair, PairCheck, Rng};
    use crate::distance::{distance, reference, similarity};

    #[test]
    fn known_values() {
        assert_eq!(similarity_raw(b"abcde", b"ace", 0), 3);
        assert_eq!(similarity_raw(b"abcde", b"ace", 3), 3);
        assert_eq!(similarity_raw(b"abcde", b"ace", 4), 0);
        assert_eq!(distance(&LcsSeq, b"abcde", b"ace", None, None), 2);
        assert_eq!(similarity(&LcsSeq, b"this is a test", b"this is a test!", None, None), 14);
        let e: [u8; 0] = [];
        assert_eq!(distance(&LcsSeq, &e, &e, None, None), 0);
        assert_eq!(distance(&LcsSeq, b"abc", &e, None, None), 3);
        let astral: Vec<u32> = vec![0x1F600, 97, 0x1F601, 98];
        let other: Vec<u64> = vec![97, 0x1F601, 0x1F600, 98];
        assert_eq!(similarity_raw(&astral, &other, 0), 3);
        // Cross-type equality by value.
        assert_eq!(similarity_raw(b"ab", &[97u64, 98u64], 0), 2);
    }

    struct Check<'r>(&'r mut Rng);
    impl PairCheck for Check<'_> {
        fn check<A: Unit, B: Unit>(&mut self, a: &[A], b: &[B]) {
            let lcs = reference::lcs(a, b);
            let dist = a.len().max(b.len()) - lcs;
            assert_eq!(similarity_raw(a, b, 0), lcs, "{a:?} {b:?}");
            for c in cutoffs_around(self.0, lcs) {
                let want = if lcs >= c { lcs } else { 0 };
                assert_eq!(similarity_raw(a, b, c), want, "sim cutoff {c} {a:?} {b:?}");
                let r = lcs_bounded(a, b, c);
                assert!(r <= a.len().min(b.len()));
                if lcs >= c {
                    assert_eq!(r, lcs);
                } else {
                    assert!(r < c);
                }
            }
            check_distance_cutoffs(&LcsSeq, a, b, dist, self.0);
        }
    }

    #[test]
    fn random_short() {
        let mut rng = Rng::new(11);
        for _ in 0..1500 {
            let (v1, v2) = random_pair(&mut rng, 70);
            for_all_types(&mut Check(&mut Rng::new(rng.next_u64())), &v1, &v2);
        }
    }

    #[test]
    fn random_long() {
        let mut rng = Rng::new(12);
        for _ in 0..150 {
            let (v1, v2) = random_pair(&mut rng, 300);
            for_all_types(&mut Check(&mut Rng::new(rng.next_u64())), &v1, &v2);
        }
    }
}
