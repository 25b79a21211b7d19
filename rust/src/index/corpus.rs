//! Compact storage of an index's choices.
//!
//! All choices live in three arenas, one per unit type; each choice is an
//! (offset, length, type) record. A choice is stored in the narrowest unit
//! type that holds it, so ASCII and Latin-1 names cost one byte per code
//! point plus 12 bytes (an 8-byte place and a 4-byte signature), instead
//! of a heap allocation each.

use super::persist::{Counts, LoadError, Reader, Writer};
use super::signature::{compact, expand, signature, Compact, Signature};
use crate::unit::{OwnedSeq, Seq};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Width {
    U8 = 1,
    U32 = 4,
    U64 = 8,
}

/// Where a choice lives and how long it is, in one word: its width in the
/// top two bits, its offset into that width's arena (in units) in the next
/// `OFFSET_BITS`, and its length in the low `LEN_BITS`. A length that does
/// not fit is stored as `LONG` and kept in `Corpus::long_lens`.
#[derive(Clone, Copy, Debug)]
struct Place(u64);

const WIDTH_SHIFT: u32 = 62;
const LEN_BITS: u32 = 22;
const OFFSET_BITS: u32 = WIDTH_SHIFT - LEN_BITS;
/// Arenas hold at most this many units (2^40, a terabyte of bytes).
pub(crate) const MAX_ARENA_UNITS: usize = 1 << OFFSET_BITS;
/// The length field's value for a choice of `LONG` units or more.
const LONG: u64 = (1 << LEN_BITS) - 1;

impl Place {
    fn new(width: Width, offset: usize, len: usize) -> Place {
        let tag = match width {
            Width::U8 => 0u64,
            Width::U32 => 1,
            Width::U64 => 2,
        };
        debug_assert!(offset < MAX_ARENA_UNITS);
        Place(tag << WIDTH_SHIFT | (offset as u64) << LEN_BITS | (len as u64).min(LONG))
    }

    #[inline(always)]
    fn tag(self) -> u64 {
        self.0 >> WIDTH_SHIFT
    }

    #[inline(always)]
    fn width(self) -> Width {
        match self.tag() {
            0 => Width::U8,
            1 => Width::U32,
            _ => Width::U64,
        }
    }

    #[inline(always)]
    fn offset(self) -> usize {
        ((self.0 >> LEN_BITS) & ((1u64 << OFFSET_BITS) - 1)) as usize
    }

    /// The length field: the length, or `LONG` for a long choice.
    #[inline(always)]
    fn short_len(self) -> u64 {
        self.0 & LONG
    }
}

/// The signature of a sequence (see [`super::signature`]).
pub fn signature_of(seq: Seq<'_>) -> Signature {
    crate::with_seq!(seq, |s| signature(s.iter().map(|u| crate::unit::Unit::value(*u))))
}

/// The choices of an index, in insertion order: 12 bytes of bookkeeping per
/// choice (place and length 8, compact class-count signature 4) besides the
/// units.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    bytes: Vec<u8>,
    wide: Vec<u32>,
    hashes: Vec<u64>,
    places: Vec<Place>,
    /// `(choice, length)` of each choice of `LONG` units or more, by choice.
    long_lens: Vec<(u32, u32)>,
    signatures: Vec<Compact>,
}

impl Corpus {
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether `seq` can be appended: it is at most `u32::MAX` units long
    /// (the file format's limit) and its arena stays within
    /// [`MAX_ARENA_UNITS`] units.
    pub fn has_room_for(&self, seq: Seq<'_>) -> bool {
        let used = match seq {
            Seq::U8(_) => self.bytes.len(),
            Seq::U32(s) if s.iter().all(|&c| c < 256) => self.bytes.len(),
            Seq::U32(_) => self.wide.len(),
            Seq::U64(_) => self.hashes.len(),
        };
        seq.len() <= u32::MAX as usize && used.checked_add(seq.len()).is_some_and(|end| end <= MAX_ARENA_UNITS)
    }

