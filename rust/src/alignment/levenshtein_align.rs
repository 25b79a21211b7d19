//! Levenshtein alignment of sub-problems small enough for a recorded bit
//! matrix: Hyyrö's bit-parallel DP (single word, diagonal small band, or
//! blocks within an Ukkonen band) records the vertical deltas VP/VN of
//! every row, then a backtrace from the end recovers the edit operations.
//!
//! Band selection, band adjustment and backtrace preferences follow
//! rapidfuzz-cpp, because the chosen script among several optimal ones
//! depends on them: the backtrace prefers a deletion, then an insertion,
//! then the diagonal.

use super::bitmatrix::DeltaRows;
use super::editops::{EditOp, EditTag};
use crate::distance::pattern::BlockPatternMatchVector;
use crate::unit::Unit;

/// Result of a forward pass that records VP/VN.
pub(crate) struct Recorded {
    pub(crate) rows: DeltaRows,
    pub(crate) dist: usize,
}

/// Band state at a requested row of the block algorithm.
pub(crate) struct BitRow {
    pub(crate) first_block: usize,
    pub(crate) last_block: usize,
    /// Distance at column `first_block * 64`.
    pub(crate) prev_score: usize,
    /// (VP, VN) per block.
    pub(crate) vecs: Vec<(u64, u64)>,
}

pub(crate) enum BlockOutcome {
    /// The band vanished or the distance exceeds `max`.
    Exceeded,
    /// Full pass finished with this distance (possibly `max + 1`).
    Done(usize),
    /// Stopped at the requested row.
    Row(BitRow),
}

/// Hyyrö's algorithm for `s1.len() <= 64`, recording every row.
pub(crate) fn hyrroe_single_record<A: Unit, B: Unit>(s1: &[A], s2: &[B]) -> Recorded {
    debug_assert!(!s1.is_empty() && s1.len() <= 64);
    let pm = BlockPatternMatchVector::new(s1);
    let mut vp = !0u64;
    let mut vn = 0u64;
    let mut dist = s1.len();
    let mut rec = DeltaRows::with_capacity(s2.len(), s2.len());
    let mask = 1u64 << (s1.len() - 1);
    for ch in s2 {
        let x = pm.get(0, ch.value());
        let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
        let mut hp = vn | !(d0 | vp);
        let mut hn = d0 & vp;
        dist += (hp & mask != 0) as usize;
        dist -= (hn & mask != 0) as usize;
        hp = (hp << 1) | 1;
        hn <<= 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        rec.push_word(0, vp, vn);
    }
    Recorded { rows: rec, dist }
}

/// Hyyrö's algorithm restricted to a diagonal band of 64 cells
/// (`2 * max + 1 <= 64`), recording every row. Requires `max <= s1.len()`,
/// `max <= s2.len()` and `s2.len() + max >= s1.len()`.
pub(crate) fn hyrroe_small_band_record<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    max: usize,
) -> Recorded {
    let (len1, len2) = (s1.len(), s2.len());
    let pm = BlockPatternMatchVector::new(s1);
    let words = pm.block_count();
    let mut vp = !0u64 << (64 - max - 1);
    let mut vn = 0u64;
    let mut dist = max;
    let mut rec = DeltaRows::with_capacity(len2, len2);
    let start_offset = max as isize + 2 - 64;
    let diagonal_mask = 1u64 << 63;
    let mut horizontal_mask = 1u64 << 62;
    let break_score = (2 * max + len2).wrapping_sub(len1);
    let diagonal_rows = len1.saturating_sub(max);

    for (i, ch) in s2.iter().enumerate() {
        let ch = ch.value();
        // s1 positions [i + max - 63, i + max] as bits 0..64.
        let start = i as isize + max as isize - 63;
        let x = if start < 0 {
            pm.get(0, ch) << (-start) as u32
        } else {
            let start = start as usize;
            let (word, bit) = (start / 64, start % 64);
            if word >= words {
                0
            } else {
                let mut x = pm.get(word, ch) >> bit;
                if word + 1 < words && bit != 0 {
                    x |= pm.get(word + 1, ch) << (64 - bit);
                }
                x
            }
        };
        let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        if i < diagonal_rows {
            dist += (d0 & diagonal_mask == 0) as usize;
        } else {
            dist += (hp & horizontal_mask != 0) as usize;
            dist -= (hn & horizontal_mask != 0) as usize;
            horizontal_mask >>= 1;
        }
        if dist > break_score {
            return Recorded {
                rows: rec,
                dist: max + 1,
            };
        }
        vp = hn | !((d0 >> 1) | hp);
        vn = (d0 >> 1) & hp;
        rec.push_word(start_offset + i as isize, vp, vn);
    }
    if dist > max {
        dist = max + 1;
    }
    Recorded { rows: rec, dist }
}

