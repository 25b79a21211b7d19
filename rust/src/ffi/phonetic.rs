//! Phonetic code exports: Soundex, Metaphone, NYSIIS, the Match Rating
//! Approach (codex and comparison) and Double Metaphone.
//!
//! Phonetic codes work on text, so each input is decoded to Unicode first:
//! `FFZ_KIND_UTF8` is validated (`FFZ_INVALID_UTF8`), `FFZ_KIND_U8` is read
//! as Latin-1, `FFZ_KIND_U32` as code points, of which surrogates
//! (U+D800..U+DFFF) and values above U+10FFFF are rejected with
//! `FFZ_INVALID_ARGUMENT` (they are not text; Python's `str` allows lone
//! surrogates, and jellyfish rejects them too, with `UnicodeEncodeError`).
//! `FFZ_KIND_U64` (hashes) gives `FFZ_INVALID_ARGUMENT`. The non-ASCII
//! rules of each code are those of jellyfish 1.3.0; docs/phonetic.md
//! describes them.
//!
//! Codes are returned as UTF-8 in library-allocated `ffz_bytes` (read with
//! `ffz_bytes_data`, free with `ffz_bytes_free`), or, for bindings where
//! each call and allocation counts, written into a caller buffer by
//! `ffz_phonetic_into`; `ffz_phonetic_batch` codes many strings in one call.

use super::FFZ_NOT_ALPHABETIC;
use super::error::{guard, non_null, write_out, FfiError, FfiResult};
use super::results::ffz_bytes;
use super::{
    ffz_str, FFZ_INVALID_ARGUMENT, FFZ_INVALID_UTF8, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8,
    FFZ_KIND_UTF8, FFZ_MAX_LEN, FFZ_NULL_POINTER, FFZ_TOO_LARGE, FFZ_UNKNOWN_KIND,
};
use crate::phonetic::{self, PhoneticError};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::c_char;


/// `algorithm` of `ffz_phonetic_into` / `ffz_phonetic_batch`: Soundex.
pub const FFZ_PHONETIC_SOUNDEX: u32 = 1;
/// `algorithm`: Metaphone.
pub const FFZ_PHONETIC_METAPHONE: u32 = 2;
/// `algorithm`: NYSIIS.
pub const FFZ_PHONETIC_NYSIIS: u32 = 3;
/// `algorithm`: Match Rating Approach codex.
pub const FFZ_PHONETIC_MATCH_RATING_CODEX: u32 = 4;
/// `algorithm`: Double Metaphone (two codes per input: primary, then
/// alternate).
pub const FFZ_PHONETIC_DOUBLE_METAPHONE: u32 = 5;

/// Decodes `s` to text (see the module comment for the rules).
///
/// # Safety
/// As for `strings::read`: `s.data` points to `s.len` units of its kind,
/// valid for `'a`, or may be NULL when `s.len` is 0.
unsafe fn read_text<'a>(s: &ffz_str, what: &str) -> FfiResult<Cow<'a, str>> {
    let width = match s.kind {
        FFZ_KIND_U8 | FFZ_KIND_UTF8 => 1,
        FFZ_KIND_U32 => 4,
        FFZ_KIND_U64 => {
            return Err(FfiError::new(
                FFZ_INVALID_ARGUMENT,
                format!("{what}: phonetic codes need text; kind 8 (64-bit units) is not text"),
            ))
        }
        other => {
            return Err(FfiError::new(
                FFZ_UNKNOWN_KIND,
                format!("{what}: unknown string kind {other} (expected 1, 4, 8 or 16)"),
            ))
        }
    };
    let bytes = raw_bytes(s, width, what)?;
    if bytes.is_empty() {
        return Ok(Cow::Borrowed(""));
    }
    match s.kind {
        FFZ_KIND_UTF8 => utf8_text(bytes, what),
        FFZ_KIND_U8 => Ok(match ascii(bytes) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(bytes.iter().map(|&b| b as char).collect()),
        }),
        _ => {
            let mut text = String::with_capacity(s.len);
            for (i, unit) in bytes.chunks_exact(4).enumerate() {
                let value = u32::from_ne_bytes([unit[0], unit[1], unit[2], unit[3]]);
                let c = char::from_u32(value).ok_or_else(|| {
                    let why = if (0xD800..=0xDFFF).contains(&value) { "a lone surrogate" } else { "beyond U+10FFFF" };
                    FfiError::new(
                        FFZ_INVALID_ARGUMENT,
                        format!("{what}: code point {value:#X} at index {i} is {why}, not text"),
                    )
                })?;
                text.push(c);
            }
            Ok(Cow::Owned(text))
        }
    }
}

