//! `partial_ratio`: the best `ratio` of the shorter string against any
//! substring of the longer one of the same length, or against a prefix or
//! suffix of the longer one that is shorter than that (partial overlaps at
//! the edges).
//!
//! The search follows rapidfuzz exactly, because which alignment is
//! reported among equally good ones depends on the order in which
//! candidates are tried:
//!
//! 1. Full-length windows `s2[i..i + len1]` for `i` in `0..len2 - len1`, by
//!    bisection: score the two ends of a range of start positions, and split
//!    the range only when a window inside it could beat the best distance so
//!    far (moving a window by one position changes its Indel distance by at
//!    most 2). A window replaces the best only when strictly better.
//! 2. Prefixes `s2[..i]` for `i` in `1..len1`, skipping those whose last
//!    unit does not occur in `s1`.
//! 3. Suffixes `s2[i..]` for `i` in `len2 - len1..len2`, skipping those
//!    whose first unit does not occur in `s1`.
//!
//! Equal lengths are also tried with the strings swapped. Window distances
//! come from a bit-parallel LCS of the needle (Hyyrö), and the prefix and
//! suffix scores from one incremental pass each, so a 50-unit needle in a
//! 50 000-unit haystack takes well under a millisecond.

use super::cmax;
use super::ratio::ratio_from_distance;
use crate::distance::pattern::{BlockPatternMatchVector, PatternMatchVector, WordMatchVector};
use crate::distance::{ceil_to_usize, norm_sim_to_norm_dist};
use crate::unit::{Seq, Unit};
use crate::with_seqs;

/// A score and the spans of `s1` (`src`) and `s2` (`dest`) that produced it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreAlignment {
    pub score: f64,
    pub src_start: usize,
    pub src_end: usize,
    pub dest_start: usize,
    pub dest_end: usize,
}

impl ScoreAlignment {
    fn new(score: f64, src_start: usize, src_end: usize, dest_start: usize, dest_end: usize) -> Self {
        ScoreAlignment { score, src_start, src_end, dest_start, dest_end }
    }

    fn swapped(self) -> Self {
        ScoreAlignment::new(self.score, self.dest_start, self.dest_end, self.src_start, self.src_end)
    }
}

/// Bit-parallel LCS against a fixed needle of more than 64 units, in
/// 64-unit blocks.
struct CachedLcs {
    len: usize,
    pm: BlockPatternMatchVector,
}

impl CachedLcs {
    fn new<I: Iterator<Item = u64>>(values: I, len: usize) -> Self {
        debug_assert!(len > 64, "one-word needles take WordLcs");
        let units: Vec<u64> = values.collect();
        CachedLcs { len, pm: BlockPatternMatchVector::new(&units) }
    }
}

impl NeedleLcs for CachedLcs {
    #[inline]
    fn contains(&self, value: u64) -> bool {
        (0..self.pm.block_count()).any(|b| self.pm.get(b, value) != 0)
    }

    #[inline]
    fn run_with<I: Iterator<Item = u64>>(&self, text: I, mut each: Option<&mut Vec<usize>>, scratch: &mut Vec<u64>) -> usize {
        let pm = &self.pm;
        let words = pm.block_count();
        if each.is_none() && words <= 4 {
            return match words {
                2 => lcs_words::<2, I>(pm, self.len, text),
                3 => lcs_words::<3, I>(pm, self.len, text),
                _ => lcs_words::<4, I>(pm, self.len, text),
            };
        }
        let last_bits = self.len - (words - 1) * 64;
        let last_mask = if last_bits == 64 { !0u64 } else { (1u64 << last_bits) - 1 };
        scratch.clear();
        scratch.resize(words, !0u64);
        let s = scratch;
        let count = |s: &[u64]| -> usize {
            let mut n = 0usize;
            for (w, &x) in s.iter().enumerate() {
                let v = if w + 1 == words { !x & last_mask } else { !x };
                n += v.count_ones() as usize;
            }
            n
        };
        for c in text {
            let mut carry = 0u64;
            for (w, sw) in s.iter_mut().enumerate() {
                let m = pm.get(w, c);
                let u = *sw & m;
                let (x, c1) = sw.overflowing_add(u);
                let (x, c2) = x.overflowing_add(carry);
                carry = (c1 | c2) as u64;
                *sw = x | (*sw & !m);
            }
            if let Some(out) = each.as_deref_mut() {
                out.push(count(s));
            }
        }
        count(s)
    }
}

