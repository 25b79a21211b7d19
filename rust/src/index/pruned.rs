//! Exact top-k and threshold search through the implicit trie.
//!
//! The search runs threshold walks with a growing distance bound `k`. A walk
//! with bound `k` finds every choice within distance `k`, so every choice not
//! found is at distance `k + 1` or more. From that and the length of each
//! possible choice, [`best_unseen`] gives the best score any unseen choice
//! could still reach. The search stops when the `limit`-th best score found
//! beats that bound, or when the bound fails `score_cutoff`. Each found
//! choice is scored by the same kernel a scan uses, so scores, ties and
//! order are exactly those of a brute-force scan. When `k` grows past
//! [`MAX_EDITS`] edits, a scan is cheaper, and the caller falls back to it.

use super::corpus::Corpus;
use super::signature::{bigram_bound, excess, Signature};
use super::edit_costs::EditCosts;
use crate::topk::{Hit as Match, TopK};
use super::trie::SortedTrie;
use crate::distance::{indel::Indel, levenshtein::Levenshtein, osa::Osa, Metric};
use crate::scorer::{Form, MetricKind, ScoreError, Scorer};
use crate::unit::Seq;
use rayon::prelude::*;

/// Largest bound, in edits, worth a walk when a cutoff fixes it; beyond it
/// the scan wins.
pub(crate) const MAX_EDITS: usize = 4;

/// Largest Levenshtein weight the walk takes (see [`Plan::for_scorer`]).
const MAX_WALK_WEIGHT: usize = 1 << 20;

/// Largest bound, in edits, tried for a top-k without a cutoff. Each walk
/// that does not settle the top-k still pays: the scan after it skips every
/// length that only the walked distances could pass. Top-5 by normalized
/// Levenshtein over the benchmark's 100,000 names (1,000 queries, one
/// thread, after the scan by length): 1,837 us a query with 3, 1,100 with
/// 4, 709-760 with 5, 859-924 with 6, 1,193-1,224 with 7.
const MAX_UNCUT_EDITS: usize = 5;

/// A walk is split across the thread pool only when its work, estimated as
/// choices x (bound + 1)^2, is at least this; smaller walks run on the
/// calling thread. Handing work to rayon's pool and waking the caller again
/// costs 100-250 us on the 2-vCPU VM of bench/, more than a small walk
/// takes: over 100,000 names (best of 3, 400 queries), a search within
/// distance 1 took 75 us on the calling thread against 370 us split across
/// the pool, within 2 120-190 us against 190-380 us, within 4 490 against
/// 620 us.
const PARALLEL_MIN_WORK: usize = 4 << 20;

fn worth_parallel(choices: usize, bound: usize) -> bool {
    let side = bound.saturating_add(1);
    choices.saturating_mul(side.saturating_mul(side)) >= PARALLEL_MIN_WORK
}

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

    /// The best score, in `form`, of a choice of length `len` whose
    /// distance is at least `min_distance`; None when nothing bounds it
    /// (two empty sequences, at distance 0).
    pub fn best_at_length(&self, form: Form, query_len: usize, len: usize, min_distance: usize) -> Option<f64> {
        self.score_bound(form, query_len, len, min_distance.max(self.costs.length_bound(query_len, len)))
    }

    fn max_bound(&self) -> usize {
        MAX_EDITS.saturating_mul(self.costs.insertion.max(self.costs.deletion))
    }

    /// The best score a choice of length `len` at distance `dmin` or more
    /// could have, in `form`; None when only distance 0 is possible (two
    /// empty sequences), which no bound needs to cover.
    fn score_bound(&self, form: Form, query_len: usize, len: usize, dmin: usize) -> Option<f64> {
        let maximum = self.maximum(query_len, len);
        Some(match form {
            Form::Distance => dmin as f64,
            Form::Similarity => maximum.saturating_sub(dmin) as f64,
            Form::NormalizedDistance | Form::NormalizedSimilarity => {
                if maximum == 0 {
                    return None;
                }
                let norm_dist = (dmin as f64 / maximum as f64).min(1.0);
                if form == Form::NormalizedDistance {
                    norm_dist
                } else {
                    1.0 - norm_dist
                }
            }
        })
    }

    /// The best score a choice of any length in `lengths` at distance
    /// `k + 1` or more could have, in the scorer's form; None if no length.
    fn best_unseen(&self, form: Form, query_len: usize, k: usize, lengths: &[usize]) -> Option<f64> {
        let mut best: Option<f64> = None;
        for &len in lengths {
            let dmin = (k + 1).max(self.costs.length_bound(query_len, len));
            let Some(score) = self.score_bound(form, query_len, len, dmin) else { continue };
            best = Some(match best {
                None => score,
                Some(b) if form.higher_is_better() => b.max(score),
                Some(b) => b.min(score),
            });
        }
        best
    }

    /// A lower bound on the distance between a query and a choice, from
    /// their lengths and class-count signatures: each unit of one side
    /// without a counterpart of its class on the other needs an edit. (A
    /// transposition leaves both multisets as they are, so the bound holds
    /// for OSA too.)
    ///
    /// The true numbers of unmatched units, `q` on the query's side and `c`
    /// on the choice's, are at least the signatures' excesses (merged
    /// classes and saturated counts only lower them), and `q - c` is the
    /// length difference exactly. Along that line the cheapest way to edit
    /// them away costs more the larger `c` is, so the bound takes the
    /// smallest `c` the excesses allow. (Plugging the excesses in directly
    /// is not a bound: with substitutions cheaper than insertions, fewer
    /// unmatched query units can cost more.)
    #[inline]
    pub fn distance_bound(&self, query_len: usize, query_sig: Signature, len: usize, sig: Signature) -> usize {
        let c = &self.costs;
        let (query_only, choice_only) = (excess(query_sig, sig), excess(sig, query_sig));
        let (q, ch) = if query_len >= len {
            let d = query_len - len;
            let ch = choice_only.max(query_only.saturating_sub(d));
            (ch + d, ch)
        } else {
            let d = len - query_len;
            let q = query_only.max(choice_only.saturating_sub(d));
            (q, q + d)
        };
        // Unit insertions and deletions (Levenshtein, OSA, Indel): the
        // formula below without its multiplications, on the scan's hot path.
        if c.insertion == 1 && c.deletion == 1 {
            return if c.substitution >= 2 { q + ch } else { q.max(ch) };
        }
        // Pair up what can be substituted; the rest is deleted or inserted.
        let paired = if c.substitution >= c.insertion.saturating_add(c.deletion) { 0 } else { q.min(ch) };
        paired
            .saturating_mul(c.substitution)
            .saturating_add((q - paired).saturating_mul(c.deletion))
            .saturating_add((ch - paired).saturating_mul(c.insertion))
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
        (0..=max_len).map(|len| self.allowed_bound(scorer, query_len, len, cutoff)).collect()
    }

    /// One entry of [`Plan::allowed_bounds`]: for choices of length `len`.
    pub fn allowed_bound(&self, scorer: &Scorer, query_len: usize, len: usize, cutoff: f64) -> i64 {
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
    }
}