/// The bytes of `s`'s `s.len` units of `width` bytes each, after the checks
/// every reader makes: the length limit, and data not NULL unless empty.
///
/// # Safety
/// As for [`read_text`].
unsafe fn raw_bytes<'a>(s: &ffz_str, width: usize, what: &str) -> FfiResult<&'a [u8]> {
    if s.len > FFZ_MAX_LEN {
        return Err(FfiError::new(
            FFZ_TOO_LARGE,
            format!("{what}: length {} exceeds the limit of {FFZ_MAX_LEN} units", s.len),
        ));
    }
    if s.len == 0 {
        return Ok(&[]);
    }
    if s.data.is_null() {
        return Err(FfiError::new(FFZ_NULL_POINTER, format!("{what}: data is NULL but len is {}", s.len)));
    }
    Ok(std::slice::from_raw_parts(s.data as *const u8, s.len * width))
}

/// `bytes` as text when they are ASCII, in one pass: `from_utf8` would
/// check them again, at several times the cost for the short names of
/// phonetic calls.
fn ascii(bytes: &[u8]) -> Option<&str> {
    // SAFETY: ASCII is valid UTF-8.
    bytes.is_ascii().then(|| unsafe { std::str::from_utf8_unchecked(bytes) })
}

fn utf8_text<'a>(bytes: &'a [u8], what: &str) -> FfiResult<Cow<'a, str>> {
    if let Some(text) = ascii(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|e| FfiError::new(FFZ_INVALID_UTF8, format!("{what}: invalid UTF-8: {e}")))
}

fn not_alphabetic(e: PhoneticError) -> FfiError {
    FfiError::new(FFZ_NOT_ALPHABETIC, e.to_string())
}

/// The code(s) of `text` under `algorithm`, written to `first` and, for
/// Double Metaphone, `second` (both cleared first). Returns whether there
/// are two codes. The buffers are reused across calls, so the common case,
/// ASCII text, allocates nothing.
fn compute_into(algorithm: u32, text: &str, first: &mut String, second: &mut String) -> FfiResult<bool> {
    match algorithm {
        FFZ_PHONETIC_SOUNDEX => phonetic::soundex_into(text, first),
        FFZ_PHONETIC_METAPHONE => phonetic::metaphone_into(text, first),
        FFZ_PHONETIC_NYSIIS => phonetic::nysiis_into(text, first),
        FFZ_PHONETIC_MATCH_RATING_CODEX => {
            phonetic::match_rating_codex_into(text, first).map_err(not_alphabetic)?
        }
        FFZ_PHONETIC_DOUBLE_METAPHONE => {
            (*first, *second) = phonetic::double_metaphone(text);
            return Ok(true);
        }
        other => {
            return Err(FfiError::new(
                FFZ_INVALID_ARGUMENT,
                format!("unknown phonetic algorithm {other} (expected 1 to 5, FFZ_PHONETIC_*)"),
            ))
        }
    }
    Ok(false)
}

thread_local! {
    /// The code buffers of ffz_phonetic_into, reused by each thread.
    static CODES: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

fn new_bytes(data: Vec<u8>) -> *mut ffz_bytes {
    Box::into_raw(Box::new(ffz_bytes { data }))
}

unsafe fn one_code(s: ffz_str, out: *mut *mut ffz_bytes, code: fn(&str) -> FfiResult<String>) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let text = read_text(&s, "s")?;
        let result = code(&text)?;
        write_out(out, new_bytes(result.into_bytes()));
        Ok(())
    })
}

