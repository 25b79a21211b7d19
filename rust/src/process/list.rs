//! A packed list of sequences: all units of one type back to back, split by
//! lengths. One allocation instead of one per string.

use crate::fuzz::token::{join, sorted_split};
use crate::fuzz::FuzzUnit;
use crate::unit::Seq;
use std::borrow::Cow;

/// The units of a packed list, borrowed when the caller's buffer could be
/// used in place, owned when it had to be copied (misaligned).
#[derive(Clone, Debug)]
pub enum Units<'a> {
    U8(Cow<'a, [u8]>),
    U32(Cow<'a, [u32]>),
    U64(Cow<'a, [u64]>),
}

impl Units<'_> {
    pub fn len(&self) -> usize {
        match self {
            Units::U8(u) => u.len(),
            Units::U32(u) => u.len(),
            Units::U64(u) => u.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `count` sequences stored back to back.
#[derive(Clone, Debug)]
pub struct StrList<'a> {
    units: Units<'a>,
    /// `offsets[i]..offsets[i + 1] - gap` is sequence `i`; `count + 1`
    /// entries.
    offsets: Vec<usize>,
    /// 1 when the sequences are separated by one unit, else 0.
    gap: usize,
}

impl<'a> StrList<'a> {
    /// Splits `units` by `lengths`, which must add up to exactly
    /// `units.len()` and each be at most `max_len`.
    pub fn new(units: Units<'a>, lengths: &[usize], max_len: usize) -> Result<Self, String> {
        let mut offsets = Vec::with_capacity(lengths.len() + 1);
        offsets.push(0usize);
        let mut total = 0usize;
        for (i, &len) in lengths.iter().enumerate() {
            if len > max_len {
                return Err(format!("lengths[{i}] = {len} exceeds the limit of {max_len} units"));
            }
            total = total
                .checked_add(len)
                .filter(|&t| t <= units.len())
                .ok_or_else(|| {
                    format!(
                        "the lengths add up to more than the {} units of data (at lengths[{i}])",
                        units.len()
                    )
                })?;
            offsets.push(total);
        }
        if total != units.len() {
            return Err(format!(
                "the lengths add up to {total} units but data holds {}",
                units.len()
            ));
        }
        Ok(StrList { units, offsets, gap: 0 })
    }

    /// Splits `units` at every unit of value 0, which belongs to no
    /// sequence; there must be exactly `count - 1` of them (and no units
    /// at all when `count` is 0).
    pub fn separated(units: Units<'a>, count: usize, max_len: usize) -> Result<Self, String> {
        let n = units.len();
        if count == 0 {
            return if n == 0 {
                Ok(StrList { units, offsets: vec![0], gap: 1 })
            } else {
                Err(format!("count is 0 but data holds {n} units"))
            };
        }
        let mut offsets = Vec::with_capacity(count + 1);
        offsets.push(0usize);
        match &units {
            Units::U8(u) => byte_separators(u, count, &mut offsets),
            Units::U32(u) => separators(u, 0u32, count, &mut offsets),
            Units::U64(u) => separators(u, 0u64, count, &mut offsets),
        }
        if offsets.len() != count {
            return Err(format!(
                "separated list: found {} strings (a unit of value 0 ends each but the last), expected count = {count}",
                offsets.len()
            ));
        }
        offsets.push(n + 1);
        if let Some(i) = (0..count).find(|&i| offsets[i + 1] - 1 - offsets[i] > max_len) {
            return Err(format!("string {i} exceeds the limit of {max_len} units"));
        }
        Ok(StrList { units, offsets, gap: 1 })
    }

    /// A list of owned copies, for tests and Rust callers.
    pub fn from_strs(items: &[&str]) -> StrList<'static> {
        let wide = items.iter().any(|s| s.chars().any(|c| c as u32 > 255));
        let lengths: Vec<usize> = items.iter().map(|s| s.chars().count()).collect();
        let units = if wide {
            Units::U32(Cow::Owned(items.iter().flat_map(|s| s.chars().map(|c| c as u32)).collect()))
        } else {
            Units::U8(Cow::Owned(items.iter().flat_map(|s| s.chars().map(|c| c as u8)).collect()))
        };
        StrList::new(units, &lengths, usize::MAX).expect("consistent by construction")
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sequence `i`. Panics when out of range.
    #[inline]
    pub fn get(&self, i: usize) -> Seq<'_> {
        let (a, b) = (self.offsets[i], self.offsets[i + 1] - self.gap);
        match &self.units {
            Units::U8(u) => Seq::U8(&u[a..b]),
            Units::U32(u) => Seq::U32(&u[a..b]),
            Units::U64(u) => Seq::U64(&u[a..b]),
        }
    }
}

impl StrList<'_> {
    /// The list with each sequence's tokens sorted and joined by single
    /// spaces (token_sort_ratio's preprocessing, as
    /// [`crate::fuzz::token::sorted_split`] and [`crate::fuzz::token::join`]
    /// do it), in a new list of the same unit type.
    pub fn token_sorted(&self) -> StrList<'static> {
        fn sorted<'s, T: FuzzUnit + 's>(items: impl Iterator<Item = &'s [T]>, lengths: &mut Vec<usize>) -> Vec<T> {
            let mut units = Vec::new();
            for item in items {
                let joined = join(&sorted_split(item));
                lengths.push(joined.len());
                units.extend_from_slice(&joined);
            }
            units
        }
        let n = self.len();
        let mut lengths = Vec::with_capacity(n);
        // One unit type per list (`get` returns the variant of `units`).
        let units = match &self.units {
            Units::U8(_) => Units::U8(Cow::Owned(sorted(
                (0..n).map(|i| if let Seq::U8(s) = self.get(i) { s } else { unreachable!() }),
                &mut lengths,
            ))),
            Units::U32(_) => Units::U32(Cow::Owned(sorted(
                (0..n).map(|i| if let Seq::U32(s) = self.get(i) { s } else { unreachable!() }),
                &mut lengths,
            ))),
            Units::U64(_) => Units::U64(Cow::Owned(sorted(
                (0..n).map(|i| if let Seq::U64(s) = self.get(i) { s } else { unreachable!() }),
                &mut lengths,
            ))),
        };
        StrList::new(units, &lengths, usize::MAX).expect("consistent by construction")
    }

    /// Byte sequence `i` (None for wider units) and, when the data holds
    /// them, the bytes that follow it up to `at_least` in all: a view for
    /// kernels that may read past a string's end. Panics when out of range.
    #[inline]
    pub fn bytes_padded(&self, i: usize, at_least: usize) -> Option<(&[u8], usize)> {
        let Units::U8(u) = &self.units else { return None };
        let (a, b) = (self.offsets[i], self.offsets[i + 1] - self.gap);
        let end = if a + at_least <= u.len() { a + at_least.max(b - a) } else { b };
        Some((&u[a..end], b - a))
    }
}

