//! Batch functions: `ffz_process_extract`, `ffz_process_cdist` and
//! `ffz_process_cpdist` over packed string lists (`ffz_strs`), with an
//! optional cancellation token (`ffz_cancel`).
//!
//! Threads: each batch function runs on `workers` threads (0: one per core,
//! from a pool shared by the whole process; 1: the calling thread only; n:
//! a pool of n threads made for the call). It returns only when all of them
//! have finished, and keeps no pointer to its arguments after returning.
//!
//! Cancellation: another thread may call `ffz_cancel_set` on the token
//! passed to a running batch. The batch then stops at its next work unit
//! (a few thousand pairs at most), writes nothing more to its outputs, and
//! returns `FFZ_CANCELLED`; the output buffer is then partly written and
//! should be discarded. A token stays set: use a new one for the next batch.

use super::error::{guard, non_null, write_out, FfiError, FfiResult};
use super::scorer::ffz_scorer;
use super::strings::{read, Text};
use super::{
    ffz_str, FFZ_CANCELLED, FFZ_INVALID_ARGUMENT, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8,
    FFZ_LENGTH_MISMATCH, FFZ_MAX_LEN, FFZ_NULL_POINTER, FFZ_TOO_LARGE, FFZ_UNKNOWN_KIND,
};
use crate::process::cancel::Cancel;
use crate::process::dtype::DType;
use crate::process::extract::{extract, Extract};
use crate::process::list::{StrList, Units};
use crate::process::matrix::{cdist, cpdist, Cells};
use crate::process::BatchError;
use crate::scorer::{ScoreError, Scorer};
use std::borrow::Cow;
use std::ffi::c_void;

/// A packed list of `count` strings of one kind, all units back to back in
/// `data` (`data_len` units, not bytes). `kind` is `FFZ_KIND_U8`,
/// `FFZ_KIND_U32` or `FFZ_KIND_U64` (not UTF-8). Two layouts:
///
/// - `lengths` non-NULL: string `i` is the `lengths[i]` units that follow
///   the first `lengths[0] + ... + lengths[i - 1]` units. The lengths must
///   add up to exactly `data_len`.
/// - `lengths` NULL: the strings are separated by one unit of value 0,
///   which belongs to no string (for example "ab\0\0c" holds "ab", "" and
///   "c"); there must be exactly `count - 1` such units, or no data at all
///   when `count` is 0. Strings that contain a 0 unit need the first
///   layout.
///
/// Either way the layout is checked (`FFZ_INVALID_ARGUMENT` if it does not
/// match) and no string may exceed `FFZ_MAX_LEN` units. `data` and
/// `lengths` need no alignment, and may be NULL when `data_len`,
/// respectively `count`, is 0 (`lengths` may be NULL anyway). The library
/// reads the list only during the call.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_strs {
    pub data: *const c_void,
    /// Units (not bytes) in `data`.
    pub data_len: usize,
    pub lengths: *const usize,
    pub count: usize,
    pub kind: u32,
}

/// A cancellation token: an opaque flag that one thread sets to stop the
/// batch calls that other threads run with it. Create it with
/// `ffz_cancel_new`, free it with `ffz_cancel_free` once no call uses it.
/// Setting and reading it are thread-safe.
///
/// Threads: each batch function (`ffz_process_*`) runs on `workers` threads
/// (0: one per core, from a pool shared by the whole process; 1: the
/// calling thread only; n: a pool of n threads made for the call, at most
/// 1024). It returns only when all of them have finished, and keeps no
/// pointer to its arguments after returning. Batch functions never call
/// back into the caller, so a caller may run them on a helper thread with
/// its own locks (such as Python's GIL) released.
///
/// Cancellation: another thread may call `ffz_cancel_set` on the token
/// passed to a running batch. The batch then stops at its next work unit
/// (a few thousand pairs at most), and returns `FFZ_CANCELLED`; an output
/// buffer is then partly written and should be discarded. A token stays
/// set: use a new one for the next batch.
pub struct ffz_cancel {
    inner: Cancel,
}

/// `dtype` of a cdist/cpdist output buffer: float (IEEE single).
pub const FFZ_DTYPE_FLOAT32: u32 = 1;
/// `dtype`: double.
pub const FFZ_DTYPE_FLOAT64: u32 = 2;
/// `dtype`: int8_t.
pub const FFZ_DTYPE_INT8: u32 = 3;
/// `dtype`: int16_t.
pub const FFZ_DTYPE_INT16: u32 = 4;
/// `dtype`: int32_t.
pub const FFZ_DTYPE_INT32: u32 = 5;
/// `dtype`: int64_t.
pub const FFZ_DTYPE_INT64: u32 = 6;
/// `dtype`: uint8_t.
pub const FFZ_DTYPE_UINT8: u32 = 7;
/// `dtype`: uint16_t.
pub const FFZ_DTYPE_UINT16: u32 = 8;
/// `dtype`: uint32_t.
pub const FFZ_DTYPE_UINT32: u32 = 9;
/// `dtype`: uint64_t.
pub const FFZ_DTYPE_UINT64: u32 = 10;

