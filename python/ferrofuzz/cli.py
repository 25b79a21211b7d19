"""The ``ferrofuzz`` command: fuzzy matching and deduplication of text files.

    ferrofuzz match QUERIES CHOICES [options]   best matches for each query
    ferrofuzz dedupe FILE [options]             groups of near-duplicates

Inputs are text files with one string per line, or CSV files (``.csv``, or
any file with ``--column``) read from one column. Output is CSV or JSON
Lines, to stdout or ``--output``. Exit codes: 0 success, 1 failure while
matching, 2 bad usage or an input that cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, TextIO

from . import fuzz
from .distance import DamerauLevenshtein, Hamming, Indel, Jaro, JaroWinkler, LCSseq, Levenshtein, OSA
from .index import Index

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class InputError(Exception):
    """An input file is missing, unreadable, mis-encoded or malformed."""


def scorers() -> Dict[str, Any]:
    """Scorer names the command accepts, mapped to scorer functions.

    A metric's plain name is its normalized similarity (0 to 1, higher is
    closer; Jaro and Jaro-Winkler are similarities already); ``NAME-distance``
    is its edit distance (a count, lower is closer); the fuzz scorers give 0
    to 100.
    """
    edit_metrics = {
        "levenshtein": Levenshtein,
        "indel": Indel,
        "hamming": Hamming,
        "osa": OSA,
        "damerau-levenshtein": DamerauLevenshtein,
        "lcsseq": LCSseq,
    }
    table: Dict[str, Any] = {}
    for name, metric in edit_metrics.items():
        table[name] = metric.normalized_similarity
        table[f"{name}-distance"] = metric.distance
    table["jaro"] = Jaro.similarity
    table["jaro-winkler"] = JaroWinkler.similarity
    for name in ("ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio", "WRatio", "QRatio"):
        table[name.lower().replace("_", "-")] = getattr(fuzz, name)
    return table


def is_distance(scorer: Any) -> bool:
    return getattr(scorer, "__name__", "").endswith("distance") and "normalized" not in scorer.__name__


# -- input ---------------------------------------------------------------


def read_strings(path: str, column: Optional[str], encoding: str) -> List[str]:
    """The strings of a text file (one per line) or of a CSV column."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path}: not valid {encoding} at byte {e.start} (pass --encoding to read another encoding)"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if column is None and not path.lower().endswith(".csv"):
        return text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: empty CSV file (it needs a header row)") from None
    except csv.Error as e:
        raise InputError(f"{path}: malformed CSV: {e}") from None
    if column is None:
        if len(header) != 1:
            raise InputError(f"{path}: CSV has {len(header)} columns; choose one with --column")
        at = 0
    elif column in header:
        at = header.index(column)
    elif column.isdigit() and int(column) < len(header):
        at = int(column)
    else:
        raise InputError(f"{path}: no column {column!r} (columns: {', '.join(header)})")
    values = []
    try:
        for line_no, row in enumerate(reader, start=2):
            if not row:
                continue
            if at >= len(row):
                raise InputError(f"{path}: line {line_no} has no column {at + 1}")
            values.append(row[at])
    except csv.Error as e:
        raise InputError(f"{path}: malformed CSV: {e}") from None
    return values


# -- output --------------------------------------------------------------


class Progress:
    """A progress bar on stderr, shown only when stderr is a terminal."""

    def __init__(self, total: int, label: str, stream: TextIO = sys.stderr) -> None:
        self.total, self.label, self.stream = total, label, stream
        self.enabled = total > 0 and stream.isatty()
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < self.total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / self.total)
        rate = done / max(now - self.start, 1e-9)
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} ({rate:,.0f}/s)"
        )
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def open_output(path: Optional[str]) -> TextIO:
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror or e}") from None


def format_score(score: Any) -> Any:
    return score if isinstance(score, int) else round(score, 6)


# -- commands ------------------------------------------------------------


CHUNK = 2048


