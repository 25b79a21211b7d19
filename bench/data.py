"""Seeded benchmark inputs, rebuilt in memory on every run (nothing is cached
on disk).

Everything derives from ``SEED`` through ``random.Random`` (whose ``choice``,
``randrange`` and ``random`` are stable across Python versions) and through
Faker with locale en_US. Faker's name lists change between Faker releases, so
the exact names depend on the Faker version; ``fingerprint`` lets two runs
check that they measured the same inputs.

Names: calling ``Faker.name()`` 100,000 times takes ~15 s, so Faker is only
used to draw pools of first and last names (a few thousand calls, ~0.3 s);
the names are then "First Last" combinations drawn with the seeded RNG.

Queries: a source string with 1-3 random edits (insert, delete, substitute,
transpose adjacent characters). Edits may cancel or overlap, so a query's
distance to its source is *at most* the number of edits.

Functions are memoised in memory so that cases sharing inputs (the pair
cases and the Index case share the name list) build them once per process.
"""

from __future__ import annotations

import functools
import hashlib
import random
import string
from typing import List, Sequence, Tuple

SEED = 20_240_611
LOCALE = "en_US"

# Characters used by inserts and substitutions in names.
NAME_ALPHABET = string.ascii_lowercase
# Random long text: lowercase letters with roughly one space in six characters.
TEXT_ALPHABET = string.ascii_lowercase + " " * 5

Pair = Tuple[str, str]


def _rng(*salt: object) -> random.Random:
    """An RNG for one purpose: the same salt always yields the same stream,
    and different purposes do not perturb each other's streams."""
    return random.Random(f"{SEED}:" + ":".join(map(str, salt)))


@functools.lru_cache(maxsize=None)
def name_pools(draws: int = 3_000) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """Unique first and last names from ``draws`` Faker calls each, in first-seen order."""
    from faker import Faker

    fake = Faker(LOCALE)
    fake.seed_instance(SEED)
    firsts = tuple(dict.fromkeys(fake.first_name() for _ in range(draws)))
    lasts = tuple(dict.fromkeys(fake.last_name() for _ in range(draws)))
    return firsts, lasts


@functools.lru_cache(maxsize=None)
def names(count: int = 100_000) -> Tuple[str, ...]:
    """``count`` full names "First Last" (duplicates occur, as in real data)."""
    firsts, lasts = name_pools()
    rng = _rng("names", count)
    return tuple(f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(count))


def mutate(text: str, edits: int, rng: random.Random, alphabet: str) -> str:
    """``text`` with ``edits`` random insert/delete/substitute/transpose edits."""
    chars = list(text)
    for _ in range(edits):
        op = rng.choice(("insert", "delete", "substitute", "transpose"))
        if op == "insert" or len(chars) < 2:
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(alphabet))
        elif op == "delete":
            del chars[rng.randrange(len(chars))]
        elif op == "substitute":
            pos = rng.randrange(len(chars))
            chars[pos] = rng.choice([c for c in alphabet if c != chars[pos]] or alphabet)
        else:
            pos = rng.randrange(len(chars) - 1)
            chars[pos], chars[pos + 1] = chars[pos + 1], chars[pos]
    return "".join(chars)


@functools.lru_cache(maxsize=None)
def name_pairs(count: int = 1_000) -> Tuple[Pair, ...]:
    """Pairs of short names, fixed so no call repeats the previous one.

    Half are (query, its source name): distance 0-3. Half are (query, an
    unrelated name): the common case when scanning a corpus.
    """
    corpus = names()
    rng = _rng("name_pairs", count)
    pairs: List[Pair] = []
    for i in range(count):
        source = rng.choice(corpus)
        query = mutate(source, rng.randint(1, 3), rng, NAME_ALPHABET)
        other = source if i % 2 == 0 else rng.choice(corpus)
        pairs.append((query, other))
    rng.shuffle(pairs)
    return tuple(pairs)


@functools.lru_cache(maxsize=None)
def long_pairs(count: int = 20, length: int = 1_000, edit_rate: float = 0.10) -> Tuple[Pair, ...]:
    """Pairs (random text of ``length`` chars, a copy with ~``edit_rate`` of its length edited)."""
    rng = _rng("long_pairs", count, length, edit_rate)
    pairs: List[Pair] = []
    for _ in range(count):
        text = "".join(rng.choice(TEXT_ALPHABET) for _ in range(length))
        pairs.append((text, mutate(text, round(length * edit_rate), rng, TEXT_ALPHABET)))
    return tuple(pairs)


@functools.lru_cache(maxsize=None)
def name_queries(count: int = 20) -> Tuple[str, ...]:
    """Queries for corpus search: names from ``names()`` with 1-3 edits each."""
    corpus = names()
    rng = _rng("name_queries", count)
    return tuple(mutate(rng.choice(corpus), rng.randint(1, 3), rng, NAME_ALPHABET) for _ in range(count))


def fingerprint(items: Sequence[object]) -> str:
    """A short hash of the inputs, to check that two runs measured the same data."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(repr(item).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


if __name__ == "__main__":
    import statistics
    import time

    start = time.perf_counter()
    corpus = names()
    built = time.perf_counter() - start
    firsts, lasts = name_pools()
    print(f"{len(corpus):,} names in {built:.2f} s from {len(firsts)} first x {len(lasts)} last names; "
          f"{len(set(corpus)):,} distinct; mean length {statistics.mean(map(len, corpus)):.1f}")
    print("sample:", corpus[:3])
    print("pairs:", name_pairs()[:3])
    print("queries:", name_queries()[:3])
    print("long pair lengths:", [tuple(map(len, p)) for p in long_pairs()[:3]])
    print("fingerprints:", fingerprint(corpus), fingerprint(name_pairs()), fingerprint(long_pairs()))
