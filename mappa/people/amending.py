"""Amending records already on the register: keep what is unchanged, remove what went, add what is new.

An update compares each list of the record (aliases, addresses, associated people
with their address, convictions, custody periods, events, the name keys derived
from the names) with the rows already held, entry by entry on their content, as a
multiset: a row whose content is still in the record stays as it is, with its
primary key; only rows whose content has gone are deleted and only new content is
inserted. The order entries arrive in is not a change.

The MAPPA case is amended the same way, with one difference: level-history entries
decided here (by screening, a meeting or a review) are facts that an update never
deletes or rewrites, and once a person has decided the case's level the level and
next review date are theirs, not the source system's (docs/register.md).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable

from mappa.cases.constants import DecisionSource
from mappa.cases.models import LevelChange, MappaCase
from mappa.offences.models import Conviction, CustodyPeriod
from mappa.people import copying
from mappa.people.import_format import MappaIn
from mappa.people.models import Address, Alias, Association, NameKey, RecordedEvent

# What a row holds, by model: two rows with the same values are the same entry.
CONTENT = {
    NameKey: ("area_id", "token", "phonetic", "letters"),
    Alias: ("forenames", "surname", "kind"),
    Address: (
        "kind",
        "line_1",
        "line_2",
        "town",
        "postcode",
        "valid_from",
        "valid_to",
        "latitude",
        "longitude",
    ),
    Association: ("relationship", "forenames", "surname", "date_of_birth"),
    Conviction: (
        "offence_code",
        "outcome",
        "relevant_date",
        "committed_on",
        "victim_age",
        "sexual_gratification_purpose",
        "drug_class",
        "terrorist_connection",
        "disposal_type",
        "term_months",
        "consecutive_group",
        "detention_and_training_order",
        "court_jurisdiction",
        "is_index",
    ),
    CustodyPeriod: ("started_on", "ended_on"),
    RecordedEvent: ("kind", "occurred_on"),
}
LISTS = (NameKey, Alias, Address, Conviction, CustodyPeriod, RecordedEvent)


def content(row) -> tuple:
    return tuple(getattr(row, name) for name in CONTENT[type(row)])


def _owned(row) -> tuple:
    return (row.nominal_id, *content(row))


def _entry(change: LevelChange) -> tuple:
    return (change.level, change.effective_from)


class Plan:
    """What an update deletes and inserts, collected for a whole batch."""

    def __init__(self) -> None:
        self.insert: dict[type, list] = defaultdict(list)
        self.delete: dict[type, list] = defaultdict(list)

    def match(self, held: list, wanted: list, key: Callable) -> list:
        """Keep each `held` row that a `wanted` row has the same content as (one for one);
        queue the other wanted rows for insertion. Returns the held rows left unmatched."""
        by_key: dict[tuple, list] = defaultdict(list)
        for row in held:
            by_key[key(row)].append(row)
        for row in wanted:
            same = by_key.get(key(row))
            if same:
                same.pop(0)
            else:
                self.insert[type(row)].append(row)
        return [row for rows in by_key.values() for row in rows]

    def remove(self, rows: list) -> None:
        for row in rows:
            self.delete[type(row)].append(row.pk)

    def apply(self) -> None:
        for model, pks in self.delete.items():
            model.objects.filter(pk__in=pks).delete()
        for model in (MappaCase, NameKey, Alias, Association, *LISTS[2:], LevelChange):
            model.objects.bulk_create(self.insert[model], batch_size=2000)


def amend(
    nominal_ids: list[uuid.UUID],
    wanted: dict[type, list],
    addressed: dict[uuid.UUID, Address],
    cases: dict[uuid.UUID, MappaIn | None],
) -> None:
    """Bring the rows of already-held nominals to `wanted` (rows built as for a new record),
    changing only what differs. `addressed` holds the wanted associated people's addresses,
    `cases` each nominal's wanted MAPPA section."""
    plan = Plan()
    for model in LISTS:
        held = model.objects.filter(nominal_id__in=nominal_ids)
        rows = wanted[model]
        if model is Address:
            rows = [row for row in rows if row.nominal_id is not None]
        plan.remove(plan.match(list(held), rows, _owned))
    _amend_associations(plan, nominal_ids, wanted[Association], addressed)
    _amend_cases(plan, cases)
    plan.apply()


def _amend_associations(plan: Plan, nominal_ids, wanted: list, addressed: dict) -> None:
    """Associated people are matched with their address: a changed address replaces the person."""
    held = list(Association.objects.filter(nominal_id__in=nominal_ids))
    addresses = {
        address.association_id: address
        for address in Address.objects.filter(association__nominal_id__in=nominal_ids)
    } | addressed  # held people's ids and new ones' (fresh UUIDs) cannot collide

    def with_address(person) -> tuple:
        address = addresses.get(person.id)
        return (*_owned(person), address and content(address))

    already = len(plan.insert[Association])
    plan.remove(plan.match(held, wanted, with_address))
    for person in plan.insert[Association][already:]:
        if person.id in addressed:
            plan.insert[Address].append(addressed[person.id])


def _amend_cases(plan: Plan, cases: dict[uuid.UUID, MappaIn | None]) -> None:
    wanted = {nominal_id: mappa for nominal_id, mappa in cases.items() if mappa is not None}
    open_cases = {
        case.nominal_id: case
        for case in MappaCase.objects.filter(nominal_id__in=wanted, closed_on__isnull=True)
    }
    history = defaultdict(list)
    for change in LevelChange.objects.filter(case__in=open_cases.values()).order_by("pk"):
        history[change.case_id].append(change)
    for nominal_id, mappa in wanted.items():
        case = open_cases.get(nominal_id)
        if case is None:
            case = new_case(nominal_id, mappa)
            plan.insert[MappaCase].append(case)
            plan.insert[LevelChange] += level_history(case.id, mappa)
        else:
            _amend_case(plan, case, mappa, history[case.id])


def new_case(nominal_id: uuid.UUID, mappa: MappaIn) -> MappaCase:
    return copying.maker(MappaCase)(id=uuid.uuid4(), nominal_id=nominal_id, **_case_values(mappa))


def level_history(case_id: uuid.UUID, mappa: MappaIn) -> list[LevelChange]:
    return [
        copying.maker(LevelChange)(
            case_id=case_id, level=change.level, effective_from=change.effective_from
        )
        for change in mappa.level_history
    ]


def _case_values(mappa: MappaIn) -> dict:
    return {
        "category": mappa.category,
        "level": mappa.level,
        "lead_agency": mappa.lead_agency.value if mappa.lead_agency else "",
        "start_date": mappa.start_date,
        "next_review_due": mappa.next_review_due,
    }


def _amend_case(plan: Plan, case: MappaCase, mappa: MappaIn, held: list[LevelChange]) -> None:
    left = plan.match(held, level_history(case.id, mappa), _entry)
    # Entries decided by a person stay whatever the record says; imported ones follow it.
    plan.remove([change for change in left if change.source == DecisionSource.IMPORT])
    if any(change.source != DecisionSource.IMPORT for change in held):
        return  # a person has decided this case here: its category and level are theirs
    values = _case_values(mappa)
    changed = {name: value for name, value in values.items() if getattr(case, name) != value}
    if changed:
        MappaCase.objects.filter(pk=case.pk).update(**changed)
