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
    let Ok(inp) = std::env::var("FFZ_PARITY_IN") else { return };
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
