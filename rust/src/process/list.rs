//! A packed list of sequences: all units of one type back to back, split by
//! lengths. One allocation instead of one per string.

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
    /// `offsets[i]..offsets[i + 1]` is sequence `i`; `count + 1` entries.
    offsets: Vec<usize>,
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
        Ok(StrList { units, offsets })
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
        let (a, b) = (self.offsets[i], self.offsets[i + 1]);
        match &self.units {
            Units::U8(u) => Seq::U8(&u[a..b]),
            Units::U32(u) => Seq::U32(&u[a..b]),
            Units::U64(u) => Seq::U64(&u[a..b]),
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
        let wide = StrList::from_strs(&["é😀", "a"]);
        assert_eq!(wide.get(0).values(), vec![0xE9, 0x1F600]);
    }
}
