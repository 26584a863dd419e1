"""Level 1 reviews: a defined record, setting the next review or closing the case."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import services
from mappa.cases.constants import ClosureReason, ReviewDecision
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def level_1(db):
    users = {user.username: user for user in load_demo()}
    return users, MappaCase.objects.get(nominal__crn="X345678")  # category 1, level 1


def review(users, case, **overrides):
    arguments = {
        "actor": users["police.ppu"],
        "case": case,
        "held_on": date(2026, 11, 2),
        "what_was_reviewed": "Home visit, ViSOR record, device check",
        "risk_change": "",
        "plan_change": "",
        "decision": ReviewDecision.STAY,
        "rationale": "Compliant; no new risk factors",
    }
    return services.record_level_1_review(**(arguments | overrides))


def test_staying_at_level_1_sets_the_next_review_from_the_level_1_interval(level_1):
    users, case = level_1
    recorded = review(users, case, risk_change="New job with no contact with children")
    case.refresh_from_db()
    assert case.next_review_due == date(2027, 2, 22)  # 16 weeks
    assert (recorded.risk_changed, recorded.plan_changed) == (True, False)
    assert AuditEvent.objects.get(event_type=EventType.CASE_REVIEWED).payload == {
        "review": str(recorded.id),
        "decision": "stay",
    }


def test_a_decision_to_close_closes_the_case_with_its_reason(level_1):
    users, case = level_1
    review(
        users, case, decision=ReviewDecision.CLOSE, closure_reason=ClosureReason.ELIGIBILITY_ENDED
    )
    case.refresh_from_db()
    assert (case.closed_on, case.closure_reason) == (date(2026, 11, 2), "eligibility_ended")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"what_was_reviewed": ""}, "what_was_reviewed"),
        ({"rationale": " "}, "rationale"),
        ({"decision": ReviewDecision.CLOSE}, "closure_reason"),
        ({"held_on": date(2099, 1, 1)}, "held_on"),
    ],
)
def test_an_incomplete_review_is_refused_naming_the_field(level_1, overrides, field):
    users, case = level_1
    with pytest.raises(ValidationError) as refused:
        review(users, case, **overrides)
    assert field in refused.value.message_dict
    assert not case.reviews.exists()


def test_a_case_at_level_2_has_no_level_1_reviews(level_1):
    users, _ = level_1
    with pytest.raises(ValidationError, match="Only an open case at level 1"):
        review(users, MappaCase.objects.get(nominal__crn="X123456"))
