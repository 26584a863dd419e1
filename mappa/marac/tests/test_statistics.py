"""Quarterly statistics for the MARAC co-ordinator: cases heard, the repeat rate, referrals by
agency and cases with children, on a page and as CSV carrying the marking, recipient and time."""

from datetime import date, time

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.marac import rules, statistics
from mappa.marac.models import MaracCase
from mappa.marac.services import meetings
from mappa.marac.tests.dashes import CHILD, referred

pytestmark = pytest.mark.django_db


def hear_all(coordinator, cases, on):
    meeting = meetings.schedule_meetings(
        actor=coordinator, first_on=on, start_time=time(10), end_time=time(12), count=1
    )[0]
    items = [meetings.list_case(actor=coordinator, case=c, meeting=meeting) for c in cases]
    for item in items:
        meetings.hear(actor=coordinator, item=item)


@pytest.fixture
def quarter(demo):
    """Three cases heard this quarter (one a repeat, two with children); one from housing."""
    police, housing, coordinator = (
        demo["police.ppu"],
        demo["housing.officer"],
        demo["marac.coordinator"],
    )
    today = timezone.localdate()
    start, _ = rules.quarter_of(today)
    first = referred(police, children=[CHILD])
    MaracCase.objects.filter(id=first.id).update(referred_on=start)
    referred(police, yes=3, incident_on=today)  # same victim: a repeat
    referred(
        housing, victim={"forenames": "Zoe", "date_of_birth": date(1990, 1, 1)}, children=[CHILD]
    )
    hear_all(coordinator, MaracCase.objects.all(), today)
    return start


def test_the_quarters_figures(quarter, demo):
    stats = statistics.for_quarter(demo["marac.coordinator"].area_id, quarter)
    assert (stats.heard, stats.repeats, stats.with_children, stats.referrals) == (3, 1, 2, 3)
    assert stats.repeat_rate == 33.3 and stats.children_rate == 66.7
    assert stats.by_agency == [
        ("Police", "Police", 2),
        ("Housing authority", "Housing authority", 1),
    ]


def test_an_empty_quarter_has_no_rates(demo):
    stats = statistics.for_quarter(demo["marac.coordinator"].area_id, date(2020, 1, 1))
    assert stats.heard == 0 and stats.repeat_rate is None


def test_the_page_and_the_csv(quarter, signed_in):
    client = signed_in("marac.coordinator")
    page = client.get("/marac/statistics/").content.decode()
    assert "33.3% repeat rate" in page
    response = client.get(f"/marac/statistics.csv?quarter={quarter:%Y-%m-%d}")
    lines = response.content.decode().splitlines()
    assert lines[0] == "OFFICIAL-SENSITIVE"
    assert lines[2].startswith('"Produced for Lena Novak, Police on ')
    assert "cases_heard,,3" in lines and "referrals_by_agency,Housing authority,1" in lines
    assert response["Content-Disposition"].endswith('.csv"')
    assert AuditEvent.objects.filter(event_type=EventType.MARAC_STATISTICS_EXPORTED).exists()


def test_a_quarter_must_start_a_quarter(signed_in):
    client = signed_in("marac.coordinator")
    assert client.get("/marac/statistics/?quarter=2026-02-01").status_code == 404
    assert client.get("/marac/statistics/?quarter=nonsense").status_code == 404
    assert signed_in("police.ppu").get("/marac/statistics/").status_code == 403


def test_previous_quarters_are_offered():
    offered = statistics.quarters(date(2026, 11, 21))
    assert offered[:2] == [date(2026, 10, 1), date(2026, 7, 1)] and len(offered) == 8
