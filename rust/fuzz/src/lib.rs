//! Helpers shared by the fuzz targets: turning fuzzer bytes into `ffz_str`
//! values of every kind (aligned or not, valid or not), packed lists, and
//! scorers, plus the expected values that the targets check results against.
//!
//! Everything here calls the crate only through its `extern "C"` functions,
//! exactly as a C caller would.

use ferrofuzz::ffi::distance::{
    ffz_hamming_distance, ffz_hamming_normalized_distance, ffz_hamming_normalized_similarity,
    ffz_hamming_similarity, ffz_indel_distance, ffz_indel_normalized_distance,
    ffz_indel_normalized_similarity, ffz_indel_similarity, ffz_levenshtein_distance,
    ffz_levenshtein_normalized_distance, ffz_levenshtein_normalized_similarity,
    ffz_levenshtein_similarity, ffz_levenshtein_weights,
};
use ferrofuzz::ffi::metrics as fm;
use ferrofuzz::ffi::fuzz as ffuzz;
use ferrofuzz::ffi::scorer::*;
use ferrofuzz::ffi::{
    ffz_str, FFZ_INVALID_UTF8, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8, FFZ_KIND_UTF8,
    FFZ_NULL_POINTER, FFZ_OK, FFZ_TOO_LARGE, FFZ_UNKNOWN_KIND,
};
use std::ffi::c_void;

/// Reads fuzzer bytes front to back; past the end every read gives zeros,
/// so any input decodes to something.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }
    pub fn u8(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    pub fn u64(&mut self) -> u64 {
        (self.u32() as u64) | ((self.u32() as u64) << 32)
    }
    pub fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }
    pub fn exhausted(&self) -> bool {
        self.pos >= self.data.len()
    }
    /// A usize cutoff: often small, sometimes none (`usize::MAX`) or huge.
    pub fn size_cutoff(&mut self) -> usize {
        match self.u8() % 8 {
            0 => usize::MAX,
            1 => usize::MAX - 1,
            2 => 0,
            3 => self.u64() as usize,
            _ => (self.u8() % 24) as usize,
        }
    }
    /// A double in an interesting set: [0, 1] steps, out-of-range, infinities
    /// and NaN (when `nan` is allowed).
    pub fn norm_cutoff(&mut self, nan: bool) -> f64 {
        match self.u8() % 16 {
            0 if nan => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => -0.5,
            4 => 1.5,
            5 => f64::from_bits(self.u64()).clamp(-2.0, 2.0),
            6 => 0.0,
            7 => 1.0,
            k => (self.u8() as f64 / 255.0) * if k == 8 { 0.1 } else { 1.0 },
        }
    }
}

/// What reading a string must give: its unit values, or the status of the
/// error.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    Values(Vec<u64>),
    Error(i32),
}

/// A string built for the C ABI, owning its storage. The storage is 8-byte
/// aligned, and the data starts `offset` bytes in, so pointers of any
/// alignment occur.
pub struct FStr {
    storage: Vec<u64>,
    offset: usize,
    len: usize,
    kind: u32,
    null: bool,
    pub expect: Expect,
}

/// Values that exercise the unit-width and whitespace code paths.
const WIDE: [u64; 22] = [
    b'a' as u64,
    b'b' as u64,
    b' ' as u64,
    b'A' as u64,
    b'1' as u64,
    0,
    0x09,
    0x85,
    0xA0,
    0xE9,
    0xFF,
    0x100,
    0x3000,
    0xD800,
    0xDFFF,
    0x1F600,
    0x10FFFF,
    0x110000,
    u32::MAX as u64,
    (1 << 32) | b'a' as u64,
    (1 << 40) | 0x20,
    u64::MAX,
];

fn unit_value(r: &mut Reader<'_>, mode: u8) -> u64 {
    let b = r.u8();
    match mode {
        0 => b'a' as u64 + (b % 4) as u64,
        1 => b as u64,
        2 => WIDE[b as usize % WIDE.len()],
        _ => {
            if b & 3 == 0 {
                b' ' as u64
            } else {
                b'a' as u64 + (b >> 2) as u64 % 6
            }
        }
    }
}

impl FStr {
    /// A string of the given kind and unit values (valid by construction;
    /// values are truncated to the kind's width).
    pub fn from_values(kind: u32, values: &[u64], offset: usize) -> FStr {
        let mut bytes = Vec::new();
        let mut expect = Vec::new();
        let mut len = 0;
        match kind {
            FFZ_KIND_U8 => {
                for &v in values {
                    bytes.push(v as u8);
                    expect.push(v as u8 as u64);
                }
                len = values.len();
            }
            FFZ_KIND_U32 => {
                for &v in values {
                    bytes.extend_from_slice(&(v as u32).to_ne_bytes());
                    expect.push(v as u32 as u64);
                }
                len = values.len();
            }
            FFZ_KIND_U64 => {
                for &v in values {
                    bytes.extend_from_slice(&v.to_ne_bytes());
                    expect.push(v);
                }
                len = values.len();
            }
            _ => {
                let mut s = String::new();
                for &v in values {
                    let c = char::from_u32(v as u32).filter(|_| v <= 0x10FFFF).unwrap_or('\u{FFFD}');
                    s.push(c);
                    expect.push(c as u64);
                }
                bytes.extend_from_slice(s.as_bytes());
                len += bytes.len();
            }
        }
        FStr::with_bytes(kind, &bytes, len, offset, Expect::Values(expect))
    }

