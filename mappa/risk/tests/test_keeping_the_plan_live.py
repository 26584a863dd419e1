"""Keeping the plan live: an entry becomes an action; a licence condition is ended on a date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.actions.models import Action
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.risk.tests.records import create_plan, create_zone, smith_case

pytestmark = pytest.mark.django_db


def test_a_plan_entry_becomes_an_action_with_the_plan_as_its_source(users, signed_in):
    plan = create_plan(actor=users["probation.om"])
    entry = plan.entries.get(text="Police home visits every month")
    client = signed_in("probation.om")
    page = client.get(f"/cases/{smith_case().id}/risk/plan/").content.decode()
    assert f"/plan/entries/{entry.pk}/action/" in page
    response = client.post(
        f"/cases/{smith_case().id}/risk/plan/entries/{entry.pk}/action/",
        {
            "owner_agency": str(users["police.ppu"].agency.pk),
            "owner_user": "",
            "due_on": f"{timezone.localdate() + timedelta(days=28):%d/%m/%Y}",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.description, action.source, action.case) == (entry.text, plan.id, smith_case())


def test_an_entry_of_an_earlier_version_or_another_case_is_not_found(users, signed_in):
    first = create_plan(actor=users["probation.om"])
    old_entry = first.entries.first()
    create_plan(actor=users["probation.om"], based_on=1, victim_wishes="Changed")
    client = signed_in("probation.om")
    assert (
        client.get(f"/cases/{smith_case().id}/risk/plan/entries/{old_entry.pk}/action/").status_code
        == 404
    )
    assert (
        signed_in("outsider.police")
        .get(f"/cases/{smith_case().id}/risk/plan/entries/{old_entry.pk}/action/")
        .status_code
        == 404
    )


def test_a_condition_is_ended_on_a_date_and_the_record_kept(users, signed_in):
    zone = create_zone(actor=users["probation.om"])
    client = signed_in("probation.om")
    url = f"/cases/{smith_case().id}/risk/conditions/{zone.id}/end/"
    assert url in client.get(f"/cases/{smith_case().id}/risk/conditions/").content.decode()
    before_start = zone.starts_on - timedelta(days=1)
    refused = client.post(url, {"ends_on": f"{before_start:%d/%m/%Y}"})
    assert "on or after the start date" in refused.content.decode()
    zone.refresh_from_db()
    assert zone.ends_on is None
    today = timezone.localdate()
    assert client.post(url, {"ends_on": f"{today:%d/%m/%Y}"}).status_code == 302
    zone.refresh_from_db()
    assert zone.ends_on == today
    assert AuditEvent.objects.filter(event_type=EventType.LICENCE_CONDITION_ENDED).exists()
    assert signed_in("housing.officer").get(url).status_code == 403
