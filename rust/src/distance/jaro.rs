//! Jaro similarity, with rapidfuzz's exact rules and arithmetic.
//!
//! Jaro is float-valued, so it does not implement [`super::Metric`]. Its
//! four forms follow rapidfuzz-cpp (`SimilarityBase` with maximum 1.0):
//!
//! - `similarity(s1, s2, c)`: the similarity, or 0.0 when below `c`.
//!   Both sequences empty gives 1.0 (checked after `c > 1.0`, which gives 0.0).
//! - `distance(s1, s2, c)`: `1 - similarity(s1, s2, 1 - c)` (similarity
//!   cutoff 0 when `c > 1`), or 1.0 when above `c`.
//! - `normalized_distance(s1, s2, c)`: `distance(s1, s2, ceil(c))`, then 1.0
//!   when above `c`. Equal to `distance` in value.
//! - `normalized_similarity(s1, s2, c)`: `1 - normalized_distance(s1, s2,
//!   min(1, 1 - c + 1e-5))`, or 0.0 when below `c`. This is `1 - (1 - sim)`,
//!   which may differ from `similarity` in the last bit, as in rapidfuzz.
//!
//! Matching units are flagged within the window `max(len1, len2) / 2 - 1`:
//! for each unit of `s2` in order, the first unflagged equal unit of `s1`
//! in the window is flagged. With both (trimmed) sequences within 64 units,
//! the flagging is bit-parallel on one word (mask the window, take the
//! lowest set bit); otherwise it scans the window's words of a
//! [`BlockPatternMatchVector`].

use super::common::common_prefix;
use super::multi_jaro::JaroCounts;
use super::pattern::{with_word_pattern, BlockPatternMatchVector, PatternMatchVector, WordMatchVector};
use crate::unit::Unit;

/// The Jaro score from its counts, in rapidfuzz's order of operations.
#[inline(always)]
fn calculate(p_len: usize, t_len: usize, common: usize, transpositions: usize) -> f64 {
    let t = (transpositions / 2) as f64;
    let c = common as f64;
    let mut sim = 0.0;
    sim += c / p_len as f64;
    sim += c / t_len as f64;
    sim += (c - t) / c;
    sim / 3.0
}

/// Largest numerator and denominator in [`quotients`].
const QUOTIENT_MAX: usize = 64;

/// `a as f64 / b as f64` at `[a][b]`, for `a, b <= QUOTIENT_MAX`.
fn quotients() -> &'static [[f64; QUOTIENT_MAX + 1]; QUOTIENT_MAX + 1] {
    static TABLE: std::sync::OnceLock<Box<[[f64; QUOTIENT_MAX + 1]; QUOTIENT_MAX + 1]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Box::new([[0.0; QUOTIENT_MAX + 1]; QUOTIENT_MAX + 1]);
        for (a, row) in t.iter_mut().enumerate() {
            for (b, q) in row.iter_mut().enumerate() {
                *q = a as f64 / b as f64;
            }
        }
        t
    })
}

/// The similarity [`similarity`] gives for sequences of `p_len` and `t_len`
/// units with `common` matching units and `transpositions`
/// half-transpositions (as flagged over the whole, untrimmed sequences),
/// with the same cutoff rules. The filters of [`similarity`] only bound the
/// score from above, so skipping them does not change the result.
#[inline(always)]
pub(crate) fn similarity_from_counts(
    p_len: usize,
    t_len: usize,
    common: usize,
    transpositions: usize,
    score_cutoff: f64,
) -> f64 {
    if score_cutoff > 1.0 {
        return 0.0;
    }
    if p_len == 0 && t_len == 0 {
        return 1.0;
    }
    if common == 0 {
        return 0.0;
    }
    let sim = if p_len <= QUOTIENT_MAX && t_len <= QUOTIENT_MAX {
        // calculate's three quotients, from a table: the same values.
        let q = quotients();
        let t = transpositions / 2;
        let mut sim = 0.0;
        sim += q[common][p_len];
        sim += q[common][t_len];
        sim += q[common - t][common];
        sim / 3.0
    } else {
        calculate(p_len, t_len, common, transpositions)
    };
    if sim >= score_cutoff {
        sim
    } else {
        0.0
    }
}

/// Upper bound from the lengths alone: can `score_cutoff` be reached?
#[inline]
fn length_filter(p_len: usize, t_len: usize, score_cutoff: f64) -> bool {
    if p_len == 0 || t_len == 0 {
        return false;
    }
    let min_len = p_len.min(t_len) as f64;
    let sim = (min_len / p_len as f64 + min_len / t_len as f64 + 1.0) / 3.0;
    sim >= score_cutoff
}

/// Upper bound from the number of common units (no transpositions).
#[inline]
fn common_char_filter(p_len: usize, t_len: usize, common: usize, score_cutoff: f64) -> bool {
    if common == 0 {
        return false;
    }
    let c = common as f64;
    let mut sim = 0.0;
    sim += c / p_len as f64;
    sim += c / t_len as f64;
    sim += 1.0;
    sim /= 3.0;
    sim >= score_cutoff
}

/// Mask of the `n` lowest bits (all bits for `n >= 64`).
#[inline(always)]
fn lsb_mask(n: usize) -> u64 {
    if n >= 64 {
        !0
    } else {
        (1u64 << n) - 1
    }
}

/// The search window `bound`, and the sequences as the flagging sees them:
/// units of the longer one beyond the shorter's length plus the window can
/// never match and are cut, and the common prefix (which matches position
/// by position, without transpositions) is taken off both; its length is
/// returned. Both sequences must hold at least one unit, and one of them two.
#[inline]
fn window<'a, 'b, A: Unit, B: Unit>(s1: &'a [A], s2: &'b [B]) -> (usize, usize, &'a [A], &'b [B]) {
    let (p_len, t_len) = (s1.len(), s2.len());
    let bound = p_len.max(t_len) / 2 - 1;
    let (mut p, mut t) = (s1, s2);
    if t_len > p_len {
        t = &t[..t_len.min(p_len + bound)];
    } else {
        p = &p[..p_len.min(t_len + bound)];
    }
    let prefix = common_prefix(p, t);
    (bound, prefix, &p[prefix..], &t[prefix..])
}

