//! Edit operation types: [`Editops`] (one operation per edited unit) and
//! [`Opcodes`] (difflib-style blocks that cover both sequences), with the
//! conversions, inversions and validation rules of rapidfuzz 3.x.

use crate::unit::Unit;
use std::fmt;

/// Kind of a single edit operation. The discriminants match rapidfuzz-cpp's
/// `EditType` (`None = 0` is [`OpcodeTag::Equal`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum EditTag {
    /// `src[src_pos]` is replaced by `dest[dest_pos]`.
    Replace = 1,
    /// `dest[dest_pos]` is inserted before `src[src_pos]`.
    Insert = 2,
    /// `src[src_pos]` is deleted.
    Delete = 3,
}

/// Kind of an opcode block. Same discriminants as [`EditTag`], plus `Equal = 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum OpcodeTag {
    Equal = 0,
    Replace = 1,
    Insert = 2,
    Delete = 3,
}

impl EditTag {
    /// rapidfuzz's name: `"replace"`, `"insert"` or `"delete"`.
    pub fn name(self) -> &'static str {
        match self {
            EditTag::Replace => "replace",
            EditTag::Insert => "insert",
            EditTag::Delete => "delete",
        }
    }

    /// The tag with the opposite direction (insert <-> delete).
    pub fn inverse(self) -> EditTag {
        match self {
            EditTag::Replace => EditTag::Replace,
            EditTag::Insert => EditTag::Delete,
            EditTag::Delete => EditTag::Insert,
        }
    }
}

impl OpcodeTag {
    /// rapidfuzz's name: `"equal"`, `"replace"`, `"insert"` or `"delete"`.
    pub fn name(self) -> &'static str {
        match self {
            OpcodeTag::Equal => "equal",
            OpcodeTag::Replace => "replace",
            OpcodeTag::Insert => "insert",
            OpcodeTag::Delete => "delete",
        }
    }

    /// Parses a rapidfuzz tag name; anything else is
    /// [`AlignmentError::InvalidEditType`].
    pub fn from_name(name: &str) -> Result<OpcodeTag, AlignmentError> {
        match name {
            "equal" => Ok(OpcodeTag::Equal),
            "replace" => Ok(OpcodeTag::Replace),
            "insert" => Ok(OpcodeTag::Insert),
            "delete" => Ok(OpcodeTag::Delete),
            _ => Err(AlignmentError::InvalidEditType),
        }
    }

    /// The tag from its discriminant (0..=3).
    pub fn from_u8(v: u8) -> Result<OpcodeTag, AlignmentError> {
        match v {
            0 => Ok(OpcodeTag::Equal),
            1 => Ok(OpcodeTag::Replace),
            2 => Ok(OpcodeTag::Insert),
            3 => Ok(OpcodeTag::Delete),
            _ => Err(AlignmentError::InvalidEditType),
        }
    }

    /// The edit tag, or `None` for `Equal`.
    pub fn edit_tag(self) -> Option<EditTag> {
        match self {
            OpcodeTag::Equal => None,
            OpcodeTag::Replace => Some(EditTag::Replace),
            OpcodeTag::Insert => Some(EditTag::Insert),
            OpcodeTag::Delete => Some(EditTag::Delete),
        }
    }

    fn inverse(self) -> OpcodeTag {
        match self {
            OpcodeTag::Insert => OpcodeTag::Delete,
            OpcodeTag::Delete => OpcodeTag::Insert,
            t => t,
        }
    }
}

impl From<EditTag> for OpcodeTag {
    fn from(t: EditTag) -> OpcodeTag {
        match t {
            EditTag::Replace => OpcodeTag::Replace,
            EditTag::Insert => OpcodeTag::Insert,
            EditTag::Delete => OpcodeTag::Delete,
        }
    }
}

/// Why a list of operations was rejected. [`AlignmentError::message`] gives
/// rapidfuzz's exact `ValueError` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlignmentError {
    /// "List of edit operations invalid"
    Invalid,
    /// "List of edit operations out of order"
    OutOfOrder,
    /// "Duplicated edit operation"
    Duplicated,
    /// "List of edit operations does not start at position 0"
    NotStartAtZero,
    /// "List of edit operations does not end at the string ends"
    NotEndAtEnds,
    /// "List of edit operations is not continuous"
    NotContinuous,
    /// "Invalid Edit Type"
    InvalidEditType,
    /// "edit operations do not fit the sequences" (apply with sequences
    /// shorter than the positions; rapidfuzz reads out of bounds there).
    ApplyOutOfRange,
}

