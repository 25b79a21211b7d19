//! cdist (every query against every choice) and cpdist (query i against
//! choice i), written into a caller-provided buffer of any [`DType`].
//!
//! Each cell holds the scorer's result for the pair with `score_cutoff`
//! applied as the scorer applies it (a similarity below the cutoff is 0, a
//! distance above it is `cutoff + 1`, a normalized distance above it 1.0),
//! then multiplied and converted as [`super::dtype`] describes.

use super::cached::Prepared;
use super::cancel::{check, Cancel};
use super::dtype::{Convert, DType};
use super::list::StrList;
use super::scorer_info::is_symmetric;
use super::{BatchError, CHUNK};
use crate::parallel::with_workers;
use crate::distance::levenshtein::Weights;
use crate::distance::multi::{lane_width, MultiPattern, WORDS};
use crate::distance::multi_jaro::{lane_class, JaroCounts, MultiJaro, LANES, MAX_LEN as JARO_MAX_LEN};
use crate::distance::common::{common_prefix, common_suffix};
use crate::distance::hamming::Hamming;
use crate::distance::{Known, Metric};
use crate::fuzz::ratio::from_indel_similarity;
use crate::fuzz::FuzzKind;
use crate::scorer::{score_metric, Form, MetricKind, Scorer};
use crate::unit::{Seq, Unit};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// How to score and store each cell.
#[derive(Clone, Copy, Debug)]
pub struct Cells<'s> {
    pub scorer: &'s Scorer,
    pub score_cutoff: Option<f64>,
    pub score_hint: Option<f64>,
    pub multiplier: f64,
    pub dtype: DType,
    /// Threads, as for [`with_workers`] (0: all cores).
    pub workers: usize,
}

impl Cells<'_> {
    fn convert(&self) -> Convert {
        Convert { dtype: self.dtype, integral: self.scorer.is_integral(), multiplier: self.multiplier }
    }
}

fn check_buffer(out: &[u8], cells: usize, dtype: DType) -> Result<(), BatchError> {
    let need = cells.checked_mul(dtype.size());
    if need != Some(out.len()) {
        return Err(BatchError::Invalid(format!(
            "the output buffer holds {} bytes but {cells} cells of {} bytes need {}",
            out.len(),
            dtype.size(),
            need.map_or_else(|| "more than fits in memory".to_string(), |n| n.to_string())
        )));
    }
    Ok(())
}

/// Runs `work` over groups of `per_unit` consecutive rows of `out` (each
/// row `row_bytes` long), in parallel, checking `cancel` and stopping all
/// units after the first error.
fn for_row_blocks<F>(
    out: &mut [u8],
    row_bytes: usize,
    per_unit: usize,
    workers: usize,
    cancel: Option<&Cancel>,
    work: F,
) -> Result<(), BatchError>
where
    F: Fn(usize, &mut [u8]) -> Result<(), BatchError> + Sync,
{
    if row_bytes == 0 || out.is_empty() {
        return check(cancel);
    }
    let failed = AtomicBool::new(false);
    let unit_bytes = row_bytes * per_unit.max(1);
    let run = |(unit, block): (usize, &mut [u8])| -> Result<(), BatchError> {
        if failed.load(Ordering::Relaxed) {
            return Ok(());
        }
        let r = check(cancel).and_then(|()| work(unit * per_unit.max(1), block));
        if r.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        r
    };
    let results: Vec<Result<(), BatchError>> = if workers == 1 || out.len() <= unit_bytes {
        let mut v = Vec::new();
        for item in out.chunks_mut(unit_bytes).enumerate() {
            let r = run(item);
            let stop = r.is_err();
            v.push(r);
            if stop {
                break;
            }
        }
        v
    } else {
        with_workers(workers, || out.par_chunks_mut(unit_bytes).enumerate().map(run).collect())
            .map_err(BatchError::Invalid)?
    };
    // Cancellation wins over a score error raised while stopping.
    check(cancel)?;
    results.into_iter().collect()
}

/// Rows per work unit: about `CHUNK` cells, at least one row.
fn rows_per_unit(cols: usize) -> usize {
    (CHUNK * 4 / cols.max(1)).max(1)
}

