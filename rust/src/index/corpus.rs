//! Compact storage of an index's choices.
//!
//! All choices live in three arenas, one per unit type; each choice is an
//! (offset, length, type) record. A choice is stored in the narrowest unit
//! type that holds it, so ASCII and Latin-1 names cost one byte per code
//! point plus a 12-byte record, instead of a heap allocation each.

use super::persist::{Counts, LoadError, Reader, Writer};
use super::signature::{signature, Signature};
use crate::unit::{OwnedSeq, Seq};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Width {
    U8 = 1,
    U32 = 4,
    U64 = 8,
}

/// Where a choice lives: its width in the top two bits, its offset into
/// that width's arena (in units) in the rest.
#[derive(Clone, Copy, Debug)]
struct Place(u64);

const WIDTH_SHIFT: u32 = 62;

impl Place {
    fn new(width: Width, offset: usize) -> Place {
        let tag = match width {
            Width::U8 => 0u64,
            Width::U32 => 1,
            Width::U64 => 2,
        };
        Place(tag << WIDTH_SHIFT | offset as u64)
    }

    #[inline(always)]
    fn width(self) -> Width {
        match self.0 >> WIDTH_SHIFT {
            0 => Width::U8,
            1 => Width::U32,
            _ => Width::U64,
        }
    }

    #[inline(always)]
    fn offset(self) -> usize {
        (self.0 & ((1u64 << WIDTH_SHIFT) - 1)) as usize
    }
}

/// The signature of a sequence (see [`super::signature`]).
pub fn signature_of(seq: Seq<'_>) -> Signature {
    crate::with_seq!(seq, |s| signature(s.iter().map(|u| crate::unit::Unit::value(*u))))
}

/// The choices of an index, in insertion order: 16 bytes of bookkeeping per
/// choice (place 8, length 4, class-count signature 8) besides the units.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    bytes: Vec<u8>,
    wide: Vec<u32>,
    hashes: Vec<u64>,
    places: Vec<Place>,
    lens: Vec<u32>,
    signatures: Vec<Signature>,
}

impl Corpus {
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Appends a choice, narrowing code points below 256 to bytes. Choices
    /// longer than `u32::MAX` units are rejected by the callers' limits.
    pub fn push(&mut self, seq: Seq<'_>) {
        let len = seq.len();
        assert!(len <= u32::MAX as usize, "choice longer than u32::MAX units");
        let place = match seq {
            Seq::U8(s) => {
                let place = Place::new(Width::U8, self.bytes.len());
                self.bytes.extend_from_slice(s);
                place
            }
            Seq::U32(s) if s.iter().all(|&c| c < 256) => {
                let place = Place::new(Width::U8, self.bytes.len());
                self.bytes.extend(s.iter().map(|&c| c as u8));
                place
            }
            Seq::U32(s) => {
                let place = Place::new(Width::U32, self.wide.len());
                self.wide.extend_from_slice(s);
                place
            }
            Seq::U64(s) => {
                let place = Place::new(Width::U64, self.hashes.len());
                self.hashes.extend_from_slice(s);
                place
            }
        };
        self.places.push(place);
        self.lens.push(len as u32);
        self.signatures.push(signature_of(seq));
    }

