//! Unrestricted Damerau–Levenshtein distance: insertions, deletions,
//! substitutions and transpositions of adjacent units, where transposed
//! units may be edited further (unlike OSA).
//!
//! The kernel follows Zhao & Sahni (2019), "String correction using the
//! Damerau-Levenshtein distance": O(len1 * len2) time and linear memory.
//! Of the Lowrance–Wagner transposition candidates for cell (i, j), only
//! two can beat a chain of substitutions: the one whose `s2` match is the
//! previous column, and the one whose `s1` match is the previous row. Both
//! are found from the last occurrence of a unit value in `s1` (per value),
//! the last match column in the current row, and two saved DP values.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::common::strip_affix;
use super::Metric;
use crate::scratch::scratch;
use crate::unit::Unit;

/// The Damerau–Levenshtein metric. The maximum is `max(len1, len2)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct DamerauLevenshtein;

impl Metric for DamerauLevenshtein {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }

    fn raw_distance<A: Unit, B: Unit>(
        &self,
        s1: &[A],
        s2: &[B],
        cutoff: usize,
        _hint: usize,
    ) -> usize {
        damerau_levenshtein_distance(s1, s2, cutoff)
    }
}

/// A multiplicative hasher for the unit values (which are not adversarial
/// enough to need SipHash, and are hashed on every cell).
#[derive(Default)]
struct UnitHasher(u64);

impl Hasher for UnitHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 ^= self.0 >> 32;
    }
}

/// Last row (1-based, 0 = none) in which each unit value occurred in `s1`.
struct LastOccurrence {
    small: [usize; 256],
    wide: HashMap<u64, usize, BuildHasherDefault<UnitHasher>>,
}

impl LastOccurrence {
    fn new() -> Self {
        LastOccurrence {
            small: [0; 256],
            wide: HashMap::default(),
        }
    }

    #[inline(always)]
    fn get(&self, key: u64) -> usize {
        if key < 256 {
            self.small[key as usize]
        } else {
            self.wide.get(&key).copied().unwrap_or(0)
        }
    }

    #[inline(always)]
    fn set(&mut self, key: u64, row: usize) {
        if key < 256 {
            self.small[key as usize] = row;
        } else {
            self.wide.insert(key, row);
        }
    }
}

/// Damerau–Levenshtein distance; any value above `cutoff` means "above".
pub fn damerau_levenshtein_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], cutoff: usize) -> usize {
    let diff = s1.len().abs_diff(s2.len());
    if diff > cutoff {
        return diff;
    }
    let (s1, s2, _, _) = strip_affix(s1, s2);
    if s1.is_empty() {
        return s2.len();
    }
    if s2.is_empty() {
        return s1.len();
    }
    zhao_sahni(s1, s2)
}

/// Rows up to this wide (a second string of up to 62 units) are kept on
/// the stack.
const STACK_WIDTH: usize = 64;

