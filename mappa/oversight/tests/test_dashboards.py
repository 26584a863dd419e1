"""SMB members' and lay advisers' dashboards: how MAPPA is performing, totals only."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from mappa.oversight.services import audits as services
from mappa.oversight.tests import records as r

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_cases(db):
    from mappa.desk.services import load_demo

    return {user.username: user for user in load_demo()}


@pytest.mark.parametrize("username", ["lay.adviser", "smb.member"])
def test_the_dashboard_shows_each_indicator_with_a_link_and_no_names(
    signed_in, demo_mode, demo_cases, username
):
    html = signed_in(username).get("/dashboard/").content.decode()
    assert "How MAPPA is performing" in html or "Performance indicators" in html
    for slug in ("screening", "initial-meetings", "reviews", "minutes", "actions", "levels"):
        assert f'href="/oversight/indicators/{slug}/"' in html
    assert 'href="/oversight/statistics/"' in html
    for name in ("Smith", "Hughes", "Rahman", "Walsh", "Cole"):
        assert name not in html
    assert "Figures appear here once cases are recorded" not in html


def test_the_board_members_dashboard_counts_its_audits_and_reviews(
    signed_in, demo_mode, demo_cases
):
    meeting = r.create_meeting(date(2025, 5, 6), cases=[r.create_case()])
    services.schedule_audit(
        actor=demo_cases["smb.member"],
        kind="meeting",
        meeting=meeting,
        auditor=demo_cases["chair.police"],
        due_on=timezone.localdate() + timedelta(days=3),
    )
    html = signed_in("smb.member").get("/dashboard/").content.decode()
    assert "1 scheduled and not yet completed, 0 overdue." in html
    assert "0 charge(s) awaiting notification, 0 review(s) open." in html
    assert "Audits" not in signed_in("lay.adviser").get("/dashboard/").content.decode()
