//! Levenshtein distance, uniform or weighted.
//!
//! Uniform weights use, in order: affix stripping, [`super::mbleven`] for
//! cutoffs below 4, Hyyrö's bit-parallel algorithm in one 64-bit word when
//! the shorter sequence fits, and otherwise a blocked variant that only
//! updates the blocks inside a diagonal (Ukkonen) band that narrows as the
//! cutoff tightens. Weighted variants reduce to the uniform kernel (all
//! weights equal), to the LCS kernel (substitution never cheaper than a
//! deletion plus an insertion), or run Wagner–Fischer.

use super::common::strip_affix;
use super::lcs_seq::lcs_bounded;
use super::mbleven;
use super::pattern::{with_word_pattern, BlockPatternMatchVector, WordMatchVector};
use super::Metric;
use crate::unit::Unit;

/// Costs of the three edit operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weights {
    pub insertion: usize,
    pub deletion: usize,
    pub substitution: usize,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { insertion: 1, deletion: 1, substitution: 1 }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Levenshtein {
    pub weights: Weights,
}

impl Metric for Levenshtein {
    /// Saturates at `usize::MAX`, like every weighted distance.
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        let w = self.weights;
        let mut max = len1
            .saturating_mul(w.deletion)
            .saturating_add(len2.saturating_mul(w.insertion));
        if len1 >= len2 {
            max = max.min(
                len2.saturating_mul(w.substitution)
                    .saturating_add((len1 - len2).saturating_mul(w.deletion)),
            );
        } else {
            max = max.min(
                len1.saturating_mul(w.substitution)
                    .saturating_add((len2 - len1).saturating_mul(w.insertion)),
            );
        }
        max
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, hint: usize) -> usize {
        weighted_distance(s1, s2, self.weights, cutoff, hint)
    }
}

#[inline]
fn ceil_div(a: usize, b: usize) -> usize {
    a / b + usize::from(a % b != 0)
}

/// Weighted Levenshtein distance when it is <= `cutoff`, otherwise some
/// value > `cutoff`. `hint` is an expected upper bound of the distance.
pub fn weighted_distance<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    weights: Weights,
    cutoff: usize,
    hint: usize,
) -> usize {
    let Weights { insertion: ins, deletion: del, substitution: sub } = weights;
    if ins == del && del == sub {
        if ins == 0 {
            return 0;
        }
        let d = uniform_distance(s1, s2, ceil_div(cutoff, ins), ceil_div(hint, ins));
        return d.saturating_mul(ins);
    }
    if sub >= ins.saturating_add(del) {
        return indel_like_distance(s1, s2, ins, del, cutoff);
    }
    generic_distance(s1, s2, weights, cutoff)
}

/// Distance when a substitution never beats a deletion plus an insertion:
/// `del * (len1 - lcs) + ins * (len2 - lcs)`.
fn indel_like_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], ins: usize, del: usize, cutoff: usize) -> usize {
    let (len1, len2) = (s1.len() as u128, s2.len() as u128);
    let (ins, del) = (ins as u128, del as u128);
    if ins + del == 0 {
        return 0;
    }
    let total = del * len1 + ins * len2;
    // dist <= cutoff  <=>  lcs * (ins + del) >= total - cutoff
    let need = total.saturating_sub(cutoff as u128);
    let min_lcs = need.div_ceil(ins + del);
    let min_lcs = usize::try_from(min_lcs).unwrap_or(usize::MAX);
    let lcs = lcs_bounded(s1, s2, min_lcs) as u128;
    let dist = del * (len1 - lcs) + ins * (len2 - lcs);
    usize::try_from(dist).unwrap_or(usize::MAX)
}

