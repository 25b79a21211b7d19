//! Bit-parallel uniform Levenshtein and Indel of several short patterns
//! against one text at once (SWAR: SIMD within a register).
//!
//! Up to `N * 64 / width` patterns of at most `width` units each (`width`
//! 8, 16, 32 or 64) share `N` 64-bit words, one lane of `width` bits per
//! pattern. Hyyrö's Levenshtein recurrence and the Allison–Dix / Hyyrö LCS
//! recurrence run on all lanes together; lanes stay isolated because
//!
//! - the vertical-positive vector (`vp`) and the LCS state are kept inside
//!   each pattern's bits (`mask`), so an addition carries at most one bit
//!   past a pattern's last bit, which is still inside its lane, except when
//!   a pattern fills its lane: then the addition drops each lane's carry
//!   out (the `FULL` variant, a few more operations per step);
//! - a left shift moves a lane's top bit into the next lane's bit 0, which
//!   is then overwritten (`| low`) or cleared (`& !low`).
//!
//! Bits above a pattern's length may hold garbage; they never influence
//! lower bits (bits only flow upwards, by carries and left shifts), so the
//! pattern's own bits follow exactly the single-pattern recurrence. The
//! distance is read from the last column: `D[m][n] = n + popcount(vp) -
//! popcount(vn)` over the pattern's bits, so no per-step score tracking is
//! needed. Results are exact (no cutoff, no early exit).
//!
//! Plain `[u64; N]` loops: LLVM vectorises them with whatever the target
//! has (SSE2 on every x86-64), without intrinsics.

use crate::unit::Unit;

/// Words per multi-pattern; 4 (256 bits) vectorises into two SSE2
/// registers per operation.
pub(crate) const WORDS: usize = 8;

/// Lane width for a pattern of `len` units, if it is short enough.
#[inline]
pub fn lane_width(len: usize) -> Option<u32> {
    match len {
        1..=8 => Some(8),
        9..=16 => Some(16),
        17..=32 => Some(32),
        33..=64 => Some(64),
        _ => None,
    }
}

/// Up to `N * 64 / width` patterns in lanes of `width` bits.
pub struct MultiPattern<const N: usize> {
    width: u32,
    lens: Vec<usize>,
    /// Match vectors of unit values below 256.
    ascii: Box<[[u64; N]; 256]>,
    /// Match vectors of larger unit values, sorted by value.
    extra: Vec<(u64, [u64; N])>,
    /// The bits of every stored pattern.
    mask: [u64; N],
    /// Bit 0 of every lane.
    low: [u64; N],
    /// Top bit of every lane.
    high: [u64; N],
    /// True when some pattern fills its whole lane.
    full: bool,
}

#[inline(always)]
fn lane_ones(width: u32) -> u64 {
    if width == 64 {
        !0
    } else {
        (1u64 << width) - 1
    }
}

impl<const N: usize> MultiPattern<N> {
    /// An empty multi-pattern with lanes of `width` bits (8, 16, 32, 64).
    pub fn new(width: u32) -> Self {
        assert!(matches!(width, 8 | 16 | 32 | 64));
        let mut low = 0u64;
        let mut high = 0u64;
        for lane in 0..64 / width {
            low |= 1 << (lane * width);
            high |= 1 << (lane * width + width - 1);
        }
        MultiPattern {
            width,
            lens: Vec::with_capacity(Self::capacity_for(width)),
            ascii: Box::new([[0; N]; 256]),
            extra: Vec::new(),
            mask: [0; N],
            low: [low; N],
            high: [high; N],
            full: false,
        }
    }

    /// Patterns that fit with lanes of `width` bits.
    pub fn capacity_for(width: u32) -> usize {
        N * 64 / width as usize
    }

    pub fn len(&self) -> usize {
        self.lens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.lens.len() == Self::capacity_for(self.width)
    }

    /// (word, bit offset) of lane `p`.
    #[inline(always)]
    fn place(&self, p: usize) -> (usize, u32) {
        let bit = p * self.width as usize;
        (bit / 64, (bit % 64) as u32)
    }

    /// Adds a pattern of 1..=width units in the next lane.
    pub fn push<T: Unit>(&mut self, s: &[T]) {
        assert!(!s.is_empty() && s.len() <= self.width as usize && !self.is_full());
        let (word, shift) = self.place(self.lens.len());
        self.lens.push(s.len());
        self.full |= s.len() == self.width as usize;
        self.mask[word] |= lane_ones(s.len() as u32) << shift;
        for (i, &u) in s.iter().enumerate() {
            let bit = 1u64 << (shift + i as u32);
            let key = u.value();
            if key < 256 {
                self.ascii[key as usize][word] |= bit;
            } else {
                match self.extra.binary_search_by_key(&key, |e| e.0) {
                    Ok(at) => self.extra[at].1[word] |= bit,
                    Err(at) => {
                        let mut v = [0u64; N];
                        v[word] = bit;
                        self.extra.insert(at, (key, v));
                    }
                }
            }
        }
    }

