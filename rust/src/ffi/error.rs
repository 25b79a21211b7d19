//! Status codes, the thread-local last error, and the panic guard that wraps
//! every exported function.

use super::{FFZ_OK, FFZ_PANIC};
use std::cell::{Cell, RefCell};
use std::ffi::{c_char, CString};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// A failure to report to C: a status code and a message.
#[derive(Debug)]
pub struct FfiError {
    pub status: i32,
    pub message: String,
}

impl FfiError {
    pub fn new(status: i32, message: impl Into<String>) -> Self {
        FfiError {
            status,
            message: message.into(),
        }
    }
}

pub type FfiResult<T> = Result<T, FfiError>;

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
    static IN_GUARD: Cell<bool> = const { Cell::new(false) };
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn set_last_error(message: &str) {
    let cleaned: Vec<u8> = message.bytes().filter(|&b| b != 0).collect();
    let c = CString::new(cleaned).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = c);
}

static HOOK: Once = Once::new();

/// Installs, once, a panic hook that records the message of a panic raised
/// inside a guarded call instead of printing it. Panics elsewhere in the
/// process still reach the previous hook.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_GUARD.with(Cell::get) {
                let payload = info.payload();
                let text = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic payload".to_string());
                let location = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                PANIC_MESSAGE.with(|m| *m.borrow_mut() = Some(format!("panic: {text}{location}")));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `body`, turning an error into its status plus the thread's last
/// error message, and a panic into `FFZ_PANIC`.
pub fn guard<F: FnOnce() -> FfiResult<()>>(body: F) -> i32 {
    install_panic_hook();
    let was_in_guard = IN_GUARD.with(|g| g.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(body));
    IN_GUARD.with(|g| g.set(was_in_guard));
    match outcome {
        Ok(Ok(())) => FFZ_OK,
        Ok(Err(e)) => {
            set_last_error(&e.message);
            e.status
        }
        Err(_) => {
            let message = PANIC_MESSAGE
                .with(|m| m.borrow_mut().take())
                .unwrap_or_else(|| "panic: unknown".to_string());
            set_last_error(&message);
            FFZ_PANIC
        }
    }
}

/// Writes `value` through `out`, which the caller checked is not NULL.
///
/// # Safety
/// `out` must be valid for a write of `T`.
#[inline(always)]
pub unsafe fn write_out<T>(out: *mut T, value: T) {
    out.write_unaligned(value);
}

/// Fails with `FFZ_NULL_POINTER` when `ptr` is NULL.
#[inline(always)]
pub fn non_null<T>(ptr: *const T, name: &str) -> FfiResult<()> {
    if ptr.is_null() {
        Err(FfiError::new(super::FFZ_NULL_POINTER, format!("{name} is NULL")))
    } else {
        Ok(())
    }
}

/// The message of the last failed call on this thread, or "" if none failed.
///
/// The returned NUL-terminated string is owned by the library. It stays valid
/// until the next failing `ffz_` call on the same thread; copy it to keep it.
/// Never free it. Thread safety: each thread has its own message.
#[no_mangle]
pub extern "C" fn ffz_last_error_message() -> *const c_char {
    let result = panic::catch_unwind(|| LAST_ERROR.with(|e| e.borrow().as_ptr()));
    match result {
        Ok(p) => p,
        Err(_) => c"panic while reading the last error".as_ptr(),
    }
}

/// Panics inside the library, to let tests prove that panics become
/// `FFZ_PANIC` with their message. Always returns `FFZ_PANIC`.
/// Only built with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[no_mangle]
pub extern "C" fn ffz_test_panic() -> i32 {
    guard(|| panic!("ffz_test_panic was called"))
}
