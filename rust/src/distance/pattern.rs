//! Pattern-match bit vectors for the bit-parallel algorithms.
//!
//! For a pattern `s1`, the match vector of a unit value `c` has bit `i` set
//! when `s1[i] == c`. Values below 256 live in a direct table; larger values
//! (code points, hashes) live in a small open-addressing hash map.

use crate::unit::Unit;

/// Open-addressing map from unit value to bit mask, sized for up to 64 keys.
#[derive(Clone)]
struct BitvectorHashmap {
    keys: [u64; 128],
    values: [u64; 128],
}

impl BitvectorHashmap {
    fn new() -> Self {
        BitvectorHashmap {
            keys: [0; 128],
            values: [0; 128],
        }
    }

    /// Slot of `key`: the slot holding it, or the empty slot where it belongs.
    /// Probing follows CPython's dict perturbation scheme.
    #[inline(always)]
    fn lookup(&self, key: u64) -> usize {
        let mut i = (key % 128) as usize;
        if self.values[i] == 0 || self.keys[i] == key {
            return i;
        }
        let mut perturb = key;
        i = ((i as u64 * 5 + perturb + 1) % 128) as usize;
        while self.values[i] != 0 && self.keys[i] != key {
            perturb >>= 5;
            i = ((i as u64 * 5 + perturb + 1) % 128) as usize;
        }
        i
    }

    #[inline(always)]
    fn get(&self, key: u64) -> u64 {
        self.values[self.lookup(key)]
    }

    #[inline(always)]
    fn insert_mask(&mut self, key: u64, mask: u64) {
        let i = self.lookup(key);
        self.keys[i] = key;
        self.values[i] |= mask;
    }
}

/// Match vectors of a pattern of at most 64 units.
#[derive(Clone)]
pub struct PatternMatchVector {
    ascii: [u64; 256],
    map: Option<Box<BitvectorHashmap>>,
}

impl PatternMatchVector {
    /// Builds the vectors of `s`, which must hold at most 64 units.
    pub fn new<T: Unit>(s: &[T]) -> Self {
        debug_assert!(s.len() <= 64);
        let mut pm = PatternMatchVector {
            ascii: [0; 256],
            map: None,
        };
        let mut mask = 1u64;
        for &unit in s {
            pm.insert_mask(unit.value(), mask);
            mask <<= 1;
        }
        pm
    }

    #[inline(always)]
    fn insert_mask(&mut self, key: u64, mask: u64) {
        if key < 256 {
            self.ascii[key as usize] |= mask;
        } else {
            self.map
                .get_or_insert_with(|| Box::new(BitvectorHashmap::new()))
                .insert_mask(key, mask);
        }
    }

    /// The match vector of the unit value `key`.
    #[inline(always)]
    pub fn get(&self, key: u64) -> u64 {
        if key < 256 {
            self.ascii[key as usize]
        } else {
            match &self.map {
                Some(map) => map.get(key),
                None => 0,
            }
        }
    }
}

/// Match vectors of a pattern of any length, in blocks of 64 units.
#[derive(Clone)]
pub struct BlockPatternMatchVector {
    block_count: usize,
    /// `ascii[key * block_count + block]`.
    ascii: Vec<u64>,
    /// One map per block, created when a unit value >= 256 appears.
    maps: Option<Vec<BitvectorHashmap>>,
}

impl BlockPatternMatchVector {
    pub fn new<T: Unit>(s: &[T]) -> Self {
        let block_count = s.len().div_ceil(64).max(1);
        let mut pm = BlockPatternMatchVector {
            block_count,
            ascii: vec![0; 256 * block_count],
            maps: None,
        };
        for (i, &unit) in s.iter().enumerate() {
            let key = unit.value();
            let block = i / 64;
            let mask = 1u64 << (i % 64);
            if key < 256 {
                pm.ascii[key as usize * block_count + block] |= mask;
            } else {
                let maps = pm
                    .maps
                    .get_or_insert_with(|| vec![BitvectorHashmap::new(); block_count]);
                maps[block].insert_mask(key, mask);
            }
        }
        pm
    }

    /// Number of 64-unit blocks.
    #[inline(always)]
    pub fn block_count(&self) -> usize {
        self.block_count
    }

    /// The match vectors of `key` in all blocks, when they are stored
    /// contiguously (unit values below 256); `None` for larger values.
    #[inline(always)]
    pub fn ascii_blocks(&self, key: u64) -> Option<&[u64]> {
        if key < 256 {
            let start = key as usize * self.block_count;
            Some(&self.ascii[start..start + self.block_count])
        } else {
            None
        }
    }

