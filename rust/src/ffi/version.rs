//! Library and ABI versions.

use std::ffi::c_char;

/// The ABI version. It changes whenever an existing declaration in the
/// header changes incompatibly; bindings compare it at load time.
pub const FFZ_ABI_VERSION: u32 = 2;

/// The library version, as a static NUL-terminated string ("0.1.0").
/// Never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn ffz_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The ABI version of the loaded library (`FFZ_ABI_VERSION` when it was
/// built). Thread-safe.
#[no_mangle]
pub extern "C" fn ffz_abi_version() -> u32 {
    FFZ_ABI_VERSION
}