impl AlignmentError {
    pub fn message(self) -> &'static str {
        match self {
            AlignmentError::Invalid => "List of edit operations invalid",
            AlignmentError::OutOfOrder => "List of edit operations out of order",
            AlignmentError::Duplicated => "Duplicated edit operation",
            AlignmentError::NotStartAtZero => {
                "List of edit operations does not start at position 0"
            }
            AlignmentError::NotEndAtEnds => {
                "List of edit operations does not end at the string ends"
            }
            AlignmentError::NotContinuous => "List of edit operations is not continuous",
            AlignmentError::InvalidEditType => "Invalid Edit Type",
            AlignmentError::ApplyOutOfRange => "edit operations do not fit the sequences",
        }
    }
}

impl fmt::Display for AlignmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for AlignmentError {}

/// One edit operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EditOp {
    pub tag: EditTag,
    pub src_pos: usize,
    pub dest_pos: usize,
}

/// Edit operations turning a source sequence of `src_len` units into a
/// destination of `dest_len` units, ordered by position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Editops {
    pub ops: Vec<EditOp>,
    pub src_len: usize,
    pub dest_len: usize,
}

/// One opcode block: `src[src_start..src_end]` relates to
/// `dest[dest_start..dest_end]` as `tag` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Opcode {
    pub tag: OpcodeTag,
    pub src_start: usize,
    pub src_end: usize,
    pub dest_start: usize,
    pub dest_end: usize,
}

/// Opcode blocks covering both sequences from start to end.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Opcodes {
    pub ops: Vec<Opcode>,
    pub src_len: usize,
    pub dest_len: usize,
}

/// A run of `size` equal units at `src[a..]` and `dest[b..]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MatchingBlock {
    pub a: usize,
    pub b: usize,
    pub size: usize,
}

impl Editops {
    /// Empty editops for sequences of the given lengths.
    pub fn new(src_len: usize, dest_len: usize) -> Editops {
        Editops {
            ops: Vec::new(),
            src_len,
            dest_len,
        }
    }

    /// Validates user data like rapidfuzz's `Editops(list, src_len, dest_len)`
    /// for a list of 3-tuples: each position in range (`src_pos == src_len`
    /// only for inserts, `dest_pos == dest_len` only for deletes), `Equal`
    /// entries checked and then dropped, and the remaining operations in
    /// non-decreasing order of both positions without two at the same pair.
    pub fn from_list(
        list: &[(OpcodeTag, usize, usize)],
        src_len: usize,
        dest_len: usize,
    ) -> Result<Editops, AlignmentError> {
        let mut ops = Vec::with_capacity(list.len());
        for &(tag, src_pos, dest_pos) in list {
            if src_pos > src_len || dest_pos > dest_len {
                return Err(AlignmentError::Invalid);
            }
            if src_pos == src_len && tag != OpcodeTag::Insert {
                return Err(AlignmentError::Invalid);
            }
            if dest_pos == dest_len && tag != OpcodeTag::Delete {
                return Err(AlignmentError::Invalid);
            }
            if let Some(tag) = tag.edit_tag() {
                ops.push(EditOp {
                    tag,
                    src_pos,
                    dest_pos,
                });
            }
        }
        for w in ops.windows(2) {
            if w[1].src_pos < w[0].src_pos || w[1].dest_pos < w[0].dest_pos {
                return Err(AlignmentError::OutOfOrder);
            }
            if w[1].src_pos == w[0].src_pos && w[1].dest_pos == w[0].dest_pos {
                return Err(AlignmentError::Duplicated);
            }
        }
        Ok(Editops {
            ops,
            src_len,
            dest_len,
        })
    }

