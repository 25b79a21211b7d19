//! NYSIIS, with jellyfish 1.3.0's exact behaviour.

use super::text::{graphemes, upper};
use crate::scratch::scratch;

/// A unit of the rules: an extended grapheme cluster in general, or a byte
/// when the uppercased input is ASCII without CR (then every byte is its
/// own cluster, see [`graphemes`]), which spares the slices and their
/// comparisons. Both give the same code (tested).
trait Cluster: Copy + PartialEq {
    /// The cluster made of the one ASCII char `c`.
    fn ascii(c: u8) -> Self;

    /// Whether this cluster is exactly the ASCII char `c`.
    #[inline]
    fn is(self, c: u8) -> bool {
        self == Self::ascii(c)
    }

    fn is_vowel(self) -> bool {
        self.is(b'A') || self.is(b'E') || self.is(b'I') || self.is(b'O') || self.is(b'U')
    }

    /// What step 4 writes for this cluster when the rules need no context
    /// for it (see [`CONTEXT_FREE`]), `None` when they do.
    fn context_free(self) -> Option<Self>;
}

/// Step 4's translation of each uppercase byte whose rule needs no
/// neighbours: vowels (`E` when no `V` follows: the caller checks `EV`
/// first) give `A`, `Q` gives `G`, `Z` `S`, `M` `N`, and anything the rules
/// do not name stays itself. 0 for `K`, `S`, `P`, `H` and `W`, whose rules
/// look at the clusters around them.
const CONTEXT_FREE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'A' | b'E' | b'I' | b'O' | b'U' => b'A',
            b'Q' => b'G',
            b'Z' => b'S',
            b'M' => b'N',
            b'K' | b'S' | b'P' | b'H' | b'W' => 0,
            other => other,
        };
        b += 1;
    }
    table
};

impl Cluster for u8 {
    #[inline]
    fn ascii(c: u8) -> Self {
        c
    }

    #[inline]
    fn is_vowel(self) -> bool {
        CONTEXT_FREE[usize::from(self)] == b'A'
    }

    #[inline]
    fn context_free(self) -> Option<Self> {
        // NUL is its own translation but also the table's "needs context".
        match CONTEXT_FREE[usize::from(self)] {
            0 if self != 0 => None,
            c => Some(c),
        }
    }
}

/// Every ASCII char, so that `&ASCII[c..c + 1]` is the one-char string `c`.
const ASCII: &str = "\0\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0B\x0C\r\x0E\x0F\
    \x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F \
    !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7F";

impl Cluster for &str {
    #[inline]
    fn ascii(c: u8) -> Self {
        let i = usize::from(c & 0x7F);
        &ASCII[i..i + 1]
    }

    #[inline]
    fn is(self, c: u8) -> bool {
        self.len() == 1 && self.as_bytes()[0] == c
    }

    fn context_free(self) -> Option<Self> {
        match *self.as_bytes() {
            [b] => b.context_free().map(Self::ascii),
            _ => Some(self),
        }
    }
}

/// NYSIIS code of `s`, exactly as `jellyfish.nysiis` (1.3.0) computes it.
///
/// The input is uppercased and split into (approximate) extended grapheme
/// clusters; no decomposition is applied. A cluster counts as a letter only
/// if it is exactly one ASCII letter, so `"É"` or `"E\u{301}"` is not a vowel.
/// Clusters that the rules do not rewrite (digits, spaces, punctuation,
/// non-ASCII letters with their marks) are copied into the code verbatim,
/// so the result is not limited to ASCII (e.g. `"ç"` gives `"Ç"`). The code
/// is not truncated. Empty input gives an empty string.
pub fn nysiis(s: &str) -> String {
    let mut out = String::new();
    nysiis_into(s, &mut out);
    out
}

/// [`nysiis`], written to `out` (cleared first): no allocation for short
/// ASCII input when `out` has room (the FFI's reused buffers).
pub fn nysiis_into(s: &str, out: &mut String) {
    out.clear();
    let (mut stack, mut heap) = ([0u8; STACK], Vec::new());
    let key = scratch(&mut stack, &mut heap, s.len());
    if let Some(n) = nysiis_ascii(s.as_bytes(), key) {
        // ASCII bytes in, ASCII bytes out.
        out.extend(key[..n].iter().map(|&b| char::from(b)));
        return;
    }
    let up = upper(s);
    let mut clusters = graphemes(&up);
    let mut key = Vec::new();
    code(Affixes::of(up.as_bytes()), &mut clusters, &mut key);
    out.push_str(&key.concat());
}

