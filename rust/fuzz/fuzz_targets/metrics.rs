//! Every function of `ffi/metrics.rs` (LCSseq, OSA, Damerau-Levenshtein,
//! Prefix, Postfix in their four forms; Jaro and Jaro-Winkler in their four
//! float forms, with any prefix weight) on strings of every kind, checked
//! against the DP oracles of `distance/reference.rs` (small references here
//! for Prefix and Postfix), the status for each kind of bad input, the
//! cutoff rules of every form, and symmetry.
#![no_main]

use ffz_fuzz::{assert_not_panic, first_error, prefix_weight_ok, FStr, Metric, Reader};
use ferrofuzz::ffi::scorer::*;
use ferrofuzz::ffi::{FFZ_INVALID_ARGUMENT, FFZ_OK};
use libfuzzer_sys::fuzz_target;

/// Above this many DP cells the reference is skipped (the other checks stay).
const REFERENCE_CELLS: usize = 40_000;

const FORMS: [u32; 4] = [FFZ_FORM_DISTANCE, FFZ_FORM_SIMILARITY, FFZ_FORM_NORMALIZED_DISTANCE, FFZ_FORM_NORMALIZED_SIMILARITY];

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let metric = Metric::gen_new(&mut r);
    let s1 = FStr::gen(&mut r, 500);
    let s2 = FStr::gen(&mut r, 500);
    let (a, b) = (s1.raw(), s2.raw());
    let int_cutoff = r.size_cutoff();
    let norm_cutoff = r.norm_cutoff(true);
    if metric.is_float_valued() {
        check_jaro(metric, &s1, &s2, norm_cutoff);
        return;
    }
    let read_error = first_error(&[&s1, &s2]);
    let (st_d, d) = metric.int_call(a, b, false, usize::MAX, 0);
    assert_not_panic(st_d, "distance");
    if let Some(e) = read_error {
        assert_eq!(st_d, e, "distance status");
        assert_eq!(metric.int_call(a, b, true, int_cutoff, 0).0, e, "similarity status");
        assert_eq!(metric.norm_call(a, b, false, 0.5, 0.0).0, e, "normalized distance status");
        assert_eq!(metric.norm_call(a, b, true, 0.5, 0.0).0, e, "normalized similarity status");
        return;
    }
    assert_eq!(st_d, FFZ_OK, "distance status: {}", ffz_fuzz::last_error());
    let (x, y) = (s1.values().unwrap(), s2.values().unwrap());
    let maximum = metric.maximum(x.len(), y.len());
    assert!(d <= maximum, "distance {d} above maximum {maximum}");
    let cheap = matches!(metric, Metric::Prefix | Metric::Postfix);
    if cheap || x.len().saturating_mul(y.len()) <= REFERENCE_CELLS {
        let reference = metric.reference(x, y).unwrap();
        assert_eq!(d, reference, "{metric:?} distance of {x:?} and {y:?}");
    }
    if x == y {
        assert_eq!(d, 0);
    }
    let (st, dc) = metric.int_call(a, b, false, int_cutoff, 0);
    assert_eq!(st, FFZ_OK);
    let expected = if d <= int_cutoff { d } else { int_cutoff.saturating_add(1) };
    assert_eq!(dc, expected, "distance with cutoff {int_cutoff} (true {d})");

    let sim = maximum - d;
    assert_eq!(metric.int_call(a, b, true, 0, 0), (FFZ_OK, sim), "similarity without cutoff");
    let (st, sc) = metric.int_call(a, b, true, int_cutoff, 0);
    assert_eq!(st, FFZ_OK);
    assert_eq!(sc, if sim >= int_cutoff { sim } else { 0 }, "similarity with cutoff {int_cutoff} (true {sim})");

    let nd = if maximum == 0 { 0.0 } else { d as f64 / maximum as f64 };
    let ns = 1.0 - nd;
    assert_eq!(metric.norm_call(a, b, false, 1.0, 0.0), (FFZ_OK, nd), "normalized distance");
    assert_eq!(metric.norm_call(a, b, true, 0.0, 0.0), (FFZ_OK, ns), "normalized similarity");
    let (st_nd, v_nd) = metric.norm_call(a, b, false, norm_cutoff, 0.0);
    let (st_ns, v_ns) = metric.norm_call(a, b, true, norm_cutoff, 0.0);
    if norm_cutoff.is_nan() {
        assert_eq!((st_nd, st_ns), (FFZ_INVALID_ARGUMENT, FFZ_INVALID_ARGUMENT), "NaN cutoff accepted");
    } else {
        assert_eq!((st_nd, st_ns), (FFZ_OK, FFZ_OK));
        assert_eq!(v_nd, if nd <= norm_cutoff { nd } else { 1.0 }, "normalized distance, cutoff {norm_cutoff} (true {nd})");
        assert_eq!(v_ns, if ns >= norm_cutoff { ns } else { 0.0 }, "normalized similarity, cutoff {norm_cutoff} (true {ns})");
    }
    // Every one of these metrics is symmetric.
    assert_eq!(metric.int_call(b, a, false, usize::MAX, 0), (FFZ_OK, d), "distance is not symmetric");
});

/// The common prefix length Jaro-Winkler boosts by (at most 4).
fn jw_prefix(x: &[u64], y: &[u64]) -> usize {
    x.iter().zip(y).take(4).take_while(|(p, q)| p == q).count()
}

/// Jaro similarity with rapidfuzz's cutoff rule, from the reference.
fn jaro_sim(x: &[u64], y: &[u64], c: f64) -> f64 {
    if c > 1.0 {
        return 0.0;
    }
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let s = ferrofuzz::distance::reference::jaro(x, y);
    if s >= c {
        s
    } else {
        0.0
    }
}

