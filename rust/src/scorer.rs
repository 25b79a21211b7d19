//! A scorer: one metric in one of its four forms, chosen at run time.
//!
//! The C ABI, the Index and the batch functions describe what to compute with
//! a [`Scorer`] value. Scores are `f64`; the distance and similarity forms of
//! integer metrics give integral values.

use crate::distance::{
    self, damerau_levenshtein::DamerauLevenshtein, hamming::Hamming, indel::Indel, jaro,
    jaro_winkler, lcs_seq::LcsSeq, levenshtein::Levenshtein, levenshtein::Weights, osa::Osa,
    postfix::Postfix, prefix::Prefix, Metric,
};
use crate::distance::multi_jaro::JaroCounts;
use crate::fuzz::FuzzKind;
use crate::unit::Seq;
use crate::with_seqs;

/// Which metric to compute, with its parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MetricKind {
    Levenshtein(Weights),
    Indel,
    /// Hamming; `pad` allows unequal lengths.
    Hamming { pad: bool },
    /// Longest common subsequence; the distance is `max(len1, len2) - lcs`.
    LcsSeq,
    /// Optimal string alignment (Levenshtein with adjacent transpositions,
    /// no substring edited twice).
    Osa,
    /// Unrestricted Damerau-Levenshtein.
    DamerauLevenshtein,
    /// Jaro. Every form is a float in [0, 1].
    Jaro,
    /// Jaro-Winkler with `prefix_weight` (validated by the caller to be in
    /// [0, 1], or NaN as rapidfuzz allows). Every form is a float.
    JaroWinkler { prefix_weight: f64 },
    /// Length of the common prefix.
    Prefix,
    /// Length of the common suffix.
    Postfix,
    /// A `fuzz` scorer: a score in 0..=100, higher is better. It has one
    /// form only; pair it with [`Form::NormalizedSimilarity`].
    Fuzz(FuzzKind),
}

impl MetricKind {
    /// True for metrics whose every form is a float.
    pub fn is_float_valued(&self) -> bool {
        matches!(self, MetricKind::Jaro | MetricKind::JaroWinkler { .. } | MetricKind::Fuzz(_))
    }
}

/// Which of the four forms of a metric to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Distance,
    Similarity,
    NormalizedDistance,
    NormalizedSimilarity,
}

impl Form {
    /// True when a larger score means a better match.
    pub fn higher_is_better(self) -> bool {
        matches!(self, Form::Similarity | Form::NormalizedSimilarity)
    }

    /// True when scores are integers.
    pub fn is_integral(self) -> bool {
        matches!(self, Form::Distance | Form::Similarity)
    }
}

/// Why a pair could not be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoreError {
    /// Hamming without padding on sequences of unequal length.
    LengthMismatch,
}

impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoreError::LengthMismatch => {
                f.write_str("sequences are not the same length (pass pad=True to allow this)")
            }
        }
    }
}

/// A metric in one form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scorer {
    pub metric: MetricKind,
    pub form: Form,
}

/// Integer cutoff from a float one, truncated as rapidfuzz's process
/// functions convert a cutoff for an integer scorer (`2.5` means `2` for a
/// distance and for a similarity alike). Negative and NaN cutoffs are 0.
fn int_cutoff(cutoff: Option<f64>) -> Option<usize> {
    cutoff.map(|c| {
        if c.is_nan() || c < 0.0 {
            0
        } else if c >= usize::MAX as f64 {
            usize::MAX
        } else {
            c.trunc() as usize
        }
    })
}

pub(crate) fn score_metric<M: Metric>(m: &M, form: Form, a: Seq<'_>, b: Seq<'_>, cutoff: Option<f64>, hint: Option<f64>) -> f64 {
    match form {
        Form::Distance => {
            let (c, h) = (int_cutoff(cutoff), int_cutoff(hint));
            with_seqs!(a, b, |x, y| distance::distance(m, x, y, c, h)) as f64
        }
        Form::Similarity => {
            let (c, h) = (int_cutoff(cutoff), int_cutoff(hint));
            with_seqs!(a, b, |x, y| distance::similarity(m, x, y, c, h)) as f64
        }
        Form::NormalizedDistance => {
            with_seqs!(a, b, |x, y| distance::normalized_distance(m, x, y, cutoff, hint))
        }
        Form::NormalizedSimilarity => {
            with_seqs!(a, b, |x, y| distance::normalized_similarity(m, x, y, cutoff, hint))
        }
    }
}