/// A bit-parallel LCS against a fixed needle (the shorter string, or that
/// string reversed): what the search below needs of one.
trait NeedleLcs {
    /// True when `value` occurs in the needle.
    fn contains(&self, value: u64) -> bool;
    /// LCS of the needle and `text`; with `each`, also the LCS of every
    /// prefix of `text`, shortest first. `scratch` is reusable state.
    fn run_with<I: Iterator<Item = u64>>(&self, text: I, each: Option<&mut Vec<usize>>, scratch: &mut Vec<u64>) -> usize;
}

/// A needle of 1 to 64 units in one word. (The small open-addressing
/// match vectors are cheaper to build than the 256-entry table, but the
/// search looks units up so often that the table wins: partial_ratio over
/// names took 527 ns a pair with them, 300 ns with the table.)
struct WordLcs<'p, P> {
    pm: &'p P,
    len: usize,
}

impl<P: WordMatchVector> NeedleLcs for WordLcs<'_, P> {
    #[inline]
    fn contains(&self, value: u64) -> bool {
        self.pm.get_word(value) != 0
    }
    #[inline]
    fn run_with<I: Iterator<Item = u64>>(&self, text: I, mut each: Option<&mut Vec<usize>>, _: &mut Vec<u64>) -> usize {
        let mask = if self.len == 64 { !0u64 } else { (1u64 << self.len) - 1 };
        let mut s = !0u64;
        for c in text {
            let m = self.pm.get_word(c);
            let u = s & m;
            s = s.wrapping_add(u) | (s & !m);
            if let Some(out) = each.as_deref_mut() {
                out.push((!s & mask).count_ones() as usize);
            }
        }
        (!s & mask).count_ones() as usize
    }
}

/// LCS of a pattern of `N` 64-unit blocks (`len` units) and `text`, with
/// the state in registers.
#[inline]
fn lcs_words<const N: usize, I: Iterator<Item = u64>>(pm: &BlockPatternMatchVector, len: usize, text: I) -> usize {
    let mut s = [!0u64; N];
    for c in text {
        let mut carry = false;
        for (w, sw) in s.iter_mut().enumerate() {
            let m = pm.get(w, c);
            let u = *sw & m;
            let (x, c1) = sw.overflowing_add(u);
            let (x, c2) = x.overflowing_add(carry as u64);
            carry = c1 | c2;
            *sw = x | (*sw & !m);
        }
    }
    let last_bits = len - (N - 1) * 64;
    let last_mask = if last_bits == 64 { !0u64 } else { (1u64 << last_bits) - 1 };
    let mut n = 0usize;
    for (w, &x) in s.iter().enumerate() {
        let v = if w + 1 == N { !x & last_mask } else { !x };
        n += v.count_ones() as usize;
    }
    n
}

/// The search of the module docs, for `len1 <= len2`, both non-empty:
/// builds the needle's kernels (forward and reversed) and runs [`search`].
fn partial_ratio_impl<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> ScoreAlignment {
    let len1 = s1.len();
    if len1 > 64 {
        let lcs = CachedLcs::new(s1.iter().map(|u| u.value()), len1);
        let reversed = CachedLcs::new(s1.iter().rev().map(|u| u.value()), len1);
        return search(s1, s2, score_cutoff, &lcs, &reversed);
    }
    let mut units = [0u64; 64];
    for (r, u) in units.iter_mut().zip(s1.iter().rev()) {
        *r = u.value();
    }
    let rev = &units[..len1];
    let (pm, rev_pm) = (PatternMatchVector::new(s1), PatternMatchVector::new(rev));
    search(s1, s2, score_cutoff, &WordLcs { pm: &pm, len: len1 }, &WordLcs { pm: &rev_pm, len: len1 })
}

/// The search itself, with `lcs` the kernel of `s1` and `reversed` that
/// of `s1` reversed.
fn search<A: Unit, B: Unit, L: NeedleLcs>(s1: &[A], s2: &[B], score_cutoff: f64, lcs: &L, reversed: &L) -> ScoreAlignment {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            let res = search_in(s1, s2, score_cutoff, lcs, reversed, &mut scratch);
            scratch.trim();
            res
        }
        // Not reached (the search does not re-enter itself); kept so that
        // a future caller doing so stays correct.
        Err(_) => search_in(s1, s2, score_cutoff, lcs, reversed, &mut Scratch::default()),
    })
}