/// Hyyrö's block algorithm within an Ukkonen band for distances up to `max`.
/// With `record`, the (VP, VN) words of the band are recorded per row (as
/// the second return value). With `stop_row`, the pass stops after that row
/// and returns the band state there.
pub(crate) fn hyrroe_block<A: Unit, B: Unit>(
    pm: &BlockPatternMatchVector,
    s1: &[A],
    s2: &[B],
    max: usize,
    record: bool,
    stop_row: Option<usize>,
) -> (BlockOutcome, Option<DeltaRows>) {
    let (len1, len2) = (s1.len(), s2.len());
    if max < len1.abs_diff(len2) {
        return (BlockOutcome::Exceeded, None);
    }
    debug_assert!(len1 > 0);
    const W: usize = 64;
    let words = pm.block_count();
    let mut vp = vec![!0u64; words];
    let mut vn = vec![0u64; words];
    let mut scores: Vec<usize> = (0..words).map(|i| (i + 1) * W).collect();
    scores[words - 1] = len1;
    let last_mask = 1u64 << ((len1 - 1) % W);

    // rapidfuzz allocates `min(words, full_band / 64 + 2)` words per row and
    // reads unwritten words as the initial vectors; only the written words
    // are kept here.
    let mut rec = if record {
        let full_band = len1.min(max.saturating_mul(2).saturating_add(1));
        let band_words = words.min(full_band / W + 2);
        Some(DeltaRows::with_capacity(len2, len2 * band_words.min(8)))
    } else {
        None
    };

    let mut max = max.min(len1.max(len2));
    let mut first_block = 0usize;
    let mut last_block = words.min((max.min((max + len1 - len2) / 2) + 1).div_ceil(W)) - 1;

    let row_num = |word: usize| -> isize {
        if word + 1 == words {
            len1 as isize - 1
        } else {
            ((word + 1) * W) as isize - 1
        }
    };

    for (row, ch) in s2.iter().enumerate() {
        let ch = ch.value();
        let mut hp_carry = 1u64;
        let mut hn_carry = 0u64;

        for word in first_block..=last_block {
            let delta = advance_word(
                pm.get(word, ch),
                &mut vp[word],
                &mut vn[word],
                &mut hp_carry,
                &mut hn_carry,
                if word + 1 < words {
                    1u64 << 63
                } else {
                    last_mask
                },
            );
            scores[word] = (scores[word] as isize + delta) as usize;
        }

        let remaining = (len2 as isize - row as isize - 1)
            .max(len1 as isize - (((1 + last_block) * W) as isize - 1 - 1));
        max = (max as isize).min(scores[last_block] as isize + remaining) as usize;

        // Extend the band downwards by one block.
        if last_block + 1 < words {
            let cond =
                (max + 2 * W + row + len1) as isize - (scores[last_block] + 2 + len2) as isize;
            if row_num(last_block) < cond {
                last_block += 1;
                vp[last_block] = !0;
                vn[last_block] = 0;
                let chars_in_block = if last_block + 1 == words {
                    (len1 - 1) % W + 1
                } else {
                    W
                };
                scores[last_block] =
                    scores[last_block - 1] + chars_in_block - hp_carry as usize + hn_carry as usize;
                let delta = advance_word(
                    pm.get(last_block, ch),
                    &mut vp[last_block],
                    &mut vn[last_block],
                    &mut hp_carry,
                    &mut hn_carry,
                    if last_block + 1 < words {
                        1u64 << 63
                    } else {
                        last_mask
                    },
                );
                scores[last_block] = (scores[last_block] as isize + delta) as usize;
            }
        }
        if let Some(rec) = rec.as_mut() {
            rec.push_row(
                (first_block * W) as isize,
                &vp[first_block..=last_block],
                &vn[first_block..=last_block],
            );
        }

        // Shrink the band from below.
        let mut lb = last_block as isize;
        while lb >= first_block as isize {
            let score = scores[lb as usize];
            let in_band1 = score < max + W;
            let cond = (max + 2 * W + row + len1 + 1) as isize - (score + 2 + len2) as isize;
            let in_band2 = row_num(lb as usize) <= cond;
            if in_band1 && in_band2 {
                break;
            }
            lb -= 1;
        }
        if lb < first_block as isize {
            return (BlockOutcome::Exceeded, rec);
        }
        last_block = lb as usize;

        // Shrink the band from above.
        while first_block <= last_block {
            let score = scores[first_block];
            let in_band1 = score < max + W;
            let cond = (score + len1 + row) as isize - (max + len2) as isize;
            let in_band2 = row_num(first_block) >= cond;
            if in_band1 && in_band2 {
                break;
            }
            first_block += 1;
        }
        if last_block < first_block {
            return (BlockOutcome::Exceeded, rec);
        }

        if stop_row == Some(row) {
            let prev_score = if first_block == 0 {
                row + 1
            } else {
                let relevant_bits = ((first_block + 1) * W).min(len1) % W;
                let mask = if relevant_bits != 0 {
                    !0u64 >> (64 - relevant_bits)
                } else {
                    !0u64
                };
                (scores[first_block] + (vn[first_block] & mask).count_ones() as usize)
                    .wrapping_sub((vp[first_block] & mask).count_ones() as usize)
            };
            let vecs = vp.iter().copied().zip(vn.iter().copied()).collect();
            return (
                BlockOutcome::Row(BitRow {
                    first_block,
                    last_block,
                    prev_score,
                    vecs,
                }),
                rec,
            );
        }
    }

    let mut dist = scores[words - 1];
    if dist > max {
        dist = max + 1;
    }
    (BlockOutcome::Done(dist), rec)
}

