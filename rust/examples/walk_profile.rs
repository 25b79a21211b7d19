//! Where an exact-match (k = 0) Index search spends its time. Run under
//! `valgrind --tool=callgrind` or time it: cargo run --release --example walk_profile
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
    let mut s = 7u64;
    let first = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth"];
    let names: Vec<String> = (0..100_000)
        .map(|_| {
            let f = first[(rng(&mut s) % 10) as usize];
            let last: String = (0..(4 + rng(&mut s) % 6)).map(|_| (b'a' + (rng(&mut s) % 26) as u8) as char).collect();
            format!("{f} {last}")
        })
        .collect();
    let index = Index::from_owned(names.iter().map(|n| OwnedSeq::from_str(n)).collect());
    let scorer = Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance);
    for k in [0.0, 1.0, 2.0] {
        let t = Instant::now();
        let mut found = 0;
        for i in 0..200 {
            let q = OwnedSeq::from_str(&names[(i * 337) % names.len()]);
            found += index.search(q.as_seq(), &scorer, usize::MAX, Some(k)).unwrap().len();
        }
        println!("k={k}: {:?}/query ({found} found)", t.elapsed() / 200);
    }
}
