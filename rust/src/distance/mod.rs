//! Edit distances and similarities, per code unit.
//!
//! Each metric implements [`Metric`]: its largest possible distance and a
//! distance kernel that may stop early once a cutoff is exceeded. The four
//! public forms (distance, similarity, normalized distance and normalized
//! similarity) are derived here, with rapidfuzz's exact `score_cutoff` rules:
//!
//! - `distance`: a result above `score_cutoff` is reported as `score_cutoff + 1`;
//! - `similarity`: a result below `score_cutoff` is reported as 0;
//! - `normalized_distance`: a result above `score_cutoff` is reported as 1.0;
//! - `normalized_similarity`: a result below `score_cutoff` is reported as 0.0.
//!
//! Every cutoff is passed down into the kernel, so that it can stop early.

pub mod common;
pub mod damerau_levenshtein;
pub mod hamming;
pub mod indel;
pub mod jaro;
pub mod jaro_winkler;
pub mod lcs_seq;
pub mod levenshtein;
pub mod mbleven;
pub mod multi;
pub mod multi_choice;
pub mod multi_jaro;
pub mod osa;
pub mod pattern;
pub mod postfix;
pub mod prefix;
pub mod reference;
#[cfg(test)]
pub(crate) mod test_util;

use crate::unit::Unit;

/// A distance metric over sequences.
pub trait Metric {
    /// The largest distance two sequences of these lengths can have.
    fn maximum(&self, len1: usize, len2: usize) -> usize;

    /// The distance of `s1` and `s2`. When the distance exceeds `cutoff`, the
    /// kernel may stop early and return any value greater than `cutoff`.
    /// `hint` is an expected upper bound that lets a kernel start narrow.
    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, hint: usize)
        -> usize;
}

/// Distance, or `cutoff + 1` when it exceeds `cutoff`.
pub fn distance<M: Metric, A: Unit, B: Unit>(
    metric: &M,
    s1: &[A],
    s2: &[B],
    cutoff: Option<usize>,
    hint: Option<usize>,
) -> usize {
    let cutoff = cutoff.unwrap_or(usize::MAX);
    let hint = hint.unwrap_or(usize::MAX).min(cutoff);
    let dist = metric.raw_distance(s1, s2, cutoff, hint);
    if dist <= cutoff {
        dist
    } else {
        cutoff.saturating_add(1)
    }
}

/// `maximum - distance`, or 0 when that is below `cutoff`.
pub fn similarity<M: Metric, A: Unit, B: Unit>(
    metric: &M,
    s1: &[A],
    s2: &[B],
    cutoff: Option<usize>,
    hint: Option<usize>,
) -> usize {
    let cutoff = cutoff.unwrap_or(0);
    let maximum = metric.maximum(s1.len(), s2.len());
    if cutoff > maximum {
        return 0;
    }
    let hint = hint.unwrap_or(0).max(cutoff);
    let dist_cutoff = maximum - cutoff;
    let dist_hint = maximum.saturating_sub(hint);
    let dist = metric.raw_distance(s1, s2, dist_cutoff, dist_hint.min(dist_cutoff));
    let sim = maximum.saturating_sub(dist);
    if dist <= dist_cutoff && sim >= cutoff {
        sim
    } else {
        0
    }
}

/// `distance / maximum` (0.0 when maximum is 0), or 1.0 when above `cutoff`.
pub fn normalized_distance<M: Metric, A: Unit, B: Unit>(
    metric: &M,
    s1: &[A],
    s2: &[B],
    cutoff: Option<f64>,
    hint: Option<f64>,
) -> f64 {
    let cutoff = cutoff.unwrap_or(1.0);
    let maximum = metric.maximum(s1.len(), s2.len());
    let mut dist_cutoff = ceil_to_usize(maximum as f64 * cutoff);
    if maximum > 1 << 53 {
        // `maximum as f64 * cutoff` may round below a distance whose
        // normalized value still passes (huge weights); the check on
        // `norm` below decides, so let the kernel go a little further.
        dist_cutoff = dist_cutoff.saturating_add(maximum >> 50);
    }
    let dist_hint = ceil_to_usize(maximum as f64 * hint.unwrap_or(1.0).min(cutoff));
    let dist = metric.raw_distance(s1, s2, dist_cutoff, dist_hint.min(dist_cutoff));
    let norm = if maximum != 0 {
        dist as f64 / maximum as f64
    } else {
        0.0
    };
    if dist <= dist_cutoff && norm <= cutoff {
        norm
    } else {
        1.0
    }
}