/// Jaro similarity of `s1` and `s2`, or 0.0 when below `score_cutoff`.
pub fn similarity<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    let p_len = s1.len();
    let t_len = s2.len();

    if score_cutoff > 1.0 {
        return 0.0;
    }
    if p_len == 0 && t_len == 0 {
        return 1.0;
    }
    if !length_filter(p_len, t_len, score_cutoff) {
        return 0.0;
    }
    if p_len == 1 && t_len == 1 {
        return if s1[0].value() == s2[0].value() {
            1.0
        } else {
            0.0
        };
    }

    let (bound, prefix, p, t) = window(s1, s2);
    let mut common = prefix;
    let mut transpositions = 0;

    if !p.is_empty() && !t.is_empty() {
        if p.len() <= 64 && t.len() <= 64 {
            let counts = with_word_pattern!(p, |pm| word_counts(pm, t, bound, |c| {
                common_char_filter(p_len, t_len, common + c, score_cutoff)
            }));
            match counts {
                Some((c, tr)) => {
                    common += c;
                    transpositions = tr;
                }
                None => return 0.0,
            }
        } else {
            let pm = BlockPatternMatchVector::new(p);
            let (p_flag, t_flag) = flag_block(&pm, p.len(), t, bound);
            common += t_flag
                .iter()
                .map(|w| w.count_ones() as usize)
                .sum::<usize>();
            if !common_char_filter(p_len, t_len, common, score_cutoff) {
                return 0.0;
            }
            transpositions = transpositions_block(&pm, t, &p_flag, &t_flag);
        }
    }

    let sim = calculate(p_len, t_len, common, transpositions);
    if sim >= score_cutoff {
        sim
    } else {
        0.0
    }
}

/// The match vectors of a whole first sequence (at most 64 units) seen as
/// those of its units `shift..shift + len`: what [`similarity`] builds for
/// its pattern after trimming and removing the common prefix.
struct Shifted<'p> {
    pm: &'p PatternMatchVector,
    shift: usize,
    mask: u64,
}

impl WordMatchVector for Shifted<'_> {
    #[inline(always)]
    fn get_word(&self, key: u64) -> u64 {
        (self.pm.get(key) >> self.shift) & self.mask
    }
}

/// The Jaro counts of `s1` (1..=64 units, whose match vectors are `pm`,
/// built once for many second sequences) and `s2`, found exactly as
/// [`similarity`] finds them (the same trimming, common prefix and
/// flagging), for [`crate::scorer::Scorer::jaro_from_counts`]; the
/// Jaro-Winkler prefix included. None when `similarity` would take its
/// special cases (a sequence of at most one unit) or its multi-word path.
pub(crate) fn counts_with_pattern<A: Unit, B: Unit>(pm: &PatternMatchVector, s1: &[A], s2: &[B]) -> Option<JaroCounts> {
    let (p_len, t_len) = (s1.len(), s2.len());
    if p_len < 2 || t_len < 2 || p_len > 64 {
        return None;
    }
    let (bound, prefix, p, t) = window(s1, s2);
    if t.len() > 64 {
        return None;
    }
    let mut common = prefix;
    let mut transpositions = 0;
    if !p.is_empty() && !t.is_empty() {
        let pm = Shifted { pm, shift: prefix, mask: lsb_mask(p.len()) };
        let (p_flag, t_flag) = flag_word(&pm, t, bound);
        common += p_flag.count_ones() as usize;
        transpositions = transpositions_word(&pm, t, p_flag, t_flag);
    }
    // Jaro-Winkler's prefix: on the whole sequences, at most 4 units.
    let max_prefix = p_len.min(t_len).min(4);
    let jw_prefix = common_prefix(&s1[..max_prefix], &s2[..max_prefix]);
    Some(JaroCounts { p_len, t_len, common, transpositions, prefix: jw_prefix })
}

/// Single-word flagging and counting: the number of common units found
/// and of half-transpositions, or `None` when `filter(common)` rejects.
#[inline(always)]
fn word_counts<PM: WordMatchVector, B: Unit>(
    pm: &PM,
    t: &[B],
    bound: usize,
    filter: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let (p_flag, t_flag) = flag_word(pm, t, bound);
    let common = p_flag.count_ones() as usize;
    if !filter(common) {
        return None;
    }
    Some((common, transpositions_word(pm, t, p_flag, t_flag)))
}

/// Flags matches with the pattern in one word: returns the flags of the
/// pattern positions and of the text positions.
#[inline]
fn flag_word<PM: WordMatchVector, B: Unit>(pm: &PM, t: &[B], bound: usize) -> (u64, u64) {
    let mut p_flag = 0u64;
    let mut t_flag = 0u64;
    // Window of text position j: pattern positions j - bound ..= j + bound.
    let mut window = lsb_mask(bound + 1);
    for (j, unit) in t.iter().enumerate() {
        let candidates = pm.get_word(unit.value()) & window & !p_flag;
        // Lowest candidate (blsi).
        p_flag |= candidates & candidates.wrapping_neg();
        t_flag |= ((candidates != 0) as u64) << j;
        window = if j < bound {
            (window << 1) | 1
        } else {
            window << 1
        };
    }
    (p_flag, t_flag)
}

/// Half-transpositions: flagged units that differ when the k-th flagged
/// text unit is paired with the k-th flagged pattern unit.
#[inline]
fn transpositions_word<PM: WordMatchVector, B: Unit>(
    pm: &PM,
    t: &[B],
    mut p_flag: u64,
    mut t_flag: u64,
) -> usize {
    let mut count = 0;
    while t_flag != 0 {
        let p_bit = p_flag & p_flag.wrapping_neg();
        let j = t_flag.trailing_zeros() as usize;
        count += (pm.get_word(t[j].value()) & p_bit == 0) as usize;
        t_flag &= t_flag - 1;
        p_flag ^= p_bit;
    }
    count
}

