//! An Index: a corpus of choices encoded once and searched many times.
//!
//! Choices live in a compact [`corpus::Corpus`]. Searches by Levenshtein
//! (any weights of at least 1), Indel or OSA go through an implicit trie
//! ([`trie::SortedTrie`]) with exact pruning ([`pruned`]); every other
//! scorer, and any search whose distance bound grows too large, uses a
//! parallel scan whose cutoff tightens as its top-k fills. Either way the
//! results are exactly those of a brute-force scan: the same choices, the
//! same scores, the same order.
//!
//! Thread safety: `Index` is `Send + Sync`. Searches take a shared lock and
//! run concurrently; `add` takes the exclusive lock, so adds are serialised
//! with each other and with searches. See docs/index.md for the design.

mod by_length;
mod corpus;
mod dedupe;
mod edit_costs;
mod keys;
pub mod persist;
mod pruned;
mod signature;
mod trie;

use crate::scorer::{ScoreError, Scorer};
use crate::unit::{OwnedSeq, Seq};
use corpus::Corpus;
use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};
use std::sync::{RwLock, RwLockReadGuard};
pub use keys::Key;
/// One search result: a choice's position and its score.
pub use crate::topk::Hit as Match;
use crate::process::cached::Prepared;
use crate::topk::TopK;
use trie::SortedTrie;

/// Choices per parallel work unit of a scan.
const CHUNK: usize = 4096;

/// Classes of copies searched at once by [`Index::dedupe`].
const DEDUPE_CHUNK: usize = 8192;

/// Choices added since the last sort are scanned; the trie is rebuilt once
/// they exceed this many, or an eighth of the sorted ones.
const PENDING_MIN: usize = 4096;

#[derive(Clone, Debug, Default)]
struct State {
    corpus: Corpus,
    /// Cover choices `0..trie.len()`, read forwards and backwards; later
    /// choices are pending.
    trie: SortedTrie,
    reversed: SortedTrie,
    /// The same choices grouped by length.
    by_length: by_length::ByLength,
    /// Distinct choice lengths, ascending.
    lengths: Vec<usize>,
    keys: keys::Keys,
}

impl State {
    fn rebuild(&mut self) {
        self.corpus.shrink_to_fit();
        let n = self.corpus.len();
        let ((trie, reversed), by_length) = rayon::join(
            || {
                rayon::join(
                    || SortedTrie::build(&self.corpus, n, false),
                    || SortedTrie::build(&self.corpus, n, true),
                )
            },
            || by_length::ByLength::build(&self.corpus, n),
        );
        self.trie = trie;
        self.reversed = reversed;
        self.by_length = by_length;
    }

    fn note_length(&mut self, len: usize) {
        if let Err(at) = self.lengths.binary_search(&len) {
            self.lengths.insert(at, len);
        }
    }
}

/// A searchable corpus.
#[derive(Debug, Default)]
pub struct Index {
    state: RwLock<State>,
}

impl Clone for Index {
    fn clone(&self) -> Self {
        Index { state: RwLock::new(self.read().clone()) }
    }
}

impl Index {
    /// Builds an index over `choices`, copying them.
    pub fn new<'a, I: IntoIterator<Item = Seq<'a>>>(choices: I) -> Self {
        let mut state = State::default();
        for seq in choices {
            state.note_length(seq.len());
            state.corpus.push(seq);
        }
        state.corpus.shrink_to_fit();
        state.rebuild();
        Index { state: RwLock::new(state) }
    }

    /// Builds an index from already-encoded choices.
    pub fn from_owned(choices: Vec<OwnedSeq>) -> Self {
        Index::new(choices.iter().map(OwnedSeq::as_seq))
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        // A panic while holding the lock cannot leave the state torn: adds
        // only append, so the data stays consistent and usable.
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends choices; returns the position of the first one added.
    pub fn add<'a, I: IntoIterator<Item = Seq<'a>>>(&self, choices: I) -> usize {
        self.add_keyed(choices.into_iter().map(|s| (s, None)))
    }

    /// Appends choices, each with an optional key; returns the position of
    /// the first one added.
    pub fn add_keyed<'a, I: IntoIterator<Item = (Seq<'a>, Option<Key>)>>(&self, choices: I) -> usize {
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        let first = state.corpus.len();
        for (seq, key) in choices {
            // The corpus goes first: a choice it refuses (a panic) leaves
            // no key or length behind.
            let position = state.corpus.len();
            state.corpus.push(seq);
            state.keys.push(position, key.as_ref());
            state.note_length(seq.len());
        }
        let pending = state.corpus.len() - state.trie.len();
        if pending > PENDING_MIN.max(state.trie.len() / 8) {
            state.rebuild();
        }
        first
    }