/// `1 - normalized_distance`, or 0.0 when below `cutoff`.
pub fn normalized_similarity<M: Metric, A: Unit, B: Unit>(
    metric: &M,
    s1: &[A],
    s2: &[B],
    cutoff: Option<f64>,
    hint: Option<f64>,
) -> f64 {
    let cutoff = cutoff.unwrap_or(0.0);
    let dist_cutoff = norm_sim_to_norm_dist(cutoff);
    let dist_hint = hint.map(norm_sim_to_norm_dist);
    let norm_dist = normalized_distance(metric, s1, s2, Some(dist_cutoff), dist_hint);
    let norm_sim = 1.0 - norm_dist;
    if norm_sim >= cutoff {
        norm_sim
    } else {
        0.0
    }
}

/// A metric whose maximum and distance for the one pair scored are already
/// known (from a kernel that computed many pairs at once, or from counts):
/// feeding it through the form functions ([`normalized_similarity`],
/// `scorer::score_metric`, ...) applies exactly the form and cutoff rules
/// of the real metric, whose kernels are exact whenever the distance is
/// within the cutoff (and any value above it otherwise). The forms look at
/// the sequences only through `maximum`, so the score depends on
/// `(max, dist)` alone.
pub(crate) struct Known {
    pub max: usize,
    pub dist: usize,
}

impl Metric for Known {
    fn maximum(&self, _: usize, _: usize) -> usize {
        self.max
    }

    fn raw_distance<A: Unit, B: Unit>(&self, _: &[A], _: &[B], _: usize, _: usize) -> usize {
        self.dist
    }
}

/// rapidfuzz's conversion of a normalized similarity cutoff into a normalized
/// distance cutoff, with its small tolerance for floating-point error.
#[inline]
pub fn norm_sim_to_norm_dist(score_cutoff: f64) -> f64 {
    let imprecision = 0.00001;
    (1.0 - score_cutoff + imprecision).min(1.0)
}

/// `ceil(x)` as usize, saturating (NaN and negatives give 0).
///
/// Not through `f64::ceil`: without SSE4.1 in the baseline x86-64 target
/// that is a libm call, 3-8% of an extract by ratio or partial_ratio under
/// perf. Truncation is exact here: below 2^53 `t` is exact as an f64, and
/// from 2^53 on every f64 is an integer, so `t == x`.
#[inline]
pub fn ceil_to_usize(x: f64) -> usize {
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // NaN must take this branch too
    if !(x > 0.0) {
        return 0;
    }
    if x >= 9_223_372_036_854_775_808.0 {
        // 2^63 and above: already an integer (or past usize::MAX)
        return if x >= usize::MAX as f64 { usize::MAX } else { x as usize };
    }
    // i64, not usize: the signed conversions are single instructions.
    let t = x as i64;
    (t + i64::from((t as f64) < x)) as usize
}

#[cfg(test)]
mod tests {
    use super::ceil_to_usize;

    /// The same results as the `f64::ceil` formula it replaced.
    #[test]
    fn ceil_to_usize_equals_ceil() {
        let by_ceil = |x: f64| {
            let c = x.ceil();
            if c >= usize::MAX as f64 {
                usize::MAX
            } else if c > 0.0 {
                c as usize
            } else {
                0
            }
        };
        let mut values = vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0, -0.5, 1e-300, 0.3, 1.0, 1.0 + f64::EPSILON,
            2.5, 3.0, 4503599627370495.5, 9007199254740991.0, 9007199254740992.0, 1.844674407370955e19,
            usize::MAX as f64, 1e30,
        ];
        let mut s = 7u64;
        for _ in 0..100_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            values.push(f64::from_bits(s));
            values.push((s % 1_000_000) as f64 / 997.0);
        }
        for x in values {
            assert_eq!(ceil_to_usize(x), by_ceil(x), "{x:e}");
        }
    }
}
