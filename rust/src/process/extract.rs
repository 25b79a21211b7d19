//! One query against a list: the best `limit` choices, in rapidfuzz's
//! order (best score first, ties by position).
//!
//! The list is cut into chunks scored in parallel. Each chunk keeps its own
//! top-k and tightens the cutoff it passes to the kernel as the top-k
//! fills; the chunks' results are merged exactly. With `limit == 1` this is
//! rapidfuzz's extractOne: the first best choice, and a scan that stops at
//! the first choice with the scorer's best possible score (so, as in
//! rapidfuzz, a choice after it that cannot be scored raises no error).

use super::cached::Prepared;
use super::cancel::{check, Cancel};
use super::list::StrList;
use super::scorer_info::optimal_score;
pub use crate::topk::Hit;
use crate::topk::TopK;
use super::{BatchError, CHUNK};
use crate::parallel::with_workers;
use crate::scorer::Scorer;
use crate::unit::Seq;
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What to extract.
#[derive(Clone, Copy, Debug)]
pub struct Extract<'s> {
    pub scorer: &'s Scorer,
    /// Most results to return; 0 returns none.
    pub limit: usize,
    /// Choices failing it are left out; `None` keeps every choice.
    pub score_cutoff: Option<f64>,
    /// Passed to the kernel; never changes results.
    pub score_hint: Option<f64>,
    /// Threads, as for [`with_workers`] (0: all cores).
    pub workers: usize,
}

