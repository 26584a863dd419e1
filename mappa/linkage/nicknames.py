"""English forenames and their short forms, from the maintained `nicknames` package.

The package's list (carltonnorthern/nicknames: about 1,100 formal names, each with the
short forms people use for it) replaces the hand-written table this module held. A name
belongs to the group of each formal name it is a short form of, and to its own; two
forenames are "the same name" when their groups meet, so "Bill" and "William" agree and
"Peggy" and "Margaret" agree, but "Bill" and "Robert" only if the list says so.
"""

from __future__ import annotations

from functools import cache

from nicknames import NickNamer


@cache
def _namer() -> NickNamer:
    return NickNamer()


def groups(name: str) -> set[str]:
    """The formal names `name` may stand for, itself included (lower case)."""
    name = name.strip().lower()
    return {name, *_namer().canonicals_of(name)} if name else set()


def short_forms(name: str) -> list[str]:
    """The short forms of a formal name, sorted (lower case)."""
    return sorted(_namer().nicknames_of(name.strip().lower()))


@cache
def canonical_pairs() -> tuple[tuple[str, str], ...]:
    """(name, formal name) for every short form and formal name in the list."""
    namer = _namer()
    pairs = set()
    for formal, shorts in namer.nickname_lookup.items():
        pairs.add((formal, formal))
        for short in shorts:
            pairs.add((short, formal))
    return tuple(sorted(pairs))