    /// Number of choices.
    pub fn len(&self) -> usize {
        self.read().corpus.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// An owned copy of the choice at `position`.
    pub fn get(&self, position: usize) -> Option<OwnedSeq> {
        let state = self.read();
        (position < state.corpus.len()).then(|| state.corpus.to_owned_seq(position))
    }

    /// The key of the choice at `position`, if it has one.
    pub fn key(&self, position: usize) -> Option<Key> {
        self.read().keys.get(position)
    }

    /// Bytes of heap memory held by the index.
    pub fn heap_bytes(&self) -> usize {
        let state = self.read();
        state.corpus.heap_bytes()
            + state.trie.heap_bytes()
            + state.reversed.heap_bytes()
            + state.by_length.heap_bytes()
            + state.lengths.capacity() * 8
            + state.keys.heap_bytes()
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
        let state = self.read();
        search_state(&state, query, scorer, limit, score_cutoff)
    }

    /// [`Index::search`] for many queries, in parallel.
    pub fn search_many(
        &self,
        queries: &[Seq<'_>],
        scorer: &Scorer,
        limit: usize,
        score_cutoff: Option<f64>,
    ) -> Result<Vec<Vec<Match>>, ScoreError> {
        let state = self.read();
        queries
            .par_iter()
            .map(|q| search_state(&state, *q, scorer, limit, score_cutoff))
            .collect()
    }

    /// Groups of near-duplicate choices: the connected components of the
    /// graph joining `i` and `j` when a search for choice `i` by `scorer`
    /// finds choice `j` passing `threshold` (see [`dedupe`]). Only groups
    /// of two or more are returned, members ascending, groups ordered by
    /// their first member. The searches run in parallel.
    pub fn dedupe(&self, scorer: &Scorer, threshold: f64) -> Result<Vec<Vec<usize>>, ScoreError> {
        let state = self.read();
        let n = state.corpus.len();
        // Copies of one string find the same choices: one search per class
        // of copies, whose hits join the class's first member; the other
        // copies join it when there is any hit (through the hits, they
        // would be connected anyway). So a million copies cost one search,
        // not a million searches of a million hits each.
        let classes = dedupe::classes_of_copies(n, |i| state.corpus.get(i));
        let mut components = dedupe::UnionFind::new(n);
        // Classes in chunks, so that the hits held at once stay bounded.
        for chunk in classes.chunks(DEDUPE_CHUNK) {
            let hits: Result<Vec<Vec<usize>>, ScoreError> = chunk
                .par_iter()
                .map(|class| {
                    let hits = search_state(&state, state.corpus.get(class[0]), scorer, n, Some(threshold))?;
                    Ok(hits.into_iter().map(|m| m.index).collect())
                })
                .collect();
            for (class, hits) in chunk.iter().zip(hits?) {
                let first = class[0];
                let joined = hits.iter().any(|&j| j != first);
                for j in hits {
                    components.union(first, j);
                }
                if joined {
                    for &copy in &class[1..] {
                        components.union(first, copy);
                    }
                }
            }
        }
        Ok(components.groups(2))
    }

    /// The index in the file format of [`persist`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let state = self.read();
        let (bytes, wide, hashes) = state.corpus.arena_lens();
        let counts = persist::Counts {
            choices: state.corpus.len() as u64,
            bytes: bytes as u64,
            wide: wide as u64,
            hashes: hashes as u64,
            sorted: state.trie.len() as u64,
            key_entries: if state.keys.entries() == 0 { 0 } else { state.corpus.len() as u64 },
            key_bytes: state.keys.arena_len() as u64,
        };
        let mut w = persist::Writer::new(counts);
        state.corpus.write_to(&mut w);
        state.trie.write_to(&mut w);
        state.reversed.write_to(&mut w);
        // Pad the key table to one entry per choice, as the format requires.
        let mut keys = state.keys.clone();
        if keys.entries() != 0 {
            for position in keys.entries()..state.corpus.len() {
                keys.push(position, None);
            }
        }
        keys.write_to(&mut w);
        w.finish()
    }

    /// Loads an index from the bytes of [`Index::to_bytes`], validating them.
    pub fn from_bytes(data: &[u8]) -> Result<Index, persist::LoadError> {
        let (counts, mut r) = persist::Reader::open(data)?;
        let corpus = Corpus::read_from(&mut r, &counts)?;
        let sorted = counts.sorted as usize;
        let trie = SortedTrie::read_from(&mut r, sorted, &corpus, false)?;
        let reversed = SortedTrie::read_from(&mut r, sorted, &corpus, true)?;
        let keys = keys::Keys::read_from(&mut r, counts.key_entries as usize, counts.key_bytes as usize)?;
        let mut lengths: Vec<usize> = (0..corpus.len()).map(|i| corpus.len_of(i)).collect();
        lengths.sort_unstable();
        lengths.dedup();
        // Not stored: rebuilt in one pass over the lengths.
        let by_length = by_length::ByLength::build(&corpus, sorted);
        Ok(Index {
            state: RwLock::new(State { corpus, trie, reversed, by_length, lengths, keys }),
        })
    }

    /// Writes the index to `path` atomically: to a temporary file in the
    /// same directory, synced, then renamed over `path`.
    pub fn save(&self, path: &std::path::Path) -> std::io::Result<()> {
        use std::io::Write;
        let data = self.to_bytes();
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        let name = path.file_name().ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "path has no file name")
        })?;
        let tmp = dir.join(format!(".{}.tmp{}", name.to_string_lossy(), std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&data)?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Reads and validates an index file written by [`Index::save`].
    pub fn load(path: &std::path::Path) -> Result<Index, LoadFileError> {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(LoadFileError::Io)?;
        let mut head = [0u8; 8];
        let got = f.read(&mut head).map_err(LoadFileError::Io)?;
        if got < 8 || &head != persist::MAGIC {
            return Err(LoadFileError::Format(persist::LoadError::NotAnIndex));
        }
        let mut data = head.to_vec();
        f.read_to_end(&mut data).map_err(LoadFileError::Io)?;
        Index::from_bytes(&data).map_err(LoadFileError::Format)
    }

    /// The same search by brute force, for tests and benchmarks.
    pub fn scan(
        &self,
        query: Seq<'_>,
        scorer: &Scorer,
        limit: usize,
        score_cutoff: Option<f64>,
    ) -> Result<Vec<Match>, ScoreError> {
        // Deliberately naive (one kernel call per choice, no filter, no
        // batch), so that tests compare the search with something simpler.
        let state = self.read();
        let score_cutoff = scorer.effective_cutoff(score_cutoff);
        let mut top = TopK::new(limit.min(state.corpus.len()), scorer.higher_is_better());
        for index in 0..state.corpus.len() {
            let score = scorer.score(query, state.corpus.get(index), score_cutoff, None)?;
            if score_cutoff.is_none_or(|c| scorer.passes(score, c)) {
                top.offer(Match { index, score });
            }
        }
        Ok(top.into_sorted())
    }
}

