//! Hirschberg's divide and conquer for Levenshtein alignments whose bit
//! matrix would be large: one forward pass over the first half of `s2` and
//! one backward pass (on the reversed sequences) over the second half give
//! the distance row at the middle of `s2`; the best split column divides the
//! problem into two independent halves. Memory stays linear in the input
//! (plus at most `threshold` bytes of recorded matrix per leaf).

use super::editops::{EditOp, Editops};
use super::levenshtein_align::{
    hyrroe_block, levenshtein_align, levenshtein_distance, BlockOutcome,
};
use crate::distance::common::strip_affix;
use crate::distance::pattern::BlockPatternMatchVector;
use crate::unit::Unit;

/// Recorded matrices above this many bytes are split (rapidfuzz's limit).
pub(crate) const HIRSCHBERG_THRESHOLD: usize = 1024 * 1024;

struct HirschbergPos {
    left_score: usize,
    right_score: usize,
    s1_mid: usize,
    s2_mid: usize,
}

fn find_hirschberg_pos<A: Unit, B: Unit>(s1: &[A], s2: &[B], mut max: usize) -> HirschbergPos {
    let len1 = s1.len();
    let left_size = s2.len() / 2;
    let right_size = s2.len() - left_size;
    let rev1: Vec<A> = s1.iter().rev().copied().collect();
    let rev2: Vec<B> = s2.iter().rev().copied().collect();
    let pm_rev = BlockPatternMatchVector::new(&rev1);
    let pm = BlockPatternMatchVector::new(s1);

    'retry: loop {
        let mut hpos = HirschbergPos {
            left_score: 0,
            right_score: 0,
            s1_mid: 0,
            s2_mid: left_size,
        };

        let right_row =
            match hyrroe_block(&pm_rev, &rev1, &rev2, max, false, Some(right_size - 1)).0 {
                BlockOutcome::Row(r) => r,
                _ => {
                    max = max.saturating_mul(2).max(1);
                    continue 'retry;
                }
            };
        let right_first_pos = right_row.first_block * 64;
        let right_last_pos = len1.min(right_row.last_block * 64 + 64);
        let mut right_scores = Vec::with_capacity(right_last_pos - right_first_pos + 1);
        right_scores.push(right_row.prev_score);
        for i in right_first_pos..right_last_pos {
            let (vp, vn) = right_row.vecs[i / 64];
            let bit = 1u64 << (i % 64);
            let prev: usize = right_scores[i - right_first_pos];
            right_scores.push(
                prev.wrapping_sub((vn & bit != 0) as usize)
                    .wrapping_add((vp & bit != 0) as usize),
            );
        }

        let left_row = match hyrroe_block(&pm, s1, s2, max, false, Some(left_size - 1)).0 {
            BlockOutcome::Row(r) => r,
            _ => {
                max = max.saturating_mul(2).max(1);
                continue 'retry;
            }
        };
        let left_first_pos = left_row.first_block * 64;
        let left_last_pos = len1.min(left_row.last_block * 64 + 64);
        let mut left_score = left_row.prev_score;
        let mut best_score = usize::MAX;
        for i in left_first_pos..left_last_pos {
            let (vp, vn) = left_row.vecs[i / 64];
            let bit = 1u64 << (i % 64);
            left_score = left_score
                .wrapping_sub((vn & bit != 0) as usize)
                .wrapping_add((vp & bit != 0) as usize);
            if len1 < i + 1 + right_first_pos {
                continue;
            }
            let right_index = len1 - i - 1 - right_first_pos;
            if right_index >= right_scores.len() {
                continue;
            }
            let total = right_scores[right_index].wrapping_add(left_score);
            if total < best_score {
                best_score = total;
                hpos.left_score = left_score;
                hpos.right_score = right_scores[right_index];
                hpos.s1_mid = i + 1;
            }
        }

        if hpos.left_score.wrapping_add(hpos.right_score) > max {
            max = max.saturating_mul(2).max(1);
            continue 'retry;
        }
        return hpos;
    }
}

/// Appends the alignment of `s1` and `s2` to `out`, splitting by Hirschberg
/// while the recorded matrix would exceed `threshold` bytes.
pub(crate) fn levenshtein_align_hirschberg<A: Unit, B: Unit>(
    out: &mut Vec<EditOp>,
    s1: &[A],
    s2: &[B],
    src_pos: usize,
    dest_pos: usize,
    max: usize,
    threshold: usize,
) {
    let (s1, s2, prefix, _) = strip_affix(s1, s2);
    let src_pos = src_pos + prefix;
    let dest_pos = dest_pos + prefix;
    let (len1, len2) = (s1.len(), s2.len());

    let max = max.min(len1.max(len2));
    let full_band = len1.min(max.saturating_mul(2).saturating_add(1));
    let matrix_size = (2 * full_band).saturating_mul(len2) / 8;
    if matrix_size < threshold || len1 < 65 || len2 < 10 {
        levenshtein_align(out, s1, s2, max, src_pos, dest_pos);
    } else {
        let hpos = find_hirschberg_pos(s1, s2, max);
        let (m1, m2) = (hpos.s1_mid.min(len1), hpos.s2_mid);
        levenshtein_align_hirschberg(
            out,
            &s1[..m1],
            &s2[..m2],
            src_pos,
            dest_pos,
            hpos.left_score,
            threshold,
        );
        levenshtein_align_hirschberg(
            out,
            &s1[m1..],
            &s2[m2..],
            src_pos + m1,
            dest_pos + m2,
            hpos.right_score,
            threshold,
        );
    }
}

/// [`levenshtein_editops`] with the matrix size limit as a parameter.
pub(crate) fn levenshtein_editops_with_threshold<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    score_hint: Option<usize>,
    threshold: usize,
) -> Editops {
    let score_hint = score_hint.unwrap_or(i64::MAX as usize).max(31);
    let mut score_cutoff = s1.len().max(s2.len());
    // rapidfuzz computes the distance first when the hint promises a much
    // narrower band; that band also shapes the chosen alignment.
    if usize::MAX / 2 > score_hint && 2 * score_hint < score_cutoff {
        score_cutoff = levenshtein_distance(s1, s2);
    }
    let mut ops = Vec::new();
    levenshtein_align_hirschberg(&mut ops, s1, s2, 0, 0, score_cutoff, threshold);
    Editops {
        ops,
        src_len: s1.len(),
        dest_len: s2.len(),
    }
}

/// Edit operations (uniform weights) turning `s1` into `s2`, identical to
/// `rapidfuzz.distance.Levenshtein.editops(s1, s2, score_hint=score_hint)`.
/// `score_hint` is an expected distance (`None`: unknown).
pub fn levenshtein_editops<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    score_hint: Option<usize>,
) -> Editops {
    levenshtein_editops_with_threshold(s1, s2, score_hint, HIRSCHBERG_THRESHOLD)
}
