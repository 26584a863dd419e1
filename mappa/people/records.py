"""Writing import-format records to the register, in bulk, and reading them back out.

Used by the import, the export and the API's create and update endpoints (`people.services`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from decimal import Decimal

from django.db.models import F, Prefetch
from django.utils import timezone

from mappa.cases.models import LevelChange, MappaCase
from mappa.offences.constants import CourtJurisdiction
from mappa.offences.models import Conviction, CustodyPeriod
from mappa.people import amending, copying, rules
from mappa.people.constants import IDENTIFIERS
from mappa.people.import_format import AddressIn, NominalRecord
from mappa.people.models import Address, Alias, Association, NameKey, Nominal, RecordedEvent

# One encoder for every sort key and the digest: `json.dumps(..., sort_keys=True)` builds a new
# encoder at each call (the same text, at twice the cost for the small items of a record).
_encode = json.JSONEncoder(sort_keys=True).encode


def _canonical(value):
    """Lists sorted by content, so the order lines arrive in does not count as a change. Sorts
    `value`'s lists in place (a fresh `model_dump`, which nothing else holds) and returns it."""
    if isinstance(value, dict):
        for item in value.values():
            if isinstance(item, dict | list):
                _canonical(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list):
                _canonical(item)
        if len(value) > 1:  # one item or none is in order already: no need to write it out
            value.sort(key=_encode)
    return value


def digest(record: NominalRecord) -> str:
    content = _canonical(record.model_dump(mode="json", by_alias=True))
    return hashlib.sha256(_encode(content).encode()).hexdigest()


def exportable(nominals, *, level_history=None):
    """Prefetch the whole record: what `to_record` and the person page read.

    `level_history`, if given, is the queryset the cases' level history is read through (the
    person page's adds who decided, with their agency, in the same query).
    """
    history = (
        Prefetch("mappa_cases__level_history", queryset=level_history)
        if level_history is not None
        else "mappa_cases__level_history"
    )
    return nominals.select_related("area").prefetch_related(
        "aliases",
        "addresses",
        "associations__addresses",
        "convictions",
        "custody_periods",
        "events",
        history,
    )


def _nominal_fields(record: NominalRecord, areas: dict) -> dict:
    ids = record.external_ids
    custody = record.custody
    return {
        "area": areas[record.area],
        "forenames": record.name.forenames or "",
        "surname": record.name.surname,
        "date_of_birth": record.date_of_birth,
        "gender": record.gender.value,
        "ethnicity": record.ethnicity,
        **{kind: getattr(ids, kind) or None for kind in IDENTIFIERS},
        "release_date": custody.release_date if custody else None,
        "licence_end_date": custody.licence_end_date if custody else None,
        "record_digest": digest(record),
    }


def _new(model, **values):
    """A new row to insert: as `model(**values)` with attribute names (`copying.maker`)."""
    return copying.maker(model)(**values)


def _address(data: AddressIn, **owner) -> Address:
    return _new(
        Address,
        **owner,
        kind=data.kind.value,
        line_1=data.line_1,
        line_2=data.line_2,
        town=data.town,
        postcode=data.postcode,
        postcode_key=rules.postcode_key(data.postcode),
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        latitude=None if data.latitude is None else Decimal(str(round(data.latitude, 6))),
        longitude=None if data.longitude is None else Decimal(str(round(data.longitude, 6))),
    )


