"""The referral rules, table by table, each with its source."""

from datetime import date, datetime, timedelta

import pytest

from mappa.referrals import rules


# MAPPA Guidance ch.14: the MAPPA A is the referrer's until submitted, then locked.
@pytest.mark.parametrize(
    ("status", "editable"),
    [
        ("draft", True),
        ("returned", True),
        ("submitted", False),
        ("accepted", False),
        ("declined", False),
        ("withdrawn", False),
    ],
)
def test_a_referral_is_editable_only_as_a_draft_or_when_returned(status, editable):
    assert rules.may_edit(status) is editable


TODAY = date(2026, 11, 21)


# MAPPA Guidance ch.15: custody cases are referred at least 6 months (a setting) before release.
@pytest.mark.parametrize(
    ("release", "months", "warn"),
    [
        (None, 6, False),
        (date(2026, 11, 20), 6, False),  # already released: nothing to warn about
        (TODAY, 6, True),
        (date(2027, 5, 20), 6, True),  # the day before six months away
        (date(2027, 5, 21), 6, False),  # exactly six months away
        (date(2027, 2, 21), 3, False),
        (date(2027, 2, 20), 3, True),
    ],
)
def test_it_warns_when_release_is_closer_than_the_configured_months(release, months, warn):
    assert rules.release_is_close(release_date=release, today=TODAY, months=months) is warn


NOW = datetime(2026, 11, 21, 12, 0)


@pytest.mark.parametrize(
    ("age_days", "status"),
    [
        (0, rules.ON_TIME),
        (4, rules.ON_TIME),
        (5, rules.AGEING),
        (9, rules.AGEING),
        (10, rules.LATE),
    ],
)
def test_screening_status_follows_the_areas_standard(age_days, status):
    submitted = NOW - timedelta(days=age_days, hours=1)
    assert rules.screening_status(submitted=submitted, now=NOW, amber_days=5, red_days=10) == status


# MAPPA Guidance ch.7: a level 3 referral says what level 2 cannot deliver.
@pytest.mark.parametrize(
    ("level", "why", "missing"),
    [(3, "", True), (3, "   ", True), (3, "Senior police resources", False), (2, "", False)],
)
def test_a_level_3_referral_must_say_what_level_2_cannot_deliver(level, why, missing):
    assert rules.level_3_needs_reason(level=level, why_not_level_2=why) is missing


@pytest.mark.parametrize(
    "waiting, points_to",
    [
        (True, "Add what you know to the transfer"),  # para 17.1: the receiver sets the level
        (False, "which manages it now"),  # para 17.1: accepted, the receiving area owns it
    ],
)
def test_a_referral_of_a_person_a_transfer_shares_is_pointed_into_the_one_case(waiting, points_to):
    message = rules.shared_case_refusal(
        waiting=waiting, person="John Smith", from_area="Demoshire", to_area="Otherford"
    )
    assert points_to in message and "cannot open a second case" in message
