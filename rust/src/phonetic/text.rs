//! Shared text helpers: Unicode uppercasing followed by (partial) NFKD
//! decomposition, and an approximation of extended grapheme clusters.
//!
//! std has no normalization or grapheme-break data, so both rely on the
//! generated tables in `tables.rs`; see the module documentation of
//! [`crate::phonetic`] for exactly what is covered.

use super::tables::{DECOMP, GCB_RANGES};

/// Appends the NFKD form of `c` to `out` (as far as our tables know it).
///
/// Covered: every mapping of [`DECOMP`] (all of Unicode 14) and the Hangul
/// syllables (algorithmic); any other char is appended unchanged. Canonical
/// reordering of runs of combining marks is not performed.
#[inline]
pub(super) fn push_nfkd(c: char, out: &mut Vec<char>) {
    let cp = c as u32;
    if cp < 0xA0 {
        out.push(c);
        return;
    }
    if (0xAC00..=0xD7A3).contains(&cp) {
        let s = cp - 0xAC00;
        let (l, v, t) = (0x1100 + s / 588, 0x1161 + (s % 588) / 28, 0x11A7 + s % 28);
        for x in [l, v] {
            out.extend(char::from_u32(x));
        }
        if t != 0x11A7 {
            out.extend(char::from_u32(t));
        }
        return;
    }
    match DECOMP.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.extend(DECOMP[i].1.chars()),
        Err(_) => out.push(c),
    }
}

/// Appends `s` uppercased (Unicode full case mapping, like
/// `str::to_uppercase`) and then decomposed by [`push_nfkd`] to `out`.
pub(super) fn push_upper_nfkd(s: &str, out: &mut Vec<char>) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            for u in c.to_uppercase() {
                push_nfkd(u, out);
            }
        }
    }
}

/// Uppercases `s` (Unicode full case mapping); borrows when nothing changes.
pub(super) fn upper(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_lowercase()) {
            std::borrow::Cow::Owned(s.to_ascii_uppercase())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    } else {
        std::borrow::Cow::Owned(s.to_uppercase())
    }
}

/// Grapheme_Cluster_Break classes (approximated, see [`gcb`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gcb {
    Other,
    Cr,
    Lf,
    Control,
    Extend,
    Zwj,
    SpacingMark,
    Prepend,
    L,
    V,
    T,
    Lv,
    Lvt,
    Ri,
    Pict,
}

/// Extended_Pictographic, approximated by ranges (emoji-data).
fn is_pict(cp: u32) -> bool {
    matches!(cp,
        0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x2199
        | 0x21A9..=0x21AA | 0x231A..=0x231B | 0x2328 | 0x2388 | 0x23CF
        | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x24C2 | 0x25AA..=0x25AB | 0x25B6
        | 0x25C0 | 0x25FB..=0x25FE | 0x2600..=0x2605 | 0x2607..=0x2612
        | 0x2614..=0x2685 | 0x2690..=0x2705 | 0x2708..=0x2712 | 0x2714 | 0x2716
        | 0x271D | 0x2721 | 0x2728 | 0x2733..=0x2734 | 0x2744 | 0x2747 | 0x274C
        | 0x274E | 0x2753..=0x2755 | 0x2757 | 0x2763..=0x2767 | 0x2795..=0x2797
        | 0x27A1 | 0x27B0 | 0x27BF | 0x2934..=0x2935 | 0x2B05..=0x2B07
        | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55 | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1F0FF | 0x1F10D..=0x1F10F | 0x1F12F | 0x1F16C..=0x1F171
        | 0x1F17E..=0x1F17F | 0x1F18E | 0x1F191..=0x1F19A | 0x1F1AD..=0x1F1E5
        | 0x1F201..=0x1F20F | 0x1F21A | 0x1F22F | 0x1F232..=0x1F23A
        | 0x1F23C..=0x1F23F | 0x1F249..=0x1F3FA | 0x1F400..=0x1F53D
        | 0x1F546..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F774..=0x1F77F
        | 0x1F7D5..=0x1F7FF | 0x1F80C..=0x1F80F | 0x1F848..=0x1F84F
        | 0x1F85A..=0x1F85F | 0x1F888..=0x1F88F | 0x1F8AE..=0x1F8FF
        | 0x1F90C..=0x1F93A | 0x1F93C..=0x1F945 | 0x1F947..=0x1FAFF
        | 0x1FC00..=0x1FFFD)
}