fn batch_error(e: BatchError) -> FfiError {
    match e {
        BatchError::Score(s @ ScoreError::LengthMismatch) => FfiError::new(FFZ_LENGTH_MISMATCH, s.to_string()),
        BatchError::Cancelled => FfiError::new(FFZ_CANCELLED, "the batch was cancelled"),
        BatchError::Invalid(m) => FfiError::new(FFZ_INVALID_ARGUMENT, m),
    }
}

/// Reads `count` values of `T` from `ptr`, borrowing when aligned.
unsafe fn slice_of<'a, T: Copy>(ptr: *const c_void, count: usize) -> Cow<'a, [T]> {
    let p = ptr as *const T;
    if count == 0 {
        Cow::Borrowed(&[])
    } else if p.is_aligned() {
        Cow::Borrowed(std::slice::from_raw_parts(p, count))
    } else {
        Cow::Owned((0..count).map(|i| p.add(i).read_unaligned()).collect())
    }
}

/// Reads a packed list. The result borrows the caller's buffers.
unsafe fn read_strs<'a>(strs: *const ffz_strs, what: &str) -> FfiResult<StrList<'a>> {
    non_null(strs, what)?;
    let s = strs.read_unaligned();
    let width = match s.kind {
        FFZ_KIND_U8 => 1usize,
        FFZ_KIND_U32 => 4,
        FFZ_KIND_U64 => 8,
        other => {
            return Err(FfiError::new(
                FFZ_UNKNOWN_KIND,
                format!("{what}: unknown or unsupported list kind {other} (expected 1, 4 or 8)"),
            ))
        }
    };
    if s.data_len.checked_mul(width).is_none_or(|b| b > isize::MAX as usize) {
        return Err(FfiError::new(FFZ_TOO_LARGE, format!("{what}: data_len {} is too large", s.data_len)));
    }
    if s.count > isize::MAX as usize / 8 {
        return Err(FfiError::new(FFZ_TOO_LARGE, format!("{what}: count {} is too large", s.count)));
    }
    if s.data_len > 0 && s.data.is_null() {
        return Err(FfiError::new(FFZ_NULL_POINTER, format!("{what}: data is NULL but data_len is {}", s.data_len)));
    }
    let units = match s.kind {
        FFZ_KIND_U8 => Units::U8(slice_of::<u8>(s.data, s.data_len)),
        FFZ_KIND_U32 => Units::U32(slice_of::<u32>(s.data, s.data_len)),
        _ => Units::U64(slice_of::<u64>(s.data, s.data_len)),
    };
    let list = if s.lengths.is_null() {
        StrList::separated(units, s.count, FFZ_MAX_LEN)
    } else {
        let lengths = slice_of::<usize>(s.lengths as *const c_void, s.count);
        StrList::new(units, &lengths, FFZ_MAX_LEN)
    };
    list.map_err(|m| FfiError::new(FFZ_INVALID_ARGUMENT, format!("{what}: {m}")))
}

fn read_optional(ptr: *const f64, what: &str) -> FfiResult<Option<f64>> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: a non-NULL pointer to a double is the documented contract.
    let v = unsafe { ptr.read_unaligned() };
    if v.is_nan() {
        return Err(FfiError::new(FFZ_INVALID_ARGUMENT, format!("{what} is NaN")));
    }
    Ok(Some(v))
}

unsafe fn read_scorer(scorer: *const ffz_scorer) -> FfiResult<Scorer> {
    non_null(scorer, "scorer")?;
    scorer.read_unaligned().to_scorer()
}

unsafe fn cancel_ref<'a>(cancel: *const ffz_cancel) -> Option<&'a Cancel> {
    cancel.as_ref().map(|c| &c.inner)
}

fn read_dtype(dtype: u32) -> FfiResult<DType> {
    DType::from_id(dtype)
        .ok_or_else(|| FfiError::new(FFZ_INVALID_ARGUMENT, format!("unknown dtype {dtype} (expected 1 to 10)")))
}

