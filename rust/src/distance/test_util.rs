//! Helpers for the randomized kernel tests (compiled only for tests).

use crate::distance::{distance, Metric};
use crate::unit::Unit;

/// xorshift64* generator: deterministic, dependency free.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Alphabets used for random sequences: small ones so that matches happen,
/// some with code points >= 256 (astral ones included) and 64-bit hashes.
const ALPHABETS: &[&[u64]] = &[
    &[97, 98],
    &[97, 98, 99, 100],
    &[97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112],
    &[0, 255, 97],
    &[97, 0x1F600, 300, 98],
    &[0x1F600, 0x1F601, 0x10FFFF, 256, 97],
    &[97, 0xDEAD_BEEF_CAFE_F00D, 0x1_0000_0000, 98, 0x1F600],
];

/// A random pair of value sequences of lengths up to `max_len`: either two
/// independent sequences or the second derived from the first by random edits.
pub fn random_pair(rng: &mut Rng, max_len: usize) -> (Vec<u64>, Vec<u64>) {
    let alpha = ALPHABETS[rng.below(ALPHABETS.len())];
    let len1 = rng.below(max_len + 1);
    let s1: Vec<u64> = (0..len1).map(|_| alpha[rng.below(alpha.len())]).collect();
    let s2 = if rng.below(4) == 0 {
        let len2 = rng.below(max_len + 1);
        (0..len2).map(|_| alpha[rng.below(alpha.len())]).collect()
    } else {
        // Apply a number of edits, few or many.
        let edits = match rng.below(3) {
            0 => rng.below(4),
            1 => rng.below(len1 / 8 + 2),
            _ => rng.below(len1 / 2 + 2),
        };
        let mut s2 = s1.clone();
        for _ in 0..edits {
            let op = rng.below(3);
            let c = alpha[rng.below(alpha.len())];
            if op == 0 || s2.is_empty() {
                let p = rng.below(s2.len() + 1);
                s2.insert(p, c);
            } else if op == 1 {
                let p = rng.below(s2.len());
                s2.remove(p);
            } else {
                let p = rng.below(s2.len());
                s2[p] = c;
            }
        }
        s2
    };
    (s1, s2)
}

fn to_u8(v: &[u64]) -> Vec<u8> {
    v.iter().map(|&x| if x < 256 { x as u8 } else { (x % 251) as u8 }).collect()
}

fn to_u32(v: &[u64]) -> Vec<u32> {
    v.iter()
        .map(|&x| if x <= u32::MAX as u64 { x as u32 } else { (x % 65_521) as u32 + 256 })
        .collect()
}

/// A check run on one pair of typed sequences.
pub trait PairCheck {
    fn check<A: Unit, B: Unit>(&mut self, a: &[A], b: &[B]);
}

/// Runs `c` on all nine unit-type combinations of the pair (values that do
/// not fit a narrower type are folded into it).
pub fn for_all_types<C: PairCheck>(c: &mut C, v1: &[u64], v2: &[u64]) {
    let (a8, a32, a64) = (to_u8(v1), to_u32(v1), v1.to_vec());
    let (b8, b32, b64) = (to_u8(v2), to_u32(v2), v2.to_vec());
    c.check(&a8, &b8);
    c.check(&a8, &b32);
    c.check(&a8, &b64);
    c.check(&a32, &b8);
    c.check(&a32, &b32);
    c.check(&a32, &b64);
    c.check(&a64, &b8);
    c.check(&a64, &b32);
    c.check(&a64, &b64);
}

/// Cutoffs worth trying around an exact result.
pub fn cutoffs_around(rng: &mut Rng, exact: usize) -> Vec<usize> {
    let mut v = vec![0, 1, 2, 3, 4, 5, exact, exact + 1, exact.saturating_sub(1)];
    v.push(exact.saturating_sub(2));
    v.push(rng.below(exact + 8));
    v.push(exact / 2);
    v.push(exact + 64);
    v.push(usize::MAX);
    v
}

/// Checks `metric`'s distance of `a` and `b` against the exact one: without
/// a cutoff, and for cutoffs around it, `raw_distance` (with the cutoff as
/// hint) is exact within the cutoff and above it past, and `distance` gives
/// the exact value or cutoff + 1.
pub fn check_distance_cutoffs<M: Metric, A: Unit, B: Unit>(metric: &M, a: &[A], b: &[B], exact: usize, rng: &mut Rng) {
    assert_eq!(distance(metric, a, b, None, None), exact, "{a:?} {b:?}");
    for c in cutoffs_around(rng, exact) {
        let raw = metric.raw_distance(a, b, c, c);
        if exact <= c {
            assert_eq!(raw, exact, "cutoff {c} {a:?} {b:?}");
        } else {
            assert!(raw > c, "cutoff {c} {a:?} {b:?}");
        }
        let want = if exact <= c { exact } else { c.saturating_add(1) };
        assert_eq!(distance(metric, a, b, Some(c), None), want, "cutoff {c} {a:?} {b:?}");
    }
}

/// Small deterministic strings for the timing tests: random lowercase text
/// and a copy with about `edit_per_mille`/1000 of its positions edited.
pub fn lowercase_pair(rng: &mut Rng, len: usize, edit_per_mille: usize) -> (Vec<u8>, Vec<u8>) {
    let s1: Vec<u8> = (0..len).map(|_| b'a' + rng.below(26) as u8).collect();
    let mut s2 = Vec::with_capacity(len + len / 8);
    for &c in &s1 {
        if rng.below(1000) < edit_per_mille {
            match rng.below(3) {
                0 => {}
                1 => {
                    s2.push(c);
                    s2.push(b'a' + rng.below(26) as u8);
                }
                _ => s2.push(b'a' + rng.below(26) as u8),
            }
        } else {
            s2.push(c);
        }
    }
    (s1, s2)
}