class Children:
    """The rows hanging off a batch of nominals, collected for bulk insertion."""

    def __init__(self) -> None:
        self.rows: dict[type, list] = defaultdict(list)
        self.addressed: dict[uuid.UUID, Address] = {}  # associated people's addresses

    def add(self, nominal_id: uuid.UUID, record: NominalRecord, area_id: uuid.UUID) -> None:
        rows = self.rows
        names = [f"{record.name.forenames or ''} {record.name.surname}"]
        names += [f"{alias.forenames} {alias.surname}" for alias in record.aliases]
        rows[NameKey] += [
            _new(
                NameKey,
                nominal_id=nominal_id,
                area_id=area_id,
                token=token,
                phonetic=phonetic,
                letters=letters,
            )
            for token, phonetic, letters in rules.name_keys(names)
        ]
        rows[Alias] += [
            _new(
                Alias,
                nominal_id=nominal_id,
                forenames=a.forenames,
                surname=a.surname,
                kind=a.kind.value,
            )
            for a in record.aliases
        ]
        rows[Address] += [_address(a, nominal_id=nominal_id) for a in record.addresses]
        for person in record.associations:
            association = _new(
                Association,
                id=uuid.uuid4(),
                nominal_id=nominal_id,
                relationship=person.relationship.value,
                forenames=person.forenames,
                surname=person.surname,
                date_of_birth=person.date_of_birth,
            )
            rows[Association].append(association)
            if person.address:
                address = _address(person.address, association_id=association.id)
                rows[Address].append(address)
                self.addressed[association.id] = address
        rows[Conviction] += [
            _new(
                Conviction,
                nominal_id=nominal_id,
                offence_code=o.offence,
                outcome=o.outcome.value,
                relevant_date=o.date,
                committed_on=o.committed_on,
                victim_age=o.victim_age,
                sexual_gratification_purpose=o.sexual_gratification_purpose,
                drug_class=o.drug_class.value if o.drug_class else "",
                terrorist_connection=bool(o.terrorist_connection),
                court_jurisdiction=(
                    o.court_jurisdiction or CourtJurisdiction.ENGLAND_AND_WALES
                ).value,
                disposal_type=o.disposal.type.value if o.disposal else "",
                term_months=None
                if not o.disposal or o.disposal.term_months is None
                else Decimal(str(o.disposal.term_months)),
                consecutive_group=(o.disposal and o.disposal.consecutive_group) or "",
                detention_and_training_order=bool(
                    o.disposal and o.disposal.detention_and_training_order
                ),
                is_index=o.index,
            )
            for o in record.offences
        ]
        if record.custody:
            rows[CustodyPeriod] += [
                _new(
                    CustodyPeriod,
                    nominal_id=nominal_id,
                    started_on=p.started_on,
                    ended_on=p.ended_on,
                )
                for p in record.custody.periods
            ]
        rows[RecordedEvent] += [
            _new(RecordedEvent, nominal_id=nominal_id, kind=e.kind.value, occurred_on=e.date)
            for e in record.events
        ]

    def add_case(self, nominal_id: uuid.UUID, record: NominalRecord) -> None:
        if record.mappa is None:
            return
        case = amending.new_case(nominal_id, record.mappa)
        self.rows[MappaCase].append(case)
        self.rows[LevelChange] += amending.level_history(case.id, record.mappa)

    def insert(self) -> None:
        for model in (NameKey, Alias, Association, Address, Conviction, CustodyPeriod):
            copying.insert(model, self.rows[model])
        for model in (RecordedEvent, MappaCase, LevelChange):
            copying.insert(model, self.rows[model])


def write_batch(
    records: list[NominalRecord],
    matches: dict[int, uuid.UUID | None],
    areas: dict,
    *,
    actor,
    claimed: bool = False,
) -> tuple[dict[str, int], list[uuid.UUID]]:
    """Create or update a batch; `matches` maps a record's position to the nominal it updates.

    An update changes only what differs from the rows held (`mappa.people.amending`). Each
    updated nominal's version advances, by `actor`, unless the caller has already `claimed`
    it (`mappa.versions.claim`). Returns the counts created, updated and unchanged, and each
    record's nominal id.
    """
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    ids: list[uuid.UUID] = []
    existing = Nominal.objects.in_bulk([m for m in matches.values() if m])
    creates, updates = [], []
    for position, record in enumerate(records):
        fields = _nominal_fields(record, areas)
        nominal = existing.get(matches.get(position))
        if nominal is None:
            area = fields.pop("area")
            nominal = _new(Nominal, id=uuid.uuid4(), area_id=area.id, **fields)
            creates.append((nominal, record))
        elif nominal.record_digest == fields["record_digest"]:
            counts["unchanged"] += 1
        else:
            for name, value in fields.items():
                setattr(nominal, name, value)
            updates.append((nominal, record))
        ids.append(nominal.id)
    copying.insert(Nominal, [nominal for nominal, _ in creates])
    new = Children()
    for nominal, record in creates:
        new.add(nominal.id, record, nominal.area_id)
        new.add_case(nominal.id, record)
    new.insert()
    if updates:
        _update(updates, list(_nominal_fields(records[0], areas)), actor=actor, claimed=claimed)
    counts["created"], counts["updated"] = len(creates), len(updates)
    return counts, ids


