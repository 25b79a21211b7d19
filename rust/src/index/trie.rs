//! An implicit trie: the choices in sorted order with the longest common
//! prefix (LCP) of each with its predecessor.
//!
//! A threshold search walks the choices in sorted order, computing one
//! banded DP row per unit of each choice. Rows for the prefix a choice
//! shares with its predecessor are reused, so each trie node is computed
//! once per query. When a row has no cell within the threshold, no choice
//! with that prefix can match, and the walk jumps past all of them. The
//! structure costs 8 bytes per choice (position and LCP), far less than a
//! pointer-based trie or a deletion dictionary.

use super::corpus::Corpus;
use super::persist::{LoadError, Reader, Writer};
use crate::unit::{Seq, Unit};
use super::edit_costs::EditCosts;
use std::cmp::Ordering;
use std::ops::Range;

/// Sorted positions and LCPs of a prefix of the corpus, over the choices
/// read forwards or backwards.
#[derive(Clone, Debug, Default)]
pub struct SortedTrie {
    /// The choices are read from their last unit to their first.
    reversed: bool,
    /// Corpus positions in lexicographic order of their choices.
    order: Vec<u32>,
    /// `lcp[p]`: common prefix length of choices `order[p - 1]` and
    /// `order[p]`, capped at `LCP_CAP`. A capped value only means less row
    /// reuse and shorter subtree skips below that depth, never a wrong
    /// result, and it keeps the trie at 5 bytes per choice.
    lcp: Vec<u8>,
    /// Minimum of each block of `LCP_BLOCK` LCPs, to skip subtrees fast.
    block_min: Vec<u8>,
}

/// LCPs per entry of `SortedTrie::block_min`.
const LCP_BLOCK: usize = 32;

/// Largest LCP stored.
const LCP_CAP: usize = u8::MAX as usize;

fn block_minima(lcp: &[u8]) -> Vec<u8> {
    lcp.chunks(LCP_BLOCK).map(|c| c.iter().copied().min().unwrap_or(0)).collect()
}

/// Unit `t` of a sequence, counted from the end when `reversed`.
#[inline]
fn unit_at(seq: Seq<'_>, reversed: bool, t: usize) -> Option<u64> {
    let at = if reversed { seq.len().checked_sub(t + 1)? } else { t };
    crate::with_seq!(seq, |s| s.get(at).map(|u| u.value()))
}

/// Replaces `out` with the units of `seq` as values, forwards or backwards.
#[inline]
fn load_units(seq: Seq<'_>, reversed: bool, out: &mut Vec<u64>) {
    out.clear();
    crate::with_seq!(seq, |s| if reversed {
        out.extend(s.iter().rev().map(|u| u.value()))
    } else {
        out.extend(s.iter().map(|u| u.value()))
    });
}

/// Length of the common prefix of two slices of possibly different unit
/// types, read forwards or backwards, counting at most `limit` units.
fn prefix_len<A: Unit, B: Unit>(a: &[A], b: &[B], reversed: bool, limit: usize) -> usize {
    let n = a.len().min(b.len()).min(limit);
    if reversed {
        a.iter().rev().zip(b.iter().rev()).take(n).take_while(|(x, y)| x.value() == y.value()).count()
    } else {
        a.iter().zip(b.iter()).take(n).take_while(|(x, y)| x.value() == y.value()).count()
    }
}

fn compare(corpus: &Corpus, reversed: bool, a: usize, b: usize) -> Ordering {
    let (sa, sb) = (corpus.get(a), corpus.get(b));
    let common = crate::with_seqs!(sa, sb, |x, y| prefix_len(x, y, reversed, usize::MAX));
    match (unit_at(sa, reversed, common), unit_at(sb, reversed, common)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => sa.len().cmp(&sb.len()),
    }
    .then(a.cmp(&b))
}

/// Common prefix length of choices `a` and `b`, counting at most `limit`.
fn common_prefix(corpus: &Corpus, reversed: bool, a: usize, b: usize, limit: usize) -> usize {
    crate::with_seqs!(corpus.get(a), corpus.get(b), |x, y| prefix_len(x, y, reversed, limit))
}

/// One DP row: the cells `lo..lo + vals.len()` that are within the
/// threshold; every other cell is above it.
#[derive(Clone, Debug, Default)]
struct Row {
    lo: usize,
    vals: Vec<usize>,
}

impl Row {
    #[inline(always)]
    fn get(&self, j: usize) -> usize {
        if j >= self.lo && j < self.lo + self.vals.len() {
            self.vals[j - self.lo]
        } else {
            usize::MAX
        }
    }
}

impl SortedTrie {
    /// Sorts the first `count` choices of `corpus`, read backwards if
    /// `reversed`.
    pub fn build(corpus: &Corpus, count: usize, reversed: bool) -> Self {
        let mut order: Vec<u32> = (0..count as u32).collect();
        order.sort_unstable_by(|&a, &b| compare(corpus, reversed, a as usize, b as usize));
        let mut lcp = vec![0u8; count];
        for p in 1..count {
            lcp[p] = common_prefix(corpus, reversed, order[p - 1] as usize, order[p] as usize, LCP_CAP) as u8;
        }
        let block_min = block_minima(&lcp);
        SortedTrie { reversed, order, lcp, block_min }
    }