    fn with_bytes(kind: u32, bytes: &[u8], len: usize, offset: usize, expect: Expect) -> FStr {
        let mut storage = vec![0u64; (offset + bytes.len()).div_ceil(8) + 1];
        {
            let raw: &mut [u8] = unsafe_bytes_mut(&mut storage);
            raw[offset..offset + bytes.len()].copy_from_slice(bytes);
        }
        FStr { storage, offset, len, kind, null: false, expect }
    }

    /// Decodes a string from the fuzzer's bytes: kind, alignment, length,
    /// alphabet, and now and then an invalid one (bad UTF-8, NULL data,
    /// unknown kind, over-long length).
    pub fn gen(r: &mut Reader<'_>, max_len: usize) -> FStr {
        let sel = r.u8();
        let kind = [FFZ_KIND_U8, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_UTF8][(sel & 3) as usize];
        let offset = ((sel >> 2) & 7) as usize;
        let mode = (sel >> 5) & 3;
        let special = sel >> 7 == 1 && r.u8() < 16;
        if special {
            return match r.u8() % 4 {
                0 => FStr {
                    storage: vec![0; 1],
                    offset: 0,
                    len: 1 + r.u8() as usize,
                    kind,
                    null: true,
                    expect: Expect::Error(FFZ_NULL_POINTER),
                },
                1 => {
                    let bad = [2u32, 0, 3, 17 + r.u8() as u32, u32::MAX][r.u8() as usize % 5];
                    let s = FStr::with_bytes(bad, b"abcdefgh", 1, 0, Expect::Error(FFZ_UNKNOWN_KIND));
                    s
                }
                2 => {
                    // Longer than FFZ_MAX_LEN: rejected before the data is read.
                    let len = (u32::MAX as usize) + 1 + r.u8() as usize;
                    FStr::with_bytes(kind, b"abcdefgh", len, 0, Expect::Error(FFZ_TOO_LARGE))
                }
                _ => FStr {
                    storage: vec![0; 1],
                    offset: 0,
                    len: 0,
                    kind,
                    null: true,
                    expect: Expect::Values(vec![]),
                },
            };
        }
        let len_sel = r.u8();
        let n = if len_sel >= 250 {
            // Long: a repeated pattern, so that long strings stay similar.
            (r.u16() as usize) % max_len.max(1)
        } else {
            (len_sel % 13) as usize
        }
        .min(max_len);
        if kind == FFZ_KIND_UTF8 && mode == 1 {
            // Raw bytes: may be invalid UTF-8.
            let raw: Vec<u8> = (0..n).map(|_| r.u8()).collect();
            let expect = match std::str::from_utf8(&raw) {
                Ok(s) => Expect::Values(s.chars().map(|c| c as u64).collect()),
                Err(_) => Expect::Error(FFZ_INVALID_UTF8),
            };
            return FStr::with_bytes(kind, &raw, n, offset, expect);
        }
        let pattern_len = if len_sel >= 250 { 1 + (r.u8() % 8) as usize } else { n };
        let pattern: Vec<u64> = (0..pattern_len.max(1)).map(|_| unit_value(r, mode)).collect();
        let mut values: Vec<u64> = (0..n).map(|i| pattern[i % pattern.len()]).collect();
        if len_sel >= 250 && n > 0 {
            // A few point mutations so long strings are not periodic.
            for _ in 0..r.u8() % 4 {
                let at = r.u16() as usize % n;
                values[at] = unit_value(r, mode);
            }
        }
        FStr::from_values(kind, &values, offset)
    }

    pub fn raw(&self) -> ffz_str {
        let data: *const c_void = if self.null {
            std::ptr::null()
        } else {
            let base = self.storage.as_ptr() as *const u8;
            // SAFETY: offset < 8 <= storage size in bytes.
            unsafe { base.add(self.offset).cast() }
        };
        ffz_str { data, len: self.len, kind: self.kind }
    }

    pub fn kind(&self) -> u32 {
        self.kind
    }

    pub fn values(&self) -> Option<&[u64]> {
        match &self.expect {
            Expect::Values(v) => Some(v),
            Expect::Error(_) => None,
        }
    }

    pub fn error(&self) -> Option<i32> {
        match &self.expect {
            Expect::Values(_) => None,
            Expect::Error(e) => Some(*e),
        }
    }
}

fn unsafe_bytes_mut(storage: &mut [u64]) -> &mut [u8] {
    // SAFETY: u64 storage viewed as bytes; u8 has no alignment needs.
    unsafe { std::slice::from_raw_parts_mut(storage.as_mut_ptr().cast::<u8>(), storage.len() * 8) }
}

/// The status that a call reading `strs` in order must fail with, if any.
pub fn first_error(strs: &[&FStr]) -> Option<i32> {
    strs.iter().find_map(|s| s.error())
}