/// Wagner–Fischer with one row of memory and saturating costs; stops once
/// every cell of a row exceeds `cutoff` (each path crosses every row and
/// costs never decrease along a path).
fn generic_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], weights: Weights, cutoff: usize) -> usize {
    let Weights { insertion: ins, deletion: del, substitution: sub } = weights;
    let (s1, s2, _, _) = strip_affix(s1, s2);
    let (len1, len2) = (s1.len(), s2.len());
    let lower_bound = if len1 >= len2 {
        (len1 - len2).saturating_mul(del)
    } else {
        (len2 - len1).saturating_mul(ins)
    };
    if lower_bound > cutoff {
        return lower_bound;
    }
    let mut row: Vec<usize> = (0..=len2).map(|j| j.saturating_mul(ins)).collect();
    for (i, a) in s1.iter().enumerate() {
        let a = a.value();
        let mut diag = row[0];
        row[0] = (i + 1).saturating_mul(del);
        let mut row_min = row[0];
        for j in 0..len2 {
            let up = row[j + 1];
            let replace = if a == s2[j].value() { diag } else { diag.saturating_add(sub) };
            let v = replace.min(up.saturating_add(del)).min(row[j].saturating_add(ins));
            diag = up;
            row[j + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > cutoff {
            return row_min;
        }
    }
    row[len2]
}

/// Uniform Levenshtein distance when it is <= `cutoff`, otherwise some
/// value > `cutoff`. `hint` is an expected upper bound of the distance:
/// when it is below `cutoff`, long inputs first run with narrower bands.
pub fn uniform_distance<A: Unit, B: Unit>(s1: &[A], s2: &[B], cutoff: usize, hint: usize) -> usize {
    let (len1, len2) = (s1.len(), s2.len());
    let k = cutoff.min(len1.max(len2));
    if len1.abs_diff(len2) > k {
        return k + 1;
    }
    if k == 0 {
        let eq = s1.iter().zip(s2).all(|(a, b)| a.value() == b.value());
        return usize::from(!eq);
    }
    let (s1, s2, _, _) = strip_affix(s1, s2);
    if s1.is_empty() || s2.is_empty() {
        return s1.len() + s2.len();
    }
    if k < 4 {
        return mbleven::levenshtein(s1, s2, k);
    }
    if s1.len() <= 64 && s1.len() <= s2.len() {
        return with_word_pattern!(s1, |pm| hyyro_word(pm, s1.len(), s2, k));
    }
    if s2.len() <= 64 {
        return with_word_pattern!(s2, |pm| hyyro_word(pm, s2.len(), s1, k));
    }
    // The longer sequence is the pattern: fewer rows to scan.
    if s1.len() >= s2.len() {
        blocks_with_hint(s1, s2, k, hint)
    } else {
        blocks_with_hint(s2, s1, k, hint)
    }
}

fn blocks_with_hint<A: Unit, B: Unit>(pattern: &[A], text: &[B], k: usize, hint: usize) -> usize {
    let pm = BlockPatternMatchVector::new(pattern);
    if hint < k {
        // Start narrow and double: a band of width ~h costs ~h/64 blocks a row.
        let mut h = hint.max(31);
        while h < k {
            let d = hyyro_blocks(&pm, pattern.len(), text, h);
            if d <= h {
                return d;
            }
            h = h.saturating_mul(2);
        }
    }
    hyyro_blocks(&pm, pattern.len(), text, k)
}

/// Hyyrö's bit-parallel Levenshtein distance of a pattern of `len1` units
/// (1..=64, given by its match vectors) and `text`, with `k >= |len1 -
/// len2|` and `k <= max(len1, len2)`: exact when <= `k`, otherwise `k + 1`.
///
/// Bits of `vp` / `vn` are the +1 / -1 vertical differences of the current
/// DP column; `dist` follows the last pattern row.
pub(crate) fn hyyro_word<PM: WordMatchVector, T: Unit>(pm: &PM, len1: usize, text: &[T], k: usize) -> usize {
    debug_assert!((1..=64).contains(&len1));
    let mut vp = !0u64;
    let mut vn = 0u64;
    let mut dist = len1;
    let last = 1u64 << (len1 - 1);
    // The distance drops by at most one per remaining text unit, so after
    // unit `j` it can still end <= k only while dist <= k + (len2 - j - 1).
    let bound = k + text.len();
    for (j, &c) in text.iter().enumerate() {
        let x = pm.get_word(c.value()) | vn;
        let d0 = ((x & vp).wrapping_add(vp) ^ vp) | x;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        dist += usize::from(hp & last != 0);
        dist -= usize::from(hn & last != 0);
        if dist + j + 1 > bound {
            return k + 1;
        }
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
    }
    dist
}

/// One 64-row block of the DP column: vertical differences, and the DP value
/// at the block's last pattern row.
#[derive(Clone, Copy)]
struct Block {
    vp: u64,
    vn: u64,
    score: usize,
}

/// One step of Hyyrö's recurrence on one block; the carries pass the
/// horizontal difference at the block's top row to the next block. `mask`
/// selects the row whose DP value `score` follows.
#[inline(always)]
fn advance_block(b: &mut Block, pmj: u64, mask: u64, hp_carry: &mut u64, hn_carry: &mut u64) {
    let (vp, vn) = (b.vp, b.vn);
    let x = pmj | *hn_carry;
    let d0 = ((x & vp).wrapping_add(vp) ^ vp) | x | vn;
    let hp = vn | !(d0 | vp);
    let hn = d0 & vp;
    b.score += usize::from(hp & mask != 0);
    b.score -= usize::from(hn & mask != 0);
    let (hp_out, hn_out) = (hp >> 63, hn >> 63);
    let hp = (hp << 1) | *hp_carry;
    let hn = (hn << 1) | *hn_carry;
    *hp_carry = hp_out;
    *hn_carry = hn_out;
    b.vp = hn | !(d0 | hp);
    b.vn = hp & d0;
}

/// Blocked Hyyrö with a shrinking diagonal band; exact when <= `k`,
/// otherwise a value > `k`.
///
/// Cell (i, j) (pattern prefix i, text prefix j) is *useful* when its value
/// plus the least cost to finish, `|(len1 - i) - (len2 - j)|`, is <= the
/// current bound `kk`. Every optimal alignment of cost <= kk runs through
/// useful cells only, and a cell reached only through useless cells is
/// itself useless. So blocks whose cells are all useless are skipped;
/// skipped cells are given values of real (not necessarily optimal)
/// alignments: the row below the band grows by one per text unit, blocks
/// above it are filled by deletions. Computed values thus never go below
/// the true distance and are exact on useful cells.
///
/// `kk` starts at `k` and drops to any proven upper bound of the distance:
/// a block's score plus the cost of finishing by substitutions and indels.
pub(crate) fn hyyro_blocks<T: Unit>(pm: &BlockPatternMatchVector, len1: usize, text: &[T], k: usize) -> usize {
    let len2 = text.len();
    let k = k.min(len1.max(len2));
    if len1.abs_diff(len2) > k {
        return k + 1;
    }
    let blocks = pm.block_count();
    let end = |w: usize| (64 * (w + 1)).min(len1);
    let mut state: Vec<Block> = (0..blocks)
        .map(|w| Block { vp: !0, vn: 0, score: end(w) })
        .collect();
    let last_mask = 1u64 << ((len1 - 1) % 64);
    let (n1, n2) = (len1 as isize, len2 as isize);
    let delta = n1 - n2;
    let mut kk = k;
    let mut first = 0usize;
    let mut last = 0usize;

    for (row, &c) in text.iter().enumerate() {
        let j = row as isize + 1;
        let kki = kk as isize;
        // Static band: |i - j| + |delta - (i - j)| <= kk.
        let i_max = (j + (delta + kki) / 2).min(n1);
        let i_min = j - (kki - delta) / 2;
        let new_last = ((i_max - 1) / 64) as usize;
        while last < new_last {
            last += 1;
            let below = state[last - 1].score;
            state[last] = Block { vp: !0, vn: 0, score: below + end(last) - end(last - 1) };
        }
        last = last.min(new_last);
        while first <= last && (end(first) as isize) < i_min {
            first += 1;
        }
        if first > last {
            return k + 1;
        }

        let key = c.value();
        let mut hp_carry = 1u64;
        let mut hn_carry = 0u64;
        // Blocks whose last row is bit 63; the pattern's final block may end lower.
        let full_end = if last + 1 == blocks { last } else { last + 1 };
        match pm.ascii_blocks(key) {
            Some(pm_row) => {
                for (b, &pmj) in state[first..full_end].iter_mut().zip(&pm_row[first..full_end]) {
                    advance_block(b, pmj, 1 << 63, &mut hp_carry, &mut hn_carry);
                }
            }
            None => {
                for (w, b) in state.iter_mut().enumerate().take(full_end).skip(first) {
                    advance_block(b, pm.get(w, key), 1 << 63, &mut hp_carry, &mut hn_carry);
                }
            }
        }
        if full_end == last {
            advance_block(&mut state[last], pm.get(last, key), last_mask, &mut hp_carry, &mut hn_carry);
        }

        // Tighten the bound with a few blocks: the last one, the first one
        // and the one holding the main diagonal i - j == delta.
        let remaining = len2 - row - 1;
        let diag = ((j + delta - 1).max(0) as usize / 64).clamp(first, last);
        for w in [first, diag, last] {
            kk = kk.min(state[w].score + (len1 - end(w)).max(remaining));
        }

        // Dynamic bottom edge: for a block ending at e with e - j <= delta,
        // every cell i <= e has value + finishing cost >= that of cell e.
        while first <= last {
            let e = end(first) as isize;
            let rem = delta - (e - j);
            if rem >= 0 && state[first].score + rem as usize > kk {
                first += 1;
            } else {
                break;
            }
        }
        if first > last {
            return k + 1;
        }
    }
    state[blocks - 1].score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::test_util::{cutoffs_around, for_all_types, random_pair, PairCheck, Rng};
    use crate::distance::{distance, normalized_similarity, reference, similarity};

    fn lev(weights: Weights) -> Levenshtein {
        Levenshtein { weights }
    }

    fn w(insertion: usize, deletion: usize, substitution: usize) -> Weights {
        Weights { insertion, deletion, substitution }
    }

    #[test]
    fn known_values() {
        let l = Levenshtein::default();
        assert_eq!(distance(&l, b"kitten", b"sitting", None, None), 3);
        assert_eq!(distance(&l, b"kitten", b"sitting", Some(2), None), 3);
        assert_eq!(similarity(&l, b"kitten", b"sitting", None, None), 4);
        assert_eq!(distance(&lev(w(1, 1, 2)), b"kitten", b"sitting", None, None), 5);
        assert_eq!(distance(&lev(w(1, 1, 2)), b"kitten", b"sitting", Some(4), None), 5);
        assert_eq!(distance(&lev(w(2, 2, 2)), b"kitten", b"sitting", None, None), 6);
        assert_eq!(distance(&lev(w(0, 0, 0)), b"kitten", b"sitting", None, None), 0);
        assert_eq!(distance(&lev(w(1, 5, 1)), b"abc", b"", None, None), 15);
        assert_eq!(distance(&lev(w(5, 1, 1)), b"abc", b"", None, None), 3);
        let n = normalized_similarity(&l, b"this is a test", b"this is a test!", None, None);
        assert!((n - 14.0 / 15.0).abs() < 1e-12);
        let e: [u8; 0] = [];
        assert_eq!(distance(&l, &e, &e, None, None), 0);
        assert_eq!(distance(&l, b"abc", &e, None, None), 3);
        let astral: Vec<u32> = vec![0x1F600, 97, 0x1F601, 98];
        let other: Vec<u64> = vec![97, 0x1F601, 0x1F600, 98];
        assert_eq!(distance(&l, &astral, &other, None, None), 2);
        let long_a: Vec<u32> = (0..200).map(|i| 0x1F600 + (i % 7)).collect();
        let mut long_b = long_a.clone();
        long_b[100] = 0x10FFFF;
        long_b.remove(10);
        assert_eq!(distance(&l, &long_a, &long_b, None, None), 2);
        // Huge weights saturate instead of overflowing.
        let big = lev(w(usize::MAX / 2, usize::MAX / 2, 1));
        assert_eq!(distance(&big, b"ab", b"ac", None, None), 1);
    }

    struct Check<'r> {
        rng: &'r mut Rng,
        weights: Weights,
    }

    impl PairCheck for Check<'_> {
        fn check<A: Unit, B: Unit>(&mut self, a: &[A], b: &[B]) {
            let Weights { insertion, deletion, substitution } = self.weights;
            let exact = reference::levenshtein(a, b, insertion, deletion, substitution);
            let m = lev(self.weights);
            assert_eq!(distance(&m, a, b, None, None), exact, "{:?} {a:?} {b:?}", self.weights);
            for c in cutoffs_around(self.rng, exact) {
                let hints = [c, 0, exact, exact / 2, self.rng.below(exact + 40), usize::MAX];
                for h in hints {
                    let raw = m.raw_distance(a, b, c, h.min(c));
                    if exact <= c {
                        assert_eq!(raw, exact, "cutoff {c} hint {h} {:?} {a:?} {b:?}", self.weights);
                    } else {
                        assert!(raw > c, "cutoff {c} hint {h} {:?} {a:?} {b:?}", self.weights);
                    }
                }
                let want = if exact <= c { exact } else { c.saturating_add(1) };
                assert_eq!(distance(&m, a, b, Some(c), None), want);
            }
        }
    }

    fn run(seed: u64, cases: usize, max_len: usize, weights: &[Weights]) {
        let mut rng = Rng::new(seed);
        for _ in 0..cases {
            let (v1, v2) = random_pair(&mut rng, max_len);
            let weights = weights[rng.below(weights.len())];
            let mut check = Check { rng: &mut Rng::new(rng.next_u64()), weights };
            for_all_types(&mut check, &v1, &v2);
        }
    }

    #[test]
    fn uniform_random_short() {
        run(31, 1500, 70, &[Weights::default()]);
    }

    #[test]
    fn uniform_random_long() {
        run(32, 200, 300, &[Weights::default()]);
    }

    #[test]
    fn uniform_similar_long() {
        // Long, nearly equal sequences: narrow bands and hint doubling.
        let mut rng = Rng::new(33);
        for _ in 0..60 {
            let len = 64 + rng.below(400);
            let v1: Vec<u64> = (0..len).map(|_| [97, 98, 99, 0x1F600][rng.below(4)]).collect();
            let mut v2 = v1.clone();
            for _ in 0..rng.below(len / 10 + 3) {
                let p = rng.below(v2.len());
                match rng.below(3) {
                    0 => v2.insert(p, 98),
                    1 => {
                        v2.remove(p);
                    }
                    _ => v2[p] = 0x1F600,
                }
            }
            let mut check = Check { rng: &mut Rng::new(rng.next_u64()), weights: Weights::default() };
            for_all_types(&mut check, &v1, &v2);
        }
    }

    #[test]
    fn weighted_random() {
        let weights = [
            w(2, 2, 2),
            w(3, 3, 3),
            w(1, 1, 2),
            w(1, 1, 3),
            w(2, 3, 5),
            w(2, 3, 7),
            w(1, 2, 1),
            w(3, 1, 2),
            w(1, 1, 0),
            w(0, 1, 1),
            w(1, 0, 1),
            w(0, 0, 1),
            w(0, 0, 0),
            w(0, 3, 0),
            w(1000, 1, 7),
            w(1 << 40, 1 << 40, 1 << 40),
            w(1 << 40, 1 << 41, 3),
        ];
        run(34, 600, 40, &weights);
        run(35, 40, 150, &weights);
    }

    /// Best-of-5 nanoseconds per call of `f` over `pairs`.
    fn time_per_pair(pairs: &[(Vec<u8>, Vec<u8>)], reps: usize, f: impl Fn(&[u8], &[u8]) -> usize) -> f64 {
        use std::hint::black_box;
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = std::time::Instant::now();
            let mut sum = 0;
            for r in 0..reps {
                let (a, b) = &pairs[r % pairs.len()];
                sum += f(black_box(&a[..]), black_box(&b[..]));
            }
            black_box(sum);
            best = best.min(start.elapsed().as_nanos() as f64 / reps as f64);
        }
        best
    }

    #[test]
    #[ignore]
    fn timing() {
        use crate::distance::test_util::lowercase_pair;
        let l = Levenshtein::default();
        let mut rng = Rng::new(99);
        for (len, reps) in [(15usize, 100_000usize), (64, 40_000), (200, 5_000), (1000, 400)] {
            let similar: Vec<_> = (0..16).map(|_| lowercase_pair(&mut rng, len, 100)).collect();
            let unrelated: Vec<_> = (0..16)
                .map(|_| (lowercase_pair(&mut rng, len, 0).0, lowercase_pair(&mut rng, len, 0).0))
                .collect();
            for (kind, pairs) in [("10% edits", &similar), ("unrelated", &unrelated)] {
                let t = time_per_pair(pairs, reps, |a, b| distance(&l, a, b, None, None));
                println!("levenshtein len {len:5} {kind} no cutoff : {t:9.1} ns");
                let k = Some(len / 10 + 1);
                let t = time_per_pair(pairs, reps, |a, b| distance(&l, a, b, k, None));
                println!("levenshtein len {len:5} {kind} k=len/10+1: {t:9.1} ns");
                let t = time_per_pair(pairs, reps, |a, b| crate::distance::indel::distance_raw(a, b, usize::MAX));
                println!("indel       len {len:5} {kind} no cutoff : {t:9.1} ns");
            }
        }
    }
}