    /// Number of choices covered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn heap_bytes(&self) -> usize {
        self.order.capacity() * 4 + self.lcp.capacity() + self.block_min.capacity()
    }

    /// Appends the order, then the LCPs.
    pub fn write_to(&self, w: &mut Writer) {
        for &o in &self.order {
            w.u32(o);
        }
        w.bytes(&self.lcp);
    }

    /// Reads what [`SortedTrie::write_to`] wrote for `count` choices and
    /// checks it against `corpus`: a permutation, in sorted order, with
    /// exact LCPs. The check costs one pass over the choices' units.
    pub fn read_from(r: &mut Reader<'_>, count: usize, corpus: &Corpus, reversed: bool) -> Result<Self, LoadError> {
        let order: Vec<u32> = (0..count).map(|_| r.u32()).collect();
        let lcp: Vec<u8> = r.bytes(count).to_vec();
        let bad = |why: &str| LoadError::Corrupt(format!("{} trie: {why}", if reversed { "reversed" } else { "forward" }));
        let mut seen = vec![false; count];
        for &o in &order {
            let o = o as usize;
            if o >= count || seen[o] {
                return Err(bad("order is not a permutation"));
            }
            seen[o] = true;
        }
        if count > 0 && lcp[0] != 0 {
            return Err(bad("first LCP is not 0"));
        }
        for p in 1..count {
            let (a, b) = (order[p - 1] as usize, order[p] as usize);
            if compare(corpus, reversed, a, b) != Ordering::Less {
                return Err(bad("choices are out of order"));
            }
            if common_prefix(corpus, reversed, a, b, LCP_CAP) != lcp[p] as usize {
                return Err(bad("wrong LCP"));
            }
        }
        let block_min = block_minima(&lcp);
        Ok(SortedTrie { reversed, order, lcp, block_min })
    }

    /// Splits the sorted positions into about `parts` ranges for parallel walks.
    pub fn ranges(&self, parts: usize) -> Vec<Range<usize>> {
        let n = self.order.len();
        let parts = parts.clamp(1, n.max(1));
        let step = n.div_ceil(parts).max(1);
        (0..n).step_by(step).map(|s| s..(s + step).min(n)).collect()
    }

    /// The first position after `p` whose choice does not start with the
    /// first `depth` units of choice `order[p]`: the first `q > p` with
    /// `lcp[q] < depth` (the choices sharing a prefix are contiguous, and
    /// the LCP to `order[p]` is the minimum of the LCPs in between). Whole
    /// blocks whose minimum LCP is at least `depth` are skipped at once.
    fn skip_prefix(&self, p: usize, depth: usize, end: usize) -> usize {
        if depth > LCP_CAP {
            return p + 1; // beyond the stored LCPs: no skip, the walk goes on
        }
        let depth = depth as u8;
        let mut q = p + 1;
        // To the end of q's block, one by one.
        while q < end && q % LCP_BLOCK != 0 {
            if self.lcp[q] < depth {
                return q;
            }
            q += 1;
        }
        // Whole blocks.
        while q + LCP_BLOCK <= end && self.block_min[q / LCP_BLOCK] >= depth {
            q += LCP_BLOCK;
        }
        // Within the last block.
        while q < end && self.lcp[q] >= depth {
            q += 1;
        }
        q
    }

    /// Appends to `out` every choice in sorted positions `range` that has an
    /// alignment with `query` (read in this trie's direction) whose cost up
    /// to each query column `j` stays within `limits[j]`, with the cheapest
    /// such cost. `limits` is non-decreasing and has `query.len() + 1`
    /// entries; with every entry equal to `k` this finds every choice within
    /// distance `k`, with its exact distance.
    pub fn within(
        &self,
        corpus: &Corpus,
        query: &[u64],
        costs: &EditCosts,
        limits: &[usize],
        range: Range<usize>,
        out: &mut Vec<(usize, usize)>,
    ) {
        let m = query.len();
        debug_assert_eq!(limits.len(), m + 1);
        let k = limits[m];
        let mut rows: Vec<Row> = Vec::new();
        // Row 0: deleting the first j query units.
        let mut row0 = Row::default();
        for j in 0..=m {
            let v = j.saturating_mul(costs.deletion);
            if v > limits[j] {
                break;
            }
            row0.vals.push(v);
        }
        rows.push(row0);
        let mut valid_depth = 0usize;
        let mut units: Vec<u64> = Vec::new();
        let mut p = range.start;
        while p < range.end {
            let i = self.order[p] as usize;
            let len = corpus.len_of(i);
            let shared = if p == range.start { 0 } else { self.lcp[p] as usize };
            let mut t = shared.min(valid_depth).min(len);
            let mut pruned = rows[t].vals.is_empty();
            if !pruned {
                load_units(corpus.get(i), self.reversed, &mut units);
            }
            while !pruned && t < len {
                if rows.len() <= t + 1 {
                    rows.push(Row::default());
                }
                let (done, rest) = rows.split_at_mut(t + 1);
                let prev = &done[t];
                let before = if t >= 1 { Some(&done[t - 1]) } else { None };
                let unit = units[t];
                let previous_unit = if t >= 1 { units[t - 1] } else { 0 };
                next_row(prev, before, &mut rest[0], query, unit, previous_unit, costs, limits);
                t += 1;
                pruned = rows[t].vals.is_empty();
            }
            valid_depth = t;
            if pruned {
                p = self.skip_prefix(p, t, range.end);
                continue;
            }
            let d = rows[len].get(m);
            if d <= k {
                out.push((i, d));
            }
            p += 1;
        }
    }
}

