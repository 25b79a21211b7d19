//! Edit operations and opcodes for Levenshtein and Indel, matching
//! rapidfuzz's output (including its choice among equally short scripts)
//! without O(len1 * len2) memory.
//!
//! - [`levenshtein_editops`]: rapidfuzz-cpp's scheme: common affix stripped,
//!   Hyyrö's bit-parallel DP with recorded VP/VN rows (single word, 64-cell
//!   diagonal band, or blocks inside an Ukkonen band) and a backtrace from
//!   the end; above 1 MiB of recorded bits, Hirschberg splits at the middle
//!   of `s2` (best column from a forward and a reversed pass, first minimum).
//!   Memory: O(len1 + len2) plus at most ~1 MiB per leaf.
//! - [`indel_editops`]: rapidfuzz backtraces the full LCS bit matrix; here
//!   the same walk runs over rows recomputed segment by segment from
//!   checkpointed LCS states (16 per level, recursively), so the output is
//!   identical while memory stays O(len1 / 64 * log(len2)) words plus ~1 MiB.
//!
//! Known deviation (never observed): where rapidfuzz's backtrace would read
//! a word beyond its recorded row width, rapidfuzz reads the neighbouring
//! row's memory; here such words read as the initial vectors (VP=1, VN=0).

mod bitmatrix;
pub mod editops;
mod hirschberg;
mod indel_align;
mod levenshtein_align;
#[cfg(test)]
mod tests;

pub use editops::{
    AlignmentError, EditOp, EditTag, Editops, MatchingBlock, Opcode, OpcodeTag, Opcodes,
};
pub use hirschberg::levenshtein_editops;
#[allow(unused_imports)]
pub(crate) use hirschberg::HIRSCHBERG_THRESHOLD;
pub use indel_align::indel_editops;

/// Opcodes of [`levenshtein_editops`].
pub fn levenshtein_opcodes<A: crate::unit::Unit, B: crate::unit::Unit>(
    s1: &[A],
    s2: &[B],
    score_hint: Option<usize>,
) -> Opcodes {
    levenshtein_editops(s1, s2, score_hint).as_opcodes()
}

/// Opcodes of [`indel_editops`].
pub fn indel_opcodes<A: crate::unit::Unit, B: crate::unit::Unit>(s1: &[A], s2: &[B]) -> Opcodes {
    indel_editops(s1, s2).as_opcodes()
}
