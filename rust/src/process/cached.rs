//! A scorer prepared for one query, scored against many choices.
//!
//! `fuzz.ratio` and `fuzz.QRatio` are the normalized Indel similarity times
//! 100 (QRatio: 0 when either string is empty), so they take Indel's paths
//! below and scale the result exactly as [`crate::fuzz::ratio`] does.
//!
//! For uniform Levenshtein, Indel, LCSseq and OSA with a query of 1 to 64 units, the
//! query's pattern-match vectors are built once instead of once per pair,
//! and the bit-parallel kernel runs on them directly. WRatio and the token
//! scorers keep what depends on the query alone ([`CachedFuzz`]: its
//! patterns, sorted tokens and their join). Scores are exactly those of [`Scorer::score`]:
//! the same kernels, the same cutoff rules.
//!
//! For the same two metrics against a list of bytes, [`Prepared::chunk_distances`]
//! computes the exact distances of a run of choices many at a time
//! ([`crate::distance::multi_choice`]), and [`Prepared::score_known`] turns
//! one into the score [`Prepared::score`] would give, through the same
//! form and cutoff rules (an exact distance is a valid answer to any
//! cutoff: the rules only need it exact when it is within the cutoff).

use crate::distance::levenshtein::{hyyro_word, uniform_distance, Levenshtein, Weights};
use crate::distance::pattern::PatternMatchVector;
use crate::distance::multi::lane_width;
use crate::distance::multi_choice::{block_capacity, ChoiceBlocks, QuerySlots};
use crate::distance::indel::{self, CachedIndel};
use crate::distance::lcs_seq::CachedLcsSeq;
use crate::distance::osa::CachedOsa;
use crate::distance::{jaro, Known, Metric};
use crate::process::list::StrList;
use crate::fuzz::ratio::from_indel_similarity;
use crate::fuzz::cached::{self, CachedFuzz};
use crate::fuzz::FuzzKind;
use crate::scorer::{score_metric, Form, MetricKind, ScoreError, Scorer};
use crate::unit::{Seq, Unit};
use std::sync::OnceLock;

/// A block being filled: how many choices, their places in the chunk,
/// their lengths and their units (possibly followed by more bytes).
type Pending<'a> = (usize, [usize; 32], [usize; 32], [&'a [u8]; 32]);

/// Marks a choice [`Prepared::chunk_distances`] left to [`Prepared::score`].
pub const UNKNOWN: usize = usize::MAX;

enum Fast<'q> {
    None,
    Levenshtein(PatternMatchVector),
    Indel(PatternMatchVector),
    LcsSeq(PatternMatchVector),
    Osa(PatternMatchVector),
    /// Jaro and Jaro-Winkler.
    Jaro(PatternMatchVector),
    Fuzz(FuzzKind, Box<QueryFuzz<'q>>),
}

/// [`CachedFuzz`] of the query, in its unit type.
enum QueryFuzz<'q> {
    U8(CachedFuzz<'q, u8>),
    U32(CachedFuzz<'q, u32>),
    U64(CachedFuzz<'q, u64>),
}

/// A fuzz scorer computed as the Indel metric (see the module docs).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Percent {
    No,
    Ratio,
    QRatio,
}

/// [`Scorer`] with `query` fixed.
pub struct Prepared<'q> {
    scorer: Scorer,
    query: Seq<'q>,
    percent: Percent,
    fast: Fast<'q>,
    /// Uniform Levenshtein, OSA or Indel (any query length), which have a
    /// multi-choice kernel.
    multi: Option<MultiMetric>,
    /// The query's slots for that kernel, made on first use (None: more
    /// distinct bytes than it has slots).
    slots: OnceLock<Option<QuerySlots>>,
}

/// A metric of the multi-choice kernel ([`ChoiceBlocks`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum MultiMetric {
    Levenshtein,
    Osa,
    Indel,
}

/// Fewest choices for which [`Prepared::batch_pays`] holds with uniform
/// Levenshtein (and OSA, whose kernel costs the same plus one term). Measured with `ffz_process_extract` (a 14-character query
/// against names, limit 1, 5 or all): the kernel costs 97 against 76 ns a
/// choice for 10 choices, the same for 20, and 45 against 50 for 40.
const MIN_LEVENSHTEIN_BATCH: usize = 16;

