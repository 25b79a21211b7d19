//! Metaphone (Lawrence Philips, 1990), with jellyfish 1.3.0's exact behaviour.
//!
//! The rules decide each char's output from the char itself and a class of
//! each of its neighbours: the one before, the next and the one after that.
//! [`rule`] states them once; [`RULES`] holds its answer for every
//! combination, so the loop over the text takes a few table lookups a char
//! and no branch on the letters (Metaphone's `match` mispredicted about one
//! branch a char, most of its time).

use super::text::push_upper_nfkd;
use crate::scratch::scratch;

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

/// Texts up to this many bytes are coded in arrays on the stack.
const STACK: usize = 64;

/// [`metaphone`], written to `out` (cleared first): no allocation for short
/// ASCII input when `out` has room (the FFI's reused buffers).
pub fn metaphone_into(s: &str, out: &mut String) {
    out.clear();
    let (mut stack, mut heap) = ([0u8; 2 * STACK], Vec::new());
    let code = scratch(&mut stack, &mut heap, 2 * s.len());
    if let Some(n) = metaphone_ascii(s.as_bytes(), code) {
        out.extend(code[..n].iter().map(|&b| char::from(b)));
        return;
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
    let bytes: Vec<u8> = v.iter().map(|&c| rules_byte(c)).collect();
    let mut code = vec![0u8; 2 * bytes.len()];
    let n = rules(&bytes, &mut code);
    out.extend(code[..n].iter().map(|&b| char::from(b)));
}

/// [`metaphone`] of ASCII text `s` (which uppercasing and NFKD leave one char
/// per byte), written to `out[..n]`; returns `n`. The code is at most twice
/// as long as `s`. `None`, with nothing written, if `s` is not ASCII or
/// `out` is shorter than `2 * s.len()`: [`metaphone`] codes any text.
pub fn metaphone_ascii(s: &[u8], out: &mut [u8]) -> Option<usize> {
    if !s.is_ascii() || out.len() < 2 * s.len() {
        return None;
    }
    // The rules read lowercase ASCII as uppercase: no copy.
    let skip = s.len() >= 2 && silent_start(upper_ascii(s[0]), upper_ascii(s[1]));
    Some(rules(&s[usize::from(skip)..], out))
}

fn upper_ascii(b: u8) -> char {
    char::from(b.to_ascii_uppercase())
}

/// Whether a text starting with `a`, `b` drops its first letter.
fn silent_start(a: char, b: char) -> bool {
    matches!((a, b), ('K', 'N') | ('G', 'N') | ('P', 'N') | ('W', 'R') | ('A', 'E'))
}

// What the rules tell apart in the next char.
/// `A`, `O` or `U`: vowels no rule names.
const N_AOU: u8 = 0;
const N_E: u8 = 1;
const N_I: u8 = 2;
const N_Y: u8 = 3;
const N_H: u8 = 4;
const N_N: u8 = 5;
const N_G: u8 = 6;
const N_C: u8 = 7;
/// No char there, or a literal `*`: jellyfish marks the end with `'*'`, so
/// the two are the same to its rules.
const N_END: u8 = 8;
const N_OTHER: u8 = 9;
/// The next char equals this one (not `C`): a double, of which the first
/// is skipped.
const N_SAME: u8 = 10;
const NEXT_CLASSES: usize = 11;

// What the rules tell apart in the char after next.
const A_A: u8 = 0;
const A_O: u8 = 1;
/// `I` or `E`.
const A_IE: u8 = 2;
const A_U: u8 = 3;
const A_Y: u8 = 4;
const A_H: u8 = 5;
/// As [`N_END`].
const A_END: u8 = 6;
const A_OTHER: u8 = 7;
const AFTER_CLASSES: usize = 8;

// What the rules tell apart in the char before.
const P_NONE: u8 = 0;
const P_SPACE: u8 = 1;
const P_VOWEL: u8 = 2;
const P_M: u8 = 3;
const P_C: u8 = 4;
const P_OTHER: u8 = 5;
const PREV_CLASSES: usize = 6;

/// The char itself as the rules index it: `A`..`Z` as 0..25, space 26, any
/// other char 27.
const SPACE: u8 = 26;
const OTHER: u8 = 27;
const CHARS: usize = 28;

/// A rule's outcome: up to two code bytes, how many of them to keep
/// (or [`SPACE_RULE`]), and how many chars it consumes.
#[derive(Clone, Copy)]
struct Step {
    code: [u8; 2],
    keep: u8,
    advance: u8,
}

/// `keep` of a space: one space, unless the code is empty or ends with one.
const SPACE_RULE: u8 = 3;

const fn emit(c: u8) -> Step {
    Step { code: [c, 0], keep: 1, advance: 1 }
}

/// `c`, consuming `advance` chars.
const fn emit_over(c: u8, advance: u8) -> Step {
    Step { code: [c, 0], keep: 1, advance }
}

/// Nothing, consuming `advance` chars.
const fn skip(advance: u8) -> Step {
    Step { code: [0, 0], keep: 0, advance }
}

const fn next_is_vowel(next: u8) -> bool {
    next == N_AOU || next == N_E || next == N_I
}

const fn next_is_iey(next: u8) -> bool {
    next == N_I || next == N_E || next == N_Y
}

/// Jellyfish's Metaphone rules for the char `c` (uppercase, [`SPACE`] or
/// [`OTHER`] as bytes: `b'A'`..`b'Z'`, `b' '`, anything else) after a char of
/// class `prev` (`P_NONE` at the start), before chars of classes `next`
/// and `after`.
const fn rule(c: u8, prev: u8, next: u8, after: u8) -> Step {
    if next == N_SAME {
        return skip(1);
    }
    let o_or_a = after == A_O || after == A_A;
    match c {
        b'A' | b'E' | b'I' | b'O' | b'U' => {
            if prev == P_NONE || prev == P_SPACE {
                emit(c)
            } else {
                skip(1)
            }
        }
        b'B' => {
            if prev != P_M || next != N_END {
                emit(b'B')
            } else {
                skip(1)
            }
        }
        b'C' => {
            if next == N_I && after == A_A || next == N_H {
                emit_over(b'X', 2)
            } else if next_is_iey(next) {
                emit_over(b'S', 2)
            } else {
                emit(b'K')
            }
        }
        b'D' => {
            if next == N_G && (after == A_IE || after == A_Y) {
                emit_over(b'J', 3)
            } else {
                emit(b'T')
            }
        }
        b'F' | b'J' | b'L' | b'M' | b'N' | b'R' => emit(c),
        b'G' => {
            if next_is_iey(next) {
                emit(b'J')
            } else if (next == N_H && !matches!(after, A_A | A_O | A_IE | A_U)) || (next == N_N && after == A_END) {
                skip(2)
            } else {
                emit(b'K')
            }
        }
        b'H' => {
            if prev != P_VOWEL || next_is_vowel(next) {
                emit(b'H')
            } else {
                skip(1)
            }
        }
        b'K' => {
            if prev != P_C {
                emit(b'K')
            } else {
                skip(1)
            }
        }
        b'P' => {
            if next == N_H {
                emit_over(b'F', 2)
            } else {
                emit(b'P')
            }
        }
        b'Q' => emit(b'K'),
        b'S' => {
            if next == N_H {
                emit_over(b'X', 2)
            } else if next == N_I && o_or_a {
                emit_over(b'X', 3)
            } else {
                emit(b'S')
            }
        }
        b'T' => {
            if next == N_I && o_or_a {
                emit(b'X')
            } else if next == N_H {
                emit_over(b'0', 2)
            } else if next != N_C || after != A_H {
                emit(b'T')
            } else {
                skip(1)
            }
        }
        b'V' => emit(b'F'),
        b'W' => {
            if prev == P_NONE && next == N_H {
                emit_over(b'W', 2)
            } else if next_is_vowel(next) {
                emit(b'W')
            } else {
                skip(1)
            }
        }
        b'X' => {
            if prev != P_NONE {
                Step { code: [b'K', b'S'], keep: 2, advance: 1 }
            } else if next == N_H || (next == N_I && o_or_a) {
                emit(b'X')
            } else {
                emit(b'S')
            }
        }
        b'Y' => {
            if next_is_vowel(next) {
                emit(b'Y')
            } else {
                skip(1)
            }
        }
        b'Z' => emit(b'S'),
        b' ' => Step { code: [b' ', 0], keep: SPACE_RULE, advance: 1 },
        _ => skip(1),
    }
}

/// Where [`rule`]'s outcome for a char and its neighbours' classes sits in
/// [`RULES`]: the sum of one part per char (see [`Parts`]).
const fn index(c: u8, prev: u8, next: u8, after: u8) -> usize {
    ((c as usize * NEXT_CLASSES + next as usize) * AFTER_CLASSES + after as usize) * PREV_CLASSES + prev as usize
}

/// A [`Step`] in two bytes: its first code byte in bits 0-7, `keep` in
/// bits 8-9 and `advance` in bits 10-11. A second code byte is always `S`
/// (`X` gives `KS`), so it needs no bits.
const fn pack(step: Step) -> u16 {
    assert!(step.keep != 2 || step.code[1] == b'S', "a rule writes two bytes other than KS");
    step.code[0] as u16 | (step.keep as u16) << 8 | (step.advance as u16) << 10
}

/// [`RULES`]' length: a power of two above the number of combinations, so
/// that an index masked with `RULES_LEN - 1` needs no bounds check.
const RULES_LEN: usize = (CHARS * NEXT_CLASSES * AFTER_CLASSES * PREV_CLASSES).next_power_of_two();

/// [`rule`]'s outcome for every combination, at [`index`], packed.
static RULES: [u16; RULES_LEN] = {
    let mut table = [0; RULES_LEN];
    let mut c = 0;
    while c < CHARS {
        let byte = match c as u8 {
            SPACE => b' ',
            OTHER => 0,
            letter => b'A' + letter,
        };
        let mut next = 0;
        while next < NEXT_CLASSES {
            let mut after = 0;
            while after < AFTER_CLASSES {
                let mut prev = 0;
                while prev < PREV_CLASSES {
                    table[index(c as u8, prev as u8, next as u8, after as u8)] =
                        pack(rule(byte, prev as u8, next as u8, after as u8));
                    prev += 1;
                }
                after += 1;
            }
            next += 1;
        }
        c += 1;
    }
    table
};

/// What a char adds to the [`index`] of the rule it is the char of
/// (`[0]`), the next char of (`[1]`), the char after next of (`[2]`) and the
/// char before of (`[3]`): `index(c, p, n, a)` is
/// `parts(c)[0] + parts(n)[1] + parts(a)[2] + parts(p)[3]`.
type Parts = [u16; 4];

const fn parts(char_class: u8, next_class: u8, after_class: u8, prev_class: u8) -> Parts {
    [
        index(char_class, 0, 0, 0) as u16,
        index(0, 0, next_class, 0) as u16,
        index(0, 0, 0, after_class) as u16,
        index(0, prev_class, 0, 0) as u16,
    ]
}

/// The [`Parts`] of each byte, uppercase or lowercase alike (the rules
/// read uppercased text).
static BYTE_PARTS: [Parts; 256] = {
    let mut table = [parts(OTHER, N_OTHER, A_OTHER, P_OTHER); 256];
    let mut b = 0;
    while b < 256 {
        let up = (b as u8).to_ascii_uppercase();
        let char_class = match up {
            b'A'..=b'Z' => up - b'A',
            b' ' => SPACE,
            _ => OTHER,
        };
        let next_class = match up {
            b'A' | b'O' | b'U' => N_AOU,
            b'E' => N_E,
            b'I' => N_I,
            b'Y' => N_Y,
            b'H' => N_H,
            b'N' => N_N,
            b'G' => N_G,
            b'C' => N_C,
            b'*' => N_END,
            _ => N_OTHER,
        };
        let after_class = match up {
            b'A' => A_A,
            b'O' => A_O,
            b'I' | b'E' => A_IE,
            b'U' => A_U,
            b'Y' => A_Y,
            b'H' => A_H,
            b'*' => A_END,
            _ => A_OTHER,
        };
        let prev_class = match up {
            b' ' => P_SPACE,
            b'A' | b'E' | b'I' | b'O' | b'U' => P_VOWEL,
            b'M' => P_M,
            b'C' => P_C,
            _ => P_OTHER,
        };
        table[b] = parts(char_class, next_class, after_class, prev_class);
        b += 1;
    }
    table
};

/// The [`Parts`] before the first char (only `[3]` is read: no char before).
const START: Parts = parts(OTHER, N_OTHER, A_OTHER, P_NONE);
/// The [`Parts`] past the last char. `[0]` is no char's, so the last char
/// is never a double.
const END: Parts = {
    let mut p = parts(OTHER, N_END, A_END, P_OTHER);
    p[0] = u16::MAX;
    p
};
/// `[0]` of `C`, the one letter whose doubles are not skipped.
const C_PART: u16 = parts(b'C' - b'A', N_OTHER, A_OTHER, P_OTHER)[0];
/// The next char's part of a double.
const SAME_PART: u16 = index(0, 0, N_SAME, 0) as u16;

/// The byte whose [`Parts`] an uppercased, decomposed char has: itself if
/// it is ASCII and not lowercase, else 0x80, which has the parts of "other"
/// everywhere. What decomposition leaves lowercase (`"㎏"` gives `"kg"`) is
/// no letter to the rules.
fn rules_byte(c: char) -> u8 {
    if c.is_ascii() && !c.is_ascii_lowercase() {
        c as u8
    } else {
        0x80
    }
}

/// Writes the code of the chars `v` (bytes as [`BYTE_PARTS`] reads them) to
/// `out[..n]` (`out` holds at least `2 * v.len()` bytes: no char gives more
/// than two) and returns `n`.
///
/// Every char's rule is looked up, including those a rule before consumed
/// (they keep nothing): the lookups do not wait on each other. The last two
/// chars, which have the end after them, are coded after the loop, so that
/// the loop reads its chars without a check.
fn rules(v: &[u8], out: &mut [u8]) -> usize {
    let parts = |b: u8| BYTE_PARTS[usize::from(b)];
    let mut code = Code { out, len: 0, skip_left: 0 };
    let (mut prev, mut cur, mut next) = (START, END, END);
    if let Some(&b) = v.first() {
        cur = parts(b);
    }
    if let Some(&b) = v.get(1) {
        next = parts(b);
    }
    for &b in v.iter().skip(2) {
        let after = parts(b);
        code.take(step(prev, cur, next, after));
        (prev, cur, next) = (cur, next, after);
    }
    for _ in 0..v.len().min(2) {
        code.take(step(prev, cur, next, END));
        (prev, cur, next) = (cur, next, END);
    }
    code.len
}

/// The packed step of the char with parts `cur` between chars with parts
/// `prev`, `next` and `after`.
#[inline(always)]
fn step(prev: Parts, cur: Parts, next: Parts, after: Parts) -> u16 {
    // Doubles (but CC) skip their first. Equal parts are equal letters,
    // both spaces, or two chars that code to nothing either way.
    let double = next[0] == cur[0] && cur[0] != C_PART;
    let next_part = if double { SAME_PART } else { next[1] };
    let at = usize::from(cur[0]) + usize::from(next_part) + usize::from(after[2]) + usize::from(prev[3]);
    RULES[at & (RULES_LEN - 1)]
}

/// The code being written, and how many chars the last rule still consumes.
struct Code<'a> {
    out: &'a mut [u8],
    len: usize,
    skip_left: u8,
}

impl Code<'_> {
    /// Applies the next char's packed step, unless a rule before consumed it.
    #[inline(always)]
    fn take(&mut self, step: u16) {
        if self.skip_left > 0 {
            self.skip_left -= 1;
            return;
        }
        let [code0, flags] = step.to_le_bytes();
        let (keep, code1) = (flags & 3, b'S');
        let k = self.len;
        let keep = if keep == SPACE_RULE { usize::from(k > 0 && self.out[k - 1] != b' ') } else { usize::from(keep) };
        self.out[k] = code0;
        self.out[k + 1] = code1;
        self.len = k + keep;
        self.skip_left = (flags >> 2) - 1;
    }
}