    #[inline(always)]
    fn get(&self, key: u64) -> [u64; N] {
        if key < 256 {
            self.ascii[key as usize]
        } else {
            match self.extra.binary_search_by_key(&key, |e| e.0) {
                Ok(at) => self.extra[at].1,
                Err(_) => [0; N],
            }
        }
    }

    /// The pattern lengths, lane by lane.
    pub fn lens(&self) -> &[usize] {
        &self.lens
    }

    /// Per-lane popcount of `v & mask` (the baseline x86-64 target has no
    /// popcnt instruction, so all lanes are counted together): each lane
    /// ends up holding its count.
    #[inline(always)]
    fn lane_counts(&self, v: &[u64; N]) -> [u64; N] {
        const M1: u64 = 0x5555_5555_5555_5555;
        const M2: u64 = 0x3333_3333_3333_3333;
        const M4: u64 = 0x0f0f_0f0f_0f0f_0f0f;
        let mut out = [0u64; N];
        for i in 0..N {
            let mut x = v[i] & self.mask[i];
            x -= (x >> 1) & M1;
            x = (x & M2) + ((x >> 2) & M2);
            x = (x + (x >> 4)) & M4;
            if self.width >= 16 {
                x = (x + (x >> 8)) & 0x00ff_00ff_00ff_00ff;
            }
            if self.width >= 32 {
                x = (x + (x >> 16)) & 0x0000_ffff_0000_ffff;
            }
            if self.width >= 64 {
                x = (x + (x >> 32)) & 0xffff_ffff;
            }
            out[i] = x;
        }
        out
    }

    /// Lane `p` of per-lane counts.
    #[inline(always)]
    fn lane(&self, counts: &[u64; N], p: usize) -> usize {
        let (word, shift) = self.place(p);
        ((counts[word] >> shift) & lane_ones(self.width)) as usize
    }

    /// Uniform Levenshtein distance of every pattern and `text`, into
    /// `out[..self.len()]`.
    pub fn levenshtein<T: Unit>(&self, text: &[T], out: &mut [usize]) {
        self.edit_distances::<T, false>(text, out)
    }

    /// OSA distance (Levenshtein plus transpositions of adjacent units,
    /// no substring edited twice) of every pattern and `text`, into
    /// `out[..self.len()]`.
    pub fn osa<T: Unit>(&self, text: &[T], out: &mut [usize]) {
        self.edit_distances::<T, true>(text, out)
    }

    /// The last column's vertical deltas give each lane's distance.
    #[inline(always)]
    fn edit_distances<T: Unit, const OSA: bool>(&self, text: &[T], out: &mut [usize]) {
        let (vp, vn) = if self.full { self.hyyro::<T, true, OSA>(text) } else { self.hyyro::<T, false, OSA>(text) };
        let (up, down) = (self.lane_counts(&vp), self.lane_counts(&vn));
        for (p, o) in out[..self.lens.len()].iter_mut().enumerate() {
            *o = text.len() + self.lane(&up, p) - self.lane(&down, p);
        }
    }