/// Scores every query against every choice into `out`, row-major
/// (`queries.len()` rows of `choices.len()` cells). With `queries` `None`,
/// `choices` is compared with itself, and for a symmetric scorer only half
/// of the pairs are computed.
pub fn cdist(
    queries: Option<&StrList<'_>>,
    choices: &StrList<'_>,
    cells: &Cells<'_>,
    out: &mut [u8],
    cancel: Option<&Cancel>,
) -> Result<(), BatchError> {
    let rows_list = queries.unwrap_or(choices);
    let (rows, cols) = (rows_list.len(), choices.len());
    let total = rows.checked_mul(cols).ok_or_else(|| BatchError::Invalid("rows * cols overflows".into()))?;
    check_buffer(out, total, cells.dtype)?;
    if cells.scorer.metric == MetricKind::Fuzz(FuzzKind::TokenSortRatio) {
        // token_sort_ratio is ratio of the token-sorted strings (above a
        // cutoff of 100 both give 0): sort each string once, not once per
        // pair, and take ratio's multi-pattern kernel.
        let ratio = Scorer { metric: MetricKind::Fuzz(FuzzKind::Ratio), ..*cells.scorer };
        let sorted_queries = queries.map(StrList::token_sorted);
        return cdist(sorted_queries.as_ref(), &choices.token_sorted(), &Cells { scorer: &ratio, ..*cells }, out, cancel);
    }
    let size = cells.dtype.size();
    let conv = cells.convert();
    let scorer = cells.scorer;
    let half = queries.is_none() && is_symmetric(scorer);
    let multi = MultiKind::of(scorer);
    let direct = DirectKind::of(scorer);
    let mut per_unit = rows_per_unit(if half { cols / 2 } else { cols });
    let mut table = None;
    if direct.is_some() {
        let longest = (0..cols).map(|j| choices.get(j).len()).max().unwrap_or(0);
        table = Some(CellTable::new(longest.clamp(64, TABLE_LIMIT), cells, &conv));
    }
    if let Some(kind) = multi {
        // Enough rows per unit to fill the lanes of a few multi-patterns.
        per_unit = per_unit.max(MULTI_ROWS);
        let longest = (0..cols).map(|j| choices.get(j).len()).max().unwrap_or(0);
        let limit = match kind {
            MultiKind::Levenshtein | MultiKind::LcsSeq | MultiKind::Osa => longest.max(64),
            MultiKind::Indel => longest + 64,
        };
        table = Some(CellTable::new(limit.min(TABLE_LIMIT), cells, &conv));
    }
    let jaro = matches!(scorer.metric, MetricKind::Jaro | MetricKind::JaroWinkler { .. });
    if jaro {
        per_unit = per_unit.max(MULTI_ROWS);
    }
    for_row_blocks(out, cols * size, per_unit, cells.workers, cancel, |first_row, out_block| {
        let mut rows: Vec<&mut [u8]> = out_block.chunks_mut(cols * size).collect();
        let block = RowBlock { rows_list, first_row, choices, cells, conv: &conv, half };
        let rest = match (multi, &table) {
            _ if direct.is_some() => {
                if let (Some(kind), Some(table)) = (direct, &table) {
                    direct_rows(kind, table, &block, &mut rows)?;
                }
                Vec::new()
            }
            (Some(kind), Some(table)) => multi_rows(kind, table, &block, &mut rows),
            _ if jaro => jaro_rows(&block, &mut rows)?,
            _ => (0..rows.len()).collect(),
        };
        for r in rest {
            let i = first_row + r;
            let q = Prepared::new(scorer, rows_list.get(i));
            // Symmetric self-comparison: row i computes j >= i; the mirror
            // cells are filled below from the rows above.
            let start = if half { i } else { 0 };
            for (j, cell) in rows[r].chunks_mut(size).enumerate().skip(start) {
                let score = q.score(choices.get(j), cells.score_cutoff, cells.score_hint)?;
                conv.write(score, cell);
            }
        }
        Ok(())
    })?;
    if half {
        mirror_lower(out, rows, size);
    }
    Ok(())
}

/// What the row scorers below share: the block's first row, both lists
/// and how to score and store a cell.
#[derive(Clone, Copy)]
struct RowBlock<'a, 'l> {
    rows_list: &'a StrList<'l>,
    first_row: usize,
    choices: &'a StrList<'l>,
    cells: &'a Cells<'a>,
    conv: &'a Convert,
    /// Self-comparison of a symmetric scorer: row i takes columns i.. only.
    half: bool,
}

