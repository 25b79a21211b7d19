//! `ffz_index`: an opaque handle over [`crate::index::Index`].
//!
//! Thread safety: any number of threads may search, read or save one index
//! at once; `ffz_index_add` may also be called concurrently and is
//! serialised with everything else. An index must not be freed while
//! another thread uses it.

use super::error::{guard, non_null, write_out, FfiError, FfiResult};
use super::results::{ffz_bytes, ffz_groups, ffz_matches};
use super::scorer::ffz_scorer;
use super::strings::{read, Text};
use super::{
    ffz_str, FFZ_BAD_FILE, FFZ_INVALID_ARGUMENT, FFZ_INVALID_UTF8, FFZ_IO_ERROR, FFZ_KIND_U32,
    FFZ_KIND_U64, FFZ_KIND_U8, FFZ_LENGTH_MISMATCH,
};
use crate::index::{Index, Key, LoadFileError};
use crate::parallel::with_workers;
use crate::scorer::{ScoreError, Scorer};
use crate::unit::{OwnedSeq, Seq};

/// An index over a list of strings. Opaque; create it with `ffz_index_new`,
/// `ffz_index_from_bytes` or `ffz_index_load`, and free it with
/// `ffz_index_free`.
pub struct ffz_index {
    inner: Index,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ffz_index>();
    assert_send_sync::<ffz_matches>();
    assert_send_sync::<ffz_groups>();
    assert_send_sync::<ffz_bytes>();
};

/// `ffz_key.kind`: the choice has no key.
pub const FFZ_KEY_NONE: u32 = 0;
/// `ffz_key.kind`: the key is the UTF-8 text `text[0..text_len]`.
pub const FFZ_KEY_TEXT: u32 = 1;
/// `ffz_key.kind`: the key is the integer `int_value`.
pub const FFZ_KEY_INT: u32 = 2;

/// A user key attached to a choice: none, a text or an integer.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ffz_key {
    /// One of the `FFZ_KEY_*` values.
    pub kind: u32,
    /// The value of an `FFZ_KEY_INT` key.
    pub int_value: i64,
    /// The UTF-8 bytes of an `FFZ_KEY_TEXT` key (no NUL needed).
    pub text: *const std::ffi::c_char,
    pub text_len: usize,
}

fn score_error(e: ScoreError) -> FfiError {
    match e {
        ScoreError::LengthMismatch => FfiError::new(FFZ_LENGTH_MISMATCH, e.to_string()),
    }
}

unsafe fn index_ref<'a>(index: *const ffz_index) -> FfiResult<&'a Index> {
    non_null(index, "index")?;
    Ok(&(*index).inner)
}

/// Reads `count` strings from `choices` into owned sequences.
unsafe fn read_all(choices: *const ffz_str, count: usize, what: &str) -> FfiResult<Vec<OwnedSeq>> {
    if count > 0 {
        non_null(choices, what)?;
    }
    let mut seqs = Vec::with_capacity(count.min(1 << 20));
    for i in 0..count {
        let s = choices.add(i).read_unaligned();
        let text: Text<'_> = read(&s, &format!("{what}[{i}]"))?;
        seqs.push(text.to_owned_seq());
    }
    Ok(seqs)
}

unsafe fn read_key(k: &ffz_key, i: usize) -> FfiResult<Option<Key>> {
    match k.kind {
        FFZ_KEY_NONE => Ok(None),
        FFZ_KEY_INT => Ok(Some(Key::Int(k.int_value))),
        FFZ_KEY_TEXT => {
            if k.text_len > 0 {
                non_null(k.text, &format!("keys[{i}].text"))?;
            }
            let bytes: &[u8] = if k.text_len == 0 {
                &[]
            } else {
                std::slice::from_raw_parts(k.text as *const u8, k.text_len)
            };
            let text = std::str::from_utf8(bytes).map_err(|e| {
                FfiError::new(FFZ_INVALID_UTF8, format!("keys[{i}].text is not valid UTF-8: {e}"))
            })?;
            Ok(Some(Key::Text(text.to_owned())))
        }
        other => Err(FfiError::new(FFZ_INVALID_ARGUMENT, format!("keys[{i}].kind {other} is unknown"))),
    }
}

fn read_cutoff(score_cutoff: *const f64) -> FfiResult<Option<f64>> {
    if score_cutoff.is_null() {
        return Ok(None);
    }
    // SAFETY: non-NULL pointers to a double are the documented contract.
    let c = unsafe { score_cutoff.read_unaligned() };
    if c.is_nan() {
        return Err(FfiError::new(FFZ_INVALID_ARGUMENT, "score_cutoff is NaN"));
    }
    Ok(Some(c))
}