impl<'q> Prepared<'q> {
    pub fn new(scorer: &Scorer, query: Seq<'q>) -> Self {
        let cacheable = (1..=64).contains(&query.len());
        let percent = match scorer.metric {
            MetricKind::Fuzz(FuzzKind::Ratio) => Percent::Ratio,
            MetricKind::Fuzz(FuzzKind::QRatio) => Percent::QRatio,
            _ => Percent::No,
        };
        let indel = matches!(scorer.metric, MetricKind::Indel) || percent != Percent::No;
        let pm = || crate::with_seq!(query, |q| PatternMatchVector::new(q));
        let fast = match scorer.metric {
            MetricKind::Levenshtein(w) if cacheable && w == Weights::default() => Fast::Levenshtein(pm()),
            _ if indel && cacheable => Fast::Indel(pm()),
            MetricKind::LcsSeq if cacheable => Fast::LcsSeq(pm()),
            MetricKind::Osa if cacheable => Fast::Osa(pm()),
            MetricKind::Jaro | MetricKind::JaroWinkler { .. } if cacheable => Fast::Jaro(pm()),
            MetricKind::Fuzz(kind) if cached::takes(kind) => Fast::Fuzz(kind, Box::new(match query {
                Seq::U8(q) => QueryFuzz::U8(CachedFuzz::new(q)),
                Seq::U32(q) => QueryFuzz::U32(CachedFuzz::new(q)),
                Seq::U64(q) => QueryFuzz::U64(CachedFuzz::new(q)),
            })),
            _ => Fast::None,
        };
        let multi = match scorer.metric {
            MetricKind::Levenshtein(w) if w == Weights::default() => Some(MultiMetric::Levenshtein),
            MetricKind::Osa => Some(MultiMetric::Osa),
            _ if indel => Some(MultiMetric::Indel),
            _ => None,
        };
        Prepared { scorer: *scorer, query, percent, fast, multi, slots: OnceLock::new() }
    }

    /// Whether [`Self::chunk_distances`] is faster than [`Self::score`] one
    /// choice at a time over a run of `count` choices. For Indel (and so
    /// ratio and QRatio) the cached single-pair kernel is faster at every
    /// list size and limit measured (10 to 4,000 names: 51 against 94 ns a
    /// choice for 10, 23 against 29 for 4,000), so the kernel serves only
    /// queries the cache cannot hold (empty or over 64 units).
    pub fn batch_pays(&self, count: usize) -> bool {
        match self.multi {
            Some(MultiMetric::Levenshtein | MultiMetric::Osa) => count >= MIN_LEVENSHTEIN_BATCH,
            Some(MultiMetric::Indel) => matches!(self.fast, Fast::None),
            None => false,
        }
    }

    /// The form the Indel paths compute in: the scorer's own, or for ratio
    /// and QRatio the normalized similarity that [`Self::scaled`] turns
    /// into their score.
    #[inline]
    fn form(&self) -> Form {
        if self.percent == Percent::No {
            self.scorer.form
        } else {
            Form::NormalizedSimilarity
        }
    }

    /// For ratio and QRatio, their score from `similarity(cutoff, None)`,
    /// the normalized Indel similarity ([`from_indel_similarity`]);
    /// `similarity(cutoff, hint)` itself for other scorers.
    #[inline]
    fn scaled(
        &self,
        choice: Seq<'_>,
        cutoff: Option<f64>,
        hint: Option<f64>,
        similarity: impl FnOnce(Option<f64>, Option<f64>) -> f64,
    ) -> f64 {
        match self.percent {
            Percent::No => similarity(cutoff, hint),
            Percent::QRatio if self.query.is_empty() || choice.is_empty() => 0.0,
            Percent::Ratio | Percent::QRatio => from_indel_similarity(cutoff, |c| similarity(Some(c), None)),
        }
    }

