"""The pages: raising from the case page, at screening and before a review; the request with
only what the agency needs; answering and declining; the dashboards' panels."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.information_requests.constants import Status
from mappa.information_requests.models import InformationRequest
from mappa.information_requests.tests.records import QUESTION, ask, smith
from mappa.referrals.tests.drafts import submitted

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


@pytest.fixture
def client_for(users):
    def sign_in(username):
        c = Client()
        response = c.post("/sign-in/", {"username": username, "password": demo_secret(username)})
        assert response.status_code == 302
        return c

    return sign_in


def form(users, **overrides):
    return {
        "agency": str(users["housing.officer"].agency_id),
        "addressed_to": "",
        "basis": "duty_to_cooperate",
        "purpose": "To assess the risk to visiting children",
        "question": QUESTION,
        "due_on": f"{TODAY + timedelta(days=5):%d/%m/%Y}",
    } | overrides


def test_the_case_page_offers_a_request_and_lists_them(users, client_for):
    case = smith()
    page = client_for("coordinator").get(f"/cases/{case.id}/")
    assert f"/information-requests/new/for-case/{case.id}/" in page.content.decode()
    assert "No information requested of agencies." in page.content.decode()
    ask(users, due_on=case.next_review_due)
    page = client_for("coordinator").get(f"/cases/{case.id}/").content.decode()
    assert "1 information request outstanding before the next review" in page
    assert "Housing authority" in page and "Is he known at 12 Mill Lane" in page


def test_raising_from_the_case_page(users, client_for, django_capture_on_commit_callbacks):
    case = smith()
    url = f"/information-requests/new/for-case/{case.id}/"
    client = client_for("coordinator")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form(users))
    assert response.status_code == 302 and response.url == f"/cases/{case.id}/"
    found = InformationRequest.objects.get()
    assert (found.question, found.occasion) == (QUESTION, "case")


def test_the_form_names_each_bad_field_and_saves_nothing(users, client_for):
    url = f"/information-requests/new/for-case/{smith().id}/"
    past = f"{TODAY - timedelta(days=1):%d/%m/%Y}"
    response = client_for("coordinator").post(url, form(users, purpose="", due_on=past))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter why the information is needed" in page
    assert "The due date must be today or in the future" in page
    assert not InformationRequest.objects.exists()


def test_before_a_review_the_due_date_offered_is_before_it(users, client_for):
    case = smith()
    page = client_for("coordinator").get(
        f"/information-requests/new/for-case/{case.id}/before-review/"
    )
    offered = max(TODAY, case.next_review_due - timedelta(days=7))
    assert f'value="{offered.day}/{offered.month}/{offered.year}"' in page.content.decode()


def test_a_practitioner_who_is_not_the_officer_is_refused_and_outsiders_get_404(users, client_for):
    url = f"/information-requests/new/for-case/{smith().id}/"
    assert client_for("police.ppu").get(url).status_code == 403
    assert client_for("outsider.police").get(url).status_code == 404
    assert client_for("probation.om").get(url).status_code == 200


def test_at_screening_the_request_is_on_the_person_s_case(users, client_for):
    case = smith()
    referral = submitted(users["police.ppu"], nominal=case.nominal)
    screen = client_for("coordinator").get(f"/referrals/{referral.id}/screen/").content.decode()
    url = f"/information-requests/new/at-screening/{referral.id}/"
    assert url in screen
    response = client_for("coordinator").post(url, form(users))
    assert response.url == f"/referrals/{referral.id}/screen/"
    found = InformationRequest.objects.get()
    assert (found.case_id, found.occasion, found.referral_id) == (case.id, "screening", referral.id)


def test_the_agency_sees_only_what_it_needs_and_answers(users, client_for):
    found = ask(users)
    client = client_for("housing.officer")
    page = client.get(f"/information-requests/{found.id}/").content.decode()
    assert "John Paul Smith" in page and "2 March 1984" in page and QUESTION in page
    assert "Open the case" not in page and "Level" not in page and "X123456" not in page
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ,
        subject=found.case_id,
        actor=users["housing.officer"],
    ).exists()
    response = client.post(
        f"/information-requests/{found.id}/", {"version": "1", "answer": "Known there"}
    )
    assert response.status_code == 302
    found.refresh_from_db()
    assert (found.status, found.answered_by) == (Status.ANSWERED, users["housing.officer"])
    case_page = client_for("coordinator").get(f"/cases/{found.case_id}/").content.decode()
    assert "Known there" in case_page


def test_a_stale_answer_is_refused_on_the_page(users, client_for):
    found = ask(users, agency=users["police.ppu"].agency)
    client_for("police.ppu").post(
        f"/information-requests/{found.id}/", {"version": "1", "answer": "First"}
    )
    found.status = Status.OPEN
    InformationRequest.objects.filter(id=found.id).update(status=Status.OPEN)
    page = client_for("marac.coordinator").post(
        f"/information-requests/{found.id}/", {"version": "1", "answer": "Second"}
    )
    assert "while you were editing it" in page.content.decode()
    found.refresh_from_db()
    assert found.answer == "First"


def test_declining_from_its_page(users, client_for):
    found = ask(users)
    client = client_for("housing.officer")
    url = f"/information-requests/{found.id}/decline/"
    empty = client.post(url, {"version": "1", "decline_reason": ""})
    assert "Enter why your agency declines" in empty.content.decode()
    client.post(url, {"version": "1", "decline_reason": "Not held"})
    found.refresh_from_db()
    assert (found.status, found.decline_reason) == (Status.DECLINED, "Not held")


def test_the_request_page_is_404_outside_scope(users, client_for):
    found = ask(users)
    for name in ("outsider.police", "mash.manager"):
        assert client_for(name).get(f"/information-requests/{found.id}/").status_code == 404
    assert client_for("lay.adviser").get(f"/information-requests/{found.id}/").status_code == 404


def test_the_dashboards_list_open_requests_with_their_status(users, client_for):
    overdue = ask(users, due_on=TODAY)
    InformationRequest.objects.filter(id=overdue.id).update(due_on=TODAY - timedelta(days=2))
    ask(users, due_on=TODAY + timedelta(days=20))
    coordinator = client_for("coordinator").get("/dashboard/").content.decode()
    assert 'data-testid="request-rag-red">Overdue: 1' in coordinator
    assert 'data-testid="request-rag-green">On track: 1' in coordinator
    assert "asked of Housing authority" in coordinator
    housing = client_for("housing.officer").get("/dashboard/").content.decode()
    assert "asked by" in housing and "All 2 information requests" in housing
    police = client_for("police.ppu").get("/dashboard/").content.decode()
    assert "There are no information requests for your agency." in police


def test_the_list_page(users, client_for):
    ask(users)
    coordinator = client_for("coordinator").get("/information-requests/").content.decode()
    assert 'data-testid="requests-asked"' in coordinator
    housing = client_for("housing.officer").get("/information-requests/").content.decode()
    assert 'data-testid="requests-to-answer"' in housing and "requests-asked" not in housing


def test_at_screening_a_person_without_an_open_case_is_asked_about_on_the_referral(
    users, client_for
):
    case = smith()
    referral = submitted(users["police.ppu"], nominal=case.nominal)
    type(case).objects.filter(id=case.id).update(closed_on=TODAY)
    page = client_for("coordinator").get(f"/information-requests/new/at-screening/{referral.id}/")
    assert page.status_code == 200
    assert 'data-testid="at-screening-no-case"' in page.content.decode()
    # Once the referral is decided without a case, nothing can be asked on it.
    type(referral).objects.filter(id=referral.id).update(status="declined")
    page = client_for("coordinator").get(f"/information-requests/new/at-screening/{referral.id}/")
    assert 'data-testid="no-case"' in page.content.decode()
    # The route is the screener's: anyone else is refused before any referral is looked up.
    assert (
        client_for("outsider.police")
        .get(f"/information-requests/new/at-screening/{referral.id}/")
        .status_code
        == 403
    )


def test_a_closed_case_offers_no_request(users, client_for):
    case = smith()
    type(case).objects.filter(id=case.id).update(closed_on=TODAY)
    page = client_for("coordinator").get(f"/cases/{case.id}/").content.decode()
    assert f"/information-requests/new/for-case/{case.id}/" not in page