    /// The choice at `i`. Panics if `i` is out of range.
    #[inline]
    pub fn get(&self, i: usize) -> Seq<'_> {
        let place = self.places[i];
        let start = place.offset();
        let end = start + self.lens[i] as usize;
        match place.width() {
            Width::U8 => Seq::U8(&self.bytes[start..end]),
            Width::U32 => Seq::U32(&self.wide[start..end]),
            Width::U64 => Seq::U64(&self.hashes[start..end]),
        }
    }

    /// The bytes of choice `i` when it is stored as bytes, running on past
    /// its end up to `at_least` bytes where the arena has them, and its
    /// length.
    #[inline]
    pub fn bytes_padded(&self, i: usize, at_least: usize) -> Option<(&[u8], usize)> {
        let place = self.places[i];
        if place.width() != Width::U8 {
            return None;
        }
        let (start, len) = (place.offset(), self.lens[i] as usize);
        let end = (start + len.max(at_least)).min(self.bytes.len());
        Some((&self.bytes[start..end], len))
    }

    /// Length of the choice at `i`, in units.
    #[inline(always)]
    pub fn len_of(&self, i: usize) -> usize {
        self.lens[i] as usize
    }

    /// The class-count signature of choice `i`.
    #[inline(always)]
    pub fn signature_of(&self, i: usize) -> Signature {
        self.signatures[i]
    }

    /// An owned copy of choice `i`.
    pub fn to_owned_seq(&self, i: usize) -> OwnedSeq {
        OwnedSeq::from_seq(self.get(i))
    }

    /// Bytes of heap memory held.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.wide.capacity() * 4
            + self.hashes.capacity() * 8
            + self.places.capacity() * 8
            + self.lens.capacity() * 4
            + self.signatures.capacity() * 8
    }

    /// Releases spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.wide.shrink_to_fit();
        self.hashes.shrink_to_fit();
        self.places.shrink_to_fit();
        self.lens.shrink_to_fit();
        self.signatures.shrink_to_fit();
    }
}

impl Corpus {
    /// Sizes of the three arenas, in units.
    pub fn arena_lens(&self) -> (usize, usize, usize) {
        (self.bytes.len(), self.wide.len(), self.hashes.len())
    }

    /// Appends the arenas, then each choice's place and length.
    pub fn write_to(&self, w: &mut Writer) {
        w.bytes(&self.bytes);
        for &u in &self.wide {
            w.u32(u);
        }
        for &u in &self.hashes {
            w.u64(u);
        }
        for p in &self.places {
            w.u64(p.0);
        }
        for &len in &self.lens {
            w.u32(len);
        }
    }

    /// Reads what [`Corpus::write_to`] wrote, checking every place.
    pub fn read_from(r: &mut Reader<'_>, counts: &Counts) -> Result<Corpus, LoadError> {
        let mut c = Corpus {
            bytes: r.bytes(counts.bytes as usize).to_vec(),
            wide: (0..counts.wide).map(|_| r.u32()).collect(),
            hashes: (0..counts.hashes).map(|_| r.u64()).collect(),
            ..Corpus::default()
        };
        let n = counts.choices as usize;
        c.places = (0..n).map(|_| Place(r.u64())).collect();
        c.lens = (0..n).map(|_| r.u32()).collect();
        for i in 0..n {
            let place = c.places[i];
            let arena = match place.0 >> WIDTH_SHIFT {
                0 => c.bytes.len(),
                1 => c.wide.len(),
                2 => c.hashes.len(),
                tag => return Err(LoadError::Corrupt(format!("choice {i} has unknown width tag {tag}"))),
            };
            let end = place.offset().checked_add(c.lens[i] as usize);
            if end.is_none_or(|e| e > arena) {
                return Err(LoadError::Corrupt(format!("choice {i} lies outside its arena")));
            }
        }
        c.signatures = (0..n).map(|i| signature_of(c.get(i))).collect();
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_each_width() {
        let mut c = Corpus::default();
        c.push(Seq::U8(b"abc"));
        c.push(Seq::U32(&[0xE9, 0x61]));
        c.push(Seq::U32(&[0x1F600]));
        c.push(Seq::U64(&[u64::MAX]));
        c.push(Seq::U8(b""));
        assert_eq!(c.len(), 5);
        assert_eq!(c.get(0).values(), vec![97, 98, 99]);
        assert!(matches!(c.get(1), Seq::U8(_)));
        assert_eq!(c.get(1).values(), vec![0xE9, 0x61]);
        assert_eq!(c.get(2).values(), vec![0x1F600]);
        assert_eq!(c.get(3).values(), vec![u64::MAX]);
        assert_eq!(c.len_of(4), 0);
    }
}