/// Why [`Index::load`] failed.
#[derive(Debug)]
pub enum LoadFileError {
    Io(std::io::Error),
    Format(persist::LoadError),
}

impl std::fmt::Display for LoadFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadFileError::Io(e) => write!(f, "cannot read index file: {e}"),
            LoadFileError::Format(e) => e.fmt(f),
        }
    }
}

fn search_state(
    state: &State,
    query: Seq<'_>,
    scorer: &Scorer,
    limit: usize,
    score_cutoff: Option<f64>,
) -> Result<Vec<Match>, ScoreError> {
    let score_cutoff = scorer.effective_cutoff(score_cutoff);
    let n = state.corpus.len();
    let limit = limit.min(n);
    if limit == 0 {
        return Ok(Vec::new());
    }
    let max_len = state.lengths.last().copied().unwrap_or(0);
    let plan = pruned::Plan::for_scorer(scorer);
    let scan = Scan { corpus: &state.corpus, query, scorer, plan: plan.as_ref(), max_len, limit, score_cutoff };
    let Some(plan) = plan.as_ref() else {
        return scan.run(0..n, None, None, None);
    };
    let sorted_len = state.trie.len();
    let pending = scan.run(sorted_len..n, None, None, None)?;
    let sorted = pruned::Sorted {
        corpus: &state.corpus,
        trie: &state.trie,
        reversed: &state.reversed,
        lengths: &state.lengths,
    };
    match pruned::search(&sorted, plan, query, scorer, limit, score_cutoff, &pending)? {
        pruned::Outcome::Done(found) => Ok(found),
        pruned::Outcome::Scan { seed, walked: None } => scan.run(0..n, Some(&state.by_length), seed, None),
        // The walked matches include the pending ones: only the trie's
        // choices are left to scan.
        pruned::Outcome::Scan { seed, walked: Some(walked) } => {
            scan.run(0..sorted_len, Some(&state.by_length), seed, Some(&walked))
        }
    }
}

/// A cutoff shared by the parallel work units of one scan: the best known
/// `limit`-th score, which only ever tightens.
struct SharedCutoff {
    /// f64 bits; NaN while unknown.
    bits: AtomicU64,
    higher_is_better: bool,
}

impl SharedCutoff {
    fn new(initial: Option<f64>, higher_is_better: bool) -> Self {
        SharedCutoff {
            bits: AtomicU64::new(initial.unwrap_or(f64::NAN).to_bits()),
            higher_is_better,
        }
    }

    fn get(&self) -> Option<f64> {
        let v = f64::from_bits(self.bits.load(AtomicOrdering::Relaxed));
        (!v.is_nan()).then_some(v)
    }

    fn tighten(&self, candidate: f64) {
        let _ = self.bits.fetch_update(AtomicOrdering::Relaxed, AtomicOrdering::Relaxed, |old| {
            let old = f64::from_bits(old);
            let better = old.is_nan()
                || (self.higher_is_better && candidate > old)
                || (!self.higher_is_better && candidate < old);
            better.then_some(candidate.to_bits())
        });
    }

    /// The tighter of `a` and the shared value.
    fn combine(&self, a: Option<f64>) -> Option<f64> {
        match (a, self.get()) {
            (Some(x), Some(y)) => Some(if self.higher_is_better { x.max(y) } else { x.min(y) }),
            (x, y) => x.or(y),
        }
    }
}

