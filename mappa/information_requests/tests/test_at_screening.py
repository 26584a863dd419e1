"""Requests raised at screening before the person has an open case (issue 18): they belong to
the referral, are seen by whoever may see the referral (the agency asked sees only the person's
name, date of birth and the question), move onto the case screening opens, and are withdrawn
when the referral closes without one."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.test import Client
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.information_requests import queries, rules, services
from mappa.information_requests.constants import Basis, Occasion, Status
from mappa.information_requests.models import InformationRequest
from mappa.information_requests.notices import WITHDRAWN_SUBJECT
from mappa.information_requests.tests.records import PURPOSE, QUESTION, agency, ask, smith
from mappa.referrals import services as referrals
from mappa.referrals.constants import Outcome
from mappa.referrals.forms import ADD_TO_REGISTER
from mappa.referrals.tests.drafts import submitted

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
URL = "/api/v1/information-requests/"


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


@pytest.fixture
def referral(users):
    """Mr Fenwick, not on the register: a category 3 referral by probation, being screened."""
    return submitted(users["probation.om"])


def at_screening(users, referral, **overrides):
    arguments = {
        "actor": users["coordinator"],
        "agency": users["housing.officer"].agency,
        "basis": Basis.DUTY_TO_COOPERATE,
        "purpose": PURPOSE,
        "question": QUESTION,
        "due_on": TODAY + timedelta(days=10),
        "referral": referral,
        "occasion": Occasion.SCREENING,
    } | overrides
    return services.raise_request(**arguments)


def finds(user, found) -> bool:
    try:
        queries.get_request(user, found.id)
    except Http404:
        return False
    return True


def sign_in(username) -> Client:
    client = Client()
    client.post("/sign-in/", {"username": username, "password": demo_secret(username)})
    return client


def test_a_request_is_raised_on_a_referral_without_a_case(users, referral):
    found = at_screening(users, referral)
    found.refresh_from_db()
    assert (found.case_id, found.referral_id, found.status) == (None, referral.id, Status.OPEN)
    assert "Fenwick" in found.person_name
    assert found.person_date_of_birth.isoformat() == "1984-05-02"
    event = AuditEvent.objects.get(event_type=EventType.INFORMATION_REQUEST_RAISED)
    assert event.subject == referral.id


def test_the_database_refuses_a_request_on_neither_case_nor_referral(users, referral):
    found = at_screening(users, referral)
    with pytest.raises(IntegrityError), transaction.atomic():
        InformationRequest.objects.filter(id=found.id).update(referral=None)


def test_only_the_area_s_screener_asks_and_only_while_at_screening(users, referral):
    with pytest.raises(ValidationError) as refused:
        at_screening(users, referral, actor=users["probation.om"])
    assert "referral" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        at_screening(users, None)
    assert "case" in refused.value.message_dict
    referrals.screen(
        actor=users["coordinator"], referral=referral, outcome=Outcome.DECLINED, rationale="No"
    )
    with pytest.raises(ValidationError) as refused:
        at_screening(users, referral)
    assert refused.value.message_dict["referral"] == ["This referral is no longer at screening"]
    assert not InformationRequest.objects.exists()


def test_the_requests_move_onto_the_case_screening_opens(users, referral):
    found = at_screening(users, referral)
    answered = at_screening(users, referral, agency=agency("Police"))
    answered.status = Status.ANSWERED
    answered.save(update_fields=["status"])
    referrals.screen(
        actor=users["coordinator"],
        referral=referral,
        outcome=Outcome.LEVEL_2,
        rationale="Needs housing input",
        lead_agency="probation",
        nominal=ADD_TO_REGISTER,
    )
    referral.refresh_from_db()
    assert referral.case_id is not None
    found.refresh_from_db()
    answered.refresh_from_db()
    assert (found.case_id, found.status, found.referral_id) == (
        referral.case_id,
        Status.OPEN,
        referral.id,
    )
    assert answered.case_id == referral.case_id
    moved = AuditEvent.objects.filter(event_type=EventType.INFORMATION_REQUEST_MOVED_TO_CASE)
    assert {event.subject for event in moved} == {referral.case_id}
    assert {event.payload["request"] for event in moved} == {str(found.id), str(answered.id)}
    assert list(queries.of_case(referral.case)) == sorted(
        [found, answered], key=lambda r: (r.due_on, r.requested_at)
    )


def test_a_return_for_information_leaves_them_on_the_referral(users, referral):
    found = at_screening(users, referral)
    referrals.screen(
        actor=users["coordinator"],
        referral=referral,
        outcome=Outcome.RETURNED,
        missing_information="The address",
    )
    found.refresh_from_db()
    assert (found.case_id, found.status) == (None, Status.OPEN)


@pytest.mark.parametrize("closing", ["declined", "withdrawn by the referrer"])
def test_closing_the_referral_without_a_case_withdraws_them_and_tells_the_agency(
    users, referral, closing, django_capture_on_commit_callbacks
):
    found = at_screening(users, referral)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if closing == "declined":
            referrals.screen(
                actor=users["coordinator"],
                referral=referral,
                outcome=Outcome.DECLINED,
                rationale="Not eligible",
            )
        else:
            referrals.withdraw(actor=users["probation.om"], referral=referral)
    found.refresh_from_db()
    assert (found.status, found.case_id) == (Status.WITHDRAWN, None)
    assert found.withdrawal_reason == "the referral was closed without a MAPPA case"
    assert found.version == 2
    event = AuditEvent.objects.get(event_type=EventType.INFORMATION_REQUEST_WITHDRAWN)
    assert event.subject == referral.id
    told = [message for message in mail.outbox if message.subject == WITHDRAWN_SUBJECT]
    assert [message.to for message in told] == [["housing.officer@demo.mappa.invalid"]]
    body = told[0].body
    assert f"/information-requests/{found.id}/" in body and "Fenwick" not in body
    assert not queries.to_answer(users["housing.officer"]).exists()


def test_whoever_may_see_the_referral_sees_it_and_the_agency_only_what_it_needs(users, referral):
    found = at_screening(users, referral)
    assert finds(users["coordinator"], found) and queries.sees_case(users["coordinator"], found)
    assert finds(users["housing.officer"], found)
    assert not queries.sees_case(users["housing.officer"], found)
    # Outside the area, lay advisers, sysadmin, the board, an agency not asked: a 404.
    for name in ("outsider.police", "lay.adviser", "sysadmin", "smb.member", "police.ppu"):
        assert not finds(users[name], found), name
    assert list(queries.open_in_area(users["coordinator"])) == [found]
    page = sign_in("housing.officer").get(f"/information-requests/{found.id}/")
    text = page.content.decode()
    assert "Fenwick" in text and "2 May 1984" in text and QUESTION in text
    assert "Open the referral" not in text and "Open the case" not in text
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=referral.id, actor=users["housing.officer"]
    ).exists()
    assert sign_in("outsider.police").get(f"/information-requests/{found.id}/").status_code == 404
    coordinator = sign_in("coordinator").get(f"/information-requests/{found.id}/")
    assert "Open the referral" in coordinator.content.decode()


def test_a_category_4_referral_reaches_only_cleared_people(users, referral):
    found = at_screening(users, referral)
    type(referral).objects.filter(id=referral.id).update(category=4)
    housing = users["housing.officer"]
    assert not finds(housing, found)
    housing.terrorism_clearance = True
    housing.save(update_fields=["terrorism_clearance"])
    assert finds(housing, found)


def test_the_screening_page_raises_one_on_the_referral(users, referral):
    client = sign_in("coordinator")
    screen = client.get(f"/referrals/{referral.id}/screen/").content.decode()
    url = f"/information-requests/new/at-screening/{referral.id}/"
    assert url in screen
    page = client.get(url).content.decode()
    assert 'data-testid="at-screening-no-case"' in page and "Fenwick" in page
    response = client.post(
        url,
        {
            "agency": str(users["housing.officer"].agency_id),
            "addressed_to": "",
            "basis": "duty_to_cooperate",
            "purpose": "To assess the risk",
            "question": QUESTION,
            "due_on": f"{TODAY + timedelta(days=5):%d/%m/%Y}",
        },
    )
    assert response.url == f"/referrals/{referral.id}/screen/"
    found = InformationRequest.objects.get()
    assert (found.case_id, found.referral_id, found.occasion) == (None, referral.id, "screening")
    bad = client.post(url, {"agency": "", "basis": "duty_to_cooperate", "question": "x"})
    assert bad.status_code == 200 and "Select the agency asked" in bad.content.decode()
    assert InformationRequest.objects.count() == 1
    # Another practitioner is refused; another area finds no referral.
    assert sign_in("probation.om").get(url).status_code == 403
    assert sign_in("outsider.police").get(url).status_code in (403, 404)


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def test_the_api_raises_one_on_a_referral_and_refuses_a_bad_combination(users, referral):
    body = {
        "referral": str(referral.id),
        "occasion": "screening",
        "agency": str(users["housing.officer"].agency_id),
        "basis": "duty_to_cooperate",
        "purpose": "To assess the risk",
        "question": QUESTION,
        "due_on": f"{TODAY + timedelta(days=7):%Y-%m-%d}",
    }
    raised = api("coordinator").post(URL, body, content_type="application/json")
    assert raised.status_code == 201, raised.content
    assert raised.json()["case"] is None and raised.json()["referral"] == str(referral.id)
    assert "Fenwick" in raised.json()["person"]
    agency_view = api("housing.officer").get(f"{URL}{raised.json()['id']}/").json()
    assert (agency_view["case"], agency_view["referral"]) == (None, None)
    assert agency_view["question"] == QUESTION
    no_case = {k: v for k, v in body.items() if k != "referral"}
    refused = api("coordinator").post(URL, no_case, content_type="application/json")
    assert refused.status_code == 400
    assert [error["field"] for error in refused.json()["errors"]] == ["case"]
    wrong = api("coordinator").post(
        URL, body | {"occasion": "case"}, content_type="application/json"
    )
    assert wrong.status_code == 400
    assert [error["field"] for error in wrong.json()["errors"]] == ["occasion"]
    other = api("outsider.police").post(URL, body, content_type="application/json")
    assert other.status_code in (403, 404)
    assert InformationRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("status", "case_opened", "fate"),
    [
        # MAPPA Guidance ch.9, 9.2: the case keeps what was shared for it.
        ("accepted", True, rules.MOVE_TO_CASE),
        # CJA 2003 s.325(4): with no MAPPA case there is nothing to share for.
        ("declined", False, rules.WITHDRAW),
        ("withdrawn", False, rules.WITHDRAW),
        # MAPPA Guidance ch.7: returned for information, the referral is still at screening.
        ("returned", False, None),
        ("submitted", False, None),
    ],
)
def test_what_becomes_of_a_referral_s_requests(status, case_opened, fate):
    assert rules.on_referral_concluded(status=status, case_opened=case_opened) == fate


@pytest.mark.parametrize(
    ("status", "takes"),
    [("submitted", True), ("returned", True), ("draft", False), ("declined", False)],
)
def test_a_referral_takes_requests_only_at_screening(status, takes):
    # MAPPA Guidance ch.7: screening gathers what is needed to decide the referral.
    assert rules.referral_takes_requests(status=status) is takes


def test_a_request_on_the_case_is_unchanged_by_the_referral(users):
    case = smith()
    referral = submitted(users["police.ppu"], nominal=case.nominal)
    found = ask(users, referral=referral, occasion=Occasion.SCREENING)
    referrals.screen(
        actor=users["coordinator"], referral=referral, outcome=Outcome.DECLINED, rationale="No"
    )
    found.refresh_from_db()
    assert (found.case_id, found.status) == (case.id, Status.OPEN)
