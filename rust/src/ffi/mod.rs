//! The C ABI. This module tree holds all of the crate's unsafe code.
//!
//! Conventions, which every exported function follows:
//! - Names start with `ffz_`.
//! - A fallible function returns an `int32_t` status: `FFZ_OK` (0) on success,
//!   another `FFZ_*` code on failure. Results are written through out-params,
//!   and only on success.
//! - After a failure, `ffz_last_error_message()` explains it. The message is
//!   per thread, so concurrent calls cannot clobber each other's message.
//! - A panic inside the library never unwinds into C: it becomes `FFZ_PANIC`
//!   with the panic's message.
//! - Strings are `ffz_str` values: borrowed for the duration of the call only.
//! - Whoever allocates frees: each object the library returns has a
//!   `*_free` function that accepts NULL.
#![allow(unsafe_code)]
#![allow(non_camel_case_types)]
#![allow(clippy::missing_safety_doc)]

pub mod alignment;
pub mod distance;
pub mod error;
pub mod fuzz;
pub mod index;
pub mod metrics;
pub mod phonetic;
pub mod process;
pub mod results;
pub mod scorer;
pub mod strings;
pub mod version;

/// Success.
pub const FFZ_OK: i32 = 0;
/// A panic inside the library was caught; the message tells where.
pub const FFZ_PANIC: i32 = 1;
/// A required pointer argument was NULL.
pub const FFZ_NULL_POINTER: i32 = 2;
/// An argument was out of its documented range.
pub const FFZ_INVALID_ARGUMENT: i32 = 3;
/// A string declared as UTF-8 was not valid UTF-8.
pub const FFZ_INVALID_UTF8: i32 = 4;
/// A string's `kind` was not one of the `FFZ_KIND_*` values.
pub const FFZ_UNKNOWN_KIND: i32 = 5;
/// Hamming distance of sequences of unequal length without padding.
pub const FFZ_LENGTH_MISMATCH: i32 = 6;
/// An input was larger than the library's documented limits.
pub const FFZ_TOO_LARGE: i32 = 7;

/// The largest string accepted, in units (2^32 - 1); longer ones give
/// `FFZ_TOO_LARGE`.
pub const FFZ_MAX_LEN: usize = 4294967295;

/// Reading or writing a file failed; the message has the OS error.
pub const FFZ_IO_ERROR: i32 = 8;
/// A file is not a ferrofuzz index, or is truncated, corrupted or of an
/// unsupported version.
pub const FFZ_BAD_FILE: i32 = 9;
/// The operation was cancelled through its `ffz_cancel` token.
pub const FFZ_CANCELLED: i32 = 10;

/// Match Rating Approach input with a char that is neither alphabetic nor
/// an ASCII space. The message is jellyfish's: "Strings must only contain
/// alphabetical characters".
pub const FFZ_NOT_ALPHABETIC: i32 = 11;

/// `kind` of a string of 1-byte units: ASCII, Latin-1 or raw bytes.
pub const FFZ_KIND_U8: u32 = 1;
/// `kind` of a string of 4-byte units in native byte order: Unicode code
/// points (UTF-32). Values are compared as numbers and are not validated,
/// so lone surrogates work as in Python's `str`.
pub const FFZ_KIND_U32: u32 = 4;
/// `kind` of a sequence of 8-byte units in native byte order, such as the
/// hashes of the elements of an arbitrary sequence.
pub const FFZ_KIND_U64: u32 = 8;
/// `kind` of a UTF-8 string; `len` counts bytes. The library decodes it and
/// compares code points; invalid UTF-8 gives `FFZ_INVALID_UTF8`.
pub const FFZ_KIND_UTF8: u32 = 16;

/// A borrowed sequence: `len` units of the width given by `kind`, starting
/// at `data`. `data` needs no alignment and no NUL terminator, and may be
/// NULL when `len` is 0. The library reads it only during the call.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_str {
    pub data: *const std::ffi::c_void,
    pub len: usize,
    pub kind: u32,
}
