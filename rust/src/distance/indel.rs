//! Indel distance. (Fast kernel pending: uses the reference.)

use super::Metric;
use crate::unit::Unit;

#[derive(Clone, Copy, Debug, Default)]
pub struct Indel;

impl Metric for Indel {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1 + len2
    }
    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], _cutoff: usize, _hint: usize) -> usize {
        super::reference::indel(s1, s2)
    }
}
