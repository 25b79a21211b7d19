//! Every phonetic export on strings of every kind: statuses follow the
//! text-decoding rules, codes are UTF-8, do not depend on how the text was
//! encoded, and agree between the allocating, caller-buffer and batch
//! forms.
#![no_main]

use ffz_fuzz::{assert_not_panic, FStr, Reader};
use ferrofuzz::ffi::phonetic::*;
use ferrofuzz::ffi::results::{ffz_bytes, ffz_bytes_data, ffz_bytes_free};
use ferrofuzz::ffi::{
    ffz_str, FFZ_INVALID_ARGUMENT, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8, FFZ_KIND_UTF8, FFZ_NOT_ALPHABETIC,
    FFZ_OK, FFZ_TOO_LARGE,
};
use libfuzzer_sys::fuzz_target;

/// The text a string decodes to, or the status decoding must fail with.
fn expected_text(s: &FStr) -> Result<String, i32> {
    if s.kind() == FFZ_KIND_U64 {
        return Err(FFZ_INVALID_ARGUMENT);
    }
    if let Some(e) = s.error() {
        return Err(e);
    }
    let mut text = String::new();
    for &v in s.values().unwrap() {
        let c = if v > 0x10FFFF { None } else { char::from_u32(v as u32) };
        match c {
            Some(c) => text.push(c),
            None => return Err(FFZ_INVALID_ARGUMENT),
        }
    }
    Ok(text)
}

/// Takes a library buffer's bytes (checked to be UTF-8) and frees it.
fn take(b: *mut ffz_bytes) -> String {
    let (mut data, mut len) = (std::ptr::null(), 0usize);
    // SAFETY: b came from the library and is freed once, here.
    unsafe {
        assert_eq!(ffz_bytes_data(b, &mut data, &mut len), FFZ_OK);
        let bytes = if len == 0 { Vec::new() } else { std::slice::from_raw_parts(data, len).to_vec() };
        ffz_bytes_free(b);
        String::from_utf8(bytes).expect("a phonetic code is not UTF-8")
    }
}

type OneFn = unsafe extern "C" fn(ffz_str, *mut *mut ffz_bytes) -> i32;
const ONE: [(u32, OneFn); 4] = [
    (FFZ_PHONETIC_SOUNDEX, ffz_soundex),
    (FFZ_PHONETIC_METAPHONE, ffz_metaphone),
    (FFZ_PHONETIC_NYSIIS, ffz_nysiis),
    (FFZ_PHONETIC_MATCH_RATING_CODEX, ffz_match_rating_codex),
];

/// The code(s) of `s` by `algorithm`, through the allocating functions.
fn codes(algorithm: u32, s: ffz_str) -> Result<Vec<String>, i32> {
    // SAFETY: s points into live storage; out pointers are valid.
    unsafe {
        if algorithm == FFZ_PHONETIC_DOUBLE_METAPHONE {
            let (mut p, mut a) = (std::ptr::null_mut(), std::ptr::null_mut());
            let st = ffz_double_metaphone(s, &mut p, &mut a);
            assert_not_panic(st, "double_metaphone");
            return if st == FFZ_OK { Ok(vec![take(p), take(a)]) } else { Err(st) };
        }
        let f = ONE.iter().find(|(id, _)| *id == algorithm).unwrap().1;
        let mut out = std::ptr::null_mut();
        let st = f(s, &mut out);
        assert_not_panic(st, "phonetic code");
        if st == FFZ_OK {
            Ok(vec![take(out)])
        } else {
            Err(st)
        }
    }
}

fn utf8(text: &str) -> FStr {
    FStr::from_values(FFZ_KIND_UTF8, &text.chars().map(|c| c as u64).collect::<Vec<_>>(), 1)
}

