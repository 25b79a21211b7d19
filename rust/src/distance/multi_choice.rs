//! Bit-parallel uniform Levenshtein, OSA and Indel of one query against many
//! short byte strings at once: the transpose of [`super::multi`].
//!
//! [`super::multi`] puts several short queries in the lanes of four 64-bit
//! words and walks each choice; here several short *choices* (1..=64
//! bytes) go in the lanes and the query is the text that is walked, which
//! suits one query against a long list (`process.extract`). The metrics
//! are symmetric, so the distances are those of query against choice.
//!
//! The choices' match vectors are only needed for the byte values the query
//! holds: the query's distinct values get slots once ([`QuerySlots`]), and
//! loading a block of choices costs one table lookup and one OR per choice
//! byte into a few slot vectors (bytes the query lacks land in eight
//! scratch slots, spread so that consecutive ones rarely hit the same
//! slot, which are cleared afterwards). The lane recurrences are exactly
//! those of [`super::multi`] (the same carry and shift isolation), so
//! results are exact: no cutoff, no early exit.

use crate::unit::Unit;

/// Words per block; 4 (256 bits) vectorises into two SSE2 registers.
pub(crate) const WORDS: usize = 4;

/// Choices of a block with lanes of `width` bits.
#[inline]
pub fn block_capacity(width: u32) -> usize {
    WORDS * 64 / width as usize
}

/// The query's units as slots of the byte values it holds.
#[derive(Clone, Debug)]
pub struct QuerySlots {
    /// The slot of each query unit; 0 (never written) for a value above
    /// 255, which no byte choice holds.
    text: Vec<u8>,
    /// The slot of each byte value: a scratch slot when the query lacks it.
    by_byte: [u8; 256],
    /// Slots of query values in use, slot 0 included.
    slots: usize,
}

/// The first of the eight scratch slots.
const SCRATCH: usize = 248;

impl QuerySlots {
    /// The query's slots; None when it holds more than 247 distinct byte
    /// values (slots are bytes, eight are scratch).
    pub fn new<T: Unit>(query: &[T]) -> Option<Self> {
        let mut by_byte = [0u8; 256];
        let mut seen = [false; 256];
        let mut slots = 1usize;
        let mut text = Vec::with_capacity(query.len());
        for u in query {
            let v = u.value();
            if v >= 256 {
                text.push(0);
                continue;
            }
            let s = &mut by_byte[v as usize];
            if !seen[v as usize] {
                if slots == SCRATCH {
                    return None;
                }
                seen[v as usize] = true;
                *s = slots as u8;
                slots += 1;
            }
            text.push(*s);
        }
        for (b, s) in by_byte.iter_mut().enumerate() {
            if !seen[b] {
                *s = (SCRATCH + b % 8) as u8;
            }
        }
        Some(QuerySlots { text, by_byte, slots })
    }

    /// Units in the query.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[inline(always)]
fn lane_ones(width: u32) -> u64 {
    if width >= 64 {
        !0
    } else {
        (1u64 << width) - 1
    }
}

/// Scratch match vectors for blocks of choices against one query; one per
/// thread.
pub struct ChoiceBlocks<'q> {
    query: &'q QuerySlots,
    /// One match vector per slot (256: indexed by a byte, no bounds check).
    pm: Box<[[u64; WORDS]; 256]>,
}

/// The lane layout of one loaded block.
struct Lanes {
    width: u32,
    mask: [u64; WORDS],
    low: [u64; WORDS],
    high: [u64; WORDS],
    full: bool,
}

impl<'q> ChoiceBlocks<'q> {
    pub fn new(query: &'q QuerySlots) -> Self {
        ChoiceBlocks { query, pm: Box::new([[0; WORDS]; 256]) }
    }

    /// Uniform Levenshtein distance of the query and each of `choices`
    /// (at most [`block_capacity`]`(width)` strings of `lens[p]` bytes,
    /// 1..=`width`, `width` 8, 16, 32 or 64), into `out[..choices.len()]`.
    ///
    /// `choices[p]` may run on past its `lens[p]` bytes, up to `width`
    /// bytes: the extra ones only set bits above the choice's length in its
    /// lane, which no result depends on. Loading exactly `width` bytes per
    /// choice is a loop of fixed length (no mispredicted exit per choice).
    pub fn levenshtein(&mut self, width: u32, choices: &[&[u8]], lens: &[usize], out: &mut [usize]) {
        self.edit_distances::<false>(width, choices, lens, out)
    }

