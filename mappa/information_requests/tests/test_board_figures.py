"""The board's per-agency response figures (oversight indicator "information-requests"),
against a fixture worked out by hand. The period is October and November 2026."""

from datetime import date, datetime, time

import pytest
from django.test import Client
from django.utils import timezone

from mappa.agencies.models import Area
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from mappa.information_requests.constants import Status
from mappa.information_requests.models import InformationRequest
from mappa.information_requests.tests.records import agency, ask
from mappa.oversight.indicators import definitions as indicators

pytestmark = pytest.mark.django_db
START, END = date(2026, 10, 1), date(2026, 11, 30)


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def at(day: date):
    return timezone.make_aware(datetime.combine(day, time(10)))


def recorded(users, raised, due, *, answered=None, declined=None, to="Housing authority"):
    found = ask(users, agency=agency(to))
    status, closed = Status.OPEN, None
    if answered:
        status, closed = Status.ANSWERED, answered
    if declined:
        status, closed = Status.DECLINED, declined
    InformationRequest.objects.filter(id=found.id).update(
        requested_at=at(raised),
        due_on=due,
        status=status,
        answered_at=at(closed) if closed else None,
    )
    return found


def compute(users):
    area = Area.objects.get(code="DEMO")
    indicator = indicators.get("information-requests")
    return indicators.compute(indicator, area, START, END, date(2026, 12, 3))


def test_requests_counted_per_agency_by_how_they_stood_at_the_period_end(users):
    # Housing: on time (4 days), on time on its due date (10 days), late (20 days), declined,
    # outstanding, and one answered only after the period (outstanding at its end).
    recorded(users, date(2026, 10, 1), date(2026, 10, 10), answered=date(2026, 10, 5))
    recorded(users, date(2026, 10, 2), date(2026, 10, 12), answered=date(2026, 10, 12))
    recorded(users, date(2026, 10, 3), date(2026, 10, 13), answered=date(2026, 10, 23))
    recorded(users, date(2026, 11, 1), date(2026, 11, 10), declined=date(2026, 11, 2))
    recorded(users, date(2026, 11, 20), date(2026, 11, 25))
    recorded(users, date(2026, 11, 25), date(2026, 11, 28), answered=date(2026, 12, 2))
    # Police: one answered late (2 days after it was due, 6 days to answer).
    recorded(users, date(2026, 11, 3), date(2026, 11, 7), answered=date(2026, 11, 9), to="Police")
    # Raised before the period: not counted.
    recorded(users, date(2026, 9, 30), date(2026, 10, 5), answered=date(2026, 10, 1))
    result = compute(users)
    assert result.headings == [
        "Agency",
        "Requests",
        "Answered on time",
        "Answered late",
        "Outstanding",
        "Declined",
        "Withdrawn",
        "Median days to answer",
    ]
    assert result.rows == [
        ["Housing authority", 6, 2, 1, 2, 1, 0, 10.0],
        ["Police", 1, 0, 1, 0, 0, 0, 6.0],
    ]
    assert result.summary == "7 requests: 2 of 4 answered on time (50.0%)"
    assert result.figure.labels == ["Housing authority", "Police"]
    assert result.figure.series[0] == ("Answered on time", [2, 0])


def test_nothing_raised_says_so(users):
    result = compute(users)
    assert result.rows == []
    assert result.summary == "No information requests were raised in the period."


def test_the_board_sees_the_figure_on_its_page(users):
    recorded(users, date(2026, 10, 1), date(2026, 10, 10), answered=date(2026, 10, 5))
    board = Client()
    board.post("/sign-in/", {"username": "smb.member", "password": demo_secret("smb.member")})
    page = board.get("/oversight/indicators/information-requests/?start=2026-10-01&end=2026-11-30")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Information requests answered, by agency" in text
    assert "1 request: 1 of 1 answered on time (100.0%)" in text
    assert "Smith" not in text
