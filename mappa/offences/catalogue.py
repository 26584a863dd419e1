"""The offence catalogue: every offence the service knows, loaded from ``data/*.json``.

Pure Python (no Django). Four reference files, each a JSON list sorted by code:

- ``schedule_3.json``: Schedule 3 to the Sexual Offences Act 2003 (England and Wales), with each
  paragraph's condition written in the condition language documented in ``schedule_3.py``;
- ``schedule_15.json``: Schedule 15 to the Criminal Justice Act 2003, Parts 1, 2 and 3
  (optional: the catalogue loads without it). A section listed in a second paragraph (burglary
  in Part 1 para 32 and Part 2 para 97) carries that listing under ``also``;
- ``s327_4a.json``: the offences specified in CJA 2003 s.327(4A) (optional), each with the
  facts its paragraph needs as a ``condition`` (null for none) in the s.327(4A) condition
  language documented in ``category_2.py``;
- ``other.json``: offences in none of them that the service must still recognise.

Entries are merged by code. An offence in both schedules (rape, say) is one ``Offence`` with both
listings. Loading validates the files and raises ``ValueError`` naming the code at fault:
codes must match the contract format, no code may appear twice in one file, the same code must
carry the same title in every file, and conditions may use only the known leaves. What has not
been checked against the legislation is listed in ``unverified.py``.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mappa.offences.unverified import SCHEDULE_15_UNVERIFIED as SCHEDULE_15_UNVERIFIED
from mappa.offences.unverified import UNVERIFIED as UNVERIFIED

DATA_DIR = Path(__file__).resolve().parent / "data"

# `<ACT>/s<section>` with an optional subsection, or `CL/<name>`
# (shared/contracts/nominal-import.md)
CODE_PATTERN = re.compile(
    r"^(?:CL/[a-z]+(?:_[a-z]+)*|[A-Z]+[0-9]{4}/s[0-9]+[A-Z]*(?:\([0-9]+[A-Z]?\))?)$"
)

BOOLEAN_LEAVES = frozenset(
    {
        "imprisonment",
        "detained_in_hospital",
        "hospital_restriction_order",
        "purpose_sexual_gratification",
    }
)
NUMBER_LEAVES = frozenset(
    {
        "offender_age_under",
        "offender_age_at_least",
        "victim_age_under",
        "imprisonment_months_at_least",
        "community_sentence_months_at_least",
        "images_of_under",
    }
)
DATE_LEAVES = frozenset({"relevant_date_before"})
COMBINATORS = frozenset({"all", "any"})
KNOWN_LEAVES = BOOLEAN_LEAVES | NUMBER_LEAVES | DATE_LEAVES

# The leaves of an s.327(4A) condition (``category_2.py``), each with the kind of value it takes
DRUG_CLASSES = ("A", "B", "C")  # Misuse of Drugs Act 1971 s.2(1)(b)
S327_LEAVES = {
    "victim_age_under": "age",
    "supplied_to_age_under": "age",
    "drug_class": "drug class",
    "recorded_as": "offence code",
}


class UnknownOffence(KeyError):
    """An offence code the catalogue does not hold."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"Unknown offence code {self.code!r}: it is not in the offence catalogue"


@dataclass(frozen=True)
class Schedule3Listing:
    paragraph: str
    condition: dict | None
    source: str


@dataclass(frozen=True)
class Schedule15Listing:
    part: int
    paragraph: str
    source: str
    also: tuple[Schedule15Listing, ...] = ()

    @property
    def reference(self) -> str:
        """ "CJA 2003 Sch.15 Part 1 para 32 and Part 2 para 97": every paragraph listing it."""
        more = "".join(f" and Part {o.part} para {o.paragraph}" for o in self.also)
        return f"CJA 2003 Sch.15 Part {self.part} para {self.paragraph}{more}"

    @property
    def parts(self) -> frozenset[int]:
        return frozenset({self.part, *(o.part for o in self.also)})


