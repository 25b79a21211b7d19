use super::hirschberg::levenshtein_editops_with_threshold;
use super::indel_align::indel_editops_with_budget;
use super::*;

fn fmt_ops(e: &Editops) -> String {
    e.ops
        .iter()
        .map(|o| format!("{}{},{}", &o.tag.name()[..1], o.src_pos, o.dest_pos))
        .collect::<Vec<_>>()
        .join(";")
}

/// Parity driver: FFZ_PARITY_IN holds cases (`kind\ts1\ts2\thint\tthreshold`,
/// strings as text); writes one line of ops per case to FFZ_PARITY_OUT.
#[test]
#[ignore]
fn parity_driver() {
    let Ok(inp) = std::env::var("FFZ_PARITY_IN") else {
        return;
    };
    let outp = std::env::var("FFZ_PARITY_OUT").unwrap();
    let text = std::fs::read_to_string(inp).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let a: Vec<u32> = f[1].chars().map(|c| c as u32).collect();
        let b: Vec<u32> = f[2].chars().map(|c| c as u32).collect();
        let hint: Option<usize> = f[3].parse().ok();
        let thr: usize = f[4].parse().unwrap();
        let e = match f[0] {
            "L" => levenshtein_editops_with_threshold(&a, &b, hint, thr),
            _ => indel_editops_with_budget(&a, &b, thr),
        };
        out.push_str(&fmt_ops(&e));
        out.push('\n');
    }
    std::fs::write(outp, out).unwrap();
}

use crate::distance::reference;
use crate::unit::Unit;

#[path = "rapidfuzz_tables.rs"]
mod rapidfuzz_tables;
use rapidfuzz_tables::{GENERATED, SHORT};

/// Tiny xorshift64 PRNG (same sequence as the table generator).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random sequence over `k` letters and a copy with about `rate`
/// per mille of its units deleted, replaced, or followed by an insertion.
fn gen_pair(seed: u64, n: usize, k: usize, rate: usize) -> (Vec<u32>, Vec<u32>) {
    let mut r = Rng::new(seed);
    let letter = |i: usize| 'a' as u32 + i as u32;
    let a: Vec<u32> = (0..n).map(|_| letter(r.below(k))).collect();
    let mut b = Vec::new();
    for &c in &a {
        let x = r.below(1000);
        if x < rate / 3 {
        } else if x < 2 * rate / 3 {
            b.push(letter(r.below(k)));
        } else if x < rate {
            b.push(c);
            b.push(letter(r.below(k)));
        } else {
            b.push(c);
        }
    }
    (a, b)
}

