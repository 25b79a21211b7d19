//! Bounded best-k selection in rapidfuzz's extract order: best score first
//! (highest similarity, lowest distance), ties by position. Shared by
//! `process::extract` and the Index searches (where a hit is a `Match`).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One result: a choice's position and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub index: usize,
    pub score: f64,
}

#[derive(Clone, Copy, Debug)]
struct Ranked {
    hit: Hit,
    higher_is_better: bool,
}

impl Ranked {
    /// `Less` when `self` ranks before (is better than) `other`.
    fn rank(&self, other: &Self) -> Ordering {
        let by_score = if self.higher_is_better {
            other.hit.score.total_cmp(&self.hit.score)
        } else {
            self.hit.score.total_cmp(&other.hit.score)
        };
        by_score.then(self.hit.index.cmp(&other.hit.index))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank(other)
    }
}

/// Keeps the best `k` hits offered; the heap's top is the worst kept.
pub struct TopK {
    k: usize,
    higher_is_better: bool,
    heap: BinaryHeap<Ranked>,
}

impl TopK {
    pub fn new(k: usize, higher_is_better: bool) -> Self {
        TopK { k, higher_is_better, heap: BinaryHeap::with_capacity(k.min(64) + 1) }
    }

    pub fn offer(&mut self, hit: Hit) {
        if self.k == 0 {
            return;
        }
        let r = Ranked { hit, higher_is_better: self.higher_is_better };
        if self.heap.len() < self.k {
            self.heap.push(r);
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if r < *worst {
                *worst = r;
            }
        }
    }

    /// The cutoff a new candidate must pass: the caller's, tightened to the
    /// worst kept score once `k` hits are held.
    pub fn cutoff(&self, user: Option<f64>) -> Option<f64> {
        if self.heap.len() < self.k {
            return user;
        }
        let worst = self.heap.peek().map(|r| r.hit.score);
        match (user, worst) {
            (None, w) => w,
            (Some(u), None) => Some(u),
            (Some(u), Some(w)) => Some(if self.higher_is_better { u.max(w) } else { u.min(w) }),
        }
    }

    /// The worst kept score, once `k` hits are held.
    pub fn worst_if_full(&self) -> Option<f64> {
        if self.heap.len() < self.k {
            None
        } else {
            self.heap.peek().map(|r| r.hit.score)
        }
    }

    /// The best kept hit.
    pub fn best(&self) -> Option<Hit> {
        self.heap.iter().min().map(|r| r.hit)
    }

    /// The kept hits, best first.
    pub fn into_sorted(self) -> Vec<Hit> {
        self.heap.into_sorted_vec().into_iter().map(|r| r.hit).collect()
    }
}

/// Sorts hits into extract order: best score first, ties by position.
pub fn sort_hits(hits: &mut [Hit], higher_is_better: bool) {
    hits.sort_unstable_by(|a, b| {
        Ranked { hit: *a, higher_is_better }.rank(&Ranked { hit: *b, higher_is_better })
    });
}
