//! A cancellation token shared between the thread running a batch and the
//! thread that may want to stop it.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set once, never reset; batches poll it between work units.
#[derive(Debug, Default)]
pub struct Cancel {
    flag: AtomicBool,
}

impl Cancel {
    pub fn new() -> Self {
        Cancel::default()
    }

    /// Asks every batch using this token to stop.
    pub fn set(&self) {
        self.flag.store(true, Ordering::Release);
    }

    pub fn is_set(&self) -> bool {
        self.flag.load(Ordering::Acquire)
    }
}

/// `Err(Cancelled)` when `cancel` is set.
#[inline]
pub fn check(cancel: Option<&Cancel>) -> Result<(), super::BatchError> {
    match cancel {
        Some(c) if c.is_set() => Err(super::BatchError::Cancelled),
        _ => Ok(()),
    }
}
