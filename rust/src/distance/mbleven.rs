//! Exact edit distances for very small cutoffs (the "mbleven" idea).
//!
//! When two equal units are aligned greedily, some optimal alignment keeps
//! that match; so an alignment of cost <= k is fully described by the list
//! of operations applied at the mismatches met while scanning both
//! sequences from the left, plus the unmatched tail. With at most k
//! operations there are only a handful of such lists ("scripts"); each one
//! is tried in O(N) and the cheapest result wins.
//!
//! Scripts are packed two bits per operation, first operation in the lowest
//! bits: `DEL` advances in the longer sequence `s1`, `INS` advances in `s2`,
//! `SUB` advances in both. Every script uses exactly `k` operations and has
//! `#DEL - #INS == len1 - len2`; shorter scripts are prefixes of these (the
//! unused operations are never reached), so nothing is lost.

use crate::unit::Unit;

const DEL: u8 = 1;
const INS: u8 = 2;
const SUB: u8 = 3;

/// The scripts of one (k, length difference) pair.
#[derive(Clone, Copy)]
struct Scripts {
    codes: [u8; 8],
    len: usize,
}

/// All scripts of exactly `k` operations with `#DEL - #INS == diff`.
const fn build(k: usize, diff: usize, allow_sub: bool) -> Scripts {
    let mut codes = [0u8; 8];
    let mut len = 0;
    let mut code = 0usize;
    while code < (1 << (2 * k)) {
        let mut c = code;
        let mut i = 0;
        let mut ok = true;
        let mut balance: isize = 0;
        while i < k {
            let op = (c & 3) as u8;
            if op == 0 || (op == SUB && !allow_sub) {
                ok = false;
            }
            if op == DEL {
                balance += 1;
            }
            if op == INS {
                balance -= 1;
            }
            c >>= 2;
            i += 1;
        }
        if ok && balance == diff as isize {
            codes[len] = code as u8;
            len += 1;
        }
        code += 1;
    }
    Scripts { codes, len }
}

const LEV_MAX: usize = 3;
const INDEL_MAX: usize = 4;

const fn table<const N: usize>(allow_sub: bool) -> [[Scripts; N]; N] {
    let mut t = [[Scripts { codes: [0; 8], len: 0 }; N]; N];
    let mut k = 1;
    while k < N {
        let mut d = 0;
        while d <= k {
            t[k][d] = build(k, d, allow_sub);
            d += 1;
        }
        k += 1;
    }
    t
}

/// `LEV[k][diff]`: scripts of uniform Levenshtein.
static LEV: [[Scripts; LEV_MAX + 1]; LEV_MAX + 1] = table::<{ LEV_MAX + 1 }>(true);
/// `INDEL[k][diff]`: scripts with insertions and deletions only.
static INDEL: [[Scripts; INDEL_MAX + 1]; INDEL_MAX + 1] = table::<{ INDEL_MAX + 1 }>(false);

#[inline]
fn equal<A: Unit, B: Unit>(s1: &[A], s2: &[B]) -> bool {
    s1.len() == s2.len() && s1.iter().zip(s2).all(|(a, b)| a.value() == b.value())
}

/// Cost of one script; `limit` when the script cannot align the sequences
/// within `limit - 1` operations.
#[inline]
fn run_script<A: Unit, B: Unit>(s1: &[A], s2: &[B], mut ops: u8, limit: usize) -> usize {
    let (len1, len2) = (s1.len(), s2.len());
    let (mut i, mut j, mut cost) = (0usize, 0usize, 0usize);
    while i < len1 && j < len2 {
        if s1[i].value() != s2[j].value() {
            if ops == 0 {
                return limit;
            }
            cost += 1;
            i += usize::from(ops & DEL != 0);
            j += usize::from(ops & INS != 0);
            ops >>= 2;
        } else {
            i += 1;
            j += 1;
        }
    }
    (cost + (len1 - i) + (len2 - j)).min(limit)
}

fn best_script<A: Unit, B: Unit>(s1: &[A], s2: &[B], scripts: &Scripts, k: usize) -> usize {
    let mut best = k + 1;
    for &ops in &scripts.codes[..scripts.len] {
        best = best.min(run_script(s1, s2, ops, k + 1));
    }
    best
}

/// Uniform Levenshtein distance for `k <= 3`: exact when it is <= `k`,
/// otherwise `k + 1`.
pub fn levenshtein<A: Unit, B: Unit>(s1: &[A], s2: &[B], k: usize) -> usize {
    debug_assert!(k <= LEV_MAX);
    if s1.len() < s2.len() {
        return levenshtein(s2, s1, k);
    }
    let diff = s1.len() - s2.len();
    if diff > k {
        return k + 1;
    }
    if k == 0 {
        return usize::from(!equal(s1, s2));
    }
    best_script(s1, s2, &LEV[k][diff], k)
}

/// Indel distance (insertions and deletions only) for `k <= 4`: exact when
/// it is <= `k`, otherwise `k + 1`.
pub fn indel<A: Unit, B: Unit>(s1: &[A], s2: &[B], k: usize) -> usize {
    debug_assert!(k <= INDEL_MAX);
    if s1.len() < s2.len() {
        return indel(s2, s1, k);
    }
    let diff = s1.len() - s2.len();
    if diff > k {
        return k + 1;
    }
    // The indel distance has the parity of the length difference.
    let k_eff = if (k - diff) % 2 == 1 { k - 1 } else { k };
    if k_eff == 0 {
        return if equal(s1, s2) { 0 } else { k + 1 };
    }
    let d = best_script(s1, s2, &INDEL[k_eff][diff], k_eff);
    if d <= k_eff {
        d
    } else {
        k + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::reference;
    use crate::distance::test_util::{for_all_types, random_pair, PairCheck, Rng};

    #[test]
    fn script_counts() {
        let counts: Vec<usize> = (1..=3)
            .flat_map(|k| (0..=k).map(move |d| LEV[k][d].len))
            .collect();
        assert_eq!(counts, vec![1, 1, 3, 2, 1, 7, 6, 3, 1]);
        assert_eq!(INDEL[4][0].len, 6);
        assert_eq!(INDEL[3][1].len, 3);
    }

    struct Check;
    impl PairCheck for Check {
        fn check<A: Unit, B: Unit>(&mut self, a: &[A], b: &[B]) {
            let lev = reference::levenshtein(a, b, 1, 1, 1);
            let ind = reference::indel(a, b);
            for k in 0..=3 {
                let want = if lev <= k { lev } else { k + 1 };
                assert_eq!(levenshtein(a, b, k), want, "lev k={k} {a:?} {b:?}");
            }
            for k in 0..=4 {
                let want = if ind <= k { ind } else { k + 1 };
                assert_eq!(indel(a, b, k), want, "indel k={k} {a:?} {b:?}");
            }
        }
    }

    #[test]
    fn matches_reference() {
        let mut rng = Rng::new(7);
        for _ in 0..3000 {
            let (v1, v2) = random_pair(&mut rng, 12);
            for_all_types(&mut Check, &v1, &v2);
        }
    }
}