/// Soundex code of `s`, exactly as `jellyfish.soundex` (1.3.0) computes it:
/// normally a letter and three digits (`"Robert"` -> `"R163"`); `""` gives
/// `""`.
///
/// - `s`: text of kind `FFZ_KIND_UTF8`, `FFZ_KIND_U8` (Latin-1) or
///   `FFZ_KIND_U32` (code points; surrogates are rejected).
/// - `out`: receives a new `ffz_bytes` holding the code as UTF-8 (no NUL
///   terminator), which the caller frees with `ffz_bytes_free`. Written only
///   on success.
///
/// Errors: `FFZ_NULL_POINTER` (`out` NULL, or `s.data` NULL with a nonzero
/// `len`), `FFZ_INVALID_UTF8`, `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_ARGUMENT`
/// (kind `FFZ_KIND_U64`, or a surrogate or out-of-range code point),
/// `FFZ_TOO_LARGE`. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_soundex(s: ffz_str, out: *mut *mut ffz_bytes) -> i32 {
    one_code(s, out, |t| Ok(phonetic::soundex(t)))
}

/// Metaphone code of `s`, exactly as `jellyfish.metaphone` (1.3.0) computes
/// it (`"metaphone"` -> `"MTFN"`); words stay separated by spaces.
/// Arguments, ownership, errors and thread safety as for `ffz_soundex`.
#[no_mangle]
pub unsafe extern "C" fn ffz_metaphone(s: ffz_str, out: *mut *mut ffz_bytes) -> i32 {
    one_code(s, out, |t| Ok(phonetic::metaphone(t)))
}

/// NYSIIS code of `s`, exactly as `jellyfish.nysiis` (1.3.0) computes it
/// (`"Macintosh"` -> `"MCANT"`). Arguments, ownership, errors and thread
/// safety as for `ffz_soundex`.
#[no_mangle]
pub unsafe extern "C" fn ffz_nysiis(s: ffz_str, out: *mut *mut ffz_bytes) -> i32 {
    one_code(s, out, |t| Ok(phonetic::nysiis(t)))
}

/// Match Rating Approach codex of `s`, exactly as
/// `jellyfish.match_rating_codex` (1.3.0) computes it (`"Byrne"` ->
/// `"BYRN"`). Arguments, ownership and thread safety as for `ffz_soundex`.
/// Errors: those of `ffz_soundex`, and `FFZ_NOT_ALPHABETIC` when `s` has a
/// char that is neither alphabetic nor an ASCII space (jellyfish raises
/// `ValueError` with the same message).
#[no_mangle]
pub unsafe extern "C" fn ffz_match_rating_codex(s: ffz_str, out: *mut *mut ffz_bytes) -> i32 {
    one_code(s, out, |t| phonetic::match_rating_codex(t).map_err(not_alphabetic))
}

/// Double Metaphone codes of `s` (after Lawrence Philips' original C++):
/// at most 4 chars each, from `A-Z` and `0` (for "th"); the alternate code
/// equals the primary one when no rule offers an alternative
/// (`"Schmidt"` -> `"XMT"`, `"SMT"`). Latin letters with diacritics count
/// as their base letter; `Ç` and `Ñ` are coded `S` and `N`.
///
/// `primary` and `alternate` each receive a new `ffz_bytes` (ASCII, no NUL
/// terminator), both freed by the caller with `ffz_bytes_free`; both are
/// written only on success. Errors and thread safety as for `ffz_soundex`
/// (`FFZ_NULL_POINTER` if either out-param is NULL).
#[no_mangle]
pub unsafe extern "C" fn ffz_double_metaphone(
    s: ffz_str,
    primary: *mut *mut ffz_bytes,
    alternate: *mut *mut ffz_bytes,
) -> i32 {
    guard(|| {
        non_null(primary, "primary")?;
        non_null(alternate, "alternate")?;
        let text = read_text(&s, "s")?;
        let (p, a) = phonetic::double_metaphone(&text);
        write_out(primary, new_bytes(p.into_bytes()));
        write_out(alternate, new_bytes(a.into_bytes()));
        Ok(())
    })
}

fn comparison(a: &str, b: &str) -> FfiResult<i32> {
    let result = phonetic::match_rating_comparison(a, b).map_err(not_alphabetic)?;
    Ok(match result {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    })
}

