//! Optimal string alignment (OSA) distance: Levenshtein distance plus
//! transpositions of adjacent units, where no substring is edited twice.
//!
//! The kernel is Hyyrö's bit-parallel algorithm (2003), as a single 64-bit
//! word when the pattern fits, and as a multi-word (arbitrary precision)
//! version otherwise. Rows are units of the pattern `s1`, columns are units
//! of `s2`; the vertical deltas of one column are held in `vp`/`vn`.

use super::common::strip_affix;
use super::pattern::{with_word_pattern, BlockPatternMatchVector, PatternMatchVector, WordMatchVector};
use super::Metric;
use crate::unit::Unit;

/// The OSA metric. The maximum is `max(len1, len2)`, as in rapidfuzz.
#[derive(Clone, Copy, Debug, Default)]
pub struct Osa;

impl Metric for Osa {
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
        osa_distance(s1, s2, cutoff)
    }
}

/// OSA distance of `s1` and `s2`; any value above `cutoff` means "above".
pub fn osa_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], cutoff: usize) -> usize {
    // Keep the shorter sequence as the pattern (the metric is symmetric).
    if s1.len() > s2.len() {
        return osa_distance(s2, s1, cutoff);
    }
    if s2.len() - s1.len() > cutoff {
        return s2.len() - s1.len();
    }
    let (s1, s2, _, _) = strip_affix(s1, s2);
    if s1.is_empty() {
        return s2.len();
    }
    let len1 = s1.len();
    if len1 <= 64 {
        with_word_pattern!(s1, |pm| osa_word(pm, len1, s2, cutoff))
    } else {
        osa_block(&BlockPatternMatchVector::new(s1), s1.len(), s2, cutoff)
    }
}

/// OSA whose first sequence (1..=64 units) has the match vectors `pm`,
/// built once and used for every second sequence: the same exact distance
/// within the cutoff as [`Osa`] (which strips common affixes and patterns
/// the shorter side first; neither changes the distance), any value above
/// it otherwise.
pub(crate) struct CachedOsa<'p> {
    pub pm: &'p PatternMatchVector,
}

impl Metric for CachedOsa<'_> {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        len1.max(len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, _hint: usize) -> usize {
        let (len1, len2) = (s1.len(), s2.len());
        if len1.abs_diff(len2) > cutoff {
            return len1.abs_diff(len2);
        }
        osa_word(self.pm, len1, s2, cutoff)
    }
}

/// Single-word kernel: `len1` (1..=64) is the pattern length.
fn osa_word<PM: WordMatchVector, B: Unit>(pm: &PM, len1: usize, s2: &[B], cutoff: usize) -> usize {
    let mut vp: u64 = if len1 == 64 { !0 } else { (1u64 << len1) - 1 };
    let mut vn: u64 = 0;
    let mut d0: u64 = 0;
    let mut pm_prev: u64 = 0;
    let last = 1u64 << (len1 - 1);
    let mut dist = len1;
    let len2 = s2.len();

    for (j, unit) in s2.iter().enumerate() {
        let pm_j = pm.get_word(unit.value());
        // Transposition: row i matches s2[j-1] and row i-1 matches s2[j],
        // while the diagonal cell of the previous column was not a zero step.
        let tr = ((!d0 & pm_j) << 1) & pm_prev;
        d0 = ((((pm_j & vp).wrapping_add(vp)) ^ vp) | pm_j | vn) | tr;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        if hp & last != 0 {
            dist += 1;
        } else if hn & last != 0 {
            dist -= 1;
        }
        // Horizontal deltas are >= -1, so the final distance is at least
        // dist - (columns left).
        if dist > cutoff && dist - cutoff > len2 - j - 1 {
            return dist - (len2 - j - 1);
        }
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_prev = pm_j;
    }
    dist
}

/// Per-word state of the multi-word kernel.
#[derive(Clone, Copy, Default)]
struct WordState {
    vp: u64,
    vn: u64,
    d0: u64,
    pm_prev: u64,
}

