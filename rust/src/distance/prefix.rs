//! Prefix similarity: the length of the common prefix.
//!
//! As in rapidfuzz, the maximum is `max(len1, len2)` and the distance is
//! `maximum - common_prefix`.

use super::common::common_prefix;
use super::Metric;
use crate::unit::Unit;

/// The Prefix metric.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prefix;

impl Metric for Prefix {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }

    fn raw_distance<A: Unit, B: Unit>(
        &self,
        s1: &[A],
        s2: &[B],
        _cutoff: usize,
        _hint: usize,
    ) -> usize {
        s1.len().max(s2.len()) - common_prefix(s1, s2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::{distance, normalized_distance, normalized_similarity, similarity};

    #[test]
    fn known_values() {
        // Values from rapidfuzz 3.14.6 (rapidfuzz.distance.Prefix).
        assert_eq!(similarity(&Prefix, b"abcd", b"abxx", None, None), 2);
        assert_eq!(distance(&Prefix, b"abcd", b"abx", None, None), 2);
        assert_eq!(normalized_distance(&Prefix, b"", b"", None, None), 0.0);
        assert_eq!(normalized_similarity(&Prefix, b"", b"", None, None), 1.0);
        assert_eq!(similarity(&Prefix, b"abcd", b"abxx", Some(3), None), 0);
        assert_eq!(distance(&Prefix, b"abcd", b"abx", Some(1), None), 2);
        let u: Vec<u32> = "ab\u{1F600}c".chars().map(|c| c as u32).collect();
        let w: Vec<u64> = vec![97, 98, 0x1F600, 100];
        assert_eq!(similarity(&Prefix, &u, &w, None, None), 3);
        assert_eq!(similarity(&Prefix, &u, b"abc", None, None), 2);
    }
}
