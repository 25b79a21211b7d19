"""The committed header exposes only the library's own names."""

import re
from pathlib import Path

HEADER = (Path(__file__).resolve().parent.parent / "include" / "ferrofuzz.h").read_text()
CODE = "\n".join(line for line in HEADER.splitlines() if not line.lstrip().startswith(("//", "/*", "*")))


def test_every_macro_is_prefixed():
    names = re.findall(r"^#define\s+(\w+)", HEADER, re.M)
    assert names, "no #define found"
    assert [n for n in names if not n.startswith("FFZ_") and n != "FERROFUZZ_H"] == []


def test_every_function_and_type_is_prefixed():
    functions = re.findall(r"^\S[^\n(]*?\b(\w+)\(", CODE, re.M)
    assert functions, "no function declaration found"
    assert [f for f in functions if not f.startswith("ffz_")] == []
    # Opaque "typedef struct X X;" and the names closing "typedef struct { ... } X;".
    types = re.findall(r"^typedef struct \w+ (\w+);", CODE, re.M) + re.findall(r"^\} (\w+);", CODE, re.M)
    assert types, "no type found"
    assert [t for t in types if not t.startswith("ffz_")] == []


def test_every_function_is_documented():
    undocumented = []
    lines = HEADER.splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"^\S.*?\b(ffz_\w+)\(", line)
        if match and not line.startswith(("//", "/*", "#")):
            if i == 0 or not lines[i - 1].startswith("//"):
                undocumented.append(match.group(1))
    assert undocumented == []
