"""The schemes' rules: target dates, red/amber/green, the order of the stages, references."""

from datetime import date

import pytest

from mappa.disclosures import rules

RECEIVED = date(2026, 1, 10)


def test_the_target_date_counts_calendar_days_from_receipt():
    assert rules.due_on(RECEIVED, 45) == date(2026, 2, 24)
    assert rules.due_on(RECEIVED, 28) == date(2026, 2, 7)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 2, 1), "green"),
        (date(2026, 2, 17), "amber"),
        (date(2026, 2, 24), "amber"),
        (date(2026, 2, 25), "red"),
    ],
)
def test_red_amber_green_against_the_target(today, expected):
    assert rules.rag(due=date(2026, 2, 24), today=today, amber_days=7) == expected


def test_the_stages_follow_the_guidance_and_urgent_safeguarding_leaves_the_scheme():
    assert rules.next_stage("initial_contact") == "immediate_risk"
    assert rules.next_stage("immediate_risk", "no_immediate_risk") == "face_to_face"
    assert rules.next_stage("immediate_risk", rules.URGENT) == "closed"
    assert rules.next_stage("decision") == "disclosure"


def test_a_reference_is_easy_to_read_out():
    assert rules.reference_for("csods", "7K3MQ9PX") == "CS-7K3M-Q9PX"
    assert not set("01IO") & set(rules.REFERENCE_ALPHABET)


def test_a_contact_date_before_receipt_or_in_the_future_is_refused():
    details = {"how": "telephone", "scheme_explained": True}
    for when in (date(2026, 1, 9), date(2026, 1, 12)):
        found = rules.stage_problems(
            "initial_contact",
            details | {"contacted_on": when},
            today=date(2026, 1, 11),
            received_on=RECEIVED,
        )
        assert list(found) == ["contacted_on"]