/// What a scan needs besides the choices to visit.
struct Scan<'a> {
    corpus: &'a Corpus,
    query: Seq<'a>,
    scorer: &'a Scorer,
    /// With a plan, choices whose distance lower bounds (lengths, class
    /// counts, shared bigrams) fail the cutoff skip the kernel.
    plan: Option<&'a pruned::Plan>,
    /// The longest choice in the corpus.
    max_len: usize,
    limit: usize,
    score_cutoff: Option<f64>,
}

/// The choices one parallel work unit of a scan visits.
enum Part {
    Range(std::ops::Range<usize>),
    /// A block of [`by_length::ByLength`], and the length of its choices.
    Block(usize, usize),
}

/// The state the work units of one scan share.
struct ScanRun<'a> {
    scan: &'a Scan<'a>,
    prepared: Prepared<'a>,
    query_sig: signature::Signature,
    query_bigrams: signature::Bigrams,
    shared: SharedCutoff,
    /// After a walk: its bound (-1 without one) and the positions it
    /// scored, ascending.
    walked_bound: i64,
    walked_indices: Vec<usize>,
}

/// Length groups are scanned in rounds of at least this many choices, so
/// that each round is worth handing to the thread pool.
const ROUND: usize = 4 * CHUNK;

impl Scan<'_> {
    /// Scores every choice in `range`, in parallel work units. Each unit
    /// keeps its own top-k; the cutoff every unit uses is the tightest of
    /// the user's cutoff, `seed` (a score the final `limit`-th match is
    /// known to reach) and the worst score of any full top-k, so kernels
    /// exit early. After a walk (`walked`), a choice that could pass the
    /// cutoff only within the walk's bound is skipped too, and the walk's
    /// best matches are merged in.
    ///
    /// With a plan and `by_length` (which must cover a prefix of `range`,
    /// and `range` must start at 0), the covered choices are visited by
    /// length, in rounds, best possible score first: the best score a
    /// length allows follows from the length difference and the walk's
    /// bound. Once the `limit` best so far beat what the next length
    /// allows, no later length can hold a better choice, and the scan stops.
    fn run(
        &self,
        range: std::ops::Range<usize>,
        by_length: Option<&by_length::ByLength>,
        seed: Option<f64>,
        walked: Option<&pruned::Walked>,
    ) -> Result<Vec<Match>, ScoreError> {
        if self.limit == 0 || (range.is_empty() && walked.is_none()) {
            return Ok(Vec::new());
        }
        let mut walked_indices: Vec<usize> = walked.map_or_else(Vec::new, |w| w.best.iter().map(|m| m.index).collect());
        walked_indices.sort_unstable();
        let run = ScanRun {
            scan: self,
            prepared: Prepared::new(self.scorer, self.query),
            query_sig: corpus::signature_of(self.query),
            query_bigrams: signature::Bigrams::new(&self.query.values()),
            shared: SharedCutoff::new(seed, self.scorer.higher_is_better()),
            walked_bound: walked.map_or(-1, |w| w.bound as i64),
            walked_indices,
        };
        let mut merged = TopK::new(self.limit, self.scorer.higher_is_better());
        for m in walked.map_or(&[][..], |w| &w.best) {
            merged.offer(*m);
        }
        let mut rest = range.clone();
        if let (Some(plan), Some(by_length)) = (self.plan, by_length) {
            if range.start == 0 && by_length.len() <= range.end {
                rest = by_length.len()..range.end;
                self.run_by_length(plan, by_length, &run, &mut merged)?;
            }
        }
        let parts: Vec<Part> = rest.clone().step_by(CHUNK).map(|s| Part::Range(s..(s + CHUNK).min(rest.end))).collect();
        for m in run.run_parts(&parts, by_length)? {
            merged.offer(m);
        }
        Ok(merged.into_sorted())
    }

    /// Scans the choices of `by_length` a round of lengths at a time, best
    /// possible score first, until no length left can pass the cutoff.
    fn run_by_length(
        &self,
        plan: &pruned::Plan,
        by_length: &by_length::ByLength,
        run: &ScanRun<'_>,
        merged: &mut TopK,
    ) -> Result<(), ScoreError> {
        let (form, query_len) = (self.scorer.form, self.query.len());
        // Unseen choices are at least one edit beyond the walk's bound.
        let min_distance = (run.walked_bound + 1) as usize;
        let mut groups: Vec<(Option<f64>, usize, std::ops::Range<usize>)> = by_length
            .groups()
            .map(|(len, blocks)| (plan.best_at_length(form, query_len, len, min_distance), len, blocks))
            .collect();
        // Unbounded first, then best bound first; ties nearest the query's
        // length first (any order is exact: this one tightens soonest).
        let higher = self.scorer.higher_is_better();
        groups.sort_by(|(a, la, _), (b, lb, _)| {
            let by_bound = match (a, b) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) if higher => y.total_cmp(x),
                (Some(x), Some(y)) => x.total_cmp(y),
            };
            by_bound.then(la.abs_diff(query_len).cmp(&lb.abs_diff(query_len)))
        });
        let mut next = 0;
        while next < groups.len() {
            let mut parts = Vec::new();
            let mut count = 0;
            while next < groups.len() && count < ROUND {
                let (bound, len, blocks) = &groups[next];
                let cutoff = run.shared.combine(self.score_cutoff);
                if let (Some(b), Some(c)) = (bound, cutoff) {
                    if !self.scorer.passes(*b, c) {
                        // Sorted by bound: no later length passes either.
                        next = groups.len();
                        break;
                    }
                }
                for block in blocks.clone() {
                    count += by_length.block_len(block);
                    parts.push(Part::Block(block, *len));
                }
                next += 1;
            }
            for m in run.run_parts(&parts, Some(by_length))? {
                merged.offer(m);
            }
            if let Some(worst) = merged.worst_if_full() {
                run.shared.tighten(worst);
            }
        }
        Ok(())
    }
}

