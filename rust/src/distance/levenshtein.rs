//! Levenshtein distance. (Fast kernel pending: uses the reference.)

use super::Metric;
use crate::unit::Unit;

/// Costs of the three edit operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weights {
    pub insertion: usize,
    pub deletion: usize,
    pub substitution: usize,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { insertion: 1, deletion: 1, substitution: 1 }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Levenshtein {
    pub weights: Weights,
}

impl Metric for Levenshtein {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        let w = self.weights;
        let mut max = len1 * w.deletion + len2 * w.insertion;
        if len1 >= len2 {
            max = max.min(len2 * w.substitution + (len1 - len2) * w.deletion);
        } else {
            max = max.min(len1 * w.substitution + (len2 - len1) * w.insertion);
        }
        max
    }
    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], _cutoff: usize, _hint: usize) -> usize {
        let w = self.weights;
        super::reference::levenshtein(s1, s2, w.insertion, w.deletion, w.substitution)
    }
}
