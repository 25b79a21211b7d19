//! Phonetic codes: Soundex, Metaphone, NYSIIS, Match Rating Approach (all
//! with exactly the results of Python's jellyfish 1.3.0) and Double
//! Metaphone (primary and alternate codes, after Lawrence Philips' original
//! C++ implementation).
//!
//! All functions take `&str`, never panic, and allocate only their result
//! and small scratch buffers. The `*_into` forms write into a caller's
//! `String` instead, and allocate nothing for ASCII text once it has room
//! (the FFI reuses one per thread).
//!
//! # Non-ASCII input
//!
//! Every function first uppercases its input with Unicode full case mapping
//! (`char::to_uppercase`, so `ß` becomes `SS`, `ﬁ` becomes `FI`, `ǰ` becomes
//! `J` + U+030C). After that the functions differ, because jellyfish does:
//!
//! - [`soundex`] and [`metaphone`] apply NFKD decomposition, as jellyfish
//!   does, from our own generated table (every NFKD mapping of Unicode 14,
//!   the version of the Python used to generate it, plus algorithmic Hangul
//!   syllables). So `É` becomes `E` followed by the combining mark U+0301,
//!   `Ａ` becomes `A`, `𝐀` becomes `A`, `Ⅻ` becomes `XII`, NBSP becomes a space.
//!   Combining marks are *not* removed: like every char that is not an ASCII
//!   letter (or a space, for Metaphone) they produce nothing but still
//!   separate their neighbours, exactly as in jellyfish. Soundex copies the
//!   first decomposed char verbatim, whatever it is (`"¿"` gives `"¿000"`,
//!   `"é"` gives `"E000"`, `"한"` gives `"ᄒ000"`).
//!   Runs of several combining marks are not canonically reordered; this
//!   changes nothing except a Soundex code of a string that starts with
//!   two or more combining marks of different combining classes.
//! - [`nysiis`] and [`match_rating_codex`] do not decompose; they work on
//!   extended grapheme clusters of the uppercased text, as jellyfish does.
//!   A cluster is a letter only if it is exactly one ASCII letter (so
//!   `É`, precomposed or `E` + U+0301, is not a vowel), and clusters that
//!   the rules do not rewrite are copied into the code verbatim (`"ç"` gives
//!   `"Ç"`). Clusters come from our approximation of UAX #29 (rules GB3 to
//!   GB13; Extend/SpacingMark/Control derived from general categories;
//!   Extended_Pictographic from ranges; GB9c Indic conjunct rule not
//!   applied), built on Python's Unicode 14 data, while jellyfish uses the
//!   `unicode-segmentation` crate.
//! - [`match_rating_codex`] rejects input with any char (after uppercasing)
//!   that is neither `char::is_alphabetic` nor an ASCII space, with
//!   [`PhoneticError::NonAlphabetic`], as jellyfish raises `ValueError`.
//!   Non-Latin letters are accepted and copied into the codex. The 6-char
//!   limit is applied, as in jellyfish, when the codex exceeds 6 *bytes*.
//! - [`double_metaphone`] (no jellyfish counterpart) uses the same NFKD
//!   table but then drops combining marks, so a Latin letter with diacritics
//!   counts as its base letter (`José` is `JOSE`); `Ç` and `Ñ` (precomposed
//!   or with a combining cedilla/tilde) are kept and coded `S` and `N`, as in
//!   the original. Every other non-ASCII char is skipped but still occupies
//!   a position, like an unknown char in the original.
//!
//! Results are therefore made of `A-Z`, digits and spaces whenever the
//! input is ASCII letters and spaces (Soundex's first char is the input's
//! first char, so it may be a space; Metaphone, NYSIIS and the MRA codex keep
//! spaces between words). With other input, Soundex's first char, NYSIIS and
//! the MRA codex may carry any other char, because jellyfish's do; Double
//! Metaphone codes are always `A-Z` and `0` only.

mod double_metaphone;
mod match_rating;
mod metaphone;
mod nysiis;
mod soundex;
mod tables;
mod text;

#[cfg(test)]
mod tests;

pub use double_metaphone::double_metaphone;
pub use match_rating::{match_rating_codex, match_rating_codex_into, match_rating_comparison};
pub use metaphone::{metaphone, metaphone_ascii, metaphone_into};
pub use nysiis::{nysiis, nysiis_ascii, nysiis_into};
pub use soundex::{soundex, soundex_ascii, soundex_into};

/// Error of the Match Rating Approach functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneticError {
    /// The input has a char that is neither alphabetic nor an ASCII space
    /// (jellyfish raises `ValueError` with this message).
    NonAlphabetic,
}

impl std::fmt::Display for PhoneticError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhoneticError::NonAlphabetic => {
                f.write_str("Strings must only contain alphabetical characters")
            }
        }
    }
}

impl std::error::Error for PhoneticError {}