/// Match Rating Approach comparison of `a` and `b`, as
/// `jellyfish.match_rating_comparison` (1.3.0) computes it. `out` receives
/// 1 (similar), 0 (not similar) or -1 (no result: the codices' lengths
/// differ by 3 or more, where jellyfish returns `None`).
///
/// Errors: those of `ffz_soundex` (for either string, `out` NULL), and
/// `FFZ_NOT_ALPHABETIC` when either string has a char that is neither
/// alphabetic nor an ASCII space (jellyfish's Python function returns
/// `None` then). Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_match_rating_comparison(a: ffz_str, b: ffz_str, out: *mut i32) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let (a, b) = (read_text(&a, "a")?, read_text(&b, "b")?);
        write_out(out, comparison(&a, &b)?);
        Ok(())
    })
}

/// Reads `len` bytes of UTF-8 at `data` (NULL allowed when `len` is 0).
unsafe fn flat_utf8<'a>(data: *const c_char, len: usize, what: &str) -> FfiResult<Cow<'a, str>> {
    read_text(&ffz_str { data: data.cast(), len, kind: FFZ_KIND_UTF8 }, what)
}

/// The low-overhead form of the single-string functions, for bindings
/// where every call and allocation counts (the Python package uses it):
/// the code of the UTF-8 text `utf8[0..len]` (NULL allowed when `len` is 0)
/// under `algorithm` (an `FFZ_PHONETIC_*` value) is written into the
/// caller's buffer `buf` of `cap` bytes, followed by a NUL byte. For
/// `FFZ_PHONETIC_DOUBLE_METAPHONE` the buffer receives the primary code, a
/// NUL, the alternate code and a NUL. `written` (may be NULL) receives the
/// number of bytes before the final NUL. Codes hold a NUL only if the input
/// does (Soundex copies the first char, NYSIIS and the MRA codex copy chars
/// they do not rewrite), so callers without NULs in their input can read
/// the result as a C string.
///
/// Errors: `FFZ_NULL_POINTER` (`buf` NULL, or `utf8` NULL with a nonzero
/// `len`), `FFZ_INVALID_UTF8`, `FFZ_INVALID_ARGUMENT` (unknown
/// `algorithm`), `FFZ_NOT_ALPHABETIC` (MRA codex), and `FFZ_TOO_LARGE` if
/// the result and its NUL(s) do not fit in `cap` bytes (nothing is
/// written then; use the `ffz_bytes` form). `buf` and `written` are written
/// only on success, and then bytes of `buf` after the final NUL may be
/// overwritten too (up to `cap`). Thread-safe for distinct buffers.
#[no_mangle]
pub unsafe extern "C" fn ffz_phonetic_into(
    algorithm: u32,
    utf8: *const c_char,
    len: usize,
    buf: *mut c_char,
    cap: usize,
    written: *mut usize,
) -> i32 {
    guard(|| {
        non_null(buf, "buf")?;
        let bytes = raw_bytes(&ffz_str { data: utf8.cast(), len, kind: FFZ_KIND_UTF8 }, 1, "utf8")?;
        if cap > 0 {
            // The common call, straight into the caller's buffer (its last
            // byte kept for the NUL): no thread buffer, and the one check
            // of the text is the code's own ASCII check.
            let out = std::slice::from_raw_parts_mut(buf.cast::<u8>(), cap);
            if let Some(n) = ascii_code(algorithm, bytes, &mut out[..cap - 1]) {
                out[n] = 0;
                if !written.is_null() {
                    write_out(written, n);
                }
                return Ok(());
            }
        }
        let text = utf8_text(bytes, "utf8")?;
        CODES.with(|codes| {
            let (first, alternate) = &mut *codes.borrow_mut();
            let second = compute_into(algorithm, &text, first, alternate)?.then_some(&*alternate);
            write_codes(first.as_bytes(), second.map(|a| a.as_bytes()), buf, cap, written)
        })
    })
}

/// The code of ASCII text `s` under `algorithm`, computed straight into
/// `out[..n]` (no thread buffer, no UTF-8), for the codes that have such a
/// path and when `out` has room for any code of `s`; returns `n`. `None`,
/// with nothing written, sends the call to [`compute_into`].
fn ascii_code(algorithm: u32, s: &[u8], out: &mut [u8]) -> Option<usize> {
    match algorithm {
        FFZ_PHONETIC_SOUNDEX => phonetic::soundex_ascii(s, out),
        FFZ_PHONETIC_METAPHONE => phonetic::metaphone_ascii(s, out),
        FFZ_PHONETIC_NYSIIS => phonetic::nysiis_ascii(s, out),
        _ => None,
    }
}