/// Rows per work unit at least, when rows are packed into multi-patterns.
const MULTI_ROWS: usize = 64;

/// Metrics with a multi-pattern kernel (uniform weights only).
#[derive(Clone, Copy, Debug)]
enum MultiKind {
    Levenshtein,
    Indel,
    /// LCSseq from the Indel kernel: `lcs = (len1 + len2 - indel) / 2`.
    LcsSeq,
    Osa,
}

impl MultiKind {
    fn of(scorer: &Scorer) -> Option<MultiKind> {
        match scorer.metric {
            MetricKind::Levenshtein(w) if w == Weights::default() => Some(MultiKind::Levenshtein),
            // fuzz.ratio and QRatio are the normalized Indel similarity x 100
            // (see `known_score`); QRatio's rule for empty strings only
            // differs when both are empty, and empty queries take the
            // one-query path.
            MetricKind::Indel | MetricKind::Fuzz(FuzzKind::Ratio | FuzzKind::QRatio) => Some(MultiKind::Indel),
            MetricKind::LcsSeq => Some(MultiKind::LcsSeq),
            MetricKind::Osa => Some(MultiKind::Osa),
            _ => None,
        }
    }
}

/// Metrics whose distance is one cheap scan of the pair: each cell is
/// their exact `(maximum, distance)` looked up in a [`CellTable`], with no
/// per-pair scorer dispatch.
#[derive(Clone, Copy, Debug)]
enum DirectKind {
    /// Hamming; without `pad`, a pair of unequal lengths is the scorer's error.
    Hamming { pad: bool },
    Prefix,
    Postfix,
}

impl DirectKind {
    fn of(scorer: &Scorer) -> Option<DirectKind> {
        match scorer.metric {
            MetricKind::Hamming { pad } => Some(DirectKind::Hamming { pad }),
            MetricKind::Prefix => Some(DirectKind::Prefix),
            MetricKind::Postfix => Some(DirectKind::Postfix),
            _ => None,
        }
    }

    /// The pair's `(maximum, distance)`, or None for Hamming without
    /// padding on unequal lengths.
    #[inline(always)]
    fn known<A: Unit, B: Unit>(self, a: &[A], b: &[B]) -> Option<(usize, usize)> {
        let max = a.len().max(b.len());
        let dist = match self {
            DirectKind::Hamming { pad } => {
                if !pad && a.len() != b.len() {
                    return None;
                }
                Hamming.raw_distance(a, b, usize::MAX, usize::MAX)
            }
            DirectKind::Prefix => max - common_prefix(a, b),
            DirectKind::Postfix => max - common_suffix(a, b),
        };
        Some((max, dist))
    }
}

/// Scores every row of a block by a [`DirectKind`] metric.
fn direct_rows(
    kind: DirectKind,
    table: &CellTable,
    block: &RowBlock<'_, '_>,
    rows: &mut [&mut [u8]],
) -> Result<(), BatchError> {
    let RowBlock { rows_list, first_row, choices, cells, conv, half } = *block;
    let size = cells.dtype.size();
    for (r, row) in rows.iter_mut().enumerate() {
        let i = first_row + r;
        let query = rows_list.get(i);
        let start = if half { i } else { 0 };
        crate::with_seq!(query, |a| {
            for j in start..choices.len() {
                let choice = choices.get(j);
                match crate::with_seq!(choice, |b| kind.known(a, b)) {
                    Some((max, dist)) => table.put(row, j * size, max, dist, cells, conv),
                    None => {
                        let score = cells.scorer.score(query, choice, cells.score_cutoff, cells.score_hint)?;
                        conv.write(score, &mut row[j * size..(j + 1) * size]);
                    }
                }
            }
        });
    }
    Ok(())
}

