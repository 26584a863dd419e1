"""The case page's management pages: change the category or level, name the responsible officer,
close the case. Each is reached from the case page, scoped (404 outside), records the read and
refuses a stale save naming who saved first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PAGES = ["decision", "officer", "close"]


@pytest.fixture
def smith(demo):
    load_demo()
    return MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")


def decision(case, **overrides) -> dict:
    return {
        "version": case.nominal.version,
        "category": "1",
        "level": "3",
        "source": "meeting",
        "decided_on": f"{TODAY - timedelta(days=1):%d/%m/%Y}",
        "rationale": "New partner with a child under 10",
    } | overrides


def test_every_demo_case_names_its_responsible_officer(smith, demo):
    open_cases = MappaCase.objects.filter(closed_on__isnull=True)
    assert open_cases.count() == 6
    assert not open_cases.filter(responsible_officer__isnull=True).exists()
    assert smith.responsible_officer == demo["probation.om"]


def test_the_case_page_links_to_each_change_for_those_who_manage_cases(smith, signed_in):
    page = signed_in("probation.om").get(f"/cases/{smith.id}/").text
    assert "Tom Adeyemi, Probation" in page
    for address in PAGES:
        assert f'href="/cases/{smith.id}/{address}/"' in page
    # A chair sees the case but does not manage it between meetings.
    page = signed_in("chair.police").get(f"/cases/{smith.id}/").text
    assert "Tom Adeyemi, Probation" in page
    assert not any(f"/cases/{smith.id}/{address}/" in page for address in PAGES)


def test_a_practitioner_changes_the_level_and_the_level_history_shows_who_when_and_why(
    smith, signed_in
):
    client = signed_in("probation.om")
    form = client.get(f"/cases/{smith.id}/decision/")
    assert form.status_code == 200
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ,
        subject=smith.id,
        payload__content="MAPPA case, category and level form",
    ).exists()
    response = client.post(f"/cases/{smith.id}/decision/", decision(smith), follow=True)
    assert response.redirect_chain == [(f"/cases/{smith.id}/", 302)]
    assert "Decision recorded: category 1, level 3" in response.text
    history = response.text.split('data-testid="level-history"')[1].split("</table>")[0]
    assert "Level 3" in history and "Tom Adeyemi, Probation" in history
    assert "New partner with a child under 10" in history


def test_a_decision_against_the_rules_is_shown_on_the_form_and_changes_nothing(smith, signed_in):
    response = signed_in("probation.om").post(
        f"/cases/{smith.id}/decision/", decision(smith, category="3", level="1")
    )
    assert response.status_code == 200
    assert "A category 3 case cannot be managed at level 1" in response.text
    assert "govuk-error-summary" in response.text
    smith.refresh_from_db()
    assert (smith.category, smith.level) == (1, 2)


def test_category_4_is_not_offered_without_terrorism_clearance(smith, signed_in):
    client = signed_in("probation.om")
    page = client.get(f"/cases/{smith.id}/decision/").text
    assert "Category 4" not in page
    response = client.post(f"/cases/{smith.id}/decision/", decision(smith, category="4"))
    assert "Select a valid choice" in response.text
    smith.refresh_from_db()
    assert smith.category == 1


def test_a_stale_save_is_refused_naming_who_saved_first_and_keeps_what_was_typed(smith, signed_in):
    first, second = signed_in("police.ppu"), signed_in("probation.om")
    started = decision(smith)
    first.post(f"/cases/{smith.id}/decision/", started)
    response = second.post(
        f"/cases/{smith.id}/decision/",
        started | {"level": "1", "rationale": "Settled and compliant"},
    )
    assert response.status_code == 200
    assert "This person record was changed by Dana Whitfield" in response.text
    assert "Settled and compliant" in response.text
    smith.refresh_from_db()
    assert smith.level == 3


def test_the_officer_is_changed_from_the_lead_agencys_practitioners(smith, demo, signed_in):
    walsh = MappaCase.objects.select_related("nominal").get(nominal__surname="Walsh")  # police
    client = signed_in("coordinator")
    page = client.get(f"/cases/{walsh.id}/officer/").text
    assert "Dana Whitfield, Police" in page and "Tom Adeyemi" not in page
    response = client.post(
        f"/cases/{walsh.id}/officer/",
        {"version": walsh.nominal.version, "officer": str(demo["probation.om"].uuid)},
    )
    assert "Select the responsible officer from the list" in response.text
    response = client.post(
        f"/cases/{walsh.id}/officer/",
        {"version": walsh.nominal.version, "officer": str(demo["police.ppu"].uuid)},
    )
    assert "Dana Whitfield is already named" in response.text


def test_closing_the_case_from_its_page_shows_the_reason_and_date(smith, signed_in):
    client = signed_in("coordinator")
    response = client.post(
        f"/cases/{smith.id}/close/",
        {
            "version": smith.nominal.version,
            "reason": "eligibility_ended",
            "explanation": "",
            "closed_on": f"{TODAY:%d/%m/%Y}",
        },
        follow=True,
    )
    assert response.redirect_chain == [(f"/cases/{smith.id}/", 302)]
    closure = response.text.split('data-testid="closure"')[1].split("</dd>")[0]
    assert f"Closed on {TODAY.day} {TODAY:%B %Y}" in closure
    assert "Eligibility ended" in closure
    assert f"/cases/{smith.id}/close/" not in response.text
    for address in PAGES:
        closed = client.get(f"/cases/{smith.id}/{address}/")
        assert closed.status_code == 409
        assert "This case is closed" in closed.text


def test_closing_for_another_reason_asks_for_the_explanation(smith, signed_in):
    response = signed_in("coordinator").post(
        f"/cases/{smith.id}/close/",
        {"version": smith.nominal.version, "reason": "other", "closed_on": f"{TODAY:%d/%m/%Y}"},
    )
    assert "Explain why the case is closing" in response.text
    smith.refresh_from_db()
    assert smith.closed_on is None


@pytest.mark.parametrize("address", PAGES)
@pytest.mark.parametrize("username", ["outsider.police", "lay.adviser", "housing.officer"])
def test_the_pages_are_a_404_outside_the_case_and_to_lay_advisers(
    smith, signed_in, address, username
):
    client = signed_in(username)
    url = f"/cases/{smith.id}/{address}/"
    expected = 403 if username == "housing.officer" else 404
    assert client.get(url).status_code == expected
    assert client.post(url, decision(smith)).status_code == expected
    smith.refresh_from_db()
    assert (smith.level, smith.closed_on) == (2, None)


def test_a_role_that_does_not_manage_cases_is_refused(smith, signed_in):
    assert signed_in("chair.police").get(f"/cases/{smith.id}/decision/").status_code == 403