impl ScanRun<'_> {
    /// Runs `parts`, in parallel when there are several; the matches of
    /// all, unordered.
    fn run_parts(&self, parts: &[Part], by_length: Option<&by_length::ByLength>) -> Result<Vec<Match>, ScoreError> {
        let run_part = |part: &Part| match part {
            Part::Range(r) => self.visit(r.clone(), None),
            Part::Block(b, len) => self.visit(by_length.expect("blocks come from by_length").positions(*b), Some(*len)),
        };
        // One unit runs on the calling thread: handing it to the pool costs
        // more than it could save (see pruned::PARALLEL_MIN_WORK).
        let partials: Vec<Vec<Match>> = if parts.len() <= 1 {
            parts.iter().map(run_part).collect::<Result<_, _>>()?
        } else {
            parts.par_iter().map(run_part).collect::<Result<_, _>>()?
        };
        Ok(partials.into_iter().flatten().collect())
    }

    /// Scores the choices at `positions` into a top-k of their own;
    /// `fixed_len`, when all of them have that length.
    fn visit(&self, positions: impl Iterator<Item = usize>, fixed_len: Option<usize>) -> Result<Vec<Match>, ScoreError> {
        let Scan { corpus, scorer, plan, max_len, limit, score_cutoff, query, .. } = *self.scan;
        let query_len = query.len();
        let mut top = TopK::new(limit, scorer.higher_is_better());
        // The filter table for the cutoff it was computed for: the largest
        // distance that can pass, by length (one entry with `fixed_len`).
        let mut table: Option<(f64, Vec<i64>)> = None;
        // Byte choices that pass the filters wait here for the multi-choice
        // kernel (uniform Levenshtein and Indel), which computes a block of
        // exact distances at once; each is then scored with the cutoff of
        // that moment, as if it had been scored alone.
        let mut batch = self.prepared.batch();
        let mut known = Vec::new();
        // Offers a scored choice that passes `cutoff`, tightening the cutoff
        // every unit shares once this unit's top-k is full.
        let offer = |top: &mut TopK, index: usize, score: f64, cutoff: Option<f64>| {
            if cutoff.is_none_or(|c| scorer.passes(score, c)) {
                top.offer(Match { index, score });
                if let Some(worst) = top.worst_if_full() {
                    self.shared.tighten(worst);
                }
            }
        };
        let offer_known = |top: &mut TopK, known: &mut Vec<(usize, usize)>| -> Result<(), ScoreError> {
            for (index, distance) in known.drain(..) {
                let cutoff = self.shared.combine(top.cutoff(score_cutoff));
                let score = self.prepared.score_known(corpus.get(index), distance, cutoff, None)?;
                offer(top, index, score, cutoff);
            }
            Ok(())
        };
        for index in positions {
            let cutoff = self.shared.combine(top.cutoff(score_cutoff));
            if let (Some(plan), Some(c)) = (plan, cutoff) {
                if table.as_ref().is_none_or(|(at, _)| *at != c) {
                    table = Some((c, match fixed_len {
                        Some(len) => vec![plan.allowed_bound(scorer, query_len, len, c)],
                        None => plan.allowed_bounds(scorer, query_len, max_len, c),
                    }));
                }
                let len = fixed_len.unwrap_or_else(|| corpus.len_of(index));
                let allowed = table.as_ref().map_or(i64::MAX, |(_, t)| t[if fixed_len.is_some() { 0 } else { len }]);
                if allowed <= self.walked_bound {
                    continue; // allowed < 0 fails; the rest passes only within the walk's bound
                }
                if allowed != i64::MAX {
                    let dmin = plan.distance_bound(query_len, self.query_sig, len, corpus.signature_of(index));
                    if dmin as i64 > allowed {
                        continue;
                    }
                    // With the multi-choice kernel, a block's exact distances
                    // cost about what hashing each choice's bigrams would.
                    if batch.is_none() {
                        let shared_grams = crate::with_seq!(corpus.get(index), |s| self.query_bigrams.shared(s));
                        if plan.bigram_distance_bound(query_len, len, shared_grams) as i64 > allowed {
                            continue;
                        }
                    }
                }
            }
            if self.walked_indices.binary_search(&index).is_ok() {
                continue; // scored by the walk, merged by the caller
            }
            if let (Some(b), Some((bytes, len))) = (batch.as_mut(), corpus.bytes_padded(index, 64)) {
                if b.push(index, bytes, len, &mut known) {
                    offer_known(&mut top, &mut known)?;
                    continue;
                }
            }
            let score = self.prepared.score(corpus.get(index), cutoff, None)?;
            offer(&mut top, index, score, cutoff);
        }
        if let Some(b) = batch.as_mut() {
            b.finish(&mut known);
            offer_known(&mut top, &mut known)?;
        }
        Ok(top.into_sorted())
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
    fn round_trips_and_rejects_damage() {
        let words = ["alpha", "beta", "gamma", "\u{1F600}x", "", "alpha", "ébène"];
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        index.add([Seq::U64(&[1, 2, 3])]);
        index.add_keyed([(Seq::U8(b"k"), Some(Key::Text("id-7".into()))), (Seq::U8(b"i"), Some(Key::Int(-3)))]);
        let bytes = index.to_bytes();
        let back = Index::from_bytes(&bytes).unwrap();
        assert_eq!(back.len(), index.len());
        for i in 0..index.len() {
            assert_eq!(back.get(i), index.get(i));
            assert_eq!(back.key(i), index.key(i));
        }
        assert_eq!(back.key(index.len() - 2), Some(Key::Text("id-7".into())));
        assert_eq!(back.to_bytes(), bytes);
        // Every truncation and every single-byte change is rejected.
        for cut in 0..bytes.len() {
            assert!(Index::from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        let mut s = 99u64;
        for _ in 0..2000 {
            let mut damaged = bytes.clone();
            let at = (rng(&mut s) as usize) % damaged.len();
            damaged[at] ^= 1 + (rng(&mut s) % 255) as u8;
            assert!(Index::from_bytes(&damaged).is_err());
        }
        assert_eq!(Index::from_bytes(b"not an index at all").err(), Some(persist::LoadError::NotAnIndex));
    }

    #[test]
    fn rejects_consistent_lies() {
        // A file whose checksum is right but whose contents are not.
        let index = Index::from_owned(["b", "a", "c"].iter().map(|w| OwnedSeq::from_str(w)).collect());
        let mut bytes = index.to_bytes();
        let body = bytes.len() - 8;
        // Swap two entries of the forward order: still a permutation, unsorted.
        // No keys: the tries end the body, each 3 orders (u32) then 3 LCPs (u8).
        let trie_at = body - 2 * (3 * 4 + 3);
        bytes.swap(trie_at, trie_at + 4);
        let sum = persist::checksum(&bytes[..body]);
        bytes[body..].copy_from_slice(&sum.to_le_bytes());
        let err = Index::from_bytes(&bytes).err().unwrap();
        assert!(matches!(err, persist::LoadError::Corrupt(_)), "{err}");
    }

    #[test]
    fn prefixes_longer_than_the_lcp_cap() {
        let stem = "x".repeat(300);
        let mut s = 5u64;
        let words: Vec<String> = (0..200).map(|_| format!("{stem}{}", word(&mut s, b"abc", 6))).collect();
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        let back = Index::from_bytes(&index.to_bytes()).unwrap();
        let scorer = Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance);
        for _ in 0..20 {
            let q = OwnedSeq::from_str(&format!("{stem}{}", word(&mut s, b"abcd", 6)));
            let slow = index.scan(q.as_seq(), &scorer, usize::MAX, Some(2.0)).unwrap();
            assert_eq!(index.search(q.as_seq(), &scorer, usize::MAX, Some(2.0)).unwrap(), slow);
            assert_eq!(back.search(q.as_seq(), &scorer, usize::MAX, Some(2.0)).unwrap(), slow);
        }
    }

    #[test]
    fn top_k_order_and_ties() {
        let index = Index::from_owned(seqs(&["abc", "abd", "xyz", "abc", "ab"]));
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

    fn rng(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn word(s: &mut u64, alphabet: &[u8], max_len: u64) -> String {
        let len = rng(s) % (max_len + 1);
        (0..len).map(|_| alphabet[(rng(s) % alphabet.len() as u64) as usize] as char).collect()
    }

    #[test]
    fn pruned_search_equals_scan_for_every_form() {
        let mut s = 0x1234_5678_9abc_def1u64;
        let words: Vec<String> = (0..1200).map(|_| word(&mut s, b"abcdef", 10)).collect();
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        // Pending (unsorted) choices must be found too.
        let extra: Vec<String> = (0..50).map(|_| word(&mut s, b"abcdef", 10)).collect();
        let extra_seqs: Vec<OwnedSeq> = extra.iter().map(|w| OwnedSeq::from_str(w)).collect();
        index.add(extra_seqs.iter().map(OwnedSeq::as_seq));
        let forms = [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity];
        let metrics = [
            MetricKind::Levenshtein(Weights::default()),
            MetricKind::Indel,
            MetricKind::Levenshtein(Weights { insertion: 1, deletion: 2, substitution: 3 }),
            MetricKind::Osa,
        ];
        for round in 0..12 {
            let q = OwnedSeq::from_str(&word(&mut s, b"abcdefg", 11));
            for metric in metrics {
                for form in forms {
                    let scorer = Scorer::new(metric, form);
                    let cutoffs: [Option<f64>; 3] = match form {
                        Form::Distance => [None, Some(1.0), Some(3.0)],
                        Form::Similarity => [None, Some(5.0), Some(8.0)],
                        Form::NormalizedDistance => [None, Some(0.2), Some(0.5)],
                        Form::NormalizedSimilarity => [None, Some(0.6), Some(0.85)],
                    };
                    for cutoff in cutoffs {
                        for limit in [1, 5, 40, usize::MAX] {
                            let fast = index.search(q.as_seq(), &scorer, limit, cutoff).unwrap();
                            let slow = index.scan(q.as_seq(), &scorer, limit, cutoff).unwrap();
                            assert_eq!(fast, slow, "round {round} {metric:?} {form:?} {cutoff:?} {limit}");
                        }
                    }
                }
            }
        }
    }

    /// Top-k searches whose walks find the first matches but cannot settle
    /// the rest (long choices with high normalized scores stay unseen), so
    /// the scan after the walk skips what the walk covered, with pending
    /// choices, copies and ties; and choices over 64 bytes or wider than
    /// bytes, which the multi-choice kernel leaves to the per-pair one.
    #[test]
    fn scan_after_walk_equals_scan() {
        let mut s = 0x0bad_cafe_1234_5678u64;
        let stems: Vec<String> = (0..60).map(|_| word(&mut s, b"abcdefgh", 9)).collect();
        let mut words: Vec<String> = Vec::new();
        for i in 0..3000 {
            let stem = &stems[i % stems.len()];
            let w = match i % 7 {
                0 => format!("{stem}{}", word(&mut s, b"abcdefgh", 20)),
                1 => stem.clone(),
                2 => format!("{}{stem}", word(&mut s, b"ab", 70)),
                3 => format!("{stem}\u{e9}\u{1F600}"),
                _ => word(&mut s, b"abcdefgh", 14),
            };
            words.push(w);
        }
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        let extra: Vec<OwnedSeq> = (0..40).map(|i| OwnedSeq::from_str(&format!("{}{}", stems[i], word(&mut s, b"ab", 3)))).collect();
        index.add(extra.iter().map(OwnedSeq::as_seq));
        for round in 0..40 {
            let stem = &stems[(round * 7) % stems.len()];
            let q = OwnedSeq::from_str(&format!("{stem}{}", word(&mut s, b"abcdefgh", 3)));
            for metric in [MetricKind::Levenshtein(Weights::default()), MetricKind::Indel, MetricKind::Osa] {
                for form in [Form::NormalizedSimilarity, Form::Distance] {
                    let scorer = Scorer::new(metric, form);
                    for limit in [1, 5, 25] {
                        let fast = index.search(q.as_seq(), &scorer, limit, None).unwrap();
                        let slow = index.scan(q.as_seq(), &scorer, limit, None).unwrap();
                        assert_eq!(fast, slow, "round {round} {metric:?} {form:?} {limit}");
                    }
                }
            }
        }
    }

    /// A corpus large enough that length groups span several blocks and
    /// rounds several groups, run in parallel: the scan by length, round by
    /// round, must still equal the scan (top-k without a cutoff, which
    /// walks and then scans; and cutoffs, which may scan directly).
    #[test]
    fn scan_by_length_in_rounds_equals_scan() {
        let mut s = 0x7f4a_7c15_9e37_79b9u64;
        let words: Vec<String> = (0..40_000)
            .map(|i| match i % 5 {
                0 => word(&mut s, b"abcdefghij", 24),
                // Three lengths hold most choices: groups of several blocks.
                _ => format!("{}{}", &"abcdefghijk"[..8], word(&mut s, b"abcdefghij", 2)),
            })
            .collect();
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        let extra: Vec<OwnedSeq> = (0..300).map(|_| OwnedSeq::from_str(&word(&mut s, b"abcdefghij", 12))).collect();
        index.add(extra.iter().map(OwnedSeq::as_seq));
        let metrics = [
            MetricKind::Levenshtein(Weights::default()),
            MetricKind::Indel,
            MetricKind::Osa,
            MetricKind::Levenshtein(Weights { insertion: 2, deletion: 1, substitution: 1 }),
        ];
        for round in 0..6 {
            let q = if round % 2 == 0 {
                OwnedSeq::from_str(&word(&mut s, b"abcdefghij", 14))
            } else {
                OwnedSeq::from_str(&format!("abcdxfgh{}", word(&mut s, b"abcdefghij", 3)))
            };
            for metric in metrics {
                for (form, cutoff) in [
                    (Form::NormalizedSimilarity, None),
                    (Form::NormalizedSimilarity, Some(0.5)),
                    (Form::NormalizedDistance, None),
                    (Form::Similarity, None),
                    (Form::Distance, Some(6.0)),
                ] {
                    let scorer = Scorer::new(metric, form);
                    for limit in [1, 5, 60] {
                        let fast = index.search(q.as_seq(), &scorer, limit, cutoff).unwrap();
                        let slow = index.scan(q.as_seq(), &scorer, limit, cutoff).unwrap();
                        assert_eq!(fast, slow, "round {round} {metric:?} {form:?} {cutoff:?} {limit}");
                    }
                }
            }
        }
    }

    /// Huge weights make the bound in edits huge: searches must still take
    /// a handful of walks (they once counted k up one by one, for ever) and
    /// agree with the scan.
    #[test]
    fn huge_weights_search_promptly_and_exactly() {
        let mut s = 0x5151_7777_0000_0001u64;
        let words: Vec<String> = (0..300).map(|_| word(&mut s, b"abc", 8)).collect();
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        let big = usize::MAX / 16;
        // Past the walk's weight limit (these scan) and just within it.
        let weights = [
            Weights { insertion: big, deletion: big, substitution: big },
            Weights { insertion: 1, deletion: big, substitution: 3 },
            Weights { insertion: 1 << 40, deletion: 1 << 40, substitution: 1 },
            Weights { insertion: 1 << 20, deletion: 1 << 20, substitution: 1 << 20 },
            Weights { insertion: 1, deletion: 1 << 20, substitution: 7 },
        ];
        for w in weights {
            for form in [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity] {
                let scorer = Scorer::new(MetricKind::Levenshtein(w), form);
                for cutoff in [None, Some(0.0), Some(0.5), Some(1e30)] {
                    for limit in [1, 5, usize::MAX] {
                        let q = OwnedSeq::from_str(&word(&mut s, b"abcd", 9));
                        let fast = index.search(q.as_seq(), &scorer, limit, cutoff).unwrap();
                        let slow = index.scan(q.as_seq(), &scorer, limit, cutoff).unwrap();
                        assert_eq!(fast, slow, "{w:?} {form:?} {cutoff:?} {limit}");
                    }
                }
            }
        }
    }

    /// OSA on transposition-heavy data: choices and queries are words with
    /// adjacent units swapped, so transpositions fall everywhere, across the
    /// query's cut too; wide and astral units and the empty choice as well.
    #[test]
    fn pruned_osa_search_equals_scan_on_transpositions() {
        let mut s = 0x0BAD_5EED_1234_5678u64;
        let alphabet: Vec<char> = "abcé\u{1F600}".chars().collect();
        let swap = |w: &mut Vec<char>, s: &mut u64| {
            if w.len() >= 2 {
                let at = (rng(s) as usize) % (w.len() - 1);
                w.swap(at, at + 1);
            }
        };
        let stems: Vec<Vec<char>> = (0..60)
            .map(|_| (0..(rng(&mut s) % 11)).map(|_| alphabet[(rng(&mut s) % 5) as usize]).collect())
            .collect();
        let mut words: Vec<String> = vec![String::new()];
        for stem in &stems {
            for swaps in 0..10 {
                let mut w = stem.clone();
                for _ in 0..swaps {
                    swap(&mut w, &mut s);
                }
                words.push(w.into_iter().collect());
            }
        }
        let index = Index::from_owned(words.iter().map(|w| OwnedSeq::from_str(w)).collect());
        let forms = [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity];
        for round in 0..40 {
            let mut q = stems[round % stems.len()].clone();
            for _ in 0..(1 + round % 3) {
                swap(&mut q, &mut s);
            }
            if round % 5 == 0 && !q.is_empty() {
                q.remove((rng(&mut s) as usize) % q.len());
            }
            let q = OwnedSeq::from_str(&q.into_iter().collect::<String>());
            for form in forms {
                let scorer = Scorer::new(MetricKind::Osa, form);
                let cutoffs: [Option<f64>; 4] = match form {
                    Form::Distance => [None, Some(0.0), Some(1.0), Some(3.0)],
                    Form::Similarity => [None, Some(3.0), Some(6.0), Some(8.0)],
                    Form::NormalizedDistance => [None, Some(0.1), Some(0.3), Some(0.5)],
                    Form::NormalizedSimilarity => [None, Some(0.5), Some(0.7), Some(0.9)],
                };
                for cutoff in cutoffs {
                    for limit in [1, 5, 40, usize::MAX] {
                        let fast = index.search(q.as_seq(), &scorer, limit, cutoff).unwrap();
                        let slow = index.scan(q.as_seq(), &scorer, limit, cutoff).unwrap();
                        assert_eq!(fast, slow, "round {round} {form:?} {cutoff:?} {limit}");
                    }
                }
            }
        }
    }
}
