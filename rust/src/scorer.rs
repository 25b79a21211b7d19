//! A scorer: one metric in one of its four forms, chosen at run time.
//!
//! The C ABI, the Index and the batch functions describe what to compute with
//! a [`Scorer`] value. Scores are `f64`; the distance and similarity forms of
//! integer metrics give integral values.

use crate::distance::{
    self, hamming::Hamming, indel::Indel, levenshtein::Levenshtein, levenshtein::Weights, Metric,
};
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
    /// A `fuzz` scorer: a score in 0..=100, higher is better. It has one
    /// form only; pair it with [`Form::NormalizedSimilarity`].
    Fuzz(FuzzKind),
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

impl Scorer {
    pub fn new(metric: MetricKind, form: Form) -> Self {
        Scorer { metric, form }
    }

    pub fn higher_is_better(&self) -> bool {
        self.form.higher_is_better()
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
            MetricKind::Fuzz(kind) => Ok(kind.score(a, b, cutoff.unwrap_or(0.0))),
        }
    }

    /// `cutoff` as this scorer applies it: the integer forms truncate a
    /// fractional cutoff toward zero (and a negative one to 0), as
    /// rapidfuzz's process functions convert it; float forms keep it.
    pub fn effective_cutoff(&self, cutoff: Option<f64>) -> Option<f64> {
        match self.form {
            Form::Distance | Form::Similarity => int_cutoff(cutoff).map(|c| c as f64),
            Form::NormalizedDistance | Form::NormalizedSimilarity => cutoff,
        }
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