unsafe fn read_scorer(scorer: *const ffz_scorer) -> FfiResult<Scorer> {
    non_null(scorer, "scorer")?;
    scorer.read_unaligned().to_scorer()
}

fn workers_error(message: String) -> FfiError {
    FfiError::new(FFZ_INVALID_ARGUMENT, message)
}

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
        let seqs = read_all(choices, count, "choices")?;
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

/// Appends `count` strings to `index`, each with an optional key.
///
/// - `keys`: NULL for no keys, or an array of `count` keys.
/// - `first`: receives the position of the first added choice (may be NULL).
///
/// Either every choice is added or, on failure, none is. Searches running
/// on other threads finish first; later searches see the new choices.
/// Errors as for `ffz_index_new`, plus `FFZ_INVALID_ARGUMENT` for a bad key
/// kind and `FFZ_INVALID_UTF8` for a key text that is not UTF-8.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_add(
    index: *const ffz_index,
    choices: *const ffz_str,
    keys: *const ffz_key,
    count: usize,
    first: *mut usize,
) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        let seqs = read_all(choices, count, "choices")?;
        let mut key_values = Vec::with_capacity(if keys.is_null() { 0 } else { count });
        if !keys.is_null() {
            for i in 0..count {
                key_values.push(read_key(&keys.add(i).read_unaligned(), i)?);
            }
        }
        let at = index.add_keyed(
            seqs.iter()
                .enumerate()
                .map(|(i, s)| (s.as_seq(), key_values.get(i).cloned().flatten())),
        );
        if !first.is_null() {
            write_out(first, at);
        }
        Ok(())
    })
}

/// Writes the number of choices in `index` to `out`.
/// Returns `FFZ_OK`, `FFZ_NULL_POINTER` or `FFZ_PANIC`. Thread-safe.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_len(index: *const ffz_index, out: *mut usize) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        non_null(out, "out")?;
        write_out(out, index.len());
        Ok(())
    })
}

/// Writes the bytes of heap memory the index holds to `out`.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_memory(index: *const ffz_index, out: *mut usize) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        non_null(out, "out")?;
        write_out(out, index.heap_bytes());
        Ok(())
    })
}

/// Reads the choice at `position`.
///
/// Writes its length in units to `len` and its storage kind (`FFZ_KIND_U8`
/// for code points below 256, `FFZ_KIND_U32`, or `FFZ_KIND_U64` for hashed
/// sequences) to `kind`, and copies up to `capacity` units into `buffer`
/// (native byte order; `buffer` may be NULL when `capacity` is 0). Call
/// once with `capacity` 0 to learn the length. `FFZ_INVALID_ARGUMENT` if
/// `position` is out of range.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_choice(
    index: *const ffz_index,
    position: usize,
    buffer: *mut std::ffi::c_void,
    capacity: usize,
    len: *mut usize,
    kind: *mut u32,
) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        non_null(len, "len")?;
        non_null(kind, "kind")?;
        if capacity > 0 {
            non_null(buffer, "buffer")?;
        }
        let choice = index.get(position).ok_or_else(|| {
            FfiError::new(FFZ_INVALID_ARGUMENT, format!("position {position} is out of range (len {})", index.len()))
        })?;
        let n = choice.len().min(capacity);
        let k = match choice.as_seq() {
            Seq::U8(s) => {
                std::ptr::copy_nonoverlapping(s.as_ptr(), buffer as *mut u8, n);
                FFZ_KIND_U8
            }
            Seq::U32(s) => {
                for (i, &u) in s[..n].iter().enumerate() {
                    (buffer as *mut u32).add(i).write_unaligned(u);
                }
                FFZ_KIND_U32
            }
            Seq::U64(s) => {
                for (i, &u) in s[..n].iter().enumerate() {
                    (buffer as *mut u64).add(i).write_unaligned(u);
                }
                FFZ_KIND_U64
            }
        };
        write_out(len, choice.len());
        write_out(kind, k);
        Ok(())
    })
}

