//! Facts about a scorer that batch functions need beyond its scores.

use crate::fuzz::FuzzKind;
use crate::scorer::{Form, MetricKind, Scorer};

/// The best score the scorer can give, when known: extractOne stops at the
/// first choice that reaches it, as rapidfuzz does. `None` disables the
/// early stop (always safe). Similarity forms have no fixed best score.
pub fn optimal_score(scorer: &Scorer) -> Option<f64> {
    #[allow(unreachable_patterns)]
    match scorer.metric {
        MetricKind::Levenshtein(_)
        | MetricKind::Indel
        | MetricKind::Hamming { .. }
        | MetricKind::LcsSeq
        | MetricKind::Osa
        | MetricKind::DamerauLevenshtein
        | MetricKind::Prefix
        | MetricKind::Postfix => match scorer.form {
            Form::Distance | Form::NormalizedDistance => Some(0.0),
            Form::NormalizedSimilarity => Some(1.0),
            Form::Similarity => None,
        },
        // Jaro and Jaro-Winkler: every form is in [0, 1].
        MetricKind::Jaro | MetricKind::JaroWinkler { .. } => match scorer.form {
            Form::Distance | Form::NormalizedDistance => Some(0.0),
            Form::Similarity | Form::NormalizedSimilarity => Some(1.0),
        },
        // Every fuzz scorer is a 0-100 percentage.
        MetricKind::Fuzz(_) => Some(100.0),
        // Metrics this module does not know: no early stop.
        _ => None,
    }
}

/// True when `score(a, b) == score(b, a)` for all a and b, so a list
/// compared with itself needs only half the pairs. Unknown metrics: false.
pub fn is_symmetric(scorer: &Scorer) -> bool {
    #[allow(unreachable_patterns)]
    match scorer.metric {
        MetricKind::Levenshtein(w) => w.insertion == w.deletion,
        // LCS, OSA and Damerau-Levenshtein distances (unit costs), common
        // prefix and suffix, and the maximum max(len1, len2) are all
        // symmetric in value; Jaro's match count, transpositions and
        // score (a sum of two commuting terms) are too, and the Winkler
        // prefix is shared.
        MetricKind::Indel
        | MetricKind::Hamming { .. }
        | MetricKind::LcsSeq
        | MetricKind::Osa
        | MetricKind::DamerauLevenshtein
        | MetricKind::Prefix
        | MetricKind::Postfix
        | MetricKind::Jaro
        | MetricKind::JaroWinkler { .. } => true,
        // The partial scorers align the shorter string inside the longer
        // one and WRatio switches on the length ratio; only these are
        // exactly symmetric.
        MetricKind::Fuzz(
            FuzzKind::Ratio
            | FuzzKind::QRatio
            | FuzzKind::TokenSortRatio
            | FuzzKind::TokenSetRatio
            | FuzzKind::TokenRatio,
        ) => true,
        _ => false,
    }
}