@dataclass(frozen=True)
class S327Listing:
    """An offence specified in CJA 2003 s.327(4A), by its paragraph there ("(a)"), with the
    facts that paragraph needs (``condition``, None when it needs none)."""

    paragraph: str
    source: str
    condition: dict | None = None

    @property
    def reference(self) -> str:
        return f"CJA 2003 s.327(4A){self.paragraph}"


@dataclass(frozen=True)
class Offence:
    code: str
    title: str
    statute: str
    source: str
    schedule_3: Schedule3Listing | None
    schedule_15: Schedule15Listing | None
    s327_4a: S327Listing | None = None

    @property
    def is_murder(self) -> bool:
        return self.code == "CL/murder"


def get(code: str) -> Offence:
    """The offence with this code; raises UnknownOffence naming the code."""
    try:
        return _by_code()[code]
    except KeyError:
        raise UnknownOffence(code) from None


def exists(code: str) -> bool:
    return code in _by_code()


def all_offences() -> list[Offence]:
    """Every offence, sorted by code."""
    return list(_all())


@functools.cache
def _all() -> tuple[Offence, ...]:
    return tuple(load_catalogue(DATA_DIR))


@functools.cache
def _by_code() -> dict[str, Offence]:
    return {offence.code: offence for offence in _all()}


# Loading and validation -------------------------------------------------------------------------


def load_catalogue(data_dir: Path) -> list[Offence]:
    """Read and validate the data files in ``data_dir`` (uncached; tests call it directly).

    ``schedule_3.json`` and ``other.json`` are required; ``schedule_15.json`` and
    ``s327_4a.json`` are read when present.
    """
    sources = [
        ("schedule_3.json", _read(data_dir / "schedule_3.json", required=True)),
        ("schedule_15.json", _read(data_dir / "schedule_15.json", required=False)),
        ("s327_4a.json", _read(data_dir / "s327_4a.json", required=False)),
        ("other.json", _read(data_dir / "other.json", required=True)),
    ]
    merged: dict[str, dict[str, Any]] = {}
    for file_name, entries in sources:
        seen: set[str] = set()
        for entry in entries:
            code = _check_entry(file_name, entry)
            if code in seen:
                raise ValueError(f"{file_name}: offence code {code!r} appears more than once")
            seen.add(code)
            _merge(merged, file_name, entry)
    return [_build(merged[code]) for code in sorted(merged)]


def _read(path: Path, *, required: bool) -> list[dict[str, Any]]:
    if not path.exists():
        if required:
            raise ValueError(f"offence catalogue file {path} is missing")
        return []
    entries = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{path.name}: expected a JSON list of objects")
    return entries


REQUIRED_FIELDS = {
    "schedule_3.json": ("code", "title", "statute", "paragraph", "condition", "source"),
    "schedule_15.json": ("code", "title", "statute", "part", "paragraph", "source"),
    "s327_4a.json": ("code", "title", "statute", "paragraph", "source"),
    "other.json": ("code", "title", "statute", "source"),
}


def _check_entry(file_name: str, entry: dict[str, Any]) -> str:
    code = entry.get("code")
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise ValueError(f"{file_name}: offence code {code!r} does not match the code format")
    missing = [name for name in REQUIRED_FIELDS[file_name] if name not in entry]
    if missing:
        raise ValueError(f"{file_name}: {code}: missing {', '.join(missing)}")
    if file_name == "schedule_3.json":
        validate_condition(code, entry["condition"])
    if file_name == "s327_4a.json":
        validate_s327_condition(code, entry.get("condition"))
    if file_name == "schedule_15.json":
        for listing in [entry, *entry.get("also", [])]:
            if listing.get("part") not in (1, 2, 3):
                part = listing.get("part")
                raise ValueError(f"{file_name}: {code}: part must be 1, 2 or 3, not {part!r}")
    return code


