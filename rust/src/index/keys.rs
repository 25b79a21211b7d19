//! Optional user keys, one per choice: a text or an integer.
//!
//! Keys are stored only once some choice has one; until then they cost
//! nothing. Each key is a tag byte plus its bytes in one arena, so a key
//! costs 8 bytes of bookkeeping plus its own length.

use super::persist::{LoadError, Reader, Writer};

/// A choice's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Text(String),
    Int(i64),
}

const TAG_TEXT: u8 = 1;
const TAG_INT: u8 = 2;

#[derive(Clone, Debug, Default)]
pub struct Keys {
    /// Tag byte, then UTF-8 text or 8 little-endian bytes; no bytes at all
    /// for a choice without a key.
    arena: Vec<u8>,
    /// End of each choice's key in `arena`; empty while no key exists.
    ends: Vec<u64>,
}

impl Keys {
    /// Records `key` for the next choice, which is choice `position`.
    pub fn push(&mut self, position: usize, key: Option<&Key>) {
        if key.is_none() && self.ends.is_empty() {
            return;
        }
        // The first key: give the earlier choices empty entries.
        while self.ends.len() < position {
            self.ends.push(self.arena.len() as u64);
        }
        match key {
            None => {}
            Some(Key::Text(t)) => {
                self.arena.push(TAG_TEXT);
                self.arena.extend_from_slice(t.as_bytes());
            }
            Some(Key::Int(v)) => {
                self.arena.push(TAG_INT);
                self.arena.extend_from_slice(&v.to_le_bytes());
            }
        }
        self.ends.push(self.arena.len() as u64);
    }

    /// The key of choice `position`, if it has one.
    pub fn get(&self, position: usize) -> Option<Key> {
        let end = *self.ends.get(position)? as usize;
        let start = if position == 0 { 0 } else { self.ends[position - 1] as usize };
        let raw = &self.arena[start..end];
        match raw.split_first() {
            Some((&TAG_TEXT, text)) => Some(Key::Text(String::from_utf8_lossy(text).into_owned())),
            Some((&TAG_INT, bytes)) if bytes.len() == 8 => {
                Some(Key::Int(i64::from_le_bytes(bytes.try_into().expect("8 bytes"))))
            }
            _ => None,
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.ends.capacity() * 8
    }

    /// Number of entries recorded (0 when no choice has a key).
    pub fn entries(&self) -> usize {
        self.ends.len()
    }

    pub fn arena_len(&self) -> usize {
        self.arena.len()
    }

    pub fn write_to(&self, w: &mut Writer) {
        for &e in &self.ends {
            w.u64(e);
        }
        w.bytes(&self.arena);
    }

    /// Reads `entries` keys in an arena of `arena_len` bytes, checking them.
    pub fn read_from(r: &mut Reader<'_>, entries: usize, arena_len: usize) -> Result<Keys, LoadError> {
        let ends: Vec<u64> = (0..entries).map(|_| r.u64()).collect();
        let arena = r.bytes(arena_len).to_vec();
        let mut start = 0u64;
        for (i, &end) in ends.iter().enumerate() {
            if end < start || end > arena.len() as u64 {
                return Err(LoadError::Corrupt(format!("key {i} lies outside the key arena")));
            }
            let raw = &arena[start as usize..end as usize];
            let valid = match raw.split_first() {
                None => true,
                Some((&TAG_TEXT, text)) => std::str::from_utf8(text).is_ok(),
                Some((&TAG_INT, bytes)) => bytes.len() == 8,
                Some(_) => false,
            };
            if !valid {
                return Err(LoadError::Corrupt(format!("key {i} is malformed")));
            }
            start = end;
        }
        if start != arena.len() as u64 {
            return Err(LoadError::Corrupt("key arena has trailing bytes".into()));
        }
        Ok(Keys { arena, ends })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_start_late_and_mix_kinds() {
        let mut k = Keys::default();
        k.push(0, None);
        k.push(1, None);
        assert_eq!(k.entries(), 0);
        k.push(2, Some(&Key::Text("x".into())));
        k.push(3, None);
        k.push(4, Some(&Key::Int(-5)));
        assert_eq!(k.get(0), None);
        assert_eq!(k.get(2), Some(Key::Text("x".into())));
        assert_eq!(k.get(3), None);
        assert_eq!(k.get(4), Some(Key::Int(-5)));
        assert_eq!(k.get(5), None);
    }
}
