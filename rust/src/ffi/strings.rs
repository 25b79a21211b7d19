//! Reading `ffz_str` values into sequences the core can score.

use super::error::{FfiError, FfiResult};
use super::{
    ffz_str, FFZ_INVALID_UTF8, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8, FFZ_KIND_UTF8,
    FFZ_NULL_POINTER, FFZ_TOO_LARGE, FFZ_UNKNOWN_KIND,
};
use crate::unit::{OwnedSeq, Seq};

const MAX_LEN: usize = super::FFZ_MAX_LEN;

/// A sequence read from C: borrowed when its units can be used in place,
/// owned when they had to be copied (unaligned) or decoded (UTF-8).
pub enum Text<'a> {
    Borrowed(Seq<'a>),
    Owned(OwnedSeq),
}

impl Text<'_> {
    pub fn seq(&self) -> Seq<'_> {
        match self {
            Text::Borrowed(s) => *s,
            Text::Owned(o) => o.as_seq(),
        }
    }

    /// An owned copy in the narrowest unit type.
    pub fn to_owned_seq(&self) -> OwnedSeq {
        match self {
            Text::Borrowed(s) => OwnedSeq::from_seq(*s),
            Text::Owned(o) => OwnedSeq::from_seq(o.as_seq()),
        }
    }
}

fn units_of<const W: usize, T: Copy>(bytes: &[u8], from: fn([u8; W]) -> T) -> Vec<T> {
    bytes
        .chunks_exact(W)
        .map(|c| {
            let mut a = [0u8; W];
            a.copy_from_slice(c);
            from(a)
        })
        .collect()
}

/// Reads `s`. The returned value borrows `s.data` for `'a`.
///
/// # Safety
/// `s.data` must point to `s.len` units of the width given by `s.kind`
/// (bytes for UTF-8) that stay valid and unmodified for `'a`, or may be
/// NULL when `s.len` is 0.
pub unsafe fn read<'a>(s: &ffz_str, what: &str) -> FfiResult<Text<'a>> {
    let width = match s.kind {
        FFZ_KIND_U8 | FFZ_KIND_UTF8 => 1,
        FFZ_KIND_U32 => 4,
        FFZ_KIND_U64 => 8,
        other => {
            return Err(FfiError::new(
                FFZ_UNKNOWN_KIND,
                format!("{what}: unknown string kind {other} (expected 1, 4, 8 or 16)"),
            ))
        }
    };
    if s.len > MAX_LEN {
        return Err(FfiError::new(
            FFZ_TOO_LARGE,
            format!("{what}: length {} exceeds the limit of {MAX_LEN} units", s.len),
        ));
    }
    if s.len == 0 {
        return Ok(Text::Borrowed(Seq::U8(&[])));
    }
    if s.data.is_null() {
        return Err(FfiError::new(
            FFZ_NULL_POINTER,
            format!("{what}: data is NULL but len is {}", s.len),
        ));
    }
    let bytes: &'a [u8] = std::slice::from_raw_parts(s.data as *const u8, s.len * width);
    Ok(match s.kind {
        FFZ_KIND_U8 => Text::Borrowed(Seq::U8(bytes)),
        FFZ_KIND_UTF8 => {
            if bytes.is_ascii() {
                Text::Borrowed(Seq::U8(bytes))
            } else {
                let text = std::str::from_utf8(bytes).map_err(|e| {
                    FfiError::new(FFZ_INVALID_UTF8, format!("{what}: invalid UTF-8: {e}"))
                })?;
                Text::Owned(OwnedSeq::from_str(text))
            }
        }
        FFZ_KIND_U32 => {
            let ptr = s.data as *const u32;
            if ptr.is_aligned() {
                Text::Borrowed(Seq::U32(std::slice::from_raw_parts(ptr, s.len)))
            } else {
                Text::Owned(OwnedSeq::U32(units_of::<4, u32>(bytes, u32::from_ne_bytes)))
            }
        }
        _ => {
            let ptr = s.data as *const u64;
            if ptr.is_aligned() {
                Text::Borrowed(Seq::U64(std::slice::from_raw_parts(ptr, s.len)))
            } else {
                Text::Owned(OwnedSeq::U64(units_of::<8, u64>(bytes, u64::from_ne_bytes)))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::c_void;

    fn mk(data: *const c_void, len: usize, kind: u32) -> ffz_str {
        ffz_str { data, len, kind }
    }

    #[test]
    fn reads_every_kind() {
        unsafe {
            let b = b"abc";
            let t = read(&mk(b.as_ptr().cast(), 3, FFZ_KIND_U8), "s").unwrap();
            assert_eq!(t.seq().values(), vec![97, 98, 99]);
            let u = "aé😀";
            let t = read(&mk(u.as_ptr().cast(), u.len(), FFZ_KIND_UTF8), "s").unwrap();
            assert_eq!(t.seq().values(), vec![97, 0xE9, 0x1F600]);
            let w: Vec<u32> = vec![0xD800, 0x1F600];
            let t = read(&mk(w.as_ptr().cast(), 2, FFZ_KIND_U32), "s").unwrap();
            assert_eq!(t.seq().values(), vec![0xD800, 0x1F600]);
            let h: Vec<u64> = vec![u64::MAX, 5];
            let t = read(&mk(h.as_ptr().cast(), 2, FFZ_KIND_U64), "s").unwrap();
            assert_eq!(t.seq().values(), vec![u64::MAX, 5]);
        }
    }

    #[test]
    fn unaligned_units_are_copied() {
        let mut buf = vec![0u8; 1 + 8 * 2];
        buf[1..9].copy_from_slice(&7u64.to_ne_bytes());
        buf[9..17].copy_from_slice(&9u64.to_ne_bytes());
        unsafe {
            let t = read(&mk(buf[1..].as_ptr().cast(), 2, FFZ_KIND_U64), "s").unwrap();
            assert_eq!(t.seq().values(), vec![7, 9]);
            let t = read(&mk(buf[1..].as_ptr().cast(), 4, FFZ_KIND_U32), "s").unwrap();
            assert_eq!(t.seq().len(), 4);
        }
    }

    #[test]
    fn rejects_bad_input() {
        unsafe {
            let bad = [0xffu8, 0xfe];
            let e = read(&mk(bad.as_ptr().cast(), 2, FFZ_KIND_UTF8), "s1").err().unwrap();
            assert_eq!(e.status, FFZ_INVALID_UTF8);
            let e = read(&mk(std::ptr::null(), 2, FFZ_KIND_U8), "s1").err().unwrap();
            assert_eq!(e.status, FFZ_NULL_POINTER);
            let e = read(&mk(bad.as_ptr().cast(), 2, 3), "s1").err().unwrap();
            assert_eq!(e.status, FFZ_UNKNOWN_KIND);
            let e = read(&mk(bad.as_ptr().cast(), usize::MAX, FFZ_KIND_U8), "s1").err().unwrap();
            assert_eq!(e.status, FFZ_TOO_LARGE);
            assert!(read(&mk(std::ptr::null(), 0, FFZ_KIND_U32), "s1").unwrap().seq().is_empty());
        }
    }
}