/// Everything the pruned search reads from the index.
pub struct Sorted<'a> {
    pub corpus: &'a Corpus,
    /// The choices sorted forwards, and sorted by their reversal.
    pub trie: &'a SortedTrie,
    pub reversed: &'a SortedTrie,
    /// Distinct choice lengths, over the whole corpus.
    pub lengths: &'a [usize],
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

fn walk_one(trie: &SortedTrie, corpus: &Corpus, query: &[u64], costs: &EditCosts, limits: &[usize]) -> Vec<usize> {
    let n = trie.len();
    let run = |range| {
        let mut out = Vec::new();
        trie.within(corpus, query, costs, limits, range, &mut out);
        out.into_iter().map(|(i, _)| i).collect::<Vec<usize>>()
    };
    let k = limits.last().copied().unwrap_or(0);
    if !worth_parallel(n, k) {
        return run(0..n);
    }
    trie.ranges(rayon::current_num_threads() * 4)
        .into_par_iter()
        .map(run)
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        })
}

/// Positions of every sorted choice within distance `k` of `query` (and
/// possibly some beyond it, which the caller's scoring filters out).
fn walk(sorted: &Sorted<'_>, query: &[u64], costs: &EditCosts, k: usize) -> Vec<usize> {
    let m = query.len();
    if k == 0 || m < 2 {
        return walk_one(sorted.trie, sorted.corpus, query, costs, &vec![k; m + 1]);
    }
    let (forward, backward) = split_limits(m, k);
    let reversed_query: Vec<u64> = query.iter().rev().copied().collect();
    let forward_walk = || walk_one(sorted.trie, sorted.corpus, query, costs, &forward);
    let backward_walk = || walk_one(sorted.reversed, sorted.corpus, &reversed_query, costs, &backward);
    let (mut found, other) = if worth_parallel(sorted.trie.len(), k) {
        rayon::join(forward_walk, backward_walk)
    } else {
        (forward_walk(), backward_walk())
    };
    found.extend(other);
    found.sort_unstable();
    found.dedup();
    found
}

/// What the pruned search concluded.
pub enum Outcome {
    /// The exact top matches.
    Done(Vec<Match>),
    /// The walk would cost more than a scan. `seed`, when known, is a score
    /// that the final `limit`-th best match is at least as good as (the
    /// `limit`-th best found so far), a valid starting cutoff for the scan.
    /// `walked`: what the last walk established, which the scan need not
    /// repeat.
    Scan { seed: Option<f64>, walked: Option<Walked> },
}

/// What a walk with bound `bound` established: every choice of the trie
/// within distance `bound` was scored, and `best` holds the best `limit`
/// of them together with the matches outside the trie (`extra`). A scan
/// that completes the search can skip every trie choice that passes its
/// cutoff only within `bound` (it is in `best` or ranks below all of it)
/// and must not offer a choice of `best` twice.
pub struct Walked {
    pub bound: usize,
    /// Best first (as [`TopK::into_sorted`]).
    pub best: Vec<Match>,
}

