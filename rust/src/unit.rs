//! Code units: the element types a sequence can be made of.
//!
//! Every metric compares sequences element by element, by numeric value.
//! A sequence is made of one of three unit types:
//! - `u8`: Latin-1 text (ASCII is a subset) or raw bytes;
//! - `u32`: Unicode code points (lone surrogates allowed, as in Python's `str`);
//! - `u64`: 64-bit hashes of the elements of an arbitrary sequence.
//!
//! Units of different types compare by value, so `b"a"` equals the code point
//! `'a'` and the hash value 97, as in rapidfuzz.

use std::hash::Hash;

/// One element of a sequence.
pub trait Unit: Copy + Eq + Hash + Send + Sync + std::fmt::Debug + 'static {
    /// The unit's value, which is what comparisons use.
    fn value(self) -> u64;
}

impl Unit for u8 {
    #[inline(always)]
    fn value(self) -> u64 {
        self as u64
    }
}

impl Unit for u32 {
    #[inline(always)]
    fn value(self) -> u64 {
        self as u64
    }
}

impl Unit for u64 {
    #[inline(always)]
    fn value(self) -> u64 {
        self
    }
}

/// A borrowed sequence of one of the three unit types.
#[derive(Clone, Copy, Debug)]
pub enum Seq<'a> {
    U8(&'a [u8]),
    U32(&'a [u32]),
    U64(&'a [u64]),
}

impl<'a> Seq<'a> {
    /// Number of elements.
    pub fn len(&self) -> usize {
        match self {
            Seq::U8(s) => s.len(),
            Seq::U32(s) => s.len(),
            Seq::U64(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element values as u64, for reference implementations and tests.
    pub fn values(&self) -> Vec<u64> {
        match self {
            Seq::U8(s) => s.iter().map(|&u| u.value()).collect(),
            Seq::U32(s) => s.iter().map(|&u| u.value()).collect(),
            Seq::U64(s) => s.iter().map(|&u| u.value()).collect(),
        }
    }
}

/// An owned sequence, stored in the narrowest unit type that holds it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OwnedSeq {
    U8(Vec<u8>),
    U32(Vec<u32>),
    U64(Vec<u64>),
}

impl OwnedSeq {
    pub fn as_seq(&self) -> Seq<'_> {
        match self {
            OwnedSeq::U8(v) => Seq::U8(v),
            OwnedSeq::U32(v) => Seq::U32(v),
            OwnedSeq::U64(v) => Seq::U64(v),
        }
    }

    /// Copies a sequence, narrowing code points to bytes when all are < 256.
    pub fn from_seq(seq: Seq<'_>) -> OwnedSeq {
        match seq {
            Seq::U8(s) => OwnedSeq::U8(s.to_vec()),
            Seq::U32(s) => {
                if s.iter().all(|&c| c < 256) {
                    OwnedSeq::U8(s.iter().map(|&c| c as u8).collect())
                } else {
                    OwnedSeq::U32(s.to_vec())
                }
            }
            Seq::U64(s) => OwnedSeq::U64(s.to_vec()),
        }
    }

    /// Code points of a Rust string.
    pub fn from_str(s: &str) -> OwnedSeq {
        if s.is_ascii() {
            OwnedSeq::U8(s.as_bytes().to_vec())
        } else {
            OwnedSeq::from_seq(Seq::U32(&s.chars().map(|c| c as u32).collect::<Vec<_>>()))
        }
    }

    pub fn len(&self) -> usize {
        self.as_seq().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Calls a generic function with the concrete slice types of one sequence.
///
/// `with_seq!(seq, |s| body)` runs `body` with `s` bound to a `&[u8]`,
/// `&[u32]` or `&[u64]`.
#[macro_export]
macro_rules! with_seq {
    ($seq:expr, |$s:ident| $body:expr) => {
        match $seq {
            $crate::unit::Seq::U8($s) => $body,
            $crate::unit::Seq::U32($s) => $body,
            $crate::unit::Seq::U64($s) => $body,
        }
    };
}

/// Calls a generic function with the concrete slice types of two sequences:
/// `with_seqs!(a, b, |x, y| body)` expands into the nine type combinations.
#[macro_export]
macro_rules! with_seqs {
    ($a:expr, $b:expr, |$x:ident, $y:ident| $body:expr) => {
        $crate::with_seq!($a, |$x| $crate::with_seq!($b, |$y| $body))
    };
}
