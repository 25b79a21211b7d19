//! Grouping near-duplicates: connected components of the "similar enough"
//! graph.
//!
//! Choices `i` and `j` are joined when searching for choice `i` finds choice
//! `j` with a score that passes the threshold (so for an asymmetric scorer,
//! one direction is enough). Groups are the connected components of those
//! joins: similarity is not transitive, so a chain a~b~c puts a and c in one
//! group even when a and c are not similar themselves.

use crate::unit::{Seq, Unit};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

fn for_each_value(seq: Seq<'_>, mut f: impl FnMut(u64)) {
    match seq {
        Seq::U8(s) => s.iter().for_each(|&u| f(u.value())),
        Seq::U32(s) => s.iter().for_each(|&u| f(u.value())),
        Seq::U64(s) => s.iter().for_each(|&u| f(u.value())),
    }
}

fn value_hash(seq: Seq<'_>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    seq.len().hash(&mut h);
    for_each_value(seq, |v| v.hash(&mut h));
    h.finish()
}

fn same_values(a: Seq<'_>, b: Seq<'_>) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut va = Vec::with_capacity(a.len());
    for_each_value(a, |v| va.push(v));
    let mut i = 0;
    let mut same = true;
    for_each_value(b, |v| {
        same &= va[i] == v;
        i += 1;
    });
    same
}

/// The choices `0..n` (read through `get`) in classes of equal unit values,
/// each class ascending, classes ordered by their first member. Copies of
/// one string find the same choices, so a search per class suffices.
pub fn classes_of_copies<'a>(n: usize, get: impl Fn(usize) -> Seq<'a>) -> Vec<Vec<usize>> {
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let seq = get(i);
        let slots = by_hash.entry(value_hash(seq)).or_default();
        match slots.iter().find(|&&c| same_values(get(classes[c][0]), seq)) {
            Some(&c) => classes[c].push(i),
            None => {
                slots.push(classes.len());
                classes.push(vec![i]);
            }
        }
    }
    classes
}

/// Disjoint-set forest with path halving and union by size.
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra] < self.size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra as u32;
        self.size[ra] += self.size[rb];
    }

    /// The components with at least `min_size` members: members ascending,
    /// groups ordered by their first member.
    pub fn groups(mut self, min_size: usize) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut slot_of_root: Vec<u32> = vec![u32::MAX; n];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let root = self.find(i);
            if (self.size[root] as usize) < min_size {
                continue;
            }
            if slot_of_root[root] == u32::MAX {
                slot_of_root[root] = groups.len() as u32;
                groups.push(Vec::new());
            }
            groups[slot_of_root[root] as usize].push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_classed_by_value() {
        let words: [&[u8]; 6] = [b"ab", b"", b"ab", b"ba", b"", b"ab"];
        let wide: [u64; 2] = [97, 98];
        let classes = classes_of_copies(7, |i| if i < 6 { Seq::U8(words[i]) } else { Seq::U64(&wide) });
        assert_eq!(classes, vec![vec![0, 2, 5, 6], vec![1, 4], vec![3]]);
    }

    #[test]
    fn components() {
        let mut uf = UnionFind::new(6);
        uf.union(0, 3);
        uf.union(3, 5);
        uf.union(1, 2);
        assert_eq!(uf.groups(2), vec![vec![0, 3, 5], vec![1, 2]]);
    }
}
