//! `ffz_scorer`: how C names a metric and form for searches and batches.

use super::distance::ffz_levenshtein_weights;
use super::error::{FfiError, FfiResult};
use super::FFZ_INVALID_ARGUMENT;
use crate::fuzz::FuzzKind;
use crate::scorer::{Form, MetricKind, Scorer};

/// `ffz_scorer.metric`: Levenshtein, with `weights`.
pub const FFZ_METRIC_LEVENSHTEIN: u32 = 1;
/// `ffz_scorer.metric`: Indel (insertions and deletions only).
pub const FFZ_METRIC_INDEL: u32 = 2;
/// `ffz_scorer.metric`: Hamming, with `pad`.
pub const FFZ_METRIC_HAMMING: u32 = 3;
/// `ffz_scorer.metric`: LCSseq (longest common subsequence; distance
/// `max(len1, len2) - lcs`).
pub const FFZ_METRIC_LCS_SEQ: u32 = 4;
/// `ffz_scorer.metric`: optimal string alignment (OSA).
pub const FFZ_METRIC_OSA: u32 = 5;
/// `ffz_scorer.metric`: Damerau-Levenshtein (unrestricted).
pub const FFZ_METRIC_DAMERAU_LEVENSHTEIN: u32 = 6;
/// `ffz_scorer.metric`: Jaro. Every form, including the distance and the
/// similarity, is a float in [0, 1].
pub const FFZ_METRIC_JARO: u32 = 7;
/// `ffz_scorer.metric`: Jaro-Winkler, with `prefix_weight` (in [0, 1];
/// rapidfuzz's default is 0.1). Every form is a float in [0, 1].
pub const FFZ_METRIC_JARO_WINKLER: u32 = 8;
/// `ffz_scorer.metric`: Prefix (length of the common prefix).
pub const FFZ_METRIC_PREFIX: u32 = 9;
/// `ffz_scorer.metric`: Postfix (length of the common suffix).
pub const FFZ_METRIC_POSTFIX: u32 = 10;

/// `ffz_scorer.metric`: `fuzz.ratio`. For the `FFZ_METRIC_FUZZ_*` scorers
/// `form` is ignored: scores are in [0, 100], higher is better.
pub const FFZ_METRIC_FUZZ_RATIO: u32 = 100;
/// `ffz_scorer.metric`: `fuzz.partial_ratio`.
pub const FFZ_METRIC_FUZZ_PARTIAL_RATIO: u32 = 101;
/// `ffz_scorer.metric`: `fuzz.token_sort_ratio`.
pub const FFZ_METRIC_FUZZ_TOKEN_SORT_RATIO: u32 = 102;
/// `ffz_scorer.metric`: `fuzz.token_set_ratio`.
pub const FFZ_METRIC_FUZZ_TOKEN_SET_RATIO: u32 = 103;
/// `ffz_scorer.metric`: `fuzz.token_ratio`.
pub const FFZ_METRIC_FUZZ_TOKEN_RATIO: u32 = 104;
/// `ffz_scorer.metric`: `fuzz.partial_token_sort_ratio`.
pub const FFZ_METRIC_FUZZ_PARTIAL_TOKEN_SORT_RATIO: u32 = 105;
/// `ffz_scorer.metric`: `fuzz.partial_token_set_ratio`.
pub const FFZ_METRIC_FUZZ_PARTIAL_TOKEN_SET_RATIO: u32 = 106;
/// `ffz_scorer.metric`: `fuzz.partial_token_ratio`.
pub const FFZ_METRIC_FUZZ_PARTIAL_TOKEN_RATIO: u32 = 107;
/// `ffz_scorer.metric`: `fuzz.WRatio`.
pub const FFZ_METRIC_FUZZ_WRATIO: u32 = 108;
/// `ffz_scorer.metric`: `fuzz.QRatio`.
pub const FFZ_METRIC_FUZZ_QRATIO: u32 = 109;

/// `ffz_scorer.form`: the distance (lower is better).
pub const FFZ_FORM_DISTANCE: u32 = 0;
/// `ffz_scorer.form`: the similarity (higher is better).
pub const FFZ_FORM_SIMILARITY: u32 = 1;
/// `ffz_scorer.form`: the normalized distance in [0, 1] (lower is better).
pub const FFZ_FORM_NORMALIZED_DISTANCE: u32 = 2;
/// `ffz_scorer.form`: the normalized similarity in [0, 1] (higher is better).
pub const FFZ_FORM_NORMALIZED_SIMILARITY: u32 = 3;

/// A metric in one of its four forms, with the metric's parameters.
/// Fields that the metric does not use are ignored.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_scorer {
    /// One of the `FFZ_METRIC_*` values.
    pub metric: u32,
    /// One of the `FFZ_FORM_*` values.
    pub form: u32,
    /// Levenshtein's costs.
    pub weights: ffz_levenshtein_weights,
    /// Hamming: allow unequal lengths, counting the difference as mismatches.
    pub pad: bool,
    /// Jaro-Winkler's prefix weight, in [0, 1] (NaN is accepted, as by
    /// rapidfuzz, and scores every pair 0.0); others give
    /// `FFZ_INVALID_ARGUMENT`. Note that a zero-initialized struct holds
    /// 0.0, not rapidfuzz's default 0.1.
    pub prefix_weight: f64,
}

impl ffz_scorer {
    /// Validates the descriptor and turns it into a core scorer.
    pub fn to_scorer(&self) -> FfiResult<Scorer> {
        let metric = match self.metric {
            FFZ_METRIC_LEVENSHTEIN => MetricKind::Levenshtein(self.weights.into()),
            FFZ_METRIC_INDEL => MetricKind::Indel,
            FFZ_METRIC_HAMMING => MetricKind::Hamming { pad: self.pad },
            FFZ_METRIC_LCS_SEQ => MetricKind::LcsSeq,
            FFZ_METRIC_OSA => MetricKind::Osa,
            FFZ_METRIC_DAMERAU_LEVENSHTEIN => MetricKind::DamerauLevenshtein,
            FFZ_METRIC_JARO => MetricKind::Jaro,
            FFZ_METRIC_JARO_WINKLER => {
                super::metrics::check_prefix_weight(self.prefix_weight)?;
                MetricKind::JaroWinkler { prefix_weight: self.prefix_weight }
            }
            FFZ_METRIC_PREFIX => MetricKind::Prefix,
            FFZ_METRIC_POSTFIX => MetricKind::Postfix,
            id @ FFZ_METRIC_FUZZ_RATIO..=FFZ_METRIC_FUZZ_QRATIO => {
                let kind = FuzzKind::ALL[(id - FFZ_METRIC_FUZZ_RATIO) as usize];
                return Ok(Scorer::new(MetricKind::Fuzz(kind), Form::NormalizedSimilarity));
            }
            other => {
                return Err(FfiError::new(
                    FFZ_INVALID_ARGUMENT,
                    format!("unknown scorer metric {other}"),
                ))
            }
        };
        let form = match self.form {
            FFZ_FORM_DISTANCE => Form::Distance,
            FFZ_FORM_SIMILARITY => Form::Similarity,
            FFZ_FORM_NORMALIZED_DISTANCE => Form::NormalizedDistance,
            FFZ_FORM_NORMALIZED_SIMILARITY => Form::NormalizedSimilarity,
            other => {
                return Err(FfiError::new(
                    FFZ_INVALID_ARGUMENT,
                    format!("unknown scorer form {other}"),
                ))
            }
        };
        Ok(Scorer::new(metric, form))
    }
}
