//! Jaro match counts of several short queries against one text at once.
//!
//! Up to [`LANES`] queries of at most 64 units each get one 64-bit word
//! apiece; their match vectors are stored side by side (`[u64; LANES]` per
//! unit value), so that one lookup per text unit serves every query, and the
//! flagging step of [`super::jaro`] runs on all words together in plain
//! `[u64; LANES]` loops, which LLVM vectorises (SSE2 on every x86-64).
//!
//! For each query the result is the number of common units and of
//! half-transpositions over the whole (untrimmed) sequences, for texts of
//! at most 64 units. These are the counts [`super::jaro::similarity`]
//! finds: it skips the common prefix (which flags position by position,
//! the same either way) and the units that lie outside every window, and
//! neither changes the counts. [`super::jaro::similarity_from_counts`]
//! then gives its exact score.

use crate::unit::Unit;

/// Queries per group.
pub(crate) const LANES: usize = 8;

/// Longest query or text, in units.
pub(crate) const MAX_LEN: usize = 64;

/// Row of match vectors that is all zero (for unit values no query has).
const ZERO_ROW: u32 = 256;

/// Slots of the table of unit values >= 256 (at most `LANES * 64` keys).
const WIDE_SLOTS: usize = 2 * LANES * MAX_LEN;

/// Counts for one query against one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JaroCounts {
    /// Units of the query and of the text.
    pub p_len: usize,
    pub t_len: usize,
    /// Matching units.
    pub common: usize,
    /// Half-transpositions (matched units paired out of order that differ).
    pub transpositions: usize,
    /// Common prefix length, at most 4 (for Jaro-Winkler).
    pub prefix: usize,
}

/// A lane: one query's bits (the unsigned integer types).
trait Lane:
    Copy
    + Default
    + PartialEq
    + std::ops::BitAnd<Output = Self>
    + std::ops::BitOr<Output = Self>
    + std::ops::BitXor<Output = Self>
    + std::ops::BitOrAssign
    + std::ops::Not<Output = Self>
    + std::ops::Shl<usize, Output = Self>
    + std::ops::Shr<usize, Output = Self>
{
    const BITS: usize;
    const ONE: Self;
    fn wrapping_neg(self) -> Self;
    fn wrapping_sub(self, other: Self) -> Self;
    fn wrapping_add(self, other: Self) -> Self;
    fn to_usize(self) -> usize;
}

macro_rules! lane {
    ($t:ty) => {
        impl Lane for $t {
            const BITS: usize = <$t>::BITS as usize;
            const ONE: Self = 1;
            #[inline(always)]
            fn wrapping_neg(self) -> Self {
                <$t>::wrapping_neg(self)
            }
            #[inline(always)]
            fn wrapping_sub(self, other: Self) -> Self {
                <$t>::wrapping_sub(self, other)
            }
            #[inline(always)]
            fn wrapping_add(self, other: Self) -> Self {
                <$t>::wrapping_add(self, other)
            }
            #[inline(always)]
            fn to_usize(self) -> usize {
                self as usize
            }
        }
    };
}
lane!(u16);
lane!(u32);
lane!(u64);

/// Queries of at most this many units (and texts as long) use 32-bit lanes.
const NARROW: usize = 32;

/// Queries of at most this many units (and texts as long) use 16-bit lanes.
const NARROWEST: usize = 16;

/// The lane width a group of queries whose longest has `len` units starts
/// with: groups of queries of similar lengths run faster.
pub fn lane_class(len: usize) -> usize {
    if len <= NARROWEST {
        0
    } else if len <= NARROW {
        1
    } else {
        2
    }
}

/// Up to [`LANES`] queries of at most [`MAX_LEN`] units.
pub struct MultiJaro {
    count: usize,
    lens: [usize; LANES],
    /// The first (up to) 4 unit values of each query.
    heads: [[u64; 4]; LANES],
    /// Match vectors: rows 0..256 for unit values below 256, row 256 all
    /// zero, then one row per larger unit value.
    rows: Vec<[u64; LANES]>,
    /// The same in 32-bit lanes, when every query has at most 32 units
    /// (built on the first [`Self::counts`] after a [`Self::push`]).
    rows32: Vec<[u32; LANES]>,
    /// The same in 16-bit lanes, when every query has at most 16 units.
    rows16: Vec<[u16; LANES]>,
    /// True once `rows32` and `rows16` are built for the current queries.
    narrow_ready: bool,
    /// Open addressing from unit values >= 256 to their row (0: empty slot);
    /// empty until such a value appears.
    wide_keys: Vec<u64>,
    wide_rows: Vec<u32>,
    /// Per text unit, the lanes that matched (32- and 64-bit lanes), kept
    /// between calls.
    scratch: Scratch,
}

