"""After the meeting, housing.officer's access ends when its grant expires (issue 5, done when)."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from mappa.meetings.services import invitations, scheduling

from .factories import create_meeting

pytestmark = pytest.mark.django_db


def test_housing_officer_sees_the_case_during_the_grant_and_gets_404_after_it_expires(
    world, signed_in, settings
):
    settings.MAPPA_MEETING_ACCESS_DAYS = 14
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    (item,) = scheduling.build_agenda(actor=coordinator, meeting=meeting)
    invitation = invitations.invite(
        actor=coordinator, item=item, user=world.users["housing.officer"]
    )
    case_url = f"/cases/{item.case_id}/"
    tz = timezone.get_default_timezone()
    on_the_day = datetime.combine(meeting.date, time(11), tzinfo=tz)
    last_minute = invitation.access_grant.expires_at - timedelta(minutes=1)
    after_expiry = invitation.access_grant.expires_at + timedelta(minutes=1)

    assert signed_in("housing.officer").get(case_url).status_code == 200
    with time_machine.travel(on_the_day, tick=False):
        client = signed_in("housing.officer")  # a new session: idle sessions expire
        assert client.get(case_url).status_code == 200
        assert client.get(f"/meetings/{meeting.id}/").status_code == 200
    with time_machine.travel(last_minute, tick=False):
        assert signed_in("housing.officer").get(case_url).status_code == 200
    with time_machine.travel(after_expiry, tick=False):
        client = signed_in("housing.officer")
        assert client.get(case_url).status_code == 404
        page = client.get(f"/meetings/{meeting.id}/").content.decode()
        assert "Restricted" in page and item.case.nominal.full_name not in page
