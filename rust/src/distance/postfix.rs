//! Postfix similarity: the length of the common suffix.
//!
//! As in rapidfuzz, the maximum is `max(len1, len2)` and the distance is
//! `maximum - common_suffix`.

use super::common::common_suffix;
use super::Metric;
use crate::unit::Unit;

/// The Postfix metric.
#[derive(Clone, Copy, Debug, Default)]
pub struct Postfix;

impl Metric for Postfix {
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
        s1.len().max(s2.len()) - common_suffix(s1, s2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::{distance, normalized_distance, normalized_similarity, similarity};

    #[test]
    fn known_values() {
        // Values from rapidfuzz 3.14.6 (rapidfuzz.distance.Postfix).
        assert_eq!(similarity(&Postfix, b"xbcd", b"abcd", None, None), 3);
        assert_eq!(distance(&Postfix, b"abcd", b"abx", None, None), 4);
        assert_eq!(normalized_distance(&Postfix, b"", b"", None, None), 0.0);
        assert_eq!(normalized_similarity(&Postfix, b"", b"", None, None), 1.0);
        assert_eq!(similarity(&Postfix, b"xbcd", b"abcd", Some(4), None), 0);
        let u: Vec<u32> = "x\u{1F600}cd".chars().map(|c| c as u32).collect();
        let w: Vec<u64> = vec![0x1F600, 99, 100];
        assert_eq!(similarity(&Postfix, &u, &w, None, None), 3);
        assert_eq!(similarity(&Postfix, &u, b"cd", None, None), 2);
    }
}
