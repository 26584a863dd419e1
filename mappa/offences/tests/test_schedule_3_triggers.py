"""The yes/no Schedule 3 evaluation (`schedule_3.triggers`) agrees with the full one
(`notification_triggered(...)[0]`) on every catalogue offence across generated facts."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa.offences import catalogue, schedule_3

DISPOSALS = [None, *schedule_3.DISPOSAL_LABELS]
FACTS = st.builds(
    schedule_3.ConditionFacts,
    outcome=st.sampled_from(list(schedule_3.OUTCOMES)),
    relevant_date=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    offender_age=st.none() | st.integers(0, 90),
    offender_age_from_relevant_date=st.booleans(),
    victim_age=st.none() | st.integers(0, 90),
    disposal_type=st.sampled_from(DISPOSALS),
    term_months=st.none() | st.floats(0, 400, allow_nan=False) | st.integers(0, 400).map(float),
    sexual_gratification_purpose=st.none() | st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(facts=FACTS)
def test_triggers_agrees_with_notification_triggered_on_every_offence(facts):
    for offence in catalogue.all_offences():
        expected = schedule_3.notification_triggered(offence, facts)[0]
        assert schedule_3.triggers(offence, facts) is expected, offence.code