    /// A batch for the multi-choice kernel, when the metric has one
    /// (uniform Levenshtein, OSA or Indel).
    pub fn batch<'c>(&self) -> Option<DistanceBatch<'_, 'c>> {
        let metric = self.multi?;
        let query = self.query;
        let slots = self.slots.get_or_init(|| crate::with_seq!(query, |q| QuerySlots::new(q))).as_ref()?;
        Some(DistanceBatch {
            blocks: ChoiceBlocks::new(slots),
            query_len: slots.len(),
            metric,
            pending: [(0, [0; 32], [0; 32], [&[][..]; 32]); 4],
        })
    }

    /// Fills `out` with the exact distance of the query to each choice in
    /// `start..end` (`out[i]` for choice `start + i`), or [`UNKNOWN`] for
    /// choices longer than 64 units. False (and `out` untouched) when the
    /// metric or the list's unit type has no multi-choice kernel.
    pub fn chunk_distances(&self, choices: &StrList<'_>, start: usize, end: usize, out: &mut Vec<usize>) -> bool {
        let Some(mut batch) = self.batch() else { return false };
        if start >= end || !matches!(choices.get(start), Seq::U8(_)) {
            return false;
        }
        out.clear();
        out.resize(end - start, UNKNOWN);
        let mut done = Vec::new();
        for index in start..end {
            let Some((c, len)) = choices.bytes_padded(index, 64) else { unreachable!("a list holds one unit type") };
            batch.push(index - start, c, len, &mut done);
            for &(at, d) in &done {
                out[at] = d;
            }
            done.clear();
        }
        batch.finish(&mut done);
        for &(at, d) in &done {
            out[at] = d;
        }
        true
    }

    /// The score [`Self::score`] gives for `choice`, from its exact
    /// `distance` (from [`Self::chunk_distances`]; [`UNKNOWN`] scores it
    /// here).
    #[inline]
    pub fn score_known(&self, choice: Seq<'_>, distance: usize, cutoff: Option<f64>, hint: Option<f64>) -> Result<f64, ScoreError> {
        match self.multi {
            Some(_) if distance == UNKNOWN => self.score(choice, cutoff, hint),
            Some(MultiMetric::Levenshtein | MultiMetric::Osa) => {
                // Both have max(len1, len2) as their maximum.
                let max = Levenshtein { weights: Weights::default() }.maximum(self.query.len(), choice.len());
                Ok(score_metric(&Known { max, dist: distance }, self.scorer.form, self.query, choice, cutoff, hint))
            }
            Some(MultiMetric::Indel) => Ok(self.scaled(choice, cutoff, hint, |c, h| {
                let max = indel::Indel.maximum(self.query.len(), choice.len());
                score_metric(&Known { max, dist: distance }, self.form(), self.query, choice, c, h)
            })),
            None => self.score(choice, cutoff, hint),
        }
    }

    /// The score of the query against `choice`, as [`Scorer::score`].
    #[inline]
    pub fn score(&self, choice: Seq<'_>, cutoff: Option<f64>, hint: Option<f64>) -> Result<f64, ScoreError> {
        match &self.fast {
            Fast::Levenshtein(pm) => Ok(score_metric(&CachedLevenshtein { pm }, self.scorer.form, self.query, choice, cutoff, hint)),
            Fast::Indel(pm) => Ok(self.scaled(choice, cutoff, hint, |c, h| {
                score_metric(&CachedIndel { pm }, self.form(), self.query, choice, c, h)
            })),
            Fast::LcsSeq(pm) => Ok(score_metric(&CachedLcsSeq { pm }, self.scorer.form, self.query, choice, cutoff, hint)),
            Fast::Osa(pm) => Ok(score_metric(&CachedOsa { pm }, self.scorer.form, self.query, choice, cutoff, hint)),
            Fast::Jaro(pm) => {
                let counts = crate::with_seqs!(self.query, choice, |q, c| jaro::counts_with_pattern(pm, q, c));
                match counts.and_then(|k| self.scorer.jaro_from_counts(&k, cutoff)) {
                    Some(score) => Ok(score),
                    None => self.scorer.score(self.query, choice, cutoff, hint),
                }
            }
            Fast::Fuzz(kind, q) => {
                let (kind, cutoff) = (*kind, FuzzKind::clamped_cutoff(cutoff));
                Ok(crate::with_seq!(choice, |c| match &**q {
                    QueryFuzz::U8(q) => q.score(kind, c, cutoff),
                    QueryFuzz::U32(q) => q.score(kind, c, cutoff),
                    QueryFuzz::U64(q) => q.score(kind, c, cutoff),
                }))
            }
            Fast::None => self.scorer.score(self.query, choice, cutoff, hint),
        }
    }
}

