//! Indel (insertions and deletions only) alignment from the bit-parallel
//! LCS matrix of Allison–Dix / Hyyrö.
//!
//! rapidfuzz records the whole matrix and walks back from the end, preferring
//! a deletion, then an insertion, then a match. The walk depends only on the
//! matrix rows it visits, so it is reproduced exactly in bounded memory:
//! rows are recomputed segment by segment, last segment first, from
//! checkpointed LCS states (recursively, so that a checkpoint level holds at
//! most [`FANOUT`] states and a segment at most `segment_bytes` of rows).

use super::editops::{EditOp, EditTag, Editops};
use crate::distance::common::strip_affix;
use crate::distance::pattern::BlockPatternMatchVector;
use crate::unit::Unit;

/// Bytes of recorded LCS rows per segment.
pub(crate) const SEGMENT_BYTES: usize = 1024 * 1024;
/// Checkpoints per recursion level.
const FANOUT: usize = 16;

/// One LCS row step: `s` holds the state after the previous unit of `s2`.
#[inline(always)]
fn lcs_step(pm: &BlockPatternMatchVector, ch: u64, s: &mut [u64]) {
    let mut carry = 0u64;
    for (w, sw) in s.iter_mut().enumerate() {
        let matches = pm.get(w, ch);
        let u = *sw & matches;
        let (x, c1) = sw.overflowing_add(u);
        let (x, c2) = x.overflowing_add(carry);
        carry = (c1 | c2) as u64;
        *sw = x | (*sw - u);
    }
}

struct Walk<'a, B: Unit> {
    pm: &'a BlockPatternMatchVector,
    s2: &'a [B],
    words: usize,
    segment_bytes: usize,
    col: usize,
    row: usize,
    prefix: usize,
    /// Operations in reverse order.
    rev_ops: Vec<EditOp>,
}

impl<'a, B: Unit> Walk<'a, B> {
    /// Walks through rows `(a, b]` (the walk is at a row <= b), given the LCS
    /// state `s_a` after `a` units of `s2` (`s_a` may be truncated to the
    /// words the walk can still reach).
    fn process(&mut self, a: usize, b: usize, s_a: &[u64]) {
        if self.col == 0 || self.row <= a {
            return;
        }
        let b = b.min(self.row);
        let nwords = self.col.div_ceil(64).min(s_a.len());
        let s_a = &s_a[..nwords];
        if (b - a) * nwords * 8 <= self.segment_bytes || b - a <= 1 {
            self.walk_segment(a, b, s_a);
            return;
        }
        // Checkpoints at FANOUT evenly spaced rows.
        let span = b - a;
        let bounds: Vec<usize> = (0..=FANOUT).map(|k| a + span * k / FANOUT).collect();
        let mut checkpoints: Vec<Vec<u64>> = Vec::with_capacity(FANOUT);
        let mut s = s_a.to_vec();
        checkpoints.push(s.clone());
        for k in 1..FANOUT {
            for r in bounds[k - 1]..bounds[k] {
                lcs_step(self.pm, self.s2[r].value(), &mut s);
            }
            checkpoints.push(s.clone());
        }
        drop(s);
        for k in (0..FANOUT).rev() {
            if bounds[k] == bounds[k + 1] {
                continue;
            }
            let cp = std::mem::take(&mut checkpoints[k]);
            self.process(bounds[k], bounds[k + 1], &cp);
            if self.col == 0 {
                return;
            }
        }
    }

    /// Records rows `(a, b]` from `s_a` and walks through them.
    fn walk_segment(&mut self, a: usize, b: usize, s_a: &[u64]) {
        let nwords = s_a.len();
        let mut rows = Vec::with_capacity((b - a + 1) * nwords);
        rows.extend_from_slice(s_a);
        let mut s = s_a.to_vec();
        for r in a..b {
            lcs_step(self.pm, self.s2[r].value(), &mut s);
            rows.extend_from_slice(&s);
        }
        // Bit `c` of the state after `r` units of s2 (a <= r <= b).
        let bit = |r: usize, c: usize| (rows[(r - a) * nwords + c / 64] >> (c % 64)) & 1 != 0;
        let (mut col, mut row) = (self.col, self.row);
        let p = self.prefix;
        while row > a && col > 0 {
            if bit(row, col - 1) {
                col -= 1;
                self.rev_ops.push(EditOp {
                    tag: EditTag::Delete,
                    src_pos: col + p,
                    dest_pos: row + p,
                });
            } else {
                row -= 1;
                // The state before any unit of s2 is all ones: a match.
                if row > 0 && !bit(row, col - 1) {
                    self.rev_ops.push(EditOp {
                        tag: EditTag::Insert,
                        src_pos: col + p,
                        dest_pos: row + p,
                    });
                } else {
                    col -= 1;
                }
            }
        }
        self.col = col;
        self.row = row;
    }
}

pub(crate) fn indel_editops_with_budget<A: Unit, B: Unit>(
    s1_full: &[A],
    s2_full: &[B],
    segment_bytes: usize,
) -> Editops {
    let (s1, s2, prefix, _) = strip_affix(s1_full, s2_full);
    let mut result = Editops::new(s1_full.len(), s2_full.len());
    let (mut col, mut row) = (s1.len(), s2.len());
    let mut rev_ops = Vec::new();
    if !s1.is_empty() && !s2.is_empty() {
        let pm = BlockPatternMatchVector::new(s1);
        let words = s1.len().div_ceil(64);
        let mut walk = Walk {
            pm: &pm,
            s2,
            words,
            segment_bytes: segment_bytes.max(8),
            col,
            row,
            prefix,
            rev_ops: Vec::new(),
        };
        let s0 = vec![!0u64; walk.words];
        walk.process(0, s2.len(), &s0);
        col = walk.col;
        row = walk.row;
        rev_ops = walk.rev_ops;
    }
    while col > 0 {
        col -= 1;
        rev_ops.push(EditOp {
            tag: EditTag::Delete,
            src_pos: col + prefix,
            dest_pos: row + prefix,
        });
    }
    while row > 0 {
        row -= 1;
        rev_ops.push(EditOp {
            tag: EditTag::Insert,
            src_pos: col + prefix,
            dest_pos: row + prefix,
        });
    }
    rev_ops.reverse();
    result.ops = rev_ops;
    result
}

/// Insert/delete operations turning `s1` into `s2`, identical to
/// `rapidfuzz.distance.Indel.editops(s1, s2)` (and `LCSseq.editops`).
pub fn indel_editops<A: Unit, B: Unit>(s1: &[A], s2: &[B]) -> Editops {
    indel_editops_with_budget(s1, s2, SEGMENT_BYTES)
}
