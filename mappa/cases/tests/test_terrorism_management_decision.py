"""Recording CT MAPPA or local MAPPA for a category 4 case (MAPPA Guidance para 24.25): the lead
agency decides, local MAPPA needs its reason, and the decision is versioned, audited and scoped."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.agencies.models import User
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.constants import LeadAgency
from mappa.cases.models import MappaCase
from mappa.cases.services import terrorism
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    users = {user.username: user for user in load_demo()}
    case = (
        MappaCase.objects.filter(closed_on__isnull=True, nominal__area__code="DEMO")
        .select_related("nominal")
        .first()
    )
    MappaCase.objects.filter(pk=case.pk).update(category=4, lead_agency=LeadAgency.POLICE)
    User.objects.filter(username__in=["police.ppu", "probation.om"]).update(
        terrorism_clearance=True
    )
    case.refresh_from_db()
    return users, case


def _decide(case, actor, **fields):
    fields = {"management": "ct_mappa", "rationale": "", **fields}
    return terrorism.decide_management(
        actor=actor, case=case, version=case.nominal.version, **fields
    )


def test_the_lead_agency_records_ct_mappa_with_who_decided_and_when(world):
    users, case = world
    police = User.objects.get(username="police.ppu")
    _decide(case, police)
    case.refresh_from_db()
    assert case.terrorism_management == "ct_mappa"
    assert case.terrorism_management_decided_by == police
    assert case.terrorism_management_agency == police.agency
    assert case.terrorism_management_decided_on == timezone.localdate()
    event = AuditEvent.objects.filter(event_type=EventType.CASE_TERRORISM_MANAGEMENT_DECIDED).get()
    assert event.subject == case.id
    assert event.payload == {"management": "ct_mappa", "agency": police.agency.name}


@pytest.mark.parametrize(
    "who, fields, field, message",
    [
        ("probation.om", {}, "management", "lead agency decides"),
        ("police.ppu", {"management": "local_mappa"}, "rationale", "does not relate to terrorism"),
        ("police.ppu", {"management": "national"}, "management", "Choose CT MAPPA or local MAPPA"),
    ],
)
def test_a_decision_that_para_24_25_does_not_allow_is_refused_and_nothing_is_written(
    world, who, fields, field, message
):
    _, case = world
    with pytest.raises(ValidationError) as refused:
        _decide(case, User.objects.get(username=who), **fields)
    assert message in " ".join(refused.value.message_dict[field])
    case.refresh_from_db()
    assert case.terrorism_management == ""
    assert not AuditEvent.objects.filter(
        event_type=EventType.CASE_TERRORISM_MANAGEMENT_DECIDED
    ).exists()


def test_a_decision_made_from_an_old_version_is_refused(world):
    _, case = world
    police = User.objects.get(username="police.ppu")
    stale = case.nominal.version
    _decide(case, police)
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="changed by"):
        terrorism.decide_management(
            actor=police, case=case, version=stale, management="local_mappa", rationale="Why"
        )


def test_the_page_records_local_mappa_with_its_reason(world, signed_in):
    _, case = world
    client = signed_in("police.ppu")
    page = client.get(f"/cases/{case.id}/terrorism-management/")
    assert page.status_code == 200 and "CT MAPPA or local MAPPA" in page.text
    answer = client.post(
        f"/cases/{case.id}/terrorism-management/",
        {
            "version": case.nominal.version,
            "management": "local_mappa",
            "rationale": "The primary risk is to a former partner",
        },
    )
    assert answer.status_code == 302
    shown = client.get(f"/cases/{case.id}/").text
    assert "Local MAPPA, decided by" in shown and "former partner" in shown


def test_the_page_shows_a_refusal_in_the_error_summary(world, signed_in):
    _, case = world
    answer = signed_in("police.ppu").post(
        f"/cases/{case.id}/terrorism-management/",
        {"version": case.nominal.version, "management": "local_mappa", "rationale": ""},
    )
    assert answer.status_code == 200
    assert "govuk-error-summary" in answer.text and "does not relate to terrorism" in answer.text


@pytest.mark.parametrize("who", ["outsider.police", "prison.pom"])
def test_someone_outside_the_case_or_without_clearance_is_told_nothing(world, signed_in, who):
    _, case = world
    answer = signed_in(who).get(f"/cases/{case.id}/terrorism-management/")
    assert answer.status_code == 404