/// Writes `first`, a NUL and, if there is one, `second` and a NUL into
/// `buf[0..cap]`, and the bytes before the final NUL to `written` (if not
/// NULL); `FFZ_TOO_LARGE`, with nothing written, if they do not fit.
unsafe fn write_codes(
    first: &[u8],
    second: Option<&[u8]>,
    buf: *mut c_char,
    cap: usize,
    written: *mut usize,
) -> FfiResult<()> {
    let total = first.len() + second.map_or(0, |a| a.len() + 1);
    if total >= cap {
        return Err(FfiError::new(
            FFZ_TOO_LARGE,
            format!("the code needs {} bytes with its NUL, but cap is {cap}", total + 1),
        ));
    }
    let out = std::slice::from_raw_parts_mut(buf.cast::<u8>(), total + 1);
    out[..first.len()].copy_from_slice(first);
    out[first.len()] = 0;
    if let Some(a) = second {
        out[first.len() + 1..total].copy_from_slice(a);
        out[total] = 0;
    }
    if !written.is_null() {
        write_out(written, total);
    }
    Ok(())
}

/// The low-overhead form of `ffz_match_rating_comparison` for UTF-8 text
/// (`a[0..a_len]`, `b[0..b_len]`; NULL allowed for a length of 0). `out`
/// receives 1, 0 or -1 as there. Errors: `FFZ_NULL_POINTER`,
/// `FFZ_INVALID_UTF8`, `FFZ_NOT_ALPHABETIC`. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_match_rating_comparison_utf8(
    a: *const c_char,
    a_len: usize,
    b: *const c_char,
    b_len: usize,
    out: *mut i32,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let (a, b) = (flat_utf8(a, a_len, "a")?, flat_utf8(b, b_len, "b")?);
        write_out(out, comparison(&a, &b)?);
        Ok(())
    })
}