    /// The match vector of `key` within `block`.
    #[inline(always)]
    pub fn get(&self, block: usize, key: u64) -> u64 {
        if key < 256 {
            self.ascii[key as usize * self.block_count + block]
        } else {
            match &self.maps {
                Some(maps) => maps[block].get(key),
                None => 0,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_word_vectors() {
        let s: Vec<u32> = "abca\u{1F600}".chars().map(|c| c as u32).collect();
        let pm = PatternMatchVector::new(&s);
        assert_eq!(pm.get('a' as u64), 0b01001);
        assert_eq!(pm.get('b' as u64), 0b00010);
        assert_eq!(pm.get(0x1F600), 0b10000);
        assert_eq!(pm.get('z' as u64), 0);
        assert_eq!(pm.get(0x1F601), 0);
    }

    #[test]
    fn many_distinct_wide_keys() {
        let s: Vec<u64> = (0..64u64).map(|i| 1000 + i * 128).collect();
        let pm = PatternMatchVector::new(&s);
        for (i, &k) in s.iter().enumerate() {
            assert_eq!(pm.get(k), 1u64 << i);
        }
        assert_eq!(pm.get(999), 0);
    }

    #[test]
    fn block_vectors() {
        let s: Vec<u8> = (0..130).map(|i| if i % 2 == 0 { b'x' } else { b'y' }).collect();
        let pm = BlockPatternMatchVector::new(&s);
        assert_eq!(pm.block_count(), 3);
        assert_eq!(pm.get(0, b'x' as u64), 0x5555_5555_5555_5555);
        assert_eq!(pm.get(2, b'x' as u64), 0b01);
        assert_eq!(pm.get(2, b'y' as u64), 0b10);
        assert_eq!(pm.ascii_blocks(b'y' as u64), Some(&[!0x5555_5555_5555_5555u64, !0x5555_5555_5555_5555, 0b10][..]));
        assert_eq!(pm.ascii_blocks(300), None);
    }
}

/// Single-word match vectors, as used by the single-word kernels.
pub trait WordMatchVector {
    /// The match vector of the unit value `key`.
    fn get_word(&self, key: u64) -> u64;
}

impl WordMatchVector for PatternMatchVector {
    #[inline(always)]
    fn get_word(&self, key: u64) -> u64 {
        self.get(key)
    }
}

/// Evaluates `$body` with `$pm` bound to the match vectors of `$s` (at most
/// 64 units) in the table that is cheapest to build for its length: an
/// open-addressing [`SmallPatternMatchVector`] sized to the pattern up to 32
/// units, the 256-entry [`PatternMatchVector`] above. Building the 256-entry
/// table means clearing 2 KB, which dominated a short single-pair call.
/// `$body` is instantiated once per table type, so it may use `$pm` with any
/// function generic over [`WordMatchVector`].
macro_rules! with_word_pattern {
    ($s:expr, |$pm:ident| $body:expr) => {{
        let s = $s;
        match s.len() {
            0..=4 => {
                let $pm = &$crate::distance::pattern::SmallPatternMatchVector::<8>::new(s);
                $body
            }
            5..=8 => {
                let $pm = &$crate::distance::pattern::SmallPatternMatchVector::<16>::new(s);
                $body
            }
            9..=16 => {
                let $pm = &$crate::distance::pattern::SmallPatternMatchVector::<32>::new(s);
                $body
            }
            17..=32 => {
                let $pm = &$crate::distance::pattern::SmallPatternMatchVector::<64>::new(s);
                $body
            }
            _ => {
                let $pm = &$crate::distance::pattern::PatternMatchVector::new(s);
                $body
            }
        }
    }};
}
pub(crate) use with_word_pattern;

/// Match vectors of a short pattern in an open-addressing table of `N`
/// slots (`N` a power of two, at least 8 and at least twice the pattern
/// length). For short patterns it is much cheaper to build than the
/// 256-entry table of [`PatternMatchVector`].
#[derive(Clone)]
pub struct SmallPatternMatchVector<const N: usize> {
    keys: [u64; N],
    masks: [u64; N],
}

impl<const N: usize> SmallPatternMatchVector<N> {
    /// Builds the vectors of `s`, which must hold at most `min(64, N / 2)` units.
    #[inline]
    pub fn new<T: Unit>(s: &[T]) -> Self {
        debug_assert!(N.is_power_of_two() && N >= 8);
        debug_assert!(s.len() <= 64 && s.len() * 2 <= N);
        let mut pm = SmallPatternMatchVector {
            keys: [0; N],
            masks: [0; N],
        };
        let mut mask = 1u64;
        for &unit in s {
            let key = unit.value();
            let i = pm.slot(key);
            pm.keys[i] = key;
            pm.masks[i] |= mask;
            mask <<= 1;
        }
        pm
    }

    /// Slot of `key`: the one holding it, or the empty one where it belongs.
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - N.trailing_zeros())) as usize;
        while self.masks[i] != 0 && self.keys[i] != key {
            i = (i + 1) & (N - 1);
        }
        i
    }

    /// The match vector of the unit value `key`.
    #[inline(always)]
    pub fn get(&self, key: u64) -> u64 {
        self.masks[self.slot(key)]
    }
}

impl<const N: usize> WordMatchVector for SmallPatternMatchVector<N> {
    #[inline(always)]
    fn get_word(&self, key: u64) -> u64 {
        self.get(key)
    }
}

#[cfg(test)]
mod small_tests {
    use super::*;

    #[test]
    fn small_matches_full() {
        let s: Vec<u64> = vec![
            97,
            98,
            97,
            0x1F600,
            1 << 40,
            98,
            3,
            97,
            0,
            5,
            6,
            7,
            8,
            9,
            10,
            11,
        ];
        let full = PatternMatchVector::new(&s);
        let small = SmallPatternMatchVector::<32>::new(&s);
        for key in [0u64, 3, 5, 11, 12, 97, 98, 99, 0x1F600, 1 << 40, u64::MAX] {
            assert_eq!(small.get(key), full.get(key), "{key}");
        }
        let small = SmallPatternMatchVector::<8>::new(&s[..4]);
        assert_eq!(small.get(97), 0b101);
        assert_eq!(small.get(0x1F600), 0b1000);
        assert_eq!(small.get(1 << 40), 0);
    }
}
