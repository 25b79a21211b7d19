//! Metaphone (Lawrence Philips, 1990), with jellyfish 1.3.0's exact behaviour.

use super::text::push_upper_nfkd;

#[inline]
fn is_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

#[inline]
fn is_iey(c: char) -> bool {
    matches!(c, 'I' | 'E' | 'Y')
}

/// End-of-input marker. jellyfish uses `'*'` for "no next char", so a literal
/// `'*'` in the input is (faithfully) indistinguishable from the end.
const END: char = '*';

/// Metaphone code of `s`, exactly as `jellyfish.metaphone` (1.3.0) computes it.
///
/// The input is uppercased and NFKD-decomposed (see the module docs). Only
/// ASCII letters produce output; runs of spaces produce one space between
/// words (so the result may contain spaces, e.g. `"SNLT LBS"`, and may start
/// with none but end with one, e.g. `"a "` gives `"A "`). Any other char
/// (digit, punctuation, combining mark, non-Latin letter) produces nothing
/// but still separates its neighbours.
pub fn metaphone(s: &str) -> String {
    let mut out = String::new();
    metaphone_into(s, &mut out);
    out
}

/// [`metaphone`], written to `out` (cleared first): no allocation for ASCII
/// input when `out` has room (the FFI's reused buffers).
pub fn metaphone_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_empty() {
        return;
    }
    if s.is_ascii() {
        // Uppercasing and NFKD leave ASCII one char per byte: the rules read
        // the bytes, uppercased as they go.
        let b = s.as_bytes();
        let skip = b.len() >= 2 && silent_start(upper_ascii(b[0]), upper_ascii(b[1]));
        return rules(&AsciiUpper(&b[usize::from(skip)..]), out);
    }
    let mut v: Vec<char> = Vec::with_capacity(s.len() + 4);
    push_upper_nfkd(s, &mut v);
    // The prefix test looks at the uppercased (not yet decomposed) text.
    let mut up = s.chars().flat_map(char::to_uppercase);
    if let (Some(a), Some(b)) = (up.next(), up.next()) {
        if silent_start(a, b) {
            v.remove(0);
        }
    }
    rules(v.as_slice(), out)
}

/// Whether a text starting with `a`, `b` drops its first letter.
fn silent_start(a: char, b: char) -> bool {
    matches!((a, b), ('K', 'N') | ('G', 'N') | ('P', 'N') | ('W', 'R') | ('A', 'E'))
}

fn upper_ascii(b: u8) -> char {
    char::from(b.to_ascii_uppercase())
}

/// The uppercased, decomposed chars the rules read.
trait Units {
    fn len(&self) -> usize;
    fn get(&self, j: usize) -> Option<char>;
}

impl Units for [char] {
    #[inline]
    fn len(&self) -> usize {
        <[char]>::len(self)
    }

    #[inline]
    fn get(&self, j: usize) -> Option<char> {
        <[char]>::get(self, j).copied()
    }
}

/// ASCII text, read as its uppercased chars.
struct AsciiUpper<'a>(&'a [u8]);

impl Units for AsciiUpper<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    fn get(&self, j: usize) -> Option<char> {
        self.0.get(j).map(|&b| upper_ascii(b))
    }
}

/// Appends the code of `v` to `out`.
fn rules<U: Units + ?Sized>(v: &U, out: &mut String) {
    let at = |j: usize| -> char { v.get(j).unwrap_or(END) };
    let mut i = 0;
    while i < v.len() {
        let c = at(i);
        let next = at(i + 1);
        let nextnext = at(i + 2);
        let prev = if i == 0 { None } else { v.get(i - 1) };

        // Skip doubles, except CC.
        if c == next && c != 'C' {
            i += 1;
            continue;
        }

        match c {
            'A' | 'E' | 'I' | 'O' | 'U' => {
                if prev.map_or(true, |p| p == ' ') {
                    out.push(c);
                }
            }
            'B' => {
                if prev != Some('M') || next != END {
                    out.push('B');
                }
            }
            'C' => {
                if next == 'I' && nextnext == 'A' || next == 'H' {
                    i += 1;
                    out.push('X');
                } else if is_iey(next) {
                    i += 1;
                    out.push('S');
                } else {
                    out.push('K');
                }
            }
            'D' => {
                if next == 'G' && is_iey(nextnext) {
                    i += 2;
                    out.push('J');
                } else {
                    out.push('T');
                }
            }
            'F' | 'J' | 'L' | 'M' | 'N' | 'R' => out.push(c),
            'G' => {
                if is_iey(next) {
                    out.push('J');
                } else if (next == 'H' && !is_vowel(nextnext))
                    || (next == 'N' && nextnext == END)
                {
                    i += 1;
                } else {
                    out.push('K');
                }
            }
            'H' => {
                if prev.map_or(true, |p| !is_vowel(p)) || is_vowel(next) {
                    out.push('H');
                }
            }
            'K' => {
                if prev != Some('C') {
                    out.push('K');
                }
            }
            'P' => {
                if next == 'H' {
                    i += 1;
                    out.push('F');
                } else {
                    out.push('P');
                }
            }
            'Q' => out.push('K'),
            'S' => {
                if next == 'H' {
                    i += 1;
                    out.push('X');
                } else if next == 'I' && (nextnext == 'O' || nextnext == 'A') {
                    i += 2;
                    out.push('X');
                } else {
                    out.push('S');
                }
            }
            'T' => {
                if next == 'I' && (nextnext == 'O' || nextnext == 'A') {
                    out.push('X');
                } else if next == 'H' {
                    i += 1;
                    out.push('0');
                } else if next != 'C' || nextnext != 'H' {
                    out.push('T');
                }
            }
            'V' => out.push('F'),
            'W' => {
                if i == 0 && next == 'H' {
                    i += 1;
                    out.push('W');
                } else if is_vowel(next) {
                    out.push('W');
                }
            }
            'X' => {
                if i == 0 {
                    if next == 'H' || (next == 'I' && (nextnext == 'O' || nextnext == 'A')) {
                        out.push('X');
                    } else {
                        out.push('S');
                    }
                } else {
                    out.push_str("KS");
                }
            }
            'Y' => {
                if is_vowel(next) {
                    out.push('Y');
                }
            }
            'Z' => out.push('S'),
            ' ' => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            _ => {}
        }
        i += 1;
    }
}
