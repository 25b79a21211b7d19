//! Grouping near-duplicates: connected components of the "similar enough"
//! graph.
//!
//! Choices `i` and `j` are joined when searching for choice `i` finds choice
//! `j` with a score that passes the threshold (so for an asymmetric scorer,
//! one direction is enough). Groups are the connected components of those
//! joins: similarity is not transitive, so a chain a~b~c puts a and c in one
//! group even when a and c are not similar themselves.

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
    fn components() {
        let mut uf = UnionFind::new(6);
        uf.union(0, 3);
        uf.union(3, 5);
        uf.union(1, 2);
        assert_eq!(uf.groups(2), vec![vec![0, 3, 5], vec![1, 2]]);
    }
}
