"""Recording a level 1 review through its page: the next review is set, or the case closes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase, Review
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def level_1(db):
    load_demo()
    return MappaCase.objects.get(nominal__crn="X345678")  # category 1, level 1


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


def submit(client, case, **overrides):
    form = {
        "held_on": f"{days_ago(3):%d/%m/%Y}",
        "what_was_reviewed": "Home visit, ViSOR record, device check",
        "risk_changed": "no",
        "risk_change": "",
        "plan_changed": "yes",
        "plan_change": "Monthly home visits instead of fortnightly",
        "decision": "stay",
        "closure_reason": "",
        "rationale": "Compliant; no new risk factors",
    } | overrides
    return client.post(f"/cases/{case.id}/reviews/add/", form, follow=True)


def test_a_practitioner_records_a_review_and_the_next_review_is_set(level_1, demo, signed_in):
    response = submit(signed_in("police.ppu"), level_1)
    level_1.refresh_from_db()
    assert level_1.next_review_due == days_ago(3) + timedelta(weeks=16)
    review = Review.objects.get(case=level_1)
    assert review.reviewed_by == demo["police.ppu"]
    assert (review.risk_changed, review.plan_changed) == (False, True)
    assert review.plan_change == "Monthly home visits instead of fortnightly"
    assert response.redirect_chain == [(f"/cases/{level_1.id}/", 302)]
    assert "govuk-notification-banner--success" in response.text
    due = f"{level_1.next_review_due:%d %B %Y}".lstrip("0")
    assert f"Level 1 review recorded. The next review is due by {due}" in response.text
    assert "Home visit, ViSOR record, device check" in response.text


def test_a_decision_to_refer_up_leads_straight_to_a_referral_about_the_person(level_1, signed_in):
    response = submit(signed_in("police.ppu"), level_1, decision="refer_up")
    assert response.redirect_chain == [(f"/referrals/new/?person={level_1.nominal_id}", 302)]
    assert "Now make the referral to level 2 or 3" in response.text
    assert f'value="{level_1.nominal_id}"' in response.text


def test_a_decision_to_close_closes_the_case_with_its_reason(level_1, signed_in):
    submit(signed_in("coordinator"), level_1, decision="close", closure_reason="eligibility_ended")
    level_1.refresh_from_db()
    assert (level_1.closed_on, level_1.closure_reason) == (days_ago(3), "eligibility_ended")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"decision": "close"}, "closure_reason", "Choose why the case is closing"),
        ({"risk_changed": "yes"}, "risk_change", "Say how the risk has changed"),
        ({"plan_changed": ""}, "plan_changed", "Select yes if the plan has changed"),
        ({"what_was_reviewed": ""}, "what_was_reviewed", "Say what was reviewed"),
        ({"rationale": ""}, "rationale", "Give the reason for the decision"),
        ({"held_on": f"{days_ago(-1):%d/%m/%Y}"}, "held_on", "today or in the past"),
        ({"held_on": "30/2/2026"}, "held_on", "Date of the review must be a real date"),
    ],
)
def test_an_incomplete_review_is_refused_with_an_error_summary_and_writes_nothing(
    level_1, signed_in, overrides, field, message
):
    response = submit(signed_in("police.ppu"), level_1, **overrides)
    assert response.status_code == 200 and not response.redirect_chain
    assert "govuk-error-summary" in response.text and message in response.text
    assert f'href="#id_{field}' in response.text
    assert not Review.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.CASE_REVIEWED).exists()


def test_a_level_2_case_has_no_level_1_review_page(level_1, signed_in):
    level_2 = MappaCase.objects.get(nominal__crn="X123456")
    client = signed_in("police.ppu")
    page = client.get(f"/cases/{level_2.id}/reviews/add/")
    assert page.status_code == 409
    assert "You cannot record a level 1 review for this case" in page.text
    assert submit(client, level_2).status_code == 409
    assert not Review.objects.exists()


def test_a_closed_case_has_no_level_1_review_page(level_1, signed_in):
    client = signed_in("police.ppu")
    submit(client, level_1, decision="close", closure_reason="died")
    page = client.get(f"/cases/{level_1.id}/reviews/add/")
    assert page.status_code == 409 and "The case closed on" in page.text


@pytest.mark.parametrize("username", ["chair.police", "housing.officer", "disclosure.officer"])
def test_someone_who_does_not_manage_cases_is_refused(level_1, signed_in, username):
    client = signed_in(username)
    assert client.get(f"/cases/{level_1.id}/reviews/add/").status_code == 403
    assert submit(client, level_1).status_code == 403
    assert not Review.objects.exists()


def test_a_practitioner_from_another_area_is_told_the_case_does_not_exist(level_1, signed_in):
    assert signed_in("outsider.police").get(f"/cases/{level_1.id}/reviews/add/").status_code == 404