/// Jaro-Winkler similarity with rapidfuzz's cutoff rule (the cutoff is
/// turned into a Jaro cutoff, the boost is capped at 1.0 and a NaN
/// weight makes a boosted score NaN, which no cutoff passes).
fn jw_sim(x: &[u64], y: &[u64], w: f64, c: f64) -> f64 {
    let prefix = jw_prefix(x, y) as f64;
    let mut jaro_cutoff = c;
    if jaro_cutoff > 0.7 {
        let p = prefix * w;
        jaro_cutoff = if p >= 1.0 {
            0.7
        } else {
            let v = (p - jaro_cutoff) / (p - 1.0);
            if 0.7 < v { v } else { 0.7 }
        };
    }
    let mut s = jaro_sim(x, y, jaro_cutoff);
    if s > 0.7 {
        s += prefix * w * (1.0 - s);
        if 1.0 < s {
            s = 1.0;
        }
    }
    if s >= c {
        s
    } else {
        0.0
    }
}

/// The four forms from a similarity with maximum 1.0 (rapidfuzz's
/// derivation).
fn expected_form(sim: &dyn Fn(f64) -> f64, form: u32, c: f64) -> f64 {
    let dist = |c: f64| {
        let d = 1.0 - sim(if 1.0 >= c { 1.0 - c } else { 0.0 });
        if d <= c { d } else { 1.0 }
    };
    let norm_dist = |c: f64| {
        let d = dist(c.ceil());
        if d <= c { d } else { 1.0 }
    };
    match form {
        FFZ_FORM_SIMILARITY => sim(c),
        FFZ_FORM_DISTANCE => dist(c),
        FFZ_FORM_NORMALIZED_DISTANCE => norm_dist(c),
        _ => {
            let s = 1.0 - norm_dist((1.0 - c + 0.00001).min(1.0));
            if s >= c { s } else { 0.0 }
        }
    }
}

fn check_jaro(metric: Metric, s1: &FStr, s2: &FStr, cutoff: f64) {
    let (a, b) = (s1.raw(), s2.raw());
    let weight = match metric {
        Metric::JaroWinkler(w) => Some(w),
        _ => None,
    };
    for form in FORMS {
        let no_cutoff = if form == FFZ_FORM_DISTANCE || form == FFZ_FORM_NORMALIZED_DISTANCE { 1.0 } else { 0.0 };
        let (st, v) = metric.float_call(a, b, form, no_cutoff);
        assert_not_panic(st, "jaro");
        let (st_c, v_c) = metric.float_call(a, b, form, cutoff);
        assert_not_panic(st_c, "jaro with cutoff");
        // Argument checks come first, then the strings.
        if weight.is_some_and(|w| !prefix_weight_ok(w)) {
            assert_eq!((st, st_c), (FFZ_INVALID_ARGUMENT, FFZ_INVALID_ARGUMENT), "prefix weight {weight:?} accepted");
            continue;
        }
        if cutoff.is_nan() {
            assert_eq!(st_c, FFZ_INVALID_ARGUMENT, "NaN cutoff accepted");
        }
        if let Some(e) = first_error(&[s1, s2]) {
            assert_eq!(st, e, "status for a bad string");
            if !cutoff.is_nan() {
                assert_eq!(st_c, e, "status for a bad string");
            }
            continue;
        }
        assert_eq!(st, FFZ_OK, "{}", ffz_fuzz::last_error());
        let (x, y) = (s1.values().unwrap(), s2.values().unwrap());
        let sim = |c: f64| match weight {
            Some(w) => jw_sim(x, y, w, c),
            None => jaro_sim(x, y, c),
        };
        let ref_sim = sim(0.0);
        assert!((0.0..=1.0).contains(&ref_sim), "similarity {ref_sim} out of range");
        let want = expected_form(&sim, form, no_cutoff);
        assert_eq!(v.to_bits(), want.to_bits(), "{metric:?} form {form} of {x:?} and {y:?}: {v} vs {want}");
        if x == y && weight.is_none_or(|w| !w.is_nan()) {
            let perfect = if form == FFZ_FORM_DISTANCE || form == FFZ_FORM_NORMALIZED_DISTANCE { 0.0 } else { 1.0 };
            assert_eq!(v, perfect, "equal strings");
        }
        // Symmetry, bit for bit.
        let (st2, v2) = metric.float_call(b, a, form, no_cutoff);
        assert_eq!((st2, v2.to_bits()), (FFZ_OK, v.to_bits()), "{metric:?} form {form} not symmetric");
        if cutoff.is_nan() {
            continue;
        }
        assert_eq!(st_c, FFZ_OK);
        let want = expected_form(&sim, form, cutoff);
        assert_eq!(v_c.to_bits(), want.to_bits(), "{metric:?} form {form} cutoff {cutoff} of {x:?} and {y:?}: {v_c} vs {want}");
        // The cutoff only ever replaces the score by the form's worst value.
        let worst = if form == FFZ_FORM_DISTANCE || form == FFZ_FORM_NORMALIZED_DISTANCE { 1.0 } else { 0.0 };
        assert!(v_c == v || v_c == worst, "cutoff {cutoff} changed {v} into {v_c}");
        // Far from the boundary, the cutoff decides by the exact score.
        if (v - cutoff).abs() > 1e-9 && !v.is_nan() {
            let passes = if worst == 1.0 { v <= cutoff } else { v >= cutoff };
            assert_eq!(v_c, if passes { v } else { worst }, "{metric:?} form {form} cutoff {cutoff}");
        }
    }
}
