"""Completing a DASH: section by section, its score and criteria, and the referral made from it."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.marac.constants import CaseStatus, DashStatus
from mappa.marac.models import MaracCase, Victim
from mappa.marac.services import dash as services
from mappa.marac.tests.dashes import CHILD, fill_in, referred

pytestmark = pytest.mark.django_db


def test_a_dash_with_fifteen_yes_answers_refers_the_victim_without_retyping(demo):
    police = demo["police.ppu"]
    case = referred(police, yes=15, children=[CHILD])
    assert case.criteria == ["visible_high_risk"]
    assert case.status == CaseStatus.REFERRED
    assert case.victim.full_name == "Nadia Brooks"
    assert case.victim.safe_contact.startswith("Mobile")
    assert case.referring_agency == police.agency and case.referred_by == police
    assert case.dash.yes_count == 15 and case.dash.children_count == 1
    assert list(case.participants.values_list("agency__name", flat=True)) == ["Police"]
    assert AuditEvent.objects.filter(event_type=EventType.MARAC_REFERRED, subject=case.id).exists()


def test_thirteen_yes_answers_alone_make_no_referral(demo):
    police = demo["police.ppu"]
    dash = fill_in(services.start_dash(actor=police), police, yes=13)
    assert services.complete(actor=police, dash=dash) is None
    dash.refresh_from_db()
    assert dash.status == DashStatus.COMPLETED and dash.yes_count == 13 and dash.criteria == []
    assert not MaracCase.objects.exists()


def test_professional_judgement_refers_below_the_threshold(demo):
    case = referred(
        demo["police.ppu"],
        yes=6,
        professional_judgement="yes",
        judgement_reason="Threats to kill made in front of the children",
    )
    assert case.criteria == ["professional_judgement"]


def test_three_call_outs_in_twelve_months_are_potential_escalation(demo):
    today = timezone.localdate()
    callouts = [(today - timedelta(days=days)).isoformat() for days in (10, 100, 300)]
    case = referred(demo["police.ppu"], yes=5, police_callouts=callouts)
    assert case.criteria == ["potential_escalation"]


def test_a_new_incident_within_twelve_months_of_the_last_referral_is_a_repeat(demo):
    police = demo["police.ppu"]
    first = referred(police, yes=15)
    MaracCase.objects.filter(id=first.id).update(
        referred_on=timezone.localdate() - timedelta(days=90)
    )
    again = referred(police, yes=4)
    assert again.criteria == ["repeat"] and again.is_repeat
    assert again.victim == first.victim  # the same victim's record, found by name and birth
    assert Victim.objects.count() == 1


def test_a_stated_last_referral_counts_too(demo):
    last = timezone.localdate() - timedelta(days=200)
    case = referred(demo["police.ppu"], yes=2, last_referral_on=last)
    assert case.criteria == ["repeat"]


def test_the_coordinators_are_told_of_a_referral_by_a_link_only(
    demo, django_capture_on_commit_callbacks
):
    with_email = demo["marac.coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        referred(demo["police.ppu"])
    sent = [m for m in mail.outbox if with_email.email in m.to]
    assert len(sent) == 1
    assert "/marac/queue/" in sent[0].body and "Nadia" not in sent[0].body


def test_a_dash_cannot_be_completed_with_sections_missing(demo):
    police = demo["police.ppu"]
    dash = services.start_dash(actor=police)
    with pytest.raises(ValidationError) as error:
        services.complete(actor=police, dash=dash)
    assert "Complete the section: Questions 9 to 16" in error.value.messages


def test_only_its_author_changes_a_draft_and_nobody_a_completed_one(demo):
    police, housing = demo["police.ppu"], demo["housing.officer"]
    dash = services.start_dash(actor=police)
    with pytest.raises(ValidationError):
        services.save_section(actor=housing, dash=dash, key="victim", data={"surname": "X"})
    fill_in(dash, police)
    services.complete(actor=police, dash=dash)
    with pytest.raises(ValidationError):
        services.save_section(actor=police, dash=dash, key="victim", data={"surname": "X"})


def test_children_are_added_and_removed(demo):
    police = demo["police.ppu"]
    dash = services.start_dash(actor=police)
    services.add_child(actor=police, dash=dash, data=CHILD)
    services.add_child(actor=police, dash=dash, data=CHILD | {"full_name": "Ben Brooks"})
    services.remove_child(actor=police, dash=dash, index=0)
    assert [c["full_name"] for c in dash.sections["children"]["children"]] == ["Ben Brooks"]
    assert dash.sections["children"]["children"][0]["date_of_birth"] == "2015-06-01"
    with pytest.raises(ValidationError):
        services.remove_child(actor=police, dash=dash, index=5)


def test_the_assessment_shows_the_band(demo):
    police = demo["police.ppu"]
    dash = fill_in(services.start_dash(actor=police), police, yes=11)
    result = services.assess(dash, date(2026, 11, 21))
    assert (result.yes_count, result.band, result.criteria) == (11, "medium", [])


def test_victims_without_a_date_of_birth_are_never_matched(demo):
    police = demo["police.ppu"]
    referred(police, victim={"date_of_birth": None})
    referred(police, victim={"date_of_birth": None})
    assert Victim.objects.count() == 2