/// Top `limit` matches among the trie's choices plus `extra` (already
/// scored matches of choices outside the trie).
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
    let form = scorer.form;
    let passes_cutoff = |score: f64| cutoff.is_none_or(|c| scorer.passes(score, c));
    let unit = plan.costs.insertion.max(plan.costs.deletion);
    let mut k = 0usize;
    // With a cutoff, start at the smallest bound that can find every
    // passing choice in one walk; that walk is worth up to MAX_EDITS.
    // Without one, the bound that settles a top-k is unknown, and walks past
    // MAX_UNCUT_EDITS rarely settle it (the k-th best name is usually far);
    // the scan that then completes the search skips what the last walk
    // covered (see [`Walked`]). With a cutoff, walks go up to MAX_EDITS.
    let max_k = if cutoff.is_some() { plan.max_bound() } else { MAX_UNCUT_EDITS.saturating_mul(unit) };
    if let Some(c) = cutoff {
        // The smallest k whose unseen choices all fail the cutoff (or
        // max_bound + 1 if none up to max_bound does). Whether the bound at
        // k passes only turns from true to false as k grows, so a binary
        // search finds it in O(log max_bound) steps: a linear count would
        // run for ages with huge weights, whose max_bound is huge too.
        let unseen_passes = |k: usize| {
            matches!(plan.best_unseen(form, values.len(), k, sorted.lengths), Some(b) if scorer.passes(b, c))
        };
        let (mut lo, mut hi) = (0usize, plan.max_bound().saturating_add(1));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if unseen_passes(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        k = lo;
    }
    let mut seed = None;
    let mut walked = None;
    loop {
        if k > max_k {
            return Ok(Outcome::Scan { seed, walked });
        }
        let mut top = TopK::new(limit, scorer.higher_is_better());
        for m in extra {
            top.offer(*m);
        }
        for index in walk(sorted, &values, &plan.costs, k) {
            let score = scorer.score(query, sorted.corpus.get(index), cutoff, None)?;
            if passes_cutoff(score) {
                top.offer(Match { index, score });
            }
        }
        let bound = plan.best_unseen(form, values.len(), k, sorted.lengths);
        seed = top.worst_if_full();
        let done = match bound {
            None => true,
            Some(b) if !passes_cutoff(b) => true,
            Some(b) => match seed {
                Some(worst) if form.higher_is_better() => worst > b,
                Some(worst) => worst < b,
                None => false,
            },
        };
        if done {
            return Ok(Outcome::Done(top.into_sorted()));
        }
        walked = Some(Walked { bound: k, best: top.into_sorted() });
        // Any sequence of bounds is exact (each walk's result is checked
        // against its own bound); steps of one edit of the dearer kind keep
        // the number of walks at MAX_UNCUT_EDITS / MAX_EDITS + 1 whatever
        // the weights (for unit weights: k = 0, 1, 2, ...).
        let next = k.saturating_add(unit.max(1));
        if next == k {
            return Ok(Outcome::Scan { seed, walked });
        }
        k = next;
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
        let mut lengths: Vec<usize> = words.iter().map(Vec::len).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let sorted = Sorted { corpus: &corpus, trie: &trie, reversed: &reversed, lengths: &lengths };
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
        let lengths = [4, 6];
        let sorted = Sorted { corpus: &corpus, trie: &trie, reversed: &reversed, lengths: &lengths };
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
    fn weighted_class_bounds_never_exceed_the_distance() {
        use super::super::corpus::signature_of;
        use crate::distance::levenshtein::Weights;
        let mut s = 0x2545_F491_4F6C_DD1Du64;
        // Letters 16 apart share a class; long runs saturate the counts.
        let alphabet = b"aqAQbr";
        for round in 0..20_000 {
            let w = [1usize, 2, 3, 7, 1 << 20];
            let weights = Weights {
                insertion: w[(rng(&mut s) % 5) as usize],
                deletion: w[(rng(&mut s) % 5) as usize],
                substitution: w[(rng(&mut s) % 5) as usize],
            };
            let Some(plan) = Plan::for_scorer(&Scorer::new(MetricKind::Levenshtein(weights), Form::Distance)) else {
                continue;
            };
            let word = |s: &mut u64| -> Vec<u8> {
                let len = (rng(s) % if round % 2 == 0 { 8 } else { 16 }) as usize;
                (0..len).map(|_| alphabet[(rng(s) % alphabet.len() as u64) as usize]).collect()
            };
            let (a, b) = (word(&mut s), word(&mut s));
            let d = reference::levenshtein(&a, &b, weights.insertion, weights.deletion, weights.substitution);
            let bound = plan.distance_bound(a.len(), signature_of(Seq::U8(&a)), b.len(), signature_of(Seq::U8(&b)));
            assert!(bound <= d, "{weights:?} {:?} {:?}: bound {bound}, distance {d}", String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
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
