//! Exact top-k and threshold search through the implicit trie.
//!
//! The trie keeps each choice length as a bucket of its own. A score
//! threshold (the cutoff, or the `limit`-th best score found so far)
//! bounds the distance a choice of a given length needs to still rank, so
//! each bucket is walked with its own bound, and within a bucket the known
//! length prunes every cell that could not reach the end within that bound
//! (see [`search`]). Each found choice is scored by the same kernel a scan
//! uses, so scores, ties and order are exactly those of a brute-force scan.
//! When a bucket's bound grows more than [`MAX_EDITS`] edits past its
//! length difference, a scan is cheaper, and the caller falls back to it.

use super::corpus::Corpus;
use super::signature::{bigram_bound, excess, Signature};
use super::edit_costs::EditCosts;
use crate::topk::{Hit as Match, TopK};
use super::trie::SortedTrie;
use crate::distance::{indel::Indel, levenshtein::Levenshtein, osa::Osa, Metric};
use crate::scorer::{Form, MetricKind, ScoreError, Scorer};
use crate::unit::Seq;

/// Largest bound, in edits beyond a bucket's length difference, worth a
/// walk; beyond it the scan wins.
pub(crate) const MAX_EDITS: usize = 8;

/// Largest Levenshtein weight the walk takes (see [`Plan::for_scorer`]).
const MAX_WALK_WEIGHT: usize = 1 << 20;

/// Bounds below this prune almost at once: their walks run on one thread.
const PARALLEL_MIN_BOUND: usize = 2;

/// The trie walk's cost model and the metric's maximum, for a scorer the
/// walk supports.
pub struct Plan {
    costs: EditCosts,
    metric: MetricKind,
}

impl Plan {
    pub fn for_scorer(scorer: &Scorer) -> Option<Plan> {
        let costs = match scorer.metric {
            // Distances past 2^53 are not exact as f64 scores, and the walk's
            // bounds and seeded cutoffs compare them as f64: with weights
            // that large (over 2^20, times at most 2^32 units) such
            // searches scan, which compares exact integers.
            MetricKind::Levenshtein(w) if w.insertion.max(w.deletion).max(w.substitution) > MAX_WALK_WEIGHT => {
                return None
            }
            MetricKind::Levenshtein(w) => EditCosts::levenshtein(w)?,
            MetricKind::Indel => EditCosts::indel(),
            MetricKind::Osa => EditCosts::osa(),
            _ => return None,
        };
        Some(Plan { costs, metric: scorer.metric })
    }

    fn maximum(&self, len1: usize, len2: usize) -> usize {
        match self.metric {
            MetricKind::Levenshtein(weights) => Levenshtein { weights }.maximum(len1, len2),
            MetricKind::Indel => Indel.maximum(len1, len2),
            MetricKind::Osa => Osa.maximum(len1, len2),
            _ => len1.max(len2),
        }
    }

    fn max_bound(&self) -> usize {
        MAX_EDITS.saturating_mul(self.costs.insertion.max(self.costs.deletion))
    }

    /// The largest distance at which a choice of length `len` could still
    /// pass `threshold` (as a cutoff, ties passing), rounded generously
    /// (it may be one too large, never too small); None when no distance
    /// passes.
    pub fn allowed_distance(&self, scorer: &Scorer, query_len: usize, len: usize, threshold: f64) -> Option<usize> {
        let maximum = self.maximum(query_len, len) as f64;
        if maximum == 0.0 {
            // Two empty sequences: distance 0, whatever the form.
            return Some(0);
        }
        let slack = 1e-7 * maximum.max(1.0);
        let limit = match scorer.form {
            Form::Distance => threshold,
            Form::Similarity => maximum - threshold,
            Form::NormalizedDistance => threshold * maximum,
            Form::NormalizedSimilarity => (1.0 - threshold) * maximum,
        } + slack;
        if limit < 0.0 || limit.is_nan() {
            None
        } else if limit >= usize::MAX as f64 {
            Some(usize::MAX)
        } else {
            Some(limit.floor() as usize)
        }
    }