fn chars(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// Checks the laws of an editops result for `s1 -> s2` with distance `dist`.
fn check_laws<A: Unit, B: Unit>(e: &Editops, s1: &[A], s2: &[B], dist: usize) {
    let v2: Vec<u64> = s2.iter().map(|u| u.value()).collect();
    let v1: Vec<u64> = s1.iter().map(|u| u.value()).collect();
    assert_eq!((e.src_len, e.dest_len), (s1.len(), s2.len()));
    assert_eq!(e.len(), dist, "op count != distance");
    assert_eq!(e.apply(s1, s2).unwrap(), v2, "apply(editops) != s2");
    let inv = e.inverse();
    assert_eq!(inv.inverse(), *e);
    assert_eq!(inv.apply(s2, s1).unwrap(), v1, "apply(inverse) != s1");
    let list: Vec<(OpcodeTag, usize, usize)> = e
        .ops
        .iter()
        .map(|o| (o.tag.into(), o.src_pos, o.dest_pos))
        .collect();
    assert_eq!(
        Editops::from_list(&list, e.src_len, e.dest_len).as_ref(),
        Ok(e)
    );
    let oc = e.as_opcodes();
    assert_eq!(oc.as_editops(), *e);
    assert_eq!(oc.apply(s1, s2).unwrap(), v2, "apply(opcodes) != s2");
    assert_eq!(oc.inverse().inverse(), oc);
    assert_eq!(oc.inverse(), inv.as_opcodes());
    let olist: Vec<_> = oc
        .ops
        .iter()
        .map(|o| (o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end))
        .collect();
    assert_eq!(
        Opcodes::from_list(&olist, oc.src_len, oc.dest_len).as_ref(),
        Ok(&oc)
    );
    assert_eq!(oc.as_matching_blocks(), e.as_matching_blocks());
    for mb in e.as_matching_blocks() {
        assert_eq!(v1[mb.a..mb.a + mb.size], v2[mb.b..mb.b + mb.size]);
    }
}

fn parse_ops(s: &str, src_len: usize, dest_len: usize) -> Editops {
    let mut e = Editops::new(src_len, dest_len);
    for item in s.split(';').filter(|x| !x.is_empty()) {
        let tag = match &item[..1] {
            "r" => EditTag::Replace,
            "i" => EditTag::Insert,
            _ => EditTag::Delete,
        };
        let (a, b) = item[1..].split_once(',').unwrap();
        e.ops.push(EditOp {
            tag,
            src_pos: a.parse().unwrap(),
            dest_pos: b.parse().unwrap(),
        });
    }
    e
}

#[test]
fn rapidfuzz_short_table() {
    for &(a, b, lev, ind) in SHORT {
        let (a, b) = (chars(a), chars(b));
        let e = levenshtein_editops(&a, &b, None);
        assert_eq!(fmt_ops(&e), lev, "levenshtein {:?} {:?}", a, b);
        check_laws(&e, &a, &b, reference::levenshtein(&a, &b, 1, 1, 1));
        let e = indel_editops(&a, &b);
        assert_eq!(fmt_ops(&e), ind, "indel");
        check_laws(&e, &a, &b, reference::indel(&a, &b));
    }
}

#[test]
fn rapidfuzz_generated_table() {
    for &(seed, n, k, rate, hint, lev, ind) in GENERATED {
        let (a, b) = gen_pair(seed, n, k, rate);
        let hint = if hint == 0 { None } else { Some(hint) };
        let e = levenshtein_editops(&a, &b, hint);
        assert_eq!(fmt_ops(&e), lev, "levenshtein seed {seed}");
        assert_eq!(e, parse_ops(lev, a.len(), b.len()));
        let e = indel_editops(&a, &b);
        assert_eq!(fmt_ops(&e), ind, "indel seed {seed}");
        // Segmented walks give the same ops.
        assert_eq!(
            fmt_ops(&indel_editops_with_budget(&a, &b, 64)),
            ind,
            "indel seed {seed} segmented"
        );
        if n <= 1000 {
            check_laws(
                &levenshtein_editops(&a, &b, hint),
                &a,
                &b,
                reference::levenshtein(&a, &b, 1, 1, 1),
            );
            check_laws(&e, &a, &b, reference::indel(&a, &b));
        }
    }
}

/// Maps letter indices into each unit type, with wide values for u32/u64
/// so that the hash-map side of the pattern vectors is exercised.
fn to_u8(v: &[usize]) -> Vec<u8> {
    v.iter().map(|&x| b'a' + x as u8).collect()
}
fn to_u32(v: &[usize]) -> Vec<u32> {
    v.iter()
        .map(|&x| {
            if x % 2 == 0 {
                'a' as u32 + x as u32
            } else {
                0x1F600 + x as u32
            }
        })
        .collect()
}
fn to_u64(v: &[usize]) -> Vec<u64> {
    v.iter()
        .map(|&x| {
            if x % 2 == 0 {
                'a' as u64 + x as u64
            } else {
                (x as u64) << 40 | 7
            }
        })
        .collect()
}

fn random_case(r: &mut Rng) -> (Vec<usize>, Vec<usize>) {
    let k = [2, 3, 4, 26][r.below(4)];
    let n = r.below(301);
    let a: Vec<usize> = (0..n).map(|_| r.below(k)).collect();
    let b: Vec<usize> = if r.below(2) == 0 {
        let rate = [30, 100, 300][r.below(3)];
        let mut b = Vec::new();
        for &c in &a {
            let x = r.below(1000);
            if x < rate / 3 {
            } else if x < 2 * rate / 3 {
                b.push(r.below(k));
            } else if x < rate {
                b.push(c);
                b.push(r.below(k));
            } else {
                b.push(c);
            }
        }
        b
    } else {
        (0..r.below(301)).map(|_| r.below(k)).collect()
    };
    if r.below(2) == 0 {
        (b, a)
    } else {
        (a, b)
    }
}

fn laws_for<A: Unit, B: Unit>(a: &[A], b: &[B], r: &mut Rng) {
    let lev = reference::levenshtein(a, b, 1, 1, 1);
    let e = levenshtein_editops(a, b, None);
    check_laws(&e, a, b, lev);
    let hint = Some(r.below(80));
    check_laws(&levenshtein_editops(a, b, hint), a, b, lev);
    // Hirschberg splitting on small inputs.
    let thr = [1, 64, 1024][r.below(3)];
    check_laws(
        &levenshtein_editops_with_threshold(a, b, None, thr),
        a,
        b,
        lev,
    );
    check_laws(
        &levenshtein_editops_with_threshold(a, b, hint, thr),
        a,
        b,
        lev,
    );
    let ind = reference::indel(a, b);
    let e = indel_editops(a, b);
    check_laws(&e, a, b, ind);
    assert_eq!(indel_editops_with_budget(a, b, [8, 64, 512][r.below(3)]), e);
}

#[test]
fn random_laws_all_unit_combinations() {
    let mut r = Rng::new(0x5eed);
    let cases = if cfg!(debug_assertions) { 60 } else { 300 };
    for _ in 0..cases {
        let (a, b) = random_case(&mut r);
        laws_for(&to_u8(&a), &to_u8(&b), &mut r);
        laws_for(&to_u8(&a), &to_u32(&b), &mut r);
        laws_for(&to_u8(&a), &to_u64(&b), &mut r);
        laws_for(&to_u32(&a), &to_u8(&b), &mut r);
        laws_for(&to_u32(&a), &to_u32(&b), &mut r);
        laws_for(&to_u32(&a), &to_u64(&b), &mut r);
        laws_for(&to_u64(&a), &to_u8(&b), &mut r);
        laws_for(&to_u64(&a), &to_u32(&b), &mut r);
        laws_for(&to_u64(&a), &to_u64(&b), &mut r);
    }
}

/// Laws on two 20,000-unit sequences (Hirschberg / segmented walks).
#[test]
#[cfg_attr(debug_assertions, ignore)]
fn large_20k_laws() {
    let (a, b) = gen_pair(42, 20_000, 26, 100);
    let (a8, b8): (Vec<u8>, Vec<u8>) = (
        a.iter().map(|&c| c as u8).collect(),
        b.iter().map(|&c| c as u8).collect(),
    );
    let lev = reference::levenshtein(&a8, &b8, 1, 1, 1);
    assert_eq!(
        lev,
        super::levenshtein_align::levenshtein_distance(&a8, &b8)
    );
    check_laws(&levenshtein_editops(&a8, &b8, None), &a8, &b8, lev);
    check_laws(
        &indel_editops(&a8, &b8),
        &a8,
        &b8,
        reference::indel(&a8, &b8),
    );
    // Unrelated sequences: distance close to the length.
    let (c, _) = gen_pair(43, 20_000, 4, 0);
    let c8: Vec<u8> = c.iter().map(|&x| x as u8).collect();
    let lev = super::levenshtein_align::levenshtein_distance(&a8, &c8);
    check_laws(&levenshtein_editops(&a8, &c8, None), &a8, &c8, lev);
    check_laws(
        &indel_editops(&a8, &c8),
        &a8,
        &c8,
        reference::indel(&a8, &c8),
    );
}

#[test]
fn editops_validation_matches_rapidfuzz() {
    use AlignmentError::*;
    use OpcodeTag::*;
    type Case<'a> = (
        &'a [(OpcodeTag, usize, usize)],
        usize,
        usize,
        Result<usize, AlignmentError>,
    );
    let cases: &[Case] = &[
        (&[(Insert, 0, 0)], 0, 0, Err(Invalid)),
        (&[(Delete, 0, 0)], 1, 0, Ok(1)),
        (&[(Delete, 1, 0)], 1, 0, Err(Invalid)),
        (&[(Replace, 1, 0)], 1, 1, Err(Invalid)),
        (&[(Insert, 2, 0)], 1, 1, Err(Invalid)),
        (&[(Insert, 1, 1)], 1, 1, Err(Invalid)),
        (&[(Delete, 1, 0), (Delete, 0, 0)], 2, 0, Err(OutOfOrder)),
        (&[(Delete, 0, 0), (Delete, 0, 0)], 2, 0, Err(Duplicated)),
        (&[(Insert, 0, 0), (Delete, 0, 0)], 2, 2, Err(Duplicated)),
        (&[(Delete, 0, 0), (Insert, 1, 0)], 2, 2, Ok(2)),
        (&[(Insert, 0, 1), (Delete, 0, 0)], 2, 2, Err(OutOfOrder)),
        (&[(Equal, 0, 0)], 2, 2, Ok(0)),
        (&[(Equal, 2, 2)], 2, 2, Err(Invalid)),
        (&[(Replace, 0, 0), (Replace, 0, 1)], 2, 2, Ok(2)),
    ];
    for (list, s, d, exp) in cases {
        assert_eq!(
            Editops::from_list(list, *s, *d).map(|e| e.len()),
            *exp,
            "{list:?}"
        );
    }
    assert_eq!(OpcodeTag::from_name("foo"), Err(InvalidEditType));
    assert_eq!(InvalidEditType.message(), "Invalid Edit Type");
    assert_eq!(
        OutOfOrder.to_string(),
        "List of edit operations out of order"
    );
}

