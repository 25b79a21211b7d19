//! The sorted choices grouped by length, so that a scan visits only the
//! lengths that can still pass its cutoff.
//!
//! A scan with a cutoff rules out whole lengths. After the walks of a top-k
//! search by a normalized score, only a narrow band of lengths can hold a
//! better choice than the ones found: shorter choices need more edits than
//! the walks allowed, longer ones differ too much in length. Visiting only
//! those groups saves the per-choice filter work on every other choice.
//!
//! Each group lists its positions ascending, as LEB128 deltas in blocks of
//! [`BLOCK`] positions (the parallel work units of a scan). Deltas take one
//! or two bytes a choice for corpora of up to millions of names; a `u32`
//! per choice would take four.

use super::corpus::Corpus;
use rayon::prelude::*;
use std::ops::Range;

/// Positions per block: a scan's parallel work unit.
const BLOCK: usize = 4096;

#[derive(Clone, Debug)]
struct Block {
    /// The first position; the rest follow as deltas.
    first: u32,
    count: u32,
    /// Where the block's deltas start in `ByLength::deltas`.
    start: usize,
}

/// The first `len()` choices of a corpus, grouped by length.
#[derive(Clone, Debug, Default)]
pub struct ByLength {
    /// Distinct lengths ascending, each with the range of its blocks.
    groups: Vec<(usize, Range<usize>)>,
    blocks: Vec<Block>,
    deltas: Vec<u8>,
    covered: usize,
}

impl ByLength {
    /// Groups the first `count` choices of `corpus` by length.
    pub fn build(corpus: &Corpus, count: usize) -> Self {
        let mut order: Vec<u32> = (0..count as u32).collect();
        // Stable, so each group stays in ascending position order.
        order.par_sort_by_key(|&p| corpus.len_of(p as usize));
        let mut out = ByLength { covered: count, ..ByLength::default() };
        let mut rest = &order[..];
        while let Some(&head) = rest.first() {
            let len = corpus.len_of(head as usize);
            let run = rest.partition_point(|&p| corpus.len_of(p as usize) == len);
            let first_block = out.blocks.len();
            for block in rest[..run].chunks(BLOCK) {
                out.blocks.push(Block { first: block[0], count: block.len() as u32, start: out.deltas.len() });
                for pair in block.windows(2) {
                    push_leb128(&mut out.deltas, pair[1] - pair[0]);
                }
            }
            out.groups.push((len, first_block..out.blocks.len()));
            rest = &rest[run..];
        }
        out.deltas.shrink_to_fit();
        out.blocks.shrink_to_fit();
        out.groups.shrink_to_fit();
        out
    }

    /// Number of choices covered: positions `0..len()`.
    pub fn len(&self) -> usize {
        self.covered
    }

    /// The lengths present, ascending, each with its blocks (ids for
    /// [`ByLength::positions`]).
    pub fn groups(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        self.groups.iter().cloned()
    }

    /// The positions of block `block`, ascending.
    pub fn positions(&self, block: usize) -> Positions<'_> {
        let b = &self.blocks[block];
        Positions { next: b.first, remaining: b.count, deltas: &self.deltas[b.start..] }
    }

    /// Number of positions in block `block`.
    pub fn block_len(&self, block: usize) -> usize {
        self.blocks[block].count as usize
    }

    pub fn heap_bytes(&self) -> usize {
        self.deltas.capacity()
            + self.blocks.capacity() * std::mem::size_of::<Block>()
            + self.groups.capacity() * std::mem::size_of::<(usize, Range<usize>)>()
    }
}

fn push_leb128(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The positions of one block, decoded as they are read.
pub struct Positions<'a> {
    next: u32,
    remaining: u32,
    deltas: &'a [u8],
}

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.remaining == 0 {
            return None;
        }
        let current = self.next;
        self.remaining -= 1;
        if self.remaining != 0 {
            let (mut delta, mut shift, mut used) = (0u32, 0u32, 0usize);
            loop {
                let byte = self.deltas[used];
                used += 1;
                delta |= ((byte & 0x7F) as u32) << shift;
                if byte < 0x80 {
                    break;
                }
                shift += 7;
            }
            self.deltas = &self.deltas[used..];
            self.next = current + delta;
        }
        Some(current as usize)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining as usize, Some(self.remaining as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unit::Seq;

    #[test]
    fn groups_list_every_position_once_by_length_ascending() {
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut corpus = Corpus::default();
        // Long gaps between equal lengths exercise multi-byte deltas, and
        // one length with more than BLOCK choices spans blocks.
        let words: Vec<Vec<u8>> = (0..3 * BLOCK + 17)
            .map(|i| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                let len = if i % 3 == 0 { 5 } else if i % 1000 == 7 { 40 } else { (s % 12) as usize };
                vec![b'x'; len]
            })
            .collect();
        for w in &words {
            corpus.push(Seq::U8(w));
        }
        let covered = words.len() - 10;
        let by_length = ByLength::build(&corpus, covered);
        assert_eq!(by_length.len(), covered);
        let mut seen = vec![false; covered];
        let mut previous_len = None;
        for (len, blocks) in by_length.groups() {
            assert!(previous_len.is_none_or(|p| p < len));
            previous_len = Some(len);
            let positions: Vec<usize> = blocks.flat_map(|b| by_length.positions(b)).collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]));
            for p in positions {
                assert_eq!(words[p].len(), len);
                assert!(!seen[p]);
                seen[p] = true;
            }
        }
        assert!(seen.iter().all(|&s| s));
    }
}