/// The no-cutoff value of a float form: 1.0 for the distances, 0.0 for
/// the similarities.
pub(crate) fn float_cutoff(cutoff: Option<f64>, form: Form) -> f64 {
    cutoff.unwrap_or(if form.higher_is_better() { 0.0 } else { 1.0 })
}

/// Jaro (`prefix_weight` None) or Jaro-Winkler in `form`, with rapidfuzz's
/// cutoff rules. Jaro has no score hint.
pub(crate) fn score_jaro(prefix_weight: Option<f64>, form: Form, a: Seq<'_>, b: Seq<'_>, cutoff: Option<f64>) -> f64 {
    let c = float_cutoff(cutoff, form);
    match (prefix_weight, form) {
        (None, Form::Distance) => with_seqs!(a, b, |x, y| jaro::distance(x, y, c)),
        (None, Form::Similarity) => with_seqs!(a, b, |x, y| jaro::similarity(x, y, c)),
        (None, Form::NormalizedDistance) => with_seqs!(a, b, |x, y| jaro::normalized_distance(x, y, c)),
        (None, Form::NormalizedSimilarity) => with_seqs!(a, b, |x, y| jaro::normalized_similarity(x, y, c)),
        (Some(w), Form::Distance) => with_seqs!(a, b, |x, y| jaro_winkler::distance(x, y, w, c)),
        (Some(w), Form::Similarity) => with_seqs!(a, b, |x, y| jaro_winkler::similarity(x, y, w, c)),
        (Some(w), Form::NormalizedDistance) => {
            with_seqs!(a, b, |x, y| jaro_winkler::normalized_distance(x, y, w, c))
        }
        (Some(w), Form::NormalizedSimilarity) => {
            with_seqs!(a, b, |x, y| jaro_winkler::normalized_similarity(x, y, w, c))
        }
    }
}

/// The score [`score_jaro`] gives a pair from its Jaro counts
/// ([`crate::distance::multi_jaro`]), through the same form and cutoff rules.
#[inline(always)]
pub(crate) fn score_jaro_counts(prefix_weight: Option<f64>, form: Form, k: &JaroCounts, cutoff: Option<f64>) -> f64 {
    let c = float_cutoff(cutoff, form);
    let jaro = |jc: f64| jaro::similarity_from_counts(k.p_len, k.t_len, k.common, k.transpositions, jc);
    let sim = |sc: f64| match prefix_weight {
        None => jaro(sc),
        Some(w) => jaro_winkler::from_jaro(k.prefix, w, sc, jaro),
    };
    match form {
        Form::Distance => jaro::sim_to_distance(sim, c),
        Form::Similarity => sim(c),
        Form::NormalizedDistance => jaro::sim_to_normalized_distance(sim, c),
        Form::NormalizedSimilarity => jaro::sim_to_normalized_similarity(sim, c),
    }
}

impl Scorer {
    pub fn new(metric: MetricKind, form: Form) -> Self {
        Scorer { metric, form }
    }

    pub fn higher_is_better(&self) -> bool {
        self.form.higher_is_better()
    }

    /// True when scores are integers: the distance and similarity forms of
    /// the integer metrics. Jaro, Jaro-Winkler and the fuzz scorers give
    /// floats in every form.
    pub fn is_integral(&self) -> bool {
        self.form.is_integral() && !self.metric.is_float_valued()
    }