/// Codes many strings in one call: `text` is split at every occurrence of
/// the code point `separator` (so n separators give n + 1 pieces; an empty
/// `text` is one empty piece), each piece is coded under `algorithm` (an
/// `FFZ_PHONETIC_*` value), and `out` receives a new `ffz_bytes` with the
/// codes as UTF-8 joined by `separator` (for Double Metaphone: primary,
/// separator, alternate, for each piece, all joined by `separator`). Free
/// it with `ffz_bytes_free`; it is written only on success.
///
/// Errors: those of `ffz_soundex` for `text`; `FFZ_INVALID_ARGUMENT` for an
/// unknown `algorithm`, a `separator` that is not a Unicode scalar value,
/// or a code that contains `separator` (it would be ambiguous; Soundex,
/// NYSIIS and the MRA codex copy some input chars, so a separator such as
/// NUL that cannot occur in the pieces is safe); `FFZ_NOT_ALPHABETIC` when
/// a piece fails the MRA codex (the message names the piece's index).
/// Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_phonetic_batch(
    algorithm: u32,
    text: ffz_str,
    separator: u32,
    out: *mut *mut ffz_bytes,
) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let sep = char::from_u32(separator).ok_or_else(|| {
            FfiError::new(FFZ_INVALID_ARGUMENT, format!("separator {separator:#X} is not a Unicode scalar value"))
        })?;
        let text = read_text(&text, "text")?;
        let mut sep_buf = [0u8; 4];
        let sep_str: &str = sep.encode_utf8(&mut sep_buf);
        let mut data = String::with_capacity(text.len() / 2 + 8);
        let mut pushed = 0usize;
        let (mut first, mut second) = (String::new(), String::new());
        for (i, piece) in text.split(sep).enumerate() {
            let two = compute_into(algorithm, piece, &mut first, &mut second).map_err(|e| {
                if e.status == FFZ_NOT_ALPHABETIC {
                    FfiError::new(e.status, format!("{} (piece {i})", e.message))
                } else {
                    e
                }
            })?;
            let mut push = |c: &str| -> FfiResult<()> {
                if c.contains(sep) {
                    return Err(FfiError::new(
                        FFZ_INVALID_ARGUMENT,
                        format!("the code of piece {i} contains the separator {separator:#X}"),
                    ));
                }
                if pushed > 0 {
                    data.push_str(sep_str);
                }
                data.push_str(c);
                pushed += 1;
                Ok(())
            };
            push(&first)?;
            if two {
                push(&second)?;
            }
        }
        write_out(out, new_bytes(data.into_bytes()));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::results::ffz_bytes_free;
    use crate::ffi::FFZ_OK;
    use std::ffi::c_void;

    fn utf8(s: &str) -> ffz_str {
        ffz_str { data: s.as_ptr().cast(), len: s.len(), kind: FFZ_KIND_UTF8 }
    }

    unsafe fn take(b: *mut ffz_bytes) -> String {
        let s = String::from_utf8((*b).data.clone()).unwrap();
        ffz_bytes_free(b);
        s
    }

    #[test]
    fn decodes_every_text_kind() {
        unsafe {
            let latin1 = [0xC9u8, b'm', b'i', b'l', b'e'];
            let t = read_text(&ffz_str { data: latin1.as_ptr().cast(), len: 5, kind: FFZ_KIND_U8 }, "s").unwrap();
            assert_eq!(t, "Émile");
            let cps: Vec<u32> = "Zoë😀".chars().map(|c| c as u32).collect();
            let t = read_text(&ffz_str { data: cps.as_ptr().cast(), len: cps.len(), kind: FFZ_KIND_U32 }, "s").unwrap();
            assert_eq!(t, "Zoë😀");
            for bad in [0xD800u32, 0xDFFF, 0x110000] {
                let units = [b'a' as u32, bad];
                let e = read_text(&ffz_str { data: units.as_ptr().cast(), len: 2, kind: FFZ_KIND_U32 }, "s").unwrap_err();
                assert_eq!(e.status, FFZ_INVALID_ARGUMENT);
                assert!(e.message.contains("index 1"), "{}", e.message);
            }
            let h = [1u64];
            let e = read_text(&ffz_str { data: h.as_ptr().cast(), len: 1, kind: FFZ_KIND_U64 }, "s").unwrap_err();
            assert_eq!(e.status, FFZ_INVALID_ARGUMENT);
            let e = read_text(&ffz_str { data: [0xFFu8].as_ptr().cast(), len: 1, kind: FFZ_KIND_UTF8 }, "s").unwrap_err();
            assert_eq!(e.status, FFZ_INVALID_UTF8);
            let e = read_text(&ffz_str { data: std::ptr::null::<c_void>(), len: 1, kind: FFZ_KIND_U8 }, "s").unwrap_err();
            assert_eq!(e.status, FFZ_NULL_POINTER);
            let e = read_text(&ffz_str { data: h.as_ptr().cast(), len: 1, kind: 2 }, "s").unwrap_err();
            assert_eq!(e.status, FFZ_UNKNOWN_KIND);
        }
    }

    #[test]
    fn single_codes() {
        unsafe {
            let mut out = std::ptr::null_mut();
            assert_eq!(ffz_soundex(utf8("Robert"), &mut out), FFZ_OK);
            assert_eq!(take(out), "R163");
            assert_eq!(ffz_match_rating_codex(utf8("a1"), &mut out), FFZ_NOT_ALPHABETIC);
            let (mut p, mut a) = (std::ptr::null_mut(), std::ptr::null_mut());
            assert_eq!(ffz_double_metaphone(utf8("Schmidt"), &mut p, &mut a), FFZ_OK);
            assert_eq!((take(p), take(a)), ("XMT".to_string(), "SMT".to_string()));
            let mut r = 7;
            assert_eq!(ffz_match_rating_comparison(utf8("Smith"), utf8("Smyth"), &mut r), FFZ_OK);
            assert_eq!(r, 1);
            assert_eq!(ffz_match_rating_comparison(utf8("a"), utf8("abcdef"), &mut r), FFZ_OK);
            assert_eq!(r, -1);
        }
    }

    /// The direct ASCII path of `ffz_phonetic_into` (Soundex, Metaphone,
    /// NYSIIS) gives the core's codes, and where the buffer is too small
    /// for it, the general path answers: the code if it fits, else
    /// `FFZ_TOO_LARGE` with nothing written.
    #[test]
    fn into_gives_the_core_codes_for_every_capacity() {
        type Code = fn(&str) -> String;
        let codes: [(u32, Code); 3] = [
            (FFZ_PHONETIC_SOUNDEX, phonetic::soundex),
            (FFZ_PHONETIC_METAPHONE, phonetic::metaphone),
            (FFZ_PHONETIC_NYSIIS, phonetic::nysiis),
        ];
        let texts = ["", "a", "Robert", "Schmidt", "Knight Tchaikovsky", "xX  aeAE*", "MACINTOSH", "Phil-Schultz", "axe"];
        for s in texts {
            for (algorithm, code) in codes {
                let want = code(s);
                for cap in 0..=2 * s.len() + 2 {
                    let mut buf = [0x55 as c_char; 64];
                    let mut n = 99usize;
                    let st = unsafe {
                        ffz_phonetic_into(algorithm, s.as_ptr().cast(), s.len(), buf.as_mut_ptr(), cap, &mut n)
                    };
                    let bytes: Vec<u8> = buf.iter().map(|&b| b as u8).collect();
                    if want.len() < cap {
                        assert_eq!(st, FFZ_OK, "{algorithm} {s:?} cap {cap}");
                        assert_eq!(n, want.len());
                        assert_eq!(&bytes[..n], want.as_bytes(), "{algorithm} {s:?} cap {cap}");
                        assert_eq!(bytes[n], 0);
                        assert!(bytes[cap..].iter().all(|&b| b == 0x55), "wrote past cap");
                    } else {
                        assert_eq!(st, FFZ_TOO_LARGE, "{algorithm} {s:?} cap {cap}");
                        assert_eq!(n, 99);
                        assert!(bytes.iter().all(|&b| b == 0x55), "{algorithm} {s:?} cap {cap}: wrote on failure");
                    }
                }
            }
        }
    }

    #[test]
    fn into_and_batch() {
        unsafe {
            let mut buf = [0x55 as c_char; 16];
            let mut n = 0usize;
            let s = "Schmidt";
            let st = ffz_phonetic_into(FFZ_PHONETIC_DOUBLE_METAPHONE, s.as_ptr().cast(), s.len(), buf.as_mut_ptr(), 16, &mut n);
            assert_eq!(st, FFZ_OK);
            assert_eq!(n, 7);
            assert_eq!(std::slice::from_raw_parts(buf.as_ptr().cast::<u8>(), 8), b"XMT\0SMT\0");
            // Exactly too small: 4 bytes needed for "R163" + NUL.
            let s = "Robert";
            let st = ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, s.as_ptr().cast(), s.len(), buf.as_mut_ptr(), 4, &mut n);
            assert_eq!(st, FFZ_TOO_LARGE);
            let st = ffz_phonetic_into(FFZ_PHONETIC_SOUNDEX, s.as_ptr().cast(), s.len(), buf.as_mut_ptr(), 5, std::ptr::null_mut());
            assert_eq!(st, FFZ_OK);
            assert_eq!(ffz_phonetic_into(9, s.as_ptr().cast(), 1, buf.as_mut_ptr(), 5, &mut n), FFZ_INVALID_ARGUMENT);

            let mut out = std::ptr::null_mut();
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("Robert\0\0Rupert"), 0, &mut out), FFZ_OK);
            assert_eq!(take(out), "R163\0\0R163");
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_DOUBLE_METAPHONE, utf8("\0Schmidt"), 0, &mut out), FFZ_OK);
            assert_eq!(take(out), "\0\0XMT\0SMT");
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8(""), 0, &mut out), FFZ_OK);
            assert_eq!(take(out), "");
            // Soundex copies the (uppercased) first char: a code holding the separator is refused.
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("a|¿x"), '¿' as u32, &mut out), FFZ_OK);
            assert_eq!(take(out), "A000¿X000");
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("x"), 'X' as u32, &mut out), FFZ_INVALID_ARGUMENT);
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_MATCH_RATING_CODEX, utf8("ab\0c1"), 0, &mut out), FFZ_NOT_ALPHABETIC);
            assert_eq!(ffz_phonetic_batch(FFZ_PHONETIC_SOUNDEX, utf8("a"), 0xD800, &mut out), FFZ_INVALID_ARGUMENT);
        }
    }
}
