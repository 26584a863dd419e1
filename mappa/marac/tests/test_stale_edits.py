"""Two people edit the same MARAC case's IDVA, safety plan or action: the second save is
refused, naming the first, and the second's input stays on the form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.marac.models import MaracAction, MaracCase
from mappa.marac.services import casework
from mappa.marac.tests.dashes import referred
from tests.stale import assert_refused, colleague, loaded_version, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(demo):
    return referred(demo["police.ppu"])


@pytest.fixture
def coordinators(demo, signed_in):
    coordinator = demo["marac.coordinator"]
    other = colleague(coordinator, first_name="Ola", last_name="Berg")
    return coordinator, signed_in("marac.coordinator"), signed_in_client(other)


def test_a_second_save_of_the_idva_is_refused_and_keeps_its_input(case, coordinators):
    coordinator, first, second = coordinators
    url = f"/marac/cases/{case.id}/idva/"
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))
    idva = {"organisation": "Women's Aid", "allocated_on": "20/11/2026"}

    saved = first.post(url, idva | {"name": "Sam Okafor", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(url, idva | {"name": "Jo Whitlock", "version": second_version})

    assert_refused(refused, by=coordinator, kept=["Jo Whitlock"])
    assert MaracCase.objects.get(id=case.id).idva_name == "Sam Okafor"


def plan_version(response) -> str:
    """The hidden `based_on` a safety plan page handed out ("" before the first plan)."""
    page = response.content.decode()
    marker = 'name="based_on"'
    assert marker in page
    tag = page[page.rindex("<input", 0, page.index(marker)) : page.index(">", page.index(marker))]
    return tag.split('value="')[1].split('"')[0] if 'value="' in tag else ""


def test_a_safety_plan_saved_from_an_old_version_is_refused_and_keeps_its_input(case, coordinators):
    coordinator, first, second = coordinators
    casework.save_safety_plan(
        actor=coordinator,
        case=case,
        based_on=None,
        measures="Locks changed",
        agreed_on=timezone.localdate(),
    )
    url = f"/marac/cases/{case.id}/safety-plan/"
    first_version = plan_version(first.get(url))
    second_version = plan_version(second.get(url))
    assert first_version == second_version == "1"
    day = timezone.localdate().strftime("%d/%m/%Y")

    saved = first.post(
        url, {"measures": "Locks; panic alarm", "agreed_on": day, "based_on": first_version}
    )
    assert saved.status_code == 302
    refused = second.post(
        url, {"measures": "Locks; Sanctuary scheme", "agreed_on": day, "based_on": second_version}
    )

    assert_refused(refused, by=coordinator, kept=["Locks; Sanctuary scheme"])
    assert case.safety_plans.count() == 2
    assert case.safety_plans.first().measures == "Locks; panic alarm"


def test_the_first_safety_plan_cannot_be_saved_twice_from_an_empty_page(case, coordinators):
    coordinator, first, second = coordinators
    url = f"/marac/cases/{case.id}/safety-plan/"
    assert plan_version(first.get(url)) == plan_version(second.get(url)) == ""
    day = timezone.localdate().strftime("%d/%m/%Y")
    assert first.post(url, {"measures": "Locks", "agreed_on": day}).status_code == 302
    refused = second.post(url, {"measures": "Refuge place", "agreed_on": day})
    assert_refused(refused, by=coordinator, kept=["Refuge place"])
    assert case.safety_plans.count() == 1


def test_a_second_update_of_an_action_is_refused_and_keeps_its_input(demo, case, coordinators):
    coordinator, first, second = coordinators
    action = casework.add_action(
        actor=coordinator,
        case=case,
        description="Fit a fire-proof letterbox",
        owner_agency=demo["housing.officer"].agency,
        due_on=timezone.localdate() + timedelta(days=7),
    )
    url = f"/marac/actions/{action.id}/"
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))

    saved = first.post(url, {"status": "completed", "update": "Fitted", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(
        url, {"status": "open", "update": "Booked for Friday", "version": second_version}
    )

    assert_refused(refused, by=coordinator, kept=["Booked for Friday"])
    assert MaracAction.objects.get(id=action.id).update == "Fitted"


def test_a_second_answer_to_a_research_request_is_refused_naming_the_first(demo, case, signed_in):
    from mappa.marac.services import meetings
    from mappa.marac.tests.test_meetings import schedule

    coordinator, housing = demo["marac.coordinator"], demo["housing.officer"]
    meeting = schedule(coordinator)[0]
    item = meetings.list_case(actor=coordinator, case=case, meeting=meeting)
    (asked,) = meetings.request_research(actor=coordinator, item=item, agencies=[housing.agency])
    url = f"/marac/research/{asked.id}/"
    first = signed_in("housing.officer")
    second = signed_in_client(colleague(housing, first_name="Nia", last_name="Jones"))
    assert "What your agency knows" in first.get(url).content.decode()
    assert "What your agency knows" in second.get(url).content.decode()

    assert first.post(url, {"response": "Tenant since 2019"}).status_code == 302
    refused = second.post(url, {"response": "No record held"})

    page = refused.content.decode()
    assert "govuk-error-summary" in page and "Imran Malik has already answered" in page
    assert "No record held" in page
    asked.refresh_from_db()
    assert asked.response == "Tenant since 2019" and asked.responded_by == housing