/// Computes the row for one more unit of the choice from the previous row
/// (and the one before, for transpositions), keeping only cells within
/// their column's limit.
#[allow(clippy::too_many_arguments)]
#[inline]
fn next_row(
    prev: &Row,
    before: Option<&Row>,
    cur: &mut Row,
    query: &[u64],
    unit: u64,
    previous_unit: u64,
    costs: &EditCosts,
    limits: &[usize],
) {
    cur.vals.clear();
    let m = query.len();
    let start = prev.lo;
    let prev_end = prev.lo + prev.vals.len(); // exclusive
    let mut left = usize::MAX; // cur[j - 1]
    let mut first = None;
    let mut j = start;
    while j <= m {
        if j > prev_end && left.saturating_add(costs.deletion) > limits[j] {
            break;
        }
        let mut v = prev.get(j).saturating_add(costs.insertion);
        v = v.min(left.saturating_add(costs.deletion));
        if j >= 1 {
            let diag = prev.get(j - 1);
            let step = if query[j - 1] == unit { 0 } else { costs.substitution };
            v = v.min(diag.saturating_add(step));
            if costs.transposition && j >= 2 {
                if let Some(b) = before {
                    if query[j - 1] == previous_unit && query[j - 2] == unit && unit != previous_unit {
                        v = v.min(b.get(j - 2).saturating_add(1));
                    }
                }
            }
        }
        if v <= limits[j] {
            if first.is_none() {
                first = Some(j);
                cur.lo = j;
            }
            // Fill any gap of above-threshold cells inside the band.
            while cur.lo + cur.vals.len() < j {
                cur.vals.push(usize::MAX);
            }
            cur.vals.push(v);
        }
        left = v;
        j += 1;
    }
    // Trailing cells above the threshold are dropped by construction; a
    // band never starts with them either.
    while cur.vals.last() == Some(&usize::MAX) {
        cur.vals.pop();
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

    fn random_corpus(n: usize, alphabet: &[u8], max_len: usize, seed: u64) -> (Corpus, Vec<Vec<u8>>) {
        let mut s = seed;
        let mut corpus = Corpus::default();
        let mut words = Vec::new();
        for _ in 0..n {
            let len = (rng(&mut s) % (max_len as u64 + 1)) as usize;
            let w: Vec<u8> = (0..len).map(|_| alphabet[(rng(&mut s) % alphabet.len() as u64) as usize]).collect();
            corpus.push(Seq::U8(&w));
            words.push(w);
        }
        (corpus, words)
    }

    #[test]
    fn within_matches_brute_force() {
        let (corpus, words) = random_corpus(600, b"abcd", 9, 0x9E3779B97F4A7C15);
        let trie = SortedTrie::build(&corpus, corpus.len(), false);
        let mut s = 7u64;
        for round in 0..60 {
            let qlen = (rng(&mut s) % 10) as usize;
            let q: Vec<u8> = (0..qlen).map(|_| b"abcde"[(rng(&mut s) % 5) as usize]).collect();
            let qv: Vec<u64> = q.iter().map(|&c| c as u64).collect();
            for (costs, reference_fn) in [
                (EditCosts::levenshtein(Default::default()).unwrap(), 0),
                (EditCosts::indel(), 1),
                (EditCosts::osa(), 2),
                (EditCosts::levenshtein(crate::distance::levenshtein::Weights { insertion: 2, deletion: 3, substitution: 4 }).unwrap(), 3),
            ] {
                let k = round % 5;
                let mut got = Vec::new();
                for r in trie.ranges(3) {
                    trie.within(&corpus, &qv, &costs, &vec![k; qv.len() + 1], r, &mut got);
                }
                got.sort();
                let mut want: Vec<(usize, usize)> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let d = match reference_fn {
                            0 => reference::levenshtein(&q, w, 1, 1, 1),
                            1 => reference::indel(&q, w),
                            2 => reference::osa(&q, w),
                            _ => reference::levenshtein(&q, w, 2, 3, 4),
                        };
                        (i, d)
                    })
                    .filter(|&(_, d)| d <= k)
                    .collect();
                want.sort();
                assert_eq!(got, want, "query {:?} k {} model {}", String::from_utf8_lossy(&q), k, reference_fn);
            }
        }
    }
}
