//! Times top-k and threshold searches on names read from files (one per
//! line), and checks them against the scan. Not a benchmark of record.
//! cargo run --release --example bench_names -- NAMES QUERIES [COUNT]
use ferrofuzz::distance::levenshtein::Weights;
use ferrofuzz::index::Index;
use ferrofuzz::scorer::{Form, MetricKind, Scorer};
use ferrofuzz::unit::OwnedSeq;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let names: Vec<String> = std::fs::read_to_string(&args[1]).unwrap().lines().map(String::from).collect();
    let count: usize = args.get(3).map_or(200, |c| c.parse().unwrap());
    let check = std::env::var("CHECK").is_ok();
    let queries: Vec<OwnedSeq> =
        std::fs::read_to_string(&args[2]).unwrap().lines().take(count).map(OwnedSeq::from_str).collect();
    let index = Index::from_owned(names.iter().map(|w| OwnedSeq::from_str(w)).collect());
    println!("heap {:.3}x raw", index.heap_bytes() as f64 / names.iter().map(|w| w.len()).sum::<usize>() as f64);
    let only = std::env::var("ONLY").unwrap_or_default();
    for (label, scorer, limit, cutoff) in [
        ("within2 lev", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance), usize::MAX, Some(2.0)),
        ("within3 lev", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance), usize::MAX, Some(3.0)),
        ("within4 lev", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance), usize::MAX, Some(4.0)),
        ("within2 osa", Scorer::new(MetricKind::Osa, Form::Distance), usize::MAX, Some(2.0)),
        ("top5 norm lev", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::NormalizedSimilarity), 5, None),
        ("top5 norm indel", Scorer::new(MetricKind::Indel, Form::NormalizedSimilarity), 5, None),
        ("top5 norm osa", Scorer::new(MetricKind::Osa, Form::NormalizedSimilarity), 5, None),
        ("top1 norm lev", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::NormalizedSimilarity), 1, None),
        ("top5 lev dist", Scorer::new(MetricKind::Levenshtein(Weights::default()), Form::Distance), 5, None),
    ] {
        if !label.contains(&only) {
            continue;
        }
        let repeats: usize = std::env::var("REPEATS").map_or(3, |r| r.parse().unwrap());
        let mut fast = std::time::Duration::MAX;
        let mut found = 0;
        for _ in 0..repeats {
            let t = Instant::now();
            found = 0;
            for q in &queries {
                found += index.search(q.as_seq(), &scorer, limit, cutoff).unwrap().len();
            }
            fast = fast.min(t.elapsed() / queries.len() as u32);
        }
        let mut slow = std::time::Duration::ZERO;
        if check {
            let t = Instant::now();
            for q in &queries {
                let a = index.search(q.as_seq(), &scorer, limit, cutoff).unwrap();
                let b = index.scan(q.as_seq(), &scorer, limit, cutoff).unwrap();
                assert_eq!(a, b, "{label} {q:?}");
            }
            slow = t.elapsed() / queries.len() as u32;
        }
        println!("{label}: index {fast:?}/query ({found} results){}", if check { format!(", checked (+scan {slow:?})") } else { String::new() });
    }
}
