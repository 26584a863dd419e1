"""An entry of the current plan can be made an action (issue 5: "each entry can be an action")."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.actions.models import Action
from mappa.risk.tests.records import create_plan, smith_case

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