/// Texts up to this many bytes are coded in arrays on the stack.
const STACK: usize = 64;

/// [`nysiis`] of ASCII text without CR (then every byte is its own cluster,
/// see [`graphemes`]), written to `out[..n]`; returns `n`. The code is never
/// longer than `s`. `None`, with nothing written, if `s` has a non-ASCII byte
/// or CR, or `out` is shorter than `s`: [`nysiis`] codes any text.
pub fn nysiis_ascii(s: &[u8], out: &mut [u8]) -> Option<usize> {
    if !s.is_ascii() || s.contains(&b'\r') || out.len() < s.len() {
        return None;
    }
    if s.is_empty() {
        return Some(0);
    }
    let (mut stack, mut heap) = ([0u8; STACK], Vec::new());
    let v = scratch(&mut stack, &mut heap, s.len());
    for (up, &b) in v.iter_mut().zip(s) {
        *up = b.to_ascii_uppercase();
    }
    let mut key = SliceKey { buf: out, len: 0 };
    code(Affixes::of(v), v, &mut key);
    Some(key.len)
}

/// Where [`code`] builds the key: a `Vec` of clusters, or bytes in a slice
/// long enough for any key of the text (the byte path).
trait Key<T> {
    fn push(&mut self, c: T);
    fn pop(&mut self);
    fn last(&self) -> Option<T>;
    fn len(&self) -> usize;
    /// The cluster at `i < len()`.
    fn at(&self, i: usize) -> T;
    fn remove(&mut self, i: usize);
}

impl<T: Copy> Key<T> for Vec<T> {
    fn push(&mut self, c: T) {
        Vec::push(self, c);
    }

    fn pop(&mut self) {
        Vec::pop(self);
    }

    fn last(&self) -> Option<T> {
        <[T]>::last(self).copied()
    }

    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn at(&self, i: usize) -> T {
        self[i]
    }

    fn remove(&mut self, i: usize) {
        Vec::remove(self, i);
    }
}

/// The first `len` bytes of `buf` (whose length bounds the key: see
/// [`nysiis_ascii`]).
struct SliceKey<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Key<u8> for SliceKey<'_> {
    #[inline]
    fn push(&mut self, c: u8) {
        self.buf[self.len] = c;
        self.len += 1;
    }

    #[inline]
    fn pop(&mut self) {
        self.len -= 1;
    }

    #[inline]
    fn last(&self) -> Option<u8> {
        self.len.checked_sub(1).map(|i| self.buf[i])
    }

    #[inline]
    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn at(&self, i: usize) -> u8 {
        self.buf[..self.len][i]
    }

    fn remove(&mut self, i: usize) {
        self.buf.copy_within(i + 1..self.len, i);
        self.len -= 1;
    }
}

/// The prefix and suffix of the uppercased text that steps 1 and 2 rewrite.
/// jellyfish tests the text, not the clusters: `"MAC\u{301}"` has the prefix
/// `MAC` although its third cluster is not `C`.
struct Affixes {
    prefix: Option<Prefix>,
    suffix: Option<u8>,
}

#[derive(Clone, Copy)]
enum Prefix {
    Mac,
    Kn,
    K,
    PhOrPf,
    Sch,
}

impl Affixes {
    fn of(text: &[u8]) -> Self {
        let starts = |p: &[u8]| text.starts_with(p);
        let ends = |p: &[u8]| text.ends_with(p);
        let prefix = if starts(b"MAC") {
            Some(Prefix::Mac)
        } else if starts(b"KN") {
            Some(Prefix::Kn)
        } else if starts(b"K") {
            Some(Prefix::K)
        } else if starts(b"PH") || starts(b"PF") {
            Some(Prefix::PhOrPf)
        } else if starts(b"SCH") {
            Some(Prefix::Sch)
        } else {
            None
        };
        let suffix = if ends(b"IE") || ends(b"EE") {
            Some(b'Y')
        } else if [b"DT", b"RT", b"RD", b"NT", b"ND"].iter().any(|x| ends(*x)) {
            Some(b'D')
        } else {
            None
        };
        Affixes { prefix, suffix }
    }
}

