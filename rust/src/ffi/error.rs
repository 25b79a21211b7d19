//! Status codes, the thread-local last error, and the panic guard that wraps
//! every exported function.

use super::{FFZ_OK, FFZ_PANIC};
use std::any::Any;
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

/// The text of a panic payload (`panic!` makes a `&str` or a `String`).
fn payload_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_string())
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
                let text = payload_text(info.payload());
                let location = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                PANIC_MESSAGE.with(|m| *m.borrow_mut() = Some(format!("panic: {text}{location}")));
            } else if rayon::current_thread_index().is_none() {
                previous(info);
            }
            // A panic on one of the library's rayon worker threads happens
            // inside a guarded call on another thread: rayon hands its payload
            // to that call, whose guard reports it, so nothing is printed here.
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
        Err(payload) => {
            // The hook recorded panics on this thread, with their location;
            // one on a worker thread arrives only as its payload.
            let message = PANIC_MESSAGE
                .with(|m| m.borrow_mut().take())
                .unwrap_or_else(|| format!("panic: {}", payload_text(&*payload)));
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

/// With `armed` nonzero, arms a one-shot panic: the next batch call from any
/// thread that runs on worker threads (`ffz_process_cdist` and
/// `ffz_process_extract` when they split the work, `ffz_index_search_many`,
/// `ffz_index_dedupe`) panics on one of its worker threads, and returns
/// `FFZ_PANIC` with the panic's message, as any panic inside the library
/// does. With `armed` 0, disarms. For tests only. Only built with the
/// `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[no_mangle]
pub extern "C" fn ffz_test_arm_worker_panic(armed: i32) {
    let _ = panic::catch_unwind(|| crate::parallel::test_hooks::arm_worker_panic(armed != 0));
}
