"""The register's rows as sorted tuples, for comparing two imports (equivalence tests).

Keys the database or the clock chose (primary keys, time stamps) are left out; a row that
belongs to a nominal names it by the nominal's record digest, which is the same for the same
record whoever wrote it, and an area by its code.
"""

from __future__ import annotations

import hashlib
import json

from mappa.agencies.models import Area
from mappa.cases.models import LevelChange, MappaCase
from mappa.offences.models import Conviction, CustodyPeriod
from mappa.people.models import Address, Alias, Association, NameKey, Nominal, RecordedEvent

LEFT_OUT = {"id", "created_at", "updated_at", "changed_at"}


def _columns(model, leave_out: frozenset[str]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if f.attname not in LEFT_OUT and f.attname not in leave_out
    ]


def _text(value) -> str:
    return "" if value is None else str(value)


def register_rows(leave_out: frozenset[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every row of the register; `leave_out` names further columns to leave out (columns
    added after a pinned fingerprint was taken)."""
    digest = dict(Nominal.objects.values_list("id", "record_digest"))
    person = {  # an associated person: whose, and who
        a.id: " ".join(
            map(
                _text,
                (digest[a.nominal_id], a.relationship, a.forenames, a.surname, a.date_of_birth),
            )
        )
        for a in Association.objects.all()
    }
    case = {c.id: digest[c.nominal_id] for c in MappaCase.objects.all()}
    areas = dict(Area.objects.values_list("id", "code"))
    owners = {
        "area_id": areas.get,
        "nominal_id": digest.get,
        "association_id": lambda key: key and person[key],
        "case_id": case.get,
    }
    tables = {}
    for model in (
        Nominal,
        NameKey,
        Alias,
        Association,
        Address,
        Conviction,
        CustodyPeriod,
        RecordedEvent,
        MappaCase,
        LevelChange,
    ):
        columns = _columns(model, leave_out)
        rows = []
        for row in model.objects.values_list(*columns):
            values = dict(zip(columns, row, strict=True))
            for name, owner in owners.items():
                if name in values:
                    values[name] = owner(values[name])
            rows.append(tuple(_text(values[name]) for name in columns))
        tables[model._meta.db_table] = sorted(rows)
    return tables


def fingerprint(tables: dict[str, list[tuple]]) -> str:
    return hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()