/// The Grapheme_Cluster_Break class of `c`, approximated from general
/// categories (Mn/Me: Extend, Mc: SpacingMark, Cc/Cf/Zl/Zp: Control) plus the
/// hand-listed exceptions below.
pub(super) fn gcb(c: char) -> Gcb {
    let cp = c as u32;
    if cp < 0x7F {
        return match cp {
            0x0D => Gcb::Cr,
            0x0A => Gcb::Lf,
            0..=0x1F => Gcb::Control,
            _ => Gcb::Other,
        };
    }
    match cp {
        0x200D => return Gcb::Zwj,
        0x200C | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xFF9E..=0xFF9F => return Gcb::Extend,
        // Other_Grapheme_Extend letters of category Mc.
        0x09BE | 0x09D7 | 0x0B3E | 0x0B57 | 0x0BBE | 0x0BD7 | 0x0CC2 | 0x0CD5..=0x0CD6
        | 0x0D3E | 0x0D57 | 0x0DCF | 0x0DDF | 0x302E..=0x302F | 0x1133E | 0x11357
        | 0x114B0 | 0x114BD | 0x115AF | 0x11930 | 0x1D165 | 0x1D16E..=0x1D172 => {
            return Gcb::Extend
        }
        // Mc characters that are not SpacingMark.
        0x102B..=0x102C | 0x1038 | 0x1062..=0x1064 | 0x1067..=0x106D | 0x1083
        | 0x1087..=0x108C | 0x108F | 0x109A..=0x109C | 0x1A61 | 0x1A63..=0x1A64
        | 0xAA7B | 0xAA7D | 0x11720..=0x11721 => return Gcb::Other,
        0x0E33 | 0x0EB3 => return Gcb::SpacingMark,
        0x0600..=0x0605 | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x110BD | 0x110CD => {
            return Gcb::Prepend
        }
        0x1100..=0x115F | 0xA960..=0xA97C => return Gcb::L,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => return Gcb::V,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => return Gcb::T,
        0xAC00..=0xD7A3 => {
            return if (cp - 0xAC00) % 28 == 0 { Gcb::Lv } else { Gcb::Lvt };
        }
        0x1F1E6..=0x1F1FF => return Gcb::Ri,
        _ => {}
    }
    if is_pict(cp) {
        return Gcb::Pict;
    }
    match GCB_RANGES.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => GCB_RANGES[i].2,
        Err(_) => Gcb::Other,
    }
}

/// Splits `s` into (approximate) extended grapheme clusters, following the
/// UAX #29 rules GB3-GB13 (GB9c, Indic conjuncts, is not applied).
pub(super) fn graphemes(s: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(s.len());
    if s.bytes().all(|b| b.is_ascii() && b != b'\r') {
        // Fast path: every char is its own cluster.
        for i in 0..s.len() {
            out.push(&s[i..i + 1]);
        }
        return out;
    }
    let mut start = 0;
    let mut prev = None::<Gcb>;
    let mut pict_ext = false; // the text so far ends with Pict Extend*
    let mut pict_zwj = false; // ... ends with Pict Extend* ZWJ
    let mut ri_run = 0usize; // number of RIs ending the text so far
    for (i, c) in s.char_indices() {
        let cur = gcb(c);
        if let Some(p) = prev {
            use Gcb::*;
            let join = match (p, cur) {
                (Cr, Lf) => true,
                (Control | Cr | Lf, _) => false,
                (_, Control | Cr | Lf) => false,
                (L, L | V | Lv | Lvt) => true,
                (Lv | V, V | T) => true,
                (Lvt | T, T) => true,
                (_, Extend | Zwj | SpacingMark) => true,
                (Prepend, _) => true,
                (Zwj, Pict) => pict_zwj,
                (Ri, Ri) => ri_run % 2 == 1,
                _ => false,
            };
            if !join {
                out.push(&s[start..i]);
                start = i;
            }
        }
        pict_zwj = cur == Gcb::Zwj && pict_ext;
        pict_ext = match cur {
            Gcb::Pict => true,
            Gcb::Extend => pict_ext,
            _ => false,
        };
        ri_run = if cur == Gcb::Ri { ri_run + 1 } else { 0 };
        prev = Some(cur);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}
