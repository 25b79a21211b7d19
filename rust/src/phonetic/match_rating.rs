//! Match Rating Approach (Western Airlines, 1977), with jellyfish 1.3.0's
//! exact behaviour.

use super::text::{graphemes, upper};
use super::PhoneticError;

/// Match Rating Approach codex of `s`, exactly as
/// `jellyfish.match_rating_codex` (1.3.0) computes it.
///
/// The input is uppercased; every char of the result must then be
/// alphabetic (`char::is_alphabetic`, any script) or an ASCII space, else
/// [`PhoneticError::NonAlphabetic`] (jellyfish raises `ValueError`). Digits,
/// punctuation, tabs and combining marks that are not alphabetic (e.g.
/// U+0301) are therefore errors. The uppercased text is split into
/// (approximate) grapheme clusters; a cluster is a vowel only if it is one of
/// `A E I O U` exactly. A vowel is kept only in first position, any other
/// cluster (including a space) unless it repeats the previous cluster. If the
/// result is longer than 6 *bytes* of UTF-8 it is cut to its first 3 and
/// last 3 chars, as jellyfish does (so non-ASCII letters can make a codex of
/// 4 or 5 chars be "cut" into 6: `"Пётр"` gives `"ПЁТЁТР"`).
pub fn match_rating_codex(s: &str) -> Result<String, PhoneticError> {
    let mut codex = String::new();
    match_rating_codex_into(s, &mut codex)?;
    Ok(codex)
}

/// [`match_rating_codex`], written to `out` (cleared first): no allocation
/// for ASCII input when `out` has room (the FFI's reused buffers). On an
/// error `out` is left empty.
pub fn match_rating_codex_into(s: &str, out: &mut String) -> Result<(), PhoneticError> {
    out.clear();
    if s.is_ascii() {
        // Fast path: only letters and spaces pass, and every byte is its own
        // grapheme cluster (no CR), uppercased on the way.
        if !s.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
            return Err(PhoneticError::NonAlphabetic);
        }
        let mut prev = 0u8;
        for (i, b) in s.bytes().map(|b| b.to_ascii_uppercase()).enumerate() {
            let vowel = matches!(b, b'A' | b'E' | b'I' | b'O' | b'U');
            if (i == 0 && vowel) || (!vowel && b != prev) {
                out.push(b as char);
            }
            prev = b;
        }
        if out.len() > 6 {
            out.replace_range(3..out.len() - 3, "");
        }
        return Ok(());
    }
    out.push_str(&codex_of_clusters(s)?);
    Ok(())
}

/// The codex of non-ASCII text, through its grapheme clusters.
fn codex_of_clusters(s: &str) -> Result<String, PhoneticError> {
    let up = upper(s);
    let s: &str = &up;
    if !s.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return Err(PhoneticError::NonAlphabetic);
    }
    let mut codex = String::with_capacity(s.len());
    let mut prev = "";
    let mut first = true;
    for g in graphemes(s) {
        let vowel = matches!(g, "A" | "E" | "I" | "O" | "U");
        if (first && vowel) || (!vowel && g != prev) {
            codex.push_str(g);
        }
        first = false;
        prev = g;
    }
    if codex.len() > 6 {
        let n = codex.chars().count();
        let head: String = codex.chars().take(3).collect();
        let tail: String = codex.chars().skip(n.saturating_sub(3)).collect();
        return Ok(head + &tail);
    }
    Ok(codex)
}

/// Match Rating Approach comparison of `a` and `b`, as
/// `jellyfish.match_rating_comparison` (1.3.0) computes it.
///
/// - `Err(NonAlphabetic)` when either codex is an error (see
///   [`match_rating_codex`]); jellyfish's Python function returns `None`
///   in that case.
/// - `Ok(None)` when the codex lengths (in UTF-8 bytes, as jellyfish
///   measures them) differ by 3 or more; jellyfish returns `None`.
/// - `Ok(Some(similar))` otherwise.
///
/// So `match_rating_comparison(a, b).ok().flatten()` is exactly jellyfish's
/// Python result.
pub fn match_rating_comparison(a: &str, b: &str) -> Result<Option<bool>, PhoneticError> {
    CODICES.with(|codices| {
        let (c1, c2) = &mut *codices.borrow_mut();
        match_rating_codex_into(a, c1)?;
        match_rating_codex_into(b, c2)?;
        Ok(compare_codices(c1, c2))
    })
}

thread_local! {
    /// The two codices of a comparison, reused: no allocation a call.
    static CODICES: std::cell::RefCell<(String, String)> = const {
        std::cell::RefCell::new((String::new(), String::new()))
    };
}

/// At most 6 chars, which a codex is (a longer one is cut to 3 + 3).
#[derive(Default)]
struct Six {
    chars: [char; 6],
    len: usize,
}

impl Six {
    fn push(&mut self, c: char) {
        self.chars[self.len] = c;
        self.len += 1;
    }

    fn as_slice(&self) -> &[char] {
        &self.chars[..self.len]
    }
}

/// The comparison of two codices (None: lengths 3 or more bytes apart).
fn compare_codices(c1: &str, c2: &str) -> Option<bool> {
    let (longer, shorter) = if c1.len() > c2.len() { (c1, c2) } else { (c2, c1) };
    if longer.len() - shorter.len() >= 3 {
        return None;
    }
    let lensum = longer.len() + shorter.len();

    // Drop the pairs that match position by position, left to right.
    let mut r1 = Six::default();
    let mut r2 = Six::default();
    let (mut i1, mut i2) = (longer.chars(), shorter.chars());
    loop {
        match (i1.next(), i2.next()) {
            (Some(x), Some(y)) => {
                if x != y {
                    r1.push(x);
                    r2.push(y);
                }
            }
            (Some(x), None) => r1.push(x),
            (None, Some(y)) => r2.push(y),
            (None, None) => break,
        }
    }
    // Count what is still unmatched, right to left.
    let (mut u1, mut u2) = (0usize, 0usize);
    let (mut j1, mut j2) = (r1.as_slice().iter().rev(), r2.as_slice().iter().rev());
    loop {
        match (j1.next(), j2.next()) {
            (Some(x), Some(y)) => {
                if x != y {
                    u1 += 1;
                    u2 += 1;
                }
            }
            (Some(_), None) => u1 += 1,
            (None, Some(_)) => u2 += 1,
            (None, None) => break,
        }
    }
    let score = 6 - u1.max(u2) as i64;
    let min = match lensum {
        0..=4 => 5,
        5..=7 => 4,
        8..=11 => 3,
        _ => 2,
    };
    Some(score >= min)
}
