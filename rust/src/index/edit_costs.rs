//! The edit-distance models the pruned search can run: Levenshtein with
//! weights (Indel is Levenshtein with substitution cost 2) and optimal
//! string alignment.

use crate::distance::levenshtein::Weights;

/// Costs for one DP step. All costs are at least 1, which keeps the active
/// band of a DP row at most `2k + 1` cells wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditCosts {
    /// Cost of inserting a unit of the choice (a row step).
    pub insertion: usize,
    /// Cost of deleting a unit of the query (a column step).
    pub deletion: usize,
    /// Cost of substituting one unit for another.
    pub substitution: usize,
    /// Adjacent transpositions cost 1 (optimal string alignment).
    pub transposition: bool,
}

impl EditCosts {
    /// Costs for Levenshtein `weights`, or None when a zero cost would make
    /// the band unbounded (those weights use the scan).
    pub fn levenshtein(weights: Weights) -> Option<EditCosts> {
        let Weights { insertion, deletion, substitution } = weights;
        if insertion == 0 || deletion == 0 || substitution == 0 {
            return None;
        }
        Some(EditCosts {
            insertion,
            deletion,
            // A substitution never beats a deletion plus an insertion.
            substitution: substitution.min(insertion.saturating_add(deletion)),
            transposition: false,
        })
    }

    pub fn indel() -> EditCosts {
        EditCosts { insertion: 1, deletion: 1, substitution: 2, transposition: false }
    }

    pub fn osa() -> EditCosts {
        EditCosts { insertion: 1, deletion: 1, substitution: 1, transposition: true }
    }

    /// The most bigrams (adjacent unit pairs) one edit operation can
    /// destroy: 2 for an insertion, deletion or substitution, 3 for a
    /// transposition (`xaby` -> `xbay` loses `xa`, `ab` and `by`).
    pub fn bigrams_per_edit(&self) -> usize {
        if self.transposition {
            3
        } else {
            2
        }
    }

    /// A lower bound on the distance between sequences of these lengths.
    pub fn length_bound(&self, query_len: usize, choice_len: usize) -> usize {
        if choice_len >= query_len {
            (choice_len - query_len).saturating_mul(self.insertion)
        } else {
            (query_len - choice_len).saturating_mul(self.deletion)
        }
    }
}