fuzz_target!(|data: &[u8]| {
    let mut r = Reader::new(data);
    let s1 = FStr::gen(&mut r, 200);
    let s2 = FStr::gen(&mut r, 200);
    let algorithm = 1 + r.u8() as u32 % 5;
    let separator = [0u32, b'|' as u32, b'a' as u32, 0xBF, 0xD800, 0x110000, b' ' as u32][r.u8() as usize % 7];
    let expect = expected_text(&s1);

    let got = codes(algorithm, s1.raw());
    let text = match (&expect, &got) {
        (Err(e), _) => {
            assert_eq!(got.as_ref().err(), Some(e), "status for {:?}", s1.expect);
            return;
        }
        (Ok(text), Err(st)) => {
            assert!(
                algorithm == FFZ_PHONETIC_MATCH_RATING_CODEX && *st == FFZ_NOT_ALPHABETIC,
                "algorithm {algorithm} failed with {st} on {text:?}: {}",
                ffz_fuzz::last_error()
            );
            // Python's isalpha and Rust's is_alphabetic differ outside ASCII.
            if text.is_ascii() {
                assert!(text.chars().any(|c| !c.is_ascii_alphabetic() && c != ' '), "MRA refused {text:?}");
            }
            text.clone()
        }
        (Ok(text), Ok(_)) => text.clone(),
    };

    // The same text as UTF-8 (and as code points) gives the same result.
    let as_utf8 = utf8(&text);
    assert_eq!(codes(algorithm, as_utf8.raw()), got, "UTF-8 form of {text:?}");
    let cps: Vec<u64> = text.chars().map(|c| c as u64).collect();
    let as_u32 = FStr::from_values(FFZ_KIND_U32, &cps, 3);
    assert_eq!(codes(algorithm, as_u32.raw()), got, "code point form of {text:?}");
    if cps.iter().all(|&c| c < 256) {
        let as_u8 = FStr::from_values(FFZ_KIND_U8, &cps, 5);
        assert_eq!(codes(algorithm, as_u8.raw()), got, "Latin-1 form of {text:?}");
    }

    // The caller-buffer form.
    let cap = r.u8() as usize % 40;
    let mut buf = vec![0x55u8; cap.max(1)];
    let mut written = usize::MAX;
    // SAFETY: buf has at least cap bytes.
    let st = unsafe {
        ffz_phonetic_into(algorithm, text.as_ptr().cast(), text.len(), buf.as_mut_ptr().cast(), cap, &mut written)
    };
    assert_not_panic(st, "phonetic_into");
    match &got {
        Err(e) => assert_eq!(st, *e),
        Ok(c) => {
            let joined = c.join("\0");
            if joined.len() >= cap {
                assert_eq!(st, FFZ_TOO_LARGE);
            } else {
                assert_eq!(st, FFZ_OK);
                assert_eq!(written, joined.len());
                assert_eq!(&buf[..written], joined.as_bytes());
                assert_eq!(buf[written], 0);
            }
        }
    }

    // The batch form: pieces split on the separator, codes joined by it.
    let mut out = std::ptr::null_mut();
    // SAFETY: valid string and out pointer.
    let st = unsafe { ffz_phonetic_batch(algorithm, s1.raw(), separator, &mut out) };
    assert_not_panic(st, "phonetic_batch");
    match char::from_u32(separator) {
        None => assert_eq!(st, FFZ_INVALID_ARGUMENT),
        Some(sep) => {
            let mut expected: Result<Vec<String>, i32> = Ok(Vec::new());
            for piece in text.split(sep) {
                match codes(algorithm, utf8(piece).raw()) {
                    Ok(c) => {
                        if c.iter().any(|c| c.contains(sep)) {
                            expected = Err(FFZ_INVALID_ARGUMENT);
                            break;
                        }
                        expected.as_mut().unwrap().extend(c)
                    }
                    Err(e) => {
                        expected = Err(e);
                        break;
                    }
                }
            }
            match expected {
                Ok(parts) => {
                    assert_eq!(st, FFZ_OK, "batch: {}", ffz_fuzz::last_error());
                    assert_eq!(take(out), parts.join(sep.encode_utf8(&mut [0; 4])));
                }
                Err(e) => assert_eq!(st, e, "batch status"),
            }
        }
    }

    // Match Rating comparison: both strings' rules, -1/0/1, and the UTF-8
    // entry point agrees.
    let mut cmp = 7i32;
    // SAFETY: valid strings and out pointer.
    let st = unsafe { ffz_match_rating_comparison(s1.raw(), s2.raw(), &mut cmp) };
    assert_not_panic(st, "match_rating_comparison");
    match expected_text(&s2) {
        Err(e) => assert_eq!(st, e),
        Ok(text2) => {
            let bad = |t: &str| t.chars().any(|c| !c.is_ascii_alphabetic() && c != ' ');
            if !(text.is_ascii() && text2.is_ascii()) {
                assert!(st == FFZ_OK || st == FFZ_NOT_ALPHABETIC, "comparison status {st}");
            } else if bad(&text) || bad(&text2) {
                assert_eq!(st, FFZ_NOT_ALPHABETIC);
            } else {
                assert_eq!(st, FFZ_OK, "{}", ffz_fuzz::last_error());
            }
            if st == FFZ_OK {
                assert!((-1..=1).contains(&cmp));
            }
            let mut cmp2 = 9i32;
            // SAFETY: both texts are live.
            let st2 = unsafe {
                ffz_match_rating_comparison_utf8(text.as_ptr().cast(), text.len(), text2.as_ptr().cast(), text2.len(), &mut cmp2)
            };
            assert_eq!(st2, st);
            if st == FFZ_OK {
                assert_eq!(cmp2, cmp);
            }
        }
    }
});
