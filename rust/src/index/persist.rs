//! The index file format: versioned, checksummed, validated on load.
//!
//! Layout, all integers little-endian:
//!
//! ```text
//! magic    8 bytes  "FFZINDEX"
//! version  u32      FORMAT_VERSION
//! flags    u32      0 (reserved)
//! counts   7 x u64  choices, byte units, u32 units, u64 units, sorted
//!                   choices, key entries (0 or choices), key arena bytes
//! units    bytes, then u32 units, then u64 units
//! choices  per choice: place u64, length u32
//! tries    forward order u32 x sorted, forward LCP u8 x sorted (capped
//!          at 255),
//!          then the same for the reversed trie
//! keys     key ends u64 x key entries, then the key arena
//! checksum u64      FNV-1a 64 of everything before it
//! ```
//!
//! Loading checks, in order: the magic, the version, the exact file size
//! implied by the counts (so nothing is allocated beyond the file's own
//! size), the checksum, then every place and length against the arenas and
//! every trie against the choices (a permutation, in sorted order, with
//! correct LCPs). A truncated, corrupted or foreign file gives a
//! [`LoadError`], never a panic, a hang or a huge allocation.

use std::fmt;

pub(crate) const MAGIC: &[u8; 8] = b"FFZINDEX";
pub(crate) const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 4 + 7 * 8;
const CHECKSUM_LEN: usize = 8;

