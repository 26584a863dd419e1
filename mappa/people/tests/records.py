"""Import-format records for tests: `record(**overrides)` and `jsonl(records)`."""

from __future__ import annotations

import copy
import json

BASE = {
    "area": "DEMO",
    "external_ids": {"pnc": "2019/0012345X", "crn": "X123456", "noms": "A1234BC"},
    "name": {"forenames": "John Paul", "surname": "Smith"},
    "aliases": [{"forenames": "Johnny", "surname": "Smith", "kind": "nickname"}],
    "date_of_birth": "1984-03-02",
    "gender": "male",
    "ethnicity": "White British",
    "addresses": [
        {
            "line_1": "12 Mill Lane",
            "line_2": "",
            "town": "Bedford",
            "postcode": "MK42 8PP",
            "kind": "home",
            "from": "2024-05-01",
            "to": None,
        }
    ],
    "associations": [
        {
            "relationship": "child",
            "forenames": "Amy",
            "surname": "Smith",
            "date_of_birth": "2015-06-01",
            "address": None,
        }
    ],
    "offences": [
        {
            "offence": "SOA2003/s3",
            "outcome": "conviction",
            "date": "2021-09-14",
            "victim_age": 15,
            "disposal": {"type": "imprisonment", "term_months": 18},
            "index": True,
        }
    ],
    "custody": {
        "periods": [{"from": "2021-09-14", "to": "2022-06-01"}],
        "release_date": "2022-06-01",
        "licence_end_date": "2023-03-13",
    },
    "mappa": {
        "category": 1,
        "level": 2,
        "lead_agency": "probation",
        "start_date": "2022-06-01",
        "next_review_due": "2022-09-21",
        "level_history": [{"level": 2, "from": "2022-06-01"}],
    },
    "events": [{"kind": "shpo_imposed", "date": "2021-09-14"}],
}


def record(n: int = 0, **overrides) -> dict:
    """The contract's example record, with identifiers made unique by `n`."""
    data = copy.deepcopy(BASE)
    data["external_ids"] = {"pnc": f"2019/{n:07d}X", "crn": f"X{n:06d}", "noms": f"A{n:04d}BC"}
    data.update(overrides)
    return data


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(item) + "\n" for item in records)
