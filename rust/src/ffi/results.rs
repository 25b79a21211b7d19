//! Result objects returned by batch calls: each is opaque, read through
//! accessors, and released with its `*_free` function (which accepts NULL).
//! A result object is immutable, so it may be read from many threads.

use super::error::{guard, non_null, write_out, FfiError};
use super::FFZ_INVALID_ARGUMENT;
use crate::index::Match;

/// Matches for a list of queries: for each query, (position, score) pairs,
/// best first. Created by `ffz_index_search_many`; free with
/// `ffz_matches_free`.
pub struct ffz_matches {
    pub(crate) per_query: Vec<Vec<Match>>,
}

/// Groups of positions, created by `ffz_index_dedupe`; free with
/// `ffz_groups_free`.
pub struct ffz_groups {
    pub(crate) groups: Vec<Vec<usize>>,
}

/// A byte buffer owned by the library, created by `ffz_index_to_bytes`;
/// free with `ffz_bytes_free`.
pub struct ffz_bytes {
    pub(crate) data: Vec<u8>,
}

fn out_of_range(what: &str, i: usize, n: usize) -> FfiError {
    FfiError::new(FFZ_INVALID_ARGUMENT, format!("{what} {i} is out of range (there are {n})"))
}

/// Copies `items` into the caller's arrays; returns how many were copied.
unsafe fn copy_out<T: Copy, A: Copy, B: Copy>(
    items: &[T],
    split: impl Fn(T) -> (A, B),
    first: *mut A,
    second: *mut B,
    capacity: usize,
) -> usize {
    let n = items.len().min(capacity);
    for (i, &item) in items[..n].iter().enumerate() {
        let (a, b) = split(item);
        if !first.is_null() {
            write_out(first.add(i), a);
        }
        if !second.is_null() {
            write_out(second.add(i), b);
        }
    }
    n
}

/// Writes the number of queries in `matches` to `out`.
#[no_mangle]
pub unsafe extern "C" fn ffz_matches_len(matches: *const ffz_matches, out: *mut usize) -> i32 {
    guard(|| {
        non_null(matches, "matches")?;
        non_null(out, "out")?;
        write_out(out, (*matches).per_query.len());
        Ok(())
    })
}

/// Writes the number of matches of query `query` to `out`.
/// Fails with `FFZ_INVALID_ARGUMENT` if `query` is out of range.
#[no_mangle]
pub unsafe extern "C" fn ffz_matches_count(matches: *const ffz_matches, query: usize, out: *mut usize) -> i32 {
    guard(|| {
        non_null(matches, "matches")?;
        non_null(out, "out")?;
        let all = &(*matches).per_query;
        let hits = all.get(query).ok_or_else(|| out_of_range("query", query, all.len()))?;
        write_out(out, hits.len());
        Ok(())
    })
}

/// Copies up to `capacity` matches of query `query`, best first, into the
/// caller's `positions` and `scores` arrays (either may be NULL to skip it)
/// and writes how many were copied to `written`.
#[no_mangle]
pub unsafe extern "C" fn ffz_matches_copy(
    matches: *const ffz_matches,
    query: usize,
    positions: *mut usize,
    scores: *mut f64,
    capacity: usize,
    written: *mut usize,
) -> i32 {
    guard(|| {
        non_null(matches, "matches")?;
        non_null(written, "written")?;
        let all = &(*matches).per_query;
        let hits = all.get(query).ok_or_else(|| out_of_range("query", query, all.len()))?;
        write_out(written, copy_out(hits, |m| (m.index, m.score), positions, scores, capacity));
        Ok(())
    })
}

/// Frees a matches object. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn ffz_matches_free(matches: *mut ffz_matches) {
    if !matches.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(matches));
            Ok(())
        });
    }
}

/// Writes the number of groups to `out`.
#[no_mangle]
pub unsafe extern "C" fn ffz_groups_len(groups: *const ffz_groups, out: *mut usize) -> i32 {
    guard(|| {
        non_null(groups, "groups")?;
        non_null(out, "out")?;
        write_out(out, (*groups).groups.len());
        Ok(())
    })
}

/// Writes the number of members of group `group` to `out`.
#[no_mangle]
pub unsafe extern "C" fn ffz_groups_size(groups: *const ffz_groups, group: usize, out: *mut usize) -> i32 {
    guard(|| {
        non_null(groups, "groups")?;
        non_null(out, "out")?;
        let all = &(*groups).groups;
        let g = all.get(group).ok_or_else(|| out_of_range("group", group, all.len()))?;
        write_out(out, g.len());
        Ok(())
    })
}

/// Copies up to `capacity` member positions of group `group`, ascending,
/// into `members`, and writes how many were copied to `written`.
#[no_mangle]
pub unsafe extern "C" fn ffz_groups_copy(
    groups: *const ffz_groups,
    group: usize,
    members: *mut usize,
    capacity: usize,
    written: *mut usize,
) -> i32 {
    guard(|| {
        non_null(groups, "groups")?;
        non_null(written, "written")?;
        if capacity > 0 {
            non_null(members, "members")?;
        }
        let all = &(*groups).groups;
        let g = all.get(group).ok_or_else(|| out_of_range("group", group, all.len()))?;
        let n = g.len().min(capacity);
        for (i, &m) in g[..n].iter().enumerate() {
            write_out(members.add(i), m);
        }
        write_out(written, n);
        Ok(())
    })
}

/// Frees a groups object. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn ffz_groups_free(groups: *mut ffz_groups) {
    if !groups.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(groups));
            Ok(())
        });
    }
}

/// Writes the address and length of the buffer's bytes. The bytes belong
/// to `bytes` and stay valid until `ffz_bytes_free(bytes)`.
#[no_mangle]
pub unsafe extern "C" fn ffz_bytes_data(bytes: *const ffz_bytes, data: *mut *const u8, len: *mut usize) -> i32 {
    guard(|| {
        non_null(bytes, "bytes")?;
        non_null(data, "data")?;
        non_null(len, "len")?;
        write_out(data, (*bytes).data.as_ptr());
        write_out(len, (*bytes).data.len());
        Ok(())
    })
}

/// Frees a byte buffer. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn ffz_bytes_free(bytes: *mut ffz_bytes) {
    if !bytes.is_null() {
        let _ = guard(|| {
            drop(Box::from_raw(bytes));
            Ok(())
        });
    }
}