/// The score of a pair whose metric maximum and distance are `(max, dist)`,
/// in the scorer's form and with its cutoff and hint; for ratio and QRatio
/// (scored as Indel), their score from the normalized Indel similarity, as
/// `fuzz::ratio` computes it ([`from_indel_similarity`]).
fn known_score(cells: &Cells<'_>, max: usize, dist: usize) -> f64 {
    let none = Seq::U8(&[]);
    let known = Known { max, dist };
    match cells.scorer.metric {
        MetricKind::Fuzz(FuzzKind::Ratio | FuzzKind::QRatio) => from_indel_similarity(cells.score_cutoff, |c| {
            score_metric(&known, Form::NormalizedSimilarity, none, none, Some(c), None)
        }),
        _ => score_metric(&known, cells.scorer.form, none, none, cells.score_cutoff, cells.score_hint),
    }
}

/// The converted output bytes of every `(maximum, distance)` with
/// `distance <= maximum <= limit`: one lookup per cell instead of the form,
/// cutoff and dtype logic.
struct CellTable {
    limit: usize,
    /// Entry `(max, dist)` is at `max * (max + 1) / 2 + dist`.
    bytes: Vec<[u8; 8]>,
    size: usize,
}

impl CellTable {
    fn new(limit: usize, cells: &Cells<'_>, conv: &Convert) -> Self {
        let size = cells.dtype.size();
        let mut bytes = Vec::with_capacity((limit + 1) * (limit + 2) / 2);
        for max in 0..=limit {
            for dist in 0..=max {
                let score = known_score(cells, max, dist);
                let mut e = [0u8; 8];
                conv.write(score, &mut e[..size]);
                bytes.push(e);
            }
        }
        CellTable { limit, bytes, size }
    }

    /// Writes the cell of `(max, dist)` at byte `at` of `row`.
    #[inline(always)]
    fn put(&self, row: &mut [u8], at: usize, max: usize, dist: usize, cells: &Cells<'_>, conv: &Convert) {
        if max > self.limit {
            conv.write(known_score(cells, max, dist), &mut row[at..at + self.size]);
            return;
        }
        let e = &self.bytes[max * (max + 1) / 2 + dist];
        match self.size {
            1 => row[at] = e[0],
            2 => row[at..at + 2].copy_from_slice(&e[..2]),
            4 => row[at..at + 4].copy_from_slice(&e[..4]),
            _ => row[at..at + 8].copy_from_slice(&e[..8]),
        }
    }
}

/// Largest `(maximum)` worth tabulating: larger ones are scored directly.
const TABLE_LIMIT: usize = 160;

/// Scores the rows of a block whose queries fit in a multi-pattern lane,
/// [`WORDS`] words of lanes at a time, and returns the (block-local) rows
/// left for the one-query path: empty queries and queries over 64 units.
fn multi_rows(
    kind: MultiKind,
    table: &CellTable,
    block: &RowBlock<'_, '_>,
    rows: &mut [&mut [u8]],
) -> Vec<usize> {
    let RowBlock { rows_list, first_row, .. } = *block;
    const WIDTHS: [u32; 4] = [8, 16, 32, 64];
    let mut rest = Vec::new();
    let mut buckets: [Vec<usize>; 4] = Default::default();
    for r in 0..rows.len() {
        match lane_width(rows_list.get(first_row + r).len()) {
            Some(w) => buckets[WIDTHS.iter().position(|&x| x == w).unwrap_or(3)].push(r),
            None => rest.push(r),
        }
    }
    for (b, &width) in WIDTHS.iter().enumerate() {
        let bucket = std::mem::take(&mut buckets[b]);
        let cap = MultiPattern::<WORDS>::capacity_for(width);
        let mut groups: Vec<&[usize]> = bucket.chunks(cap).collect();
        // A partly filled group of narrow lanes joins the next width's rows.
        if b + 1 < WIDTHS.len() {
            if let Some(last) = groups.last().filter(|g| g.len() < cap) {
                buckets[b + 1].extend_from_slice(last);
                groups.pop();
            }
        }
        for group in groups {
            // A group that half the words hold is scored with half: each
            // text unit then costs half the work.
            if group.len() <= MultiPattern::<{ WORDS / 2 }>::capacity_for(width) {
                multi_group::<{ WORDS / 2 }>(kind, table, block, rows, group, width);
            } else {
                multi_group::<WORDS>(kind, table, block, rows, group, width);
            }
        }
    }
    rest
}

