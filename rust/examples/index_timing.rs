//! Rough timing of Index searches on synthetic names (not a benchmark of
//! record; bench/ compares with the peers). Run:
//! cargo run --release --example index_timing
use ferrofuzz::distance::levenshtein::Weights;
use ferrofuzz::index::Index;
use ferrofuzz::scorer::{Form, MetricKind, Scorer};
use ferrofuzz::unit::OwnedSeq;
use std::time::Instant;

fn rng(s: &mut u64) -> u64 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    *s
}

fn main() {
    let mut s = 42u64;
    let syll = ["an", "ber", "cha", "del", "ed", "fra", "gor", "hal", "in", "jo", "ka", "lin", "mar", "nor", "ol", "pet", "qui", "ros", "sam", "tor", "ul", "vik", "wen", "xa", "yor", "zel"];
    let name = |s: &mut u64| {
        let mut w = String::new();
        for part in 0..2 {
            if part == 1 { w.push(' '); }
            for _ in 0..(2 + rng(s) % 3) { w.push_str(syll[(rng(s) % 26) as usize]); }
        }
        w
    };
    let n = 100_000;
    let names: Vec<String> = (0..n).map(|_| name(&mut s)).collect();
    let t = Instant::now();
    let index = Index::from_owned(names.iter().map(|w| OwnedSeq::from_str(w)).collect());
    println!("build {n}: {:?}, heap {} bytes ({:.2}x raw)", t.elapsed(), index.heap_bytes(),
        index.heap_bytes() as f64 / names.iter().map(|w| w.len()).sum::<usize>() as f64);
    let queries: Vec<OwnedSeq> = (0..200).map(|i| {
        let mut q: Vec<u8> = names[(i * 7919) % n].bytes().collect();
        for _ in 0..(1 + rng(&mut s) % 3) {
            let at = (rng(&mut s) as usize) % q.len();
            match rng(&mut s) % 3 { 0 => { q.remove(at); } 1 => q.insert(at, b'a' + (rng(&mut s) % 26) as u8), _ => q[at] = b'a' + (rng(&mut s) % 26) as u8 }
        }
        OwnedSeq::U8(q)
    }).collect();
    for (label, scorer, limit, cutoff) in [
        ("within 2", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance), usize::MAX, Some(2.0)),
        ("top5 norm lev", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::NormalizedSimilarity), 5, None),
        ("top5 norm indel", Scorer::new(MetricKind::Indel, Form::NormalizedSimilarity), 5, None),
    ] {
        let t = Instant::now();
        let mut found = 0;
        for q in &queries { found += index.search(q.as_seq(), &scorer, limit, cutoff).unwrap().len(); }
        let fast = t.elapsed() / queries.len() as u32;
        let t = Instant::now();
        for q in queries.iter().take(20) { index.scan(q.as_seq(), &scorer, limit, cutoff).unwrap(); }
        let slow = t.elapsed() / 20;
        println!("{label}: index {fast:?}/query, scan {slow:?}/query, {found} results");
    }
}