    /// A lower bound on the distance between a query and a choice, from
    /// their lengths and class-count signatures: each unit of one side
    /// without a counterpart of its class on the other needs an edit. (A
    /// transposition leaves both multisets as they are, so the bound holds
    /// for OSA too.)
    #[inline]
    pub fn distance_bound(&self, query_len: usize, query_sig: Signature, len: usize, sig: Signature) -> usize {
        let c = &self.costs;
        let query_only = excess(query_sig, sig);
        let choice_only = excess(sig, query_sig);
        let by_classes = if c.substitution >= c.insertion + c.deletion {
            query_only * c.deletion + choice_only * c.insertion
        } else {
            // Pair up what can be substituted; the rest is deleted or inserted.
            let paired = query_only.min(choice_only);
            paired * c.substitution + (query_only - paired) * c.deletion + (choice_only - paired) * c.insertion
        };
        by_classes.max(c.length_bound(query_len, len))
    }

    /// A lower bound on the distance from shared bigrams (see
    /// [`super::signature::Bigrams`]): each edit operation costs at least
    /// the cheapest of the operations (a transposition costs 1, and only
    /// OSA, whose costs are all 1, has them).
    #[inline]
    pub fn bigram_distance_bound(&self, query_len: usize, len: usize, shared: usize) -> usize {
        let c = &self.costs;
        bigram_bound(query_len, len, shared, c.bigrams_per_edit()) * c.insertion.min(c.deletion).min(c.substitution)
    }

    /// For each choice length up to `max_len`, the largest distance lower
    /// bound that can still pass `cutoff`: -1 when no choice of that length
    /// can pass, `i64::MAX` when any can. A choice may pass only if its
    /// bound is at most its entry, which makes the scan's filter a lookup.
    /// The entries are rounded generously (they may let through a choice
    /// that fails, which the kernel then rejects, never the reverse).
    pub fn allowed_bounds(&self, scorer: &Scorer, query_len: usize, max_len: usize, cutoff: f64) -> Vec<i64> {
        (0..=max_len)
            .map(|len| {
                let maximum = self.maximum(query_len, len) as f64;
                let slack = 1e-7 * maximum.max(1.0);
                let limit = match scorer.form {
                    Form::Distance => cutoff,
                    Form::Similarity => maximum - cutoff,
                    Form::NormalizedDistance => cutoff * maximum,
                    Form::NormalizedSimilarity => (1.0 - cutoff) * maximum,
                } + slack;
                if maximum == 0.0 || limit >= i64::MAX as f64 {
                    i64::MAX
                } else if limit < 0.0 {
                    -1
                } else {
                    limit.floor() as i64
                }
            })
            .collect()
    }
}

/// Everything the pruned search reads from the index.
pub struct Sorted<'a> {
    pub corpus: &'a Corpus,
    /// The choices sorted forwards, and sorted by their reversal.
    pub trie: &'a SortedTrie,
    pub reversed: &'a SortedTrie,
}

/// Per-column cost limits for the two halves of a split search.
///
/// Split the query after column `h`. An alignment within `k` either costs at
/// most `k / 2` up to column `h`, or at most `k / 2` from column `h + 1` to
/// the end: otherwise, since costs only grow along an alignment, it would
/// cost at least `2 * (k / 2 + 1) > k`. The forward walk finds the first
/// kind and the walk over reversed choices, with the reversed query, the
/// second. Both halves prune a level earlier than one walk with limit `k`.
///
/// With transpositions (OSA) an alignment may jump from column `h - 1` to
/// `h + 1`, over the cut. Say it costs `a` up to column `h - 1` and `b`
/// from column `h + 1` on, so `a + 1 + b <= k`. The forward walk finds it
/// if `a + 1 <= k / 2` (it keeps the substitution cell at column `h`, of
/// cost at most `a + 1`, so the row between is not pruned); the backward
/// walk finds it if `b <= k / 2`. Were both false, `a + 1 + b` would be at
/// least `2 * (k / 2 + 1) > k`. A jump from column `h` to `h + 2` is the
/// mirror case (the backward walk keeps the middle cell), and any other
/// transposition's middle column lies on the same side of the cut as both
/// of its ends. So the same limits are exact for OSA; the tests check it on
/// transposition-heavy data.
fn split_limits(m: usize, k: usize) -> (Vec<usize>, Vec<usize>) {
    let half = k / 2;
    let h = m / 2;
    let forward = (0..=m).map(|j| if j <= h { half } else { k }).collect();
    // Reversed column j' is forward column m - j'; j >= h + 1 <=> j' <= m - h - 1.
    let backward = (0..=m).map(|j| if j + h < m { half } else { k }).collect();
    (forward, backward)
}