/// The caller's output buffer of `cells` elements of `dtype`.
unsafe fn out_bytes<'a>(out: *mut c_void, cells: usize, dtype: DType) -> FfiResult<&'a mut [u8]> {
    let bytes = cells
        .checked_mul(dtype.size())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(|| FfiError::new(FFZ_TOO_LARGE, "the output does not fit in memory"))?;
    if bytes == 0 {
        return Ok(&mut []);
    }
    non_null(out, "out")?;
    Ok(std::slice::from_raw_parts_mut(out as *mut u8, bytes))
}

/// Creates a cancellation token, not set, and writes it to `out`.
#[no_mangle]
pub unsafe extern "C" fn ffz_cancel_new(out: *mut *mut ffz_cancel) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        write_out(out, Box::into_raw(Box::new(ffz_cancel { inner: Cancel::new() })));
        Ok(())
    })
}

/// Sets the token: every batch call running with it stops soon and returns
/// `FFZ_CANCELLED`, and later calls with it return `FFZ_CANCELLED` at once.
/// Safe to call from any thread, any number of times, including from a
/// signal-handling thread while a batch runs. Never blocks.
#[no_mangle]
pub unsafe extern "C" fn ffz_cancel_set(cancel: *const ffz_cancel) -> i32 {
    guard(|| {
        non_null(cancel, "cancel")?;
        (*cancel).inner.set();
        Ok(())
    })
}

/// Writes whether the token is set to `out`.
#[no_mangle]
pub unsafe extern "C" fn ffz_cancel_is_set(cancel: *const ffz_cancel, out: *mut bool) -> i32 {
    guard(|| {
        non_null(cancel, "cancel")?;
        non_null(out, "out")?;
        write_out(out, (*cancel).inner.is_set());
        Ok(())
    })
}

/// Frees a token. NULL is accepted and ignored. No call may be using it.
#[no_mangle]
pub unsafe extern "C" fn ffz_cancel_free(cancel: *mut ffz_cancel) {
    if !cancel.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(cancel));
            Ok(())
        });
    }
}

/// The best `limit` choices for `query`, as `rapidfuzz.process.extract`
/// finds them: best score first (highest similarity, lowest distance), ties
/// in list order; choices failing `*score_cutoff` (NULL: none) are left
/// out. For the integer forms (distance, similarity) a fractional cutoff is
/// truncated toward zero and a negative one is 0, as in `ffz_process_cdist`
/// and the Index searches. With `limit` 1 it is `extractOne`: the first best choice, and the
/// scan stops at the first choice with the best possible score (0 for
/// distances, 1.0 for normalized similarities), so that later choices that
/// could not be scored raise no error.
///
/// - `score_hint`: NULL, or an expected score that may speed the kernel up;
///   it never changes results. NaN cutoffs and hints are rejected.
/// - `positions`, `scores`: arrays of at least `min(limit, choices->count)`
///   entries; they receive the results' positions in `choices` and their
///   scores. `written` receives how many results there are.
/// - `workers`, `cancel`: see the notes on threads and cancellation above
///   (`cancel` may be NULL).
///
/// Returns `FFZ_OK`, `FFZ_NULL_POINTER`, `FFZ_INVALID_ARGUMENT` (a list
/// whose lengths do not match its data, a NaN cutoff, too many workers),
/// `FFZ_UNKNOWN_KIND`, `FFZ_TOO_LARGE`, `FFZ_LENGTH_MISMATCH` (Hamming
/// without padding), `FFZ_CANCELLED` or `FFZ_PANIC`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn ffz_process_extract(
    query: ffz_str,
    choices: *const ffz_strs,
    scorer: *const ffz_scorer,
    limit: usize,
    score_cutoff: *const f64,
    score_hint: *const f64,
    workers: usize,
    cancel: *const ffz_cancel,
    positions: *mut usize,
    scores: *mut f64,
    written: *mut usize,
) -> i32 {
    guard(|| {
        non_null(written, "written")?;
        let scorer = read_scorer(scorer)?;
        let query_text: Text<'_> = read(&query, "query")?;
        let list = read_strs(choices, "choices")?;
        let capacity = limit.min(list.len());
        if capacity > 0 {
            non_null(positions, "positions")?;
            non_null(scores, "scores")?;
        }
        let args = Extract {
            scorer: &scorer,
            limit,
            score_cutoff: read_optional(score_cutoff, "score_cutoff")?,
            score_hint: read_optional(score_hint, "score_hint")?,
            workers,
        };
        let hits = extract(query_text.seq(), &list, &args, cancel_ref(cancel)).map_err(batch_error)?;
        for (i, hit) in hits.iter().enumerate().take(capacity) {
            write_out(positions.add(i), hit.index);
            write_out(scores.add(i), hit.score);
        }
        write_out(written, hits.len().min(capacity));
        Ok(())
    })
}

