//! Recorded VP/VN rows of Hyyrö's bit-parallel Levenshtein DP, one row per
//! unit of `s2`. Each row holds the words of its band only, starting at a
//! per-row bit offset (column of bit 0 of its first word).

pub(crate) struct DeltaRows {
    vp: Vec<u64>,
    vn: Vec<u64>,
    /// Start of each row in `vp` / `vn`; one extra entry closes the last row.
    row_start: Vec<usize>,
    offsets: Vec<isize>,
}

/// Buffers kept per thread between alignments (up to this many bytes each),
/// so that repeated calls do not page-fault fresh allocations in.
const POOL_MAX_BYTES: usize = 4 << 20;

thread_local! {
    static POOL: std::cell::RefCell<Vec<Vec<u64>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn take_buffer(words: usize) -> Vec<u64> {
    let mut v = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
    v.clear();
    v.reserve(words);
    v
}

fn return_buffer(v: Vec<u64>) {
    if v.capacity() * 8 <= POOL_MAX_BYTES && v.capacity() > 0 {
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 8 {
                p.push(v);
            }
        });
    }
}

impl Drop for DeltaRows {
    fn drop(&mut self) {
        return_buffer(std::mem::take(&mut self.vp));
        return_buffer(std::mem::take(&mut self.vn));
    }
}

impl DeltaRows {
    pub(crate) fn with_capacity(rows: usize, words: usize) -> Self {
        let mut row_start = Vec::with_capacity(rows + 1);
        row_start.push(0);
        DeltaRows {
            vp: take_buffer(words),
            vn: take_buffer(words),
            row_start,
            offsets: Vec::with_capacity(rows),
        }
    }

    /// Appends the next row: bit `b` of word `w` is DP column
    /// `offset + 64 * w + b`.
    #[inline(always)]
    pub(crate) fn push_row(&mut self, offset: isize, vp: &[u64], vn: &[u64]) {
        self.vp.extend_from_slice(vp);
        self.vn.extend_from_slice(vn);
        self.row_start.push(self.vp.len());
        self.offsets.push(offset);
    }

    /// Appends a row of one word.
    #[inline(always)]
    pub(crate) fn push_word(&mut self, offset: isize, vp: u64, vn: u64) {
        self.vp.push(vp);
        self.vn.push(vn);
        self.row_start.push(self.vp.len());
        self.offsets.push(offset);
    }

    /// Word index and bit of DP column `col` in `row`, or `None` left of the
    /// band (where rapidfuzz reads `false` for both vectors). Words right of
    /// the recorded band read as the initial vectors (VP = 1, VN = 0).
    #[inline(always)]
    fn locate(&self, row: usize, col: usize) -> Option<(Option<usize>, u32)> {
        let offset = *self.offsets.get(row)?;
        let col = if offset < 0 {
            col + offset.unsigned_abs()
        } else if col >= offset as usize {
            col - offset as usize
        } else {
            return None;
        };
        let idx = self.row_start[row] + col / 64;
        let in_band = idx < self.row_start[row + 1];
        Some((in_band.then_some(idx), (col % 64) as u32))
    }

    #[inline(always)]
    pub(crate) fn test_vp(&self, row: usize, col: usize) -> bool {
        match self.locate(row, col) {
            None => row >= self.offsets.len(),
            Some((Some(idx), bit)) => (self.vp[idx] >> bit) & 1 != 0,
            Some((None, _)) => true,
        }
    }

    #[inline(always)]
    pub(crate) fn test_vn(&self, row: usize, col: usize) -> bool {
        match self.locate(row, col) {
            Some((Some(idx), bit)) => (self.vn[idx] >> bit) & 1 != 0,
            _ => false,
        }
    }
}