    /// OSA distance (Levenshtein plus transpositions of adjacent units, no
    /// substring edited twice; symmetric) of the query and each of
    /// `choices`, as [`Self::levenshtein`].
    pub fn osa(&mut self, width: u32, choices: &[&[u8]], lens: &[usize], out: &mut [usize]) {
        self.edit_distances::<true>(width, choices, lens, out)
    }

    fn edit_distances<const OSA: bool>(&mut self, width: u32, choices: &[&[u8]], lens: &[usize], out: &mut [usize]) {
        let lanes = self.load(width, choices, lens);
        let (vp, vn) = if lanes.full {
            self.hyyro::<true, OSA>(&lanes)
        } else {
            self.hyyro::<false, OSA>(&lanes)
        };
        let (up, down) = (lane_counts(&lanes, &vp), lane_counts(&lanes, &vn));
        let n = self.query.len();
        for (p, o) in out[..choices.len()].iter_mut().enumerate() {
            *o = n + lane(&lanes, &up, p) - lane(&lanes, &down, p);
        }
        self.clear(choices);
    }

    /// Indel distance (`len1 + len2 - 2 * LCS`) of the query and each of
    /// `choices`, as [`Self::levenshtein`].
    pub fn indel(&mut self, width: u32, choices: &[&[u8]], lens: &[usize], out: &mut [usize]) {
        let lanes = self.load(width, choices, lens);
        let s = if lanes.full { self.lcs::<true>(&lanes) } else { self.lcs::<false>(&lanes) };
        let kept = lane_counts(&lanes, &s);
        let n = self.query.len();
        for (p, o) in out[..choices.len()].iter_mut().enumerate() {
            let len = lens[p];
            let lcs = len - lane(&lanes, &kept, p);
            *o = len + n - 2 * lcs;
        }
        self.clear(choices);
    }

    fn load(&mut self, width: u32, choices: &[&[u8]], lens: &[usize]) -> Lanes {
        assert!(matches!(width, 8 | 16 | 32 | 64) && choices.len() <= block_capacity(width));
        assert_eq!(choices.len(), lens.len());
        let mut lanes = Lanes { width, mask: [0; WORDS], low: [0; WORDS], high: [0; WORDS], full: false };
        let per_word = 64 / width;
        for word in 0..WORDS {
            for lane in 0..per_word {
                lanes.low[word] |= 1 << (lane * width);
                lanes.high[word] |= 1 << (lane * width + width - 1);
            }
        }
        let by_byte = &self.query.by_byte;
        for (p, (c, &len)) in choices.iter().zip(lens).enumerate() {
            assert!(len >= 1 && len <= c.len() && c.len() <= width as usize);
            let bit = p * width as usize;
            let (word, shift) = (bit / 64, (bit % 64) as u32);
            lanes.mask[word] |= lane_ones(len as u32) << shift;
            lanes.full |= len == width as usize;
            let pm = &mut self.pm;
            let mut bit = 1u64 << shift;
            let mut set = |b: &u8| {
                pm[by_byte[*b as usize] as usize][word] |= bit;
                bit = bit.wrapping_shl(1);
            };
            match c.len() {
                8 => c.iter().take(8).for_each(&mut set),
                16 => c.iter().take(16).for_each(&mut set),
                32 => c.iter().take(32).for_each(&mut set),
                _ => c.iter().for_each(&mut set),
            }
        }
        // Bytes the query lacks went to the scratch slots; the query never
        // reads them.
        self.pm[SCRATCH..].iter_mut().for_each(|v| *v = [0; WORDS]);
        lanes
    }

    /// Leaves every slot empty for the next block.
    fn clear(&mut self, choices: &[&[u8]]) {
        if self.query.slots <= 64 {
            self.pm[..self.query.slots].iter_mut().for_each(|v| *v = [0; WORDS]);
        } else {
            let by_byte = &self.query.by_byte;
            for c in choices {
                for &b in c.iter() {
                    self.pm[by_byte[b as usize] as usize] = [0; WORDS];
                }
            }
        }
    }