/// Buckets whose bound exceeds their length difference by at most this
/// are walked whole, not split in halves (measured: 11% fewer instructions
/// for a within-2 search, the same for top-5).
const UNSPLIT_MAX_SLACK: usize = 1;

/// Buckets (choices of one length) at least this large walk their two
/// halves in parallel, when the bound is at least `PARALLEL_MIN_BOUND`.
const PARALLEL_MIN_BUCKET: usize = 4096;

/// Positions of every sorted choice of bucket `b` (all of one length) within
/// distance `k` of `query` (and possibly some beyond it, which the caller's
/// scoring filters out). `reversed_query` is `query` read backwards.
fn walk_bucket(sorted: &Sorted<'_>, b: usize, query: &[u64], reversed_query: &[u64], costs: &EditCosts, k: usize) -> Vec<usize> {
    let m = query.len();
    let (len, ref range) = sorted.trie.buckets()[b];
    let run = |trie: &SortedTrie, q: &[u64], limits: &[usize], range: std::ops::Range<usize>| {
        let mut out = Vec::new();
        trie.within(sorted.corpus, q, costs, limits, Some(len), range, &mut out);
        out.into_iter().map(|(i, _)| i).collect::<Vec<usize>>()
    };
    // With little slack over the length difference the band alone prunes
    // at once, and one walk costs less than two halves.
    let slack = k - costs.length_bound(m, len).min(k);
    if k == 0 || m < 2 || slack <= UNSPLIT_MAX_SLACK {
        return run(sorted.trie, query, &vec![k; m + 1], range.clone());
    }
    // Both orders put each length in one run, of the same size.
    let reversed_range = sorted.reversed.buckets()[b].1.clone();
    debug_assert_eq!(reversed_range.len(), range.len());
    let (forward, backward) = split_limits(m, k);
    let forward_walk = || run(sorted.trie, query, &forward, range.clone());
    let backward_walk = || run(sorted.reversed, reversed_query, &backward, reversed_range.clone());
    let (mut found, other) = if range.len() >= PARALLEL_MIN_BUCKET && k >= PARALLEL_MIN_BOUND {
        rayon::join(forward_walk, backward_walk)
    } else {
        (forward_walk(), backward_walk())
    };
    found.extend(other);
    found.sort_unstable();
    found.dedup();
    found
}

/// Positions of every sorted choice within distance `k` of `query` (and
/// possibly some beyond it): the walks of every bucket whose length is
/// within `k` of the query's.
#[cfg(test)]
fn walk(sorted: &Sorted<'_>, query: &[u64], costs: &EditCosts, k: usize) -> Vec<usize> {
    let reversed_query: Vec<u64> = query.iter().rev().copied().collect();
    let mut found = Vec::new();
    for (b, (len, _)) in sorted.trie.buckets().iter().enumerate() {
        if costs.length_bound(query.len(), *len) <= k {
            found.extend(walk_bucket(sorted, b, query, &reversed_query, costs, k));
        }
    }
    found.sort_unstable();
    found
}

/// What the pruned search concluded.
pub enum Outcome {
    /// The exact top matches.
    Done(Vec<Match>),
    /// The walk would cost more than a scan. `seed`, when known, is a score
    /// that the final `limit`-th best match is at least as good as (the
    /// `limit`-th best found so far), a valid starting cutoff for the scan.
    Scan { seed: Option<f64> },
}

