//! `utils.default_process`: lowercase alphanumeric characters, turn every
//! other character into a space, and trim spaces from both ends.
//!
//! "Alphanumeric" and "lowercase" are rapidfuzz's definitions: Python's
//! `str.isalnum` under Unicode 13.0 and the simple (one-to-one) lowercase
//! mapping, from the generated tables in `unicode_tables.rs`. Surrogate
//! code points and values above U+10FFFF are not alphanumeric.

use super::unicode_tables::{ALNUM_RANGES, LOWERCASE};
use crate::unit::{OwnedSeq, Seq};
use std::sync::OnceLock;

const SPACE: u32 = 0x20;

fn is_alnum(c: u32) -> bool {
    ALNUM_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn lowercase(c: u32) -> u32 {
    match LOWERCASE.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => LOWERCASE[i].1,
        Err(_) => c,
    }
}

/// What `default_process` turns the code point `c` into: its lowercase when
/// it is alphanumeric, else a space.
#[inline]
pub fn default_process_char(c: u32) -> u32 {
    if c < 0x80 {
        let b = c as u8;
        return if b.is_ascii_alphanumeric() { b.to_ascii_lowercase() as u32 } else { SPACE };
    }
    if is_alnum(c) {
        lowercase(c)
    } else {
        SPACE
    }
}

/// The Latin-1 table: every byte's image (Latin-1 lowercase stays in Latin-1).
fn latin1_table() -> &'static [u8; 256] {
    static TABLE: OnceLock<[u8; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mapped = default_process_char(i as u32);
            debug_assert!(mapped < 256);
            *slot = mapped as u8;
        }
        t
    })
}

fn trim<T: Copy + PartialEq>(v: &[T], space: T) -> &[T] {
    let start = v.iter().position(|&u| u != space).unwrap_or(v.len());
    let end = v.iter().rposition(|&u| u != space).map_or(start, |e| e + 1);
    &v[start..end]
}

/// `default_process` of Latin-1 text.
pub fn default_process_u8(s: &[u8]) -> Vec<u8> {
    let table = latin1_table();
    let mapped: Vec<u8> = s.iter().map(|&b| table[b as usize]).collect();
    trim(&mapped, b' ').to_vec()
}

/// `default_process` of code points.
pub fn default_process_u32(s: &[u32]) -> Vec<u32> {
    let mapped: Vec<u32> = s.iter().map(|&c| default_process_char(c)).collect();
    trim(&mapped, SPACE).to_vec()
}

/// `default_process` of 64-bit values, read as code points.
pub fn default_process_u64(s: &[u64]) -> Vec<u64> {
    let mapped: Vec<u64> = s
        .iter()
        .map(|&v| if v <= 0x10FFFF { default_process_char(v as u32) as u64 } else { SPACE as u64 })
        .collect();
    trim(&mapped, SPACE as u64).to_vec()
}

/// `default_process` of a sequence, in the same unit type.
pub fn default_process(s: Seq<'_>) -> OwnedSeq {
    match s {
        Seq::U8(v) => OwnedSeq::U8(default_process_u8(v)),
        Seq::U32(v) => OwnedSeq::U32(default_process_u32(v)),
        Seq::U64(v) => OwnedSeq::U64(default_process_u64(v)),
    }
}

/// `default_process` of a Rust string.
pub fn default_process_str(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| char::from_u32(default_process_char(c as u32)).unwrap_or(' '))
        .collect();
    mapped.trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(default_process_str("  Ab-C  "), "ab c");
        assert_eq!(default_process_str("aİb"), "aib");
        assert_eq!(default_process_str("ΑΣ Σ"), "ασ σ");
        assert_eq!(default_process_str(" \u{a0}x\u{85}"), "x");
        assert_eq!(default_process_str("\u{870}"), "");
        assert_eq!(default_process_u8(b"\xC0B\xD7c"), b"\xE0b c".to_vec());
        assert_eq!(default_process_u32(&[0xD800, 0x41]), vec![0x61]);
        assert_eq!(default_process_u64(&[u64::MAX, 0x41, 0x20]), vec![0x61]);
    }

    #[test]
    fn tables_are_sorted() {
        assert!(ALNUM_RANGES.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(LOWERCASE.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