/// Reads the key of the choice at `position`.
///
/// Writes its kind (`FFZ_KEY_NONE`, `FFZ_KEY_TEXT`, `FFZ_KEY_INT`) to
/// `kind`; for an integer key, its value to `int_value`; for a text key,
/// its length in bytes to `text_len` and up to `capacity` of its UTF-8
/// bytes to `text` (which may be NULL when `capacity` is 0).
/// `FFZ_INVALID_ARGUMENT` if `position` is out of range.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_key(
    index: *const ffz_index,
    position: usize,
    kind: *mut u32,
    int_value: *mut i64,
    text: *mut std::ffi::c_char,
    capacity: usize,
    text_len: *mut usize,
) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        non_null(kind, "kind")?;
        non_null(int_value, "int_value")?;
        non_null(text_len, "text_len")?;
        if capacity > 0 {
            non_null(text, "text")?;
        }
        if position >= index.len() {
            return Err(FfiError::new(
                FFZ_INVALID_ARGUMENT,
                format!("position {position} is out of range (len {})", index.len()),
            ));
        }
        match index.key(position) {
            None => {
                write_out(kind, FFZ_KEY_NONE);
                write_out(int_value, 0);
                write_out(text_len, 0);
            }
            Some(Key::Int(v)) => {
                write_out(kind, FFZ_KEY_INT);
                write_out(int_value, v);
                write_out(text_len, 0);
            }
            Some(Key::Text(t)) => {
                let n = t.len().min(capacity);
                std::ptr::copy_nonoverlapping(t.as_ptr(), text as *mut u8, n);
                write_out(kind, FFZ_KEY_TEXT);
                write_out(int_value, 0);
                write_out(text_len, t.len());
            }
        }
        Ok(())
    })
}

/// Finds the best `limit` choices for `query` by `scorer`.
///
/// Results are ordered best first (highest similarity or lowest distance);
/// ties keep index order, as `rapidfuzz.process.extract` orders them.
/// Choices that fail `*score_cutoff` (a distance above it, a similarity
/// below it) are left out; `score_cutoff` may be NULL for none. For the
/// integer forms (distance, similarity) a fractional cutoff is truncated
/// toward zero and a negative one is 0, as rapidfuzz's process functions
/// convert it. Levenshtein and Indel searches use the index's trie; other scorers scan in parallel.
/// Either way the results equal a brute-force scan's.
///
/// - `out_indices`, `out_scores`: caller-allocated arrays of at least
///   `limit` elements, receiving positions in the index and scores (integral
///   for the distance and similarity forms). May be NULL when `limit` is 0.
/// - `out_count`: receives how many results were written (at most `limit`).
///
/// Returns `FFZ_OK`, `FFZ_NULL_POINTER`, `FFZ_INVALID_ARGUMENT` (bad
/// scorer, NaN cutoff), `FFZ_UNKNOWN_KIND`, `FFZ_INVALID_UTF8`,
/// `FFZ_LENGTH_MISMATCH` (Hamming without padding on a choice of another
/// length), `FFZ_TOO_LARGE` or `FFZ_PANIC`. Runs on the library's thread
/// pool; many threads may search one index at once.
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
        let index = index_ref(index)?;
        let scorer = read_scorer(scorer)?;
        non_null(out_count, "out_count")?;
        if limit > 0 {
            non_null(out_indices, "out_indices")?;
            non_null(out_scores, "out_scores")?;
        }
        let cutoff = read_cutoff(score_cutoff)?;
        let q = read(&query, "query")?;
        let hits = index.search(q.seq(), &scorer, limit, cutoff).map_err(score_error)?;
        for (i, m) in hits.iter().enumerate() {
            write_out(out_indices.add(i), m.index);
            write_out(out_scores.add(i), m.score);
        }
        write_out(out_count, hits.len());
        Ok(())
    })
}

/// `ffz_index_search` for `count` queries at once, in parallel.
///
/// - `workers`: threads to use; 0 for one per core, 1 for the calling
///   thread only, at most 1024.
/// - `out`: receives a matches object (see `ffz_matches_*`) with one entry
///   per query, which the caller frees with `ffz_matches_free`.
///
/// Errors as for `ffz_index_search`; the message names a bad query.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_search_many(
    index: *const ffz_index,
    queries: *const ffz_str,
    count: usize,
    scorer: *const ffz_scorer,
    limit: usize,
    score_cutoff: *const f64,
    workers: usize,
    out: *mut *mut ffz_matches,
) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        let scorer = read_scorer(scorer)?;
        non_null(out, "out")?;
        let cutoff = read_cutoff(score_cutoff)?;
        let owned = read_all(queries, count, "queries")?;
        let seqs: Vec<Seq<'_>> = owned.iter().map(OwnedSeq::as_seq).collect();
        let per_query = with_workers(workers, || index.search_many(&seqs, &scorer, limit, cutoff))
            .map_err(workers_error)?
            .map_err(score_error)?;
        write_out(out, Box::into_raw(Box::new(ffz_matches { per_query })));
        Ok(())
    })
}