/// Multi-word kernel: the single-word recurrences on a `len1`-bit integer,
/// carrying the addition and the three left shifts across words.
fn osa_block<B: Unit>(pm: &BlockPatternMatchVector, len1: usize, s2: &[B], cutoff: usize) -> usize {
    let words = pm.block_count();
    let mut state = vec![WordState::default(); words];
    for (w, st) in state.iter_mut().enumerate() {
        let bits = (len1 - w * 64).min(64);
        st.vp = if bits == 64 { !0 } else { (1u64 << bits) - 1 };
    }
    let last = 1u64 << ((len1 - 1) % 64);
    let mut dist = len1;
    let len2 = s2.len();

    for (j, unit) in s2.iter().enumerate() {
        let key = unit.value();
        let mut hp_carry = 1u64;
        let mut hn_carry = 0u64;
        let mut add_carry = false;
        let mut tr_carry = 0u64;
        for (w, st) in state.iter_mut().enumerate() {
            let pm_j = pm.get(w, key);
            let x = !st.d0 & pm_j;
            let tr = ((x << 1) | tr_carry) & st.pm_prev;
            tr_carry = x >> 63;

            let (sum, c1) = (pm_j & st.vp).overflowing_add(st.vp);
            let (sum, c2) = sum.overflowing_add(add_carry as u64);
            add_carry = c1 | c2;
            let d0 = ((sum ^ st.vp) | pm_j | st.vn) | tr;

            let hp = st.vn | !(d0 | st.vp);
            let hn = d0 & st.vp;
            if w == words - 1 {
                if hp & last != 0 {
                    dist += 1;
                } else if hn & last != 0 {
                    dist -= 1;
                }
            }
            let hp_shift = (hp << 1) | hp_carry;
            let hn_shift = (hn << 1) | hn_carry;
            hp_carry = hp >> 63;
            hn_carry = hn >> 63;

            st.vp = hn_shift | !(d0 | hp_shift);
            st.vn = hp_shift & d0;
            st.d0 = d0;
            st.pm_prev = pm_j;
        }
        if dist > cutoff && dist - cutoff > len2 - j - 1 {
            return dist - (len2 - j - 1);
        }
    }
    dist
}

/// Helpers shared by the tests of the metrics in this branch.
#[cfg(test)]
pub(crate) mod testutil {
    use crate::unit::Unit;

    /// xorshift64* generator.
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Self {
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }
        pub fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        /// Uniform-ish in `0..n`.
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Conversion from a value, for building sequences of each unit type.
    pub trait FromValue: Unit {
        fn from_value(v: u64) -> Self;
    }
    impl FromValue for u8 {
        fn from_value(v: u64) -> Self {
            if v < 256 {
                v as u8
            } else {
                (v % 7) as u8 + b'a'
            }
        }
    }
    impl FromValue for u32 {
        fn from_value(v: u64) -> Self {
            if v < 1 << 32 {
                v as u32
            } else {
                0x1F600 + (v % 5) as u32
            }
        }
    }
    impl FromValue for u64 {
        fn from_value(v: u64) -> Self {
            v
        }
    }

    /// Alphabet: mostly small values, with a few wide ones.
    pub const ALPHABET: [u64; 8] = [97, 98, 99, 100, 101, 300, 0x1F600, 1 << 40];

    /// A random sequence with length in `0..=max_len` over the first
    /// `alpha` letters of [`ALPHABET`].
    pub fn random_seq<T: FromValue>(rng: &mut Rng, max_len: usize, alpha: usize) -> Vec<T> {
        let len = rng.below(max_len + 1);
        (0..len)
            .map(|_| T::from_value(ALPHABET[rng.below(alpha)]))
            .collect()
    }

    /// Mutates a copy of `s` a little, so that pairs are often similar.
    pub fn mutate<T: FromValue>(rng: &mut Rng, s: &[T], alpha: usize) -> Vec<T> {
        let mut v: Vec<T> = s.to_vec();
        let edits = rng.below(6);
        for _ in 0..edits {
            let op = rng.below(4);
            let c = T::from_value(ALPHABET[rng.below(alpha)]);
            if v.is_empty() {
                v.push(c);
                continue;
            }
            let i = rng.below(v.len());
            match op {
                0 => v.insert(i, c),
                1 => {
                    v.remove(i);
                }
                2 => v[i] = c,
                _ => {
                    if i + 1 < v.len() {
                        v.swap(i, i + 1);
                    }
                }
            }
        }
        v
    }

    /// Converts a sequence into another unit type, keeping values.
    pub fn convert<T: Unit, U: FromValue>(s: &[T]) -> Vec<U> {
        s.iter().map(|u| U::from_value(u.value())).collect()
    }

    /// On-CPU time of the current thread in ns (Linux schedstat), so that
    /// timings are not skewed by other processes; falls back to wall time.
    pub fn cpu_ns() -> u64 {
        if let Ok(s) = std::fs::read_to_string("/proc/thread-self/schedstat") {
            if let Some(Ok(ns)) = s.split_whitespace().next().map(str::parse::<u64>) {
                return ns;
            }
        }
        use std::sync::OnceLock;
        static START: OnceLock<std::time::Instant> = OnceLock::new();
        START
            .get_or_init(std::time::Instant::now)
            .elapsed()
            .as_nanos() as u64
    }