/// The best choices for `query`, best first.
pub fn extract(
    query: Seq<'_>,
    choices: &StrList<'_>,
    args: &Extract<'_>,
    cancel: Option<&Cancel>,
) -> Result<Vec<Hit>, BatchError> {
    let n = choices.len();
    if args.limit == 0 || n == 0 {
        check(cancel)?;
        return Ok(Vec::new());
    }
    let limit = args.limit.min(n);
    let scorer = args.scorer;
    let higher = scorer.higher_is_better();
    // As cdist and Index apply it: an integer score truncates a fractional
    // or negative cutoff, so 2.5 keeps similarities >= 2, not >= 3.
    let score_cutoff = scorer.effective_cutoff(args.score_cutoff);
    // extractOne stops at a perfect score; later chunks are then skipped.
    let optimal = if limit == 1 { optimal_score(scorer) } else { None };
    let prepared = Prepared::new(scorer, query);
    let stop_at = AtomicUsize::new(usize::MAX);
    let run_chunk = |start: usize| -> Result<Vec<Hit>, BatchError> {
        if start > stop_at.load(Ordering::Relaxed) {
            return Ok(Vec::new());
        }
        check(cancel)?;
        let end = (start + CHUNK).min(n);
        // Exact distances of the whole chunk at once where a multi-choice
        // kernel applies and pays; each is then scored with the running cutoff.
        let mut known = Vec::new();
        let have_known = prepared.batch_pays(end - start) && prepared.chunk_distances(choices, start, end, &mut known);
        let score_at = |index: usize, cutoff: Option<f64>| {
            if have_known {
                prepared.score_known(choices.get(index), known[index - start], cutoff, args.score_hint)
            } else {
                prepared.score(choices.get(index), cutoff, args.score_hint)
            }
        };
        if limit >= end - start {
            // Every passing choice of the chunk is kept: no heap, no tightening.
            let mut all = Vec::new();
            for index in start..end {
                let score = score_at(index, score_cutoff)?;
                if score_cutoff.is_none_or(|c| scorer.passes(score, c)) {
                    all.push(Hit { index, score });
                }
            }
            return Ok(all);
        }
        let mut top = TopK::new(limit, higher);
        for index in start..end {
            let cutoff = top.cutoff(score_cutoff);
            let score = score_at(index, cutoff)?;
            if cutoff.is_none_or(|c| scorer.passes(score, c)) {
                top.offer(Hit { index, score });
                if optimal == Some(score) {
                    stop_at.fetch_min(index, Ordering::Relaxed);
                    break;
                }
            }
        }
        Ok(top.into_sorted())
    };
    let starts: Vec<usize> = (0..n).step_by(CHUNK).collect();
    let partials: Vec<Result<Vec<Hit>, BatchError>> = if starts.len() == 1 || args.workers == 1 {
        // In order, on this thread: extractOne's early stop skips the rest.
        let mut out = Vec::with_capacity(starts.len());
        for &s in &starts {
            let r = run_chunk(s);
            let stop = r.is_err();
            out.push(r);
            if stop || stop_at.load(Ordering::Relaxed) != usize::MAX {
                break;
            }
        }
        out
    } else {
        with_workers(args.workers, || starts.par_iter().map(|&s| run_chunk(s)).collect())
            .map_err(BatchError::Invalid)?
    };
    if limit > CHUNK {
        // Large limits (limit=None): sort everything once instead of a heap.
        // limit == 1 never gets here, so no early stop to honour.
        let mut all = Vec::new();
        for partial in partials {
            all.extend(partial?);
        }
        check(cancel)?;
        crate::topk::sort_hits(&mut all, higher);
        all.truncate(limit);
        return Ok(all);
    }
    // Merge in list order so that an error after a perfect score is ignored,
    // as it is in rapidfuzz's sequential scan.
    let mut merged = TopK::new(limit, higher);
    for partial in partials {
        if matches!(merged.best(), Some(b) if optimal == Some(b.score)) {
            break;
        }
        for hit in partial? {
            merged.offer(hit);
        }
    }
    check(cancel)?;
    Ok(merged.into_sorted())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::levenshtein::Weights;
    use crate::scorer::{Form, MetricKind};
    use crate::unit::OwnedSeq;

    fn args(scorer: &Scorer, limit: usize, cutoff: Option<f64>, workers: usize) -> Extract<'_> {
        Extract { scorer, limit, score_cutoff: cutoff, score_hint: None, workers }
    }

    #[test]
    fn integer_scores_truncate_a_fractional_or_negative_cutoff() {
        let list = StrList::from_strs(&["abcd", "abcx", "abxx", "axxx", "xxxx"]);
        let query = OwnedSeq::from_str("abcd");
        let lev = |form| Scorer { metric: MetricKind::Levenshtein(Weights::default()), form };
        let kept = |scorer: &Scorer, cutoff: f64| -> Vec<usize> {
            let a = args(scorer, 10, Some(cutoff), 1);
            extract(query.as_seq(), &list, &a, None).unwrap().iter().map(|h| h.index).collect()
        };
        // similarity (4 - distance) >= 2.5 means >= 2: distances 0, 1, 2
        assert_eq!(kept(&lev(Form::Similarity), 2.5), vec![0, 1, 2]);
        // distance <= 1.9 means <= 1
        assert_eq!(kept(&lev(Form::Distance), 1.9), vec![0, 1]);
        // a negative cutoff is 0: distance <= 0 keeps the exact match only
        assert_eq!(kept(&lev(Form::Distance), -3.0), vec![0]);
        // the same rule as the other batch functions
        for cutoff in [2.5, 1.9, -3.0, 0.0, 7.2] {
            let s = lev(Form::Similarity);
            let brute_kept: Vec<usize> = brute(&query, &list, &s, 10, s.effective_cutoff(Some(cutoff))).iter().map(|h| h.index).collect();
            assert_eq!(kept(&s, cutoff), brute_kept, "{cutoff}");
        }
    }

    fn brute(query: &OwnedSeq, list: &StrList<'_>, scorer: &Scorer, limit: usize, cutoff: Option<f64>) -> Vec<Hit> {
        let mut all: Vec<Hit> = (0..list.len())
            .map(|i| Hit { index: i, score: scorer.score(query.as_seq(), list.get(i), cutoff, None).unwrap() })
            .filter(|h| cutoff.is_none_or(|c| scorer.passes(h.score, c)))
            .collect();
        all.sort_by(|a, b| {
            let s = if scorer.higher_is_better() { b.score.total_cmp(&a.score) } else { a.score.total_cmp(&b.score) };
            s.then(a.index.cmp(&b.index))
        });
        all.truncate(limit);
        all
    }

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    #[test]
    fn equals_brute_force_for_every_form_and_worker_count() {
        let mut s = 7u64;
        let words: Vec<String> = (0..5000)
            .map(|_| {
                let len = rng(&mut s) % 9;
                (0..len).map(|_| (b'a' + (rng(&mut s) % 4) as u8) as char).collect()
            })
            .collect();
        let refs: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
        let list = StrList::from_strs(&refs);
        let forms = [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity];
        for q in ["abca", "", "dddddddd"] {
            let query = OwnedSeq::from_str(q);
            for metric in [MetricKind::Levenshtein(Weights::default()), MetricKind::Indel] {
                for form in forms {
                    let scorer = Scorer::new(metric, form);
                    let cutoffs = match form {
                        Form::Distance => [None, Some(2.0)],
                        Form::Similarity => [None, Some(3.0)],
                        Form::NormalizedDistance => [None, Some(0.4)],
                        Form::NormalizedSimilarity => [None, Some(0.6)],
                    };
                    for cutoff in cutoffs {
                        for limit in [1, 3, 100, usize::MAX] {
                            let want = brute(&query, &list, &scorer, limit, cutoff);
                            for workers in [1, 2, 0] {
                                let got = extract(query.as_seq(), &list, &args(&scorer, limit, cutoff, workers), None).unwrap();
                                assert_eq!(got, want, "{q:?} {metric:?} {form:?} {cutoff:?} {limit} {workers}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn extract_one_ignores_errors_after_a_perfect_score() {
        let scorer = Scorer::new(MetricKind::Hamming { pad: false }, Form::Distance);
        let mut items = vec!["abd"; 3 * CHUNK];
        items[5] = "abc";
        items[3 * CHUNK - 1] = "toolong";
        let list = StrList::from_strs(&items);
        let q = OwnedSeq::from_str("abc");
        for workers in [1, 2] {
            let got = extract(q.as_seq(), &list, &args(&scorer, 1, None, workers), None).unwrap();
            assert_eq!(got, vec![Hit { index: 5, score: 0.0 }]);
            assert!(extract(q.as_seq(), &list, &args(&scorer, 2, None, workers), None).is_err());
        }
        items[5] = "abd";
        let list = StrList::from_strs(&items);
        assert!(extract(q.as_seq(), &list, &args(&scorer, 1, None, 2), None).is_err());
    }

    #[test]
    fn cancelled_token_stops() {
        let scorer = Scorer::new(MetricKind::Indel, Form::Distance);
        let list = StrList::from_strs(&["a"; 10]);
        let cancel = Cancel::new();
        cancel.set();
        let q = OwnedSeq::from_str("a");
        assert_eq!(extract(q.as_seq(), &list, &args(&scorer, 3, None, 1), Some(&cancel)), Err(BatchError::Cancelled));
    }
}