    /// Validates a list of 5-tuples as [`Opcodes::from_list`] does and
    /// converts it, like rapidfuzz's `Editops(list_of_opcodes, ...)`.
    pub fn from_opcode_list(
        list: &[(OpcodeTag, usize, usize, usize, usize)],
        src_len: usize,
        dest_len: usize,
    ) -> Result<Editops, AlignmentError> {
        if list.is_empty() {
            return Ok(Editops::new(src_len, dest_len));
        }
        Ok(Opcodes::from_list(list, src_len, dest_len)?.as_editops())
    }

    pub fn len(&self) -> usize {
        self.ops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Opcodes with `Equal` blocks between the edits; runs of the same tag
    /// at consecutive positions merge into one block (rapidfuzz-cpp's rules,
    /// also for lists that are not consistent).
    pub fn as_opcodes(&self) -> Opcodes {
        let mut blocks = Vec::new();
        let ops = &self.ops;
        let (mut src_pos, mut dest_pos) = (0usize, 0usize);
        let mut i = 0;
        while i < ops.len() {
            if src_pos < ops[i].src_pos || dest_pos < ops[i].dest_pos {
                blocks.push(Opcode {
                    tag: OpcodeTag::Equal,
                    src_start: src_pos,
                    src_end: ops[i].src_pos,
                    dest_start: dest_pos,
                    dest_end: ops[i].dest_pos,
                });
                src_pos = ops[i].src_pos;
                dest_pos = ops[i].dest_pos;
            }
            let (src_begin, dest_begin) = (src_pos, dest_pos);
            let tag = ops[i].tag;
            loop {
                match tag {
                    EditTag::Replace => {
                        src_pos += 1;
                        dest_pos += 1;
                    }
                    EditTag::Insert => dest_pos += 1,
                    EditTag::Delete => src_pos += 1,
                }
                i += 1;
                if !(i < ops.len()
                    && ops[i].tag == tag
                    && src_pos == ops[i].src_pos
                    && dest_pos == ops[i].dest_pos)
                {
                    break;
                }
            }
            blocks.push(Opcode {
                tag: tag.into(),
                src_start: src_begin,
                src_end: src_pos,
                dest_start: dest_begin,
                dest_end: dest_pos,
            });
        }
        if src_pos < self.src_len || dest_pos < self.dest_len {
            blocks.push(Opcode {
                tag: OpcodeTag::Equal,
                src_start: src_pos,
                src_end: self.src_len,
                dest_start: dest_pos,
                dest_end: self.dest_len,
            });
        }
        Opcodes {
            ops: blocks,
            src_len: self.src_len,
            dest_len: self.dest_len,
        }
    }

    /// Matching blocks between the edits, ending with the sentinel
    /// `(src_len, dest_len, 0)`. Gap sizes use unsigned (wrapping)
    /// arithmetic like rapidfuzz-cpp, which only matters for inconsistent
    /// lists.
    pub fn as_matching_blocks(&self) -> Vec<MatchingBlock> {
        let mut blocks = Vec::new();
        let (mut src_pos, mut dest_pos) = (0usize, 0usize);
        for op in &self.ops {
            if src_pos < op.src_pos || dest_pos < op.dest_pos {
                let len = op
                    .src_pos
                    .wrapping_sub(src_pos)
                    .min(op.dest_pos.wrapping_sub(dest_pos));
                if len > 0 {
                    blocks.push(MatchingBlock {
                        a: src_pos,
                        b: dest_pos,
                        size: len,
                    });
                }
                src_pos = op.src_pos;
                dest_pos = op.dest_pos;
            }
            match op.tag {
                EditTag::Replace => {
                    src_pos += 1;
                    dest_pos += 1;
                }
                EditTag::Delete => src_pos += 1,
                EditTag::Insert => dest_pos += 1,
            }
        }
        if src_pos < self.src_len || dest_pos < self.dest_len {
            let len = self
                .src_len
                .wrapping_sub(src_pos)
                .min(self.dest_len.wrapping_sub(dest_pos));
            if len > 0 {
                blocks.push(MatchingBlock {
                    a: src_pos,
                    b: dest_pos,
                    size: len,
                });
            }
        }
        blocks.push(MatchingBlock {
            a: self.src_len,
            b: self.dest_len,
            size: 0,
        });
        blocks
    }

    /// Editops turning the destination into the source.
    pub fn inverse(&self) -> Editops {
        Editops {
            ops: self
                .ops
                .iter()
                .map(|op| EditOp {
                    tag: op.tag.inverse(),
                    src_pos: op.dest_pos,
                    dest_pos: op.src_pos,
                })
                .collect(),
            src_len: self.dest_len,
            dest_len: self.src_len,
        }
    }

    /// Applies the operations to `src`, taking replaced and inserted units
    /// from `dest`; returns the unit values of the result. Fails when a
    /// position lies outside the given sequences.
    pub fn apply<A: Unit, B: Unit>(
        &self,
        src: &[A],
        dest: &[B],
    ) -> Result<Vec<u64>, AlignmentError> {
        let mut out = Vec::with_capacity(src.len() + self.ops.len());
        let mut src_pos = 0usize;
        for op in &self.ops {
            if op.src_pos > src.len() {
                return Err(AlignmentError::ApplyOutOfRange);
            }
            while src_pos < op.src_pos {
                out.push(src[src_pos].value());
                src_pos += 1;
            }
            match op.tag {
                EditTag::Replace | EditTag::Insert => {
                    let unit = dest
                        .get(op.dest_pos)
                        .ok_or(AlignmentError::ApplyOutOfRange)?;
                    out.push(unit.value());
                    if op.tag == EditTag::Replace {
                        src_pos += 1;
                    }
                }
                EditTag::Delete => src_pos += 1,
            }
        }
        if src_pos < src.len() {
            out.extend(src[src_pos..].iter().map(|u| u.value()));
        }
        Ok(out)
    }
}

impl Opcodes {
    /// Validates user data like rapidfuzz's `Opcodes(list, src_len, dest_len)`
    /// for a list of 5-tuples. Adjacent blocks with the same tag that touch
    /// are merged. An empty list gives the opcodes of empty editops.
    pub fn from_list(
        list: &[(OpcodeTag, usize, usize, usize, usize)],
        src_len: usize,
        dest_len: usize,
    ) -> Result<Opcodes, AlignmentError> {
        if list.is_empty() {
            return Ok(Editops::new(src_len, dest_len).as_opcodes());
        }
        let mut blocks: Vec<Opcode> = Vec::with_capacity(list.len());
        for &(tag, src_start, src_end, dest_start, dest_end) in list {
            if src_end > src_len || dest_end > dest_len {
                return Err(AlignmentError::Invalid);
            }
            if src_end < src_start || dest_end < dest_start {
                return Err(AlignmentError::Invalid);
            }
            let (src_n, dest_n) = (src_end - src_start, dest_end - dest_start);
            let ok = match tag {
                OpcodeTag::Equal | OpcodeTag::Replace => src_n == dest_n && src_n != 0,
                OpcodeTag::Insert => src_n == 0 && dest_n != 0,
                OpcodeTag::Delete => src_n != 0 && dest_n == 0,
            };
            if !ok {
                return Err(AlignmentError::Invalid);
            }
            if let Some(last) = blocks.last_mut() {
                if last.tag == tag && last.src_end == src_start && last.dest_end == dest_start {
                    last.src_end = src_end;
                    last.dest_end = dest_end;
                    continue;
                }
            }
            blocks.push(Opcode {
                tag,
                src_start,
                src_end,
                dest_start,
                dest_end,
            });
        }
        let (first, last) = (blocks[0], blocks[blocks.len() - 1]);
        if first.src_start != 0 || first.dest_start != 0 {
            return Err(AlignmentError::NotStartAtZero);
        }
        if last.src_end != src_len || last.dest_end != dest_len {
            return Err(AlignmentError::NotEndAtEnds);
        }
        for w in blocks.windows(2) {
            if w[1].src_start != w[0].src_end || w[1].dest_start != w[0].dest_end {
                return Err(AlignmentError::NotContinuous);
            }
        }
        Ok(Opcodes {
            ops: blocks,
            src_len,
            dest_len,
        })
    }

