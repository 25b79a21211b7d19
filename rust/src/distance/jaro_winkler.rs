//! Jaro–Winkler similarity, with rapidfuzz's exact rules.
//!
//! `sim = jaro + prefix * prefix_weight * (1 - jaro)` when `jaro > 0.7`,
//! capped at 1.0, where `prefix` is the common prefix length, at most 4.
//! rapidfuzz accepts any `prefix_weight` in `[0.0, 1.0]` (see
//! [`check_prefix_weight`]); weights above 0.25 can push the sum above 1,
//! hence the cap.
//!
//! `score_cutoff` is turned into a cutoff for the inner Jaro computation:
//! if it exceeds 0.7, the Jaro score needed to reach it after the boost,
//! `max(0.7, (p - c) / (p - 1))` with `p = prefix * prefix_weight` (0.7
//! when `p >= 1`). The distance and normalized forms are derived as for
//! Jaro (see [`super::jaro`]).

use super::jaro;
use crate::unit::Unit;

/// rapidfuzz's check of `prefix_weight` (raised as `ValueError`). NaN passes,
/// as in rapidfuzz, and then every similarity is 0.0 (distance 1.0).
// Not `contains`: NaN must pass, as in rapidfuzz.
#[allow(clippy::manual_range_contains)]
pub fn check_prefix_weight(prefix_weight: f64) -> Result<(), String> {
    if prefix_weight > 1.0 || prefix_weight < 0.0 {
        Err("prefix_weight has to be in the range 0.0 - 1.0".to_string())
    } else {
        Ok(())
    }
}

/// Jaro–Winkler similarity, or 0.0 when below `score_cutoff`.
/// rapidfuzz's default `prefix_weight` is 0.1.
pub fn similarity<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    prefix_weight: f64,
    score_cutoff: f64,
) -> f64 {
    let max_prefix = s1.len().min(s2.len()).min(4);
    let prefix = s1[..max_prefix]
        .iter()
        .zip(&s2[..max_prefix])
        .take_while(|(a, b)| a.value() == b.value())
        .count();
    from_jaro(prefix, prefix_weight, score_cutoff, |c| jaro::similarity(s1, s2, c))
}

/// Jaro–Winkler from the common prefix length (at most 4) and the Jaro
/// similarity `jaro(cutoff)` (0.0 below `cutoff`), or 0.0 when below
/// `score_cutoff`.
#[inline(always)]
pub(crate) fn from_jaro(
    prefix: usize,
    prefix_weight: f64,
    score_cutoff: f64,
    jaro: impl FnOnce(f64) -> f64,
) -> f64 {
    let mut jaro_cutoff = score_cutoff;
    if jaro_cutoff > 0.7 {
        let prefix_sim = prefix as f64 * prefix_weight;
        jaro_cutoff = if prefix_sim >= 1.0 {
            0.7
        } else {
            // std::max(0.7, x): x only when 0.7 < x.
            let x = (prefix_sim - jaro_cutoff) / (prefix_sim - 1.0);
            if 0.7 < x {
                x
            } else {
                0.7
            }
        };
    }

    let mut sim = jaro(jaro_cutoff);
    if sim > 0.7 {
        sim += prefix as f64 * prefix_weight * (1.0 - sim);
        // std::min(sim, 1.0): keeps NaN.
        if 1.0 < sim {
            sim = 1.0;
        }
    }
    if sim >= score_cutoff {
        sim
    } else {
        0.0
    }
}

/// `1 - similarity`, or 1.0 when above `score_cutoff`.
pub fn distance<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    prefix_weight: f64,
    score_cutoff: f64,
) -> f64 {
    jaro::sim_to_distance(|c| similarity(s1, s2, prefix_weight, c), score_cutoff)
}

/// Same value as [`distance`], along rapidfuzz's normalized path.
pub fn normalized_distance<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    prefix_weight: f64,
    score_cutoff: f64,
) -> f64 {
    jaro::sim_to_normalized_distance(|c| similarity(s1, s2, prefix_weight, c), score_cutoff)
}

