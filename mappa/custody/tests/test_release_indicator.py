"""The board's indicator "Level set before release" (oversight.indicators), worked by hand."""

from datetime import date

import pytest
from django.utils import timezone

from mappa.custody.constants import MovementKind
from mappa.custody.models import Movement
from mappa.oversight.indicators import definitions as indicators
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db
START, END, TODAY = date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 2)


def released(nominal, on, level_set, plan, kind=MovementKind.RELEASED):
    Movement.objects.create(
        nominal=nominal,
        kind=kind,
        occurred_on=on,
        level=2,
        level_set_in_custody=level_set,
        plan_in_place=plan,
        recorded_at=timezone.now(),
    )


def test_releases_by_month_with_and_without_a_level_and_a_plan(users):
    demo = Nominal.objects.filter(area__code="DEMO")
    cole, smith = demo.get(crn="X567890"), demo.get(crn="X123456")
    released(cole, date(2025, 4, 3), True, True)  # prepared
    released(smith, date(2025, 4, 20), True, False)  # no plan
    released(cole, date(2025, 6, 1), False, True)  # no level set in custody
    released(cole, date(2025, 5, 5), None, None, kind=MovementKind.RETURNED)  # not a release
    released(cole, date(2025, 3, 31), False, False)  # before the period
    other = Nominal.objects.get(crn="X678901")  # the OTHER area's
    released(other, date(2025, 4, 3), False, False)
    result = indicators.compute(
        indicators.get("level-set-before-release"), cole.area, START, END, TODAY
    )
    # Month, releases, level and plan set, without, % set.
    assert result.rows == [
        ["Apr 2025", 2, 1, 1, 50.0],
        ["May 2025", 0, 0, 0, None],
        ["Jun 2025", 1, 0, 1, 0.0],
    ]
    assert result.summary == "33.3% of 3 releases had a level and a plan set before release"


def test_the_indicator_is_listed_beside_the_others_with_its_definition():
    indicator = indicators.get("level-set-before-release")
    assert indicator in indicators.INDICATORS
    assert "ch.15" in indicators.definition(indicator)
