//! An Index: a corpus of choices encoded once and searched many times.
//!
//! Choices are stored in their narrowest unit type, so a search converts
//! nothing per choice. Searches run in parallel over chunks of the corpus
//! and each chunk tightens its cutoff as its top-k fills, so that later
//! candidates can exit early.

mod topk;

use crate::scorer::{ScoreError, Scorer};
use crate::unit::{OwnedSeq, Seq};
use rayon::prelude::*;
pub use topk::Match;
use topk::TopK;

/// Choices per parallel work unit of a scan.
const CHUNK: usize = 4096;

/// A searchable corpus. `Index` is `Send + Sync`: searches take `&self`.
#[derive(Clone, Debug, Default)]
pub struct Index {
    choices: Vec<OwnedSeq>,
}

impl Index {
    /// Builds an index over `choices`, copying them.
    pub fn new<'a, I: IntoIterator<Item = Seq<'a>>>(choices: I) -> Self {
        Index {
            choices: choices.into_iter().map(OwnedSeq::from_seq).collect(),
        }
    }

    /// Builds an index that takes ownership of already-encoded choices.
    pub fn from_owned(choices: Vec<OwnedSeq>) -> Self {
        Index { choices }
    }

    /// Number of choices.
    pub fn len(&self) -> usize {
        self.choices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
    }

    /// The choice at `position`.
    pub fn get(&self, position: usize) -> Option<Seq<'_>> {
        self.choices.get(position).map(OwnedSeq::as_seq)
    }

    /// The best `limit` choices for `query` by `scorer`, best first, ties in
    /// index order (the order of rapidfuzz's `process.extract`). Choices
    /// that fail `score_cutoff` are left out; `None` keeps every choice.
    pub fn search(
        &self,
        query: Seq<'_>,
        scorer: &Scorer,
        limit: usize,
        score_cutoff: Option<f64>,
    ) -> Result<Vec<Match>, ScoreError> {
        if limit == 0 || self.choices.is_empty() {
            return Ok(Vec::new());
        }
        let partials: Result<Vec<Vec<Match>>, ScoreError> = self
            .choices
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(chunk_no, chunk)| {
                let mut top = TopK::new(limit, scorer.higher_is_better());
                for (offset, choice) in chunk.iter().enumerate() {
                    let cutoff = top.tightened_cutoff(score_cutoff);
                    let score = scorer.score(query, choice.as_seq(), cutoff, None)?;
                    if cutoff.map_or(true, |c| scorer.passes(score, c)) {
                        top.offer(Match {
                            index: chunk_no * CHUNK + offset,
                            score,
                        });
                    }
                }
                Ok(top.into_sorted())
            })
            .collect();
        let mut merged = TopK::new(limit, scorer.higher_is_better());
        for partial in partials? {
            for m in partial {
                merged.offer(m);
            }
        }
        Ok(merged.into_sorted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::levenshtein::Weights;
    use crate::scorer::{Form, MetricKind};

    fn seqs(words: &[&str]) -> Vec<OwnedSeq> {
        words.iter().map(|w| OwnedSeq::from_str(w)).collect()
    }

    #[test]
    fn top_k_order_and_ties() {
        let words = seqs(&["abc", "abd", "xyz", "abc", "ab"]);
        let index = Index::new(words.iter().map(OwnedSeq::as_seq));
        let q = OwnedSeq::from_str("abc");
        let lev = Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance);
        let hits = index.search(q.as_seq(), &lev, 3, None).unwrap();
        let got: Vec<(usize, f64)> = hits.iter().map(|m| (m.index, m.score)).collect();
        assert_eq!(got, vec![(0, 0.0), (3, 0.0), (1, 1.0)]);
        let sim = Scorer::new(MetricKind::Indel, Form::NormalizedSimilarity);
        let hits = index.search(q.as_seq(), &sim, 10, Some(0.5)).unwrap();
        let idx: Vec<usize> = hits.iter().map(|m| m.index).collect();
        assert_eq!(idx, vec![0, 3, 4, 1]);
    }

    #[test]
    fn matches_brute_force_across_chunks() {
        let words: Vec<String> = (0..10_000).map(|i| format!("w{}", (i * 7919) % 1000)).collect();
        let owned: Vec<OwnedSeq> = words.iter().map(|w| OwnedSeq::from_str(w)).collect();
        let index = Index::new(owned.iter().map(OwnedSeq::as_seq));
        let q = OwnedSeq::from_str("w123");
        let scorer = Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::NormalizedSimilarity);
        let hits = index.search(q.as_seq(), &scorer, 7, None).unwrap();
        let mut all: Vec<Match> = owned
            .iter()
            .enumerate()
            .map(|(i, c)| Match { index: i, score: scorer.score(q.as_seq(), c.as_seq(), None, None).unwrap() })
            .collect();
        all.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap().then(a.index.cmp(&b.index)));
        all.truncate(7);
        assert_eq!(hits, all);
    }
}