def run_match(args: argparse.Namespace) -> int:
    queries = read_strings(args.queries, args.query_column or args.column, args.encoding)
    choices = read_strings(args.choices, args.choice_column or args.column, args.encoding)
    scorer = scorers()[args.scorer]
    index = Index(choices)
    limit = None if args.limit == 0 else args.limit
    progress = Progress(len(queries), "matching")
    out = open_output(args.output)
    try:
        writer = csv.writer(out) if args.format == "csv" else None
        if writer is not None:
            writer.writerow(["query_index", "query", "rank", "choice_index", "choice", "score"])
        for start in range(0, len(queries), CHUNK):
            chunk = queries[start : start + CHUNK]
            results = index.search_many(
                chunk, limit=limit, scorer=scorer, score_cutoff=args.threshold, workers=args.workers
            )
            for offset, matches in enumerate(results):
                qi = start + offset
                if writer is not None:
                    for rank, (choice, score, ci) in enumerate(matches, start=1):
                        writer.writerow([qi, chunk[offset], rank, ci, choice, format_score(score)])
                else:
                    record = {
                        "query_index": qi,
                        "query": chunk[offset],
                        "matches": [
                            {"choice_index": ci, "choice": c, "score": format_score(s)} for c, s, ci in matches
                        ],
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            progress.update(min(start + CHUNK, len(queries)))
    finally:
        if out is not sys.stdout:
            out.close()
        index.close()
    return EXIT_OK


def run_dedupe(args: argparse.Namespace) -> int:
    values = read_strings(args.file, args.column, args.encoding)
    scorer = scorers()[args.scorer]
    threshold = args.threshold
    if threshold is None:
        threshold = 2 if is_distance(scorer) else (90 if scorer.__module__.endswith("fuzz") else 0.9)
    index = Index(values)
    started = time.monotonic()
    if sys.stderr.isatty() and len(values) > 10_000:
        sys.stderr.write(f"deduplicating {len(values):,} strings...\n")
    groups = index.dedupe(threshold=threshold, scorer=scorer, workers=args.workers)
    if sys.stderr.isatty() and len(values) > 10_000:
        sys.stderr.write(f"{len(groups):,} groups in {time.monotonic() - started:.1f}s\n")
    out = open_output(args.output)
    try:
        if args.format == "csv":
            writer = csv.writer(out)
            writer.writerow(["group", "index", "value"])
            for g, group in enumerate(groups):
                for i, v in zip(group.indices, group.choices):
                    writer.writerow([g, i, v])
        else:
            for g, group in enumerate(groups):
                out.write(json.dumps({"group": g, "indices": group.indices, "values": group.choices}, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
        index.close()
    return EXIT_OK


_INPUT_HELP = "a text file with one string per line, or a CSV file (.csv, or any file given --column)"


def parser() -> argparse.ArgumentParser:
    names = sorted(scorers())
    p = argparse.ArgumentParser(prog="ferrofuzz", description="Fuzzy matching and deduplication of text files.")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser, default_scorer: str) -> None:
        sp.add_argument("--scorer", choices=names, default=default_scorer, metavar="NAME",
                        help=f"one of {', '.join(names)} (default {default_scorer})")
        sp.add_argument("--threshold", type=float, default=None,
                        help="keep matches whose score passes this (a distance at most it, a similarity at least it)")
        sp.add_argument("--workers", type=int, default=-1, help="threads (default -1: all cores)")
        sp.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="output format (default csv)")
        sp.add_argument("--output", "-o", default=None, help="output file (default stdout)")
        sp.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")

    m = sub.add_parser("match", help="best matches in CHOICES for each line of QUERIES")
    m.add_argument("queries", help="the strings to match: " + _INPUT_HELP)
    m.add_argument("choices", help="the strings to match against: " + _INPUT_HELP)
    m.add_argument("--column", help="CSV column (name or 0-based number) for both files")
    m.add_argument("--query-column", help="CSV column of QUERIES")
    m.add_argument("--choice-column", help="CSV column of CHOICES")
    m.add_argument("--limit", type=int, default=5, help="matches per query (0: all that pass --threshold; default 5)")
    common(m, "levenshtein")

    d = sub.add_parser("dedupe", help="groups of near-duplicate lines in FILE")
    d.add_argument("file", help="the strings to group: " + _INPUT_HELP)
    d.add_argument("--column", help="CSV column (name or 0-based number)")
    common(d, "levenshtein")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.workers == 0 or args.workers < -1:
        p.error("--workers must be -1 or at least 1")
    if getattr(args, "limit", 1) < 0:
        p.error("--limit must be >= 0")
    try:
        return run_match(args) if args.command == "match" else run_dedupe(args)
    except InputError as e:
        print(f"ferrofuzz: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("ferrofuzz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (for example `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except (ValueError, TypeError, OSError) as e:
        print(f"ferrofuzz: error: {e}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