/// Calls `f` and checks that a failure status came with a message.
pub fn last_error() -> String {
    let p = ferrofuzz::ffi::error::ffz_last_error_message();
    // SAFETY: the library returns a valid NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// Fails the run if a call reported a caught panic.
pub fn assert_not_panic(status: i32, what: &str) {
    assert_ne!(status, ferrofuzz::ffi::FFZ_PANIC, "{what} panicked: {}", last_error());
}

/// A metric with its parameters, as the pairwise functions take it.
#[derive(Clone, Copy, Debug)]
pub enum Metric {
    Levenshtein(usize, usize, usize),
    Indel,
    Hamming(bool),
    LcsSeq,
    Osa,
    DamerauLevenshtein,
    Prefix,
    Postfix,
    /// Float-valued in every form.
    Jaro,
    /// Float-valued in every form; the prefix weight (any value, also
    /// out of [0, 1] or NaN).
    JaroWinkler(f64),
}

/// A Jaro-Winkler prefix weight: mostly valid, sometimes NaN (accepted) or
/// out of range (rejected).
pub fn gen_prefix_weight(r: &mut Reader<'_>) -> f64 {
    match r.u8() % 16 {
        0 => f64::NAN,
        1 => -0.1,
        2 => 1.5,
        3 => f64::INFINITY,
        4 => 1.0,
        5 => 0.0,
        6 => 0.25,
        7 => (r.u8() as f64) / 255.0,
        _ => 0.1,
    }
}

/// Whether rapidfuzz (and ferrofuzz) accept this prefix weight.
pub fn prefix_weight_ok(w: f64) -> bool {
    !(w < 0.0 || w > 1.0)
}

impl Metric {
    pub fn gen(r: &mut Reader<'_>) -> Metric {
        match r.u8() % 4 {
            0 | 1 => {
                let mut w = || match r.u8() % 16 {
                    0 => 0,
                    1 => usize::MAX,
                    2 => usize::MAX / 3,
                    3 => 1000,
                    k => (k % 4) as usize,
                };
                Metric::Levenshtein(w(), w(), w())
            }
            2 => Metric::Indel,
            _ => Metric::Hamming(r.bool()),
        }
    }

    /// One of the metrics added with ABI version 2.
    pub fn gen_new(r: &mut Reader<'_>) -> Metric {
        match r.u8() % 7 {
            0 => Metric::LcsSeq,
            1 => Metric::Osa,
            2 => Metric::DamerauLevenshtein,
            3 => Metric::Prefix,
            4 => Metric::Postfix,
            5 => Metric::Jaro,
            _ => Metric::JaroWinkler(gen_prefix_weight(r)),
        }
    }

    /// Any metric.
    pub fn gen_any(r: &mut Reader<'_>) -> Metric {
        if r.bool() {
            Metric::gen(r)
        } else {
            Metric::gen_new(r)
        }
    }

    /// Jaro and Jaro-Winkler: every form is a float.
    pub fn is_float_valued(&self) -> bool {
        matches!(self, Metric::Jaro | Metric::JaroWinkler(_))
    }

    /// The `FFZ_METRIC_*` id.
    pub fn id(&self) -> u32 {
        match self {
            Metric::Levenshtein(..) => FFZ_METRIC_LEVENSHTEIN,
            Metric::Indel => FFZ_METRIC_INDEL,
            Metric::Hamming(_) => FFZ_METRIC_HAMMING,
            Metric::LcsSeq => FFZ_METRIC_LCS_SEQ,
            Metric::Osa => FFZ_METRIC_OSA,
            Metric::DamerauLevenshtein => FFZ_METRIC_DAMERAU_LEVENSHTEIN,
            Metric::Prefix => FFZ_METRIC_PREFIX,
            Metric::Postfix => FFZ_METRIC_POSTFIX,
            Metric::Jaro => FFZ_METRIC_JARO,
            Metric::JaroWinkler(_) => FFZ_METRIC_JARO_WINKLER,
        }
    }

    /// The scorer descriptor of this metric in `form`.
    pub fn scorer(&self, form: u32) -> ffz_scorer {
        ffz_scorer {
            metric: self.id(),
            form,
            weights: self.weights(),
            pad: matches!(self, Metric::Hamming(true)),
            prefix_weight: match *self {
                Metric::JaroWinkler(w) => w,
                _ => 0.1,
            },
        }
    }

    /// The Jaro or Jaro-Winkler score in `form` through the C ABI.
    pub fn float_call(&self, s1: ffz_str, s2: ffz_str, form: u32, cutoff: f64) -> (i32, f64) {
        let mut out = -7.0f64;
        // SAFETY: the strings point into live FStr storage; out is valid.
        let status = unsafe {
            match (*self, form) {
                (Metric::Jaro, FFZ_FORM_DISTANCE) => fm::ffz_jaro_distance(s1, s2, cutoff, &mut out),
                (Metric::Jaro, FFZ_FORM_SIMILARITY) => fm::ffz_jaro_similarity(s1, s2, cutoff, &mut out),
                (Metric::Jaro, FFZ_FORM_NORMALIZED_DISTANCE) => {
                    fm::ffz_jaro_normalized_distance(s1, s2, cutoff, &mut out)
                }
                (Metric::Jaro, _) => fm::ffz_jaro_normalized_similarity(s1, s2, cutoff, &mut out),
                (Metric::JaroWinkler(w), FFZ_FORM_DISTANCE) => {
                    fm::ffz_jaro_winkler_distance(s1, s2, w, cutoff, &mut out)
                }
                (Metric::JaroWinkler(w), FFZ_FORM_SIMILARITY) => {
                    fm::ffz_jaro_winkler_similarity(s1, s2, w, cutoff, &mut out)
                }
                (Metric::JaroWinkler(w), FFZ_FORM_NORMALIZED_DISTANCE) => {
                    fm::ffz_jaro_winkler_normalized_distance(s1, s2, w, cutoff, &mut out)
                }
                (Metric::JaroWinkler(w), _) => {
                    fm::ffz_jaro_winkler_normalized_similarity(s1, s2, w, cutoff, &mut out)
                }
                (m, _) => panic!("float_call on integer metric {m:?}"),
            }
        };
        (status, out)
    }

    pub fn weights(&self) -> ffz_levenshtein_weights {
        match *self {
            Metric::Levenshtein(insertion, deletion, substitution) => {
                ffz_levenshtein_weights { insertion, deletion, substitution }
            }
            _ => ffz_levenshtein_weights { insertion: 1, deletion: 1, substitution: 1 },
        }
    }

    pub fn symmetric(&self) -> bool {
        match *self {
            Metric::Levenshtein(i, d, _) => i == d,
            _ => true,
        }
    }

    /// The largest possible distance for these lengths (rapidfuzz's rule).
    pub fn maximum(&self, l1: usize, l2: usize) -> usize {
        match *self {
            Metric::Levenshtein(ins, del, sub) => {
                let all = l1.saturating_mul(del).saturating_add(l2.saturating_mul(ins));
                let via_sub = if l1 >= l2 {
                    l2.saturating_mul(sub).saturating_add((l1 - l2).saturating_mul(del))
                } else {
                    l1.saturating_mul(sub).saturating_add((l2 - l1).saturating_mul(ins))
                };
                all.min(via_sub)
            }
            Metric::Indel => l1 + l2,
            Metric::Jaro | Metric::JaroWinkler(_) => panic!("Jaro has no integer maximum"),
            _ => l1.max(l2),
        }
    }

    /// The reference distance (DP oracle), or None when a Hamming without
    /// padding does not apply.
    pub fn reference(&self, a: &[u64], b: &[u64]) -> Option<usize> {
        use ferrofuzz::distance::reference as r;
        match *self {
            Metric::Levenshtein(ins, del, sub) => Some(r::levenshtein(a, b, ins, del, sub)),
            Metric::Indel => Some(r::indel(a, b)),
            Metric::Hamming(pad) => (pad || a.len() == b.len()).then(|| r::hamming(a, b)),
            Metric::LcsSeq => Some(a.len().max(b.len()) - r::lcs(a, b)),
            Metric::Osa => Some(r::osa(a, b)),
            Metric::DamerauLevenshtein => Some(r::damerau_levenshtein(a, b)),
            Metric::Prefix => {
                let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
                Some(a.len().max(b.len()) - common)
            }
            Metric::Postfix => {
                let common = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
                Some(a.len().max(b.len()) - common)
            }
            Metric::Jaro | Metric::JaroWinkler(_) => None,
        }
    }

    /// The integer distance or similarity through the C ABI.
    pub fn int_call(&self, s1: ffz_str, s2: ffz_str, similarity: bool, cutoff: usize, hint: usize) -> (i32, usize) {
        let mut out = 0usize;
        let w = self.weights();
        // SAFETY: the strings point into live FStr storage; out is valid.
        let status = unsafe {
            match (*self, similarity) {
                (Metric::Levenshtein(..), false) => ffz_levenshtein_distance(s1, s2, &w, cutoff, hint, &mut out),
                (Metric::Levenshtein(..), true) => ffz_levenshtein_similarity(s1, s2, &w, cutoff, hint, &mut out),
                (Metric::Indel, false) => ffz_indel_distance(s1, s2, cutoff, &mut out),
                (Metric::Indel, true) => ffz_indel_similarity(s1, s2, cutoff, &mut out),
                (Metric::Hamming(p), false) => ffz_hamming_distance(s1, s2, p, cutoff, &mut out),
                (Metric::Hamming(p), true) => ffz_hamming_similarity(s1, s2, p, cutoff, &mut out),
                (Metric::LcsSeq, false) => fm::ffz_lcs_seq_distance(s1, s2, cutoff, &mut out),
                (Metric::LcsSeq, true) => fm::ffz_lcs_seq_similarity(s1, s2, cutoff, &mut out),
                (Metric::Osa, false) => fm::ffz_osa_distance(s1, s2, cutoff, &mut out),
                (Metric::Osa, true) => fm::ffz_osa_similarity(s1, s2, cutoff, &mut out),
                (Metric::DamerauLevenshtein, false) => fm::ffz_damerau_levenshtein_distance(s1, s2, cutoff, &mut out),
                (Metric::DamerauLevenshtein, true) => fm::ffz_damerau_levenshtein_similarity(s1, s2, cutoff, &mut out),
                (Metric::Prefix, false) => fm::ffz_prefix_distance(s1, s2, cutoff, &mut out),
                (Metric::Prefix, true) => fm::ffz_prefix_similarity(s1, s2, cutoff, &mut out),
                (Metric::Postfix, false) => fm::ffz_postfix_distance(s1, s2, cutoff, &mut out),
                (Metric::Postfix, true) => fm::ffz_postfix_similarity(s1, s2, cutoff, &mut out),
                (m, _) => panic!("int_call on float metric {m:?}"),
            }
        };
        (status, out)
    }

    /// The normalized distance or similarity through the C ABI.
    pub fn norm_call(&self, s1: ffz_str, s2: ffz_str, similarity: bool, cutoff: f64, hint: f64) -> (i32, f64) {
        let mut out = -7.0f64;
        let w = self.weights();
        // SAFETY: as for int_call.
        let status = unsafe {
            match (*self, similarity) {
                (Metric::Levenshtein(..), false) => {
                    ffz_levenshtein_normalized_distance(s1, s2, &w, cutoff, hint, &mut out)
                }
                (Metric::Levenshtein(..), true) => {
                    ffz_levenshtein_normalized_similarity(s1, s2, &w, cutoff, hint, &mut out)
                }
                (Metric::Indel, false) => ffz_indel_normalized_distance(s1, s2, cutoff, &mut out),
                (Metric::Indel, true) => ffz_indel_normalized_similarity(s1, s2, cutoff, &mut out),
                (Metric::Hamming(p), false) => ffz_hamming_normalized_distance(s1, s2, p, cutoff, &mut out),
                (Metric::Hamming(p), true) => ffz_hamming_normalized_similarity(s1, s2, p, cutoff, &mut out),
                (Metric::LcsSeq, false) => fm::ffz_lcs_seq_normalized_distance(s1, s2, cutoff, &mut out),
                (Metric::LcsSeq, true) => fm::ffz_lcs_seq_normalized_similarity(s1, s2, cutoff, &mut out),
                (Metric::Osa, false) => fm::ffz_osa_normalized_distance(s1, s2, cutoff, &mut out),
                (Metric::Osa, true) => fm::ffz_osa_normalized_similarity(s1, s2, cutoff, &mut out),
                (Metric::DamerauLevenshtein, false) => {
                    fm::ffz_damerau_levenshtein_normalized_distance(s1, s2, cutoff, &mut out)
                }
                (Metric::DamerauLevenshtein, true) => {
                    fm::ffz_damerau_levenshtein_normalized_similarity(s1, s2, cutoff, &mut out)
                }
                (Metric::Prefix, false) => fm::ffz_prefix_normalized_distance(s1, s2, cutoff, &mut out),
                (Metric::Prefix, true) => fm::ffz_prefix_normalized_similarity(s1, s2, cutoff, &mut out),
                (Metric::Postfix, false) => fm::ffz_postfix_normalized_distance(s1, s2, cutoff, &mut out),
                (Metric::Postfix, true) => fm::ffz_postfix_normalized_similarity(s1, s2, cutoff, &mut out),
                (Metric::Jaro | Metric::JaroWinkler(_), _) => {
                    return self.float_call(s1, s2, if similarity { 3 } else { 2 }, cutoff)
                }
            }
        };
        (status, out)
    }
}

/// The ten `fuzz` scorers, in `FFZ_METRIC_FUZZ_*` order.
pub type FuzzFn = unsafe extern "C" fn(ffz_str, ffz_str, f64, *mut f64) -> i32;
pub const FUZZ_FNS: [FuzzFn; 10] = [
    ffuzz::ffz_fuzz_ratio,
    ffuzz::ffz_fuzz_partial_ratio,
    ffuzz::ffz_fuzz_token_sort_ratio,
    ffuzz::ffz_fuzz_token_set_ratio,
    ffuzz::ffz_fuzz_token_ratio,
    ffuzz::ffz_fuzz_partial_token_sort_ratio,
    ffuzz::ffz_fuzz_partial_token_set_ratio,
    ffuzz::ffz_fuzz_partial_token_ratio,
    ffuzz::ffz_fuzz_wratio,
    ffuzz::ffz_fuzz_qratio,
];

/// A scorer descriptor: a metric in a form, or a fuzz scorer.
#[derive(Clone, Copy, Debug)]
pub enum Scoring {
    Metric(Metric, u32),
    Fuzz(usize),
}

impl Scoring {
    /// Valid descriptors mostly; `None` stands for an invalid one.
    pub fn gen(r: &mut Reader<'_>) -> (ffz_scorer, Option<Scoring>) {
        let sel = r.u8();
        if sel < 8 {
            // Invalid metric or form.
            let metric = [0u32, 11, 99, 110, u32::MAX][r.u8() as usize % 5];
            let bad_form = sel & 1 == 1;
            let form = if bad_form { 4 + r.u8() as u32 } else { FFZ_FORM_DISTANCE };
            let metric = if bad_form { FFZ_METRIC_INDEL } else { metric };
            let s = ffz_scorer {
                metric,
                form,
                weights: ffz_levenshtein_weights { insertion: 1, deletion: 1, substitution: 1 },
                pad: false,
                prefix_weight: 0.1,
            };
            return (s, None);
        }
        if sel < 80 {
            let k = (r.u8() % 10) as usize;
            let s = ffz_scorer {
                metric: FFZ_METRIC_FUZZ_RATIO + k as u32,
                form: r.u8() as u32 % 8, // ignored for fuzz scorers
                weights: ffz_levenshtein_weights { insertion: 1, deletion: 1, substitution: 1 },
                pad: false,
                prefix_weight: 0.1,
            };
            return (s, Some(Scoring::Fuzz(k)));
        }
        let m = Metric::gen_any(r);
        let form = r.u8() as u32 % 4;
        let valid = match m {
            Metric::JaroWinkler(w) => prefix_weight_ok(w),
            _ => true,
        };
        (m.scorer(form), valid.then_some(Scoring::Metric(m, form)))
    }

    /// Whether higher scores are better.
    pub fn higher_is_better(&self) -> bool {
        match *self {
            Scoring::Metric(_, form) => form == FFZ_FORM_SIMILARITY || form == FFZ_FORM_NORMALIZED_SIMILARITY,
            Scoring::Fuzz(_) => true,
        }
    }

    pub fn is_integer(&self) -> bool {
        matches!(*self, Scoring::Metric(m, f) if !m.is_float_valued() && (f == FFZ_FORM_DISTANCE || f == FFZ_FORM_SIMILARITY))
    }

    /// Scores a pair through the pairwise C functions, without a cutoff.
    pub fn pair(&self, s1: ffz_str, s2: ffz_str) -> (i32, f64) {
        match *self {
            // The batch functions score Jaro's normalized similarity as its
            // similarity (rapidfuzz's cached scorer does the same).
            Scoring::Metric(m, form) if m.is_float_valued() => {
                let form = if form == FFZ_FORM_NORMALIZED_SIMILARITY { FFZ_FORM_SIMILARITY } else { form };
                let cutoff = if form == FFZ_FORM_DISTANCE || form == FFZ_FORM_NORMALIZED_DISTANCE { 1.0 } else { 0.0 };
                m.float_call(s1, s2, form, cutoff)
            }
            Scoring::Metric(m, form) => match form {
                FFZ_FORM_DISTANCE => {
                    let (st, v) = m.int_call(s1, s2, false, usize::MAX, usize::MAX);
                    (st, v as f64)
                }
                FFZ_FORM_SIMILARITY => {
                    let (st, v) = m.int_call(s1, s2, true, 0, 0);
                    (st, v as f64)
                }
                FFZ_FORM_NORMALIZED_DISTANCE => m.norm_call(s1, s2, false, 1.0, 1.0),
                _ => m.norm_call(s1, s2, true, 0.0, 0.0),
            },
            Scoring::Fuzz(k) => {
                let mut out = -1.0;
                // SAFETY: valid strings and out pointer.
                let st = unsafe { FUZZ_FNS[k](s1, s2, 0.0, &mut out) };
                (st, out)
            }
        }
    }

    /// `cutoff` as searches, cdist and dedupe apply it: integer scores
    /// truncate it toward zero, a negative one to 0 (rapidfuzz's process
    /// functions convert it so); float scores keep it.
    pub fn effective_cutoff(&self, cutoff: Option<f64>) -> Option<f64> {
        match cutoff {
            Some(c) if self.is_integer() && !c.is_nan() => Some(if c < 0.0 { 0.0 } else { c.trunc().min(usize::MAX as f64) }),
            c => c,
        }
    }

    /// Whether `score` passes `cutoff` as extract, searches, cdist and
    /// dedupe apply it.
    pub fn passes_search(&self, score: f64, cutoff: Option<f64>) -> bool {
        self.passes(score, self.effective_cutoff(cutoff))
    }

    /// Whether the pair `s1`, `s2` with batch score `score` passes `cutoff`
    /// as extract decides it: the integer forms compare exact integers with
    /// the truncated cutoff (saturating at `usize::MAX`), which the f64
    /// scores of huge weights cannot (they round); other forms as
    /// [`Self::passes_search`].
    pub fn pair_passes(&self, s1: ffz_str, s2: ffz_str, score: f64, cutoff: Option<f64>) -> bool {
        match (*self, cutoff) {
            (Scoring::Metric(m, form), Some(c))
                if !m.is_float_valued() && !c.is_nan() && (form == FFZ_FORM_DISTANCE || form == FFZ_FORM_SIMILARITY) =>
            {
                let c = if c < 0.0 {
                    0
                } else if c >= usize::MAX as f64 {
                    usize::MAX
                } else {
                    c.trunc() as usize
                };
                if form == FFZ_FORM_SIMILARITY {
                    m.int_call(s1, s2, true, 0, 0).1 >= c
                } else {
                    m.int_call(s1, s2, false, usize::MAX, usize::MAX).1 <= c
                }
            }
            _ => self.passes_search(score, cutoff),
        }
    }

    /// Whether `score` passes `cutoff` compared as given.
    pub fn passes(&self, score: f64, cutoff: Option<f64>) -> bool {
        match cutoff {
            None => true,
            Some(c) if self.higher_is_better() => score >= c,
            Some(c) => score <= c,
        }
    }
}

/// A status that says the call succeeded.
pub fn ok(status: i32) -> bool {
    status == FFZ_OK
}

/// A packed list (`ffz_strs`) owning its buffers, in one of the two layouts.
pub struct Packed {
    data: Vec<u64>,
    data_offset: usize,
    data_len: usize,
    lengths: Vec<usize>,
    use_lengths: bool,
    count: usize,
    kind: u32,
}

impl Packed {
    /// Packs `strings` (unit values) of one kind. With `separated` the
    /// zero-separated layout is used, which needs strings without 0 units.
    pub fn new(kind: u32, strings: &[Vec<u64>], separated: bool, offset: usize) -> Packed {
        let width = match kind {
            FFZ_KIND_U8 => 1,
            FFZ_KIND_U32 => 4,
            _ => 8,
        };
        let mut bytes = Vec::new();
        let mut units = 0;
        for (i, s) in strings.iter().enumerate() {
            if separated && i > 0 {
                bytes.extend(std::iter::repeat_n(0u8, width));
                units += 1;
            }
            for &v in s {
                match width {
                    1 => bytes.push(v as u8),
                    4 => bytes.extend_from_slice(&(v as u32).to_ne_bytes()),
                    _ => bytes.extend_from_slice(&v.to_ne_bytes()),
                }
            }
            units += s.len();
        }
        let mut data = vec![0u64; (offset + bytes.len()).div_ceil(8) + 1];
        unsafe_bytes_mut(&mut data)[offset..offset + bytes.len()].copy_from_slice(&bytes);
        Packed {
            data,
            data_offset: offset,
            data_len: units,
            lengths: strings.iter().map(Vec::len).collect(),
            use_lengths: !separated,
            count: strings.len(),
            kind,
        }
    }

    pub fn raw(&self) -> ferrofuzz::ffi::process::ffz_strs {
        // SAFETY: offset < 8 <= the storage's size in bytes.
        let data = unsafe { (self.data.as_ptr() as *const u8).add(self.data_offset) };
        ferrofuzz::ffi::process::ffz_strs {
            data: data.cast(),
            data_len: self.data_len,
            lengths: if self.use_lengths { self.lengths.as_ptr() } else { std::ptr::null() },
            count: self.count,
            kind: self.kind,
        }
    }
}

/// The unit values that a string of `kind` stores for `values`.
pub fn truncate_to_kind(kind: u32, values: &[u64]) -> Vec<u64> {
    values
        .iter()
        .map(|&v| match kind {
            FFZ_KIND_U8 => v as u8 as u64,
            FFZ_KIND_U32 => v as u32 as u64,
            _ => v,
        })
        .collect()
}

/// The narrowest kind that holds `values`, as the index stores choices.
pub fn narrowest_kind(values: &[u64]) -> u32 {
    if values.iter().all(|&v| v < 256) {
        FFZ_KIND_U8
    } else if values.iter().all(|&v| v <= u32::MAX as u64) {
        FFZ_KIND_U32
    } else {
        FFZ_KIND_U64
    }
}

fn sort_best_first(hits: &mut [(usize, f64)], higher_is_better: bool) {
    hits.sort_by(|a, b| {
        let o = a.1.partial_cmp(&b.1).unwrap();
        (if higher_is_better { o.reverse() } else { o }).then(a.0.cmp(&b.0))
    });
}

/// Checks `ffz_index_search`, `_search_many` and `_dedupe` on `index`,
/// whose choices are `choices`, against brute force over the pairwise
/// functions.
///
/// # Safety
/// `index` is a live index.
#[allow(clippy::too_many_arguments)]
pub unsafe fn index_check(
    index: *const ferrofuzz::ffi::index::ffz_index,
    choices: &[Vec<u64>],
    queries: &[FStr],
    scorer: ffz_scorer,
    scoring: Option<Scoring>,
    cutoff: Option<f64>,
    limit: usize,
    threshold: f64,
) {
    use ferrofuzz::ffi::index::{ffz_index_dedupe, ffz_index_search, ffz_index_search_many};
    use ferrofuzz::ffi::results::*;
    use ferrofuzz::ffi::{FFZ_INVALID_ARGUMENT, FFZ_LENGTH_MISMATCH};
    let cutoff_ptr = cutoff.as_ref().map_or(std::ptr::null(), |c| c as *const f64);
    let choice_strs: Vec<FStr> = choices.iter().map(|c| FStr::from_values(narrowest_kind(c), c, 0)).collect();
    let mut per_query = Vec::new();
    for q in queries {
        let mut idx = vec![usize::MAX; limit];
        let mut scores = vec![f64::NAN; limit];
        let mut count = usize::MAX;
        let st = ffz_index_search(index, q.raw(), &scorer, limit, cutoff_ptr, idx.as_mut_ptr(), scores.as_mut_ptr(), &mut count);
        assert_not_panic(st, "index_search");
        per_query.push((st, idx.clone(), scores.clone(), count));
        let Some(scoring) = scoring else {
            assert_eq!(st, FFZ_INVALID_ARGUMENT, "invalid scorer accepted");
            continue;
        };
        if cutoff.is_some_and(f64::is_nan) {
            assert_eq!(st, FFZ_INVALID_ARGUMENT);
            continue;
        }
        if let Some(e) = q.error() {
            assert_eq!(st, e, "search with a bad query");
            continue;
        }
        let pairs: Vec<(i32, f64)> = choice_strs.iter().map(|c| scoring.pair(q.raw(), c.raw())).collect();
        if pairs.iter().any(|p| p.0 == FFZ_LENGTH_MISMATCH) {
            assert!(st == FFZ_OK || st == FFZ_LENGTH_MISMATCH, "search status {st}");
            continue;
        }
        assert_eq!(st, FFZ_OK, "search: {}", last_error());
        let mut expected: Vec<(usize, f64)> = pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| scoring.passes_search(p.1, cutoff))
            .map(|(i, p)| (i, p.1))
            .collect();
        sort_best_first(&mut expected, scoring.higher_is_better());
        expected.truncate(limit);
        let got: Vec<(usize, f64)> = (0..count).map(|i| (idx[i], scores[i])).collect();
        assert_eq!(got, expected, "index search {scoring:?} cutoff {cutoff:?} limit {limit} over {choices:?}");
    }

    // search_many gives what search gave, query by query.
    let raws: Vec<ffz_str> = queries.iter().map(FStr::raw).collect();
    let mut matches = std::ptr::null_mut();
    let st = ffz_index_search_many(index, raws.as_ptr(), raws.len(), &scorer, limit, cutoff_ptr, 1, &mut matches);
    assert_not_panic(st, "index_search_many");
    if let Some(first_bad) = per_query.iter().find(|p| p.0 != FFZ_OK) {
        if st == FFZ_OK {
            // Only a length mismatch may depend on the path taken.
            assert_eq!(first_bad.0, FFZ_LENGTH_MISMATCH, "search failed but search_many did not");
            ffz_matches_free(matches);
        }
    } else {
        assert_eq!(st, FFZ_OK, "search_many: {}", last_error());
        let mut len = 0;
        assert_eq!(ffz_matches_len(matches, &mut len), FFZ_OK);
        assert_eq!(len, queries.len());
        for (qi, (_, idx, scores, count)) in per_query.iter().enumerate() {
            let mut c = 0;
            assert_eq!(ffz_matches_count(matches, qi, &mut c), FFZ_OK);
            assert_eq!(c, *count);
            let mut pos = vec![0usize; c];
            let mut sc = vec![0f64; c];
            let mut w = 0;
            assert_eq!(ffz_matches_copy(matches, qi, pos.as_mut_ptr(), sc.as_mut_ptr(), c, &mut w), FFZ_OK);
            assert_eq!((&pos[..], &sc[..]), (&idx[..c], &scores[..c]), "search_many query {qi}");
        }
        let mut c = 0;
        assert_eq!(ffz_matches_count(matches, queries.len(), &mut c), FFZ_INVALID_ARGUMENT);
        ffz_matches_free(matches);
    }

    // Dedupe: connected components of the pairs that pass the threshold.
    let mut groups = std::ptr::null_mut();
    let st = ffz_index_dedupe(index, &scorer, threshold, 1, &mut groups);
    assert_not_panic(st, "index_dedupe");
    let Some(scoring) = scoring else {
        assert_eq!(st, FFZ_INVALID_ARGUMENT);
        return;
    };
    if threshold.is_nan() {
        assert_eq!(st, FFZ_INVALID_ARGUMENT);
        return;
    }
    let n = choices.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            x = p[x];
        }
        x
    }
    let mut mismatch = false;
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let (s, v) = scoring.pair(choice_strs[i].raw(), choice_strs[j].raw());
            if s == FFZ_LENGTH_MISMATCH {
                mismatch = true;
            } else if scoring.passes_search(v, Some(threshold)) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    if mismatch {
        assert!(st == FFZ_OK || st == FFZ_LENGTH_MISMATCH);
        ffz_groups_free(groups);
        return;
    }
    assert_eq!(st, FFZ_OK, "dedupe: {}", last_error());
    let mut expected: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        if let Some(g) = expected.iter_mut().find(|g| find(&mut parent, g[0]) == root) {
            g.push(i);
        } else {
            expected.push(vec![i]);
        }
    }
    expected.retain(|g| g.len() > 1);
    let mut got = Vec::new();
    let mut len = 0;
    assert_eq!(ffz_groups_len(groups, &mut len), FFZ_OK);
    for g in 0..len {
        let mut size = 0;
        assert_eq!(ffz_groups_size(groups, g, &mut size), FFZ_OK);
        let mut members = vec![0usize; size];
        let mut w = 0;
        assert_eq!(ffz_groups_copy(groups, g, members.as_mut_ptr(), size, &mut w), FFZ_OK);
        got.push(members);
    }
    ffz_groups_free(groups);
    assert_eq!(got, expected, "dedupe {scoring:?} threshold {threshold} over {choices:?}");
}
