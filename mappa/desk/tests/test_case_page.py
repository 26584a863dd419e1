"""The case page: what a case is, when its next review is due, and who decided what."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import services
from mappa.cases.constants import DecisionSource
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(db):
    """The demo personas and their area's cases, by CRN."""
    users = {user.username: user for user in load_demo()}
    return users, {case.nominal.crn: case for case in MappaCase.objects.select_related("nominal")}


def page(client, case):
    return client.get(f"/cases/{case.id}/")


def set_level(users, case, level, weeks_ago, rationale="Escalating risk to a new partner"):
    """A level decision some weeks ago: the review clock restarts from it."""
    return services.change_level(
        actor=users["chair.police"],
        case=case,
        level=level,
        source=DecisionSource.MEETING,
        rationale=rationale,
        decided_on=timezone.localdate() - timedelta(weeks=weeks_ago),
    )


def test_the_case_page_shows_the_next_review_with_a_red_overdue_tag(cases, signed_in):
    users, by_crn = cases
    case = set_level(users, by_crn["X123456"], level=3, weeks_ago=9)  # due a week ago
    response = page(signed_in("probation.om"), case)
    assert response.status_code == 200
    next_review = f"{case.next_review_due:%d %B %Y}".lstrip("0")
    assert next_review in response.text
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in response.text


@pytest.mark.parametrize(
    ("weeks_ago", "tag"),
    [(6, 'govuk-tag--yellow">Due soon'), (0, 'govuk-tag--green">On track')],
)
def test_a_review_due_within_four_weeks_is_amber_and_a_later_one_green(
    cases, signed_in, weeks_ago, tag
):
    users, by_crn = cases
    case = set_level(users, by_crn["X123456"], level=3, weeks_ago=weeks_ago)
    assert tag in page(signed_in("probation.om"), case).text


def test_the_case_page_shows_the_case_and_its_level_history_with_who_decided_and_why(
    cases, signed_in
):
    users, by_crn = cases
    case = set_level(users, by_crn["X123456"], level=3, weeks_ago=1)
    text = page(signed_in("police.ppu"), case).text
    assert "Category 1: registered sexual offender" in text
    assert "Level 3: active multi-agency management" in text
    assert "Probation" in text and "1 June 2022" in text
    assert "MAPPA meeting" in text and "Gareth Evans, Police" in text
    assert "Escalating risk to a new partner" in text
    assert f'href="/people/{case.nominal_id}/"' in text


def test_the_person_page_links_to_their_case_page(cases, signed_in):
    _, by_crn = cases
    case = by_crn["X123456"]
    person = signed_in("probation.om").get(f"/people/{case.nominal_id}/")
    assert f'href="/cases/{case.id}/"' in person.text


def test_every_read_of_the_case_page_is_audited(cases, signed_in):
    users, by_crn = cases
    case = by_crn["X234567"]
    client = signed_in("probation.om")
    page(client, case)
    page(client, case)
    reads = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ, subject=case.id)
    assert reads.count() == 2
    assert {(read.actor_id, read.payload["content"]) for read in reads} == {
        (users["probation.om"].id, "MAPPA case")
    }


def test_a_police_officer_from_another_area_is_told_the_case_does_not_exist(cases, signed_in):
    _, by_crn = cases
    response = page(signed_in("outsider.police"), by_crn["X123456"])
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=by_crn["X123456"].id
    ).exists()


def test_a_case_that_does_not_exist_is_a_404_like_one_out_of_scope(cases, signed_in):
    response = signed_in("coordinator").get("/cases/00000000-0000-4000-8000-000000000000/")
    assert response.status_code == 404


def test_only_the_coordinator_is_offered_the_grant_access_link(cases, signed_in):
    _, by_crn = cases
    case = by_crn["X123456"]
    grant_link = f'href="/cases/{case.id}/access/grant/"'
    assert grant_link in page(signed_in("coordinator"), case).text
    practitioner = page(signed_in("probation.om"), case).text
    assert "Who can see this case" in practitioner and grant_link not in practitioner


def test_the_level_1_review_link_shows_only_on_an_open_level_1_case(cases, signed_in):
    _, by_crn = cases
    client = signed_in("police.ppu")
    assert "Record a level 1 review" in page(client, by_crn["X345678"]).text
    assert "Record a level 1 review" not in page(client, by_crn["X123456"]).text
    assert "Record a level 1 review" not in page(signed_in("chair.police"), by_crn["X345678"]).text


def test_a_closed_case_shows_when_and_why_it_closed_and_no_review_tag(cases, signed_in):
    users, by_crn = cases
    case = services.close_case(
        actor=users["coordinator"],
        case=by_crn["X567890"],
        reason="died",
        explanation="",
        closed_on=timezone.localdate(),
    )
    text = page(signed_in("coordinator"), case).text
    assert "Closed on" in text and "Died" in text
    assert 'data-testid="next-review"' not in text
