//! The index loader on arbitrary bytes (`ffz_index_from_bytes` and
//! `ffz_index_load` from a file): corrupt input must fail cleanly with
//! FFZ_BAD_FILE, never crash, hang or allocate hugely (CI runs this target
//! with -malloc_limit_mb). What loads must be a working index: it searches
//! like brute force over its own choices and saves to bytes that load again
//! to the same bytes.
#![no_main]

use ffz_fuzz::{assert_not_panic, index_check, FStr, Reader, Scoring};
use ferrofuzz::ffi::index::*;
use ferrofuzz::ffi::results::*;
use ferrofuzz::ffi::{FFZ_BAD_FILE, FFZ_KIND_U32, FFZ_KIND_U64, FFZ_KIND_U8, FFZ_OK};
use libfuzzer_sys::fuzz_target;

unsafe fn bytes_of(index: *const ffz_index) -> Vec<u8> {
    let mut b = std::ptr::null_mut();
    assert_eq!(ffz_index_to_bytes(index, &mut b), FFZ_OK);
    let (mut p, mut len) = (std::ptr::null(), 0usize);
    assert_eq!(ffz_bytes_data(b, &mut p, &mut len), FFZ_OK);
    let v = if len == 0 { Vec::new() } else { std::slice::from_raw_parts(p, len).to_vec() };
    ffz_bytes_free(b);
    v
}

fuzz_target!(|data: &[u8]| {
    let mut index = std::ptr::null_mut();
    // SAFETY: data is live for the call.
    let st = unsafe { ffz_index_from_bytes(data.as_ptr(), data.len(), &mut index) };
    assert_not_panic(st, "index_from_bytes");

    // The same bytes through a file.
    let path = std::env::temp_dir().join(format!("ffz-fuzz-load-{}.ffzi", std::process::id()));
    std::fs::write(&path, data).unwrap();
    let p = path.as_os_str().as_encoded_bytes();
    let mut from_file = std::ptr::null_mut();
    // SAFETY: p is live for the call.
    let st_file = unsafe { ffz_index_load(p.as_ptr().cast(), p.len(), &mut from_file) };
    assert_not_panic(st_file, "index_load");
    assert_eq!(st_file, st, "file and bytes loaders disagree");
    if st != FFZ_OK {
        assert_eq!(st, FFZ_BAD_FILE, "corrupt input gave {st}: {}", ffz_fuzz::last_error());
        assert!(index.is_null() && from_file.is_null(), "out written on failure");
        return;
    }
    // SAFETY: both indexes are live until freed.
    unsafe {
        let saved = bytes_of(index);
        assert_eq!(bytes_of(from_file), saved);
        let mut again = std::ptr::null_mut();
        assert_eq!(ffz_index_from_bytes(saved.as_ptr(), saved.len(), &mut again), FFZ_OK);
        assert_eq!(bytes_of(again), saved, "save/load/save is not stable");
        ffz_index_free(again);
        ffz_index_free(from_file);

        // Read the choices back and search like brute force over them.
        let mut n = 0usize;
        assert_eq!(ffz_index_len(index, &mut n), FFZ_OK);
        let mut choices = Vec::new();
        for i in 0..n.min(64) {
            let (mut len, mut kind) = (0usize, 0u32);
            assert_eq!(ffz_index_choice(index, i, std::ptr::null_mut(), 0, &mut len, &mut kind), FFZ_OK);
            assert!(len <= data.len(), "choice {i} claims {len} units from {} bytes", data.len());
            let mut buf = vec![0u64; len];
            assert_eq!(ffz_index_choice(index, i, buf.as_mut_ptr().cast(), len, &mut len, &mut kind), FFZ_OK);
            let bytes = std::slice::from_raw_parts(buf.as_ptr() as *const u8, len * 8);
            let values: Vec<u64> = match kind {
                FFZ_KIND_U8 => bytes[..len].iter().map(|&b| b as u64).collect(),
                FFZ_KIND_U32 => bytes[..len * 4].chunks_exact(4).map(|c| u32::from_ne_bytes(c.try_into().unwrap()) as u64).collect(),
                FFZ_KIND_U64 => buf.clone(),
                k => panic!("choice {i} has kind {k}"),
            };
            choices.push(values);
        }
        if n <= 64 && choices.iter().map(Vec::len).sum::<usize>() <= 2000 {
            let mut r = Reader::new(&data[data.len() / 2..]);
            let (scorer, scoring) = Scoring::gen(&mut r);
            let queries = vec![FStr::gen(&mut r, 20)];
            index_check(index, &choices, &queries, scorer, scoring, None, 5, 0.5);
        }
        ffz_index_free(index);
    }
});