/// Exact distances of the query to byte choices pushed one at a time,
/// computed by the multi-choice kernel a block at a time (one pending block
/// per lane width: 8, 16, 32 and 64 bits).
pub struct DistanceBatch<'q, 'c> {
    blocks: ChoiceBlocks<'q>,
    query_len: usize,
    metric: MultiMetric,
    pending: [Pending<'c>; 4],
}

impl<'c> DistanceBatch<'_, 'c> {
    /// Takes the choice tagged `tag`, whose `len` bytes start `padded`
    /// (which may run on, up to 64 bytes: the kernel then loads whole
    /// lanes). Appends `(tag, distance)` to `done` for each choice whose
    /// distance is now known: this one at once when it is empty, or a whole
    /// block when this one filled it. False, and nothing taken, for a
    /// choice over 64 bytes.
    pub fn push(&mut self, tag: usize, padded: &'c [u8], len: usize, done: &mut Vec<(usize, usize)>) -> bool {
        debug_assert!(len <= padded.len());
        if len == 0 {
            done.push((tag, self.query_len));
            return true;
        }
        let Some(width) = lane_width(len) else { return false };
        let w = width.trailing_zeros() as usize - 3;
        let block = &mut self.pending[w];
        block.1[block.0] = tag;
        block.2[block.0] = len;
        block.3[block.0] = &padded[..padded.len().min(width as usize)];
        block.0 += 1;
        if block.0 == block_capacity(width) {
            self.flush(w, done);
        }
        true
    }

    /// Computes every pending block, appending to `done` as [`Self::push`].
    pub fn finish(&mut self, done: &mut Vec<(usize, usize)>) {
        for w in 0..self.pending.len() {
            if self.pending[w].0 > 0 {
                self.flush(w, done);
            }
        }
    }

    fn flush(&mut self, w: usize, done: &mut Vec<(usize, usize)>) {
        let (count, tags, lens, strs) = &mut self.pending[w];
        let width = 8u32 << w;
        let mut dist = [0usize; 32];
        let (strs, lens) = (&strs[..*count], &lens[..*count]);
        match self.metric {
            MultiMetric::Indel => self.blocks.indel(width, strs, lens, &mut dist),
            MultiMetric::Levenshtein => self.blocks.levenshtein(width, strs, lens, &mut dist),
            MultiMetric::Osa => self.blocks.osa(width, strs, lens, &mut dist),
        }
        done.extend(tags[..*count].iter().copied().zip(dist[..*count].iter().copied()));
        *count = 0;
    }
}

/// Uniform Levenshtein whose first sequence (1..=64 units) has `pm`.
struct CachedLevenshtein<'p> {
    pm: &'p PatternMatchVector,
}

