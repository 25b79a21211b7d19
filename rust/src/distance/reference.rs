//! Plain dynamic-programming versions of the metrics.
//!
//! They are slow and obviously correct: tests and fuzz targets compare the
//! fast kernels against them. Nothing on a hot path calls them.

use crate::unit::Unit;

fn values<T: Unit>(s: &[T]) -> Vec<u64> {
    s.iter().map(|u| u.value()).collect()
}

/// Weighted Levenshtein distance by Wagner–Fischer, saturating at
/// `usize::MAX`.
pub fn levenshtein<A: Unit, B: Unit>(a: &[A], b: &[B], ins: usize, del: usize, sub: usize) -> usize {
    let (a, b) = (values(a), values(b));
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.saturating_mul(ins)).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut cur = vec![(i + 1).saturating_mul(del); b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let replace = prev[j].saturating_add(if ca == cb { 0 } else { sub });
            cur[j + 1] = replace
                .min(prev[j + 1].saturating_add(del))
                .min(cur[j].saturating_add(ins));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Length of the longest common subsequence.
pub fn lcs<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    let (a, b) = (values(a), values(b));
    let mut prev = vec![0usize; b.len() + 1];
    for &ca in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Indel distance: insertions and deletions only.
pub fn indel<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    a.len() + b.len() - 2 * lcs(a, b)
}

/// Hamming distance; with `pad`, the length difference counts as mismatches.
pub fn hamming<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    let common = a.len().min(b.len());
    let mismatches = (0..common).filter(|&i| a[i].value() != b[i].value()).count();
    mismatches + a.len().max(b.len()) - common
}

/// Optimal string alignment distance (adjacent transpositions, each
/// substring edited at most once).
pub fn osa<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    let (a, b) = (values(a), values(b));
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=m {
        d[0][j] = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Unrestricted Damerau–Levenshtein distance (Lowrance–Wagner).
pub fn damerau_levenshtein<A: Unit, B: Unit>(a: &[A], b: &[B]) -> usize {
    use std::collections::HashMap;
    let (a, b) = (values(a), values(b));
    let (n, m) = (a.len(), b.len());
    let inf = n + m;
    let mut d = vec![vec![0usize; m + 2]; n + 2];
    d[0][0] = inf;
    for i in 0..=n {
        d[i + 1][0] = inf;
        d[i + 1][1] = i;
    }
    for j in 0..=m {
        d[0][j + 1] = inf;
        d[1][j + 1] = j;
    }
    let mut last_row: HashMap<u64, usize> = HashMap::new();
    for i in 1..=n {
        let mut last_col = 0;
        for j in 1..=m {
            let i1 = *last_row.get(&b[j - 1]).unwrap_or(&0);
            let j1 = last_col;
            let cost = if a[i - 1] == b[j - 1] {
                last_col = j;
                0
            } else {
                1
            };
            d[i + 1][j + 1] = (d[i][j] + cost)
                .min(d[i + 1][j] + 1)
                .min(d[i][j + 1] + 1)
                .min(d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1));
        }
        last_row.insert(a[i - 1], i);
    }
    d[n + 1][m + 1]
}

/// Jaro similarity.
pub fn jaro<A: Unit, B: Unit>(a: &[A], b: &[B]) -> f64 {
    let (a, b) = (values(a), values(b));
    let (n, m) = (a.len(), b.len());
    if n == 0 && m == 0 {
        return 1.0;
    }
    if n == 0 || m == 0 {
        return 0.0;
    }
    let window = (n.max(m) / 2).saturating_sub(1);
    let mut a_flag = vec![false; n];
    let mut b_flag = vec![false; m];
    let mut matches = 0usize;
    for i in 0..n {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(m);
        for j in lo..hi {
            if !b_flag[j] && a[i] == b[j] {
                a_flag[i] = true;
                b_flag[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_matched = (0..n).filter(|&i| a_flag[i]).map(|i| a[i]);
    let b_matched = (0..m).filter(|&j| b_flag[j]).map(|j| b[j]);
    let half_transpositions = a_matched.zip(b_matched).filter(|(x, y)| x != y).count();
    let t = (half_transpositions / 2) as f64;
    let mf = matches as f64;
    (mf / n as f64 + mf / m as f64 + (mf - t) / mf) / 3.0
}

/// Jaro–Winkler similarity with rapidfuzz's rules: a common prefix of up to
/// four units boosts scores above 0.7.
pub fn jaro_winkler<A: Unit, B: Unit>(a: &[A], b: &[B], prefix_weight: f64) -> f64 {
    let sim = jaro(a, b);
    if sim <= 0.7 {
        return sim;
    }
    let prefix = a
        .iter()
        .zip(b.iter())
        .take(4)
        .take_while(|(x, y)| x.value() == y.value())
        .count();
    sim + prefix as f64 * prefix_weight * (1.0 - sim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(levenshtein(b"kitten", b"sitting", 1, 1, 1), 3);
        assert_eq!(levenshtein(b"kitten", b"sitting", 1, 1, 2), 5);
        assert_eq!(lcs(b"abcde", b"ace"), 3);
        assert_eq!(indel(b"abcde", b"ace"), 2);
        assert_eq!(hamming(b"abc", b"abd"), 1);
        assert_eq!(hamming(b"abc", b"ab"), 1);
        assert_eq!(osa(b"ca", b"abc"), 3);
        assert_eq!(damerau_levenshtein(b"ca", b"abc"), 2);
        assert!((jaro(b"MARTHA", b"MARHTA") - 0.944444).abs() < 1e-5);
        assert!((jaro_winkler(b"MARTHA", b"MARHTA", 0.1) - 0.961111).abs() < 1e-5);
    }
}