/// One block step of Hyyrö's algorithm; `out_mask` selects the bit whose
/// horizontal delta is carried into the next block. Returns that delta.
#[inline(always)]
fn advance_word(
    pm_j: u64,
    vp: &mut u64,
    vn: &mut u64,
    hp_carry: &mut u64,
    hn_carry: &mut u64,
    out_mask: u64,
) -> isize {
    let x = pm_j | *hn_carry;
    let (vpw, vnw) = (*vp, *vn);
    let d0 = (((x & vpw).wrapping_add(vpw)) ^ vpw) | x | vnw;
    let mut hp = vnw | !(d0 | vpw);
    let mut hn = d0 & vpw;
    let (hp_in, hn_in) = (*hp_carry, *hn_carry);
    *hp_carry = (hp & out_mask != 0) as u64;
    *hn_carry = (hn & out_mask != 0) as u64;
    hp = (hp << 1) | hp_in;
    hn = (hn << 1) | hn_in;
    *vp = hn | !(d0 | hp);
    *vn = hp & d0;
    *hp_carry as isize - *hn_carry as isize
}

/// Walks back from the end of the recorded matrix, pushing the edit
/// operations onto `out` in forward order.
fn recover_alignment<A: Unit, B: Unit>(
    out: &mut Vec<EditOp>,
    s1: &[A],
    s2: &[B],
    m: &Recorded,
    src_pos: usize,
    dest_pos: usize,
) {
    let start = out.len();
    let mut col = s1.len();
    let mut row = s2.len();
    let mut push = |tag, col: usize, row: usize| {
        out.push(EditOp {
            tag,
            src_pos: col + src_pos,
            dest_pos: row + dest_pos,
        });
    };
    while row > 0 && col > 0 {
        if m.rows.test_vp(row - 1, col - 1) {
            col -= 1;
            push(EditTag::Delete, col, row);
        } else {
            row -= 1;
            if row > 0 && m.rows.test_vn(row - 1, col - 1) {
                push(EditTag::Insert, col, row);
            } else {
                col -= 1;
                if s1[col].value() != s2[row].value() {
                    push(EditTag::Replace, col, row);
                }
            }
        }
    }
    while col > 0 {
        col -= 1;
        push(EditTag::Delete, col, row);
    }
    while row > 0 {
        row -= 1;
        push(EditTag::Insert, col, row);
    }
    out[start..].reverse();
}

