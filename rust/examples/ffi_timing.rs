//! Per-call cost of the C entry point against the core kernel it wraps, for
//! a 15-character pair and a 1-character pair.
//! Run: cargo run --release --example ffi_timing
use ferrofuzz::distance::{self, levenshtein::Levenshtein};
use ferrofuzz::ffi::{distance::ffz_levenshtein_distance, ffz_str, FFZ_KIND_U8};
use std::time::Instant;

fn time_pair(label: &str, a: &[u8], b: &[u8]) {
    let n = 2_000_000u32;
    let t = Instant::now();
    let mut sum = 0usize;
    for _ in 0..n {
        sum += distance::distance(&Levenshtein::default(), std::hint::black_box(a), b, None, None);
    }
    println!("{label} core: {:?}/call ({sum})", t.elapsed() / n);
    let s1 = ffz_str { data: a.as_ptr().cast(), len: a.len(), kind: FFZ_KIND_U8 };
    let s2 = ffz_str { data: b.as_ptr().cast(), len: b.len(), kind: FFZ_KIND_U8 };
    let mut out = 0usize;
    let t = Instant::now();
    for _ in 0..n {
        unsafe { ffz_levenshtein_distance(std::hint::black_box(s1), s2, std::ptr::null(), usize::MAX, usize::MAX, &mut out) };
        sum += out;
    }
    println!("{label} ffi:  {:?}/call ({sum})", t.elapsed() / n);
}

fn main() {
    time_pair("15 chars", b"Jonathan Smithe", b"Johnathan Smith");
    time_pair("1 char  ", b"a", b"b");
}
