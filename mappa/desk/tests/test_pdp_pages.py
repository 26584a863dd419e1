"""The potentially dangerous person's pages: proposed from the person page by a police
practitioner, decided with the officer's rank, reviewed, and moved into MAPPA by the co-ordinator
when a conviction makes the person eligible. Scoped (404 outside the area), read audited, a stale
save refused, bad input named with nothing changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.constants import CaseKind
from mappa.cases.models import MappaCase
from mappa.cases.tests.factories import convict, create_nominal

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = f"{TODAY:%d/%m/%Y}"


def propose(client, nominal):
    nominal.refresh_from_db()
    data = {"version": nominal.version, "grounds": "Threats to kill a former partner"}
    return client.post(f"/people/{nominal.id}/pdp/propose/", data, follow=True)


def decision(case, **overrides) -> dict:
    case.nominal.refresh_from_db()
    return {
        "version": case.nominal.version,
        "manage": "yes",
        "rank": "inspector",
        "rationale": "Present likelihood of serious harm",
        "decided_on": DAY,
    } | overrides


@pytest.fixture
def proposed(signed_in):
    client = signed_in("police.ppu")
    nominal = create_nominal()
    propose(client, nominal)
    return client, MappaCase.objects.select_related("nominal").get(nominal=nominal)


def test_a_police_practitioner_proposes_a_pdp_from_the_person_page(signed_in):
    client = signed_in("police.ppu")
    nominal = create_nominal()
    page = client.get(f"/people/{nominal.id}/").text
    assert f'href="/people/{nominal.id}/pdp/propose/"' in page
    form = client.get(f"/people/{nominal.id}/pdp/propose/")
    assert form.status_code == 200
    response = propose(client, nominal)
    case = MappaCase.objects.get(nominal=nominal)
    assert response.redirect_chain == [(f"/cases/{case.id}/", 302)]
    assert "Potentially dangerous person (not MAPPA): Test" in response.text
    assert "Proposed: awaiting the police decision" in response.text
    assert "Threats to kill a former partner" in response.text
    person = client.get(f"/people/{nominal.id}/").text
    assert 'data-testid="person-case-kind"' in person


def test_an_eligible_person_cannot_be_proposed_and_is_pointed_to_a_mappa_referral(signed_in):
    client = signed_in("police.ppu")
    nominal = create_nominal()
    convict(nominal)
    person = client.get(f"/people/{nominal.id}/").text
    assert "is eligible for MAPPA (category 1)" in person
    assert f'href="/people/{nominal.id}/pdp/propose/"' not in person
    response = propose(client, nominal)
    assert response.status_code == 409
    assert "eligible for MAPPA (category 1)" in response.text
    assert f"?person={nominal.id}" in response.text and "Refer them to MAPPA" in response.text
    assert not MappaCase.objects.filter(nominal=nominal).exists()


def test_only_police_practitioners_are_offered_the_proposal(signed_in):
    nominal = create_nominal()
    for who in ("probation.om", "coordinator"):
        page = signed_in(who).get(f"/people/{nominal.id}/").text
        assert "/pdp/propose/" not in page


def test_the_decision_page_records_the_rank_and_a_missing_rank_changes_nothing(proposed):
    client, case = proposed
    page = client.get(f"/cases/{case.id}/").text
    assert f'href="/cases/{case.id}/pdp/decision/"' in page
    response = client.post(f"/cases/{case.id}/pdp/decision/", decision(case, rank=""))
    assert response.status_code == 200 and "Select your rank" in response.text
    case.refresh_from_db()
    assert case.start_date is None
    response = client.post(f"/cases/{case.id}/pdp/decision/", decision(case), follow=True)
    assert "The first review is due by" in response.text
    assert "Decided: manage as a potentially dangerous person" in response.text
    assert "Inspector" in response.text
    case.refresh_from_db()
    assert case.start_date == TODAY
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=case.id, payload__content="PDP case, decision form"
    ).exists()  # fmt: skip


def test_a_stale_decision_is_refused_naming_who_saved_first(proposed):
    client, case = proposed
    stale = decision(case)
    client.post(f"/cases/{case.id}/pdp/decision/", decision(case))
    case.refresh_from_db()
    data = {**stale, "carry_on": "yes", "held_on": DAY}
    response = client.post(f"/cases/{case.id}/pdp/review/", data)
    assert response.status_code == 200
    assert "your changes have not been saved" in response.text
    assert f"changed by {case.nominal.changed_by.get_full_name()}" in response.text
    assert case.pdp_decisions.count() == 2  # the proposal and the decision: no review


def test_the_review_page_continues_management(proposed):
    client, case = proposed
    client.post(f"/cases/{case.id}/pdp/decision/", decision(case))
    data = decision(case) | {"carry_on": "yes", "held_on": DAY, "rank": "chief_inspector"}
    response = client.post(f"/cases/{case.id}/pdp/review/", data, follow=True)
    assert "Review recorded. The next review is due by" in response.text
    assert "Reviewed: continue as a potentially dangerous person" in response.text


def test_a_conviction_offers_the_coordinator_the_move_into_mappa(proposed, signed_in):
    client, case = proposed
    client.post(f"/cases/{case.id}/pdp/decision/", decision(case))
    convict(case.nominal)
    police_page = client.get(f"/cases/{case.id}/").text
    assert "Now eligible for MAPPA" in police_page and "category 1" in police_page
    assert f"/cases/{case.id}/pdp/mappa/" not in police_page
    coordinator = signed_in("coordinator")
    page = coordinator.get(f"/cases/{case.id}/").text
    assert f'href="/cases/{case.id}/pdp/mappa/"' in page
    data = {
        "version": decision(case)["version"],
        "level": "2",
        "source": "screening",
        "decided_on": DAY,
        "rationale": "Convicted: multi-agency management needed",
    }
    response = coordinator.post(f"/cases/{case.id}/pdp/mappa/", data, follow=True)
    assert "Now managed under MAPPA: category 1, level 2" in response.text
    assert "MAPPA case: Test" in response.text
    assert "Before MAPPA: managed as a potentially dangerous person" in response.text
    case.refresh_from_db()
    assert case.kind == CaseKind.MAPPA and case.category == 1 and case.level == 2


@pytest.mark.parametrize("address", ["", "pdp/decision/", "pdp/review/", "pdp/mappa/"])
def test_a_pdp_is_not_found_outside_its_area(proposed, signed_in, address):
    _, case = proposed
    assert signed_in("outsider.police").get(f"/cases/{case.id}/{address}").status_code == 404


def test_the_proposal_page_is_not_found_outside_the_area(signed_in):
    nominal = create_nominal()
    assert signed_in("outsider.police").get(f"/people/{nominal.id}/pdp/propose/").status_code == 404


def test_a_lay_adviser_sees_no_pdp(proposed, signed_in):
    _, case = proposed
    response = signed_in("lay.adviser").get(f"/cases/{case.id}/")
    assert response.status_code in (403, 404)
    assert "Threats to kill" not in response.text


def test_a_pdps_review_shows_on_the_dashboards_labelled_like_a_level_1_review(proposed, signed_in):
    client, case = proposed
    client.post(f"/cases/{case.id}/pdp/decision/", decision(case))
    MappaCase.objects.filter(id=case.id).update(next_review_due=TODAY - timedelta(days=2))
    for who in ("coordinator", "police.ppu"):
        page = signed_in(who).get("/dashboard/").text
        row = next(
            r for r in page.split('data-testid="case-row"')[1:] if case.nominal.full_name in r
        )
        assert 'data-testid="pdp-tag"' in row.split("</tr>")[0]
        assert "Overdue" in row.split("</tr>")[0]


def test_the_list_of_open_mappa_cases_leaves_out_pdps(proposed, signed_in):
    _, case = proposed
    page = signed_in("coordinator").get("/cases/open/").text
    assert case.nominal.full_name not in page