type Scratch = (
    Option<Box<[[u16; LANES]; NARROWEST]>>,
    Option<Box<[[u32; LANES]; NARROW]>>,
    Option<Box<[[u64; LANES]; MAX_LEN]>>,
);

impl Default for MultiJaro {
    fn default() -> Self {
        Self::new()
    }
}

#[inline(always)]
fn wide_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WIDE_SLOTS.trailing_zeros())) as usize
}

impl MultiJaro {
    pub fn new() -> Self {
        MultiJaro {
            count: 0,
            lens: [0; LANES],
            heads: [[0; 4]; LANES],
            rows: vec![[0; LANES]; ZERO_ROW as usize + 1],
            rows32: Vec::new(),
            rows16: Vec::new(),
            narrow_ready: false,
            wide_keys: Vec::new(),
            wide_rows: Vec::new(),
            scratch: (None, None, None),
        }
    }

    /// Number of queries held.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn is_full(&self) -> bool {
        self.count == LANES
    }

    /// Adds a query of at most [`MAX_LEN`] units in the next lane.
    pub fn push<T: Unit>(&mut self, s: &[T]) {
        assert!(self.count < LANES && s.len() <= MAX_LEN);
        self.rows32.clear();
        self.rows16.clear();
        let k = self.count;
        self.count += 1;
        self.lens[k] = s.len();
        for (i, &unit) in s.iter().enumerate() {
            let key = unit.value();
            if i < 4 {
                self.heads[k][i] = key;
            }
            let row = if key < 256 { key as usize } else { self.insert_wide(key) };
            self.rows[row][k] |= 1u64 << i;
        }
        self.narrow_ready = false;
    }

    /// Builds the narrow copies of the match vectors the queries fit in.
    fn build_narrow(&mut self) {
        let longest = self.lens[..self.count].iter().copied().max().unwrap_or(0);
        if longest <= NARROW {
            self.rows32 = self.rows.iter().map(|r| r.map(|w| w as u32)).collect();
        }
        if longest <= NARROWEST {
            self.rows16 = self.rows.iter().map(|r| r.map(|w| w as u16)).collect();
        }
        self.narrow_ready = true;
    }

    fn insert_wide(&mut self, key: u64) -> usize {
        if self.wide_keys.is_empty() {
            self.wide_keys = vec![0; WIDE_SLOTS];
            self.wide_rows = vec![0; WIDE_SLOTS];
        }
        let mut i = wide_slot(key);
        while self.wide_rows[i] != 0 && self.wide_keys[i] != key {
            i = (i + 1) % WIDE_SLOTS;
        }
        if self.wide_rows[i] == 0 {
            self.wide_keys[i] = key;
            self.wide_rows[i] = self.rows.len() as u32;
            self.rows.push([0; LANES]);
        }
        self.wide_rows[i] as usize
    }

    /// Row of the match vectors of `unit`.
    #[inline(always)]
    fn row<B: Unit>(&self, unit: B) -> usize {
        let key = unit.value();
        if key < 256 {
            return key as usize;
        }
        if self.wide_keys.is_empty() {
            return ZERO_ROW as usize;
        }
        let mut i = wide_slot(key);
        loop {
            let r = self.wide_rows[i];
            if r == 0 {
                return ZERO_ROW as usize;
            }
            if self.wide_keys[i] == key {
                return r as usize;
            }
            i = (i + 1) % WIDE_SLOTS;
        }
    }

    /// The counts of every query against `t` (at most [`MAX_LEN`] units):
    /// `out[k]` for the query in lane `k` (lanes `len()..` are left alone).
    /// The common prefix is only computed `with_prefix` (else 0).
    pub fn counts<B: Unit>(&mut self, t: &[B], with_prefix: bool, out: &mut [JaroCounts; LANES]) {
        assert!(t.len() <= MAX_LEN);
        if !self.narrow_ready {
            self.build_narrow();
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        if t.len() <= NARROWEST && !self.rows16.is_empty() {
            let hits = scratch.0.get_or_insert_with(|| Box::new([[0; LANES]; NARROWEST]));
            self.counts_in(&self.rows16, &mut hits[..], t, with_prefix, out)
        } else if t.len() <= NARROW && !self.rows32.is_empty() {
            let hits = scratch.1.get_or_insert_with(|| Box::new([[0; LANES]; NARROW]));
            self.counts_in(&self.rows32, &mut hits[..], t, with_prefix, out)
        } else {
            let hits = scratch.2.get_or_insert_with(|| Box::new([[0; LANES]; MAX_LEN]));
            self.counts_in(&self.rows, &mut hits[..], t, with_prefix, out)
        }
        self.scratch = scratch;
    }

    /// [`Self::counts`] with the match vectors `rows` in lanes of type `L`,
    /// which hold every query and `t`.
    #[inline(always)]
    fn counts_in<L: Lane, B: Unit>(
        &self,
        rows: &[[L; LANES]],
        hits: &mut [[L; LANES]],
        t: &[B],
        with_prefix: bool,
        out: &mut [JaroCounts; LANES],
    ) {
        let n = t.len();
        debug_assert!(n <= L::BITS);
        // Window of text position j: query positions j - bound ..= j + bound,
        // bound = max(len1, len2) / 2 - 1 (0 for two single units). Bits
        // past the lane hold no query unit, so dropping them is harmless.
        let mut window = [L::default(); LANES];
        let mut grow = [L::default(); LANES];
        for k in 0..LANES {
            // At most 31, 15 or 7 in lanes of 64, 32 or 16 bits (both
            // lengths fit the lane), so the shifts stay inside the lane.
            let bound = (self.lens[k].max(n) / 2).saturating_sub(1);
            debug_assert!(bound < L::BITS / 2);
            // Bit j of `grow`: the window still grows at its lower end after j.
            grow[k] = (L::ONE << bound).wrapping_sub(L::ONE);
            window[k] = (grow[k] << 1) | L::ONE;
        }
        // Pass 1: flag matches. `hits[j]` lane k is 1 when text unit j of
        // query k found a match.
        let mut p_flag = [L::default(); LANES];
        for (j, &unit) in t.iter().enumerate() {
            let pm = &rows[self.row(unit)];
            let hit = &mut hits[j];
            for k in 0..LANES {
                let candidates = pm[k] & window[k] & !p_flag[k];
                let neg = candidates.wrapping_neg();
                // Lowest candidate; the top bit of `c | -c` is set iff c != 0.
                p_flag[k] |= candidates & neg;
                hit[k] = (candidates | neg) >> (L::BITS - 1);
                window[k] = (window[k] << 1) | ((grow[k] >> j) & L::ONE);
            }
        }
        // Pass 2: pair the k-th matched text unit with the k-th flagged
        // query unit (lowest first) and count those that differ, in all
        // lanes at once, without branches.
        let mut common = [L::default(); LANES];
        let mut transpositions = [L::default(); LANES];
        let zero = L::default();
        for (j, &unit) in t.iter().enumerate() {
            let pm = &rows[self.row(unit)];
            let hit = &hits[j];
            for k in 0..LANES {
                let p_bit = p_flag[k] & p_flag[k].wrapping_neg();
                let x = pm[k] & p_bit;
                let matched = (x | x.wrapping_neg()) >> (L::BITS - 1);
                transpositions[k] = transpositions[k].wrapping_add(hit[k] & !matched & L::ONE);
                common[k] = common[k].wrapping_add(hit[k]);
                p_flag[k] = p_flag[k] ^ (p_bit & zero.wrapping_sub(hit[k]));
            }
        }
        let t_head: [u64; 4] = std::array::from_fn(|i| if i < n { t[i].value() } else { 0 });
        for k in 0..self.count {
            // Common prefix, at most 4 units, without branches (0 when not
            // asked for).
            let mut prefix = 0;
            if with_prefix {
                let max_prefix = self.lens[k].min(n).min(4);
                let mut run = 1usize;
                #[allow(clippy::needless_range_loop)]
                for i in 0..4 {
                    run &= ((i < max_prefix) & (self.heads[k][i] == t_head[i])) as usize;
                    prefix += run;
                }
            }
            out[k] = JaroCounts {
                p_len: self.lens[k],
                t_len: n,
                common: common[k].to_usize(),
                transpositions: transpositions[k].to_usize(),
                prefix,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::jaro;
    use crate::distance::jaro_winkler;
    use crate::distance::osa::testutil::*;

    /// Queries of all lengths 0..=64 (and lane counts 1..=LANES) against
    /// texts of 0..=64 units, over small alphabets (many matches) and wide
    /// values, compared with the single-pair kernels bit for bit.
    fn check<A: FromValue, B: FromValue>() {
        let mut rng = Rng::new(0x5A + std::mem::size_of::<A>() as u64 * 10 + std::mem::size_of::<B>() as u64);
        for iter in 0..300 {
            let alpha = [2, 3, 6, 8][iter % 4];
            let max_len = [6, 17, 40, 64][(iter / 4) % 4];
            let lanes = 1 + iter % LANES;
            let queries: Vec<Vec<A>> = (0..lanes)
                .map(|k| {
                    if k == 0 && iter % 5 == 0 {
                        // Every length in turn, up to the limit.
                        let len = (iter / 5) % (MAX_LEN + 1);
                        (0..len).map(|_| A::from_value(ALPHABET[rng.below(alpha)])).collect()
                    } else {
                        random_seq(&mut rng, max_len, alpha)
                    }
                })
                .collect();
            let mut mj = MultiJaro::new();
            for q in &queries {
                mj.push(q);
            }
            assert_eq!(mj.len(), lanes);
            let mut out = [JaroCounts::default(); LANES];
            for _ in 0..8 {
                let t: Vec<B> = if rng.below(2) == 0 {
                    let q = &queries[rng.below(lanes)];
                    mutate(&mut rng, &convert::<A, B>(q), alpha)
                } else {
                    random_seq(&mut rng, max_len, alpha)
                };
                let t = &t[..t.len().min(MAX_LEN)];
                mj.counts(t, true, &mut out);
                for (k, q) in queries.iter().enumerate() {
                    let c = out[k];
                    assert_eq!((c.p_len, c.t_len), (q.len(), t.len()));
                    for cutoff in [0.0, 0.5, 0.7, 0.85, 1.0] {
                        let want = jaro::similarity(q, t, cutoff);
                        let got = jaro::similarity_from_counts(c.p_len, c.t_len, c.common, c.transpositions, cutoff);
                        assert_eq!(got.to_bits(), want.to_bits(), "{q:?} {t:?} {cutoff}");
                        for w in [0.1, 0.25, 1.0] {
                            let want = jaro_winkler::similarity(q, t, w, cutoff);
                            let got = jaro_winkler::from_jaro(c.prefix, w, cutoff, |jc| {
                                jaro::similarity_from_counts(c.p_len, c.t_len, c.common, c.transpositions, jc)
                            });
                            assert_eq!(got.to_bits(), want.to_bits(), "{q:?} {t:?} {w} {cutoff}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn counts_match_single_pair() {
        crate::for_all_unit_pairs!(check);
    }

    #[test]
    fn wide_values_and_edges() {
        let s = |x: &str| x.chars().map(|c| c as u32).collect::<Vec<u32>>();
        let queries = ["", "a", "😀ab", "héllo wörld", "MARTHA", "ab", "x😀y😀z", "ééééé"];
        let texts = ["", "a", "b", "😀ba", "hello world", "MARHTA", "ba", "😀", "éé", "y😀x😀z"];
        let mut mj = MultiJaro::new();
        for q in queries {
            mj.push(&s(q));
        }
        assert!(mj.is_full());
        let mut out = [JaroCounts::default(); LANES];
        for t in texts {
            let t = s(t);
            mj.counts(&t, true, &mut out);
            for (k, q) in queries.iter().enumerate() {
                let q = s(q);
                let c = out[k];
                let got = jaro::similarity_from_counts(c.p_len, c.t_len, c.common, c.transpositions, 0.0);
                assert_eq!(got.to_bits(), jaro::similarity(&q, &t, 0.0).to_bits(), "{q:?} {t:?}");
            }
        }
        // Both empty: 1.0; one empty: 0.0.
        mj.counts::<u8>(&[], true, &mut out);
        assert_eq!(jaro::similarity_from_counts(0, 0, out[0].common, out[0].transpositions, 0.5), 1.0);
        assert_eq!(jaro::similarity_from_counts(1, 0, out[1].common, out[1].transpositions, 0.0), 0.0);
    }
}

#[cfg(test)]
mod timing {
    use super::*;

    /// Rough timing; `cargo test --release -- --ignored --nocapture multi_jaro_timing`.
    #[test]
    #[ignore]
    fn multi_jaro_timing() {
        use crate::distance::osa::testutil::cpu_ns;
        use std::hint::black_box;
        let mut state = 7u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut word = || -> Vec<u8> { (0..8 + next() % 12).map(|_| b'a' + (next() % 26) as u8).collect() };
        let queries: Vec<Vec<u8>> = (0..LANES).map(|_| word()).collect();
        let texts: Vec<Vec<u8>> = (0..2000).map(|_| word()).collect();
        let mut mj = MultiJaro::new();
        for q in &queries {
            mj.push(q);
        }
        let mut out = [JaroCounts::default(); LANES];
        let reps = 200;
        let start = cpu_ns();
        let mut acc = 0;
        for _ in 0..reps {
            for t in &texts {
                mj.counts(black_box(&t[..]), true, &mut out);
                acc += black_box(&out)[3].common;
            }
        }
        let ns = (cpu_ns() - start) as f64 / (reps * texts.len() * LANES) as f64;
        println!("counts: {ns:.2} ns/pair ({acc})");
        let start = cpu_ns();
        let mut sum = 0.0;
        for _ in 0..reps {
            for t in &texts {
                mj.counts(black_box(&t[..]), true, &mut out);
                for c in &out {
                    sum += crate::distance::jaro_winkler::from_jaro(c.prefix, 0.1, black_box(0.0), |jc| {
                        crate::distance::jaro::similarity_from_counts(c.p_len, c.t_len, c.common, c.transpositions, jc)
                    });
                }
            }
        }
        let ns = (cpu_ns() - start) as f64 / (reps * texts.len() * LANES) as f64;
        println!("counts + JW score: {ns:.2} ns/pair ({sum})");
    }
}