fn zhao_sahni<A: Unit, B: Unit>(s1: &[A], s2: &[B]) -> usize {
    let (len1, len2) = (s1.len(), s2.len());
    // Larger than any real distance; the sentinel of row -1 and column -1.
    let inf = len1 + len2 + 1;
    // Rows are indexed by column + 1, so that index 0 is column -1.
    // `row` is H[i], `prev` is H[i-1], `prev2` is H[i-2].
    let width = len2 + 2;
    // Short strings (names, the common case) keep their rows on the stack.
    let (mut stack, mut heap) = ([0usize; 4 * STACK_WIDTH], Vec::new());
    let buf = scratch(&mut stack, &mut heap, 4 * width);
    buf.fill(inf);
    let (prev2, rest) = buf.split_at_mut(width);
    let (prev, rest) = rest.split_at_mut(width);
    let (row, fr) = rest.split_at_mut(width);
    let (mut prev2, mut prev, mut row) = (prev2, prev, row);
    // fr[j + 1] = H[k-1][j-2] where k is the last row whose unit matched
    // s2[j] (1-based j), saved when that match was seen.
    for (c, cell) in prev[1..].iter_mut().enumerate() {
        *cell = c;
    }
    let mut last_row = LastOccurrence::new();

    for i in 1..=len1 {
        let a = s1[i - 1].value();
        // s1[i-2], the unit of the row before (none in row 1).
        let above = if i >= 2 { Some(s1[i - 2].value()) } else { None };
        row[0] = inf;
        row[1] = i;
        // Last column (1-based) of this row whose unit matched `a`, and
        // H[i-2][l-1] saved at that match.
        let mut last_col = 0usize;
        let mut t = inf;
        for j in 1..=len2 {
            let b = s2[j - 1].value();
            let mut v;
            if a == b {
                v = prev[j];
                last_col = j;
                fr[j + 1] = prev[j - 1];
                t = prev2[j];
            } else {
                v = prev[j].min(row[j]).min(prev[j + 1]) + 1;
                if last_col + 1 == j && last_col != 0 {
                    // s2[j-2] matches s1[i-1]; s1[k-1] matches s2[j-1]
                    // (looked up only here: a match just before is rare).
                    let k = last_row.get(b);
                    if k != 0 {
                        v = v.min(fr[j + 1] + (i - k));
                    }
                } else if above == Some(b) && last_col != 0 {
                    // s1[i-2] matches s2[j-1] (the last row to, as rows
                    // before i are all the table holds); s2[l-1] matches s1[i-1].
                    v = v.min(t + (j - last_col));
                }
            }
            row[j + 1] = v;
        }
        last_row.set(a, i);
        // Rotate: H[i-2] <- H[i-1] <- H[i].
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[len2 + 1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::osa::testutil::*;
    use crate::distance::reference;
    use crate::distance::{distance, normalized_distance, similarity};

    fn check<A: FromValue, B: FromValue>() {
        let mut rng =
            Rng::new(0xD1 + std::mem::size_of::<A>() as u64 * 10 + std::mem::size_of::<B>() as u64);
        for iter in 0..200 {
            let max_len = [8, 70, 140, 300][iter % 4];
            let alpha = [2, 3, 5, 8][(iter / 4) % 4];
            let s1: Vec<A> = random_seq(&mut rng, max_len, alpha);
            let s2: Vec<B> = if rng.below(2) == 0 {
                mutate(&mut rng, &convert::<A, B>(&s1), alpha)
            } else {
                random_seq(&mut rng, max_len, alpha)
            };
            let expected = reference::damerau_levenshtein(&s1, &s2);
            let dl = DamerauLevenshtein;
            assert_eq!(
                distance(&dl, &s1, &s2, None, None),
                expected,
                "{s1:?} {s2:?}"
            );
            assert_eq!(distance(&dl, &s2, &s1, None, None), expected);
            let max = s1.len().max(s2.len());
            let cutoff = rng.below(max + 2);
            let want = if expected <= cutoff {
                expected
            } else {
                cutoff + 1
            };
            assert_eq!(distance(&dl, &s1, &s2, Some(cutoff), None), want);
            let sim_cut = rng.below(max + 2);
            let sim = max - expected;
            let want = if sim >= sim_cut { sim } else { 0 };
            assert_eq!(similarity(&dl, &s1, &s2, Some(sim_cut), None), want);
        }
    }

    #[test]
    fn random_against_reference() {
        crate::for_all_unit_pairs!(check);
    }

    #[test]
    fn known_values() {
        let dl = DamerauLevenshtein;
        // Values from rapidfuzz 3.14.6 (rapidfuzz.distance.DamerauLevenshtein).
        assert_eq!(distance(&dl, b"ca", b"abc", None, None), 2);
        assert_eq!(similarity(&dl, b"ca", b"abc", None, None), 1);
        assert_eq!(normalized_distance(&dl, b"", b"", None, None), 0.0);
        for &(a, b, d) in DL_TABLE {
            assert_eq!(
                distance(&dl, a.as_bytes(), b.as_bytes(), None, None),
                d,
                "{a} {b}"
            );
        }
    }

    /// (s1, s2, rapidfuzz DamerauLevenshtein.distance)
    const DL_TABLE: &[(&str, &str, usize)] = &[
        ("CA", "ABC", 2),
        ("", "abc", 3),
        ("abcdef", "badcfe", 3),
        ("kitten", "sitting", 3),
        ("MARTHA", "MARHTA", 1),
        ("bc", "c", 1),
        ("aaabaaaab", "aabaaaaab", 1),
        ("cbbbcbbbaa", "acb", 8),
        ("cdceaae", "cdcaaae", 1),
        ("ccede", "a", 5),
        ("ccaaccb", "bbcbcbabba", 7),
        ("d", "d", 0),
        ("bb", "bb", 0),
        ("baaaaaacaa", "baaaaaacac", 1),
        ("adeddddadd", "adeddddadd", 0),
        ("aabaaaaabaaababbbbaabbbbbaaabbbaaabaababbababaaabaabbaabbbabbbbaa", "aabaaaaabaaabababbaabbbbbaabbbaaabaababbababaaabaabbaabbbabbbaba", 3),
        ("cababcbacbbbcacaaaaacbcaccbcbaccaaaccaccabaaababcacbbcbaacbbcccbcacacc", "ababcbacbbbcacaaaacbcaccbcbaccaaaccaccabaaababcacbbcbaacbbcccbcacacc", 2),
        ("ceeedaeabbcaaedeaadceeeebcdeedebecebdbdaddcabdabcabcbcbdba", "ceeedaeabbaaddeaadceeeebcededebecebdbdaddcabdabcabcbcbdba", 3),
        ("acbabcbbcabbccbcaaaaabbaababcbbacccbcbabacababacabacaabababcbbc", "acbbcbbcabbccbcaaaacbbaababcbbacccbcbabacababacabacaabababcb", 4),
        ("bcdebccacaaaeebedbdaddedecbbcbbdcabaacdbaadecebcadbbcdacccecbacbcbacda", "bcddebccacaaaeebedbdaddedecbbcbbdcaabaacdbaadecebcadbbbcdacccecbacbbacda", 4),
        ("caaccacccbbcbabcccaacccbcccacccaccccccaaaaacbabbcacacccabbabacccaccaccbbabacaaccbbbabcbacccaacabbcccbccaababbcacacbbccbbbbacababa", "caaccacccbbcbabcccaacccbcccacccaccccccaaaaacbabbcacacccabbabacccaccaccbbabacaaccbbbabcbacccaacabbcccbccaababbcacacbbccbbbbacababa", 0),
        ("cdbbaeabeccbeecacbdddabadddcbdcdcacaccdabacccaddeacdcacaacbbcdecbcdadeebaaddebcdaebbddcccccdbcdedabbabedebdcddbebbabceacbccebadddebdcc", "cecbeebacbddddcabaddedaadeddbabbbeadaeaabbeacbcedaaaceebdcbeaaecdccbdebebadcaabddacbdcbdacdcdbaceabdbcbbdbccaedebbddaebdabaebdaabddcaab", 80),
        ("acccbabccbbbbaaaababbacabbbbaacbabcbabbcbacbacbababaabacacbbbbcabcccbbbacccaaaabcbbbbbabaacbcacabbbbcacabaabacabccbabaabcaaabb", "aaabbccacccabbbcbbbcbabaaaaabcababbaccacacbaaababbabaaaaccaabcabcbcaaccccbaabbaaabacccaabbcbacbaaabcbababccaccacabcbbbcbbabccbbbabcabc", 60),
        ("ababaabcbbaaaacacbaccbccaabbacaaabbabaabbaccbacccacacbcabacaabcabbaaacaaccacbabcbccbcbbcabbcbbcbaaacbbabcbabbaaabbbabcccaacaac", "ababaabcbbaaaacaacbaccbccaabbacaaabbabaabbaccbacccacacbcabacaabcabbaaacaaccacbabcbccbcbbcabbcbcbcbaaaacbbabcbabaaabbbabcccaacaac", 4),
    ];
    /// Rough timing; run with `cargo test --release -- --ignored --nocapture timing`.
    #[test]
    #[ignore]
    fn timing() {
        use crate::distance::osa::testutil::cpu_ns;
        use std::hint::black_box;
        let cases: &[(&str, &[u8], &[u8])] = &[
            ("15 chars", b"jaro winkler 15", b"jaro winklre 51"),
            ("8 chars", b"kitten!!", b"sitting!"),
            ("60 chars", &[b'a'; 60], &[b'b'; 60]),
            ("200 chars", &[b'x'; 200], &[b'y'; 200]),
        ];
        for &(name, a, b) in cases {
            let a: Vec<u8> = a
                .iter()
                .enumerate()
                .map(|(i, &c)| c.wrapping_add((i % 7) as u8))
                .collect();
            let b: Vec<u8> = b
                .iter()
                .enumerate()
                .map(|(i, &c)| c.wrapping_add((i % 5) as u8))
                .collect();
            let n = 200_000;
            let start = cpu_ns();
            let mut acc = 0.0;
            for _ in 0..n {
                acc += black_box(damerau_levenshtein_distance(
                    black_box(&a[..]),
                    black_box(&b[..]),
                    usize::MAX,
                )) as f64;
            }
            let ns = (cpu_ns() - start) as f64 / n as f64;
            println!("DamerauLevenshtein {name}: {ns:.1} ns/call ({acc})");
        }
    }
}