/// Multi-word flagging: for each text unit, scans the words of its window.
#[allow(clippy::needless_range_loop)]
fn flag_block<B: Unit>(
    pm: &BlockPatternMatchVector,
    p_len: usize,
    t: &[B],
    bound: usize,
) -> (Vec<u64>, Vec<u64>) {
    let mut p_flag = vec![0u64; p_len.div_ceil(64)];
    let mut t_flag = vec![0u64; t.len().div_ceil(64)];
    for (j, unit) in t.iter().enumerate() {
        let lo = j.saturating_sub(bound);
        if lo >= p_len {
            break;
        }
        let hi = (j + bound).min(p_len - 1);
        let key = unit.value();
        let (w_lo, w_hi) = (lo / 64, hi / 64);
        for w in w_lo..=w_hi {
            let mut candidates = pm.get(w, key) & !p_flag[w];
            if w == w_lo {
                candidates &= !0u64 << (lo % 64);
            }
            if w == w_hi {
                candidates &= lsb_mask(hi % 64 + 1);
            }
            if candidates != 0 {
                p_flag[w] |= candidates & candidates.wrapping_neg();
                t_flag[j / 64] |= 1u64 << (j % 64);
                break;
            }
        }
    }
    (p_flag, t_flag)
}

fn transpositions_block<B: Unit>(
    pm: &BlockPatternMatchVector,
    t: &[B],
    p_flag: &[u64],
    t_flag: &[u64],
) -> usize {
    let mut count = 0;
    let mut p_word = 0;
    let mut p_bits = p_flag.first().copied().unwrap_or(0);
    for (t_word, &bits) in t_flag.iter().enumerate() {
        let mut t_bits = bits;
        while t_bits != 0 {
            while p_bits == 0 {
                p_word += 1;
                p_bits = p_flag[p_word];
            }
            let p_bit = p_bits & p_bits.wrapping_neg();
            let j = t_word * 64 + t_bits.trailing_zeros() as usize;
            count += (pm.get(p_word, t[j].value()) & p_bit == 0) as usize;
            t_bits &= t_bits - 1;
            p_bits ^= p_bit;
        }
    }
    count
}

/// `1 - similarity`, or 1.0 when above `score_cutoff` (rapidfuzz's
/// `SimilarityBase::_distance` with maximum 1.0).
pub fn distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    sim_to_distance(|c| similarity(s1, s2, c), score_cutoff)
}

/// Same value as [`distance`], computed along rapidfuzz's
/// `NormalizedMetricBase::_normalized_distance` path.
pub fn normalized_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    sim_to_normalized_distance(|c| similarity(s1, s2, c), score_cutoff)
}

/// `1 - normalized_distance`, or 0.0 when below `score_cutoff`.
pub fn normalized_similarity<A: Unit, B: Unit>(s1: &[A], s2: &[B], score_cutoff: f64) -> f64 {
    sim_to_normalized_similarity(|c| similarity(s1, s2, c), score_cutoff)
}

/// rapidfuzz's distance from a similarity with maximum 1.0.
#[inline(always)]
pub(crate) fn sim_to_distance(sim: impl Fn(f64) -> f64, score_cutoff: f64) -> f64 {
    let cutoff_similarity = if 1.0 >= score_cutoff {
        1.0 - score_cutoff
    } else {
        0.0
    };
    let dist = 1.0 - sim(cutoff_similarity);
    if dist <= score_cutoff {
        dist
    } else {
        1.0
    }
}

/// rapidfuzz's normalized distance from a similarity with maximum 1.0.
#[inline(always)]
pub(crate) fn sim_to_normalized_distance(sim: impl Fn(f64) -> f64, score_cutoff: f64) -> f64 {
    // maximum * score_cutoff, rounded up, is the distance cutoff.
    let cutoff_distance = (1.0 * score_cutoff).ceil();
    let norm_dist = sim_to_distance(sim, cutoff_distance) / 1.0;
    if norm_dist <= score_cutoff {
        norm_dist
    } else {
        1.0
    }
}

