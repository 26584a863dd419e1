"""The record digest (`records.digest`) is the text stored with every nominal to tell an
unchanged line of a later import: its cheaper computation must give the digests stored before."""

from __future__ import annotations

import hashlib
import json

from bench.generate import dumps, generate
from mappa.people import records
from mappa.people.import_format import NominalRecord


def _canonical_before(value):
    # records._canonical as it was when these digests were first stored (a copy, sorted by
    # json.dumps of each item)
    if isinstance(value, dict):
        return {
            k: _canonical_before(v) if isinstance(v, dict | list) else v for k, v in value.items()
        }
    if isinstance(value, list):
        items = [_canonical_before(v) if isinstance(v, dict | list) else v for v in value]
        if len(items) > 1:
            items.sort(key=lambda item: json.dumps(item, sort_keys=True))
        return items
    return value


def _digest_before(record: NominalRecord) -> str:
    content = _canonical_before(record.model_dump(mode="json", by_alias=True))
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def test_the_digest_is_the_one_stored_before_for_generated_records():
    lines = [dumps(person) for person in generate(400, 3, "DEMO,OTHER")]
    for line in lines:
        record = NominalRecord.model_validate_json(line)
        assert records.digest(record) == _digest_before(record)


def test_the_digest_ignores_the_order_of_lists_and_leaves_the_record_as_it_was():
    line = dumps(next(iter(generate(1, 5, "DEMO"))))
    data = json.loads(line)
    data["aliases"] = [
        {"forenames": "Ann", "surname": "Bee", "kind": "alias"},
        {"forenames": "Cy", "surname": "Dee", "kind": "alias"},
    ]
    forward = NominalRecord.model_validate_json(json.dumps(data))
    data["aliases"].reverse()
    backward = NominalRecord.model_validate_json(json.dumps(data))
    assert records.digest(forward) == records.digest(backward)
    assert [a.forenames for a in backward.aliases] == ["Cy", "Ann"]  # the record is untouched