def _update(updates: list, fields: list[str], *, actor, claimed: bool) -> None:
    nominals = [nominal for nominal, _ in updates]
    Nominal.objects.bulk_update(nominals, fields, batch_size=2000)
    if not claimed:
        Nominal.objects.filter(id__in=[n.id for n in nominals]).update(
            version=F("version") + 1, changed_at=timezone.now(), changed_by=actor
        )
    wanted = Children()
    for nominal, record in updates:
        wanted.add(nominal.id, record, nominal.area_id)
    amending.amend(
        [n.id for n in nominals],
        wanted.rows,
        wanted.addressed,
        {nominal.id: record.mappa for nominal, record in updates},
    )


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _address_out(address: Address) -> dict:
    return {
        "line_1": address.line_1,
        "line_2": address.line_2,
        "town": address.town,
        "postcode": address.postcode,
        "kind": address.kind,
        "from": address.valid_from,
        "to": address.valid_to,
        "latitude": None if address.latitude is None else float(address.latitude),
        "longitude": None if address.longitude is None else float(address.longitude),
    }


def listed(nominal: Nominal) -> dict[str, list]:
    """The rows behind each list of the record, in the order `to_record` writes them (expects
    the prefetches of `exportable`): a row's position here is its position in the record."""
    return {
        "aliases": list(nominal.aliases.all()),
        "addresses": sorted(nominal.addresses.all(), key=lambda a: a.pk),
        "associations": list(nominal.associations.all()),
        "offences": list(nominal.convictions.all()),
        "events": list(nominal.events.all()),
    }


def to_record(nominal: Nominal) -> NominalRecord:
    """The nominal in the import format (expects the prefetches of `exportable`)."""
    rows = listed(nominal)
    data = {
        "area": nominal.area.code,
        "external_ids": {
            kind: getattr(nominal, kind) for kind in IDENTIFIERS if getattr(nominal, kind)
        },
        "name": _drop_empty({"forenames": nominal.forenames, "surname": nominal.surname}),
        "aliases": [
            {"forenames": a.forenames, "surname": a.surname, "kind": a.kind}
            for a in rows["aliases"]
        ],
        "date_of_birth": nominal.date_of_birth,
        "gender": nominal.gender,
        "ethnicity": nominal.ethnicity,
        "addresses": [_address_out(a) for a in rows["addresses"]],
        "associations": [_association_out(a) for a in rows["associations"]],
        "offences": [_offence_out(c) for c in rows["offences"]],
        "custody": _custody_out(nominal),
        "mappa": _case_out(nominal),
        "events": [{"kind": e.kind, "date": e.occurred_on} for e in rows["events"]],
    }
    return NominalRecord.model_validate(_drop_empty(data), strict=False)


def _association_out(association: Association) -> dict:
    address = next(iter(association.addresses.all()), None)
    return {
        "relationship": association.relationship,
        "forenames": association.forenames,
        "surname": association.surname,
        "date_of_birth": association.date_of_birth,
        "address": _address_out(address) if address else None,
    }


def _offence_out(conviction: Conviction) -> dict:
    disposal = None
    if conviction.disposal_type:
        term = None if conviction.term_months is None else float(conviction.term_months)
        disposal = {
            "type": conviction.disposal_type,
            "term_months": term,
            "consecutive_group": conviction.consecutive_group or None,
            "detention_and_training_order": conviction.detention_and_training_order or None,
        }
    return {
        "offence": conviction.offence_code,
        "outcome": conviction.outcome,
        "date": conviction.relevant_date,
        "committed_on": conviction.committed_on,
        "victim_age": conviction.victim_age,
        "sexual_gratification_purpose": conviction.sexual_gratification_purpose,
        "court_jurisdiction": None
        if conviction.court_jurisdiction == CourtJurisdiction.ENGLAND_AND_WALES
        else conviction.court_jurisdiction,
        "drug_class": conviction.drug_class or None,
        "terrorist_connection": conviction.terrorist_connection or None,
        "disposal": disposal,
        "index": conviction.is_index,
    }


def _custody_out(nominal: Nominal) -> dict | None:
    periods = [{"from": p.started_on, "to": p.ended_on} for p in nominal.custody_periods.all()]
    if not periods and not nominal.release_date and not nominal.licence_end_date:
        return None
    return {
        "periods": periods,
        "release_date": nominal.release_date,
        "licence_end_date": nominal.licence_end_date,
    }


def _case_out(nominal: Nominal) -> dict | None:
    # The MAPPA case: a potentially dangerous person's case is not MAPPA (docs/pdp.md).
    case = next(
        (c for c in nominal.mappa_cases.all() if c.closed_on is None and not c.is_pdp), None
    )
    if case is None:
        return None
    return {
        "category": case.category,
        "level": case.level,
        "lead_agency": case.lead_agency or None,
        "start_date": case.start_date,
        "next_review_due": case.next_review_due,
        "level_history": [
            {"level": c.level, "from": c.effective_from} for c in case.level_history.all()
        ],
    }
