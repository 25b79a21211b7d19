//! Longest common subsequence. (Fast kernel pending: uses the reference.)

use super::Metric;
use crate::unit::Unit;

#[derive(Clone, Copy, Debug, Default)]
pub struct LcsSeq;

impl Metric for LcsSeq {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }
    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], _cutoff: usize, _hint: usize) -> usize {
        s1.len().max(s2.len()) - super::reference::lcs(s1, s2)
    }
}