/// The NYSIIS key of a non-empty text whose clusters are `v` (rewritten on
/// the way), into `key` (empty): jellyfish's rules, step by step.
fn code<T: Cluster>(affixes: Affixes, v: &mut [T], key: &mut impl Key<T>) {
    let a = T::ascii;
    // Step 1: prefixes.
    let mut v = match affixes.prefix {
        Some(Prefix::Kn) => &mut v[1..],
        _ => v,
    };
    match affixes.prefix {
        Some(Prefix::Mac) => v[1] = a(b'C'),
        Some(Prefix::K) => v[0] = a(b'C'),
        Some(Prefix::PhOrPf) => {
            v[0] = a(b'F');
            v[1] = a(b'F');
        }
        Some(Prefix::Sch) => {
            v[1] = a(b'S');
            v[2] = a(b'S');
        }
        Some(Prefix::Kn) | None => {}
    }

    // Step 2: suffixes (the last two clusters become one).
    if let Some(last) = affixes.suffix {
        let n = v.len();
        v[n - 2] = a(last);
        v = &mut v[..n - 1];
    }
    let v = &*v;

    // Step 3: the key starts with the first cluster.
    key.push(v[0]);

    // Step 4: translate the rest. A cluster whose rule needs no neighbours
    // takes one table lookup; `EV` and the five letters with context rules
    // take the steps below.
    let n = v.len();
    let mut i = 1;
    while i < n {
        let g = v[i];
        let has = |j: usize, x: u8| j < n && v[j].is(x);
        let is_ev = g.is(b'E') && has(i + 1, b'V');
        if let (Some(c), false) = (g.context_free(), is_ev) {
            if key.last() != Some(c) {
                key.push(c);
            }
            i += 1;
            continue;
        }
        let mut buf: [T; 2] = [g, g];
        let m: usize;
        if is_ev {
            i += 1;
            buf = [a(b'A'), a(b'F')];
            m = 2;
        } else if g.is(b'K') {
            buf[0] = if has(i + 1, b'N') { a(b'N') } else { a(b'C') };
            m = 1;
        } else if g.is(b'S') && i + 2 < n && v[i + 1].is(b'C') && v[i + 2].is(b'H') {
            i += 2;
            buf = [a(b'S'), a(b'S')];
            m = 2;
        } else if g.is(b'P') && has(i + 1, b'H') {
            i += 1;
            buf[0] = a(b'F');
            m = 1;
        } else if g.is(b'H')
            && (!v[i - 1].is_vowel() || (i + 1 < n && !v[i + 1].is_vowel()) || i + 1 == n)
        {
            buf[0] = if v[i - 1].is_vowel() { a(b'A') } else { v[i - 1] };
            m = 1;
        } else if g.is(b'W') && v[i - 1].is_vowel() {
            buf[0] = v[i - 1];
            m = 1;
        } else {
            m = 1;
        }
        if key.last() != Some(buf[m - 1]) {
            key.push(buf[0]);
            if m == 2 {
                key.push(buf[1]);
            }
        }
        i += 1;
    }

    // Step 5: drop a trailing S.
    if key.len() > 1 && key.last().is_some_and(|g| g.is(b'S')) {
        key.pop();
    }
    // Step 6: AY -> Y at the end.
    let k = key.len();
    if k >= 2 && key.at(k - 2).is(b'A') && key.at(k - 1).is(b'Y') {
        key.remove(k - 2);
    }
    // Step 7: drop a trailing A.
    if key.len() > 1 && key.last().is_some_and(|g| g.is(b'A')) {
        key.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte path gives the code the cluster path gives, on ASCII text
    /// made of the letters the rules look at, a few others, spaces, digits
    /// and punctuation (CR, which joins LF into one cluster, excluded).
    #[test]
    fn ascii_bytes_code_as_clusters_do() {
        let alphabet = b"ACDEFGHIKMNPQRSTVWYZ aeiou1'-\n";
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = 1 + (state % 9) as usize;
            let text: String = (0..len)
                .map(|j| char::from(alphabet[((state >> (8 + 5 * j)) % alphabet.len() as u64) as usize]))
                .collect();
            let up = upper(&text);
            let (mut v, mut key) = (up.as_bytes().to_vec(), Vec::new());
            code(Affixes::of(&v.clone()), &mut v, &mut key);
            let bytes: String = key.into_iter().map(char::from).collect();
            let (mut clusters, mut key) = (graphemes(&up), Vec::new());
            code(Affixes::of(up.as_bytes()), &mut clusters, &mut key);
            assert_eq!(bytes, key.concat(), "{text:?}");
            assert_eq!(nysiis(&text), bytes, "{text:?}");
        }
    }

    #[test]
    fn ascii_table_holds_every_char_at_its_code() {
        for c in 0..128u8 {
            assert_eq!(<&str as Cluster>::ascii(c).as_bytes(), [c]);
        }
    }
}