/// Why an index file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not an index file: the magic bytes are wrong.
    NotAnIndex,
    /// Written by a newer (or unknown) version of the format.
    UnsupportedVersion(u32),
    /// Shorter or longer than its header says.
    WrongSize { expected: Option<u64>, actual: u64 },
    /// The checksum does not match: the file was corrupted.
    Checksum,
    /// The checksum matched but the contents are inconsistent.
    Corrupt(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotAnIndex => f.write_str("not a ferrofuzz index file (bad magic bytes)"),
            LoadError::UnsupportedVersion(v) => write!(
                f,
                "index file format version {v} is not supported (this library reads version {FORMAT_VERSION})"
            ),
            LoadError::WrongSize { expected: Some(e), actual } => {
                write!(f, "index file is truncated or has trailing data: expected {e} bytes, found {actual}")
            }
            LoadError::WrongSize { expected: None, actual } => {
                write!(f, "index file header is invalid or truncated ({actual} bytes)")
            }
            LoadError::Checksum => f.write_str("index file checksum mismatch: the file is corrupted"),
            LoadError::Corrupt(why) => write!(f, "index file is corrupted: {why}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// FNV-1a, 64-bit, over 8-byte words for speed (then the tail bytewise).
pub fn checksum(data: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = data.chunks_exact(8);
    for w in &mut words {
        h ^= u64::from_le_bytes(w.try_into().expect("8-byte chunk"));
        h = h.wrapping_mul(PRIME);
    }
    for &b in words.remainder() {
        h ^= b as u64;
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// The counts in a file's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub choices: u64,
    pub bytes: u64,
    pub wide: u64,
    pub hashes: u64,
    pub sorted: u64,
    pub key_entries: u64,
    pub key_bytes: u64,
}

impl Counts {
    /// Total file size these counts imply, or None on overflow.
    fn file_len(&self) -> Option<u64> {
        let units = self
            .bytes
            .checked_add(self.wide.checked_mul(4)?)?
            .checked_add(self.hashes.checked_mul(8)?)?;
        let choices = self.choices.checked_mul(12)?;
        let tries = self.sorted.checked_mul(10)?;
        let keys = self.key_entries.checked_mul(8)?.checked_add(self.key_bytes)?;
        (HEADER_LEN as u64)
            .checked_add(units)?
            .checked_add(choices)?
            .checked_add(tries)?
            .checked_add(keys)?
            .checked_add(CHECKSUM_LEN as u64)
    }
}

/// Appends little-endian values to a buffer.
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn new(counts: Counts) -> Writer {
        let capacity = counts.file_len().unwrap_or(0).min(1 << 30) as usize;
        let mut w = Writer { buf: Vec::with_capacity(capacity) };
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.u32(0);
        for c in [
            counts.choices,
            counts.bytes,
            counts.wide,
            counts.hashes,
            counts.sorted,
            counts.key_entries,
            counts.key_bytes,
        ] {
            w.u64(c);
        }
        w
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bytes(&mut self, v: &[u8]) {
        self.buf.extend_from_slice(v);
    }

    /// Appends the checksum and returns the file's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let sum = checksum(&self.buf);
        self.u64(sum);
        self.buf
    }
}

/// Reads little-endian values from a checked file body.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Checks the header, size and checksum; returns the counts and a reader
    /// positioned after the header.
    pub fn open(data: &'a [u8]) -> Result<(Counts, Reader<'a>), LoadError> {
        if data.len() < 8 || &data[..8] != MAGIC {
            return Err(LoadError::NotAnIndex);
        }
        let actual = data.len() as u64;
        if data.len() < HEADER_LEN + CHECKSUM_LEN {
            return Err(LoadError::WrongSize { expected: None, actual });
        }
        let mut r = Reader { data, pos: 8 };
        let version = r.u32();
        if version != FORMAT_VERSION {
            return Err(LoadError::UnsupportedVersion(version));
        }
        let flags = r.u32();
        let counts = Counts {
            choices: r.u64(),
            bytes: r.u64(),
            wide: r.u64(),
            hashes: r.u64(),
            sorted: r.u64(),
            key_entries: r.u64(),
            key_bytes: r.u64(),
        };
        let expected = counts.file_len();
        if expected != Some(actual) {
            return Err(LoadError::WrongSize { expected, actual });
        }
        let body_end = data.len() - CHECKSUM_LEN;
        let stored = u64::from_le_bytes(data[body_end..].try_into().expect("8 bytes"));
        if checksum(&data[..body_end]) != stored {
            return Err(LoadError::Checksum);
        }
        if flags != 0 {
            return Err(LoadError::Corrupt(format!("unknown flags {flags:#x}")));
        }
        if counts.sorted > counts.choices {
            return Err(LoadError::Corrupt("more sorted choices than choices".into()));
        }
        if counts.key_entries != 0 && counts.key_entries != counts.choices {
            return Err(LoadError::Corrupt("key count differs from choice count".into()));
        }
        if counts.choices > u32::MAX as u64 {
            return Err(LoadError::Corrupt("more than 2^32 - 1 choices".into()));
        }
        let arena_limit = super::corpus::MAX_ARENA_UNITS as u64;
        if counts.bytes > arena_limit || counts.wide > arena_limit || counts.hashes > arena_limit {
            return Err(LoadError::Corrupt("an arena larger than 2^40 units".into()));
        }
        Ok((counts, r))
    }

    // The size check in `open` guarantees every read below stays in bounds.
    pub fn u32(&mut self) -> u32 {
        let v = u32::from_le_bytes(self.data[self.pos..self.pos + 4].try_into().expect("4 bytes"));
        self.pos += 4;
        v
    }

    pub fn u64(&mut self) -> u64 {
        let v = u64::from_le_bytes(self.data[self.pos..self.pos + 8].try_into().expect("8 bytes"));
        self.pos += 8;
        v
    }

    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let v = &self.data[self.pos..self.pos + n];
        self.pos += n;
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_detects_changes() {
        let a = checksum(b"hello world, this is a test");
        let b = checksum(b"hello world, this is a tesu");
        assert_ne!(a, b);
        assert_eq!(checksum(b""), 0xcbf2_9ce4_8422_2325);
    }

    #[test]
    fn sizes_overflow_safely() {
        let c = Counts { choices: u64::MAX, bytes: 1, wide: 1, hashes: 1, sorted: 1, key_entries: 0, key_bytes: 0 };
        assert_eq!(c.file_len(), None);
    }
}