    /// Validates a list of 3-tuples as [`Editops::from_list`] does and
    /// converts it, like rapidfuzz's `Opcodes(list_of_editops, ...)`.
    pub fn from_editop_list(
        list: &[(OpcodeTag, usize, usize)],
        src_len: usize,
        dest_len: usize,
    ) -> Result<Opcodes, AlignmentError> {
        Ok(Editops::from_list(list, src_len, dest_len)?.as_opcodes())
    }

    pub fn len(&self) -> usize {
        self.ops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// One editop per unit of each non-equal block.
    pub fn as_editops(&self) -> Editops {
        let mut ops = Vec::new();
        for op in &self.ops {
            match op.tag {
                OpcodeTag::Equal => {}
                OpcodeTag::Replace => {
                    for j in 0..op.src_end.saturating_sub(op.src_start) {
                        ops.push(EditOp {
                            tag: EditTag::Replace,
                            src_pos: op.src_start + j,
                            dest_pos: op.dest_start + j,
                        });
                    }
                }
                OpcodeTag::Insert => {
                    for j in 0..op.dest_end.saturating_sub(op.dest_start) {
                        ops.push(EditOp {
                            tag: EditTag::Insert,
                            src_pos: op.src_start,
                            dest_pos: op.dest_start + j,
                        });
                    }
                }
                OpcodeTag::Delete => {
                    for j in 0..op.src_end.saturating_sub(op.src_start) {
                        ops.push(EditOp {
                            tag: EditTag::Delete,
                            src_pos: op.src_start + j,
                            dest_pos: op.dest_start,
                        });
                    }
                }
            }
        }
        Editops {
            ops,
            src_len: self.src_len,
            dest_len: self.dest_len,
        }
    }

    /// The `Equal` blocks as matching blocks, plus the sentinel
    /// `(src_len, dest_len, 0)`.
    pub fn as_matching_blocks(&self) -> Vec<MatchingBlock> {
        let mut blocks = Vec::new();
        for op in &self.ops {
            if op.tag == OpcodeTag::Equal {
                let len = op
                    .src_end
                    .wrapping_sub(op.src_start)
                    .min(op.dest_end.wrapping_sub(op.dest_start));
                if len > 0 {
                    blocks.push(MatchingBlock {
                        a: op.src_start,
                        b: op.dest_start,
                        size: len,
                    });
                }
            }
        }
        blocks.push(MatchingBlock {
            a: self.src_len,
            b: self.dest_len,
            size: 0,
        });
        blocks
    }

    /// Opcodes turning the destination into the source.
    pub fn inverse(&self) -> Opcodes {
        Opcodes {
            ops: self
                .ops
                .iter()
                .map(|op| Opcode {
                    tag: op.tag.inverse(),
                    src_start: op.dest_start,
                    src_end: op.dest_end,
                    dest_start: op.src_start,
                    dest_end: op.src_end,
                })
                .collect(),
            src_len: self.dest_len,
            dest_len: self.src_len,
        }
    }

    /// Applies the blocks: `Equal` copies from `src`, `Replace`/`Insert`
    /// copy from `dest`, `Delete` copies nothing. Fails when a block lies
    /// outside the given sequences.
    pub fn apply<A: Unit, B: Unit>(
        &self,
        src: &[A],
        dest: &[B],
    ) -> Result<Vec<u64>, AlignmentError> {
        let mut out = Vec::with_capacity(self.dest_len);
        for op in &self.ops {
            match op.tag {
                OpcodeTag::Equal => {
                    let s = src
                        .get(op.src_start..op.src_end)
                        .ok_or(AlignmentError::ApplyOutOfRange)?;
                    out.extend(s.iter().map(|u| u.value()));
                }
                OpcodeTag::Replace | OpcodeTag::Insert => {
                    let s = dest
                        .get(op.dest_start..op.dest_end)
                        .ok_or(AlignmentError::ApplyOutOfRange)?;
                    out.extend(s.iter().map(|u| u.value()));
                }
                OpcodeTag::Delete => {}
            }
        }
        Ok(out)
    }
}

impl From<&Editops> for Opcodes {
    fn from(e: &Editops) -> Opcodes {
        e.as_opcodes()
    }
}

impl From<&Opcodes> for Editops {
    fn from(o: &Opcodes) -> Editops {
        o.as_editops()
    }
}
