//! Recorded bit rows of a bit-parallel DP, one row per unit of `s2`, each
//! holding a window of 64-bit words shifted by a per-row bit offset.

/// Rows of `cols` words; bit `b` of row `r` stands for column
/// `b + offsets[r]` of the DP matrix.
pub(crate) struct ShiftedBits {
    cols: usize,
    data: Vec<u64>,
    offsets: Vec<isize>,
}

impl ShiftedBits {
    pub(crate) fn new(rows: usize, cols: usize, fill: u64) -> Self {
        ShiftedBits { cols, data: vec![fill; rows * cols], offsets: vec![0; rows] }
    }

    #[inline(always)]
    pub(crate) fn set_offset(&mut self, row: usize, offset: isize) {
        self.offsets[row] = offset;
    }

    /// Stores `word` as word `word_idx` of `row`. The layout is flat, like
    /// rapidfuzz's: an index past the row's width lands in the next row.
    #[inline(always)]
    pub(crate) fn set_word(&mut self, row: usize, word_idx: usize, word: u64) {
        if let Some(slot) = self.data.get_mut(row * self.cols + word_idx) {
            *slot = word;
        }
    }

    /// The bit of DP column `col` in `row`: false left of the row's window.
    /// Right of the window the flat layout is read on (as rapidfuzz does),
    /// and false past the end.
    #[inline(always)]
    pub(crate) fn test_bit(&self, row: usize, col: usize) -> bool {
        let offset = self.offsets[row];
        let col = if offset < 0 {
            col + offset.unsigned_abs()
        } else if col >= offset as usize {
            col - offset as usize
        } else {
            return false;
        };
        match self.data.get(row * self.cols + col / 64) {
            Some(word) => (word >> (col % 64)) & 1 != 0,
            None => false,
        }
    }
}
