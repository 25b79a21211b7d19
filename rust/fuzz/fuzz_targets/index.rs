//! `ffz_index_new`/`_add` (with keys), `_search`, `_search_many`,
//! `_dedupe`, the accessors, and a to_bytes/from_bytes round trip, checked
//! against brute force over the pairwise functions.
#![no_main]

use ffz_fuzz::{assert_not_panic, first_error, index_check, FStr, Reader, Scoring};
use ferrofuzz::ffi::index::*;
use ferrofuzz::ffi::results::*;
use ferrofuzz::ffi::{ffz_str, FFZ_OK};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let n = r.u8() as usize % 10;
    let strs: Vec<FStr> = (0..n).map(|_| FStr::gen(&mut r, 30)).collect();
    let raws: Vec<ffz_str> = strs.iter().map(FStr::raw).collect();
    let mut index = std::ptr::null_mut();
    let split = r.u8() as usize % (n + 1);
    // SAFETY: raws holds n valid ffz_str values.
    let st = unsafe { ffz_index_new(raws.as_ptr(), split, &mut index) };
    assert_not_panic(st, "index_new");
    let refs: Vec<&FStr> = strs.iter().collect();
    if let Some(e) = first_error(&refs[..split]) {
        assert_eq!(st, e);
        return;
    }
    assert_eq!(st, FFZ_OK);
    // Keys for the rest: none, ints, texts (some not UTF-8).
    let key_texts: Vec<Vec<u8>> = (split..n).map(|i| vec![b'k', i as u8, if r.u8() < 20 { 0xFF } else { b'x' }]).collect();
    let keys: Vec<ffz_key> = (split..n)
        .map(|i| match r.u8() % 3 {
            0 => ffz_key { kind: FFZ_KEY_NONE, int_value: 0, text: std::ptr::null(), text_len: 0 },
            1 => ffz_key { kind: FFZ_KEY_INT, int_value: i as i64 * 1_000_000_007, text: std::ptr::null(), text_len: 0 },
            _ => ffz_key { kind: FFZ_KEY_TEXT, int_value: 0, text: key_texts[i - split].as_ptr().cast(), text_len: 3 },
        })
        .collect();
    let mut first = usize::MAX;
    // SAFETY: raws[split..] and keys have n - split entries.
    let st = unsafe { ffz_index_add(index, raws[split..].as_ptr(), keys.as_ptr(), n - split, &mut first) };
    assert_not_panic(st, "index_add");
    let added = if let Some(e) = first_error(&refs[split..]) {
        assert_eq!(st, e);
        split
    } else if keys.iter().enumerate().any(|(j, k)| k.kind == FFZ_KEY_TEXT && key_texts[j][2] == 0xFF) {
        assert_eq!(st, ferrofuzz::ffi::FFZ_INVALID_UTF8);
        split
    } else {
        assert_eq!((st, first), (FFZ_OK, split));
        n
    };
    // Nothing is added on failure.
    let choices: Vec<Vec<u64>> = strs[..added].iter().map(|s| s.values().unwrap().to_vec()).collect();
    let (scorer, scoring) = Scoring::gen(&mut r);
    let queries: Vec<FStr> = (0..1 + r.u8() % 3).map(|_| FStr::gen(&mut r, 30)).collect();
    let cutoff = if r.bool() { None } else { Some(r.norm_cutoff(true) * if r.bool() { 100.0 } else { 4.0 }) };
    let limit = r.u8() as usize % 12;
    let threshold = r.norm_cutoff(true) * if r.bool() { 100.0 } else { 3.0 };
    // SAFETY: index is live until freed below.
    unsafe {
        index_check(index, &choices, &queries, scorer, scoring, cutoff, limit, threshold);
        // Keys and choices read back.
        for (i, s) in strs[..added].iter().enumerate() {
            let (mut kind, mut iv, mut tl) = (0u32, 0i64, 0usize);
            let mut text = [0u8; 8];
            assert_eq!(ffz_index_key(index, i, &mut kind, &mut iv, text.as_mut_ptr().cast(), 8, &mut tl), FFZ_OK);
            if i < split {
                assert_eq!(kind, FFZ_KEY_NONE);
            } else {
                let k = keys[i - split];
                assert_eq!(kind, k.kind);
                if k.kind == FFZ_KEY_INT {
                    assert_eq!(iv, k.int_value);
                } else if k.kind == FFZ_KEY_TEXT {
                    assert_eq!(&text[..tl], &key_texts[i - split][..]);
                }
            }
            let _ = s;
        }
        let (mut kind, mut iv, mut tl) = (0u32, 0i64, 0usize);
        assert_eq!(ffz_index_key(index, added, &mut kind, &mut iv, std::ptr::null_mut(), 0, &mut tl), ferrofuzz::ffi::FFZ_INVALID_ARGUMENT);
        // Round trip through bytes: same choices, same results.
        let mut bytes = std::ptr::null_mut();
        assert_eq!(ffz_index_to_bytes(index, &mut bytes), FFZ_OK);
        let (mut p, mut len) = (std::ptr::null(), 0usize);
        assert_eq!(ffz_bytes_data(bytes, &mut p, &mut len), FFZ_OK);
        let mut copy = std::ptr::null_mut();
        let st = ffz_index_from_bytes(p, len, &mut copy);
        assert_eq!(st, FFZ_OK, "reloading a saved index: {}", ffz_fuzz::last_error());
        index_check(copy, &choices, &queries, scorer, scoring, cutoff, limit, threshold);
        ffz_bytes_free(bytes);
        ffz_index_free(copy);
        ffz_index_free(index);
    }
});