    /// The score of a pair, with rapidfuzz's cutoff rules for the form.
    /// `cutoff` and `hint` of `None` mean "no cutoff" and "no hint".
    pub fn score(&self, a: Seq<'_>, b: Seq<'_>, cutoff: Option<f64>, hint: Option<f64>) -> Result<f64, ScoreError> {
        match self.metric {
            MetricKind::Levenshtein(weights) => {
                Ok(score_metric(&Levenshtein { weights }, self.form, a, b, cutoff, hint))
            }
            MetricKind::Indel => Ok(score_metric(&Indel, self.form, a, b, cutoff, hint)),
            MetricKind::Hamming { pad } => {
                if !pad && a.len() != b.len() {
                    return Err(ScoreError::LengthMismatch);
                }
                Ok(score_metric(&Hamming, self.form, a, b, cutoff, hint))
            }
            MetricKind::LcsSeq => Ok(score_metric(&LcsSeq, self.form, a, b, cutoff, hint)),
            MetricKind::Osa => Ok(score_metric(&Osa, self.form, a, b, cutoff, hint)),
            MetricKind::DamerauLevenshtein => {
                Ok(score_metric(&DamerauLevenshtein, self.form, a, b, cutoff, hint))
            }
            MetricKind::Prefix => Ok(score_metric(&Prefix, self.form, a, b, cutoff, hint)),
            MetricKind::Postfix => Ok(score_metric(&Postfix, self.form, a, b, cutoff, hint)),
            MetricKind::Jaro => Ok(score_jaro(None, self.batch_jaro_form(), a, b, cutoff)),
            MetricKind::JaroWinkler { prefix_weight } => {
                Ok(score_jaro(Some(prefix_weight), self.batch_jaro_form(), a, b, cutoff))
            }
            MetricKind::Fuzz(kind) => Ok(kind.score(a, b, cutoff.unwrap_or(0.0))),
        }
    }

    /// `cutoff` as this scorer applies it: the integer scores truncate a
    /// fractional cutoff toward zero (and a negative one to 0), as
    /// rapidfuzz's process functions convert it; float scores keep it.
    pub fn effective_cutoff(&self, cutoff: Option<f64>) -> Option<f64> {
        if self.is_integral() {
            int_cutoff(cutoff).map(|c| c as f64)
        } else {
            cutoff
        }
    }

    /// The form Jaro and Jaro-Winkler are computed in here. rapidfuzz's
    /// batch functions (process.*, which Index and the batch exports match)
    /// use the cached scorer, whose normalized similarity is the similarity
    /// itself; its pairwise `normalized_similarity` is `1 - (1 - sim)`,
    /// which may differ in the last bit (see `distance::jaro`). The pairwise
    /// exports call [`score_jaro`] with the form as given.
    fn batch_jaro_form(&self) -> Form {
        match self.form {
            Form::NormalizedSimilarity => Form::Similarity,
            form => form,
        }
    }

    /// For Jaro and Jaro-Winkler, the score [`Self::score`] gives a pair
    /// with Jaro counts `k`; `None` for the other metrics.
    #[inline]
    pub(crate) fn jaro_from_counts(&self, k: &JaroCounts, cutoff: Option<f64>) -> Option<f64> {
        let w = match self.metric {
            MetricKind::Jaro => None,
            MetricKind::JaroWinkler { prefix_weight } => Some(prefix_weight),
            _ => return None,
        };
        Some(score_jaro_counts(w, self.batch_jaro_form(), k, cutoff))
    }

