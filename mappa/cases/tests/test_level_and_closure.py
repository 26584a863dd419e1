"""Changing a case's level and closing it: recorded, audited, and within the rules."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import services
from mappa.cases.constants import ClosureReason, DecisionSource
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(db):
    users = {user.username: user for user in load_demo()}
    return users, {case.nominal.crn: case for case in MappaCase.objects.select_related("nominal")}


def test_a_level_change_is_recorded_with_who_where_and_why_and_restarts_the_review_clock(cases):
    users, by_crn = cases
    case = services.change_level(
        actor=users["chair.police"],
        case=by_crn["X123456"],
        level=3,
        source=DecisionSource.MEETING,
        rationale="New partner with a child under 10",
        decided_on=date(2026, 11, 10),
    )
    change = case.level_history.last()
    assert (change.level, change.decided_by, change.source, change.rationale) == (
        3,
        users["chair.police"],
        "meeting",
        "New partner with a child under 10",
    )
    assert case.next_review_due == date(2027, 1, 5)  # level 3: 8 weeks
    event = AuditEvent.objects.get(event_type=EventType.CASE_LEVEL_CHANGED)
    assert (event.subject, event.payload) == (
        case.id,
        {"from_level": 2, "to_level": 3, "source": "meeting"},
    )


def test_level_1_is_refused_for_category_3(cases):
    users, by_crn = cases
    category_3 = by_crn["X456789"]
    with pytest.raises(ValidationError, match="cannot be managed at level 1"):
        services.change_level(
            actor=users["coordinator"],
            case=category_3,
            level=1,
            source=DecisionSource.SCREENING,
            rationale="Risk reduced",
            decided_on=date(2026, 11, 10),
        )
    category_3.refresh_from_db()
    assert category_3.level == 2
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_LEVEL_CHANGED).exists()


def test_a_level_decision_needs_a_rationale(cases):
    users, by_crn = cases
    with pytest.raises(ValidationError, match="Give the reason"):
        services.change_level(
            actor=users["coordinator"],
            case=by_crn["X123456"],
            level=1,
            source=DecisionSource.SCREENING,
            rationale=" ",
            decided_on=date(2026, 11, 10),
        )


def test_closing_a_case_records_the_reason_and_it_cannot_change_after(cases):
    users, by_crn = cases
    case = services.close_case(
        actor=users["coordinator"],
        case=by_crn["X456789"],
        reason=ClosureReason.RISK_REDUCED,
        explanation="",
        closed_on=date(2026, 11, 20),
    )
    assert (case.closed_on, case.closure_reason) == (date(2026, 11, 20), "risk_reduced")
    assert AuditEvent.objects.get(event_type=EventType.CASE_CLOSED).payload == {
        "reason": "risk_reduced"
    }
    with pytest.raises(ValidationError, match="closed"):
        services.change_level(
            actor=users["coordinator"],
            case=case,
            level=3,
            source=DecisionSource.MEETING,
            rationale="x",
            decided_on=date(2026, 11, 21),
        )


def test_an_other_reason_needs_an_explanation(cases):
    users, by_crn = cases
    with pytest.raises(ValidationError, match="Explain why"):
        services.close_case(
            actor=users["coordinator"],
            case=by_crn["X456789"],
            reason=ClosureReason.OTHER,
            explanation="",
            closed_on=date(2026, 11, 20),
        )


def test_a_meeting_may_set_an_earlier_next_review_but_not_a_later_one():
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.get(nominal__crn="X123456")
    decided = date(2026, 11, 3)
    arguments = {
        "actor": users["chair.police"],
        "case": case,
        "level": 2,
        "source": DecisionSource.MEETING,
        "rationale": "Stable",
        "decided_on": decided,
    }
    with pytest.raises(ValidationError) as refused:
        services.change_level(**arguments, next_review_due=decided + timedelta(weeks=16, days=1))
    assert "next_review_due" in refused.value.message_dict
    services.change_level(**arguments, next_review_due=decided + timedelta(weeks=10))
    case.refresh_from_db()
    assert case.next_review_due == decided + timedelta(weeks=10)
