//! Every pairwise metric export (Levenshtein with any weights, Indel,
//! Hamming with and without padding; distance, similarity and both
//! normalized forms) on strings of every kind, checked against the DP
//! reference, the cutoff rules, hint invariance and symmetry.
#![no_main]

use ffz_fuzz::{assert_not_panic, first_error, FStr, Metric, Reader};
use ferrofuzz::ffi::{FFZ_INVALID_ARGUMENT, FFZ_LENGTH_MISMATCH, FFZ_OK};
use libfuzzer_sys::fuzz_target;

/// Above this many DP cells the reference is skipped (the other checks stay).
const REFERENCE_CELLS: usize = 40_000;

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let metric = Metric::gen(&mut r);
    let s1 = FStr::gen(&mut r, 700);
    let s2 = FStr::gen(&mut r, 700);
    let (a, b) = (s1.raw(), s2.raw());
    let int_cutoff = r.size_cutoff();
    let int_hint = r.size_cutoff();
    let norm_cutoff = r.norm_cutoff(true);
    let norm_hint = r.norm_cutoff(true);

    // Expected failure: a bad string (s1 is read first), then Hamming's
    // length rule.
    let read_error = first_error(&[&s1, &s2]);
    let length_error = match (metric, s1.values(), s2.values()) {
        (Metric::Hamming(false), Some(x), Some(y)) if x.len() != y.len() => Some(FFZ_LENGTH_MISMATCH),
        _ => None,
    };
    let expected_error = read_error.or(length_error);

    let (st_d, d) = metric.int_call(a, b, false, usize::MAX, usize::MAX);
    assert_not_panic(st_d, "distance");
    match expected_error {
        Some(e) => {
            assert_eq!(st_d, e, "distance status");
            let (st, _) = metric.int_call(a, b, true, int_cutoff, int_hint);
            assert_eq!(st, e, "similarity status");
            let (st, _) = metric.norm_call(a, b, false, 0.5, 1.0);
            assert_eq!(st, e, "normalized distance status");
            let (st, _) = metric.norm_call(a, b, true, 0.5, 0.0);
            assert_eq!(st, e, "normalized similarity status");
            return;
        }
        None => assert_eq!(st_d, FFZ_OK, "distance status: {}", ffz_fuzz::last_error()),
    }
    let (x, y) = (s1.values().unwrap(), s2.values().unwrap());
    let maximum = metric.maximum(x.len(), y.len());
    assert!(d <= maximum, "distance {d} above maximum {maximum}");
    if x.len().saturating_mul(y.len()) <= REFERENCE_CELLS {
        let reference = metric.reference(x, y).unwrap();
        assert_eq!(d, reference, "{metric:?} distance of {x:?} and {y:?}");
    }
    if x == y {
        assert_eq!(d, 0);
    }

    // Distance with a cutoff (and any hint).
    let (st, dc) = metric.int_call(a, b, false, int_cutoff, int_hint);
    assert_eq!(st, FFZ_OK);
    let expected = if d <= int_cutoff { d } else { int_cutoff.saturating_add(1) };
    assert_eq!(dc, expected, "distance with cutoff {int_cutoff} hint {int_hint} (true {d})");

    // Similarity.
    let sim = maximum - d;
    let (st, s_none) = metric.int_call(a, b, true, 0, 0);
    assert_eq!(st, FFZ_OK);
    assert_eq!(s_none, sim, "similarity without cutoff");
    let (st, sc) = metric.int_call(a, b, true, int_cutoff, int_hint);
    assert_eq!(st, FFZ_OK);
    let expected = if sim >= int_cutoff { sim } else { 0 };
    assert_eq!(sc, expected, "similarity with cutoff {int_cutoff} hint {int_hint} (true {sim})");

    // Normalized forms: NaN is rejected; otherwise the cutoff rules hold
    // and the hint changes nothing.
    let nd = if maximum == 0 { 0.0 } else { d as f64 / maximum as f64 };
    let ns = 1.0 - nd;
    let (st, v) = metric.norm_call(a, b, false, 1.0, 1.0);
    assert_eq!((st, v), (FFZ_OK, nd), "normalized distance");
    let (st, v) = metric.norm_call(a, b, true, 0.0, 0.0);
    assert_eq!((st, v), (FFZ_OK, ns), "normalized similarity");
    let (st_nd, v_nd) = metric.norm_call(a, b, false, norm_cutoff, norm_hint);
    let (st_ns, v_ns) = metric.norm_call(a, b, true, norm_cutoff, norm_hint);
    // Only Levenshtein's normalized forms take a hint.
    let hint_used = matches!(metric, Metric::Levenshtein(..));
    if norm_cutoff.is_nan() || (hint_used && norm_hint.is_nan()) {
        assert_eq!(st_nd, FFZ_INVALID_ARGUMENT);
        assert_eq!(st_ns, FFZ_INVALID_ARGUMENT);
    } else {
        assert_eq!(st_nd, FFZ_OK);
        assert_eq!(st_ns, FFZ_OK);
        let expected = if nd <= norm_cutoff { nd } else { 1.0 };
        assert_eq!(v_nd, expected, "normalized distance, cutoff {norm_cutoff} hint {norm_hint} (true {nd}, d {d}/{maximum})");
        let expected = if ns >= norm_cutoff { ns } else { 0.0 };
        assert_eq!(v_ns, expected, "normalized similarity, cutoff {norm_cutoff} hint {norm_hint} (true {ns})");
    }

    // Symmetry, when the metric is symmetric.
    if metric.symmetric() {
        let (st, d2) = metric.int_call(b, a, false, usize::MAX, usize::MAX);
        assert_eq!((st, d2), (FFZ_OK, d), "distance is not symmetric");
    } else if let Metric::Levenshtein(ins, del, sub) = metric {
        // Swapping the strings swaps the insertion and deletion costs.
        let swapped = Metric::Levenshtein(del, ins, sub);
        let (st, d2) = swapped.int_call(b, a, false, usize::MAX, usize::MAX);
        assert_eq!((st, d2), (FFZ_OK, d), "swapped weights");
    }
});