/// Scores every query against every choice, as `rapidfuzz.process.cdist`,
/// into `out`: `queries->count` rows of `choices->count` elements of type
/// `dtype` (`FFZ_DTYPE_*`), row-major, native byte order, no alignment
/// needed; `out_len` is its size in elements and must be exactly
/// rows * columns.
///
/// `queries` may be NULL: `choices` is then compared with itself, and for
/// a symmetric scorer (Indel, Hamming, Levenshtein with equal insertion and
/// deletion costs) each pair is scored once.
///
/// Each cell is the scorer's result with `*score_cutoff` (NULL: none)
/// applied as the scorer applies it (a similarity below it is 0, a distance
/// above it `cutoff + 1`, a normalized distance above it 1.0; for the
/// integer forms a fractional cutoff is truncated toward zero and a negative
/// one is 0), times
/// `score_multiplier`, converted to `dtype` as rapidfuzz converts it: float
/// types by C conversion; integer types by rounding half away from zero to
/// int64 (values outside int64 give INT64_MIN) and then truncating to the
/// type's width. For distance and similarity forms (integer scores) the
/// multiplier is truncated to an unsigned integer and the product wraps
/// modulo 2^64.
///
/// Errors as for `ffz_process_extract`, plus `FFZ_INVALID_ARGUMENT` for an
/// unknown `dtype` or a wrong `out_len`. On failure `out` may be partly
/// written.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn ffz_process_cdist(
    queries: *const ffz_strs,
    choices: *const ffz_strs,
    scorer: *const ffz_scorer,
    score_cutoff: *const f64,
    score_hint: *const f64,
    score_multiplier: f64,
    dtype: u32,
    workers: usize,
    cancel: *const ffz_cancel,
    out: *mut c_void,
    out_len: usize,
) -> i32 {
    guard(|| {
        let scorer = read_scorer(scorer)?;
        let dtype = read_dtype(dtype)?;
        let queries = if queries.is_null() { None } else { Some(read_strs(queries, "queries")?) };
        let choices = read_strs(choices, "choices")?;
        let rows = queries.as_ref().map_or(choices.len(), StrList::len);
        if rows.checked_mul(choices.len()) != Some(out_len) {
            return Err(FfiError::new(
                FFZ_INVALID_ARGUMENT,
                format!("out_len is {out_len} but the result has {rows} x {} elements", choices.len()),
            ));
        }
        let buffer = out_bytes(out, out_len, dtype)?;
        let cells = Cells {
            scorer: &scorer,
            score_cutoff: read_optional(score_cutoff, "score_cutoff")?,
            score_hint: read_optional(score_hint, "score_hint")?,
            multiplier: score_multiplier,
            dtype,
            workers,
        };
        cdist(queries.as_ref(), &choices, &cells, buffer, cancel_ref(cancel)).map_err(batch_error)
    })
}

/// Scores `queries[i]` against `choices[i]` for every i, as
/// `rapidfuzz.process.cpdist`, into `out` (`out_len` elements of `dtype`,
/// which must equal both counts). Cells, errors, threads and cancellation
/// as for `ffz_process_cdist`; lists of different lengths give
/// `FFZ_INVALID_ARGUMENT`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn ffz_process_cpdist(
    queries: *const ffz_strs,
    choices: *const ffz_strs,
    scorer: *const ffz_scorer,
    score_cutoff: *const f64,
    score_hint: *const f64,
    score_multiplier: f64,
    dtype: u32,
    workers: usize,
    cancel: *const ffz_cancel,
    out: *mut c_void,
    out_len: usize,
) -> i32 {
    guard(|| {
        let scorer = read_scorer(scorer)?;
        let dtype = read_dtype(dtype)?;
        let queries = read_strs(queries, "queries")?;
        let choices = read_strs(choices, "choices")?;
        if queries.len() != choices.len() || out_len != queries.len() {
            return Err(FfiError::new(
                FFZ_INVALID_ARGUMENT,
                format!(
                    "queries ({}), choices ({}) and out_len ({out_len}) must all be the same length",
                    queries.len(),
                    choices.len()
                ),
            ));
        }
        let buffer = out_bytes(out, out_len, dtype)?;
        let cells = Cells {
            scorer: &scorer,
            score_cutoff: read_optional(score_cutoff, "score_cutoff")?,
            score_hint: read_optional(score_hint, "score_hint")?,
            multiplier: score_multiplier,
            dtype,
            workers,
        };
        cpdist(&queries, &choices, &cells, buffer, cancel_ref(cancel)).map_err(batch_error)
    })
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ffz_cancel>();
};
