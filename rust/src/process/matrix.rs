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
use crate::scorer::Scorer;
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
        Convert { dtype: self.dtype, integral: self.scorer.form.is_integral(), multiplier: self.multiplier }
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
    let size = cells.dtype.size();
    let conv = cells.convert();
    let scorer = cells.scorer;
    let half = queries.is_none() && is_symmetric(scorer);
    let per_unit = rows_per_unit(if half { cols / 2 } else { cols });
    for_row_blocks(out, cols * size, per_unit, cells.workers, cancel, |first_row, block| {
        for (r, row) in block.chunks_mut(cols * size).enumerate() {
            let i = first_row + r;
            let q = Prepared::new(scorer, rows_list.get(i));
            // Symmetric self-comparison: row i computes j >= i; the mirror
            // cells are filled below from the rows above.
            let start = if half { i } else { 0 };
            for (j, cell) in row.chunks_mut(size).enumerate().skip(start) {
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
    use crate::distance::levenshtein::Weights;
    use crate::scorer::{Form, MetricKind};

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
    fn errors_and_sizes() {
        let list = StrList::from_strs(&["ab", "abc"]);
        let scorer = Scorer::new(MetricKind::Hamming { pad: false }, Form::Distance);
        let cells = Cells { scorer: &scorer, score_cutoff: None, score_hint: None, multiplier: 1.0, dtype: DType::U8, workers: 1 };
        let mut out = vec![0u8; 4];
        assert!(matches!(cdist(None, &list, &cells, &mut out, None), Err(BatchError::Score(_))));
        assert!(matches!(cdist(None, &list, &cells, &mut out[..3], None), Err(BatchError::Invalid(_))));
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
