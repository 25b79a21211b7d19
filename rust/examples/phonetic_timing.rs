//! Per-name cost of each phonetic code in the core (the allocation-free
//! `*_into` forms, as the FFI runs them; Double Metaphone has none), over the shipped sample
//! of 2,000 names (examples/data/names.txt), or the file given.
//! Then the same codes through the C entry point `ffz_phonetic_into`, as
//! the Python package's single calls reach it.
//! Run: cargo run --release --example phonetic_timing [FILE [ROUNDS]]
use ferrofuzz::ffi::phonetic::{
    ffz_phonetic_into, FFZ_PHONETIC_DOUBLE_METAPHONE, FFZ_PHONETIC_MATCH_RATING_CODEX, FFZ_PHONETIC_METAPHONE,
    FFZ_PHONETIC_NYSIIS, FFZ_PHONETIC_SOUNDEX,
};
use ferrofuzz::phonetic;
use std::time::Instant;

fn time(label: &str, names: &[String], rounds: usize, mut code: impl FnMut(&str) -> usize) {
    let t = Instant::now();
    let mut sum = 0usize;
    for _ in 0..rounds {
        for name in names {
            sum += code(std::hint::black_box(name));
        }
    }
    let per_name = t.elapsed().as_nanos() as f64 / (rounds * names.len()) as f64;
    println!("{label:<20} {per_name:6.1} ns/name ({sum})");
}

/// The length of `s`'s code under `code`, written into `out`.
fn into(out: &mut String, s: &str, code: fn(&str, &mut String)) -> usize {
    code(s, out);
    out.len()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/names.txt").to_string());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let names: Vec<String> = text.lines().map(str::to_string).collect();
    let rounds = std::env::args().nth(2).map_or(500, |r| r.parse().expect("ROUNDS: a whole number"));
    // The `*_into` forms with one reused buffer, as ffz_phonetic_into runs them.
    let mut out = String::new();
    time("soundex", &names, rounds, |s| into(&mut out, s, phonetic::soundex_into));
    time("metaphone", &names, rounds, |s| into(&mut out, s, phonetic::metaphone_into));
    time("nysiis", &names, rounds, |s| into(&mut out, s, phonetic::nysiis_into));
    time("match_rating_codex", &names, rounds, |s| {
        into(&mut out, s, |s, out| {
            let _ = phonetic::match_rating_codex_into(s, out);
        })
    });
    time("double_metaphone", &names, rounds, |s| {
        let (p, a) = phonetic::double_metaphone(s);
        p.len() + a.len()
    });
    let mut buf = [0u8; 128];
    for (label, algorithm) in [
        ("ffi soundex", FFZ_PHONETIC_SOUNDEX),
        ("ffi metaphone", FFZ_PHONETIC_METAPHONE),
        ("ffi nysiis", FFZ_PHONETIC_NYSIIS),
        ("ffi match_rating_codex", FFZ_PHONETIC_MATCH_RATING_CODEX),
        ("ffi double_metaphone", FFZ_PHONETIC_DOUBLE_METAPHONE),
    ] {
        time(label, &names, rounds, |s| {
            let mut written = 0usize;
            // SAFETY: `s` and `buf` outlive the call, which writes at most `buf.len()` bytes.
            let status = unsafe {
                ffz_phonetic_into(algorithm, s.as_ptr().cast(), s.len(), buf.as_mut_ptr().cast(), buf.len(), &mut written)
            };
            // The MRA codex refuses non-alphabetic names (FFZ_NOT_ALPHABETIC).
            assert!(status == 0 || algorithm == FFZ_PHONETIC_MATCH_RATING_CODEX, "{label} {s:?}: {status}");
            written
        });
    }
}
