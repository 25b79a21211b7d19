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
    if s.is_empty() {
        return String::new();
    }
    let mut v: Vec<char> = Vec::with_capacity(s.len() + 4);
    push_upper_nfkd(s, &mut v);

    // The prefix test looks at the uppercased (not yet decomposed) text,
    // which for ASCII is `v` itself.
    let first2 = if s.is_ascii() {
        (v.first().copied(), v.get(1).copied())
    } else {
        let mut up = s.chars().flat_map(char::to_uppercase);
        (up.next(), up.next())
    };
    if matches!(
        first2,
        (Some('K'), Some('N'))
            | (Some('G'), Some('N'))
            | (Some('P'), Some('N'))
            | (Some('W'), Some('R'))
            | (Some('A'), Some('E'))
    ) {
        v.remove(0);
    }

    let at = |j: usize| -> char { v.get(j).copied().unwrap_or(END) };
    let mut out = String::with_capacity(v.len() + 2);
    let mut i = 0;
    while i < v.len() {
        let c = v[i];
        let next = at(i + 1);
        let nextnext = at(i + 2);
        let prev = if i == 0 { None } else { Some(v[i - 1]) };

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
    out
}