    /// `a + b` per lane, dropping each lane's carry out when `FULL`.
    #[inline(always)]
    fn add<const FULL: bool>(a: u64, b: u64, high: u64) -> u64 {
        if FULL {
            ((a & !high).wrapping_add(b & !high)) ^ ((a ^ b) & high)
        } else {
            a.wrapping_add(b)
        }
    }

    /// Hyyro's recurrence over the lanes; with `OSA`, also OSA's
    /// transposition term, exactly as `super::multi` computes it (the shift
    /// stays within each lane). Without `OSA` the term folds away.
    #[inline(always)]
    fn hyyro<const FULL: bool, const OSA: bool>(&self, lanes: &Lanes) -> ([u64; WORDS], [u64; WORDS]) {
        let (mask, low, high) = (lanes.mask, lanes.low, lanes.high);
        let mut vp = mask;
        let mut vn = [0u64; WORDS];
        let mut d0_prev = [0u64; WORDS];
        let mut pm_prev = [0u64; WORDS];
        for &slot in &self.query.text {
            let pm = self.pm[slot as usize];
            for i in 0..WORDS {
                let tr = if OSA { (((!d0_prev[i] & pm[i]) << 1) & !low[i]) & pm_prev[i] } else { 0 };
                let x = pm[i] | vn[i];
                let sum = Self::add::<FULL>(x & vp[i], vp[i], high[i]);
                let d0 = (sum ^ vp[i]) | x | tr;
                let hp = vn[i] | !(d0 | vp[i]);
                let hn = d0 & vp[i];
                let hp = (hp << 1) | low[i];
                let hn = (hn << 1) & !low[i];
                vp[i] = (hn | !(d0 | hp)) & mask[i];
                vn[i] = hp & d0;
                if OSA {
                    d0_prev[i] = d0;
                    pm_prev[i] = pm[i];
                }
            }
        }
        (vp, vn)
    }

    /// The final LCS state: a choice bit is 0 when that row raised the LCS.
    #[inline(always)]
    fn lcs<const FULL: bool>(&self, lanes: &Lanes) -> [u64; WORDS] {
        let (mask, high) = (lanes.mask, lanes.high);
        let mut s = mask;
        for &slot in &self.query.text {
            let pm = self.pm[slot as usize];
            for i in 0..WORDS {
                let u = s[i] & pm[i];
                s[i] = (Self::add::<FULL>(s[i], u, high[i]) | (s[i] & !pm[i])) & mask[i];
            }
        }
        s
    }
}

/// Per-lane popcount of `v & mask` (the baseline x86-64 target has no
/// popcnt instruction, so all lanes are counted together).
#[inline(always)]
fn lane_counts(lanes: &Lanes, v: &[u64; WORDS]) -> [u64; WORDS] {
    const M1: u64 = 0x5555_5555_5555_5555;
    const M2: u64 = 0x3333_3333_3333_3333;
    const M4: u64 = 0x0f0f_0f0f_0f0f_0f0f;
    let mut out = [0u64; WORDS];
    for i in 0..WORDS {
        let mut x = v[i] & lanes.mask[i];
        x -= (x >> 1) & M1;
        x = (x & M2) + ((x >> 2) & M2);
        x = (x + (x >> 4)) & M4;
        if lanes.width >= 16 {
            x = (x + (x >> 8)) & 0x00ff_00ff_00ff_00ff;
        }
        if lanes.width >= 32 {
            x = (x + (x >> 16)) & 0x0000_ffff_0000_ffff;
        }
        if lanes.width >= 64 {
            x = (x + (x >> 32)) & 0xffff_ffff;
        }
        out[i] = x;
    }
    out
}

