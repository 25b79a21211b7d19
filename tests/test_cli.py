"""The ferrofuzz command: output formats, inputs, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein as RLevenshtein

from ferrofuzz.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_match_csv_equals_rapidfuzz(capsys):
    code, out, err = run(["match", DATA / "queries.txt", DATA / "names.txt", "--limit", "3"], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    queries = (DATA / "queries.txt").read_text().splitlines()
    names = (DATA / "names.txt").read_text().splitlines()
    assert len(rows) == 3 * len(queries)
    for qi in (0, 17, 123):
        expected = process.extract(queries[qi], names, scorer=RLevenshtein.normalized_similarity, limit=3)
        got = [r for r in rows if int(r["query_index"]) == qi]
        assert [(r["choice"], int(r["choice_index"])) for r in got] == [(c, i) for c, _, i in expected]
        assert [float(r["score"]) for r in got] == pytest.approx([s for _, s, _ in expected], abs=1e-6)


def test_match_jsonl_threshold_and_output_file(tmp_path, capsys):
    out_file = tmp_path / "out.jsonl"
    code, out, err = run(
        ["match", DATA / "queries.txt", DATA / "names.txt", "--scorer", "levenshtein-distance",
         "--threshold", "2", "--limit", "0", "--format", "jsonl", "-o", out_file, "--workers", "2"],
        capsys,
    )
    assert code == 0, err
    assert out == ""
    records = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert len(records) == 200
    names = (DATA / "names.txt").read_text().splitlines()
    for r in records[:30]:
        expected = sorted((RLevenshtein.distance(r["query"], n), i) for i, n in enumerate(names)
                          if RLevenshtein.distance(r["query"], n) <= 2)
        assert [(m["score"], m["choice_index"]) for m in r["matches"]] == expected


RAPIDFUZZ_SCORERS = {
    "levenshtein": "distance.Levenshtein.normalized_similarity",
    "levenshtein-distance": "distance.Levenshtein.distance",
    "indel": "distance.Indel.normalized_similarity",
    "indel-distance": "distance.Indel.distance",
    "hamming": "distance.Hamming.normalized_similarity",
    "hamming-distance": "distance.Hamming.distance",
    "osa": "distance.OSA.normalized_similarity",
    "osa-distance": "distance.OSA.distance",
    "damerau-levenshtein": "distance.DamerauLevenshtein.normalized_similarity",
    "damerau-levenshtein-distance": "distance.DamerauLevenshtein.distance",
    "lcsseq": "distance.LCSseq.normalized_similarity",
    "lcsseq-distance": "distance.LCSseq.distance",
    "jaro": "distance.Jaro.similarity",
    "jaro-winkler": "distance.JaroWinkler.similarity",
    "ratio": "fuzz.ratio",
    "partial-ratio": "fuzz.partial_ratio",
    "token-sort-ratio": "fuzz.token_sort_ratio",
    "token-set-ratio": "fuzz.token_set_ratio",
    "wratio": "fuzz.WRatio",
    "qratio": "fuzz.QRatio",
}


def test_every_scorer_name_is_listed():
    from ferrofuzz.cli import scorers

    assert sorted(scorers()) == sorted(RAPIDFUZZ_SCORERS)


@pytest.mark.parametrize("name", sorted(RAPIDFUZZ_SCORERS))
def test_match_each_scorer_equals_rapidfuzz(name, capsys):
    import functools

    import rapidfuzz

    rf_scorer = functools.reduce(getattr, RAPIDFUZZ_SCORERS[name].split("."), rapidfuzz)
    code, out, err = run(["match", DATA / "queries.txt", DATA / "names.txt", "--scorer", name, "--limit", "2"], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    queries = (DATA / "queries.txt").read_text().splitlines()
    names = (DATA / "names.txt").read_text().splitlines()
    for qi in (0, 5, 99, 199):
        expected = process.extract(queries[qi], names, scorer=rf_scorer, limit=2)
        got = [r for r in rows if int(r["query_index"]) == qi]
        assert [int(r["choice_index"]) for r in got] == [i for _, _, i in expected], (name, qi)
        assert [float(r["score"]) for r in got] == pytest.approx([s for _, s, _ in expected], abs=1e-6)


def test_dedupe_csv_column(tmp_path, capsys):
    src = tmp_path / "people.csv"
    src.write_text("id,name\n1,Jon Smith\n2,John Smith\n3,Ann Lee\n4,Anne Lee\n5,Zed\n")
    code, out, err = run(["dedupe", src, "--column", "name", "--threshold", "0.85"], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    groups = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r["value"])
    assert sorted(groups.values()) == [["Ann Lee", "Anne Lee"], ["Jon Smith", "John Smith"]]


def test_sample_dedupe_equals_brute_force_components(capsys):
    code, out, err = run(
        ["dedupe", DATA / "customers.csv", "--column", "name", "--format", "jsonl", "--threshold", "0.75"], capsys
    )
    assert code == 0, err
    groups = [json.loads(line)["indices"] for line in out.splitlines()]
    names = [row["name"] for row in csv.DictReader(io.StringIO((DATA / "customers.csv").read_text()))]
    scores = process.cdist(names, names, scorer=RLevenshtein.normalized_similarity, score_cutoff=0.75)
    parent = list(range(len(names)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in zip(*scores.nonzero()):
        if i < j:
            parent[find(int(j))] = find(int(i))
    components = {}
    for i in range(len(names)):
        components.setdefault(find(i), []).append(i)
    expected = sorted(g for g in components.values() if len(g) > 1)
    assert groups == expected
    assert len(groups) >= 50  # most of the 60 planted typo copies are found


@pytest.mark.parametrize(
    "args, message",
    [
        (["match", "missing.txt", DATA / "names.txt"], "no such file"),
        (["dedupe", DATA], "is a directory"),
        (["dedupe", DATA / "customers.csv", "--column", "nope"], "no column 'nope'"),
        (["dedupe", DATA / "customers.csv"], "choose one with --column"),
    ],
)
def test_input_errors_exit_2(args, message, capsys):
    code, out, err = run(args, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_wrong_encoding_is_explained(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Müller\nMuller\n".encode("latin-1"))
    code, _, err = run(["dedupe", bad], capsys)
    assert code == 2 and "not valid utf-8" in err
    code, out, err = run(["dedupe", bad, "--encoding", "latin-1", "--threshold", "0.8"], capsys)
    assert code == 0 and "Müller" in out


def test_unreadable_file(tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("root can read files without read permission")
    f = tmp_path / "secret.txt"
    f.write_text("a\n")
    f.chmod(0)
    code, _, err = run(["dedupe", f], capsys)
    assert code == 2 and "cannot read" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["match", "only-one-file"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["dedupe", "x", "--workers", "0"])
    assert e.value.code == 2


def test_console_entry_point_runs_as_module():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    result = subprocess.run(
        [sys.executable, "-m", "ferrofuzz", "match", str(DATA / "queries.txt"), str(DATA / "names.txt"), "--limit", "1"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "query_index,query,rank,choice_index,choice,score"
    assert len(result.stdout.splitlines()) == 201
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
