"""The offence catalogue: every offence the service knows, loaded from ``data/*.json``.

Pure Python (no Django). Three reference files, each a JSON list sorted by code:

- ``schedule_3.json``: Schedule 3 to the Sexual Offences Act 2003 (England and Wales), with each
  paragraph's condition written in the condition language documented in ``schedule_3.py``;
- ``schedule_15.json``: Schedule 15 to the Criminal Justice Act 2003, Parts 1 and 2 (optional:
  the catalogue loads without it);
- ``other.json``: offences in neither schedule that the service must still recognise.

Entries are merged by code. An offence in both schedules (rape, say) is one ``Offence`` with both
listings. Loading validates the files and raises ``ValueError`` naming the code at fault:
codes must match the contract format, no code may appear twice in one file, the same code must
carry the same title in every file, and conditions may use only the known leaves.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

# `<ACT>/s<section>` with an optional subsection, or `CL/<name>`
# (shared/contracts/nominal-import.md)
CODE_PATTERN = re.compile(
    r"^(?:CL/[a-z]+(?:_[a-z]+)*|[A-Z]+[0-9]{4}/s[0-9]+[A-Z]*(?:\([0-9]+[A-Z]?\))?)$"
)

# Schedule 3 entries whose conditions have not yet been checked against the published text of
# the Act (legislation.gov.uk, ukpga/2003/42/schedule/3): they are a reading of the Act as
# amended, and the eligibility reason says so (`eligibility.offence_facts`). Paragraphs 1 to 11,
# 29A to 29C (as inserted by S.I. 2007/296 art. 2(2)) and 35C were checked. Remove a code from
# here only after reading its paragraph's current text.
UNVERIFIED = frozenset(
    {
        "CLA1977/s54",  # para 12: text cut off in the copy read; listed unconditionally
        "PCA1978/s1",  # para 13
        "CEMA1979/s170",  # para 14
        "CJA1988/s160",  # para 15
        "SOAA2000/s3",  # para 16
        "SOA2003/s1",  # para 17
        "SOA2003/s2",  # para 17
        "SOA2003/s3",  # para 18
        "SOA2003/s4",  # para 19
        "SOA2003/s5",  # para 19
        "SOA2003/s6",  # para 19
        "SOA2003/s7",  # para 20
        "SOA2003/s8",  # para 21
        "SOA2003/s9",  # para 21
        "SOA2003/s10",  # para 21
        "SOA2003/s11",  # para 21
        "SOA2003/s12",  # para 21
        "SOA2003/s13",  # para 22
        "SOA2003/s14",  # para 23
        "SOA2003/s15",  # para 24
        "SOA2003/s15A",  # para 24A
        "SOA2003/s16",  # para 25
        "SOA2003/s17",  # para 25
        "SOA2003/s18",  # para 25
        "SOA2003/s19",  # para 25
        "SOA2003/s25",  # para 26
        "SOA2003/s26",  # para 26
        "SOA2003/s30",  # para 27
        "SOA2003/s31",  # para 27
        "SOA2003/s32",  # para 27
        "SOA2003/s33",  # para 27
        "SOA2003/s34",  # para 27
        "SOA2003/s35",  # para 27
        "SOA2003/s36",  # para 27
        "SOA2003/s37",  # para 27
        "SOA2003/s38",  # para 28
        "SOA2003/s39",  # para 28
        "SOA2003/s40",  # para 28
        "SOA2003/s41",  # para 28
        "SOA2003/s47",  # para 29
        "SOA2003/s61",  # para 30
        "SOA2003/s62",  # para 31
        "SOA2003/s63",  # para 31
        "SOA2003/s64",  # para 32
        "SOA2003/s65",  # para 32
        "SOA2003/s66",  # para 33 (the Northern Ireland twin, para 90, was read and matches)
        "SOA2003/s66A",  # para 33A (modelled on the NI twin, para 92VB: sexual purpose only)
        "SOA2003/s66B(3)",  # para 33B
        "SOA2003/s67",  # para 34
        "SOA2003/s67A",  # para 34A (modelled on the NI twin, para 92VA: sexual purpose only)
        "SOA2003/s69",  # para 35
        "SOA2003/s70",  # para 35
        "CJIA2008/s63",  # para 35A (the twin, para 92A, was read and matches)
        "CJA2009/s62",  # para 35B
    }
)

# Schedule 15 entries (CJA 2003, Parts 1 and 2) whose part, paragraph number and title have not
# yet been checked against the published text (legislation.gov.uk, ukpga/2003/44/schedule/15),
# nor has the list been checked for missing paragraphs. Part 1 paragraphs 1 to 21 were checked
# against the Schedule as at 2025-02-03.
SCHEDULE_15_UNVERIFIED = frozenset(
    {
        "ESA1883/s3",  # Part 1 para 22
        "ESA1883/s4",  # Part 1 para 22A
        "ILPA1929/s1",  # Part 1 para 23
        "CYPA1933/s1",  # Part 1 para 24
        "IA1938/s1",  # Part 1 para 25
        "FA1968/s16",  # Part 1 para 26
        "FA1968/s16A",  # Part 1 para 27
        "FA1968/s17(1)",  # Part 1 para 28
        "FA1968/s17(2)",  # Part 1 para 29
        "FA1968/s18",  # Part 1 para 30
        "TA1968/s8",  # Part 1 para 31
        "TA1968/s9",  # Part 1 para 32
        "TA1968/s10",  # Part 1 para 33
        "TA1968/s12A",  # Part 1 para 34
        "CDA1971/s1(3)",  # Part 1 para 35
        "CDA1971/s1(2)",  # Part 1 para 36
        "THA1982/s1",  # Part 1 para 37
        "ASA1982/s1",  # Part 1 para 38
        "ASA1982/s2",  # Part 1 para 39
        "ASA1982/s3",  # Part 1 para 40
        "ASA1982/s4",  # Part 1 para 41
        "MHA1983/s127",  # Part 1 para 42
        "PFCA1985/s1",  # Part 1 para 43
        "POA1986/s1",  # Part 1 para 44
        "POA1986/s2",  # Part 1 para 45
        "POA1986/s3",  # Part 1 para 46
        "CJA1988/s134",  # Part 1 para 47
        "RTA1988/s1",  # Part 1 para 48
        "RTA1988/s3A",  # Part 1 para 49
        "AMSA1990/s1",  # Part 1 para 50
        "AMSA1990/s9",  # Part 1 para 51
        "AMSA1990/s10",  # Part 1 para 52
        "AMSA1990/s11",  # Part 1 para 53
        "AMSA1990/s12",  # Part 1 para 54
        "AMSA1990/s13",  # Part 1 para 55
        "CTSO1994/s4",  # Part 1 para 56
        "CTSO1994/s5",  # Part 1 para 56
        "CTSO1994/s6",  # Part 1 para 56
        "CTSO1994/s7",  # Part 1 para 56
        "CTSO1994/s8",  # Part 1 para 56
        "PHA1997/s4",  # Part 1 para 57
        "PHA1997/s4A",  # Part 1 para 57A
        "CDA1998/s29",  # Part 1 para 58
        "CDA1998/s31",  # Part 1 para 59
        "DVCVA2004/s5",  # Part 1 para 63A
        "FGMA2003/s1",  # Part 1 para 63B
        "FGMA2003/s2",  # Part 1 para 63C
        "FGMA2003/s3",  # Part 1 para 63D
        "MSA2015/s1",  # Part 1 para 63E
        "MSA2015/s2",  # Part 1 para 63F
        "SCA2015/s75A",  # Part 1 para 63G
        "SOA1956/s1",  # Part 2 para 66
        "SOA1956/s2",  # Part 2 para 67
        "SOA1956/s3",  # Part 2 para 68
        "SOA1956/s4",  # Part 2 para 69
        "SOA1956/s5",  # Part 2 para 70
        "SOA1956/s6",  # Part 2 para 71
        "SOA1956/s7",  # Part 2 para 72
        "SOA1956/s9",  # Part 2 para 73
        "SOA1956/s10",  # Part 2 para 74
        "SOA1956/s11",  # Part 2 para 75
        "SOA1956/s14",  # Part 2 para 76
        "SOA1956/s15",  # Part 2 para 77
        "SOA1956/s16",  # Part 2 para 78
        "SOA1956/s17",  # Part 2 para 79
        "SOA1956/s19",  # Part 2 para 80
        "SOA1956/s20",  # Part 2 para 81
        "SOA1956/s21",  # Part 2 para 82
        "SOA1956/s22",  # Part 2 para 83
        "SOA1956/s23",  # Part 2 para 84
        "SOA1956/s24",  # Part 2 para 85
        "SOA1956/s25",  # Part 2 para 86
        "SOA1956/s26",  # Part 2 para 87
        "SOA1956/s27",  # Part 2 para 88
        "SOA1956/s28",  # Part 2 para 89
        "SOA1956/s29",  # Part 2 para 90
        "SOA1956/s32",  # Part 2 para 91
        "MHA1959/s128",  # Part 2 para 93
        "ICA1960/s1",  # Part 2 para 94
        "SOA1967/s4",  # Part 2 para 95
        "SOA1967/s5",  # Part 2 para 96
        "CLA1977/s54",  # Part 2 para 98
        "PCA1978/s1",  # Part 2 para 99
        "CEMA1979/s170",  # Part 2 para 100
        "CJA1988/s160",  # Part 2 para 101
        "SOA2003/s1",  # Part 2 para 102
        "SOA2003/s2",  # Part 2 para 103
        "SOA2003/s3",  # Part 2 para 104
        "SOA2003/s4",  # Part 2 para 105
        "SOA2003/s5",  # Part 2 para 106
        "SOA2003/s6",  # Part 2 para 107
        "SOA2003/s7",  # Part 2 para 108
        "SOA2003/s8",  # Part 2 para 109
        "SOA2003/s9",  # Part 2 para 110
        "SOA2003/s10",  # Part 2 para 111
        "SOA2003/s11",  # Part 2 para 112
        "SOA2003/s12",  # Part 2 para 113
        "SOA2003/s13",  # Part 2 para 114
        "SOA2003/s14",  # Part 2 para 115
        "SOA2003/s15",  # Part 2 para 116
        "SOA2003/s16",  # Part 2 para 117
        "SOA2003/s17",  # Part 2 para 118
        "SOA2003/s18",  # Part 2 para 119
        "SOA2003/s19",  # Part 2 para 120
        "SOA2003/s25",  # Part 2 para 121
        "SOA2003/s26",  # Part 2 para 122
        "SOA2003/s30",  # Part 2 para 123
        "SOA2003/s31",  # Part 2 para 124
        "SOA2003/s32",  # Part 2 para 125
        "SOA2003/s33",  # Part 2 para 126
        "SOA2003/s34",  # Part 2 para 127
        "SOA2003/s35",  # Part 2 para 128
        "SOA2003/s36",  # Part 2 para 129
        "SOA2003/s37",  # Part 2 para 130
        "SOA2003/s38",  # Part 2 para 131
        "SOA2003/s39",  # Part 2 para 132
        "SOA2003/s40",  # Part 2 para 133
        "SOA2003/s41",  # Part 2 para 134
        "SOA2003/s47",  # Part 2 para 135
        "SOA2003/s48",  # Part 2 para 136
        "SOA2003/s49",  # Part 2 para 137
        "SOA2003/s50",  # Part 2 para 138
        "SOA2003/s52",  # Part 2 para 139
        "SOA2003/s53",  # Part 2 para 140
        "SOA2003/s61",  # Part 2 para 144
        "SOA2003/s62",  # Part 2 para 145
        "SOA2003/s63",  # Part 2 para 146
        "SOA2003/s64",  # Part 2 para 147
        "SOA2003/s65",  # Part 2 para 148
        "SOA2003/s66",  # Part 2 para 149
        "SOA2003/s67",  # Part 2 para 150
        "SOA2003/s69",  # Part 2 para 151
        "SOA2003/s70",  # Part 2 para 152
    }
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


@dataclass(frozen=True)
class Offence:
    code: str
    title: str
    statute: str
    source: str
    schedule_3: Schedule3Listing | None
    schedule_15: Schedule15Listing | None

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

    ``schedule_3.json`` and ``other.json`` are required; ``schedule_15.json`` is read when present.
    """
    sources = [
        ("schedule_3.json", _read(data_dir / "schedule_3.json", required=True)),
        ("schedule_15.json", _read(data_dir / "schedule_15.json", required=False)),
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
    if file_name == "schedule_15.json" and entry["part"] not in (1, 2):
        raise ValueError(f"{file_name}: {code}: part must be 1 or 2, not {entry['part']!r}")
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
        current["schedule_15"] = Schedule15Listing(
            part=entry["part"], paragraph=str(entry["paragraph"]), source=entry["source"]
        )


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
