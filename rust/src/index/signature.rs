//! Unit-class count signatures: a 64-bit summary of a sequence that gives
//! a lower bound on any edit distance in a few instructions.
//!
//! Units fall into 16 classes (value mod 16). A signature holds, in 4-bit
//! lanes, how many units of each class a sequence has, saturated at 3 so
//! that the corpus stores it in 32 bits ([`compact`]).
//! Every unit of one sequence without a counterpart of its class in the
//! other needs an edit of its own (the bag distance); merging values into
//! classes and saturating counts only lowers that count, so the bound stays
//! valid.

/// A sequence's class-count signature.
pub type Signature = u64;

/// A signature stored in half the space: each count in two bits. Counts
/// saturate at 3, so that no lane is lost.
pub type Compact = u32;

const CLASSES: usize = 16;
/// Counts stop here, so that a signature packs into a [`Compact`].
const SATURATE: u8 = 3;
const HIGH: u64 = 0x8888_8888_8888_8888;
const LOW3: u64 = 0x7777_7777_7777_7777;
const NIBBLES: u64 = 0x0F0F_0F0F_0F0F_0F0F;

/// The signature of a sequence of unit values.
pub fn signature(values: impl Iterator<Item = u64>) -> Signature {
    let mut counts = [0u8; CLASSES];
    for v in values {
        let c = &mut counts[(v % CLASSES as u64) as usize];
        *c = (*c + 1).min(SATURATE);
    }
    counts
        .iter()
        .enumerate()
        .fold(0u64, |sig, (class, &count)| sig | (count as u64) << (4 * class))
}

/// The signature in two bits per class.
#[inline]
pub fn compact(sig: Signature) -> Compact {
    let mut x = sig & 0x3333_3333_3333_3333;
    x = (x | x >> 2) & 0x0F0F_0F0F_0F0F_0F0F;
    x = (x | x >> 4) & 0x00FF_00FF_00FF_00FF;
    x = (x | x >> 8) & 0x0000_FFFF_0000_FFFF;
    x = (x | x >> 16) & 0x0000_0000_FFFF_FFFF;
    x as Compact
}

/// The signature a [`compact`] one stands for.
#[inline(always)]
pub fn expand(compact: Compact) -> Signature {
    let mut x = compact as u64;
    x = (x | x << 16) & 0x0000_FFFF_0000_FFFF;
    x = (x | x << 8) & 0x00FF_00FF_00FF_00FF;
    x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F;
    (x | x << 2) & 0x3333_3333_3333_3333
}