/// `1 - normalized_distance`, or 0.0 when below `score_cutoff`; may differ
/// from [`similarity`] in the last bit, as in rapidfuzz.
pub fn normalized_similarity<A: Unit, B: Unit>(
    s1: &[A],
    s2: &[B],
    prefix_weight: f64,
    score_cutoff: f64,
) -> f64 {
    jaro::sim_to_normalized_similarity(|c| similarity(s1, s2, prefix_weight, c), score_cutoff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::osa::testutil::*;
    use crate::distance::reference;

    fn check<A: FromValue, B: FromValue>() {
        let mut rng =
            Rng::new(0x3F + std::mem::size_of::<A>() as u64 * 10 + std::mem::size_of::<B>() as u64);
        for iter in 0..400 {
            let max_len = [6, 70, 140, 300][iter % 4];
            let alpha = [2, 3, 5, 8][(iter / 4) % 4];
            let s1: Vec<A> = random_seq(&mut rng, max_len, alpha);
            let s2: Vec<B> = if rng.below(3) != 0 {
                mutate(&mut rng, &convert::<A, B>(&s1), alpha)
            } else {
                random_seq(&mut rng, max_len, alpha)
            };
            let w = [0.1, 0.25, 0.0, 0.15][iter % 4];
            let expected = reference::jaro_winkler(&s1, &s2, w);
            assert_eq!(
                similarity(&s1, &s2, w, 0.0).to_bits(),
                expected.to_bits(),
                "{s1:?} {s2:?}"
            );
            assert_eq!(similarity(&s2, &s1, w, 0.0).to_bits(), expected.to_bits());
            // Not exactly at `expected`: the cutoff passed down to Jaro is
            // derived in floating point, as in rapidfuzz, and may then
            // exceed the Jaro score by an ulp.
            for c in [
                (expected - 1e-12).max(0.0),
                0.7 + rng.below(301) as f64 / 1000.0,
                rng.below(1001) as f64 / 1000.0,
            ] {
                let want = if expected >= c { expected } else { 0.0 };
                assert_eq!(
                    similarity(&s1, &s2, w, c).to_bits(),
                    want.to_bits(),
                    "{s1:?} {s2:?} {c}"
                );
                let d = 1.0 - expected;
                let want = if d <= c { d } else { 1.0 };
                assert_eq!(distance(&s1, &s2, w, c), want);
                assert_eq!(normalized_distance(&s1, &s2, w, c), want);
            }
        }
    }

    #[test]
    fn random_against_reference() {
        crate::for_all_unit_pairs!(check);
    }

    fn s(x: &str) -> Vec<u32> {
        x.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn prefix_weight_rules() {
        // rapidfuzz 3.14.6 raises ValueError outside [0, 1].
        assert!(check_prefix_weight(-0.1).is_err());
        assert!(check_prefix_weight(1.01).is_err());
        assert!(check_prefix_weight(0.0).is_ok());
        assert!(check_prefix_weight(0.26).is_ok());
        assert!(check_prefix_weight(1.0).is_ok());
        assert!(check_prefix_weight(f64::NAN).is_ok());
        assert_eq!(
            check_prefix_weight(2.0).unwrap_err(),
            "prefix_weight has to be in the range 0.0 - 1.0"
        );
        // Capped at 1.0.
        assert_eq!(similarity(b"abcdx", b"abcdy", 0.5, 0.0), 1.0);
        assert_eq!(similarity(b"abcdefgh", b"abcdefgz", 1.0, 0.0), 1.0);
        assert_eq!(similarity(b"abcdx", b"abcdy", 0.0, 0.0), 0.8666666666666667);
        // NaN weight: similarity 0.0, distance 1.0.
        assert_eq!(similarity(b"abcdx", b"abcdy", f64::NAN, 0.0), 0.0);
        assert_eq!(similarity(b"abcdx", b"abcdy", f64::NAN, 0.8), 0.0);
        assert_eq!(distance(b"abcdx", b"abcdy", f64::NAN, 1.0), 1.0);
        // Empty sequences.
        let e: &[u8] = b"";
        assert_eq!(similarity(e, e, 0.1, 0.0), 1.0);
        assert_eq!(similarity(e, b"a", 0.1, 0.0), 0.0);
        assert_eq!(distance(e, e, 0.1, 1.0), 0.0);
        assert_eq!(
            similarity(b"MARTHA", b"MARHTA", 0.1, 0.0),
            0.9611111111111111
        );
        assert_eq!(
            distance(b"MARTHA", b"MARHTA", 0.1, 0.04),
            0.03888888888888886
        );
        assert_eq!(distance(b"MARTHA", b"MARHTA", 0.1, 0.03), 1.0);
    }

    #[test]
    fn rapidfuzz_values() {
        for &(a, b, w, sim, nsim) in JW_TABLE {
            let (a, b) = (s(a), s(b));
            assert_eq!(
                similarity(&a, &b, w, 0.0).to_bits(),
                sim.to_bits(),
                "{a:?} {b:?} {w}"
            );
            assert_eq!(
                normalized_similarity(&a, &b, w, 0.0).to_bits(),
                nsim.to_bits(),
                "{a:?} {b:?}"
            );
            assert_eq!(distance(&a, &b, w, 1.0).to_bits(), (1.0 - sim).to_bits());
            assert_eq!(
                normalized_distance(&a, &b, w, 1.0).to_bits(),
                (1.0 - sim).to_bits()
            );
        }
        for &(a, b, w, c, sim, dist, nsim, ndist) in JW_CUTOFF_TABLE {
            let (a, b) = (s(a), s(b));
            assert_eq!(
                similarity(&a, &b, w, c).to_bits(),
                sim.to_bits(),
                "sim {a:?} {b:?} {w} {c}"
            );
            assert_eq!(
                distance(&a, &b, w, c).to_bits(),
                dist.to_bits(),
                "dist {a:?} {b:?} {w} {c}"
            );
            assert_eq!(
                normalized_similarity(&a, &b, w, c).to_bits(),
                nsim.to_bits(),
                "nsim {a:?} {b:?} {w} {c}"
            );
            assert_eq!(
                normalized_distance(&a, &b, w, c).to_bits(),
                ndist.to_bits(),
                "ndist {a:?} {b:?} {w} {c}"
            );
        }
    }

    /// (s1, s2, prefix_weight, JaroWinkler.similarity,
    /// JaroWinkler.normalized_similarity) from rapidfuzz 3.14.6.
    const JW_TABLE: &[(&str, &str, f64, f64, f64)] = &[
        ("MARTHA", "MARHTA", 0.1, 0.9611111111111111, 0.9611111111111111),
        ("MARTHA", "MARHTA", 0.25, 0.9861111111111112, 0.9861111111111112),
        ("DWAYNE", "DUANE", 0.1, 0.8400000000000001, 0.8400000000000001),
        ("DWAYNE", "DUANE", 0.25, 0.8666666666666667, 0.8666666666666667),
        ("DIXON", "DICKSONX", 0.1, 0.8133333333333332, 0.8133333333333332),
        ("DIXON", "DICKSONX", 0.25, 0.8833333333333333, 0.8833333333333333),
        ("", "", 0.1, 1.0, 1.0),
        ("", "", 0.25, 1.0, 1.0),
        ("", "a", 0.1, 0.0, 0.0),
        ("", "a", 0.25, 0.0, 0.0),
        ("a", "", 0.1, 0.0, 0.0),
        ("a", "", 0.25, 0.0, 0.0),
        ("a", "a", 0.1, 1.0, 1.0),
        ("a", "a", 0.25, 1.0, 1.0),
        ("ab", "ba", 0.1, 0.0, 0.0),
        ("ab", "ba", 0.25, 0.0, 0.0),
        ("abc", "bca", 0.1, 0.0, 0.0),
        ("abc", "bca", 0.25, 0.0, 0.0),
        ("CRATE", "TRACE", 0.1, 0.7333333333333334, 0.7333333333333334),
        ("CRATE", "TRACE", 0.25, 0.7333333333333334, 0.7333333333333334),
        ("JONES", "JOHNSON", 0.1, 0.8323809523809523, 0.8323809523809523),
        ("JONES", "JOHNSON", 0.25, 0.8952380952380952, 0.8952380952380952),
        ("abcdxyz", "abcdzyx", 0.1, 0.9714285714285714, 0.9714285714285714),
        ("abcdxyz", "abcdzyx", 0.25, 1.0, 1.0),
        ("héllo wörld", "hello world", 0.1, 0.890909090909091, 0.890909090909091),
        ("héllo wörld", "hello world", 0.25, 0.9090909090909092, 0.9090909090909092),
        ("😀ab", "😀ba", 0.1, 0.5555555555555555, 0.5555555555555555),
        ("😀ab", "😀ba", 0.25, 0.5555555555555555, 0.5555555555555555),
        ("Brian", "Jesus", 0.1, 0.0, 0.0),
        ("Brian", "Jesus", 0.25, 0.0, 0.0),
        ("hhijdcih", "cbhecbiajghj", 0.1, 0.5472222222222222, 0.5472222222222222),
        ("hhijdcih", "cbhecbiajghj", 0.25, 0.5472222222222222, 0.5472222222222222),
        ("acaaaaaca", "bcaca", 0.1, 0.5333333333333333, 0.5333333333333333),
        ("acaaaaaca", "bcaca", 0.25, 0.5333333333333333, 0.5333333333333333),
        ("aadcdea", "becaa", 0.1, 0.565079365079365, 0.565079365079365),
        ("aadcdea", "becaa", 0.25, 0.565079365079365, 0.565079365079365),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 0.1, 0.898888888888889, 0.898888888888889),
        ("axa😀xaaaééax", "axax😀x😀aaééx", 0.25, 0.9638888888888889, 0.9638888888888889),
        ("", "a", 0.1, 0.0, 0.0),
        ("", "a", 0.25, 0.0, 0.0),
        ("daejea", "dajejea", 0.1, 0.9174603174603175, 0.9174603174603175),
        ("daejea", "dajejea", 0.25, 0.9484126984126984, 0.9484126984126984),
        ("aaabeb", "aaaeb", 0.1, 0.9144444444444445, 0.9144444444444445),
        ("aaabeb", "aaaeb", 0.25, 0.9694444444444444, 0.9694444444444444),
        ("xé", "éééé", 0.1, 0.5833333333333334, 0.5833333333333334),
        ("xé", "éééé", 0.25, 0.5833333333333334, 0.5833333333333334),
        ("xxa", "xxa", 0.1, 1.0, 1.0),
        ("xxa", "xxa", 0.25, 1.0, 1.0),
        ("", "b", 0.1, 0.0, 0.0),
        ("", "b", 0.25, 0.0, 0.0),
        ("babbdeee", "bbbdeee", 0.1, 0.9625, 0.9625),
        ("babbdeee", "bbbdeee", 0.25, 0.96875, 0.96875),
        ("dbaabc", "bdbc", 0.1, 0.8055555555555555, 0.8055555555555555),
        ("dbaabc", "bdbc", 0.25, 0.8055555555555555, 0.8055555555555555),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.1, 0.6444444444444444, 0.6444444444444444),
        ("aeadaccbaadecab", "cadadadeaeddeae", 0.25, 0.6444444444444444, 0.6444444444444444),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.1, 0.959047619047619, 0.959047619047619),
        ("aabbbbbbbaababa", "aabbbbbbbabbaba", 0.25, 1.0, 1.0),
        ("bcbacbaabacbaaabbacabaabbbabbccbcbccbbaabcaccbcbbccacabbaabaaac", "bcbacbaabacbaaabbacabaabbbabbccbcbccbbaabcaccbcbbccacabbaabaaac", 0.1, 1.0, 1.0),
        ("😀aééx😀éaxaéé😀😀éxéaxxéxxéax😀x😀éaaééxa😀😀😀a😀aax😀x😀xaéaxaé😀éxéxxaéx😀é😀😀x", "é😀é😀xéxaaxaaxaxaéaxxx😀éxxé😀xx😀aéxa😀éaaéééa😀😀😀éxaxa😀éxaxxéééééé😀é😀😀é", 0.1, 0.8352584503950834, 0.8352584503950834),
        ("aaaaacabbabbccaabccaaaccbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbbcbbac", "aaaaacabbabbbccaabccaaacabbbacccbccaabaaaccccbaaaaaaabcacaacbaabbbcbbac", 0.1, 0.9422336920071152, 0.9422336920071152),
        ("jdijfeebcgcfifgcgdcbfehbafjadeefdgjcibgihdbgjabjbdehgiadgabeeefiiig", "bhbijagcghchijjaghgeigjefieheieeaadjacggafgajfbdghedaibhcdjbajghbda", 0.1, 0.728671457527179, 0.728671457527179),
        ("bacdbddecedcebcbbdaeceeccceeebcbbbebaaaccdaeaabecaabebcddcbccdbaad", "bddcdbcbeccebdceadcaeadeeddcaacbeacdccbbcccacdeecdecdcbdebaccacdedb", 0.1, 0.782735842319503, 0.782735842319503),
        ("xéééax😀aéaé😀axa😀a😀a😀a😀aaéaxééx😀xx😀😀😀éxxaax😀axaxa😀aaxxéééxé😀éxx😀", "xéééax😀aéaé😀axa😀a😀a😀a😀aaéaxééx😀xx😀😀😀éxxaax😀axaxa😀aaxxéééxé😀éxx😀", 0.1, 1.0, 1.0),
        ("beccahajhafbdcfdjdjhjidhcegceiihehgfibhdgadcgiieadahfhdgjcgcfceicjeiiacjcadccbfejibhhbjiieadgdbhdaigihcefegbiehbfbcbghb", "ghdejbhadjcegiefgibeddgbfeejhfhgbbcjbcccdgahjbbdacbggbfgicdcghfgjagjfdjiaefdfehbigdifebjceieidfjiicj", 0.1, 0.7419059797832177, 0.7419059797832177),
        ("ccacaccaaaabcbcbbabbbabcaaccccacbacbcaaabcbacbaaccababacabccbcccaaabbaacbacbabcabacbacaccabbcabbbcccbbbbcbbacacbccbbababccbcbcbbcaaab", "ccacaccaaaabcbcbbbabbabcaabccccacbacbcaaabcbacbaaccababacabccbcccaaabbaacbacbacabacbacaccabbcabbbcccbbbbcbbacacbccbbababccbcbcbbcaaab", 0.1, 0.9699248120300751, 0.9699248120300751),
        ("debbdeaaaebaeedacbcacbaddedbcebacadcccdbdbbcabccdabebebbaacccdbcddabbcabcbbeccceaeebcbbcbadadeaeaaeececdeabcbbbceabbaededadabaeccdaece", "eebebaedbdecbcdebeedcabeaedbcbeaeddedcaaabeeebebacdaceecedaebdcbbdedacddcbabdebbdeaabdebadecddaaebccaebddabcccebabdeaceebddbddabdcbbebdbdbed", 0.1, 0.7778745497693133, 0.7778745497693133),
        ("ddbdbeddaaccceaebcedebcacabcbbaacddadcceacdebdabbeebabcdddebeeccddbbceddbdecbacccebbaadeacabecacbcadaddaddccdcbbdbdbcbeacdbdececad", "ddbdbeddaaccceaebcedebcacabcbbaacddadcceacdebdabbeebabcdddebeeccddbbceddbdecbacccebbaadeacabecacbcadaddaddccdcbbdbdbcbeacdbdececad", 0.1, 1.0, 1.0),
        ("aghjehfebaafffjeechgjffajdbajigjgbebhhggacieehfhacjdededdiaigadihibjifefbafdgcdccfjhjefgefihddffcicbbbebhihacjghafegi", "eeffcfdjcjgcjeccdgjedcahjceegeggcacbadefibgfaihcfbehedgjgcjgdiechcbiehgbcfaejjcegefdbhdfieiacbaebacfhcdghagfigiadijjeededhjac", 0.1, 0.7461074876220506, 0.7461074876220506),
        ("aaabbababaaabababbbabbbbaaaabbbbbbbbbababbaaaaabaabaaabbabaabababaaabaabbbabbababbabaabaabbbaabbbbbabaabbbaababbbbabbaabaaaaaabbaaabbbbaababbaaabbaabaaabaababababababbaaababbabbbaaaaabaababbbbaaaabbbaaabbbbbbaaabbabababababbabababbbbbbbaaabbabbbbbaaabaabababaa", "aaabbababaaabababbbabbbbaaaabbbbbbbbbababbaaaaabaabaaabbabaabababaaabaabbbabbababbabaabaabbbaabbbbbabaabbbaababbbbabbaabaaaaaabbaaabbbbaababbaaabbaabaaabaababababababbaaababbabbbaaaaabaababbbbaaaabbbaaabbbbbbaaabbabababababbabababbbbbbbaaabbabbbbbaaabaabababa", 0.1, 0.9992307692307693, 0.9992307692307693),
        ("bbacccaaabcbcaccabbacbacaaaccccbccbabbaabbaabbcccaabccaacaacaccbbbaacbbaacbacabaacaaccabcccabaaaacccbabccababbccabbbaabcacbbbaccaccabcbbccbababbbbcbbbaabcaacbcbbacacbabbbacccbcabbcaaccbabccbbaccababacb", "bbacccaaabcbcaccabbacbacaaaccccbccbabbaabbaabbcccaabccaacaacaccbbbaacbbaacbacabaacaaccabcccabaaaacccbabccababbccabbbaabcacbbbaccaccabcbbccbababbbbcbbbaabcaacbcbbacacbabbbacccbcabbcaaccbabccbbaccababacb", 0.1, 1.0, 1.0),
        ("cbbcbbabccaababbabaabcbababcacabccaccaccacbbbccaaabcabbcbabbccaabcccacabbcccaaabbcaaabbbabbaccbbbcbcbaccacbaabacbbcccbbccbbcabcbbacbacbbcbcababbacabcacabcbbbaaacacbcaacbcacbbbabbbaaaaacccbaaacabcbbacbccbaabaacbcbbbca", "cbbcbbabccaababbabaabcbababcacabccaccaccacbbbccaaabcabbcbabbccaabcccacabbcccaaabbcaaabbbabbaccbbbcbcbaccacbaabacbbcccbbccbbcabcbbacbacbbcbcababbacabcacabcbbbaaacacbcaacbcacbbbabbbaaaaacccbaaacabcbbacbccbaabaacbcbbbca", 0.1, 1.0, 1.0),
    ];

    /// (s1, s2, prefix_weight, cutoff, similarity, distance,
    /// normalized_similarity, normalized_distance), each called with
    /// `score_cutoff=cutoff`, from rapidfuzz 3.14.6 (cutoffs are f32 values).
    #[allow(clippy::type_complexity)]
    const JW_CUTOFF_TABLE: &[(&str, &str, f64, f64, f64, f64, f64, f64)] = &[
        (
            "MARTHA",
            "MARHTA",
            0.1,
            0.0,
            0.9611111111111111,
            1.0,
            0.9611111111111111,
            1.0,
        ),
        (
            "MARTHA",
            "MARHTA",
            0.25,
            0.013888888992369175,
            0.9861111111111112,
            0.01388888888888884,
            0.9861111111111112,
            0.01388888888888884,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.1,
            0.0,
            0.8400000000000001,
            1.0,
            0.8400000000000001,
            1.0,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.25,
            0.13333332538604736,
            0.8666666666666667,
            1.0,
            0.8666666666666667,
            1.0,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.25,
            0.8666666150093079,
            0.8666666666666667,
            0.1333333333333333,
            0.8666666666666667,
            0.1333333333333333,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.25,
            0.8666666746139526,
            0.0,
            0.1333333333333333,
            0.0,
            0.1333333333333333,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.25,
            1.0,
            0.0,
            0.1333333333333333,
            0.0,
            0.1333333333333333,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.5,
            0.0,
            0.9111111111111112,
            1.0,
            0.9111111111111112,
            1.0,
        ),
        (
            "DWAYNE",
            "DUANE",
            0.5,
            0.9111111164093018,
            0.0,
            0.0888888888888888,
            0.0,
            0.0888888888888888,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.0,
            0.23333331942558289,
            0.7666666666666666,
            1.0,
            0.7666666666666666,
            1.0,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.0,
            0.699999988079071,
            0.7666666666666666,
            0.2333333333333334,
            0.7666666666666666,
            0.2333333333333334,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.0,
            0.7666666507720947,
            0.7666666666666666,
            0.2333333333333334,
            0.7666666666666666,
            0.2333333333333334,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.1,
            0.18666665256023407,
            0.8133333333333332,
            1.0,
            0.8133333333333332,
            1.0,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.1,
            0.699999988079071,
            0.8133333333333332,
            0.18666666666666676,
            0.8133333333333332,
            0.18666666666666676,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.1,
            0.8133333921432495,
            0.0,
            0.18666666666666676,
            0.0,
            0.18666666666666676,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.25,
            0.11666665971279144,
            0.8833333333333333,
            1.0,
            0.8833333333333333,
            1.0,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.25,
            0.699999988079071,
            0.8833333333333333,
            0.1166666666666667,
            0.8833333333333333,
            0.1166666666666667,
        ),
        (
            "DIXON",
            "DICKSONX",
            0.25,
            0.8833333253860474,
            0.8833333333333333,
            0.1166666666666667,
            0.8833333333333333,
            0.1166666666666667,
        ),
        ("DIXON", "DICKSONX", 0.5, 0.0, 1.0, 0.0, 1.0, 0.0),
        (
            "DIXON",
            "DICKSONX",
            0.5,
            0.699999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        (
            "DIXON",
            "DICKSONX",
            1.0,
            0.949999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        ("", "", 0.1, 0.0, 1.0, 0.0, 1.0, 0.0),
        ("", "", 0.25, 1.0, 1.0, 0.0, 1.0, 0.0),
        ("", "", 0.5, 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("", "", 0.5, 0.800000011920929, 1.0, 0.0, 1.0, 0.0),
        ("", "a", 0.0, 1.0, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 0.25, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 0.5, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 0.5, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 1.0, 0.0, 0.0, 1.0, 0.0, 1.0),
        ("a", "", 1.0, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("a", "", 1.0, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("a", "", 1.0, 1.0, 0.0, 1.0, 0.0, 1.0),
        ("a", "a", 0.25, 0.800000011920929, 1.0, 0.0, 1.0, 0.0),
        ("a", "a", 0.25, 0.949999988079071, 1.0, 0.0, 1.0, 0.0),
        ("a", "a", 0.5, 0.800000011920929, 1.0, 0.0, 1.0, 0.0),
        ("a", "a", 0.5, 0.949999988079071, 1.0, 0.0, 1.0, 0.0),
        ("a", "a", 0.5, 1.0, 1.0, 0.0, 1.0, 0.0),
        ("ab", "ba", 0.1, 0.0, 0.0, 1.0, 0.0, 1.0),
        ("ab", "ba", 0.1, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("ab", "ba", 1.0, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("ab", "ba", 1.0, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.0, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.0, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.1, 0.0, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.1, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.1, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.1, 1.0, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.25, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.25, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("abc", "bca", 0.25, 1.0, 0.0, 1.0, 0.0, 1.0),
        (
            "CRATE",
            "TRACE",
            0.1,
            0.0,
            0.7333333333333334,
            1.0,
            0.7333333333333334,
            1.0,
        ),
        (
            "CRATE",
            "TRACE",
            0.1,
            0.2666666507720947,
            0.7333333333333334,
            1.0,
            0.7333333333333334,
            1.0,
        ),
        (
            "CRATE",
            "TRACE",
            0.1,
            0.2666666805744171,
            0.7333333333333334,
            0.2666666666666666,
            0.7333333333333334,
            0.2666666666666666,
        ),
        (
            "CRATE",
            "TRACE",
            0.1,
            0.699999988079071,
            0.7333333333333334,
            0.2666666666666666,
            0.7333333333333334,
            0.2666666666666666,
        ),
        (
            "CRATE",
            "TRACE",
            0.1,
            0.949999988079071,
            0.0,
            0.2666666666666666,
            0.0,
            0.2666666666666666,
        ),
        (
            "CRATE",
            "TRACE",
            0.25,
            0.0,
            0.7333333333333334,
            1.0,
            0.7333333333333334,
            1.0,
        ),
        (
            "CRATE",
            "TRACE",
            0.25,
            0.7333332896232605,
            0.7333333333333334,
            0.2666666666666666,
            0.7333333333333334,
            0.2666666666666666,
        ),
        (
            "CRATE",
            "TRACE",
            0.25,
            0.949999988079071,
            0.0,
            0.2666666666666666,
            0.0,
            0.2666666666666666,
        ),
        (
            "CRATE",
            "TRACE",
            1.0,
            0.0,
            0.7333333333333334,
            1.0,
            0.7333333333333334,
            1.0,
        ),
        (
            "CRATE",
            "TRACE",
            1.0,
            0.699999988079071,
            0.7333333333333334,
            0.2666666666666666,
            0.7333333333333334,
            0.2666666666666666,
        ),
        (
            "JONES",
            "JOHNSON",
            0.1,
            0.0,
            0.8323809523809523,
            1.0,
            0.8323809523809523,
            1.0,
        ),
        (
            "JONES",
            "JOHNSON",
            0.1,
            0.699999988079071,
            0.8323809523809523,
            0.16761904761904767,
            0.8323809523809523,
            0.16761904761904767,
        ),
        (
            "JONES",
            "JOHNSON",
            0.1,
            0.800000011920929,
            0.8323809523809523,
            0.16761904761904767,
            0.8323809523809523,
            0.16761904761904767,
        ),
        (
            "JONES",
            "JOHNSON",
            0.1,
            0.8323809504508972,
            0.8323809523809523,
            0.16761904761904767,
            0.8323809523809523,
            0.16761904761904767,
        ),
        (
            "JONES",
            "JOHNSON",
            0.25,
            0.8952381014823914,
            0.0,
            0.10476190476190483,
            0.0,
            0.10476190476190483,
        ),
        ("JONES", "JOHNSON", 0.5, 1.0, 1.0, 0.0, 1.0, 0.0),
        (
            "abcdxyz",
            "abcdzyx",
            0.1,
            0.02857142873108387,
            0.9714285714285714,
            0.02857142857142858,
            0.9714285714285714,
            0.02857142857142858,
        ),
        (
            "abcdxyz",
            "abcdzyx",
            0.1,
            0.9714285135269165,
            0.9714285714285714,
            0.02857142857142858,
            0.9714285714285714,
            0.02857142857142858,
        ),
        (
            "abcdxyz",
            "abcdzyx",
            0.1,
            0.9714285731315613,
            0.0,
            0.02857142857142858,
            0.0,
            0.02857142857142858,
        ),
        (
            "héllo wörld",
            "hello world",
            0.1,
            0.0,
            0.890909090909091,
            1.0,
            0.890909090909091,
            1.0,
        ),
        (
            "héllo wörld",
            "hello world",
            0.1,
            0.8909091353416443,
            0.0,
            0.10909090909090902,
            0.0,
            0.10909090909090902,
        ),
        (
            "héllo wörld",
            "hello world",
            0.25,
            0.9090909361839294,
            0.0,
            0.09090909090909083,
            0.0,
            0.09090909090909083,
        ),
        (
            "héllo wörld",
            "hello world",
            1.0,
            0.699999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        (
            "héllo wörld",
            "hello world",
            1.0,
            0.949999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        ("héllo wörld", "hello world", 1.0, 1.0, 1.0, 0.0, 1.0, 0.0),
        (
            "😀ab",
            "😀ba",
            0.1,
            0.0,
            0.5555555555555555,
            1.0,
            0.5555555555555555,
            1.0,
        ),
        (
            "😀ab",
            "😀ba",
            0.1,
            0.4444444179534912,
            0.5555555555555555,
            1.0,
            0.5555555555555555,
            1.0,
        ),
        (
            "😀ab",
            "😀ba",
            0.1,
            0.4444444477558136,
            0.5555555555555555,
            0.44444444444444453,
            0.5555555555555555,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.1,
            0.555555522441864,
            0.5555555555555555,
            0.44444444444444453,
            0.5555555555555555,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.1,
            0.800000011920929,
            0.0,
            0.44444444444444453,
            0.0,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.1,
            1.0,
            0.0,
            0.44444444444444453,
            0.0,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.25,
            0.0,
            0.5555555555555555,
            1.0,
            0.5555555555555555,
            1.0,
        ),
        (
            "😀ab",
            "😀ba",
            0.25,
            0.4444444179534912,
            0.5555555555555555,
            1.0,
            0.5555555555555555,
            1.0,
        ),
        (
            "😀ab",
            "😀ba",
            0.25,
            0.949999988079071,
            0.0,
            0.44444444444444453,
            0.0,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.5,
            0.0,
            0.5555555555555555,
            1.0,
            0.5555555555555555,
            1.0,
        ),
        (
            "😀ab",
            "😀ba",
            0.5,
            0.4444444179534912,
            0.5555555555555555,
            1.0,
            0.5555555555555555,
            1.0,
        ),
        (
            "😀ab",
            "😀ba",
            0.5,
            0.555555522441864,
            0.5555555555555555,
            0.44444444444444453,
            0.5555555555555555,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.5,
            0.5555555820465088,
            0.0,
            0.44444444444444453,
            0.0,
            0.44444444444444453,
        ),
        (
            "😀ab",
            "😀ba",
            0.5,
            1.0,
            0.0,
            0.44444444444444453,
            0.0,
            0.44444444444444453,
        ),
        ("Brian", "Jesus", 0.0, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("Brian", "Jesus", 0.1, 0.0, 0.0, 1.0, 0.0, 1.0),
        ("Brian", "Jesus", 0.1, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("Brian", "Jesus", 0.1, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("Brian", "Jesus", 0.25, 0.0, 0.0, 1.0, 0.0, 1.0),
        (
            "Brian",
            "Jesus",
            0.25,
            0.949999988079071,
            0.0,
            1.0,
            0.0,
            1.0,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            0.1,
            0.5472221970558167,
            0.5472222222222222,
            0.45277777777777783,
            0.5472222222222222,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            0.1,
            0.5472222566604614,
            0.0,
            0.45277777777777783,
            0.0,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            0.1,
            0.949999988079071,
            0.0,
            0.45277777777777783,
            0.0,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            0.25,
            0.5472221970558167,
            0.5472222222222222,
            0.45277777777777783,
            0.5472222222222222,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            0.5,
            0.5472221970558167,
            0.5472222222222222,
            0.45277777777777783,
            0.5472222222222222,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            0.5,
            0.949999988079071,
            0.0,
            0.45277777777777783,
            0.0,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            1.0,
            0.0,
            0.5472222222222222,
            1.0,
            0.5472222222222222,
            1.0,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            1.0,
            0.5472222566604614,
            0.0,
            0.45277777777777783,
            0.0,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            1.0,
            0.699999988079071,
            0.0,
            0.45277777777777783,
            0.0,
            0.45277777777777783,
        ),
        (
            "hhijdcih",
            "cbhecbiajghj",
            1.0,
            1.0,
            0.0,
            0.45277777777777783,
            0.0,
            0.45277777777777783,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.0,
            0.46666663885116577,
            0.5333333333333333,
            1.0,
            0.5333333333333333,
            1.0,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.0,
            0.46666666865348816,
            0.5333333333333333,
            0.4666666666666667,
            0.5333333333333333,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.0,
            0.949999988079071,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.0,
            1.0,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.1,
            0.5333333015441895,
            0.5333333333333333,
            0.4666666666666667,
            0.5333333333333333,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.1,
            0.5333333611488342,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.1,
            0.699999988079071,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.1,
            0.800000011920929,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.1,
            0.949999988079071,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.25,
            0.800000011920929,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.25,
            0.949999988079071,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.5,
            0.46666666865348816,
            0.5333333333333333,
            0.4666666666666667,
            0.5333333333333333,
            0.4666666666666667,
        ),
        (
            "acaaaaaca",
            "bcaca",
            0.5,
            0.699999988079071,
            0.0,
            0.4666666666666667,
            0.0,
            0.4666666666666667,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.1,
            0.10111111402511597,
            0.898888888888889,
            0.10111111111111104,
            0.898888888888889,
            0.10111111111111104,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.1,
            0.800000011920929,
            0.898888888888889,
            0.10111111111111104,
            0.898888888888889,
            0.10111111111111104,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.1,
            0.898888885974884,
            0.898888888888889,
            0.10111111111111104,
            0.898888888888889,
            0.10111111111111104,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.1,
            0.949999988079071,
            0.0,
            0.10111111111111104,
            0.0,
            0.10111111111111104,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.1,
            1.0,
            0.0,
            0.10111111111111104,
            0.0,
            0.10111111111111104,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.25,
            0.0,
            0.9638888888888889,
            1.0,
            0.9638888888888889,
            1.0,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.25,
            0.699999988079071,
            0.9638888888888889,
            0.036111111111111094,
            0.9638888888888889,
            0.036111111111111094,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.25,
            0.949999988079071,
            0.9638888888888889,
            0.036111111111111094,
            0.9638888888888889,
            0.036111111111111094,
        ),
        (
            "axa😀xaaaééax",
            "axax😀x😀aaééx",
            0.25,
            0.9638888835906982,
            0.9638888888888889,
            0.036111111111111094,
            0.9638888888888889,
            0.036111111111111094,
        ),
        ("", "a", 0.1, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 0.1, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("", "a", 0.5, 1.0, 0.0, 1.0, 0.0, 1.0),
        (
            "daejea",
            "dajejea",
            0.1,
            0.0,
            0.9174603174603175,
            1.0,
            0.9174603174603175,
            1.0,
        ),
        (
            "daejea",
            "dajejea",
            0.1,
            0.949999988079071,
            0.0,
            0.08253968253968247,
            0.0,
            0.08253968253968247,
        ),
        (
            "daejea",
            "dajejea",
            0.25,
            0.800000011920929,
            0.9484126984126984,
            0.051587301587301626,
            0.9484126984126984,
            0.051587301587301626,
        ),
        (
            "daejea",
            "dajejea",
            0.25,
            0.949999988079071,
            0.0,
            0.051587301587301626,
            0.0,
            0.051587301587301626,
        ),
        (
            "aaabeb",
            "aaaeb",
            0.1,
            0.0855555608868599,
            0.9144444444444445,
            0.0855555555555555,
            0.9144444444444445,
            0.0855555555555555,
        ),
        (
            "aaabeb",
            "aaaeb",
            0.1,
            0.800000011920929,
            0.9144444444444445,
            0.0855555555555555,
            0.9144444444444445,
            0.0855555555555555,
        ),
        (
            "aaabeb",
            "aaaeb",
            0.25,
            0.699999988079071,
            0.9694444444444444,
            0.030555555555555558,
            0.9694444444444444,
            0.030555555555555558,
        ),
        (
            "aaabeb",
            "aaaeb",
            0.25,
            0.949999988079071,
            0.9694444444444444,
            0.030555555555555558,
            0.9694444444444444,
            0.030555555555555558,
        ),
        (
            "aaabeb",
            "aaaeb",
            0.5,
            0.699999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        (
            "aaabeb",
            "aaaeb",
            0.5,
            0.800000011920929,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        (
            "xé",
            "éééé",
            0.1,
            0.0,
            0.5833333333333334,
            1.0,
            0.5833333333333334,
            1.0,
        ),
        (
            "xé",
            "éééé",
            0.1,
            0.4166666567325592,
            0.5833333333333334,
            1.0,
            0.5833333333333334,
            1.0,
        ),
        (
            "xé",
            "éééé",
            0.1,
            0.5833333134651184,
            0.5833333333333334,
            0.41666666666666663,
            0.5833333333333334,
            0.41666666666666663,
        ),
        (
            "xé",
            "éééé",
            0.1,
            0.699999988079071,
            0.0,
            0.41666666666666663,
            0.0,
            0.41666666666666663,
        ),
        (
            "xé",
            "éééé",
            0.1,
            1.0,
            0.0,
            0.41666666666666663,
            0.0,
            0.41666666666666663,
        ),
        (
            "xé",
            "éééé",
            0.25,
            0.0,
            0.5833333333333334,
            1.0,
            0.5833333333333334,
            1.0,
        ),
        (
            "xé",
            "éééé",
            0.25,
            0.4166666567325592,
            0.5833333333333334,
            1.0,
            0.5833333333333334,
            1.0,
        ),
        (
            "xé",
            "éééé",
            0.25,
            0.4166666865348816,
            0.5833333333333334,
            0.41666666666666663,
            0.5833333333333334,
            0.41666666666666663,
        ),
        (
            "xé",
            "éééé",
            0.25,
            0.5833333134651184,
            0.5833333333333334,
            0.41666666666666663,
            0.5833333333333334,
            0.41666666666666663,
        ),
        (
            "xé",
            "éééé",
            0.25,
            0.699999988079071,
            0.0,
            0.41666666666666663,
            0.0,
            0.41666666666666663,
        ),
        ("xxa", "xxa", 0.0, 0.0, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 0.0, 0.800000011920929, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 0.1, 0.949999988079071, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 0.1, 1.0, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 0.25, 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 0.5, 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 1.0, 0.699999988079071, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 1.0, 0.800000011920929, 1.0, 0.0, 1.0, 0.0),
        ("xxa", "xxa", 1.0, 1.0, 1.0, 0.0, 1.0, 0.0),
        ("", "b", 0.0, 0.0, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 0.0, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 0.1, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 0.25, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 0.25, 1.0, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 0.5, 0.699999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 0.5, 0.949999988079071, 0.0, 1.0, 0.0, 1.0),
        ("", "b", 1.0, 0.800000011920929, 0.0, 1.0, 0.0, 1.0),
        (
            "babbdeee",
            "bbbdeee",
            0.0,
            0.949999988079071,
            0.9583333333333334,
            0.04166666666666663,
            0.9583333333333334,
            0.04166666666666663,
        ),
        (
            "babbdeee",
            "bbbdeee",
            0.0,
            0.9583333730697632,
            0.0,
            0.04166666666666663,
            0.0,
            0.04166666666666663,
        ),
        (
            "babbdeee",
            "bbbdeee",
            0.0,
            1.0,
            0.0,
            0.04166666666666663,
            0.0,
            0.04166666666666663,
        ),
        (
            "babbdeee",
            "bbbdeee",
            0.1,
            0.03749999776482582,
            0.9625,
            1.0,
            0.9625,
            1.0,
        ),
        (
            "babbdeee",
            "bbbdeee",
            0.1,
            0.800000011920929,
            0.9625,
            0.03749999999999998,
            0.9625,
            0.03749999999999998,
        ),
        (
            "babbdeee",
            "bbbdeee",
            0.1,
            0.9625000357627869,
            0.0,
            0.03749999999999998,
            0.0,
            0.03749999999999998,
        ),
        (
            "babbdeee", "bbbdeee", 0.25, 0.03125, 0.96875, 0.03125, 0.96875, 0.03125,
        ),
        ("babbdeee", "bbbdeee", 0.25, 1.0, 0.0, 0.03125, 0.0, 0.03125),
        (
            "dbaabc",
            "bdbc",
            0.1,
            0.8055555820465088,
            0.0,
            0.19444444444444453,
            0.0,
            0.19444444444444453,
        ),
        (
            "dbaabc",
            "bdbc",
            0.5,
            0.1944444328546524,
            0.8055555555555555,
            1.0,
            0.8055555555555555,
            1.0,
        ),
        (
            "dbaabc",
            "bdbc",
            0.5,
            1.0,
            0.0,
            0.19444444444444453,
            0.0,
            0.19444444444444453,
        ),
        (
            "dbaabc",
            "bdbc",
            1.0,
            0.699999988079071,
            0.8055555555555555,
            0.19444444444444453,
            0.8055555555555555,
            0.19444444444444453,
        ),
        (
            "dbaabc",
            "bdbc",
            1.0,
            0.800000011920929,
            0.8055555555555555,
            0.19444444444444453,
            0.8055555555555555,
            0.19444444444444453,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.0,
            0.0,
            0.6444444444444444,
            1.0,
            0.6444444444444444,
            1.0,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.0,
            0.35555553436279297,
            0.6444444444444444,
            1.0,
            0.6444444444444444,
            1.0,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.0,
            0.644444465637207,
            0.0,
            0.3555555555555556,
            0.0,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.1,
            0.35555556416511536,
            0.6444444444444444,
            0.3555555555555556,
            0.6444444444444444,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.1,
            0.949999988079071,
            0.0,
            0.3555555555555556,
            0.0,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.25,
            0.699999988079071,
            0.0,
            0.3555555555555556,
            0.0,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.25,
            0.800000011920929,
            0.0,
            0.3555555555555556,
            0.0,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.25,
            0.949999988079071,
            0.0,
            0.3555555555555556,
            0.0,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.25,
            1.0,
            0.0,
            0.3555555555555556,
            0.0,
            0.3555555555555556,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.5,
            0.0,
            0.6444444444444444,
            1.0,
            0.6444444444444444,
            1.0,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.5,
            0.35555553436279297,
            0.6444444444444444,
            1.0,
            0.6444444444444444,
            1.0,
        ),
        (
            "aeadaccbaadecab",
            "cadadadeaeddeae",
            0.5,
            0.6444444060325623,
            0.6444444444444444,
            0.3555555555555556,
            0.6444444444444444,
            0.3555555555555556,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.1,
            0.0,
            0.959047619047619,
            1.0,
            0.959047619047619,
            1.0,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.1,
            0.04095238447189331,
            0.959047619047619,
            0.04095238095238096,
            0.959047619047619,
            0.04095238095238096,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.1,
            0.800000011920929,
            0.959047619047619,
            0.04095238095238096,
            0.959047619047619,
            0.04095238095238096,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.1,
            0.949999988079071,
            0.959047619047619,
            0.04095238095238096,
            0.959047619047619,
            0.04095238095238096,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.25,
            0.699999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.25,
            0.800000011920929,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
        (
            "aabbbbbbbaababa",
            "aabbbbbbbabbaba",
            0.5,
            0.699999988079071,
            1.0,
            0.0,
            1.0,
            0.0,
        ),
    ];
    /// Rough timing; run with `cargo test --release -- --ignored --nocapture timing`.
    #[test]
    #[ignore]
    fn timing() {
        use std::hint::black_box;
        use crate::distance::osa::testutil::cpu_ns;
        let cases: &[(&str, &[u8], &[u8])] = &[
            ("15 chars", b"jaro winkler 15", b"jaro winklre 51"),
            ("8 chars", b"kitten!!", b"sitting!"),
            ("60 chars", &[b'a'; 60], &[b'b'; 60]),
            ("200 chars", &[b'x'; 200], &[b'y'; 200]),
        ];
        for &(name, a, b) in cases {
            let a: Vec<u8> = a
                .iter()
                .enumerate()
                .map(|(i, &c)| c.wrapping_add((i % 7) as u8))
                .collect();
            let b: Vec<u8> = b
                .iter()
                .enumerate()
                .map(|(i, &c)| c.wrapping_add((i % 5) as u8))
                .collect();
            let n = 200_000;
            let start = cpu_ns();
            let mut acc = 0.0;
            for _ in 0..n {
                acc += black_box(similarity(black_box(&a[..]), black_box(&b[..]), 0.1, 0.0)) as f64;
            }
            let ns = (cpu_ns() - start) as f64 / n as f64;
            println!("JaroWinkler {name}: {ns:.1} ns/call ({acc})");
        }
    }
}
