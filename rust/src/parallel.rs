//! Running work on a chosen number of threads.

/// Most threads a caller may ask for; more is an error, not a slow death.
pub(crate) const MAX_WORKERS: usize = 1024;

/// Runs `work`, whose parallel iterators then use `workers` threads: 0 means
/// rayon's global pool (one thread per core), n >= 1 a pool of n threads made
/// for this call. Callers run `workers == 1` on their own thread instead,
/// without calling this. A panic on a worker thread resumes on the caller.
pub fn with_workers<R: Send>(workers: usize, work: impl FnOnce() -> R + Send) -> Result<R, String> {
    let work = move || {
        #[cfg(feature = "test-hooks")]
        test_hooks::panic_in_worker_if_armed();
        work()
    };
    match workers {
        0 => Ok(work()),
        n if n > MAX_WORKERS => Err(format!("workers must be at most {MAX_WORKERS}, got {n}")),
        n => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| format!("cannot start {n} worker threads: {e}"))?;
            Ok(pool.install(work))
        }
    }
}

/// A one-shot panic on a worker thread, for tests that prove such panics reach
/// the caller as `FFZ_PANIC` with their message (see `ffz_test_arm_worker_panic`).
#[cfg(feature = "test-hooks")]
pub mod test_hooks {
    use std::sync::atomic::{AtomicBool, Ordering};

    static ARMED: AtomicBool = AtomicBool::new(false);

    /// With `armed`, the next parallel batch, in any thread, panics on one
    /// of its worker threads; without, no batch does.
    pub fn arm_worker_panic(armed: bool) {
        ARMED.store(armed, Ordering::SeqCst);
    }

    /// Called at the start of every parallel batch: if armed, disarms and
    /// panics on a pool thread (`rayon::join` runs its closures in the pool,
    /// and a caller outside the pool blocks until they finish).
    pub(super) fn panic_in_worker_if_armed() {
        if ARMED.load(Ordering::Relaxed) && ARMED.swap(false, Ordering::SeqCst) {
            rayon::join(
                || (),
                || match rayon::current_thread_index() {
                    Some(i) => panic!("test hook: panic on worker thread {i}"),
                    None => panic!("test hook: expected a worker thread, ran on the caller"),
                },
            );
        }
    }
}
