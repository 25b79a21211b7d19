#!/usr/bin/env python3
"""Writes the committed seed corpus under rust/fuzz/corpus/<target>/.

The byte-structured targets get a few hand-picked inputs; index_load gets
valid saved indexes (written by the Python package's Index, so build the
package first: python3 build.py) plus truncated and bit-flipped copies.
Run from anywhere: python3 rust/fuzz/gen_corpus.py
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python"))

from ferrofuzz import Index  # noqa: E402

SEEDS = {
    # metric selector, strings (selector, length, units...), cutoffs
    "distance": [
        b"\x00\x01\x01\x01\x00\x05kittn\x00\x06sittng\x04\x05\x06\x07",
        b"\x02\x01\x03\x00\x04abcd\x03\x04abdc\x00\x00\x08\x08",
        b"\x03\x01\x41\x06\xd8\xd8\x00\x01\xff\x45\x06\xd8\x02\x02\x01\x00\xff\x05\x05",
        b"\x01\x05\x06\x07\x00\xfa\x00\x02\x04abc\x00\xfa\x00\x02\x04abd\x03\x03",
        # Found by the fuzzer: weights near usize::MAX / 3, normalized
        # distance exactly at the cutoff was reported as 1.0.
        b"\xc5\x02\x03\x01\x03\x02\x01\x03\x00\x04\xfdS-\xd2.--\xaa\xa9\xaa\x05\xff\x00",
    ],
    # metric selector (LCSseq, OSA, DL, Prefix, Postfix, Jaro, JW + weight),
    # strings, integer cutoff, normalized cutoff
    "metrics": [
        b"\x01\x20\x02ca\x20\x03abc\x04\x02\x07",
        b"\x02\x23\x02ca\x23\x03abc\x04\x01\x08\x80",
        b"\x00\x21\x05abcde\x22\x03ace\x05\x05\x09\x80",
        b"\x06\x08\x23\x06MARTHA\x23\x06MARHTA\x00\x0a\xf0",
        b"\x05\x41\x07\x00\x01\x0d\x0f\x10\x11\x12\x43\x06\x0d\x01\x00\x0f\x10\x11\x03\x09\x20",
        b"\x03\x20\x04abcd\x23\x04abxx\x04\x02\x0b\x80",
        b"\x04\x00\xfa\x00\x02\x03abc\x00\xfa\x00\x02\x03xbc\x03\x05",
        b"\x06\x02\x20\x04abcd\x20\x04abce\x00\x00",
    ],
    "fuzz_scorers": [
        b"\x60\x0bnew york mets\x60\x0anew yor me\x02\x80\x01",
        b"\x43\x05\xa0\x02\x85\x03\x0c\x41\x04\xa0\x0c\x0c\x02\x03\x00\x08",
        b"\x63\x0cfuzzy wuzzy \x23\x09wuzzy fuz\x00\x05",
    ],
    "phonetic": [
        b"\x03\x06Robert\x03\x06Rupert\x00\x00\x10",
        b"\x23\x04\xc3\xa9mi\x01\x05Smyth\x04\x01\x20",
        b"\x43\x05\x09\x0a\x0b\x0c\x0d\x02\x03abc\x03\x02\x30",
    ],
    "process": [
        b"\x90\x00\x02\x00\x03abc\x03\x00\x03abd\x00\x03xyz\x00\x03abc\x02\x00\x02ab\x00\x02bc\x00\x01\x05\x00\x05\x01",
        b"\x10\x03\x01\x00\x04aabb\x04\x00\x02ab\x00\x00\x00\x03bba\x00\x00\x00\x02\x00\x05",
        b"\xa0\x03\x02\x02\x42\x02\x01\x02\x42\x03\x01\x02\x03\x00\x02\x61\x62\x81\x00\x06",
    ],
    "index": [
        b"\x04\x00\x03abc\x00\x03abd\x00\x03xbc\x00\x02ab\x02\x00\x01\x02\xa0\x00\x03\x00\x01\x00\x03abc\x01\x05\x07",
        b"\x03\x23\x04\xc3\xa9mi\x00\x03emi\x01\x02\x00\x00\x01\x02\x08\x02\x03\x00\x02em\x00\x03\x04\x09",
        b"\x06\x00\x01a\x00\x01a\x00\x01b\x00\x01b\x00\x00\x00\x02ab\x06\x00\x01\x02\x90\x03\x01\x02\x00\x01a\x01\x02\x07\x00",
    ],
}


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    for target, seeds in SEEDS.items():
        for i, data in enumerate(seeds):
            write(target, f"seed-{i}", data)
    small = Index(["apple", "apples", "maple", "naïve", "😀 emoji", ""])
    keyed = Index({"k1": "kitten", 7: "sitting", "k3": "mitten"})
    wide = Index([[1, 2, 3], (2**40, 5)])
    empty = Index([])
    for name, index in [("small", small), ("keyed", keyed), ("wide", wide), ("empty", empty)]:
        data = index.to_bytes()
        write("index_load", f"valid-{name}", data)
        if name == "small":
            write("index_load", "truncated-half", data[: len(data) // 2])
            write("index_load", "truncated-1", data[:-1])
            write("index_load", "header-only", data[:16])
            for at in (0, 8, len(data) // 3, len(data) - 9):
                flipped = bytearray(data)
                flipped[at] ^= 0x40
                write("index_load", f"flipped-{at}", bytes(flipped))
    write("index_load", "empty-file", b"")


if __name__ == "__main__":
    main()