/// The search's buffers, kept per thread: a search over short strings
/// otherwise spends much of its time allocating them.
#[derive(Default)]
struct Scratch {
    scores: Vec<usize>,
    windows: Vec<(usize, usize)>,
    new_windows: Vec<(usize, usize)>,
    /// Per-prefix LCS values (prefixes, then suffixes).
    each: Vec<usize>,
    /// The block kernel's state.
    words: Vec<u64>,
}

/// Buffers above this many entries are freed after the search, so that one
/// long haystack does not keep its memory for the thread's lifetime.
const SCRATCH_KEEP: usize = 1 << 12;

impl Scratch {
    fn trim(&mut self) {
        fn trim<T>(v: &mut Vec<T>) {
            if v.capacity() > SCRATCH_KEEP {
                *v = Vec::new();
            }
        }
        trim(&mut self.scores);
        trim(&mut self.windows);
        trim(&mut self.new_windows);
        trim(&mut self.each);
        trim(&mut self.words);
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

fn search_in<A: Unit, B: Unit, L: NeedleLcs>(
    s1: &[A],
    s2: &[B],
    mut score_cutoff: f64,
    lcs: &L,
    reversed: &L,
    scratch: &mut Scratch,
) -> ScoreAlignment {
    let Scratch { scores, windows, new_windows, each, words } = scratch;
    let len1 = s1.len();
    let len2 = s2.len();
    let mut res = ScoreAlignment::new(0.0, 0, len1, 0, len1);

    if len2 > len1 {
        let maximum = len1 * 2;
        let mut cutoff_dist = ceil_to_usize(maximum as f64 * norm_sim_to_norm_dist(score_cutoff / 100.0));
        let mut best_dist = usize::MAX;
        scores.clear();
        scores.resize(len2 - len1, usize::MAX);
        windows.clear();
        windows.push((0, len2 - len1 - 1));
        new_windows.clear();
        let mut window_dist = |start: usize| -> usize {
            let common = lcs.run_with(s2[start..start + len1].iter().map(|u| u.value()), None, words);
            2 * (len1 - common)
        };

        while !windows.is_empty() {
            for &(first, second) in windows.iter() {
                for pos in [first, second] {
                    if scores[pos] == usize::MAX {
                        scores[pos] = window_dist(pos);
                        if scores[pos] < cutoff_dist {
                            cutoff_dist = scores[pos];
                            best_dist = scores[pos];
                            res.dest_start = pos;
                            res.dest_end = pos + len1;
                            if best_dist == 0 {
                                res.score = 100.0;
                                return res;
                            }
                        }
                    }
                }
                let cell_diff = second - first;
                if cell_diff == 1 {
                    continue;
                }
                let (a, b) = (scores[first], scores[second]);
                let known_edits = a.abs_diff(b);
                let min_score = a.min(b) as i128 - (cell_diff + known_edits / 2) as i128;
                if min_score < cutoff_dist as i128 {
                    let center = cell_diff / 2;
                    new_windows.push((first, first + center));
                    new_windows.push((first + center, second));
                }
            }
            std::mem::swap(windows, new_windows);
            new_windows.clear();
        }

        let score = (1.0 - best_dist as f64 / maximum as f64) * 100.0;
        if score >= score_cutoff {
            score_cutoff = score;
            res.score = score;
        }
    }

    // Prefixes s2[..i], i in 1..len1: one pass gives every prefix's LCS.
    if len1 > 1 {
        let prefix = &mut *each;
        prefix.clear();
        lcs.run_with(s2[..len1 - 1].iter().map(|u| u.value()), Some(prefix), words);
        for i in 1..len1 {
            if !lcs.contains(s2[i - 1].value()) {
                continue;
            }
            let common = prefix[i - 1];
            let ls_ratio = ratio_from_distance(len1 + i - 2 * common, len1 + i, score_cutoff);
            if ls_ratio > res.score {
                score_cutoff = ls_ratio;
                res.score = ls_ratio;
                res.dest_start = 0;
                res.dest_end = i;
                if res.score == 100.0 {
                    return res;
                }
            }
        }
    }

    // Suffixes s2[i..], i in len2 - len1..len2: the LCS of the reversed
    // strings, over the reversed tail of s2, gives every suffix's LCS.
    let suffix = each;
    suffix.clear();
    reversed.run_with(s2[len2 - len1..].iter().rev().map(|u| u.value()), Some(suffix), words);
    for i in len2 - len1..len2 {
        if !lcs.contains(s2[i].value()) {
            continue;
        }
        let sub_len = len2 - i;
        let common = suffix[sub_len - 1];
        let ls_ratio = ratio_from_distance(len1 + sub_len - 2 * common, len1 + sub_len, score_cutoff);
        if ls_ratio > res.score {
            score_cutoff = ls_ratio;
            res.score = ls_ratio;
            res.dest_start = i;
            res.dest_end = len2;
            if res.score == 100.0 {
                return res;
            }
        }
    }
    res
}

/// partial_ratio with its first string prepared once, for one query
/// against many choices (rapidfuzz's CachedPartialRatio): the needle's
/// kernels, forward and reversed, serve every choice at least as long as
/// the query. A shorter choice is the needle itself and takes the plain
/// path. Scores are [`partial_ratio_slices`]'s to the bit.
pub struct CachedPartialRatio<A> {
    s1: Vec<A>,
    kernels: Kernels,
}

/// The query's LCS kernels (None: an empty query). One per query, and the
/// large variant is the common one, so it is not boxed.
#[allow(clippy::large_enum_variant)]
enum Kernels {
    None,
    Word(PatternMatchVector, PatternMatchVector),
    Blocks(CachedLcs, CachedLcs),
}

impl<A: Unit> CachedPartialRatio<A> {
    pub fn new(s1: &[A]) -> Self {
        let len1 = s1.len();
        let kernels = if len1 == 0 {
            Kernels::None
        } else if len1 > 64 {
            Kernels::Blocks(
                CachedLcs::new(s1.iter().map(|u| u.value()), len1),
                CachedLcs::new(s1.iter().rev().map(|u| u.value()), len1),
            )
        } else {
            let mut units = [0u64; 64];
            for (r, u) in units.iter_mut().zip(s1.iter().rev()) {
                *r = u.value();
            }
            Kernels::Word(PatternMatchVector::new(s1), PatternMatchVector::new(&units[..len1]))
        };
        CachedPartialRatio { s1: s1.to_vec(), kernels }
    }

    /// `partial_ratio_slices(query, s2, score_cutoff)`.
    pub fn score<B: Unit>(&self, s2: &[B], score_cutoff: f64) -> f64 {
        let (s1, len1, len2) = (&self.s1[..], self.s1.len(), s2.len());
        if len1 > len2 || len1 == 0 || len2 == 0 || score_cutoff > 100.0 {
            return partial_ratio_slices(s1, s2, score_cutoff);
        }
        let alignment = match &self.kernels {
            Kernels::Word(pm, rev) => {
                search(s1, s2, score_cutoff, &WordLcs { pm, len: len1 }, &WordLcs { pm: rev, len: len1 })
            }
            Kernels::Blocks(lcs, rev) => search(s1, s2, score_cutoff, lcs, rev),
            Kernels::None => unreachable!("an empty query takes the plain path"),
        };
        // Equal lengths: also the other way round, as the plain path does.
        if alignment.score != 100.0 && len1 == len2 {
            let swapped = partial_ratio_impl(s2, s1, cmax(score_cutoff, alignment.score));
            if swapped.score > alignment.score {
                return swapped.score;
            }
        }
        alignment.score
    }
}

/// `partial_ratio_alignment` on slices.
pub fn partial_ratio_alignment_slices<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> ScoreAlignment {
    let (len1, len2) = (s1.len(), s2.len());
    if len1 > len2 {
        return partial_ratio_alignment_slices(s2, s1, score_cutoff).swapped();
    }
    if score_cutoff > 100.0 {
        return ScoreAlignment::new(0.0, 0, len1, 0, len1);
    }
    if len1 == 0 || len2 == 0 {
        let score = if len1 == len2 { 100.0 } else { 0.0 };
        return ScoreAlignment::new(score, 0, len1, 0, len1);
    }
    let alignment = partial_ratio_impl(s1, s2, score_cutoff);
    if alignment.score != 100.0 && len1 == len2 {
        let cutoff = cmax(score_cutoff, alignment.score);
        let alignment2 = partial_ratio_impl(s2, s1, cutoff);
        if alignment2.score > alignment.score {
            return alignment2.swapped();
        }
    }
    alignment
}

/// `fuzz.partial_ratio_alignment`: the score and where it was found. The
/// score is 0 when below `score_cutoff` (the spans are then meaningless).
pub fn partial_ratio_alignment(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> ScoreAlignment {
    // A negative cutoff counts as 0, so the score stays within 0-100.
    let score_cutoff = if score_cutoff < 0.0 { 0.0 } else { score_cutoff };
    with_seqs!(s1, s2, |a, b| partial_ratio_alignment_slices(a, b, score_cutoff))
}

/// `partial_ratio` on slices.
#[inline]
pub fn partial_ratio_slices<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    partial_ratio_alignment_slices(s1, s2, score_cutoff).score
}

/// `fuzz.partial_ratio`.
pub fn partial_ratio(s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
    partial_ratio_alignment(s1, s2, score_cutoff).score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::reference;

    #[test]
    fn docs_example() {
        let a = partial_ratio_alignment(Seq::U8(b"a certain string"), Seq::U8(b"cetain"), 0.0);
        assert!((a.score - 83.33333333333334).abs() < 1e-9);
        assert_eq!((a.src_start, a.src_end, a.dest_start, a.dest_end), (2, 8, 0, 6));
        assert_eq!(partial_ratio(Seq::U8(b"this is a test"), Seq::U8(b"this is a test!"), 0.0), 100.0);
    }

    /// The cached query gives the plain score to the bit: queries empty,
    /// of one word and of blocks, choices shorter, equal and longer, every
    /// unit type mix, cutoffs from negative to past 100.
    #[test]
    fn cached_query_equals_the_plain_scorer() {
        let mut seed = 99u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let alphabet = ['a', 'b', 'c', 'd', '\u{e9}', '\u{1F600}'];
        for round in 0..3000 {
            let max = if round % 4 == 0 { 160 } else { 20 };
            let mut word = |narrow: bool| -> Vec<u32> {
                let len = next(max + 1);
                (0..len).map(|_| alphabet[next(if narrow { 4 } else { 6 }) as usize] as u32).collect()
            };
            let (q, c) = (word(round % 3 == 0), word(round % 5 == 0));
            let c = if round % 7 == 0 { q.clone() } else { c };
            let cutoff = [-5.0, 0.0, 30.0, 70.0, 95.0, 100.0, 101.0][next(7) as usize];
            let q8: Vec<u8> = q.iter().map(|&u| u as u8).collect();
            let c8: Vec<u8> = c.iter().map(|&u| u as u8).collect();
            let c64: Vec<u64> = c.iter().map(|&u| u as u64).collect();
            let cached = CachedPartialRatio::new(&q);
            assert_eq!(cached.score(&c, cutoff), partial_ratio_slices(&q, &c, cutoff), "{q:?} {c:?} {cutoff}");
            assert_eq!(cached.score(&c64, cutoff), partial_ratio_slices(&q, &c64, cutoff));
            let cached8 = CachedPartialRatio::new(&q8);
            assert_eq!(cached8.score(&c8, cutoff), partial_ratio_slices(&q8, &c8, cutoff));
            assert_eq!(cached8.score(&c, cutoff), partial_ratio_slices(&q8, &c, cutoff));
        }
    }

    #[test]
    fn bit_parallel_lcs_matches_reference() {
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u8 % 4 + b'a'
        };
        fn check<L: NeedleLcs>(lcs: &L, s1: &[u8], s2: &[u8]) {
            let mut prefix = Vec::new();
            let full = lcs.run_with(s2.iter().map(|&u| u as u64), Some(&mut prefix), &mut Vec::new());
            assert_eq!(full, reference::lcs(s1, s2));
            assert_eq!(lcs.run_with(s2.iter().map(|&u| u as u64), None, &mut Vec::new()), full);
            for (i, &p) in prefix.iter().enumerate() {
                assert_eq!(p, reference::lcs(s1, &s2[..=i]));
            }
            for v in 0..=255u64 {
                assert_eq!(lcs.contains(v), s1.contains(&(v as u8)), "{v}");
            }
        }
        for len1 in [1usize, 5, 63, 64, 65, 128, 130, 200, 256, 300] {
            let s1: Vec<u8> = (0..len1).map(|_| next()).collect();
            let s2: Vec<u8> = (0..len1 + 7).map(|_| next()).collect();
            if len1 <= 64 {
                let pm = PatternMatchVector::new(&s1);
                check(&WordLcs { pm: &pm, len: len1 }, &s1, &s2);
            } else {
                check(&CachedLcs::new(s1.iter().map(|&u| u as u64), len1), &s1, &s2);
            }
        }
    }
}