    /// True when `score` passes `cutoff` in this form's direction.
    pub fn passes(&self, score: f64, cutoff: f64) -> bool {
        if self.higher_is_better() {
            score >= cutoff
        } else {
            score <= cutoff
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::scorer_info::{is_symmetric, optimal_score};

    const FORMS: [Form; 4] = [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity];

    fn seq(s: &[u8]) -> Seq<'_> {
        Seq::U8(s)
    }

    #[test]
    fn new_metrics_known_values() {
        let d = |m, a: &[u8], b: &[u8]| Scorer::new(m, Form::Distance).score(seq(a), seq(b), None, None).unwrap();
        let s = |m, a: &[u8], b: &[u8]| Scorer::new(m, Form::Similarity).score(seq(a), seq(b), None, None).unwrap();
        // Values from rapidfuzz 3.14.6.
        assert_eq!(s(MetricKind::LcsSeq, b"abcd", b"acbd"), 3.0);
        assert_eq!(d(MetricKind::Osa, b"ca", b"abc"), 3.0);
        assert_eq!(d(MetricKind::DamerauLevenshtein, b"ca", b"abc"), 2.0);
        assert_eq!(s(MetricKind::Prefix, b"abcd", b"abxx"), 2.0);
        assert_eq!(s(MetricKind::Postfix, b"xxcd", b"abcd"), 2.0);
        assert_eq!(s(MetricKind::Jaro, b"", b""), 1.0);
        assert_eq!(s(MetricKind::JaroWinkler { prefix_weight: 0.3 }, b"abcd", b"abce"), 0.9833333333333333);
        // a cutoff the score misses
        let osa = Scorer::new(MetricKind::Osa, Form::Distance);
        assert_eq!(osa.score(seq(b"ca"), seq(b"abc"), Some(1.0), None).unwrap(), 2.0);
        let jaro = Scorer::new(MetricKind::Jaro, Form::Distance);
        assert_eq!(jaro.score(seq(b"abc"), seq(b"xyz"), Some(0.5), None).unwrap(), 1.0);
    }

    #[test]
    fn jaro_forms_are_floats_and_batch_normalized_similarity_is_the_similarity() {
        let pairs: [(&[u8], &[u8]); 4] = [(b"cbaca", b"aabd"), (b"dbc", b"cddcdbc"), (b"MARTHA", b"MARHTA"), (b"", b"a")];
        for metric in [MetricKind::Jaro, MetricKind::JaroWinkler { prefix_weight: 0.1 }] {
            for form in FORMS {
                assert!(!Scorer::new(metric, form).is_integral());
            }
            for (a, b) in pairs {
                let sim = Scorer::new(metric, Form::Similarity).score(seq(a), seq(b), None, None).unwrap();
                let norm = Scorer::new(metric, Form::NormalizedSimilarity).score(seq(a), seq(b), None, None).unwrap();
                assert_eq!(sim.to_bits(), norm.to_bits());
            }
        }
        // "cbaca"/"aabd": the pairwise normalized similarity, 1 - (1 - sim),
        // differs from the similarity in the last bit (as in rapidfuzz).
        let sim = jaro::similarity(b"cbaca", b"aabd", 0.0);
        assert_ne!(jaro::normalized_similarity(b"cbaca", b"aabd", 0.0), sim);
        assert!(Scorer::new(MetricKind::Osa, Form::Distance).is_integral());
        assert!(!Scorer::new(MetricKind::Osa, Form::NormalizedDistance).is_integral());
    }

    #[test]
    fn new_metrics_are_symmetric_with_known_best_scores() {
        let metrics = [
            MetricKind::LcsSeq,
            MetricKind::Osa,
            MetricKind::DamerauLevenshtein,
            MetricKind::Jaro,
            MetricKind::JaroWinkler { prefix_weight: 0.25 },
            MetricKind::Prefix,
            MetricKind::Postfix,
        ];
        let words: [&[u8]; 6] = [b"", b"a", b"abcd", b"acbd", b"badc", b"abcdabcdxx"];
        for metric in metrics {
            for form in FORMS {
                let scorer = Scorer::new(metric, form);
                assert!(is_symmetric(&scorer));
                let best = optimal_score(&scorer);
                for a in words {
                    let self_score = scorer.score(seq(a), seq(a), None, None).unwrap();
                    if let Some(best) = best {
                        assert_eq!(self_score, best, "{metric:?} {form:?} {a:?}");
                    }
                    for b in words {
                        let ab = scorer.score(seq(a), seq(b), None, None).unwrap();
                        let ba = scorer.score(seq(b), seq(a), None, None).unwrap();
                        assert_eq!(ab.to_bits(), ba.to_bits());
                        if let Some(best) = best {
                            assert!(scorer.passes(ab, best) == (ab == best));
                        }
                    }
                }
            }
        }
    }
}
