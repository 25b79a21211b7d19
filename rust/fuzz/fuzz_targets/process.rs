//! `ffz_process_extract`, `ffz_process_cdist` and `ffz_process_cpdist` on
//! small packed lists of every kind and layout, with any scorer, cutoff and
//! dtype, checked against scoring each pair with the pairwise functions.
#![no_main]

use ffz_fuzz::{assert_not_panic, truncate_to_kind, FStr, Packed, Reader, Scoring};
use ferrofuzz::ffi::process::{ffz_process_cdist, ffz_process_cpdist, ffz_process_extract, FFZ_DTYPE_FLOAT64};
use ferrofuzz::ffi::{FFZ_INVALID_ARGUMENT, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8, FFZ_LENGTH_MISMATCH, FFZ_OK};
use libfuzzer_sys::fuzz_target;

fn gen_list(r: &mut Reader<'_>, kind: u32) -> Vec<Vec<u64>> {
    let count = r.u8() as usize % 6;
    (0..count)
        .map(|_| {
            let s = FStr::gen(r, 40);
            truncate_to_kind(kind, s.values().unwrap_or(&[]))
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let (raw_scorer, scoring) = Scoring::gen(&mut r);
    let kind = [FFZ_KIND_U8, FFZ_KIND_U32, FFZ_KIND_U64][r.u8() as usize % 3];
    let query = FStr::gen(&mut r, 40);
    let choices = gen_list(&mut r, kind);
    let queries = gen_list(&mut r, kind);
    let layout = r.u8();
    // The separated layout cannot hold strings with 0 units.
    let separated = |l: &[Vec<u64>]| layout & 1 == 1 && l.iter().all(|s| !s.contains(&0));
    let packed_choices = Packed::new(kind, &choices, separated(&choices), (layout >> 1) as usize % 8);
    let packed_queries = Packed::new(kind, &queries, separated(&queries), (layout >> 4) as usize % 8);
    let cutoff = if r.bool() { None } else { Some(r.norm_cutoff(true) * if r.bool() { 100.0 } else { 4.0 }) };
    let limit = r.u8() as usize % 8;
    let workers = 1 + r.u8() as usize % 2;

    // Extract.
    let mut positions = vec![usize::MAX; limit];
    let mut scores = vec![f64::NAN; limit];
    let mut written = usize::MAX;
    let c = packed_choices.raw();
    // SAFETY: every pointer refers to live buffers of the stated sizes.
    let st = unsafe {
        ffz_process_extract(
            query.raw(),
            &c,
            &raw_scorer,
            limit,
            cutoff.as_ref().map_or(std::ptr::null(), |c| c as *const f64),
            std::ptr::null(),
            workers,
            std::ptr::null(),
            positions.as_mut_ptr(),
            scores.as_mut_ptr(),
            &mut written,
        )
    };
    assert_not_panic(st, "extract");
    let Some(scoring) = scoring else {
        assert_eq!(st, FFZ_INVALID_ARGUMENT, "invalid scorer accepted");
        return;
    };
    if let Some(e) = query.error() {
        assert_eq!(st, e, "extract status for a bad query");
        return;
    }
    if cutoff.is_some_and(f64::is_nan) {
        assert_eq!(st, FFZ_INVALID_ARGUMENT);
        return;
    }
    // Brute force: each pair through the pairwise functions.
    let strs: Vec<FStr> = choices.iter().map(|c| FStr::from_values(kind, c, 0)).collect();
    let pair_scores: Vec<(i32, f64)> = strs.iter().map(|c| scoring.pair(query.raw(), c.raw())).collect();
    if st == FFZ_LENGTH_MISMATCH {
        assert!(pair_scores.iter().any(|p| p.0 == FFZ_LENGTH_MISMATCH), "extract: spurious length mismatch");
        return;
    }
    assert_eq!(st, FFZ_OK, "extract: {}", ffz_fuzz::last_error());
    let all_ok = pair_scores.iter().all(|p| p.0 == FFZ_OK);
    if all_ok {
        let mut expected: Vec<(usize, f64)> = pair_scores
            .iter()
            .enumerate()
            // Integer scorers truncate a fractional cutoff (a negative one
            // to 0), as cdist and the index do.
            .filter(|(i, p)| scoring.pair_passes(query.raw(), strs[*i].raw(), p.1, cutoff))
            .map(|(i, p)| (i, p.1))
            .collect();
        let hib = scoring.higher_is_better();
        expected.sort_by(|a, b| {
            let o = a.1.partial_cmp(&b.1).unwrap();
            (if hib { o.reverse() } else { o }).then(a.0.cmp(&b.0))
        });
        expected.truncate(limit);
        let got: Vec<(usize, f64)> = (0..written).map(|i| (positions[i], scores[i])).collect();
        if limit == 1 && !expected.is_empty() && !got.is_empty() {
            // extractOne may stop at the first perfect score.
            assert_eq!(got[0].1, expected[0].1, "extractOne score: {got:?} vs {expected:?} ({scoring:?})");
        } else {
            assert_eq!(got, expected, "extract {scoring:?} cutoff {cutoff:?}");
        }
    }

    // cdist into doubles: each cell is the pairwise score with the cutoff.
    let rows = if layout & 0x80 != 0 { None } else { Some(&packed_queries) };
    let row_strs: Vec<Vec<u64>> = if rows.is_some() { queries.clone() } else { choices.clone() };
    let mut out = vec![f64::NAN; row_strs.len() * choices.len()];
    let q = packed_queries.raw();
    let dtype = if r.u8() < 200 { FFZ_DTYPE_FLOAT64 } else { 1 + r.u8() as u32 % 11 };
    let mut out_bytes = vec![0u8; out.len() * 8];
    // SAFETY: out has rows * columns doubles (or that many bytes * 8).
    let st = unsafe {
        ffz_process_cdist(
            rows.map_or(std::ptr::null(), |_| &q),
            &c,
            &raw_scorer,
            cutoff.as_ref().map_or(std::ptr::null(), |c| c as *const f64),
            std::ptr::null(),
            1.0,
            dtype,
            workers,
            std::ptr::null(),
            if dtype == FFZ_DTYPE_FLOAT64 { out.as_mut_ptr().cast() } else { out_bytes.as_mut_ptr().cast() },
            out.len(),
        )
    };
    assert_not_panic(st, "cdist");
    let row_fstrs: Vec<FStr> = row_strs.iter().map(|s| FStr::from_values(kind, s, 0)).collect();
    let mut cell_status = FFZ_OK;
    let mut expected_cells = Vec::new();
    for qs in &row_fstrs {
        for cs in &strs {
            let (s, v) = scoring.pair(qs.raw(), cs.raw());
            if s != FFZ_OK {
                cell_status = s;
            }
            // The cutoff as the scorer applies it.
            let v = match (cutoff, scoring) {
                (Some(c), _) if scoring.passes_search(v, Some(c)) => v,
                // Integer distances above the cutoff: not checked (below).
                (Some(_), Scoring::Metric(_, 0)) => v,
                (Some(_), Scoring::Metric(_, 2)) => 1.0,
                (Some(_), _) => 0.0,
                (None, _) => v,
            };
            expected_cells.push(v);
        }
    }
    if dtype > 10 || dtype == 0 {
        assert_eq!(st, FFZ_INVALID_ARGUMENT);
        return;
    }
    if cell_status != FFZ_OK {
        assert_eq!(st, cell_status, "cdist status");
    } else {
        assert_eq!(st, FFZ_OK, "cdist: {}", ffz_fuzz::last_error());
        let int_distance_cutoff = matches!(scoring, Scoring::Metric(_, 0)) && cutoff.is_some();
        if dtype == FFZ_DTYPE_FLOAT64 && !int_distance_cutoff {
            for (i, (g, e)) in out.iter().zip(&expected_cells).enumerate() {
                assert!(g == e || (g - e).abs() < 1e-9, "cdist cell {i}: {g} vs {e} ({scoring:?}, cutoff {cutoff:?})");
            }
        }
    }

    // cpdist: queries[i] against choices[i]; counts must match.
    let n = queries.len();
    let mut pout = vec![f64::NAN; n];
    // SAFETY: pout has n doubles.
    let st = unsafe {
        ffz_process_cpdist(
            &q,
            &c,
            &raw_scorer,
            std::ptr::null(),
            std::ptr::null(),
            1.0,
            FFZ_DTYPE_FLOAT64,
            workers,
            std::ptr::null(),
            pout.as_mut_ptr().cast(),
            n,
        )
    };
    assert_not_panic(st, "cpdist");
    if choices.len() != n {
        assert_eq!(st, FFZ_INVALID_ARGUMENT);
        return;
    }
    let pairs: Vec<(i32, f64)> = (0..n)
        .map(|i| scoring.pair(FStr::from_values(kind, &queries[i], 0).raw(), strs[i].raw()))
        .collect();
    if let Some(bad) = pairs.iter().find(|p| p.0 != FFZ_OK) {
        assert_eq!(st, bad.0);
    } else {
        assert_eq!(st, FFZ_OK, "cpdist: {}", ffz_fuzz::last_error());
        for i in 0..n {
            assert!(pout[i] == pairs[i].1, "cpdist {i}: {} vs {} ({scoring:?})", pout[i], pairs[i].1);
        }
    }
});
