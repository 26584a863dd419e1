"""Issue 16 item 12: research recorded without linking anyone left no way to link the person
later. At the decision the officer can still find the person on the register and link them
(scoped to the area, audited); and the stages read as dates, not ISO strings (item 15)."""

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.disclosures.constants import Stage
from mappa.disclosures.tests.records import create_application, work_to
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(users, signed_in):
    return signed_in("disclosure.officer")


def at_decision(users):
    application = create_application()
    work_to(application, Stage.DECISION, users["disclosure.officer"])
    assert application.stage == Stage.DECISION and not application.links.exists()
    return application


def test_a_person_can_be_found_and_linked_at_the_decision(users, officer):
    application = at_decision(users)
    url = f"/disclosures/applications/{application.id}/decision/"
    page = officer.get(url + "?name=John+Smith")
    assert page.status_code == 200
    assert b'data-testid="link-person"' in page.content
    assert b"John Paul Smith" in page.content
    nominal = Nominal.objects.get(crn="X123456")
    response = officer.post(
        f"/disclosures/applications/{application.id}/link/",
        {"nominal": str(nominal.id), "reason": "Name and date of birth match"},
    )
    assert response.status_code == 302 and response.url == url
    assert list(application.links.values_list("nominal_id", flat=True)) == [nominal.id]
    assert AuditEvent.objects.filter(
        event_type=EventType.APPLICATION_LINKED, subject=application.id
    ).exists()
    # The decision form now offers the linked person.
    page = officer.get(url)
    assert f'<option value="{nominal.id}">John Paul Smith</option>'.encode() in page.content


def test_the_search_at_the_decision_finds_only_the_areas_register(users, officer):
    application = at_decision(users)
    page = officer.get(f"/disclosures/applications/{application.id}/decision/?name=Outside")
    outsiders = Nominal.objects.exclude(area=application.area)
    assert outsiders.exists()
    for nominal in outsiders:
        assert str(nominal.id).encode() not in page.content
        response = officer.post(
            f"/disclosures/applications/{application.id}/link/",
            {"nominal": str(nominal.id), "reason": "Guess"},
        )
        assert response.status_code == 404
    assert not application.links.exists()


def test_the_stages_show_dates_in_words(users, officer):
    application = at_decision(users)
    page = officer.get(f"/disclosures/applications/{application.id}/").content.decode()
    today = timezone.localdate()
    words = f'<dd class="govuk-!-margin-left-0">{today:%-d %B %Y}</dd>'
    assert f"Contacted on</dt>{words}" in page and f"Met on</dt>{words}" in page
    assert f">{today.isoformat()}<" not in page