impl Metric for CachedLevenshtein<'_> {
    fn maximum(&self, len1: usize, len2: usize) -> usize {
        Levenshtein { weights: Weights::default() }.maximum(len1, len2)
    }

    fn raw_distance<A: Unit, B: Unit>(&self, s1: &[A], s2: &[B], cutoff: usize, hint: usize) -> usize {
        let (len1, len2) = (s1.len(), s2.len());
        let k = cutoff.min(len1.max(len2));
        if len1.abs_diff(len2) > k {
            return k + 1;
        }
        if k < 2 {
            // Affix stripping and mbleven beat the bit-parallel kernel here;
            // from k = 2 on, the cached kernel with its early exit is faster.
            return uniform_distance(s1, s2, cutoff, hint);
        }
        hyyro_word(self.pm, len1, s2, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorer::Form;
    use crate::unit::OwnedSeq;

    fn rng(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    #[test]
    fn equals_the_plain_scorer() {
        let mut s = 11u64;
        let word = |s: &mut u64, max: u64| -> OwnedSeq {
            let len = rng(s) % (max + 1);
            let v: Vec<u32> = (0..len).map(|_| [97, 98, 99, 0xE9, 0x1F600][(rng(s) % 5) as usize]).collect();
            OwnedSeq::U32(v)
        };
        let forms = [Form::Distance, Form::Similarity, Form::NormalizedDistance, Form::NormalizedSimilarity];
        for _ in 0..300 {
            let q = word(&mut s, 70);
            for metric in [
                MetricKind::Levenshtein(Weights::default()),
                MetricKind::Indel,
                MetricKind::LcsSeq,
                MetricKind::Osa,
                MetricKind::Jaro,
                MetricKind::JaroWinkler { prefix_weight: 0.1 },
                MetricKind::JaroWinkler { prefix_weight: 0.25 },
            ] {
                for form in forms {
                    let scorer = Scorer::new(metric, form);
                    let prepared = Prepared::new(&scorer, q.as_seq());
                    for _ in 0..20 {
                        let c = word(&mut s, 70);
                        let cut = (rng(&mut s) % 12) as f64;
                        let cutoffs = [None, Some(cut), Some(cut / 11.0)];
                        for cutoff in cutoffs {
                            let cutoff = match (form, cutoff) {
                                (Form::NormalizedDistance | Form::NormalizedSimilarity, Some(c)) if c > 1.0 => None,
                                (_, c) => c,
                            };
                            let want = scorer.score(q.as_seq(), c.as_seq(), cutoff, None).unwrap();
                            let got = prepared.score(c.as_seq(), cutoff, None).unwrap();
                            assert_eq!(got, want, "{metric:?} {form:?} {cutoff:?} {q:?} {c:?}");
                        }
                    }
                }
            }
        }
    }

    /// ratio and QRatio through the Indel paths give exactly the fuzz
    /// scorer's score, one by one and from the multi-choice kernel's
    /// distances, with no cutoff, negative, fractional, 100 and NaN cutoffs,
    /// over byte lists (the kernel) and wide ones, empty strings included.
    #[test]
    fn ratio_and_qratio_equal_the_fuzz_scorers() {
        let mut s = 23u64;
        let word = |s: &mut u64, max: u64, alphabet: &[char]| -> String {
            let len = rng(s) % (max + 1);
            (0..len).map(|_| alphabet[(rng(s) % alphabet.len() as u64) as usize]).collect()
        };
        for alphabet in [&['a', 'b', 'c', ' '][..], &['a', 'b', '\u{e9}', '\u{1F600}'][..]] {
            for round in 0..60 {
                let max = [8, 40, 70][round % 3];
                let q = word(&mut s, max, alphabet);
                let choices: Vec<String> = (0..90).map(|_| word(&mut s, max, alphabet)).collect();
                let refs: Vec<&str> = choices.iter().map(String::as_str).collect();
                let list = StrList::from_strs(&refs);
                let q_units: Vec<u32> = q.chars().map(|c| c as u32).collect();
                let query = Seq::U32(&q_units);
                for kind in [FuzzKind::Ratio, FuzzKind::QRatio] {
                    let scorer = Scorer::new(MetricKind::Fuzz(kind), Form::NormalizedSimilarity);
                    let prepared = Prepared::new(&scorer, query);
                    let mut known = Vec::new();
                    let have_known = prepared.chunk_distances(&list, 0, list.len(), &mut known);
                    assert_eq!(have_known, matches!(list.get(0), Seq::U8(_)));
                    let cut = (rng(&mut s) % 101) as f64;
                    for cutoff in [None, Some(-5.0), Some(0.0), Some(cut), Some(cut + 0.5), Some(100.0), Some(f64::NAN)] {
                        for (i, choice) in refs.iter().enumerate() {
                            let want = scorer.score(query, list.get(i), cutoff, None).unwrap();
                            let got = prepared.score(list.get(i), cutoff, None).unwrap();
                            assert_eq!(got.to_bits(), want.to_bits(), "{kind:?} {cutoff:?} {q:?} {choice:?}");
                            if have_known {
                                let got = prepared.score_known(list.get(i), known[i], cutoff, None).unwrap();
                                assert_eq!(got.to_bits(), want.to_bits(), "known {kind:?} {cutoff:?} {q:?} {choice:?}");
                            }
                        }
                    }
                }
            }
        }
    }
}