/// Top `limit` matches among the trie's choices plus `extra` (already
/// scored matches of choices outside the trie, at positions from
/// `sorted.trie.len()` on).
///
/// The trie holds each choice length as a bucket of its own. A score
/// threshold `t` (the cutoff, or the `limit`-th best score found once
/// `limit` matches are held) bounds, per length, the distance a choice
/// needs to reach `t` ([`Plan::allowed_distance`]): a walk of the bucket
/// with that bound finds every choice of that length that could still
/// rank. Buckets are walked nearest to the query's length first, so the
/// threshold tightens early and later buckets take smaller bounds. While
/// no threshold is known (top-k without a cutoff, fewer than `limit`
/// found), the walks are capped at 0, 1, 2, ... edits. The search is done
/// when every bucket has been walked with at least the bound the final
/// threshold gives it; a bucket walked again with a larger bound has its
/// earlier matches replaced, so none is counted twice. A bound more than
/// [`MAX_EDITS`] edits past a bucket's length difference costs more than a
/// scan, and the caller scans instead.
pub fn search(
    sorted: &Sorted<'_>,
    plan: &Plan,
    query: Seq<'_>,
    scorer: &Scorer,
    limit: usize,
    cutoff: Option<f64>,
    extra: &[Match],
) -> Result<Outcome, ScoreError> {
    let values = query.values();
    let reversed_values: Vec<u64> = values.iter().rev().copied().collect();
    let m = values.len();
    let passes_cutoff = |score: f64| cutoff.is_none_or(|c| scorer.passes(score, c));
    let unit = plan.costs.insertion.max(plan.costs.deletion).max(1);
    let max_slack = plan.max_bound();
    let sorted_len = sorted.trie.len();
    let buckets = sorted.trie.buckets();
    let mut order: Vec<usize> = (0..buckets.len()).collect();
    order.sort_by_key(|&b| (plan.costs.length_bound(m, buckets[b].0), buckets[b].0));
    // The bound each bucket was walked with.
    let mut done: Vec<Option<usize>> = vec![None; buckets.len()];
    let mut top = TopK::new(limit, scorer.higher_is_better());
    for m in extra {
        top.offer(*m);
    }
    // The bound a bucket of length `len` needs under the current threshold
    // (usize::MAX while none is known); None when no choice of that length
    // can reach it.
    let needed = |top: &TopK, len: usize| -> Option<usize> {
        let lb = plan.costs.length_bound(m, len);
        match top.cutoff(cutoff) {
            None => Some(usize::MAX),
            Some(t) => plan.allowed_distance(scorer, m, len, t).filter(|&a| a >= lb),
        }
    };
    // Walks are capped while no threshold is known.
    let mut cap = if cutoff.is_some() { usize::MAX } else { 0 };
    loop {
        for &b in &order {
            let len = buckets[b].0;
            let lb = plan.costs.length_bound(m, len);
            if top.cutoff(cutoff).is_some() {
                cap = usize::MAX;
            }
            let Some(need) = needed(&top, len) else { continue };
            let target = need.min(cap);
            if target < lb || done[b].is_some_and(|d| d >= target) {
                continue;
            }
            if target - lb > max_slack {
                return Ok(Outcome::Scan { seed: top.worst_if_full() });
            }
            if done[b].is_some() {
                top.retain(|m| m.index >= sorted_len || sorted.corpus.len_of(m.index) != len);
            }
            for index in walk_bucket(sorted, b, &values, &reversed_values, &plan.costs, target) {
                let score = scorer.score(query, sorted.corpus.get(index), cutoff, None)?;
                if passes_cutoff(score) {
                    top.offer(Match { index, score });
                }
            }
            done[b] = Some(target);
        }
        let complete = order.iter().all(|&b| match needed(&top, buckets[b].0) {
            None => true,
            Some(need) => done[b].is_some_and(|d| d >= need),
        });
        if complete {
            return Ok(Outcome::Done(top.into_sorted()));
        }
        if cap == usize::MAX {
            // Only when walks were cut short because the threshold moved
            // within the pass; the next pass re-walks those buckets.
            continue;
        }
        cap = cap.saturating_add(unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::reference;

    fn rng(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    /// `w` with `swaps` adjacent transpositions at random places.
    fn transposed(w: &[u8], swaps: usize, s: &mut u64) -> Vec<u8> {
        let mut w = w.to_vec();
        for _ in 0..swaps {
            if w.len() >= 2 {
                let at = (rng(s) as usize) % (w.len() - 1);
                w.swap(at, at + 1);
            }
        }
        w
    }

    /// The split walk finds every choice within OSA distance `k`, for odd
    /// and even `k`, on words made of transpositions of each other (which
    /// puts transpositions across the cut of the query).
    #[test]
    fn split_walk_finds_every_osa_match() {
        let mut s = 0xD1B5_4A32_D192_ED03u64;
        let stems: Vec<Vec<u8>> = (0..40)
            .map(|_| {
                let len = 2 + (rng(&mut s) % 9) as usize;
                (0..len).map(|_| b"abcd"[(rng(&mut s) % 4) as usize]).collect()
            })
            .collect();
        let mut corpus = Corpus::default();
        let mut words = Vec::new();
        for stem in &stems {
            for swaps in 0..8 {
                let w = transposed(stem, swaps, &mut s);
                corpus.push(Seq::U8(&w));
                words.push(w);
            }
        }
        let n = corpus.len();
        let trie = SortedTrie::build(&corpus, n, false);
        let reversed = SortedTrie::build(&corpus, n, true);
        let sorted = Sorted { corpus: &corpus, trie: &trie, reversed: &reversed };
        let costs = EditCosts::osa();
        for round in 0..300 {
            let stem = &stems[round % stems.len()];
            let q = transposed(stem, 1 + round % 4, &mut s);
            let qv: Vec<u64> = q.iter().map(|&c| c as u64).collect();
            for k in 0..=4 {
                let found = walk(&sorted, &qv, &costs, k);
                for (i, w) in words.iter().enumerate() {
                    let d = reference::osa(&q, w);
                    if d <= k {
                        assert!(found.binary_search(&i).is_ok(), "missed {:?} for {:?} (OSA {d}, k {k})",
                            String::from_utf8_lossy(w), String::from_utf8_lossy(&q));
                    }
                }
            }
        }
    }

    /// The straddling case, spelt out: the query `ab|cd` cut after 2 units,
    /// against `a c b d`-like choices whose transposition jumps the cut.
    #[test]
    fn transposition_across_the_cut() {
        let words: [&[u8]; 4] = [b"xacbdy", b"acbd", b"bacd", b"abdc"];
        let mut corpus = Corpus::default();
        for w in words {
            corpus.push(Seq::U8(w));
        }
        let trie = SortedTrie::build(&corpus, 4, false);
        let reversed = SortedTrie::build(&corpus, 4, true);
        let sorted = Sorted { corpus: &corpus, trie: &trie, reversed: &reversed };
        for q in [&b"abcd"[..], b"xabcdy", b"abcdy", b"xabcd"] {
            let qv: Vec<u64> = q.iter().map(|&c| c as u64).collect();
            for k in 1..=3 {
                let found = walk(&sorted, &qv, &EditCosts::osa(), k);
                for (i, w) in words.iter().enumerate() {
                    if reference::osa(q, w) <= k {
                        assert!(found.contains(&i), "{:?} {:?} k {k}", String::from_utf8_lossy(q), String::from_utf8_lossy(w));
                    }
                }
            }
        }
    }

    #[test]
    fn osa_plan_bounds_never_exceed_the_distance() {
        use super::super::corpus::signature_of;
        use super::super::signature::Bigrams;
        let plan = Plan::for_scorer(&Scorer::new(MetricKind::Osa, Form::Distance)).unwrap();
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..5000 {
            let len = (rng(&mut s) % 10) as usize;
            let a: Vec<u8> = (0..len).map(|_| b"abc"[(rng(&mut s) % 3) as usize]).collect();
            let b = transposed(&a, (rng(&mut s) % 4) as usize, &mut s);
            let mut b = b;
            if rng(&mut s) % 2 == 0 && !b.is_empty() {
                let at = (rng(&mut s) as usize) % b.len();
                b[at] = b"abcd"[(rng(&mut s) % 4) as usize];
            }
            let d = reference::osa(&a, &b);
            let av: Vec<u64> = a.iter().map(|&c| c as u64).collect();
            let bound = plan.distance_bound(a.len(), signature_of(Seq::U8(&a)), b.len(), signature_of(Seq::U8(&b)));
            assert!(bound <= d, "{a:?} {b:?}");
            let shared = Bigrams::new(&av).shared(&b);
            assert!(plan.bigram_distance_bound(a.len(), b.len(), shared) <= d, "{a:?} {b:?}");
        }
    }
}
