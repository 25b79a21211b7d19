//! A scorer prepared for one query, scored against many choices.
//!
//! For uniform Levenshtein and Indel with a query of 1 to 64 units, the
//! query's pattern-match vectors are built once instead of once per pair,
//! and the bit-parallel kernel runs on them directly. Scores are exactly
//! those of [`Scorer::score`]: the same kernels, the same cutoff rules.

use crate::distance::lcs_seq::lcs_word;
use crate::distance::levenshtein::{hyyro_word, uniform_distance, Levenshtein, Weights};
use crate::distance::pattern::PatternMatchVector;
use crate::distance::{indel, Metric};
use crate::scorer::{score_metric, MetricKind, ScoreError, Scorer};
use crate::unit::{Seq, Unit};

enum Fast {
    None,
    Levenshtein(PatternMatchVector),
    Indel(PatternMatchVector),
}

/// [`Scorer`] with `query` fixed.
pub struct Prepared<'q> {
    scorer: Scorer,
    query: Seq<'q>,
    fast: Fast,
}

impl<'q> Prepared<'q> {
    pub fn new(scorer: &Scorer, query: Seq<'q>) -> Self {
        let cacheable = (1..=64).contains(&query.len());
        let pm = || crate::with_seq!(query, |q| PatternMatchVector::new(q));
        let fast = match scorer.metric {
            MetricKind::Levenshtein(w) if cacheable && w == Weights::default() => Fast::Levenshtein(pm()),
            MetricKind::Indel if cacheable => Fast::Indel(pm()),
            _ => Fast::None,
        };
        Prepared { scorer: *scorer, query, fast }
    }

    /// The score of the query against `choice`, as [`Scorer::score`].
    #[inline]
    pub fn score(&self, choice: Seq<'_>, cutoff: Option<f64>, hint: Option<f64>) -> Result<f64, ScoreError> {
        match &self.fast {
            Fast::Levenshtein(pm) => Ok(score_metric(&CachedLevenshtein { pm }, self.scorer.form, self.query, choice, cutoff, hint)),
            Fast::Indel(pm) => Ok(score_metric(&CachedIndel { pm }, self.scorer.form, self.query, choice, cutoff, hint)),
            Fast::None => self.scorer.score(self.query, choice, cutoff, hint),
        }
    }
}

/// Uniform Levenshtein whose first sequence (1..=64 units) has `pm`.
struct CachedLevenshtein<'p> {
    pm: &'p PatternMatchVector,
}

impl Metric for CachedLevenshtein<'_> {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        Levenshtein { weights: Weights::default() }.maximum(len1, len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, hint: usize) -> usize {
        let (len1, len2) = (s1.len(), s2.len());
        let k = cutoff.min(len1.max(len2));
        if len1.abs_diff(len2) > k {
            return k + 1;
        }
        if k < 2 {
            // Affix stripping and mbleven beat the bit-parallel kernel here;
            // from k = 2 on, the cached kernel with its early exit is faster.
            return uniform_distance(s1, s2, cutoff, hint);
        }
        hyyro_word(self.pm, len1, s2, k)
    }
}

/// Indel whose first sequence (1..=64 units) has `pm`.
struct CachedIndel<'p> {
    pm: &'p PatternMatchVector,
}

impl Metric for CachedIndel<'_> {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        indel::Indel.maximum(len1, len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, hint: usize) -> usize {
        let (len1, len2) = (s1.len(), s2.len());
        let maximum = len1 + len2;
        let min_lcs = maximum.saturating_sub(cutoff).div_ceil(2);
        if min_lcs > len1.min(len2) {
            return maximum.max(cutoff.saturating_add(1));
        }
        if maximum - 2 * min_lcs < 5 || len2 == 0 {
            return indel::Indel.raw_distance(s1, s2, cutoff, hint);
        }
        maximum - 2 * lcs_word(self.pm, s2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorer::Form;
    use crate::unit::OwnedSeq;

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    #[test]
    fn equals_the_plain_scorer() {
        let mut s = 11u64;
        let word = |s: &mut u64, max: u64| -> OwnedSeq {
            let len = rng(s) % (max + 1);
            let v: Vec<u32> = (0..len).map(|_| [97, 98, 99, 0xE9, 0x1F600][(rng(s) % 5) as usize]).collect();
            OwnedSeq::U32(v)
        };
        let forms = [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity];
        for _ in 0..300 {
            let q = word(&mut s, 70);
            for metric in [MetricKind::Levenshtein(Weights::default()), MetricKind::Indel] {
                for form in forms {
                    let scorer = Scorer::new(metric, form);
                    let prepared = Prepared::new(&scorer, q.as_seq());
                    for _ in 0..20 {
                        let c = word(&mut s, 70);
                        let cut = (rng(&mut s) % 12) as f64;
                        let cutoffs = [None, Some(cut), Some(cut / 11.0)];
                        for cutoff in cutoffs {
                            let cutoff = match (form, cutoff) {
                                (Form::NormalizedDistance | Form::NormalizedSimilarity, Some(c)) if c > 1.0 => None,
                                (_, c) => c,
                            };
                            let want = scorer.score(q.as_seq(), c.as_seq(), cutoff, None).unwrap();
                            let got = prepared.score(c.as_seq(), cutoff, None).unwrap();
                            assert_eq!(got, want, "{metric:?} {form:?} {cutoff:?} {q:?} {c:?}");
                        }
                    }
                }
            }
        }
    }
}