/// Aligns `s1` with `s2` through a recorded matrix, appending the edit
/// operations (offset by `src_pos` / `dest_pos`) to `out`. `max` is an upper
/// bound on the distance that narrows the band.
pub(crate) fn levenshtein_align<A: Unit, B: Unit>(
    out: &mut Vec<EditOp>,
    s1: &[A],
    s2: &[B],
    max: usize,
    src_pos: usize,
    dest_pos: usize,
) {
    let (len1, len2) = (s1.len(), s2.len());
    let max = max.min(len1.max(len2));
    let full_band = len1.min(max.saturating_mul(2).saturating_add(1));

    if len1 == 0 || len2 == 0 {
        out.extend((0..len1).map(|i| EditOp {
            tag: EditTag::Delete,
            src_pos: src_pos + i,
            dest_pos,
        }));
        out.extend((0..len2).map(|j| EditOp {
            tag: EditTag::Insert,
            src_pos,
            dest_pos: dest_pos + j,
        }));
        return;
    }
    let m = if len1 <= 64 {
        hyrroe_single_record(s1, s2)
    } else if full_band <= 64 {
        hyrroe_small_band_record(s1, s2, max)
    } else {
        let pm = BlockPatternMatchVector::new(s1);
        match hyrroe_block(&pm, s1, s2, max, true, None) {
            (BlockOutcome::Done(dist), Some(rows)) => Recorded { rows, dist },
            (_, Some(rows)) => Recorded {
                rows,
                dist: max + 1,
            },
            // Only when max < |len1 - len2|, which callers rule out.
            _ => return levenshtein_align(out, s1, s2, usize::MAX, src_pos, dest_pos),
        }
    };
    if m.dist != 0 {
        recover_alignment(out, s1, s2, &m, src_pos, dest_pos);
    }
}

/// Exact uniform Levenshtein distance (unbanded Hyyrö block algorithm).
pub(crate) fn levenshtein_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B]) -> usize {
    let (s1, s2, _, _) = crate::distance::common::strip_affix(s1, s2);
    if s1.is_empty() || s2.is_empty() {
        return s1.len() + s2.len();
    }
    let pm = BlockPatternMatchVector::new(s1);
    let words = pm.block_count();
    let mut vp = vec![!0u64; words];
    let mut vn = vec![0u64; words];
    let mut dist = s1.len();
    let last_mask = 1u64 << ((s1.len() - 1) % 64);
    for ch in s2 {
        let ch = ch.value();
        let (mut hp_carry, mut hn_carry) = (1u64, 0u64);
        for w in 0..words {
            let x = pm.get(w, ch) | hn_carry;
            let d0 = (((x & vp[w]).wrapping_add(vp[w])) ^ vp[w]) | x | vn[w];
            let mut hp = vn[w] | !(d0 | vp[w]);
            let mut hn = d0 & vp[w];
            let (hp_in, hn_in) = (hp_carry, hn_carry);
            if w + 1 < words {
                hp_carry = hp >> 63;
                hn_carry = hn >> 63;
            } else {
                hp_carry = (hp & last_mask != 0) as u64;
                hn_carry = (hn & last_mask != 0) as u64;
            }
            hp = (hp << 1) | hp_in;
            hn = (hn << 1) | hn_in;
            vp[w] = hn | !(d0 | hp);
            vn[w] = hp & d0;
        }
        dist = dist + hp_carry as usize - hn_carry as usize;
    }
    dist
}
