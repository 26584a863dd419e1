"""The public application forms: a valid one lands in the area's queue with a reference and
echoes back no personal data; a bad one shows GOV.UK error summaries and stores nothing; too
many from one address in a minute are refused politely; a forged post is refused."""

import pytest
from django.core.cache import caches
from django.test import Client

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.disclosures.models import SchemeApplication

pytestmark = pytest.mark.django_db

CSODS_URL = "/public/apply/child-sex-offender-disclosure/"
DVDS_URL = "/public/apply/domestic-violence-disclosure/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def csods_answers(demo_area) -> dict:
    return {
        "area": str(demo_area.id),
        "applicant_name": "Sam Uniquename",
        "applicant_relationship": "Grandparent",
        "applicant_phone": "07700 900123",
        "applicant_email": "",
        "safe_contact": "Text first",
        "at_risk": "Lily, aged 6",
        "subject_name": "John Smith",
        "subject_other_names": "",
        "subject_date_of_birth": "2/3/1984",
        "subject_address": "",
        "subject_contact": "New partner of Lily's mother",
        "concern": "He will not say why he moved here",
    }


@pytest.fixture
def demo_area(demo):
    return demo["disclosure.officer"].area


def test_an_application_lands_in_the_areas_queue_and_only_the_reference_is_shown(demo_area):
    client = Client()
    response = client.post(CSODS_URL, csods_answers(demo_area), follow=True)
    application = SchemeApplication.objects.get()
    assert application.area == demo_area and application.scheme == "csods"
    assert application.subject_date_of_birth.isoformat() == "1984-03-02"
    content = response.content.decode()
    assert application.reference in content
    for personal in ("Sam Uniquename", "John Smith", "07700", "Lily"):
        assert personal not in content
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(event_type=EventType.APPLICATION_RECEIVED).count() == 1
    again = client.get("/public/apply/sent/")
    assert again.status_code == 302, "the reference is shown once"


def test_a_domestic_violence_application_records_whether_the_applicant_is_at_risk(demo_area):
    answers = csods_answers(demo_area) | {"applicant_is_at_risk": "yes", "at_risk": "me"}
    del answers["applicant_relationship"]
    Client().post(DVDS_URL, answers)
    application = SchemeApplication.objects.get()
    assert application.scheme == "dvds" and application.applicant_is_at_risk is True
    assert application.due_on > application.received_on


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"applicant_name": ""}, "Enter your full name"),
        ({"applicant_phone": "", "applicant_email": ""}, "Enter a phone number or an email"),
        ({"applicant_email": "not-an-address", "applicant_phone": ""}, "Enter an email address"),
        ({"subject_date_of_birth": "31/2/1984"}, "must be a real date"),
        ({"area": "not-an-area"}, "Choose the area the application is about"),
        ({"concern": ""}, "Enter why you are worried about the person"),
    ],
)
def test_missing_or_malformed_answers_show_an_error_summary_and_store_nothing(
    demo_area, change, message
):
    response = Client().post(CSODS_URL, csods_answers(demo_area) | change)
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content and message in content
    assert not SchemeApplication.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.APPLICATION_RECEIVED).exists()


def test_more_applications_than_allowed_a_minute_from_one_address_are_refused_politely(
    demo_area, settings
):
    settings.MAPPA_PUBLIC_APPLICATIONS_PER_MINUTE = 2
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(2):
        assert client.post(CSODS_URL, csods_answers(demo_area)).status_code == 302
    refused = client.post(DVDS_URL, csods_answers(demo_area) | {"applicant_is_at_risk": "no"})
    assert refused.status_code == 429
    assert b"Please wait a minute" in refused.content
    assert SchemeApplication.objects.count() == 2
    other = Client(REMOTE_ADDR="203.0.113.8")
    assert other.post(CSODS_URL, csods_answers(demo_area)).status_code == 302


def test_a_forged_post_without_the_csrf_token_is_refused(demo_area):
    client = Client(enforce_csrf_checks=True)
    response = client.post(CSODS_URL, csods_answers(demo_area))
    assert response.status_code == 403
    assert not SchemeApplication.objects.exists()


def test_a_post_from_a_no_referrer_page_passes_with_its_token_but_not_without(demo_area):
    client = Client(enforce_csrf_checks=True)
    client.get(CSODS_URL)
    token = client.cookies["csrftoken"].value
    answers = csods_answers(demo_area)
    assert client.post(CSODS_URL, answers, HTTP_ORIGIN="null").status_code == 403
    response = client.post(CSODS_URL, answers | {"csrfmiddlewaretoken": token}, HTTP_ORIGIN="null")
    assert response.status_code == 302
    other_site = client.post(
        CSODS_URL, answers | {"csrfmiddlewaretoken": token}, HTTP_ORIGIN="https://evil.example"
    )
    assert other_site.status_code == 403
