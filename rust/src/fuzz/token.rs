//! Tokens: splitting on whitespace, sorting, joining, and the set
//! decomposition (intersection and both differences) of two token lists.

use super::FuzzUnit;
use crate::unit::Unit;
use std::cmp::Ordering;

/// rapidfuzz's whitespace for strings of 1-byte characters (CPython's
/// Latin-1 strings, `bytes`): ASCII whitespace only, U+0009-000D and
/// U+001C-0020.
#[inline]
pub fn is_space_narrow(value: u64) -> bool {
    matches!(value, 0x09..=0x0D | 0x1C..=0x20)
}

/// rapidfuzz's whitespace for wider strings: Python's `str.isspace` code
/// points, which add U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029,
/// U+202F, U+205F and U+3000 to the narrow set.
#[inline]
pub fn is_space(value: u64) -> bool {
    matches!(
        value,
        0x09..=0x0D
            | 0x1C..=0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// Which whitespace splits a string of a given unit type. rapidfuzz decides
/// by the width CPython stores a string in: a `str` whose code points are
/// all below 256 is a 1-byte string, and U+0085 and U+00A0 do not split it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitRule {
    /// Always [`is_space_narrow`] (`u8` units).
    Narrow,
    /// [`is_space_narrow`] when every unit is below 256, else [`is_space`]
    /// (`u32` code points).
    ByContent,
    /// Always [`is_space`] (`u64` units: hashed sequence elements).
    Wide,
}

/// The whitespace-separated tokens of `s`, sorted by their unit values.
pub fn sorted_split<T: FuzzUnit>(s: &[T]) -> Vec<&[T]> {
    let wide = match T::SPLIT {
        SplitRule::Narrow => false,
        SplitRule::ByContent => s.iter().any(|u| u.value() > 0xFF),
        SplitRule::Wide => true,
    };
    let mut words: Vec<&[T]> = if wide {
        s.split(|u| is_space(u.value())).filter(|w| !w.is_empty()).collect()
    } else {
        s.split(|u| is_space_narrow(u.value())).filter(|w| !w.is_empty()).collect()
    };
    words.sort_unstable();
    words
}

/// The tokens joined with single spaces.
pub fn join<T: FuzzUnit>(words: &[&[T]]) -> Vec<T> {
    let mut out = Vec::with_capacity(joined_len(words));
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(T::SPACE);
        }
        out.extend_from_slice(w);
    }
    out
}

/// Length of [`join`]'s result.
pub fn joined_len<T>(words: &[&[T]]) -> usize {
    if words.is_empty() {
        0
    } else {
        words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1
    }
}

/// Lexicographic order of two tokens by unit value.
#[inline]
fn compare<A: Unit, B: Unit>(a: &[A], b: &[B]) -> Ordering {
    for (x, y) in a.iter().zip(b.iter()) {
        match x.value().cmp(&y.value()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

/// The distinct tokens of two sorted token lists, split into those only in
/// `a`, only in `b`, and in both. Each list stays sorted.
pub struct Decomposition<'a, 'b, A, B> {
    pub difference_ab: Vec<&'a [A]>,
    pub difference_ba: Vec<&'b [B]>,
    pub intersection: Vec<&'a [A]>,
}

/// Decomposes two sorted token lists (duplicates allowed).
pub fn set_decomposition<'a, 'b, A: Unit, B: Unit>(a: &[&'a [A]], b: &[&'b [B]]) -> Decomposition<'a, 'b, A, B> {
    let mut d = Decomposition {
        difference_ab: Vec::new(),
        difference_ba: Vec::new(),
        intersection: Vec::new(),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        // Skip duplicates of the previous token on each side.
        if i > 0 && i < a.len() && a[i] == a[i - 1] {
            i += 1;
            continue;
        }
        if j > 0 && j < b.len() && b[j] == b[j - 1] {
            j += 1;
            continue;
        }
        let order = if i == a.len() {
            Ordering::Greater
        } else if j == b.len() {
            Ordering::Less
        } else {
            compare(a[i], b[j])
        };
        match order {
            Ordering::Less => {
                d.difference_ab.push(a[i]);
                i += 1;
            }
            Ordering::Greater => {
                d.difference_ba.push(b[j]);
                j += 1;
            }
            Ordering::Equal => {
                d.intersection.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_sort_join() {
        let s = b"  fuzzy was\ta bear\x0b ";
        let words = sorted_split(&s[..]);
        assert_eq!(join(&words), b"a bear fuzzy was".to_vec());
        assert_eq!(joined_len(&words), 16);
        let nb: Vec<u8> = b"a\xa0b\x85c".to_vec();
        assert_eq!(sorted_split(&nb).len(), 1);
        let latin1: Vec<u32> = vec![0x61, 0xA0, 0x62];
        assert_eq!(sorted_split(&latin1).len(), 1);
        let wide: Vec<u32> = vec![0x61, 0xA0, 0x62, 0x85, 0x100];
        assert_eq!(sorted_split(&wide).len(), 3);
        let hashes: Vec<u64> = vec![0x61, 0xA0, 0x62];
        assert_eq!(sorted_split(&hashes).len(), 2);
    }

    #[test]
    fn decomposition() {
        let a = sorted_split(&b"b a a c"[..]);
        let w: Vec<u32> = "c d d b".chars().map(|c| c as u32).collect();
        let b = sorted_split(&w);
        let d = set_decomposition(&a, &b);
        assert_eq!(d.intersection, vec![&b"b"[..], &b"c"[..]]);
        assert_eq!(d.difference_ab, vec![&b"a"[..]]);
        assert_eq!(d.difference_ba, vec![&[b'd' as u32][..]]);
    }
}
