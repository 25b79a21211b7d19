//! `ffz_index`: an opaque handle over [`crate::index::Index`].
//!
//! Thread safety: an `ffz_index` may be searched from many threads at once.
//! It must not be freed while another thread uses it.

use super::error::{guard, non_null, write_out, FfiError};
use super::scorer::ffz_scorer;
use super::strings::{read, Text};
use super::{ffz_str, FFZ_INVALID_ARGUMENT, FFZ_LENGTH_MISMATCH};
use crate::index::Index;
use crate::scorer::ScoreError;

/// An index over a list of strings. Opaque; create it with `ffz_index_new`
/// and free it with `ffz_index_free`.
pub struct ffz_index {
    inner: Index,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ffz_index>();
};

/// Builds an index over `count` strings. The strings are copied: the caller
/// may free them as soon as the call returns.
///
/// - `choices`: an array of `count` strings; may be NULL when `count` is 0.
/// - `out`: receives the new index, which the caller owns and must release
///   with `ffz_index_free`. Left untouched on failure.
///
/// Returns `FFZ_OK`, `FFZ_NULL_POINTER`, `FFZ_UNKNOWN_KIND`,
/// `FFZ_INVALID_UTF8`, `FFZ_TOO_LARGE` or `FFZ_PANIC`; the message names the
/// offending element. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_new(choices: *const ffz_str, count: usize, out: *mut *mut ffz_index) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        if count > 0 {
            non_null(choices, "choices")?;
        }
        let mut seqs = Vec::with_capacity(count.min(1 << 20));
        for i in 0..count {
            let s = choices.add(i).read_unaligned();
            let text: Text<'_> = read(&s, &format!("choices[{i}]"))?;
            seqs.push(text.to_owned_seq());
        }
        let inner = Index::from_owned(seqs);
        write_out(out, Box::into_raw(Box::new(ffz_index { inner })));
        Ok(())
    })
}

/// Frees an index. NULL is accepted and ignored. The index must not be used,
/// by this or any other thread, after this call.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_free(index: *mut ffz_index) {
    if !index.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(index));
            Ok(())
        });
    }
}

/// Writes the number of choices in `index` to `out`.
/// Returns `FFZ_OK`, `FFZ_NULL_POINTER` or `FFZ_PANIC`. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_len(index: *const ffz_index, out: *mut usize) -> i32 {
    guard(|| {
        non_null(index, "index")?;
        non_null(out, "out")?;
        write_out(out, (*index).inner.len());
        Ok(())
    })
}

/// Finds the best `limit` choices for `query` by `scorer`, by brute force.
///
/// Results are ordered best first (highest similarity or lowest distance);
/// ties keep index order, as `rapidfuzz.process.extract` orders them.
/// Choices that fail `*score_cutoff` (a distance above it, a similarity
/// below it) are left out; `score_cutoff` may be NULL for none.
///
/// - `out_indices`, `out_scores`: caller-allocated arrays of at least
///   `limit` elements, receiving positions in the index and scores (integral
///   for the distance and similarity forms). May be NULL when `limit` is 0.
/// - `out_count`: receives how many results were written (at most `limit`).
///
/// Returns `FFZ_OK`, `FFZ_NULL_POINTER`, `FFZ_INVALID_ARGUMENT` (bad
/// scorer), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`, `FFZ_LENGTH_MISMATCH`
/// (Hamming without padding on a choice of another length), `FFZ_TOO_LARGE`
/// or `FFZ_PANIC`. The search runs on the library's thread pool; many
/// threads may search one index at once.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_search(
    index: *const ffz_index,
    query: ffz_str,
    scorer: *const ffz_scorer,
    limit: usize,
    score_cutoff: *const f64,
    out_indices: *mut usize,
    out_scores: *mut f64,
    out_count: *mut usize,
) -> i32 {
    guard(|| {
        non_null(index, "index")?;
        non_null(scorer, "scorer")?;
        non_null(out_count, "out_count")?;
        if limit > 0 {
            non_null(out_indices, "out_indices")?;
            non_null(out_scores, "out_scores")?;
        }
        let scorer = scorer.read_unaligned().to_scorer()?;
        let cutoff = if score_cutoff.is_null() {
            None
        } else {
            let c = score_cutoff.read_unaligned();
            if c.is_nan() {
                return Err(FfiError::new(FFZ_INVALID_ARGUMENT, "score_cutoff is NaN"));
            }
            Some(c)
        };
        let q = read(&query, "query")?;
        let hits = (*index)
            .inner
            .search(q.seq(), &scorer, limit, cutoff)
            .map_err(|e| match e {
                ScoreError::LengthMismatch => FfiError::new(FFZ_LENGTH_MISMATCH, e.to_string()),
            })?;
        for (i, m) in hits.iter().enumerate() {
            write_out(out_indices.add(i), m.index);
            write_out(out_scores.add(i), m.score);
        }
        write_out(out_count, hits.len());
        Ok(())
    })
}