/// rapidfuzz's normalized similarity from a similarity with maximum 1.0.
#[inline(always)]
pub(crate) fn sim_to_normalized_similarity(sim: impl Fn(f64) -> f64, score_cutoff: f64) -> f64 {
    let cutoff_score = super::norm_sim_to_norm_dist(score_cutoff);
    let norm_sim = 1.0 - sim_to_normalized_distance(sim, cutoff_score);
    if norm_sim >= score_cutoff {
        norm_sim
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::osa::testutil::*;
    use crate::distance::reference;

    fn check<A: FromValue, B: FromValue>() {
        let mut rng =
            Rng::new(0x7A + std::mem::size_of::<A>() as u64 * 10 + std::mem::size_of::<B>() as u64);
        for iter in 0..600 {
            let max_len = [6, 70, 140, 300][iter % 4];
            let alpha = [2, 3, 5, 8][(iter / 4) % 4];
            let s1: Vec<A> = random_seq(&mut rng, max_len, alpha);
            let s2: Vec<B> = if rng.below(2) == 0 {
                mutate(&mut rng, &convert::<A, B>(&s1), alpha)
            } else {
                random_seq(&mut rng, max_len, alpha)
            };
            let expected = reference::jaro(&s1, &s2);
            let got = similarity(&s1, &s2, 0.0);
            assert_eq!(got.to_bits(), expected.to_bits(), "{s1:?} {s2:?}");
            assert_eq!(similarity(&s2, &s1, 0.0).to_bits(), expected.to_bits());
            // Cutoffs, including exactly at the score.
            for c in [expected, rng.below(1001) as f64 / 1000.0] {
                let want = if expected >= c { expected } else { 0.0 };
                assert_eq!(
                    similarity(&s1, &s2, c).to_bits(),
                    want.to_bits(),
                    "{s1:?} {s2:?} {c}"
                );
                let d = 1.0 - expected;
                let want = if d <= c { d } else { 1.0 };
                assert_eq!(distance(&s1, &s2, c), want);
                assert_eq!(normalized_distance(&s1, &s2, c), want);
            }
        }
    }

    #[test]
    fn random_against_reference() {
        crate::for_all_unit_pairs!(check);
    }

    fn s(x: &str) -> Vec<u32> {
        x.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn edge_cases() {
        // rapidfuzz 3.14.6: Jaro.similarity("", "") == 1.0, ("", "a") == 0.0.
        let e: &[u8] = b"";
        assert_eq!(similarity(e, e, 0.0), 1.0);
        assert_eq!(similarity(e, b"a", 0.0), 0.0);
        assert_eq!(distance(e, e, 1.0), 0.0);
        assert_eq!(distance(e, b"a", 1.0), 1.0);
        assert_eq!(similarity(e, e, 0.5), 1.0);
        assert_eq!(distance(e, e, 0.0), 0.0);
        assert_eq!(similarity(e, e, f64::NAN), 1.0);
        assert_eq!(distance(e, e, f64::NAN), 1.0);
        assert_eq!(normalized_similarity(e, e, f64::NAN), 0.0);
        assert_eq!(normalized_distance(b"ab", b"ab", f64::NAN), 1.0);
        assert_eq!(similarity(b"abc", b"abd", f64::NAN), 0.0);
        assert_eq!(similarity(b"abc", b"abc", 1.5), 0.0);
        assert_eq!(similarity(b"a", b"a", 0.0), 1.0);
        assert_eq!(similarity(b"a", b"b", 0.0), 0.0);
        assert_eq!(similarity(b"a", b"ab", 0.0), 0.8333333333333334);
        assert_eq!(similarity(b"b", b"ab", 0.0), 0.0);
        assert_eq!(similarity(b"ab", b"ba", 0.0), 0.0);
        assert_eq!(similarity(b"abc", b"abc", 1.0), 1.0);
        assert_eq!(distance(b"abc", b"abc", 0.0), 0.0);
        assert_eq!(distance(b"abc", b"abd", 0.0), 1.0);
        assert_eq!(distance(b"abc", b"xyz", 0.5), 1.0);
        assert_eq!(
            similarity(&s("ab\u{1F600}c"), &[97u64, 0x1F600, 98, 99], 0.0),
            reference::jaro(&s("ab\u{1F600}c"), &[97u64, 0x1F600, 98, 99])
        );
    }

    #[test]
    fn rapidfuzz_values() {
        for &(a, b, sim, nsim) in JARO_TABLE {
            let (a, b) = (s(a), s(b));
            assert_eq!(
                similarity(&a, &b, 0.0).to_bits(),
                sim.to_bits(),
                "{a:?} {b:?}"
            );
            assert_eq!(
                normalized_similarity(&a, &b, 0.0).to_bits(),
                nsim.to_bits(),
                "{a:?} {b:?}"
            );
            assert_eq!(distance(&a, &b, 1.0).to_bits(), (1.0 - sim).to_bits());
            assert_eq!(
                normalized_distance(&a, &b, 1.0).to_bits(),
                (1.0 - sim).to_bits()
            );
        }
        for &(a, b, c, sim, dist, nsim, ndist) in JARO_CUTOFF_TABLE {
            let (a, b) = (s(a), s(b));
            assert_eq!(
                similarity(&a, &b, c).to_bits(),
                sim.to_bits(),
                "sim {a:?} {b:?} {c}"
            );
            assert_eq!(
                distance(&a, &b, c).to_bits(),
                dist.to_bits(),
                "dist {a:?} {b:?} {c}"
            );
            assert_eq!(
                normalized_similarity(&a, &b, c).to_bits(),
                nsim.to_bits(),
                "nsim {a:?} {b:?} {c}"
            );
            assert_eq!(
                normalized_distance(&a, &b, c).to_bits(),
                ndist.to_bits(),
                "ndist {a:?} {b:?} {c}"
            );
        }
    }

    /// (s1, s2, Jaro.similarity, Jaro.normalized_similarity) from rapidfuzz 3.14.6.
    const JARO_TABLE: &[(&str, &str, f64, f64)] = &[
        ("MARTHA", "MARHTA", 0.9444444444444445, 0.9444444444444445),
        ("DWAYNE", "DUANE", 0.8222222222222223, 0.8222222222222223),
        ("DIXON", "DICKSONX", 0.7666666666666666, 0.7666666666666666),
        ("", "", 1.0, 1.0),
        ("", "a", 0.0, 0.0),
        ("a", "", 0.0, 0.0),
        ("a", "a", 1.0, 1.0),
        ("ab", "ba", 0.0, 0.0),
        ("abc", "bca", 0.0, 0.0),
        ("CRATE", "TRACE", 0.7333333333333334, 0.7333333333333334),
        ("JONES", "JOHNSON", 0.7904761904761904, 0.7904761904761904),
        ("abcdxyz", "abcdzyx", 0.9523809523809524, 0.9523809523809524),
        ("héllo wörld", "hello world", 0.8787878787878789, 0.8787878787878789),
        ("😀ab", "😀ba", 0.5555555555555555, 0.5555555555555555),
        ("Brian", "Jesus", 0.0, 0.0),
        ("hhijdcih", "cbhecbiajghj", 0.5472222222222222, 0.5472222222222222),
        ("acaaaaaca", "bcaca", 0.5333333333333333, 0.5333333333333333),
        ("aadcdea", "becaa", 0.565079365079365, 0.565079365079365),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 0.8555555555555556, 0.8555555555555556),
        ("", "a", 0.0, 0.0),
        ("daejea", "dajejea", 0.8968253968253969, 0.8968253968253969),
        ("aaabeb", "aaaeb", 0.8777777777777779, 0.8777777777777779),
        ("xé", "éééé", 0.5833333333333334, 0.5833333333333334),
        ("xxa", "xxa", 1.0, 1.0),
        ("", "b", 0.0, 0.0),
        ("babbdeee", "bbbdeee", 0.9583333333333334, 0.9583333333333334),
        ("dbaabc", "bdbc", 0.8055555555555555, 0.8055555555555555),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.6444444444444444, 0.6444444444444444),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.9317460317460317, 0.9317460317460317),
        ("bcbacbaabacbaaabbacabaabbbabbccbcbccbbaabcaccbcbbccacabbaabaaac", "bcbacbaabacbaaabbacabaabbbabbccbcbccbbaabcaccbcbbccacabbaabaaac", 1.0, 1.0),
        ("😀aééx😀éaxaéé😀😀éxéaxxéxxéax😀x😀éaaééxa😀😀😀a😀aax😀x😀xaéaxaé😀éxéxxaéx😀é😀😀x", "é😀é😀xéxaaxaaxaxaéaxxx😀éxxé😀xx😀aéxa😀éaaéééa😀😀😀éxaxa😀éxaxxéééééé😀é😀😀é", 0.8352584503950834, 0.8352584503950834),
        ("aaaaacabbabbccaabccaaaccbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbbcbbac", "aaaaacabbabbbccaabccaaacabbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbcbbac", 0.9037228200118586, 0.9037228200118586),
        ("jdijfeebcgcfifgcgdcbfehbafjadeefdgjcibgihdbgjabjbdehgiadgabeeefiiig", "bhbijagcghchijjaghgeigjefieheieeaadjacggafgajfbdghedaibhcdjbajghbda", 0.728671457527179, 0.728671457527179),
        ("bacdbddecedcebcbbdaeceeccceeebcbbbebaaaccdaeaabecaabebcddcbccdbaad", "bddcdbcbeccebdceadcaeadeeddcaacbeacdccbbcccacdeecdecdcbdebaccacdedb", 0.7585953803550033, 0.7585953803550033),
        ("xéééax😀aéaé😀axa😀a😀a😀a😀aaéaxééx😀xx😀😀😀éxxaax😀axaxa😀aaxxéééxé😀éxx😀", "xéééax😀aéaé😀axa😀a😀a😀a😀aaéaxééx😀xx😀😀😀éxxaax😀axaxa😀aaxxéééxé😀éxx😀", 1.0, 1.0),
        ("beccahajhafbdcfdjdjhjidhcegceiihehgfibhdgadcgiieadahfhdgjcgcfceicjeiiacjcadccbfejibhhbjiieadgdbhdaigihcefegbiehbfbcbghb", "ghdejbhadjcegiefgibeddgbfeejhfhgbbcjbcccdgahjbbdacbggbfgicdcghfgjagjfdjiaefdfehbigdifebjceieidfjiicj", 0.7419059797832177, 0.7419059797832177),
        ("ccacaccaaaabcbcbbabbbabcaaccccacbacbcaaabcbacbaaccababacabccbcccaaabbaacbacbabcabacbacaccabbcabbbcccbbbbcbbacacbccbbababccbcbcbbcaaab", "ccacaccaaaabcbcbbbabbabcaabccccacbacbcaaabcbacbaaccababacabccbcccaaabbaacbacbacabacbacaccabbcabbbcccbbbbcbbacacbccbbababccbcbcbbcaaab", 0.9498746867167919, 0.9498746867167919),
        ("debbdeaaaebaeedacbcacbaddedbcebacadcccdbdbbcabccdabebebbaacccdbcddabbcabcbbeccceaeebcbbcbadadeaeaaeececdeabcbbbceabbaededadabaeccdaece", "eebebaedbdecbcdebeedcabeaedbcbeaeddedcaaabeeebebacdaceecedaebdcbbdedacddcbabdebbdeaabdebadecddaaebccaebddabcccebabdeaceebddbddabdcbbebdbdbed", 0.7778745497693133, 0.7778745497693133),
        ("ddbdbeddaaccceaebcedebcacabcbbaacddadcceacdebdabbeebabcdddebeeccddbbceddbdecbacccebbaadeacabecacbcadaddaddccdcbbdbdbcbeacdbdececad", "ddbdbeddaaccceaebcedebcacabcbbaacddadcceacdebdabbeebabcdddebeeccddbbceddbdecbacccebbaadeacabecacbcadaddaddccdcbbdbdbcbeacdbdececad", 1.0, 1.0),
        ("aghjehfebaafffjeechgjffajdbajigjgbebhhggacieehfhacjdededdiaigadihibjifefbafdgcdccfjhjefgefihddffcicbbbebhihacjghafegi", "eeffcfdjcjgcjeccdgjedcahjceegeggcacbadefibgfaihcfbehedgjgcjgdiechcbiehgbcfaejjcegefdbhdfieiacbaebacfhcdghagfigiadijjeededhjac", 0.7461074876220506, 0.7461074876220506),
        ("aaabbababaaabababbbabbbbaaaabbbbbbbbbababbaaaaabaabaaabbabaabababaaabaabbbabbababbabaabaabbbaabbbbbabaabbbaababbbbabbaabaaaaaabbaaabbbbaababbaaabbaabaaabaababababababbaaababbabbbaaaaabaababbbbaaaabbbaaabbbbbbaaabbabababababbabababbbbbbbaaabbabbbbbaaabaabababaa", "aaabbababaaabababbbabbbbaaaabbbbbbbbbababbaaaaabaabaaabbabaabababaaabaabbbabbababbabaabaabbbaabbbbbabaabbbaababbbbabbaabaaaaaabbaaabbbbaababbaaabbaabaaabaababababababbaaababbabbbaaaaabaababbbbaaaabbbaaabbbbbbaaabbabababababbabababbbbbbbaaabbabbbbbaaabaabababa", 0.9987179487179487, 0.9987179487179487),
        ("bbacccaaabcbcaccabbacbacaaaccccbccbabbaabbaabbcccaabccaacaacaccbbbaacbbaacbacabaacaaccabcccabaaaacccbabccababbccabbbaabcacbbbaccaccabcbbccbababbbbcbbbaabcaacbcbbacacbabbbacccbcabbcaaccbabccbbaccababacb", "bbacccaaabcbcaccabbacbacaaaccccbccbabbaabbaabbcccaabccaacaacaccbbbaacbbaacbacabaacaaccabcccabaaaacccbabccababbccabbbaabcacbbbaccaccabcbbccbababbbbcbbbaabcaacbcbbacacbabbbacccbcabbcaaccbabccbbaccababacb", 1.0, 1.0),
        ("cbbcbbabccaababbabaabcbababcacabccaccaccacbbbccaaabcabbcbabbccaabcccacabbcccaaabbcaaabbbabbaccbbbcbcbaccacbaabacbbcccbbccbbcabcbbacbacbbcbcababbacabcacabcbbbaaacacbcaacbcacbbbabbbaaaaacccbaaacabcbbacbccbaabaacbcbbbca", "cbbcbbabccaababbabaabcbababcacabccaccaccacbbbccaaabcabbcbabbccaabcccacabbcccaaabbcaaabbbabbaccbbbcbcbaccacbaabacbbcccbbccbbcabcbbacbacbbcbcababbacabcacabcbbbaaacacbcaacbcacbbbabbbaaaaacccbaaacabcbbacbccbaabaacbcbbbca", 1.0, 1.0),
    ];

    /// (s1, s2, cutoff, similarity, distance, normalized_similarity,
    /// normalized_distance), each called with `score_cutoff=cutoff`, from
    /// rapidfuzz 3.14.6. Cutoffs are exactly representable as f32, since
    /// rapidfuzz's Python layer rounds cutoffs to f32.
    #[allow(clippy::type_complexity)]
    const JARO_CUTOFF_TABLE: &[(&str, &str, f64, f64, f64, f64, f64)] = &[
        ("MARTHA", "MARHTA", 0.0, 0.9444444444444445, 1.0, 0.9444444444444445, 1.0),
        ("MARTHA", "MARHTA", 0.0555555522441864, 0.9444444444444445, 1.0, 0.9444444444444445, 1.0),
        ("MARTHA", "MARHTA", 0.0555555559694767, 0.9444444444444445, 0.05555555555555547, 0.9444444444444445, 0.05555555555555547),
        ("MARTHA", "MARHTA", 0.699999988079071, 0.9444444444444445, 0.05555555555555547, 0.9444444444444445, 0.05555555555555547),
        ("MARTHA", "MARHTA", 0.9444444179534912, 0.9444444444444445, 0.05555555555555547, 0.9444444444444445, 0.05555555555555547),
        ("MARTHA", "MARHTA", 0.944444477558136, 0.0, 0.05555555555555547, 0.0, 0.05555555555555547),
        ("DWAYNE", "DUANE", 0.0, 0.8222222222222223, 1.0, 0.8222222222222223, 1.0),
        ("DWAYNE", "DUANE", 1.0, 0.0, 0.1777777777777777, 0.0, 0.1777777777777777),
        ("DIXON", "DICKSONX", 0.23333331942558289, 0.7666666666666666, 1.0, 0.7666666666666666, 1.0),
        ("DIXON", "DICKSONX", 0.23333333432674408, 0.7666666666666666, 0.2333333333333334, 0.7666666666666666, 0.2333333333333334),
        ("DIXON", "DICKSONX", 0.7666666507720947, 0.7666666666666666, 0.2333333333333334, 0.7666666666666666, 0.2333333333333334),
        ("", "", 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("", "", 1.0, 1.0, 0.0, 1.0, 0.0),
        ("", "a", 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 1.0, 0.0, 1.0, 0.0, 1.0),
        ("a", "", 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("a", "a", 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("a", "a", 1.0, 1.0, 0.0, 1.0, 0.0),
        ("ab", "ba", 0.0, 0.0, 1.0, 0.0, 1.0),
        ("ab", "ba", 1.0, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("CRATE", "TRACE", 0.2666666507720947, 0.7333333333333334, 1.0, 0.7333333333333334, 1.0),
        ("CRATE", "TRACE", 0.699999988079071, 0.7333333333333334, 0.2666666666666666, 0.7333333333333334, 0.2666666666666666),
        ("CRATE", "TRACE", 0.7333333492279053, 0.0, 0.2666666666666666, 0.0, 0.2666666666666666),
        ("CRATE", "TRACE", 1.0, 0.0, 0.2666666666666666, 0.0, 0.2666666666666666),
        ("JONES", "JOHNSON", 0.0, 0.7904761904761904, 1.0, 0.7904761904761904, 1.0),
        ("JONES", "JOHNSON", 0.20952379703521729, 0.7904761904761904, 1.0, 0.7904761904761904, 1.0),
        ("JONES", "JOHNSON", 0.20952381193637848, 0.7904761904761904, 0.20952380952380956, 0.7904761904761904, 0.20952380952380956),
        ("JONES", "JOHNSON", 0.7904761433601379, 0.7904761904761904, 0.20952380952380956, 0.7904761904761904, 0.20952380952380956),
        ("JONES", "JOHNSON", 0.7904762029647827, 0.0, 0.20952380952380956, 0.0, 0.20952380952380956),
        ("JONES", "JOHNSON", 1.0, 0.0, 0.20952380952380956, 0.0, 0.20952380952380956),
        ("abcdxyz", "abcdzyx", 0.0, 0.9523809523809524, 1.0, 0.9523809523809524, 1.0),
        ("abcdxyz", "abcdzyx", 0.0476190485060215, 0.9523809523809524, 0.04761904761904756, 0.9523809523809524, 0.04761904761904756),
        ("abcdxyz", "abcdzyx", 0.952380895614624, 0.9523809523809524, 0.04761904761904756, 0.9523809523809524, 0.04761904761904756),
        ("abcdxyz", "abcdzyx", 1.0, 0.0, 0.04761904761904756, 0.0, 0.04761904761904756),
        ("héllo wörld", "hello world", 0.0, 0.8787878787878789, 1.0, 0.8787878787878789, 1.0),
        ("héllo wörld", "hello world", 0.12121211737394333, 0.8787878787878789, 1.0, 0.8787878787878789, 1.0),
        ("héllo wörld", "hello world", 0.699999988079071, 0.8787878787878789, 0.1212121212121211, 0.8787878787878789, 0.1212121212121211),
        ("héllo wörld", "hello world", 0.8787879347801208, 0.0, 0.1212121212121211, 0.0, 0.1212121212121211),
        ("😀ab", "😀ba", 0.0, 0.5555555555555555, 1.0, 0.5555555555555555, 1.0),
        ("😀ab", "😀ba", 0.555555522441864, 0.5555555555555555, 0.44444444444444453, 0.5555555555555555, 0.44444444444444453),
        ("😀ab", "😀ba", 0.5555555820465088, 0.0, 0.44444444444444453, 0.0, 0.44444444444444453),
        ("Brian", "Jesus", 0.0, 0.0, 1.0, 0.0, 1.0),
        ("Brian", "Jesus", 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("Brian", "Jesus", 1.0, 0.0, 1.0, 0.0, 1.0),
        ("hhijdcih", "cbhecbiajghj", 0.0, 0.5472222222222222, 1.0, 0.5472222222222222, 1.0),
        ("hhijdcih", "cbhecbiajghj", 0.45277777314186096, 0.5472222222222222, 1.0, 0.5472222222222222, 1.0),
        ("hhijdcih", "cbhecbiajghj", 0.45277780294418335, 0.5472222222222222, 0.45277777777777783, 0.5472222222222222, 0.45277777777777783),
        ("hhijdcih", "cbhecbiajghj", 0.5472221970558167, 0.5472222222222222, 0.45277777777777783, 0.5472222222222222, 0.45277777777777783),
        ("acaaaaaca", "bcaca", 0.0, 0.5333333333333333, 1.0, 0.5333333333333333, 1.0),
        ("acaaaaaca", "bcaca", 0.46666666865348816, 0.5333333333333333, 0.4666666666666667, 0.5333333333333333, 0.4666666666666667),
        ("acaaaaaca", "bcaca", 0.699999988079071, 0.0, 0.4666666666666667, 0.0, 0.4666666666666667),
        ("acaaaaaca", "bcaca", 1.0, 0.0, 0.4666666666666667, 0.0, 0.4666666666666667),
        ("aadcdea", "becaa", 0.0, 0.565079365079365, 1.0, 0.565079365079365, 1.0),
        ("aadcdea", "becaa", 0.43492060899734497, 0.565079365079365, 1.0, 0.565079365079365, 1.0),
        ("aadcdea", "becaa", 0.565079391002655, 0.0, 0.43492063492063504, 0.0, 0.43492063492063504),
        ("aadcdea", "becaa", 0.699999988079071, 0.0, 0.43492063492063504, 0.0, 0.43492063492063504),
        ("aadcdea", "becaa", 1.0, 0.0, 0.43492063492063504, 0.0, 0.43492063492063504),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 0.0, 0.8555555555555556, 1.0, 0.8555555555555556, 1.0),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 0.14444443583488464, 0.8555555555555556, 1.0, 0.8555555555555556, 1.0),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 0.14444445073604584, 0.8555555555555556, 0.14444444444444438, 0.8555555555555556, 0.14444444444444438),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 1.0, 0.0, 0.14444444444444438, 0.0, 0.14444444444444438),
        ("", "a", 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("daejea", "dajejea", 0.0, 0.8968253968253969, 1.0, 0.8968253968253969, 1.0),
        ("daejea", "dajejea", 0.8968254327774048, 0.0, 0.10317460317460314, 0.0, 0.10317460317460314),
        ("aaabeb", "aaaeb", 0.0, 0.8777777777777779, 1.0, 0.8777777777777779, 1.0),
        ("aaabeb", "aaaeb", 0.12222221493721008, 0.8777777777777779, 1.0, 0.8777777777777779, 1.0),
        ("aaabeb", "aaaeb", 0.12222222238779068, 0.8777777777777779, 0.12222222222222212, 0.8777777777777779, 0.12222222222222212),
        ("aaabeb", "aaaeb", 0.699999988079071, 0.8777777777777779, 0.12222222222222212, 0.8777777777777779, 0.12222222222222212),
        ("aaabeb", "aaaeb", 0.8777777552604675, 0.8777777777777779, 0.12222222222222212, 0.8777777777777779, 0.12222222222222212),
        ("aaabeb", "aaaeb", 0.8777778148651123, 0.0, 0.12222222222222212, 0.0, 0.12222222222222212),
        ("aaabeb", "aaaeb", 1.0, 0.0, 0.12222222222222212, 0.0, 0.12222222222222212),
        ("xé", "éééé", 0.4166666567325592, 0.5833333333333334, 1.0, 0.5833333333333334, 1.0),
        ("xé", "éééé", 0.4166666865348816, 0.5833333333333334, 0.41666666666666663, 0.5833333333333334, 0.41666666666666663),
        ("xxa", "xxa", 0.0, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("babbdeee", "bbbdeee", 0.0, 0.9583333333333334, 1.0, 0.9583333333333334, 1.0),
        ("babbdeee", "bbbdeee", 0.0416666641831398, 0.9583333333333334, 1.0, 0.9583333333333334, 1.0),
        ("babbdeee", "bbbdeee", 0.0416666679084301, 0.9583333333333334, 0.04166666666666663, 0.9583333333333334, 0.04166666666666663),
        ("babbdeee", "bbbdeee", 0.699999988079071, 0.9583333333333334, 0.04166666666666663, 0.9583333333333334, 0.04166666666666663),
        ("babbdeee", "bbbdeee", 0.9583333134651184, 0.9583333333333334, 0.04166666666666663, 0.9583333333333334, 0.04166666666666663),
        ("dbaabc", "bdbc", 0.0, 0.8055555555555555, 1.0, 0.8055555555555555, 1.0),
        ("dbaabc", "bdbc", 0.805555522441864, 0.8055555555555555, 0.19444444444444453, 0.8055555555555555, 0.19444444444444453),
        ("dbaabc", "bdbc", 1.0, 0.0, 0.19444444444444453, 0.0, 0.19444444444444453),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.0, 0.6444444444444444, 1.0, 0.6444444444444444, 1.0),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.35555556416511536, 0.6444444444444444, 0.3555555555555556, 0.6444444444444444, 0.3555555555555556),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.6444444060325623, 0.6444444444444444, 0.3555555555555556, 0.6444444444444444, 0.3555555555555556),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.644444465637207, 0.0, 0.3555555555555556, 0.0, 0.3555555555555556),
        ("aeadaccbaadecab", "cadadadeaeddeae", 1.0, 0.0, 0.3555555555555556, 0.0, 0.3555555555555556),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.0, 0.9317460317460317, 1.0, 0.9317460317460317, 1.0),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.06825396418571472, 0.9317460317460317, 1.0, 0.9317460317460317, 1.0),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.06825397163629532, 0.9317460317460317, 0.06825396825396834, 0.9317460317460317, 0.06825396825396834),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.699999988079071, 0.9317460317460317, 0.06825396825396834, 0.9317460317460317, 0.06825396825396834),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 1.0, 0.0, 0.06825396825396834, 0.0, 0.06825396825396834),
        ("bcbacbaabacbaaabbacabaabbbabbccbcbccbbaabcaccbcbbccacabbaabaaac", "bcbacbaabacbaaabbacabaabbbabbccbcbccbbaabcaccbcbbccacabbaabaaac", 1.0, 1.0, 0.0, 1.0, 0.0),
        ("😀aééx😀éaxaéé😀😀éxéaxxéxxéax😀x😀éaaééxa😀😀😀a😀aax😀x😀xaéaxaé😀éxéxxaéx😀é😀😀x", "é😀é😀xéxaaxaaxaxaéaxxx😀éxxé😀xx😀aéxa😀éaaéééa😀😀😀éxaxa😀éxaxxéééééé😀é😀😀é", 0.0, 0.8352584503950834, 1.0, 0.8352584503950834, 1.0),
        ("😀aééx😀éaxaéé😀😀éxéaxxéxxéax😀x😀éaaééxa😀😀😀a😀aax😀x😀xaéaxaé😀éxéxxaéx😀é😀😀x", "é😀é😀xéxaaxaaxaxaéaxxx😀éxxé😀xx😀aéxa😀éaaéééa😀😀😀éxaxa😀éxaxxéééééé😀é😀😀é", 0.16474154591560364, 0.8352584503950834, 1.0, 0.8352584503950834, 1.0),
        ("😀aééx😀éaxaéé😀😀éxéaxxéxxéax😀x😀éaaééxa😀😀😀a😀aax😀x😀xaéaxaé😀éxéxxaéx😀é😀😀x", "é😀é😀xéxaaxaaxaxaéaxxx😀éxxé😀xx😀aéxa😀éaaéééa😀😀😀éxaxa😀éxaxxéééééé😀é😀😀é", 0.835258424282074, 0.8352584503950834, 0.1647415496049166, 0.8352584503950834, 0.1647415496049166),
        ("aaaaacabbabbccaabccaaaccbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbbcbbac", "aaaaacabbabbbccaabccaaacabbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbcbbac", 0.0, 0.9037228200118586, 1.0, 0.9037228200118586, 1.0),
        ("aaaaacabbabbccaabccaaaccbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbbcbbac", "aaaaacabbabbbccaabccaaacabbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbcbbac", 0.699999988079071, 0.9037228200118586, 0.09627717998814145, 0.9037228200118586, 0.09627717998814145),
        ("aaaaacabbabbccaabccaaaccbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbbcbbac", "aaaaacabbabbbccaabccaaacabbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbcbbac", 0.9037227630615234, 0.9037228200118586, 0.09627717998814145, 0.9037228200118586, 0.09627717998814145),
        ("aaaaacabbabbccaabccaaaccbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbbcbbac", "aaaaacabbabbbccaabccaaacabbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbcbbac", 1.0, 0.0, 0.09627717998814145, 0.0, 0.09627717998814145),
        ("jdijfeebcgcfifgcgdcbfehbafjadeefdgjcibgihdbgjabjbdehgiadgabeeefiiig", "bhbijagcghchijjaghgeigjefieheieeaadjacggafgajfbdghedaibhcdjbajghbda", 0.27132853865623474, 0.728671457527179, 1.0, 0.728671457527179, 1.0),
        ("jdijfeebcgcfifgcgdcbfehbafjadeefdgjcibgihdbgjabjbdehgiadgabeeefiiig", "bhbijagcghchijjaghgeigjefieheieeaadjacggafgajfbdghedaibhcdjbajghbda", 0.27132856845855713, 0.728671457527179, 0.271328542472821, 0.728671457527179, 0.271328542472821),
        ("jdijfeebcgcfifgcgdcbfehbafjadeefdgjcibgihdbgjabjbdehgiadgabeeefiiig", "bhbijagcghchijjaghgeigjefieheieeaadjacggafgajfbdghedaibhcdjbajghbda", 0.7286714315414429, 0.728671457527179, 0.271328542472821, 0.728671457527179, 0.271328542472821),
        ("jdijfeebcgcfifgcgdcbfehbafjadeefdgjcibgihdbgjabjbdehgiadgabeeefiiig", "bhbijagcghchijjaghgeigjefieheieeaadjacggafgajfbdghedaibhcdjbajghbda", 1.0, 0.0, 0.271328542472821, 0.0, 0.271328542472821),
        ("beccahajhafbdcfdjdjhjidhcegceiihehgfibhdgadcgiieadahfhdgjcgcfceicjeiiacjcadccbfejibhhbjiieadgdbhdaigihcefegbiehbfbcbghb", "ghdejbhadjcegiefgibeddgbfeejhfhgbbcjbcccdgahjbbdacbggbfgicdcghfgjagjfdjiaefdfehbigdifebjceieidfjiicj", 0.25809401273727417, 0.7419059797832177, 1.0, 0.7419059797832177, 1.0),
        ("beccahajhafbdcfdjdjhjidhcegceiihehgfibhdgadcgiieadahfhdgjcgcfceicjeiiacjcadccbfejibhhbjiieadgdbhdaigihcefegbiehbfbcbghb", "ghdejbhadjcegiefgibeddgbfeejhfhgbbcjbcccdgahjbbdacbggbfgicdcghfgjagjfdjiaefdfehbigdifebjceieidfjiicj", 0.25809404253959656, 0.7419059797832177, 0.2580940202167823, 0.7419059797832177, 0.2580940202167823),
        ("beccahajhafbdcfdjdjhjidhcegceiihehgfibhdgadcgiieadahfhdgjcgcfceicjeiiacjcadccbfejibhhbjiieadgdbhdaigihcefegbiehbfbcbghb", "ghdejbhadjcegiefgibeddgbfeejhfhgbbcjbcccdgahjbbdacbggbfgicdcghfgjagjfdjiaefdfehbigdifebjceieidfjiicj", 0.7419059872627258, 0.0, 0.2580940202167823, 0.0, 0.2580940202167823),
        ("beccahajhafbdcfdjdjhjidhcegceiihehgfibhdgadcgiieadahfhdgjcgcfceicjeiiacjcadccbfejibhhbjiieadgdbhdaigihcefegbiehbfbcbghb", "ghdejbhadjcegiefgibeddgbfeejhfhgbbcjbcccdgahjbbdacbggbfgicdcghfgjagjfdjiaefdfehbigdifebjceieidfjiicj", 1.0, 0.0, 0.2580940202167823, 0.0, 0.2580940202167823),
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
                acc += black_box(similarity(black_box(&a[..]), black_box(&b[..]), 0.0)) as f64;
            }
            let ns = (cpu_ns() - start) as f64 / n as f64;
            println!("Jaro {name}: {ns:.1} ns/call ({acc})");
        }
    }
}
