//! Batch scoring: one query against a list (`extract`), every query against
//! every choice (`cdist`) and pairs (`cpdist`), in parallel, with
//! rapidfuzz's `process` semantics.
//!
//! - [`list::StrList`]: a packed list of sequences (all units back to back
//!   plus lengths), validated once.
//! - [`extract`]: best-k selection in rapidfuzz's order, with a cutoff that
//!   tightens as results accumulate, and extractOne's early stop.
//! - [`matrix`]: cdist and cpdist into a caller-provided buffer of one of
//!   the [`dtype::DType`] element types.
//! - [`cancel::Cancel`]: a token another thread sets to stop a batch; it is
//!   checked between work units.

pub mod cached;
pub mod cancel;
pub mod dtype;
pub mod extract;
pub mod list;
pub mod matrix;
pub mod scorer_info;

use crate::scorer::ScoreError;

/// Choices (extract) or rows (cdist) per parallel work unit; the cancel
/// token is checked before each.
pub(crate) const CHUNK: usize = 2048;

/// Why a batch stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchError {
    /// A pair could not be scored (Hamming without padding, unequal lengths).
    Score(ScoreError),
    /// The cancel token was set.
    Cancelled,
    /// An argument was inconsistent (sizes of lists or buffers).
    Invalid(String),
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Score(e) => e.fmt(f),
            BatchError::Cancelled => f.write_str("cancelled"),
            BatchError::Invalid(m) => f.write_str(m),
        }
    }
}

impl From<ScoreError> for BatchError {
    fn from(e: ScoreError) -> Self {
        BatchError::Score(e)
    }
}
