//! American Soundex, with jellyfish 1.3.0's exact behaviour.

use super::text::push_upper_nfkd;

/// The Soundex digit of an uppercase ASCII consonant, `'*'` for anything else.
#[inline]
const fn digit(c: char) -> char {
    match c {
        'B' | 'F' | 'P' | 'V' => '1',
        'C' | 'G' | 'J' | 'K' | 'Q' | 'S' | 'X' | 'Z' => '2',
        'D' | 'T' => '3',
        'L' => '4',
        'M' | 'N' => '5',
        'R' => '6',
        _ => '*',
    }
}

/// Soundex code of `s`, exactly as `jellyfish.soundex` (1.3.0) computes it.
///
/// The input is uppercased and NFKD-decomposed (see the module docs). The
/// code is the first char of that, verbatim (so it may be a digit, a space or
/// any non-ASCII char, e.g. `"¿"` gives `"¿000"`), followed by up to three
/// digits, padded with `'0'`. `H` and `W` do not separate equal digits; any
/// other char (vowel, digit, punctuation, combining mark, ...) does. Empty
/// input gives an empty string.
pub fn soundex(s: &str) -> String {
    let mut out = String::new();
    soundex_into(s, &mut out);
    out
}

/// [`soundex`], written to `out` (cleared first): no allocation for ASCII
/// input when `out` has room (the FFI's reused buffers).
pub fn soundex_into(s: &str, out: &mut String) {
    out.clear();
    let mut ascii = [0u8; 4];
    if let Some(n) = soundex_ascii(s.as_bytes(), &mut ascii) {
        out.extend(ascii[..n].iter().map(|&b| char::from(b)));
        return;
    }
    let mut v = Vec::with_capacity(s.len() + 4);
    push_upper_nfkd(s, &mut v);
    code(v.into_iter(), out)
}

/// What an ASCII byte is to the rules, in either case: its digit, `*` for a
/// char that separates equal digits, or 0 for `H` and `W`, which do not.
/// Bytes from 0x80 separate too; indexing by any byte needs no bounds check.
const ASCII_DIGITS: [u8; 256] = {
    let mut table = [b'*'; 256];
    let mut b = 0;
    while b < 128 {
        let up = (b as u8).to_ascii_uppercase();
        let d = digit(up as char);
        table[b] = if d != '*' {
            d as u8
        } else if up == b'H' || up == b'W' {
            0
        } else {
            b'*'
        };
        b += 1;
    }
    table
};

/// [`soundex`] of ASCII text `s` (which uppercasing and NFKD leave one char
/// per byte), written to `out[..n]`; returns `n`: 4, or 0 for empty `s`.
/// `None`, with nothing written, if `s` is not ASCII or `out` is shorter
/// than 4 bytes: [`soundex`] codes any text.
pub fn soundex_ascii(s: &[u8], out: &mut [u8]) -> Option<usize> {
    if !s.is_ascii() || out.len() < 4 {
        return None;
    }
    let Some((&first, rest)) = s.split_first() else {
        return Some(0);
    };
    let code = &mut out[..4];
    code.copy_from_slice(&[first.to_ascii_uppercase(), b'0', b'0', b'0']);
    let mut last = match ASCII_DIGITS[usize::from(first)] {
        0 => b'*',
        d => d,
    };
    let mut n = 1;
    for &b in rest {
        let d = ASCII_DIGITS[usize::from(b)];
        if d == 0 {
            continue; // H, W
        }
        if d != b'*' && d != last {
            code[n] = d;
            n += 1;
            if n == 4 {
                break;
            }
        }
        last = d;
    }
    Some(4)
}

/// Appends the code of the uppercased, decomposed chars `chars` to `out`.
fn code(mut chars: impl Iterator<Item = char>, out: &mut String) {
    let Some(first) = chars.next() else {
        return;
    };
    out.push(first);
    let mut last = digit(first);
    let mut n = 1;
    for c in chars {
        let d = digit(c);
        if d != '*' {
            if d != last {
                out.push(d);
                n += 1;
                if n == 4 {
                    break;
                }
            }
            last = d;
        } else if c != 'H' && c != 'W' {
            last = '*';
        }
    }
    while n < 4 {
        out.push('0');
        n += 1;
    }
}