    /// Runs `f` for all 9 unit-type combinations.
    #[macro_export]
    macro_rules! for_all_unit_pairs {
        ($f:ident) => {
            $f::<u8, u8>();
            $f::<u8, u32>();
            $f::<u8, u64>();
            $f::<u32, u8>();
            $f::<u32, u32>();
            $f::<u32, u64>();
            $f::<u64, u8>();
            $f::<u64, u32>();
            $f::<u64, u64>();
        };
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::distance::reference;
    use crate::distance::{distance, normalized_distance, normalized_similarity, similarity};

    fn check<A: FromValue, B: FromValue>() {
        let mut rng = Rng::new(
            0x05A + std::mem::size_of::<A>() as u64 * 10 + std::mem::size_of::<B>() as u64,
        );
        for iter in 0..400 {
            let max_len = [8, 70, 140, 300][iter % 4];
            let alpha = [2, 3, 5, 8][(iter / 4) % 4];
            let s1: Vec<A> = random_seq(&mut rng, max_len, alpha);
            let s2: Vec<B> = if rng.below(2) == 0 {
                mutate(&mut rng, &convert::<A, B>(&s1), alpha)
            } else {
                random_seq(&mut rng, max_len, alpha)
            };
            let expected = reference::osa(&s1, &s2);
            assert_eq!(
                distance(&Osa, &s1, &s2, None, None),
                expected,
                "{s1:?} {s2:?}"
            );
            assert_eq!(distance(&Osa, &s2, &s1, None, None), expected);
            let max = s1.len().max(s2.len());
            let cutoff = rng.below(max + 2);
            let want = if expected <= cutoff {
                expected
            } else {
                cutoff + 1
            };
            assert_eq!(
                distance(&Osa, &s1, &s2, Some(cutoff), None),
                want,
                "{s1:?} {s2:?} {cutoff}"
            );
            let sim_cut = rng.below(max + 2);
            let sim = max - expected;
            let want = if sim >= sim_cut { sim } else { 0 };
            assert_eq!(similarity(&Osa, &s1, &s2, Some(sim_cut), None), want);
        }
    }

    #[test]
    fn random_against_reference() {
        crate::for_all_unit_pairs!(check);
    }

    #[test]
    fn known_values() {
        // Values from rapidfuzz 3.14.6 (rapidfuzz.distance.OSA).
        assert_eq!(distance(&Osa, b"ca", b"abc", None, None), 3);
        assert_eq!(normalized_similarity(&Osa, b"ca", b"abc", None, None), 0.0);
        assert_eq!(similarity(&Osa, b"", b"", None, None), 0);
        assert_eq!(normalized_distance(&Osa, b"", b"", None, None), 0.0);
        assert_eq!(normalized_similarity(&Osa, b"", b"", None, None), 1.0);
        assert_eq!(distance(&Osa, b"abcdef", b"badcfe", Some(2), None), 3);
        assert_eq!(similarity(&Osa, b"abcdef", b"badcfe", Some(4), None), 0);
        assert_eq!(similarity(&Osa, b"abc", b"abc", Some(5), None), 0);
        for &(a, b, d) in OSA_TABLE {
            assert_eq!(
                distance(&Osa, a.as_bytes(), b.as_bytes(), None, None),
                d,
                "{a} {b}"
            );
        }
    }

    /// (s1, s2, rapidfuzz OSA.distance)
    const OSA_TABLE: &[(&str, &str, usize)] = &[
        ("CA", "ABC", 3),
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
        ("cdbbaeabeccbeecacbdddabadddcbdcdcacaccdabacccaddeacdcacaacbbcdecbcdadeebaaddebcdaebbddcccccdbcdedabbabedebdcddbebbabceacbccebadddebdcc", "cecbeebacbddddcabaddedaadeddbabbbeadaeaabbeacbcedaaaceebdcbeaaecdccbdebebadcaabddacbdcbdacdcdbaceabdbcbbdbccaedebbddaebdabaebdaabddcaab", 82),
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
                acc += black_box(osa_distance(
                    black_box(&a[..]),
                    black_box(&b[..]),
                    usize::MAX,
                )) as f64;
            }
            let ns = (cpu_ns() - start) as f64 / n as f64;
            println!("OSA {name}: {ns:.1} ns/call ({acc})");
        }
    }
}
