//! American Soundex, with jellyfish 1.3.0's exact behaviour.

use super::text::push_upper_nfkd;

/// The Soundex digit of an uppercase ASCII consonant, `'*'` for anything else.
#[inline]
fn digit(c: char) -> char {
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
    if s.is_ascii() {
        // Uppercasing and NFKD leave ASCII one char per byte.
        return code(s.bytes().map(|b| char::from(b.to_ascii_uppercase())));
    }
    let mut v = Vec::with_capacity(s.len() + 4);
    push_upper_nfkd(s, &mut v);
    code(v.into_iter())
}

/// The code of the uppercased, decomposed chars `chars`.
fn code(mut chars: impl Iterator<Item = char>) -> String {
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(8);
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
    out
}
