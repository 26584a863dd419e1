"""What each section of the person page's forms changes in the record.

Every edit rewrites the record in the import format and saves it through
`services.save_nominal`, so forms, the API and imports share one write path,
one set of checks and one audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django import forms as django_forms

from mappa import versions
from mappa.people import forms
from mappa.people.constants import IDENTIFIERS
from mappa.people.import_format import NominalRecord


def _json(value):
    return value.isoformat() if isinstance(value, date) else value


def _clean(data: dict) -> dict:
    return {key: _json(value) for key, value in data.items()}


def _identity_initial(record: dict) -> dict:
    return {
        **record["name"],
        "date_of_birth": record["date_of_birth"],
        "gender": record["gender"],
        "ethnicity": record["ethnicity"],
        **record["external_ids"],
    }


def _set_identity(record: dict, data: dict) -> None:
    record["name"] = {"forenames": data["forenames"] or None, "surname": data["surname"]}
    record["date_of_birth"] = data["date_of_birth"]
    record["gender"] = data["gender"]
    record["ethnicity"] = data["ethnicity"]
    record["external_ids"] = {kind: data[kind] or None for kind in IDENTIFIERS}


def _add_address(record: dict, data: dict) -> None:
    if data["moved"]:
        for current in record["addresses"]:
            if current["to"] is None and (current["from"] or "") <= data["valid_from"]:
                current["to"] = data["valid_from"]
    address = {key: data[key] for key in ("kind", "line_1", "line_2", "town", "postcode")}
    location = {
        key: float(data[key]) for key in ("latitude", "longitude") if data.get(key) is not None
    }
    record["addresses"].append(
        address | location | {"from": data["valid_from"], "to": data["valid_to"]}
    )


def _add_association(record: dict, data: dict) -> None:
    person = {key: data[key] for key in ("relationship", "forenames", "surname", "date_of_birth")}
    address = None
    if data["address_line_1"] or data["address_postcode"]:
        address = {
            "line_1": data["address_line_1"],
            "town": data["address_town"],
            "postcode": data["address_postcode"],
        }
    record["associations"].append(person | {"address": address})


def _add_conviction(record: dict, data: dict) -> None:
    disposal = None
    if data["disposal_type"]:
        term = None if data["term_months"] is None else float(data["term_months"])
        disposal = {"type": data["disposal_type"], "term_months": term}
        if data["detention_and_training_order"]:
            disposal["detention_and_training_order"] = True
    offence = {
        key: data[key]
        for key in ("offence", "outcome", "date", "committed_on", "victim_age", "index")
    }
    if data["sexual_gratification_purpose"] is not None:
        offence["sexual_gratification_purpose"] = data["sexual_gratification_purpose"]
    if data.get("court_jurisdiction") not in (None, "", "england_and_wales"):
        offence["court_jurisdiction"] = data["court_jurisdiction"]
    if data.get("drug_class"):
        offence["drug_class"] = data["drug_class"]
    if data.get("terrorist_connection"):
        offence["terrorist_connection"] = True
    record["offences"].append(offence | {"disposal": disposal})


def _set_custody(record: dict, data: dict) -> None:
    custody = record.get("custody") or {"periods": []}
    record["custody"] = custody | data


@dataclass(frozen=True)
class Section:
    title: str
    form: type[django_forms.Form]
    apply: Callable[[dict, dict], None]
    initial: Callable[[dict], dict] = lambda record: {}


SECTIONS = {
    "identity": Section(
        "Change identity details", forms.IdentityForm, _set_identity, _identity_initial
    ),
    "alias": Section(
        "Add an alias or nickname", forms.AliasForm, lambda r, d: r["aliases"].append(d)
    ),
    "address": Section("Add an address", forms.AddressForm, _add_address),
    "association": Section("Add an associated person", forms.AssociationForm, _add_association),
    "conviction": Section(
        "Add a conviction, caution or finding", forms.ConvictionForm, _add_conviction
    ),
    "custody": Section(
        "Change release and licence dates",
        forms.CustodyForm,
        _set_custody,
        lambda r: {
            key: (r.get("custody") or {}).get(key) for key in ("release_date", "licence_end_date")
        },
    ),
    "event": Section(
        "Record an order, breach, recall or charge",
        forms.EventForm,
        lambda r, d: r["events"].append({"kind": d["kind"], "date": d["date"]}),
    ),
}


@dataclass(frozen=True)
class Removable:
    """A list of the record whose entries can be removed from the person page."""

    key: str  # the list in the record (and in `records.listed`)
    noun: str  # what one entry is called, for the confirmation page


REMOVABLE = {
    "alias": Removable("aliases", "alias or nickname"),
    "address": Removable("addresses", "address"),
    "association": Removable("associations", "associated person"),
    "conviction": Removable("offences", "conviction, caution or finding"),
    "event": Removable("events", "order, breach, recall or charge"),
}


def without(record: dict, removable: Removable, position: int) -> NominalRecord:
    """The record without one entry of a list, validated as an import line would be."""
    del record[removable.key][position]
    return NominalRecord.model_validate_json(json.dumps(record))


def form_for(
    section: Section, data=None, *, initial: dict | None = None, version: int | None = None
) -> django_forms.Form:
    """The section's form; for a nominal already held, with the hidden version it was loaded
    at (`mappa.versions`), so a save cannot overwrite a change made since."""
    form = section.form(data, initial=initial)
    if version is not None:
        form.fields["version"] = versions.VersionField(initial=version)
    return form


def as_dict(record: NominalRecord) -> dict:
    return json.loads(record.to_json())


def new_record(area_code: str) -> dict:
    return as_dict(
        NominalRecord.model_validate(
            {"area": area_code, "name": {"forenames": "-", "surname": "-"}}
        )
    )


def apply(section: Section, record: dict, cleaned: dict) -> NominalRecord:
    """The record with the section's change, validated as an import line would be."""
    section.apply(record, _clean({key: v for key, v in cleaned.items() if key != "version"}))
    return NominalRecord.model_validate_json(json.dumps(record))