#[test]
fn opcodes_validation_matches_rapidfuzz() {
    use AlignmentError::*;
    use OpcodeTag::*;
    type L<'a> = &'a [(OpcodeTag, usize, usize, usize, usize)];
    let ok = |l: L, s, d| {
        Opcodes::from_list(l, s, d).map(|o| {
            o.ops
                .iter()
                .map(|o| (o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(ok(&[], 3, 4), Ok(vec![(Equal, 0, 3, 0, 4)]));
    assert_eq!(ok(&[], 0, 0), Ok(vec![]));
    assert_eq!(ok(&[(Equal, 0, 1, 0, 1)], 2, 1), Err(NotEndAtEnds));
    assert_eq!(
        ok(&[(Equal, 0, 1, 0, 1), (Equal, 1, 2, 1, 2)], 2, 2),
        Ok(vec![(Equal, 0, 2, 0, 2)])
    );
    assert_eq!(ok(&[(Equal, 1, 2, 1, 2)], 2, 2), Err(NotStartAtZero));
    assert_eq!(ok(&[(Equal, 0, 2, 0, 1)], 2, 1), Err(Invalid));
    assert_eq!(ok(&[(Equal, 0, 0, 0, 0)], 0, 0), Err(Invalid));
    assert_eq!(
        ok(&[(Insert, 0, 0, 0, 1)], 0, 1),
        Ok(vec![(Insert, 0, 0, 0, 1)])
    );
    assert_eq!(ok(&[(Insert, 0, 1, 0, 1)], 1, 1), Err(Invalid));
    assert_eq!(
        ok(&[(Delete, 0, 1, 0, 0), (Insert, 2, 2, 0, 1)], 2, 1),
        Err(NotContinuous)
    );
    assert_eq!(ok(&[(Replace, 0, 3, 0, 4)], 3, 4), Err(Invalid));
    assert_eq!(ok(&[(Replace, 0, 3, 0, 3)], 3, 4), Err(NotEndAtEnds));
    assert_eq!(ok(&[(Replace, 2, 1, 0, 0)], 3, 4), Err(Invalid));
    assert_eq!(
        ok(&[(Replace, 0, 1, 0, 1), (Equal, 1, 1, 1, 1)], 1, 1),
        Err(Invalid)
    );
    let e = Editops::from_opcode_list(&[(Insert, 0, 0, 0, 1), (Delete, 0, 1, 1, 1)], 1, 1).unwrap();
    assert_eq!(fmt_ops(&e), "i0,0;d0,1");
}

#[test]
fn conversions_of_inconsistent_lists_match_rapidfuzz_cpp() {
    use OpcodeTag::*;
    let e = Editops::from_list(&[(Replace, 0, 0), (Replace, 0, 1)], 2, 2).unwrap();
    let oc: Vec<_> = e
        .as_opcodes()
        .ops
        .iter()
        .map(|o| (o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end))
        .collect();
    assert_eq!(oc, vec![(Replace, 0, 1, 0, 1), (Replace, 1, 2, 1, 2)]);
    assert_eq!(
        e.as_matching_blocks(),
        vec![MatchingBlock {
            a: 2,
            b: 2,
            size: 0
        }]
    );
    let e = Editops::from_list(&[(Delete, 1, 0), (Insert, 1, 2)], 3, 3).unwrap();
    let oc: Vec<_> = e
        .as_opcodes()
        .ops
        .iter()
        .map(|o| (o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end))
        .collect();
    assert_eq!(
        oc,
        vec![
            (Equal, 0, 1, 0, 0),
            (Delete, 1, 2, 0, 0),
            (Equal, 2, 1, 0, 2),
            (Insert, 1, 1, 2, 3),
            (Equal, 1, 3, 3, 3)
        ]
    );
    assert_eq!(
        e.as_matching_blocks(),
        vec![
            MatchingBlock {
                a: 2,
                b: 0,
                size: 2
            },
            MatchingBlock {
                a: 3,
                b: 3,
                size: 0
            }
        ]
    );
    assert_eq!(
        e.apply(b"abc", b"xyz").unwrap(),
        b"azc".iter().map(|&c| c as u64).collect::<Vec<_>>()
    );
}

#[test]
fn spam_park_example() {
    // Outputs of rapidfuzz 3.14.6 (its docstring shows an older alignment).
    let e = levenshtein_editops(b"spam", b"park", None);
    let o = e.as_opcodes();
    let got: Vec<_> = o
        .ops
        .iter()
        .map(|o| {
            (
                o.tag.name(),
                o.src_start,
                o.src_end,
                o.dest_start,
                o.dest_end,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("delete", 0, 1, 0, 0),
            ("equal", 1, 3, 0, 2),
            ("insert", 3, 3, 2, 3),
            ("replace", 3, 4, 3, 4)
        ]
    );
    let inv: Vec<_> = o
        .inverse()
        .ops
        .iter()
        .map(|o| {
            (
                o.tag.name(),
                o.src_start,
                o.src_end,
                o.dest_start,
                o.dest_end,
            )
        })
        .collect();
    assert_eq!(
        inv,
        vec![
            ("insert", 0, 0, 0, 1),
            ("equal", 0, 2, 1, 3),
            ("delete", 2, 3, 3, 3),
            ("replace", 3, 4, 3, 4)
        ]
    );
    assert_eq!(
        levenshtein_opcodes(b"spam", b"park", None).as_matching_blocks(),
        vec![
            MatchingBlock {
                a: 1,
                b: 0,
                size: 2
            },
            MatchingBlock {
                a: 4,
                b: 4,
                size: 0
            }
        ]
    );
    assert_eq!(
        e.apply(b"sp", b"park"),
        Err(AlignmentError::ApplyOutOfRange)
    );
}

/// Timing report: `cargo test --release --lib bench_editops -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_editops() {
    use std::time::Instant;
    let (a, b) = gen_pair(7, 1000, 26, 100);
    let (a, b): (Vec<u8>, Vec<u8>) = (
        a.iter().map(|&c| c as u8).collect(),
        b.iter().map(|&c| c as u8).collect(),
    );
    let reps = 2000;
    for (name, f) in [
        (
            "levenshtein_editops 1000",
            &(|| levenshtein_editops(&a, &b, None).len()) as &dyn Fn() -> usize,
        ),
        ("indel_editops 1000", &|| indel_editops(&a, &b).len()),
        ("levenshtein_distance 1000", &|| {
            super::levenshtein_align::levenshtein_distance(&a, &b)
        }),
        ("block max=1000 no record", &|| {
            let pm = crate::distance::pattern::BlockPatternMatchVector::new(&a);
            match super::levenshtein_align::hyrroe_block(&pm, &a, &b, 1000, false, None).0 {
                super::levenshtein_align::BlockOutcome::Done(d) => d,
                _ => 0,
            }
        }),
        ("block max=1000 record", &|| {
            let pm = crate::distance::pattern::BlockPatternMatchVector::new(&a);
            match super::levenshtein_align::hyrroe_block(&pm, &a, &b, 1000, true, None).0 {
                super::levenshtein_align::BlockOutcome::Done(d) => d,
                _ => 0,
            }
        }),
        ("levenshtein_editops 1000 hint", &|| {
            levenshtein_editops(&a, &b, Some(100)).len()
        }),
    ] {
        // Minimum over batches: the machine is shared.
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..reps / 50 {
            let t = Instant::now();
            for _ in 0..50 {
                n = f();
            }
            best = best.min(t.elapsed().as_secs_f64() * 1e6 / 50.0);
        }
        println!("{name}: {best:.1} us/op (min of batches; result {n})");
    }
    let big = std::env::var("FFZ_BENCH_BIG").is_ok();
    if big {
        let (a, b) = gen_pair(42, 20_000, 26, 100);
        let (a, b): (Vec<u8>, Vec<u8>) = (
            a.iter().map(|&c| c as u8).collect(),
            b.iter().map(|&c| c as u8).collect(),
        );
        let t = Instant::now();
        let n = levenshtein_editops(&a, &b, None).len();
        println!(
            "levenshtein_editops 20k: {:.1} ms (ops {n})",
            t.elapsed().as_secs_f64() * 1e3
        );
        let t = Instant::now();
        let n = indel_editops(&a, &b).len();
        println!(
            "indel_editops 20k: {:.1} ms (ops {n})",
            t.elapsed().as_secs_f64() * 1e3
        );
        let (c, _) = gen_pair(43, 20_000, 4, 0);
        let c: Vec<u8> = c.iter().map(|&x| x as u8).collect();
        let t = Instant::now();
        let n = levenshtein_editops(&a, &c, None).len();
        println!(
            "levenshtein_editops 20k unrelated: {:.1} ms (ops {n})",
            t.elapsed().as_secs_f64() * 1e3
        );
        let t = Instant::now();
        let n = indel_editops(&a, &c).len();
        println!(
            "indel_editops 20k unrelated: {:.1} ms (ops {n})",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