/// Groups near-duplicate choices.
///
/// Choices i and j are joined when a search for choice i by `scorer` finds
/// choice j with a score that passes `threshold` (a distance at most it, a
/// similarity at least it). The groups are the connected components of
/// those joins (so a chain a~b~c is one group), members ascending, groups
/// ordered by their first member; choices with no near-duplicate are left
/// out. `workers` as for `ffz_index_search_many`.
///
/// - `out`: receives a groups object (see `ffz_groups_*`), freed by the
///   caller with `ffz_groups_free`.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_dedupe(
    index: *const ffz_index,
    scorer: *const ffz_scorer,
    threshold: f64,
    workers: usize,
    out: *mut *mut ffz_groups,
) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        let scorer = read_scorer(scorer)?;
        non_null(out, "out")?;
        if threshold.is_nan() {
            return Err(FfiError::new(FFZ_INVALID_ARGUMENT, "threshold is NaN"));
        }
        let groups = with_workers(workers, || index.dedupe(&scorer, threshold))
            .map_err(workers_error)?
            .map_err(score_error)?;
        write_out(out, Box::into_raw(Box::new(ffz_groups { groups })));
        Ok(())
    })
}

/// Serialises the index into a new byte buffer (the format of
/// `ffz_index_save`), freed by the caller with `ffz_bytes_free`.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_to_bytes(index: *const ffz_index, out: *mut *mut ffz_bytes) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        non_null(out, "out")?;
        let data = index.to_bytes();
        write_out(out, Box::into_raw(Box::new(ffz_bytes { data })));
        Ok(())
    })
}

/// Builds an index from `len` bytes written by `ffz_index_to_bytes` or
/// `ffz_index_save`, validating them. A truncated, corrupted, foreign or
/// newer-version buffer fails with `FFZ_BAD_FILE` and a message saying why.
/// `out` receives a new index that the caller frees with `ffz_index_free`.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_from_bytes(data: *const u8, len: usize, out: *mut *mut ffz_index) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        if len > 0 {
            non_null(data, "data")?;
        }
        let bytes: &[u8] = if len == 0 { &[] } else { std::slice::from_raw_parts(data, len) };
        let inner = Index::from_bytes(bytes).map_err(|e| FfiError::new(FFZ_BAD_FILE, e.to_string()))?;
        write_out(out, Box::into_raw(Box::new(ffz_index { inner })));
        Ok(())
    })
}

unsafe fn read_path(path: *const std::ffi::c_char, path_len: usize) -> FfiResult<std::path::PathBuf> {
    non_null(path, "path")?;
    let bytes = std::slice::from_raw_parts(path as *const u8, path_len);
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Ok(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| FfiError::new(FFZ_INVALID_UTF8, format!("path is not valid UTF-8: {e}")))?;
        Ok(std::path::PathBuf::from(text))
    }
}

/// Writes the index to the file `path` (`path_len` bytes, no NUL needed),
/// atomically: a reader never sees a partial file, and on failure any
/// existing file at `path` is left as it was. `FFZ_IO_ERROR` with the OS
/// error's message on failure.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_save(index: *const ffz_index, path: *const std::ffi::c_char, path_len: usize) -> i32 {
    guard(|| {
        let index = index_ref(index)?;
        let path = read_path(path, path_len)?;
        index
            .save(&path)
            .map_err(|e| FfiError::new(FFZ_IO_ERROR, format!("cannot write {}: {e}", path.display())))
    })
}

/// Loads an index from the file `path` (`path_len` bytes, no NUL needed).
/// `FFZ_IO_ERROR` if it cannot be read; `FFZ_BAD_FILE` if it is not a
/// valid index file (truncated, corrupted, foreign or of a newer version).
/// `out` receives a new index that the caller frees with `ffz_index_free`.
#[no_mangle]
pub unsafe extern "C" fn ffz_index_load(path: *const std::ffi::c_char, path_len: usize, out: *mut *mut ffz_index) -> i32 {
    guard(|| {
        non_null(out, "out")?;
        let path = read_path(path, path_len)?;
        let inner = Index::load(&path).map_err(|e| match e {
            LoadFileError::Io(io) => FfiError::new(FFZ_IO_ERROR, format!("cannot read {}: {io}", path.display())),
            LoadFileError::Format(f) => FfiError::new(FFZ_BAD_FILE, format!("{}: {f}", path.display())),
        })?;
        write_out(out, Box::into_raw(Box::new(ffz_index { inner })));
        Ok(())
    })
}