#[inline(always)]
fn lane(lanes: &Lanes, counts: &[u64; WORDS], p: usize) -> usize {
    let bit = p * lanes.width as usize;
    ((counts[bit / 64] >> (bit % 64)) & lane_ones(lanes.width)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::indel::Indel;
    use crate::distance::levenshtein::uniform_distance;
    use crate::distance::osa::osa_distance;
    use crate::distance::Metric;

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    fn bytes(s: &mut u64, len: usize, alphabet: &[u8]) -> Vec<u8> {
        (0..len).map(|_| alphabet[(rng(s) % alphabet.len() as u64) as usize]).collect()
    }

    /// Every width, full and partial blocks, every lane length, queries
    /// with values above 255 and with many distinct bytes (the slow clear).
    #[test]
    fn equals_single_kernels() {
        let mut s = 5u64;
        let small = [b'a', b'b', b'c', 0xE9, 0];
        let all: Vec<u8> = (0..=255).collect();
        for round in 0..60 {
            let alphabet: &[u8] = if round % 5 == 4 { &all } else { &small };
            let qlen = (rng(&mut s) % if round % 5 == 4 { 300 } else { 90 }) as usize;
            let mut q: Vec<u64> = bytes(&mut s, qlen, alphabet).into_iter().map(u64::from).collect();
            if round % 3 == 1 && !q.is_empty() {
                q[0] = 0x1F600;
            }
            let distinct = q.iter().filter(|&&v| v < 256).collect::<std::collections::HashSet<_>>().len();
            let Some(slots) = QuerySlots::new(&q) else {
                assert!(distinct > 247);
                continue;
            };
            let mut blocks = ChoiceBlocks::new(&slots);
            for width in [8u32, 16, 32, 64] {
                for fill in [1, block_capacity(width) / 2, block_capacity(width)] {
                    let choices: Vec<Vec<u8>> = (0..fill)
                        .map(|i| {
                            let len = if i % 4 == 0 { width as usize } else { 1 + (rng(&mut s) % width as u64) as usize };
                            bytes(&mut s, len, alphabet)
                        })
                        .collect();
                    let lens: Vec<usize> = choices.iter().map(|c| c.len()).collect();
                    // Odd rounds pad every choice to the lane width with
                    // bytes that must not matter.
                    let padded: Vec<Vec<u8>> = choices
                        .iter()
                        .map(|c| {
                            let mut c = c.clone();
                            while round % 2 == 1 && c.len() < width as usize {
                                c.push(alphabet[(rng(&mut s) % alphabet.len() as u64) as usize]);
                            }
                            c
                        })
                        .collect();
                    let refs: Vec<&[u8]> = padded.iter().map(|c| c.as_slice()).collect();
                    let mut lev = vec![usize::MAX; fill];
                    let mut ind = vec![usize::MAX; fill];
                    let mut osa = vec![usize::MAX; fill];
                    blocks.levenshtein(width, &refs, &lens, &mut lev);
                    blocks.indel(width, &refs, &lens, &mut ind);
                    blocks.osa(width, &refs, &lens, &mut osa);
                    for (p, c) in choices.iter().enumerate() {
                        assert_eq!(lev[p], uniform_distance(&q, c, usize::MAX, usize::MAX), "{width} {q:?} {c:?}");
                        assert_eq!(ind[p], Indel.raw_distance(&q, c, usize::MAX, usize::MAX), "{width} {q:?} {c:?}");
                        assert_eq!(osa[p], osa_distance(&q, c, usize::MAX), "{width} {q:?} {c:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_byte_value_in_the_query() {
        let all: Vec<u8> = (0..=255).collect();
        assert!(QuerySlots::new(&all).is_none());
        assert!(QuerySlots::new(&all[..248]).is_none());
        let most = &all[..247];
        let slots = QuerySlots::new(most).unwrap();
        let mut blocks = ChoiceBlocks::new(&slots);
        let choices: Vec<&[u8]> = vec![&all[..64], &all[192..], &all[240..250], &all[247..248]];
        let mut out = vec![0; 4];
        let lens: Vec<usize> = choices.iter().map(|c| c.len()).collect();
        blocks.levenshtein(64, &choices, &lens, &mut out);
        for (p, c) in choices.iter().enumerate() {
            assert_eq!(out[p], uniform_distance(most, c, usize::MAX, usize::MAX));
        }
        blocks.indel(64, &choices, &lens, &mut out);
        for (p, c) in choices.iter().enumerate() {
            assert_eq!(out[p], Indel.raw_distance(most, c, usize::MAX, usize::MAX));
        }
    }
}
