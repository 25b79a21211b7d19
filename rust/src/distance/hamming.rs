//! Hamming distance: the number of positions at which two sequences differ.
//!
//! With `pad`, the shorter sequence is treated as padded, so each unit of
//! the length difference counts as one mismatch. Without `pad`, unequal
//! lengths are an error (checked by the caller through [`check_lengths`]).

use super::Metric;
use crate::unit::Unit;

/// The Hamming metric. Padding is decided before the kernel runs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hamming;

/// Error for unequal lengths without padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LengthMismatch;

impl std::fmt::Display for LengthMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("sequences are not the same length (pass pad=True to allow this)")
    }
}

/// Without padding, both sequences must be of equal length.
pub fn check_lengths(len1: usize, len2: usize, pad: bool) -> Result<(), LengthMismatch> {
    if pad || len1 == len2 {
        Ok(())
    } else {
        Err(LengthMismatch)
    }
}

impl Metric for Hamming {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, _hint: usize) -> usize {
        let common = s1.len().min(s2.len());
        let mut dist = s1.len().max(s2.len()) - common;
        if dist > cutoff {
            return dist;
        }
        // Count in chunks so that a distance past the cutoff stops the scan.
        for (c1, c2) in s1[..common].chunks(64).zip(s2[..common].chunks(64)) {
            // A byte-wide sum of 0/1 (a chunk has at most 64 mismatches)
            // lets the loop vectorize, 16 or 32 units a step.
            let mismatches: u8 = c1.iter().zip(c2).map(|(a, b)| u8::from(a.value() != b.value())).sum();
            dist += usize::from(mismatches);
            if dist > cutoff {
                return dist;
            }
        }
        dist
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::reference;
    use crate::distance::test_util::{check_distance_cutoffs, for_all_types, random_pair, PairCheck, Rng};

    struct Check<'r>(&'r mut Rng);
    impl PairCheck for Check<'_> {
        fn check<A: Unit, B: Unit>(&mut self, a: &[A], b: &[B]) {
            check_distance_cutoffs(&Hamming, a, b, reference::hamming(a, b), self.0);
        }
    }

    /// Lengths up to 300 cross the 64-unit chunks of the counting loop,
    /// with cutoffs that stop it inside, at and past a chunk.
    #[test]
    fn random_pairs_match_the_reference() {
        let mut rng = Rng::new(31);
        for _ in 0..600 {
            let (v1, v2) = random_pair(&mut rng, 300);
            for_all_types(&mut Check(&mut Rng::new(rng.next_u64())), &v1, &v2);
        }
    }

    #[test]
    fn a_chunk_of_64_mismatches_counts_them_all() {
        let a = [b'a'; 200];
        let b = [b'b'; 200];
        assert_eq!(Hamming.raw_distance(&a[..], &b[..], usize::MAX, usize::MAX), 200);
        assert_eq!(Hamming.raw_distance(&a[..64], &b[..64], usize::MAX, usize::MAX), 64);
    }
}
