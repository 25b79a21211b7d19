//! Edit operations and opcodes for Levenshtein and Indel, matching
//! rapidfuzz's output (including its choice among equally short scripts),
//! in memory linear in the input.

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
pub use hirschberg::{levenshtein_editops, HIRSCHBERG_THRESHOLD};
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