/// Pushes the start of each string after a separator, stopping once more
/// than `count` strings are found.
fn separators<T: Copy + PartialEq>(units: &[T], sep: T, count: usize, offsets: &mut Vec<usize>) {
    for (i, &u) in units.iter().enumerate() {
        if u == sep {
            offsets.push(i + 1);
            if offsets.len() > count {
                return;
            }
        }
    }
}

/// [`separators`] for bytes, eight at a time: each zero byte of a word is
/// found from an exact zero-byte mask (no false positives), lowest first.
fn byte_separators(units: &[u8], count: usize, offsets: &mut Vec<usize>) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut words = units.chunks_exact(8);
    let mut base = 0usize;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        // High bit of each byte set iff that byte is 0.
        let mut zeros = !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
        while zeros != 0 {
            offsets.push(base + (zeros.trailing_zeros() / 8) as usize + 1);
            if offsets.len() > count {
                return;
            }
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == 0 {
            offsets.push(base + i + 1);
            if offsets.len() > count {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_validates() {
        let data = b"abcde".to_vec();
        let list = StrList::new(Units::U8(Cow::Owned(data.clone())), &[2, 0, 3], 10).unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list.get(0).values(), vec![97, 98]);
        assert!(list.get(1).is_empty());
        assert_eq!(list.get(2).values(), vec![99, 100, 101]);
        assert!(StrList::new(Units::U8(Cow::Owned(data.clone())), &[2, 2], 10).is_err());
        assert!(StrList::new(Units::U8(Cow::Owned(data.clone())), &[2, 4], 10).is_err());
        assert!(StrList::new(Units::U8(Cow::Owned(data.clone())), &[usize::MAX, 6], usize::MAX).is_err());
        assert!(StrList::new(Units::U8(Cow::Owned(data)), &[5], 4).is_err());
        let empty = StrList::new(Units::U64(Cow::Owned(vec![])), &[], 10).unwrap();
        assert!(empty.is_empty());
        let sep = StrList::separated(Units::U8(Cow::Owned(b"ab\0\0cde".to_vec())), 3, 10).unwrap();
        assert_eq!((sep.len(), sep.get(0).values(), sep.get(1).len(), sep.get(2).values()), (3, vec![97, 98], 0, vec![99, 100, 101]));
        let long: Vec<u8> = (0..1000u32).map(|i| if i % 7 == 3 { 0 } else { b'a' + (i % 5) as u8 }).collect();
        let n = long.iter().filter(|&&b| b == 0).count() + 1;
        let split = StrList::separated(Units::U8(Cow::Owned(long.clone())), n, 10).unwrap();
        let want: Vec<&[u8]> = long.split(|&b| b == 0).collect();
        assert_eq!(split.len(), want.len());
        for (i, w) in want.iter().enumerate() {
            assert_eq!(split.get(i).values(), w.iter().map(|&b| b as u64).collect::<Vec<_>>());
        }
        let one = StrList::separated(Units::U32(Cow::Owned(vec![])), 1, 10).unwrap();
        assert_eq!((one.len(), one.get(0).len()), (1, 0));
        assert!(StrList::separated(Units::U8(Cow::Owned(b"a\0b".to_vec())), 3, 10).is_err());
        assert!(StrList::separated(Units::U8(Cow::Owned(b"a\0b".to_vec())), 1, 10).is_err());
        assert!(StrList::separated(Units::U8(Cow::Owned(b"a".to_vec())), 0, 10).is_err());
        assert!(StrList::separated(Units::U8(Cow::Owned(b"abc".to_vec())), 1, 2).is_err());
        let wide = StrList::from_strs(&["é😀", "a"]);
        assert_eq!(wide.get(0).values(), vec![0xE9, 0x1F600]);
    }
}