/// Scores the rows `group` (block-local, at most `N * 64 / width` of them)
/// against every choice through one multi-pattern of `N` words.
fn multi_group<const N: usize>(
    kind: MultiKind,
    table: &CellTable,
    block: &RowBlock<'_, '_>,
    rows: &mut [&mut [u8]],
    group: &[usize],
    width: u32,
) {
    let RowBlock { rows_list, first_row, choices, cells, conv, half } = *block;
    let size = cells.dtype.size();
    // The most lanes a group has: N words of 8-bit lanes, N <= WORDS.
    let mut dists = [0usize; WORDS * 8];
    let mut mp = MultiPattern::<N>::new(width);
    for &r in group {
        crate::with_seq!(rows_list.get(first_row + r), |q| mp.push(q));
    }
    let lens = mp.lens();
    let start = if half { first_row + group.iter().min().copied().unwrap_or(0) } else { 0 };
    for j in start..choices.len() {
        let c = choices.get(j);
        let len2 = c.len();
        match kind {
            MultiKind::Levenshtein => crate::with_seq!(c, |t| mp.levenshtein(t, &mut dists)),
            MultiKind::Indel | MultiKind::LcsSeq => crate::with_seq!(c, |t| mp.indel(t, &mut dists)),
            MultiKind::Osa => crate::with_seq!(c, |t| mp.osa(t, &mut dists)),
        }
        for (p, &r) in group.iter().enumerate() {
            if half && j < first_row + r {
                continue;
            }
            let (max, dist) = match kind {
                MultiKind::Levenshtein | MultiKind::Osa => (lens[p].max(len2), dists[p]),
                MultiKind::Indel => (lens[p] + len2, dists[p]),
                MultiKind::LcsSeq => {
                    let lcs = (lens[p] + len2 - dists[p]) / 2;
                    (lens[p].max(len2), lens[p].max(len2) - lcs)
                }
            };
            table.put(rows[r], j * size, max, dist, cells, conv);
        }
    }
}

/// Fewer choices than this: Jaro rows take the one-query path.
const JARO_MIN_CHOICES: usize = 16;

/// Jaro / Jaro-Winkler: scores the rows of a block whose queries have at
/// most 64 units, [`LANES`] at a time against each choice of at most 64
/// units (longer choices are scored pair by pair), and returns the
/// (block-local) rows left for the one-query path.
fn jaro_rows(
    block: &RowBlock<'_, '_>,
    rows: &mut [&mut [u8]],
) -> Result<Vec<usize>, BatchError> {
    let RowBlock { rows_list, first_row, choices, cells, conv, half } = *block;
    let size = cells.dtype.size();
    let scorer = cells.scorer;
    if choices.len() < JARO_MIN_CHOICES {
        // Too few choices to repay building the groups.
        return Ok((0..rows.len()).collect());
    }
    let (mut short, rest): (Vec<usize>, Vec<usize>) =
        (0..rows.len()).partition(|&r| rows_list.get(first_row + r).len() <= JARO_MAX_LEN);
    // Queries of similar lengths together, for the narrowest lanes.
    short.sort_by_key(|&r| lane_class(rows_list.get(first_row + r).len()));
    let mut counts = [JaroCounts::default(); LANES];
    let winkler = matches!(scorer.metric, MetricKind::JaroWinkler { .. });
    for group in short.chunks(LANES) {
        let mut mj = MultiJaro::new();
        for &r in group {
            crate::with_seq!(rows_list.get(first_row + r), |q| mj.push(q));
        }
        let start = if half { first_row + group.iter().min().copied().unwrap_or(0) } else { 0 };
        for j in start..choices.len() {
            let c = choices.get(j);
            let at = j * size;
            if c.len() > JARO_MAX_LEN {
                for &r in group {
                    if half && j < first_row + r {
                        continue;
                    }
                    let score = scorer.score(rows_list.get(first_row + r), c, cells.score_cutoff, cells.score_hint)?;
                    conv.write(score, &mut rows[r][at..at + size]);
                }
                continue;
            }
            crate::with_seq!(c, |t| mj.counts(t, winkler, &mut counts));
            for (k, &r) in group.iter().enumerate() {
                if half && j < first_row + r {
                    continue;
                }
                let score = match scorer.jaro_from_counts(&counts[k], cells.score_cutoff) {
                    Some(s) => s,
                    None => unreachable!("jaro_rows runs for Jaro and Jaro-Winkler only"),
                };
                conv.write(score, &mut rows[r][at..at + size]);
            }
        }
    }
    Ok(rest)
}