    /// Indel distance (`len1 + len2 - 2 * LCS`) of every pattern and
    /// `text`, into `out[..self.len()]`.
    pub fn indel<T: Unit>(&self, text: &[T], out: &mut [usize]) {
        let s = if self.full { self.lcs::<T, true>(text) } else { self.lcs::<T, false>(text) };
        let kept = self.lane_counts(&s);
        for (p, o) in out[..self.lens.len()].iter_mut().enumerate() {
            let len1 = self.lens[p];
            let lcs = len1 - self.lane(&kept, p);
            *o = len1 + text.len() - 2 * lcs;
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
    /// transposition term, as the single-word kernel in `distance::osa`
    /// computes it: a row is also a zero step when it matches the previous
    /// text unit, the row above matches this one, and the previous column's
    /// diagonal there was not a zero step. The shift stays within each lane
    /// (`!low`). Without `OSA` the term and its state fold away.
    #[inline(always)]
    fn hyyro<T: Unit, const FULL: bool, const OSA: bool>(&self, text: &[T]) -> ([u64; N], [u64; N]) {
        let (mask, low, high) = (self.mask, self.low, self.high);
        let mut vp = mask;
        let mut vn = [0u64; N];
        let mut d0_prev = [0u64; N];
        let mut pm_prev = [0u64; N];
        for &c in text {
            let pm = self.get(c.value());
            for i in 0..N {
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

    /// The final LCS state: a pattern bit is 0 when that row raised the LCS.
    #[inline(always)]
    fn lcs<T: Unit, const FULL: bool>(&self, text: &[T]) -> [u64; N] {
        let (mask, high) = (self.mask, self.high);
        let mut s = mask;
        for &c in text {
            let pm = self.get(c.value());
            for i in 0..N {
                let u = s[i] & pm[i];
                s[i] = (Self::add::<FULL>(s[i], u, high[i]) | (s[i] & !pm[i])) & mask[i];
            }
        }
        s
    }
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

    /// Random values from a small alphabet (so that matches are common),
    /// with some values >= 256.
    fn word(s: &mut u64, len: usize) -> Vec<u64> {
        const ALPHABET: [u64; 6] = [97, 98, 99, 0xE9, 0x1F600, 0x100];
        (0..len).map(|_| ALPHABET[(rng(s) % 6) as usize]).collect()
    }

    fn check<const N: usize>(seed: u64) {
        let mut s = seed;
        for width in [8u32, 16, 32, 64] {
            let cap = MultiPattern::<N>::capacity_for(width);
            for round in 0..40 {
                let mut mp = MultiPattern::<N>::new(width);
                let mut pats = Vec::new();
                // Vary the number of patterns, including partly filled groups.
                let count = if round % 3 == 0 { 1 + (rng(&mut s) as usize % cap) } else { cap };
                for _ in 0..count {
                    let len = 1 + (rng(&mut s) as usize % width as usize);
                    let len = if round % 4 == 1 { width as usize } else { len };
                    let p = word(&mut s, len);
                    match round % 3 {
                        0 => mp.push(&p),
                        1 => mp.push(&p.iter().map(|&v| v as u32).collect::<Vec<u32>>()),
                        _ => {
                            let p8: Vec<u8> = p.iter().map(|&v| v as u8).collect();
                            mp.push(&p8);
                        }
                    }
                    let p: Vec<u64> = match round % 3 {
                        0 => p,
                        1 => p.iter().map(|&v| v as u32 as u64).collect(),
                        _ => p.iter().map(|&v| v as u8 as u64).collect(),
                    };
                    pats.push(p);
                }
                for tl in 0..=70 {
                    let t = word(&mut s, tl);
                    let t8: Vec<u8> = t.iter().map(|&v| v as u8).collect();
                    let t32: Vec<u32> = t.iter().map(|&v| v as u32).collect();
                    let mut lev = vec![0; cap];
                    let mut ind = vec![0; cap];
                    mp.levenshtein(&t, &mut lev);
                    mp.indel(&t, &mut ind);
                    let mut osa = vec![0; cap];
                    mp.osa(&t, &mut osa);
                    let mut lev8 = vec![0; cap];
                    let mut lev32 = vec![0; cap];
                    mp.levenshtein(&t8, &mut lev8);
                    mp.levenshtein(&t32, &mut lev32);
                    let t8v: Vec<u64> = t8.iter().map(|&v| v as u64).collect();
                    let t32v: Vec<u64> = t32.iter().map(|&v| v as u64).collect();
                    for (p, pat) in pats.iter().enumerate() {
                        assert_eq!(lev[p], uniform_distance(pat, &t, usize::MAX, usize::MAX), "{width} {pat:?} {t:?}");
                        assert_eq!(ind[p], Indel.raw_distance(pat, &t, usize::MAX, usize::MAX), "{width} {pat:?} {t:?}");
                        assert_eq!(osa[p], osa_distance(pat, &t, usize::MAX), "osa {width} {pat:?} {t:?}");
                        assert_eq!(lev8[p], uniform_distance(pat, &t8v, usize::MAX, usize::MAX));
                        assert_eq!(lev32[p], uniform_distance(pat, &t32v, usize::MAX, usize::MAX));
                    }
                }
            }
        }
    }

    #[test]
    fn equals_single_kernels_n1() {
        check::<1>(7);
    }

    #[test]
    fn equals_single_kernels_n2() {
        check::<2>(8);
    }

    #[test]
    fn equals_single_kernels_n4() {
        check::<4>(9);
    }

    #[test]
    fn equals_single_kernels_n8() {
        check::<8>(10);
    }

    #[test]
    fn every_length_in_every_lane() {
        // Each length 1..=width in each lane position, against texts of 0..=64.
        let mut s = 3u64;
        for width in [8u32, 16, 32, 64] {
            let cap = MultiPattern::<WORDS>::capacity_for(width);
            for len in 1..=width as usize {
                let mut mp = MultiPattern::<WORDS>::new(width);
                let pats: Vec<Vec<u64>> = (0..cap).map(|_| word(&mut s, len)).collect();
                for p in &pats {
                    mp.push(p);
                }
                for tl in 0..=64 {
                    let t = word(&mut s, tl);
                    let mut lev = vec![0; cap];
                    let mut ind = vec![0; cap];
                    mp.levenshtein(&t, &mut lev);
                    mp.indel(&t, &mut ind);
                    for (p, pat) in pats.iter().enumerate() {
                        assert_eq!(lev[p], uniform_distance(pat, &t, usize::MAX, usize::MAX));
                        assert_eq!(ind[p], Indel.raw_distance(pat, &t, usize::MAX, usize::MAX));
                    }
                }
            }
        }
    }
}
