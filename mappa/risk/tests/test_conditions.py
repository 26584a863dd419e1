"""Licence conditions as typed records; an exclusion zone must be a valid polygon."""

import json
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.risk import services
from mappa.risk.models import LicenceCondition
from mappa.risk.tests.records import HIGH_STREET_BEDFORD, create_zone, smith_case

pytestmark = pytest.mark.django_db


def _add(users, **arguments):
    return services.add_condition(
        actor=users["probation.om"], case=smith_case(), starts_on=date(2025, 6, 1), **arguments
    )


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            {"kind": "residence", "address": "Bedford AP", "approved_premises": True},
            {"address": "Bedford AP", "approved_premises": True},
        ),
        ({"kind": "no_contact", "named_person": "Leanne Price"}, {"named_person": "Leanne Price"}),
        ({"kind": "curfew", "curfew_from": time(19), "curfew_to": time(7)}, {"curfew_hours": 12.0}),
        ({"kind": "electronic_monitoring", "monitoring": "location"}, {"monitoring": "location"}),
        ({"kind": "polygraph"}, {"description": ""}),
        ({"kind": "programme_attendance", "programme": "Horizon"}, {"programme": "Horizon"}),
        ({"kind": "other", "description": "Not to own a dog"}, {"description": "Not to own a dog"}),
    ],
)
def test_each_type_of_condition_is_recorded_with_its_own_details(users, arguments, expected):
    condition = _add(users, **arguments)
    for name, value in expected.items():
        assert getattr(condition, name) == value
    event = AuditEvent.objects.get(event_type=EventType.LICENCE_CONDITION_ADDED)
    assert event.payload["kind"] == arguments["kind"]


def test_details_of_another_type_are_not_kept(users):
    condition = _add(users, kind="no_contact", named_person="Leanne Price", address="Somewhere")
    assert condition.address == ""


def test_an_exclusion_zone_keeps_its_polygon_as_geojson(users):
    condition = create_zone(actor=users["probation.om"])
    condition.refresh_from_db()
    assert condition.zone == HIGH_STREET_BEDFORD
    assert condition.description == "High Street, Bedford"


def _refused(users, field, **arguments):
    with pytest.raises(ValidationError) as refused:
        _add(users, **arguments)
    assert not LicenceCondition.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.LICENCE_CONDITION_ADDED).exists()
    return refused.value.message_dict[field]


def test_an_end_before_the_start_is_refused(users):
    messages = _refused(users, "ends_on", kind="polygraph", ends_on=date(2025, 5, 31))
    assert messages == ["The end date must be the same as or after the start date"]


def test_a_self_intersecting_zone_is_refused_naming_the_problem(users):
    bow_tie = [
        [-0.4672, 52.1352],
        [-0.4658, 52.1391],
        [-0.4658, 52.1352],
        [-0.4672, 52.1391],
        [-0.4672, 52.1352],
    ]
    zone = json.dumps({"type": "Polygon", "coordinates": [bow_tie]})
    messages = _refused(users, "zone", kind="exclusion_zone", description="Bow tie", zone=zone)
    assert messages == [
        "The exclusion zone is not a valid polygon: the boundary crosses itself near [-0.4665, 52.13715]"
    ]


def test_a_zone_that_is_not_json_is_refused(users):
    messages = _refused(users, "zone", kind="exclusion_zone", description="x", zone="High Street")
    assert messages[0].startswith("The exclusion zone is not valid JSON")


def test_a_zone_needs_a_description_in_words(users):
    zone = json.dumps(HIGH_STREET_BEDFORD)
    messages = _refused(users, "description", kind="exclusion_zone", zone=zone)
    assert messages == ["Describe the exclusion zone in words"]


def test_electronic_monitoring_must_say_what_is_monitored(users):
    messages = _refused(users, "monitoring", kind="electronic_monitoring", monitoring="mood")
    assert messages == ["Choose what is monitored"]
