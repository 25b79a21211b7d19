//! Running work on a chosen number of threads.

/// Most threads a caller may ask for; more is an error, not a slow death.
pub(crate) const MAX_WORKERS: usize = 1024;

/// Runs `work` on `workers` threads: 0 means rayon's global pool (one thread
/// per core), 1 runs on the calling thread, n > 1 uses a pool of n threads
/// made for this call.
pub fn with_workers<R: Send>(workers: usize, work: impl FnOnce() -> R + Send) -> Result<R, String> {
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
