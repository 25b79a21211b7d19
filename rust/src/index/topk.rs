//! Bounded best-k selection with rapidfuzz's ordering.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One search result: a choice's position and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub index: usize,
    pub score: f64,
}

/// Heap entry ordered so that the heap's top is the worst kept match.
#[derive(Clone, Copy, Debug)]
struct Ranked {
    m: Match,
    higher_is_better: bool,
}

impl Ranked {
    /// `Less` when `self` ranks before (is better than) `other`.
    fn rank(&self, other: &Self) -> Ordering {
        let by_score = if self.higher_is_better {
            other.m.score.total_cmp(&self.m.score)
        } else {
            self.m.score.total_cmp(&other.m.score)
        };
        by_score.then(self.m.index.cmp(&other.m.index))
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

/// Keeps the best `k` matches offered.
pub struct TopK {
    k: usize,
    higher_is_better: bool,
    heap: BinaryHeap<Ranked>,
}

impl TopK {
    pub fn new(k: usize, higher_is_better: bool) -> Self {
        TopK {
            k,
            higher_is_better,
            heap: BinaryHeap::with_capacity(k.min(64) + 1),
        }
    }

    /// Adds `m` if it ranks among the best `k` so far.
    pub fn offer(&mut self, m: Match) {
        let r = Ranked { m, higher_is_better: self.higher_is_better };
        if self.heap.len() < self.k {
            self.heap.push(r);
        } else if let Some(worst) = self.heap.peek() {
            if r < *worst {
                self.heap.pop();
                self.heap.push(r);
            }
        }
    }

    /// The cutoff a new candidate must pass: the user's, tightened to the
    /// worst kept score once `k` matches are held.
    pub fn tightened_cutoff(&self, user: Option<f64>) -> Option<f64> {
        if self.heap.len() < self.k {
            return user;
        }
        let worst = self.heap.peek().map(|r| r.m.score);
        match (user, worst) {
            (None, w) => w,
            (Some(u), None) => Some(u),
            (Some(u), Some(w)) => Some(if self.higher_is_better { u.max(w) } else { u.min(w) }),
        }
    }

    /// The worst kept score, once `k` matches are held.
    pub fn worst_if_full(&self) -> Option<f64> {
        if self.heap.len() < self.k {
            None
        } else {
            self.heap.peek().map(|r| r.m.score)
        }
    }

    /// Keeps only the matches for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&Match) -> bool) {
        self.heap.retain(|r| keep(&r.m));
    }

    /// The kept matches, best first.
    pub fn into_sorted(self) -> Vec<Match> {
        self.heap.into_sorted_vec().into_iter().map(|r| r.m).collect()
    }
}
