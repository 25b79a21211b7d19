//! Helpers shared by the distance kernels.

use crate::unit::Unit;

/// Length of the common prefix of `a` and `b`.
#[inline]
pub fn common_prefix<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    a.iter()
        .zip(b.iter())
        .take_while(|(x, y)| x.value() == y.value())
        .count()
}

/// Length of the common suffix of `a` and `b`.
#[inline]
pub fn common_suffix<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x.value() == y.value())
        .count()
}

/// Removes the common prefix and suffix; returns the remaining slices and the
/// number of units removed from each end.
#[inline]
pub fn strip_affix<'a, 'b, A: Unit, B: Unit>(
    a: &'a [A],
    b: &'b [B],
) -> (&'a [A], &'b [B], usize, usize) {
    let prefix = common_prefix(a, b);
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = common_suffix(a, b);
    (
        &a[..a.len() - suffix],
        &b[..b.len() - suffix],
        prefix,
        suffix,
    )
}
