//! rapidfuzz's `fuzz` scorers: ratio, partial_ratio, the token ratios,
//! WRatio and QRatio, plus `default_process`.
//!
//! Every scorer returns a score in 0..=100 (higher is better) and takes a
//! `score_cutoff` in the same scale: a score below it is reported as 0.
//! The results, including floating-point rounding, the choice of alignment
//! in `partial_ratio_alignment` and the handling of empty strings, follow
//! rapidfuzz 3.x (checked by differential tests against rapidfuzz 3.14).
//!
//! Units compare by value, so one call may mix `u8`, `u32` and `u64`
//! sequences. Tokens are split on the whitespace code points of
//! [`token::is_space`], which depend on the string's width as in rapidfuzz.

pub mod cached;
pub mod partial_ratio;
pub mod process_string;
pub mod ratio;
pub mod token;
pub mod token_ratio;
mod unicode_tables;
pub mod wratio;

pub use partial_ratio::{partial_ratio, partial_ratio_alignment, ScoreAlignment};
pub use process_string::{default_process, default_process_char};
pub use ratio::{qratio, ratio};
pub use token_ratio::{
    partial_token_ratio, partial_token_set_ratio, partial_token_sort_ratio, token_ratio, token_set_ratio,
    token_sort_ratio,
};
pub use wratio::wratio;

use crate::unit::{Seq, Unit};

/// A unit type the token scorers can build strings of: ordered, and with
/// the value of the ASCII space that joins tokens.
pub trait FuzzUnit: Unit + Ord {
    const SPACE: Self;
    /// How rapidfuzz splits strings of this unit type into tokens; see
    /// [`token::is_space`].
    const SPLIT: token::SplitRule;
}

impl FuzzUnit for u8 {
    const SPACE: Self = b' ';
    const SPLIT: token::SplitRule = token::SplitRule::Narrow;
}
impl FuzzUnit for u32 {
    const SPACE: Self = b' ' as u32;
    const SPLIT: token::SplitRule = token::SplitRule::ByContent;
}
impl FuzzUnit for u64 {
    const SPACE: Self = b' ' as u64;
    const SPLIT: token::SplitRule = token::SplitRule::Wide;
}

/// C++'s `std::max(a, b)`: `a` unless `a < b`. Unlike `f64::max` it keeps a
/// NaN in `a`, which is how rapidfuzz propagates a NaN `score_cutoff`.
#[inline(always)]
pub(crate) fn cmax(a: f64, b: f64) -> f64 {
    if a < b {
        b
    } else {
        a
    }
}

/// Which fuzz scorer to run; used by [`crate::scorer`] for searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FuzzKind {
    Ratio,
    PartialRatio,
    TokenSortRatio,
    TokenSetRatio,
    TokenRatio,
    PartialTokenSortRatio,
    PartialTokenSetRatio,
    PartialTokenRatio,
    WRatio,
    QRatio,
}

impl FuzzKind {
    /// Every kind, in declaration order.
    pub const ALL: [FuzzKind; 10] = [
        FuzzKind::Ratio,
        FuzzKind::PartialRatio,
        FuzzKind::TokenSortRatio,
        FuzzKind::TokenSetRatio,
        FuzzKind::TokenRatio,
        FuzzKind::PartialTokenSortRatio,
        FuzzKind::PartialTokenSetRatio,
        FuzzKind::PartialTokenRatio,
        FuzzKind::WRatio,
        FuzzKind::QRatio,
    ];

    /// The cutoff the scorers take for `score_cutoff` (None: 0): a negative
    /// one counts as 0.
    #[inline]
    pub(crate) fn clamped_cutoff(score_cutoff: Option<f64>) -> f64 {
        let c = score_cutoff.unwrap_or(0.0);
        if c < 0.0 {
            0.0
        } else {
            c
        }
    }

    /// The score of `s1` and `s2` in 0..=100; 0 when below `score_cutoff`.
    ///
    /// A negative `score_cutoff` counts as 0. (rapidfuzz's partial scorers
    /// return a negative cutoff itself when nothing beats it, a score
    /// outside 0-100; ferrofuzz returns 0 there.)
    pub fn score(self, s1: Seq<'_>, s2: Seq<'_>, score_cutoff: f64) -> f64 {
        let score_cutoff = Self::clamped_cutoff(Some(score_cutoff));
        match self {
            FuzzKind::Ratio => ratio(s1, s2, score_cutoff),
            FuzzKind::PartialRatio => partial_ratio(s1, s2, score_cutoff),
            FuzzKind::TokenSortRatio => token_sort_ratio(s1, s2, score_cutoff),
            FuzzKind::TokenSetRatio => token_set_ratio(s1, s2, score_cutoff),
            FuzzKind::TokenRatio => token_ratio(s1, s2, score_cutoff),
            FuzzKind::PartialTokenSortRatio => partial_token_sort_ratio(s1, s2, score_cutoff),
            FuzzKind::PartialTokenSetRatio => partial_token_set_ratio(s1, s2, score_cutoff),
            FuzzKind::PartialTokenRatio => partial_token_ratio(s1, s2, score_cutoff),
            FuzzKind::WRatio => wratio(s1, s2, score_cutoff),
            FuzzKind::QRatio => qratio(s1, s2, score_cutoff),
        }
    }
}
