"""The minutes' risk section is pre-filled from the RoSH assessment current at the meeting, its
imminence in the assessment's own words (NOMS RoSH guidance 2009, domain.md §4.1)."""

from datetime import date, timedelta

import pytest

from mappa.meetings import rules
from mappa.meetings.services import minutes
from mappa.risk.constants import Imminence
from mappa.risk.tests.records import create_assessment

from .minutes_setup import case_minutes, hold_meeting

# Every imminence value: the words the minutes must carry, and the words they must not.
IMMINENCE = [
    (Imminence.IMMINENT, "Imminence: Imminent", "Not imminent"),
    (Imminence.NOT_IMMINENT, "Imminence: Not imminent", "Imminence: Imminent"),
]


def test_the_table_covers_every_imminence_value():
    assert {row[0] for row in IMMINENCE} == set(Imminence.values) == set(rules.IMMINENCE_WORDS)


@pytest.mark.parametrize(("imminence", "says", "never"), IMMINENCE)
def test_the_risk_summary_states_the_assessed_imminence(imminence, says, never):
    text = rules.risk_summary(
        assessed_on=date(2026, 12, 2),
        overall="very high",
        who_is_at_risk="Children",
        nature_of_harm="Sexual assault",
        imminence=imminence,
        when_risk_greatest="",
        increasing_factors="Alcohol",
        reducing_factors="Supervision",
    )
    assert says in text
    assert never not in text
    assert "RoSH assessment of 2 December 2026: very high overall" in text


@pytest.mark.django_db
@pytest.mark.parametrize(("imminence", "says", "never"), IMMINENCE)
def test_started_minutes_carry_the_assessments_imminence(world, imminence, says, never):
    ratings = {"children": "very_high", "public": "medium", "known_adult": "high", "staff": "low"}
    if imminence == Imminence.NOT_IMMINENT:
        ratings["children"] = "high"
    create_assessment(
        actor=world.users["probation.om"],
        case=world.case("X123456"),
        assessed_on=world.today - timedelta(days=2),
        community=ratings,
        imminence=imminence,
    )
    meeting = hold_meeting(world)
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    text = case_minutes(meeting, "X123456").risk_summary
    assert says in text
    assert never not in text
    assert "Girls aged 12 to 16 in the neighbourhood" in text