/// Copies the upper triangle of a square matrix into the lower one.
fn mirror_lower(out: &mut [u8], n: usize, size: usize) {
    let row_bytes = n * size;
    for i in 1..n {
        let (above, rest) = out.split_at_mut(i * row_bytes);
        let row = &mut rest[..row_bytes];
        for j in 0..i {
            let src = j * row_bytes + i * size;
            row[j * size..(j + 1) * size].copy_from_slice(&above[src..src + size]);
        }
    }
}

/// Scores `queries[i]` against `choices[i]` into `out[i]`.
pub fn cpdist(
    queries: &StrList<'_>,
    choices: &StrList<'_>,
    cells: &Cells<'_>,
    out: &mut [u8],
    cancel: Option<&Cancel>,
) -> Result<(), BatchError> {
    if queries.len() != choices.len() {
        return Err(BatchError::Invalid(format!(
            "queries and choices must have the same length, got {} and {}",
            queries.len(),
            choices.len()
        )));
    }
    check_buffer(out, queries.len(), cells.dtype)?;
    let size = cells.dtype.size();
    let conv = cells.convert();
    let scorer = cells.scorer;
    for_row_blocks(out, size, CHUNK, cells.workers, cancel, |first, block| {
        for (k, cell) in block.chunks_mut(size).enumerate() {
            let i = first + k;
            let score = scorer.score(queries.get(i), choices.get(i), cells.score_cutoff, cells.score_hint)?;
            conv.write(score, cell);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorer::Form;

    fn f64s(out: &[u8]) -> Vec<f64> {
        out.chunks(8).map(|c| f64::from_ne_bytes(c.try_into().unwrap())).collect()
    }

    #[test]
    fn cdist_matches_pairwise_and_self_mode() {
        let words = ["kitten", "sitting", "", "mitten", "kit", "sitting"];
        let list = StrList::from_strs(&words);
        for metric in [
            MetricKind::Levenshtein(Weights::default()),
            MetricKind::Levenshtein(Weights { insertion: 1, deletion: 3, substitution: 2 }),
            MetricKind::Indel,
        ] {
            for form in [Form::Distance, Form::NormalizedSimilarity] {
                let scorer = Scorer::new(metric, form);
                for workers in [1, 2] {
                    let cells = Cells { scorer: &scorer, score_cutoff: None, score_hint: None, multiplier: 1.0, dtype: DType::F64, workers };
                    let mut a = vec![0u8; 36 * 8];
                    let mut b = vec![0u8; 36 * 8];
                    cdist(Some(&list), &list, &cells, &mut a, None).unwrap();
                    cdist(None, &list, &cells, &mut b, None).unwrap();
                    let (a, b) = (f64s(&a), f64s(&b));
                    assert_eq!(a, b);
                    for i in 0..6 {
                        for j in 0..6 {
                            let want = scorer.score(list.get(i), list.get(j), None, None).unwrap();
                            assert_eq!(a[i * 6 + j], want);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn multi_pattern_rows_match_pairwise() {
        // Many short strings of mixed lengths (0..=70) and unit types, so
        // that every lane width, partly filled groups and the one-query
        // fallback all run, in both the full and the half (self) matrix;
        // spaces, for token_sort_ratio.
        let mut state = 5u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut narrow = Vec::new();
        let mut wide = Vec::new();
        for k in 0..150 {
            let len = (next() % 71) as usize;
            let len = if k % 3 == 0 { len % 17 } else { len };
            let w: String = (0..len).map(|_| ['a', 'b', 'c', 'd', ' ', '\u{e9}', '\u{1F600}'][(next() % 7) as usize]).collect();
            narrow.push(w.replace('\u{1F600}', "x"));
            wide.push(w);
        }
        let narrow_refs: Vec<&str> = narrow.iter().map(|s| s.as_str()).collect();
        let wide_refs: Vec<&str> = wide.iter().map(|s| s.as_str()).collect();
        let (narrow, wide) = (StrList::from_strs(&narrow_refs), StrList::from_strs(&wide_refs));
        let n = narrow_refs.len();
        for metric in [
            MetricKind::Levenshtein(Weights::default()),
            MetricKind::Indel,
            MetricKind::LcsSeq,
            MetricKind::Osa,
            MetricKind::Jaro,
            MetricKind::JaroWinkler { prefix_weight: 0.1 },
            MetricKind::JaroWinkler { prefix_weight: 0.3 },
            MetricKind::Fuzz(FuzzKind::Ratio),
            MetricKind::Fuzz(FuzzKind::QRatio),
            MetricKind::Fuzz(FuzzKind::TokenSortRatio),
            MetricKind::Hamming { pad: true },
            MetricKind::Prefix,
            MetricKind::Postfix,
        ] {
            for form in [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity] {
                if matches!(metric, MetricKind::Fuzz(_)) && form != Form::NormalizedSimilarity {
                    continue; // a fuzz scorer has one form
                }
                let cutoffs = match form {
                    _ if matches!(metric, MetricKind::Fuzz(_)) => [None, Some(-3.0), Some(66.7)],
                    _ if metric.is_float_valued() => [None, Some(0.25), Some(0.8)],
                    Form::Distance | Form::Similarity => [None, Some(3.0), Some(20.0)],
                    _ => [None, Some(0.3), Some(0.7)],
                };
                for cutoff in cutoffs {
                    let scorer = Scorer::new(metric, form);
                    let cells = Cells { scorer: &scorer, score_cutoff: cutoff, score_hint: None, multiplier: 1.0, dtype: DType::F64, workers: 1 };
                    for (qs, cs) in [(&narrow, &narrow), (&wide, &wide), (&narrow, &wide), (&wide, &narrow)] {
                        let mut a = vec![0u8; n * n * 8];
                        cdist(Some(qs), cs, &cells, &mut a, None).unwrap();
                        let a = f64s(&a);
                        let mut b = vec![0u8; n * n * 8];
                        cdist(None, cs, &cells, &mut b, None).unwrap();
                        let b = f64s(&b);
                        for i in 0..n {
                            for j in 0..n {
                                let want = scorer.score(qs.get(i), cs.get(j), cutoff, None).unwrap();
                                assert_eq!(a[i * n + j], want, "{metric:?} {form:?} {cutoff:?} {i} {j}");
                                let want = scorer.score(cs.get(i), cs.get(j), cutoff, None).unwrap();
                                assert_eq!(b[i * n + j], want, "{metric:?} {form:?} {cutoff:?} {i} {j} (self)");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn errors_and_sizes() {
        let list = StrList::from_strs(&["ab", "abc"]);
        let scorer = Scorer::new(MetricKind::Hamming { pad: false }, Form::Distance);
        let cells = Cells { scorer: &scorer, score_cutoff: None, score_hint: None, multiplier: 1.0, dtype: DType::U8, workers: 1 };
        let mut out = vec![0u8; 4];
        assert!(matches!(cdist(None, &list, &cells, &mut out, None), Err(BatchError::Score(_))));
        assert!(matches!(cdist(None, &list, &cells, &mut out[..3], None), Err(BatchError::Invalid(_))));
        // Without padding, equal lengths score; one unequal pair is the error.
        for (words, ok) in [(["abc", "abd", "xbd"], true), (["abc", "abd", "ab"], false)] {
            let list = StrList::from_strs(&words);
            let mut out = vec![0u8; 9];
            match cdist(Some(&list), &list, &cells, &mut out, None) {
                Ok(()) => {
                    assert!(ok);
                    assert_eq!(out, vec![0, 1, 2, 1, 0, 1, 2, 1, 0]);
                }
                Err(e) => assert!(!ok && matches!(e, BatchError::Score(_))),
            }
        }
        let short = StrList::from_strs(&["ab"]);
        assert!(matches!(cpdist(&short, &list, &cells, &mut out[..1], None), Err(BatchError::Invalid(_))));
        let same = StrList::from_strs(&["ab", "xyz"]);
        let mut two = vec![0u8; 2];
        cpdist(&same, &StrList::from_strs(&["ac", "xzz"]), &cells, &mut two, None).unwrap();
        assert_eq!(two, vec![1, 1]);
        let cancel = Cancel::new();
        cancel.set();
        assert_eq!(cpdist(&same, &same, &cells, &mut two, Some(&cancel)), Err(BatchError::Cancelled));
    }
}
