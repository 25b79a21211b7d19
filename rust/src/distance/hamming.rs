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
            dist += c1
                .iter()
                .zip(c2)
                .filter(|(a, b)| a.value() != b.value())
                .count();
            if dist > cutoff {
                return dist;
            }
        }
        dist
    }
}