def _merge(merged: dict[str, dict[str, Any]], file_name: str, entry: dict[str, Any]) -> None:
    code = entry["code"]
    current = merged.setdefault(
        code,
        {
            "code": code,
            "title": entry["title"],
            "statute": entry["statute"],
            "source": entry["source"],
            "schedule_3": None,
            "schedule_15": None,
            "s327_4a": None,
        },
    )
    if current["title"] != entry["title"]:
        raise ValueError(
            f"{file_name}: {code}: title {entry['title']!r} disagrees with {current['title']!r} "
            "given for the same code in another file"
        )
    if file_name == "schedule_3.json":
        current["schedule_3"] = Schedule3Listing(
            paragraph=str(entry["paragraph"]), condition=entry["condition"], source=entry["source"]
        )
    elif file_name == "schedule_15.json":
        also = tuple(_schedule_15_listing(more) for more in entry.get("also", []))
        current["schedule_15"] = _schedule_15_listing(entry, also)
    elif file_name == "s327_4a.json":
        current["s327_4a"] = S327Listing(
            paragraph=entry["paragraph"], source=entry["source"], condition=entry.get("condition")
        )


def _schedule_15_listing(entry: dict[str, Any], also: tuple = ()) -> Schedule15Listing:
    paragraph = str(entry["paragraph"])
    return Schedule15Listing(entry["part"], paragraph, entry["source"], also)


def _build(fields: dict[str, Any]) -> Offence:
    return Offence(**fields)


def validate_condition(code: str, condition: Any) -> None:
    """Raise ValueError naming ``code`` and the bad leaf unless ``condition`` is well formed."""
    if condition is None:
        return
    if not isinstance(condition, dict) or len(condition) != 1:
        raise ValueError(
            f"{code}: a condition must be null or an object with one key: {condition!r}"
        )
    ((key, value),) = condition.items()
    if key in COMBINATORS:
        if not isinstance(value, list) or not value:
            raise ValueError(f"{code}: {key!r} needs a non-empty list of conditions")
        for clause in value:
            if clause is None:
                raise ValueError(f"{code}: null is not allowed inside {key!r}")
            validate_condition(code, clause)
        return
    if key not in KNOWN_LEAVES:
        raise ValueError(f"{code}: unknown condition leaf {key!r}")
    _check_leaf_value(code, key, value)


def validate_s327_condition(code: str, condition: Any) -> None:
    """Raise ValueError naming ``code`` unless ``condition`` is a well-formed s.327(4A) condition:
    null, one leaf of ``S327_LEAVES``, or ``{"all": [...]}`` of them."""
    if condition is None:
        return
    if not isinstance(condition, dict) or len(condition) != 1:
        raise ValueError(
            f"{code}: a condition must be null or an object with one key: {condition!r}"
        )
    ((key, value),) = condition.items()
    if key == "all":
        if not isinstance(value, list) or not value or None in value:
            raise ValueError(f"{code}: 'all' needs a non-empty list of conditions")
        for clause in value:
            validate_s327_condition(code, clause)
        return
    kind = S327_LEAVES.get(key)
    if kind is None:
        raise ValueError(f"{code}: unknown s.327(4A) condition leaf {key!r}")
    if kind == "age":
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    elif kind == "drug class":
        ok = value in DRUG_CLASSES
    else:
        ok = isinstance(value, str) and bool(CODE_PATTERN.match(value))
    if not ok:
        raise ValueError(f"{code}: condition leaf {key!r} needs {kind}, not {value!r}")


def _check_leaf_value(code: str, key: str, value: Any) -> None:
    if key in BOOLEAN_LEAVES:
        ok = value is True
    elif key in NUMBER_LEAVES:
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    else:
        ok = isinstance(value, str) and _is_iso_date(value)
    if not ok:
        raise ValueError(f"{code}: condition leaf {key!r} has a bad value {value!r}")


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