/// Sum over the classes of `max(0, count_a - count_b)`: units of `a`
/// without a counterpart in `b`.
#[inline(always)]
pub fn excess(a: Signature, b: Signature) -> usize {
    // Per lane: 8 + a - b, in 1..=15 since a, b <= 7, so no lane borrows.
    let r = (a | HIGH) - b;
    let nonnegative = (r & HIGH) >> 3; // 1 where a >= b
    let keep = (nonnegative << 3) - nonnegative; // 7 there, else 0
    let d = r & LOW3 & keep; // a - b where a >= b, else 0
    let bytes = (d & NIBBLES) + ((d >> 4) & NIBBLES);
    (bytes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The bigrams (adjacent unit pairs) of a query, hashed into a bitmap.
///
/// An insertion, deletion or substitution destroys at most two of a
/// sequence's bigrams, so two sequences whose longer one has `g` bigrams
/// and which share `c` of them are at least `ceil((g - c) / 2)` Levenshtein
/// edits apart (Ukkonen's q-gram lemma). An adjacent transposition can
/// destroy three (`xaby` -> `xbay` loses `xa`, `ab`, `by`), so for OSA the
/// bound is `ceil((g - c) / 3)`. Counting shared bigrams by membership in a
/// hashed set can only overcount them, which only lowers the bound.
pub struct Bigrams {
    bits: [u64; 64],
}

impl Bigrams {
    #[inline(always)]
    fn slot(a: u64, b: u64) -> usize {
        (a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)) as usize >> 52
    }

    pub fn new(values: &[u64]) -> Bigrams {
        let mut bits = [0u64; 64];
        for w in values.windows(2) {
            let slot = Bigrams::slot(w[0], w[1]);
            bits[slot >> 6] |= 1 << (slot & 63);
        }
        Bigrams { bits }
    }

    /// How many of the bigrams of `seq` are (probably) in the set.
    #[inline]
    pub fn shared<T: crate::unit::Unit>(&self, seq: &[T]) -> usize {
        seq.windows(2)
            .filter(|w| {
                let slot = Bigrams::slot(w[0].value(), w[1].value());
                self.bits[slot >> 6] >> (slot & 63) & 1 == 1
            })
            .count()
    }
}

/// The fewest edits that two sequences of these lengths sharing at most
/// `shared` bigrams can be apart, when one edit destroys at most
/// `per_edit` bigrams.
#[inline]
pub fn bigram_bound(len1: usize, len2: usize, shared: usize, per_edit: usize) -> usize {
    let grams = len1.max(len2).saturating_sub(1);
    grams.saturating_sub(shared).div_ceil(per_edit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(s: &str) -> Signature {
        signature(s.chars().map(|c| c as u64))
    }

    #[test]
    fn bigram_bound_never_exceeds_the_distance() {
        use crate::distance::reference;
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let mut word = |max: u64| -> Vec<u64> { (0..next() % max).map(|_| 97 + next() % 4).collect() };
            let (a, b) = (word(12), word(12));
            let shared = Bigrams::new(&a).shared(&b);
            let bound = bigram_bound(a.len(), b.len(), shared, 2);
            assert!(bound <= reference::levenshtein(&a, &b, 1, 1, 1), "{a:?} {b:?}");
            let osa_bound = bigram_bound(a.len(), b.len(), shared, 3);
            assert!(osa_bound <= reference::osa(&a, &b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_transposition_destroys_three_bigrams() {
        // The Levenshtein bound would claim 2 edits where OSA needs 1.
        let (a, b): (Vec<u64>, Vec<u64>) = (b"xaby".iter().map(|&c| c as u64).collect(), b"xbay".iter().map(|&c| c as u64).collect());
        let shared = Bigrams::new(&a).shared(&b);
        assert_eq!(shared, 0);
        assert_eq!(bigram_bound(4, 4, shared, 2), 2);
        assert_eq!(bigram_bound(4, 4, shared, 3), 1);
        assert_eq!(crate::distance::reference::osa(&a, &b), 1);
    }

    #[test]
    fn excess_counts_unmatched_units() {
        assert_eq!(excess(sig("abc"), sig("abc")), 0);
        assert_eq!(excess(sig("aab"), sig("ab")), 1);
        assert_eq!(excess(sig("ab"), sig("aab")), 0);
        assert_eq!(excess(sig("abcd"), sig("")), 4);
        // 'a' (97) and 'q' (113) share a class: merged classes only lower it.
        assert_eq!(excess(sig("a"), sig("q")), 0);
        // Saturation at 3.
        assert_eq!(excess(sig(&"a".repeat(20)), sig("")), 3);
    }

    #[test]
    fn compact_signatures_expand_to_the_same_signature() {
        for text in ["", "a", "abc", "Jonathan Smith", "aaaaaaaaaaaaqqqq", "0123456789:;<=>?@ABCDEFGHIJKLMNO"] {
            let s = sig(text);
            assert_eq!(expand(compact(s)), s, "{text:?}");
        }
        for lane in 0..16 {
            for count in 0..=3u64 {
                let s = count << (4 * lane);
                assert_eq!(expand(compact(s)), s);
                assert_eq!(compact(s), (count as u32) << (2 * lane));
            }
        }
    }

    #[test]
    fn excess_matches_a_plain_count_for_every_lane_value() {
        for a in 0..=7u64 {
            for b in 0..=7u64 {
                for lane in 0..16 {
                    let (sa, sb) = (a << (4 * lane), b << (4 * lane));
                    assert_eq!(excess(sa, sb), a.saturating_sub(b) as usize);
                }
            }
        }
        let all7 = 0x7777_7777_7777_7777u64;
        assert_eq!(excess(all7, 0), 16 * 7);
        assert_eq!(excess(0, all7), 0);
    }
}
