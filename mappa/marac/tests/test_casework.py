"""The IDVA, the victim's safety plan, and MARAC actions with owners and due dates."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.agencies.models import Agency
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.marac import queries
from mappa.marac.services import casework
from mappa.marac.tests.dashes import referred

pytestmark = pytest.mark.django_db


def test_the_idva_is_recorded(demo):
    case = referred(demo["police.ppu"])
    casework.record_idva(
        actor=demo["marac.coordinator"],
        case=case,
        version=case.version,
        name="Sam Okafor",
        organisation="Demoshire Women's Aid",
        contact="01234 567890",
        allocated_on=date(2026, 11, 20),
    )
    case.refresh_from_db()
    assert case.idva_name == "Sam Okafor" and case.idva_allocated_on == date(2026, 11, 20)
    assert AuditEvent.objects.filter(event_type=EventType.MARAC_IDVA_RECORDED).exists()


def test_the_safety_plan_is_versioned(demo):
    coordinator = demo["marac.coordinator"]
    case = referred(demo["police.ppu"])
    first = casework.save_safety_plan(
        actor=coordinator,
        case=case,
        based_on=None,
        measures="Locks changed",
        agreed_on=date(2026, 11, 20),
    )
    second = casework.save_safety_plan(
        actor=coordinator,
        case=case,
        based_on=1,
        measures="Locks changed; panic alarm",
        agreed_on=date(2026, 11, 21),
    )
    assert (first.version, second.version) == (1, 2)
    assert case.safety_plans.first() == second
    with pytest.raises(ValidationError):
        casework.save_safety_plan(
            actor=coordinator, case=case, based_on=2, measures=" ", agreed_on=date(2026, 11, 21)
        )


def test_an_action_makes_its_owner_a_participant_who_may_update_it(demo):
    coordinator, housing = demo["marac.coordinator"], demo["housing.officer"]
    case = referred(demo["police.ppu"])
    action = casework.add_action(
        actor=coordinator,
        case=case,
        description="Fit a fire-proof letterbox",
        owner_agency=housing.agency,
        due_on=timezone.localdate() + timedelta(days=7),
    )
    assert case in queries.cases_visible_to(housing)
    casework.update_action(
        actor=housing, action=action, version=1, status="completed", update="Fitted"
    )
    action.refresh_from_db()
    assert action.status == "completed" and action.closed_on == timezone.localdate()
    with pytest.raises(ValidationError):
        casework.update_action(
            actor=demo["probation.om"], action=action, version=action.version, status="open"
        )


def test_an_action_is_not_due_in_the_past(demo):
    case = referred(demo["police.ppu"])
    police = Agency.objects.get(area=case.area, name="Police")
    with pytest.raises(ValidationError):
        casework.add_action(
            actor=demo["marac.coordinator"],
            case=case,
            description="Visit",
            owner_agency=police,
            due_on=timezone.localdate() - timedelta(days=1),
        )


def test_participants_are_agencies_of_the_cases_area(demo):
    case = referred(demo["police.ppu"])
    other = Agency.objects.get(area__code="OTHER", name="Police")
    with pytest.raises(ValidationError):
        casework.add_participant(
            actor=demo["marac.coordinator"], case=case, agency=other, reason="coordinator"
        )
