"""Potentially dangerous persons are not MAPPA (College of Policing APP, "Potentially dangerous
persons"): a PDP in the data, with its meeting, minutes, disclosure decision, action and events,
changes no figure of the annual statistics contract (shared/contracts/annual-report.md), of the
board's indicators, or of the co-ordinator's counts of open cases. The board sees PDPs counted
beside the tables instead (`annual.pdp_counts`, docs/pdp.md)."""

from __future__ import annotations

from datetime import date

import pytest

from mappa.actions.models import Action
from mappa.agencies.models import Agency, Area
from mappa.cases.models import MappaCase, PdpDecision
from mappa.desk import queries as desk
from mappa.oversight.indicators import definitions as indicators
from mappa.oversight.statistics import annual
from mappa.oversight.tests import records
from mappa.oversight.tests.test_annual_report import YEAR_ENDING
from mappa.people.models import Nominal, RecordedEvent

pytestmark = pytest.mark.django_db
END = date.fromisoformat(YEAR_ENDING)
START, TODAY = date(2025, 4, 1), date(2026, 4, 15)


def figures(area, user):
    return {
        "annual": annual.annual_report(area, END),
        "indicators": {
            i.slug: (i_result.rows, i_result.summary)
            for i in indicators.INDICATORS
            for i_result in [indicators.compute(i, area, START, END, TODAY)]
        },
        "counts": desk.counts_by_category_and_level(user),
        "open_counts": desk.counts_by_value(user, TODAY, desk.CaseFilter()),
    }


def add_pdp(users) -> MappaCase:
    """A PDP managed through the year with the MAPPA machinery: a level 2 meeting's agenda,
    minutes with a disclosure decision, an action, and events on the person's record."""
    ppu = users["police.ppu"]
    nominal = Nominal.objects.create(
        area=Area.objects.get(code="DEMO"), forenames="Pat", surname="Doe", crn="P000001"
    )
    case = MappaCase.objects.create(
        nominal=nominal, kind="pdp", lead_agency="police", responsible_officer=ppu,
        start_date=date(2025, 5, 1), next_review_due=date(2025, 8, 1),
    )  # fmt: skip
    for step, day in (("proposed", date(2025, 4, 20)), ("manage", date(2025, 5, 1))):
        PdpDecision.objects.create(
            case=case, step=step, made_on=day, made_by=ppu, rank="inspector", rationale="Threats"
        )
    meeting = records.create_meeting(date(2025, 6, 10), cases=[case])
    minutes = records.create_minutes(meeting, circulated_on=date(2025, 7, 30))
    records.create_case_minutes(minutes, meeting.agenda.get(), disclosure=True)
    Action.objects.create(
        case=case, description="Check the address.", due_on=date(2025, 7, 1), status="open",
        owner_agency=Agency.objects.get(area__code="DEMO", name="Police"),
        created_by=ppu, created_at=records.at(date(2025, 6, 10)),
    )  # fmt: skip
    for kind in ("returned_to_custody_licence_breach", "sfo_charged"):
        RecordedEvent.objects.create(nominal=nominal, kind=kind, occurred_on=date(2025, 9, 1))
    return case


def test_a_pdp_changes_no_mappa_figure(loaded):
    area, user = Area.objects.get(code="DEMO"), loaded["coordinator"]
    before = figures(area, user)
    add_pdp(loaded)
    after = figures(area, user)
    assert after["annual"] == before["annual"]
    assert after["indicators"] == before["indicators"]
    assert after["counts"] == before["counts"]
    assert after["open_counts"] == before["open_counts"]


def test_the_board_sees_pdps_counted_beside_the_tables(loaded, signed_in):
    area = Area.objects.get(code="DEMO")
    assert annual.pdp_counts(area, END) == {
        "managed_on_31_march": 0,
        "decided_during_year": 0,
        "moved_to_mappa_during_year": 0,
    }
    add_pdp(loaded)
    assert annual.pdp_counts(area, END) == {
        "managed_on_31_march": 1,
        "decided_during_year": 1,
        "moved_to_mappa_during_year": 0,
    }
    page = signed_in("smb.member").get("/oversight/statistics/?year_ending=31/03/2026").text
    counts = page.split('data-testid="pdp-counts"')[1].split("</dl>")[0]
    assert "Managed as potentially dangerous persons on 31 March</dt>" in counts
    assert '<dd class="govuk-summary-list__value">1</dd>' in counts