    /// Appends a choice, narrowing code points below 256 to bytes. Panics
    /// unless [`Corpus::has_room_for`] it, which the callers check.
    pub fn push(&mut self, seq: Seq<'_>) {
        assert!(self.has_room_for(seq), "index arena full");
        let len = seq.len();
        let place = match seq {
            Seq::U8(s) => {
                let place = Place::new(Width::U8, self.bytes.len(), len);
                self.bytes.extend_from_slice(s);
                place
            }
            Seq::U32(s) if s.iter().all(|&c| c < 256) => {
                let place = Place::new(Width::U8, self.bytes.len(), len);
                self.bytes.extend(s.iter().map(|&c| c as u8));
                place
            }
            Seq::U32(s) => {
                let place = Place::new(Width::U32, self.wide.len(), len);
                self.wide.extend_from_slice(s);
                place
            }
            Seq::U64(s) => {
                let place = Place::new(Width::U64, self.hashes.len(), len);
                self.hashes.extend_from_slice(s);
                place
            }
        };
        if place.short_len() == LONG {
            self.long_lens.push((self.places.len() as u32, len as u32));
        }
        self.places.push(place);
        self.signatures.push(compact(signature_of(seq)));
    }

    /// The length of the choice at `i` with this place.
    #[inline(always)]
    fn len_at(&self, i: usize, place: Place) -> usize {
        match place.short_len() {
            LONG => self.long_len(i),
            short => short as usize,
        }
    }

    #[cold]
    fn long_len(&self, i: usize) -> usize {
        let at = self.long_lens.binary_search_by_key(&i, |&(choice, _)| choice as usize);
        self.long_lens[at.expect("a long choice has its length recorded")].1 as usize
    }

    /// The choice at `i`. Panics if `i` is out of range.
    #[inline]
    pub fn get(&self, i: usize) -> Seq<'_> {
        let place = self.places[i];
        let start = place.offset();
        let end = start + self.len_at(i, place);
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
        let (start, len) = (place.offset(), self.len_at(i, place));
        let end = (start + len.max(at_least)).min(self.bytes.len());
        Some((&self.bytes[start..end], len))
    }

    /// Length of the choice at `i`, in units.
    #[inline(always)]
    pub fn len_of(&self, i: usize) -> usize {
        self.len_at(i, self.places[i])
    }

    /// The class-count signature of choice `i`.
    #[inline(always)]
    pub fn signature_of(&self, i: usize) -> Signature {
        expand(self.signatures[i])
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
            + self.long_lens.capacity() * 8
            + self.signatures.capacity() * 4
    }

    /// Releases spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.wide.shrink_to_fit();
        self.hashes.shrink_to_fit();
        self.places.shrink_to_fit();
        self.long_lens.shrink_to_fit();
        self.signatures.shrink_to_fit();
    }
}

impl Corpus {
    /// Sizes of the three arenas, in units.
    pub fn arena_lens(&self) -> (usize, usize, usize) {
        (self.bytes.len(), self.wide.len(), self.hashes.len())
    }

    /// Appends the arenas, then each choice's place (width tag and offset,
    /// as `tag << 62 | offset`), then each choice's length as a `u32`.
    pub fn write_to(&self, w: &mut Writer) {
        w.bytes(&self.bytes);
        for &u in &self.wide {
            w.u32(u);
        }
        for &u in &self.hashes {
            w.u64(u);
        }
        for p in &self.places {
            w.u64(p.tag() << WIDTH_SHIFT | p.offset() as u64);
        }
        for i in 0..self.len() {
            w.u32(self.len_of(i) as u32);
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
        let stored: Vec<u64> = (0..n).map(|_| r.u64()).collect();
        let lens: Vec<u32> = (0..n).map(|_| r.u32()).collect();
        c.places.reserve_exact(n);
        for (i, (&word, &len)) in stored.iter().zip(&lens).enumerate() {
            let (width, arena) = match word >> WIDTH_SHIFT {
                0 => (Width::U8, c.bytes.len()),
                1 => (Width::U32, c.wide.len()),
                2 => (Width::U64, c.hashes.len()),
                tag => return Err(LoadError::Corrupt(format!("choice {i} has unknown width tag {tag}"))),
            };
            let offset = (word & ((1u64 << WIDTH_SHIFT) - 1)) as usize;
            let end = offset.checked_add(len as usize);
            if end.is_none_or(|e| e > arena) {
                return Err(LoadError::Corrupt(format!("choice {i} lies outside its arena")));
            }
            // Arenas shorter than `MAX_ARENA_UNITS` (the reader checked
            // their sizes against the file) keep every offset in range.
            let place = Place::new(width, offset, len as usize);
            if place.short_len() == LONG {
                c.long_lens.push((i as u32, len));
            }
            c.places.push(place);
        }
        c.signatures = (0..n).map(|i| compact(signature_of(c.get(i)))).collect();
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
