"""Property: putting back the body a GET gave changes nothing, whatever the record (Hypothesis)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import LevelChange
from mappa.offences.models import Conviction, CustodyPeriod
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Address, Alias, Association, Nominal, RecordedEvent

pytestmark = pytest.mark.django_db

ROWS = (Alias, Address, Association, Conviction, CustodyPeriod, RecordedEvent)
OFFENCES = ["SOA2003/s3", "SOA2003/s1", "TA1968/s1", "OAPA1861/s18", "MDA1971/s4"]
DISPOSALS = ["imprisonment", "community_order", "fine", "absolute_discharge", "hospital_order"]

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31))
words = st.sampled_from(["Smith", "Jones", "O'Brien", "Ng", "Łukasz", "Anne-Marie", ""])
named = st.sampled_from(["Amy", "Kyle", "Sam", "Jo"])


@st.composite
def addresses(draw) -> dict:
    start = draw(days)
    end = draw(st.none() | st.just(start + timedelta(days=draw(st.integers(0, 900)))))
    address = {
        "line_1": draw(st.sampled_from(["12 Mill Lane", "1 Hostel Road", ""])),
        "town": draw(st.sampled_from(["Bedford", "Luton"])),
        "postcode": draw(st.sampled_from(["MK42 8PP", "lu1 1aa", ""])),
        "kind": draw(st.sampled_from(["home", "temporary", "approved_premises"])),
        "from": start.isoformat(),
        "to": end and end.isoformat(),
    }
    if draw(st.booleans()):
        address["latitude"] = draw(st.floats(50, 55, allow_nan=False).map(lambda x: round(x, 6)))
        address["longitude"] = draw(st.floats(-3, 1, allow_nan=False).map(lambda x: round(x, 6)))
    return address


@st.composite
def offences(draw) -> dict:
    dealt_with = draw(days)
    disposal = draw(st.sampled_from(DISPOSALS))
    term = draw(st.sampled_from([6, 18, 30.5, 48])) if disposal == "imprisonment" else None
    return {
        "offence": draw(st.sampled_from(OFFENCES)),
        "outcome": "conviction",
        "date": dealt_with.isoformat(),
        "committed_on": draw(st.none() | st.just((dealt_with - timedelta(days=200)).isoformat())),
        "victim_age": draw(st.none() | st.integers(5, 40)),
        "disposal": {"type": disposal, "term_months": term},
        "index": draw(st.booleans()),
    }


@st.composite
def records(draw) -> dict:
    level = draw(st.sampled_from([1, 2, 3]))
    start = draw(days)
    mappa = {
        "category": draw(st.sampled_from([1, 2, None])),
        "level": level,
        "lead_agency": draw(st.sampled_from(["probation", "police", None])),
        "start_date": start.isoformat(),
        "next_review_due": (start + timedelta(days=90)).isoformat(),
        "level_history": [{"level": level, "from": start.isoformat()}] * draw(st.integers(0, 2)),
    }
    return {
        "area": "DEMO",
        "name": {"forenames": draw(named), "surname": draw(words.filter(bool))},
        "aliases": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"forenames": named, "surname": words, "kind": st.just("alias")}
                ),
                max_size=3,
            )
        ),
        "date_of_birth": draw(st.none() | st.just("1984-03-02")),
        "gender": draw(st.sampled_from(["male", "female", "not_known"])),
        "addresses": draw(st.lists(addresses(), max_size=3)),
        "associations": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "relationship": st.sampled_from(["child", "partner", "victim"]),
                        "forenames": named,
                        "surname": words,
                        "address": st.none() | addresses(),
                    }
                ),
                max_size=2,
            )
        ),
        "offences": draw(st.lists(offences(), max_size=3)),
        "custody": draw(
            st.none()
            | st.fixed_dictionaries(
                {
                    "periods": st.lists(
                        st.fixed_dictionaries({"from": days.map(date.isoformat)}), max_size=2
                    ),
                    "release_date": st.none() | days.map(date.isoformat),
                }
            )
        ),
        "mappa": draw(st.none() | st.just(mappa)),
        "events": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"kind": st.sampled_from(["shpo_imposed", "sfo_charged"]), "date": days}
                ).map(lambda e: e | {"date": e["date"].isoformat()}),
                max_size=2,
            )
        ),
    }


def held(nominal) -> dict:
    return {
        "digest": Nominal.objects.get(id=nominal.id).record_digest,
        "version": Nominal.objects.get(id=nominal.id).version,
        **{
            model.__name__: sorted(
                model.objects.filter(nominal=nominal).values_list("pk", flat=True), key=str
            )
            for model in ROWS
        },
        "levels": list(
            LevelChange.objects.filter(case__nominal=nominal)
            .order_by("pk")
            .values_list("pk", "level", "effective_from", "source", "decided_by", "rationale")
        ),
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=records())
def test_putting_back_a_get_body_changes_nothing(demo, data):
    nominal = services.save_nominal(
        actor=demo["coordinator"],
        record=NominalRecord.model_validate_json(json.dumps(data)),
        via="test",
    )
    client = Client(HTTP_AUTHORIZATION="Token demo-probation.om")
    got = client.get(f"/api/v1/nominals/{nominal.id}/")
    assert got.status_code == 200
    before = held(nominal)
    updates = AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).count()
    response = client.put(
        f"/api/v1/nominals/{nominal.id}/",
        json.dumps(got.json()),
        content_type="application/json",
        headers={"If-Match": got["ETag"]},
    )
    assert response.status_code == 200, response.content
    assert response.json() == got.json()
    assert held(nominal) == before
    assert AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).count() == updates
