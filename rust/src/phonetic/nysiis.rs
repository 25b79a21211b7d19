//! NYSIIS, with jellyfish 1.3.0's exact behaviour.

use super::text::{graphemes, upper};

#[inline]
fn is_vowel(g: &str) -> bool {
    matches!(g, "A" | "E" | "I" | "O" | "U")
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
    if s.is_empty() {
        return String::new();
    }
    let up = upper(s);
    let s: &str = &up;
    let mut v = graphemes(s);

    // Step 1: prefixes.
    if s.starts_with("MAC") {
        v[1] = "C";
    } else if s.starts_with("KN") {
        v.remove(0);
    } else if s.starts_with('K') {
        v[0] = "C";
    } else if s.starts_with("PH") || s.starts_with("PF") {
        v[0] = "F";
        v[1] = "F";
    } else if s.starts_with("SCH") {
        v[1] = "S";
        v[2] = "S";
    }

    // Step 2: suffixes.
    if s.ends_with("IE") || s.ends_with("EE") {
        v.pop();
        v.pop();
        v.push("Y");
    } else if ["DT", "RT", "RD", "NT", "ND"].iter().any(|x| s.ends_with(x)) {
        v.pop();
        v.pop();
        v.push("D");
    }

    // Step 3: the key starts with the first cluster.
    let mut key: Vec<&str> = Vec::with_capacity(v.len() + 2);
    key.push(v[0]);

    // Step 4: translate the rest.
    let n = v.len();
    let mut i = 1;
    while i < n {
        let g = v[i];
        let has = |j: usize, x: &str| j < n && v[j] == x;
        let mut buf: [&str; 2] = ["", ""];
        let m: usize;
        if g == "E" && has(i + 1, "V") {
            i += 1;
            buf = ["A", "F"];
            m = 2;
        } else if is_vowel(g) {
            buf[0] = "A";
            m = 1;
        } else if g == "Q" {
            buf[0] = "G";
            m = 1;
        } else if g == "Z" {
            buf[0] = "S";
            m = 1;
        } else if g == "M" {
            buf[0] = "N";
            m = 1;
        } else if g == "K" {
            buf[0] = if has(i + 1, "N") { "N" } else { "C" };
            m = 1;
        } else if g == "S" && i + 2 < n && v[i + 1] == "C" && v[i + 2] == "H" {
            i += 2;
            buf = ["S", "S"];
            m = 2;
        } else if g == "P" && has(i + 1, "H") {
            i += 1;
            buf[0] = "F";
            m = 1;
        } else if g == "H"
            && (!is_vowel(v[i - 1]) || (i + 1 < n && !is_vowel(v[i + 1])) || i + 1 == n)
        {
            buf[0] = if is_vowel(v[i - 1]) { "A" } else { v[i - 1] };
            m = 1;
        } else if g == "W" && is_vowel(v[i - 1]) {
            buf[0] = v[i - 1];
            m = 1;
        } else {
            buf[0] = g;
            m = 1;
        }
        if key.last() != Some(&buf[m - 1]) {
            key.extend_from_slice(&buf[..m]);
        }
        i += 1;
    }

    // Step 5: drop a trailing S.
    if key.len() > 1 && key.last() == Some(&"S") {
        key.pop();
    }
    // Step 6: AY -> Y at the end.
    if key.ends_with(&["A", "Y"]) {
        key.remove(key.len() - 2);
    }
    // Step 7: drop a trailing A.
    if key.len() > 1 && key.last() == Some(&"A") {
        key.pop();
    }
    key.concat()
}
