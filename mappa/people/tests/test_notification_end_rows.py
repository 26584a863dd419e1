"""`notification_end_from_rows` (the annual report's path, without reasons) gives the end
`notification_end` gives, on generated records of convictions and revocations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from mappa.offences import catalogue, schedule_3
from mappa.people import eligibility

CODES = sorted(o.code for o in catalogue.all_offences())
DAYS = st.dates(date(1995, 1, 1), date(2027, 12, 31))
CONVICTION = st.builds(
    eligibility.ConvictionRow,
    offence_code=st.sampled_from(CODES),
    outcome=st.sampled_from(list(schedule_3.OUTCOMES)),
    relevant_date=DAYS,
    committed_on=st.none() | DAYS,
    victim_age=st.none() | st.integers(0, 30),
    disposal_type=st.sampled_from(["", *schedule_3.DISPOSAL_LABELS]),
    term_months=st.integers(0, 60).map(Decimal) | st.sampled_from([Decimal("1.5"), None]),
    sexual_gratification_purpose=st.none() | st.booleans(),
    consecutive_group=st.sampled_from(["", "", "A", "B"]),
    detention_and_training_order=st.booleans(),
)
PERSON = st.builds(
    SimpleNamespace,
    date_of_birth=st.none() | st.dates(date(1950, 1, 1), date(2015, 12, 31)),
    release_date=st.none() | DAYS,
    licence_end_date=st.none() | DAYS,
)
EVENTS = st.lists(
    st.builds(
        eligibility.EventRow, kind=st.sampled_from(eligibility.ELIGIBILITY_EVENTS), occurred_on=DAYS
    ),
    max_size=2,
)


def _outcome(call):
    try:
        return call()
    except ValueError as error:  # the same refusal (a term the table needs is missing)
        return ("error", str(error))


@settings(max_examples=1500, deadline=None)
@given(person=PERSON, convictions=st.lists(CONVICTION, max_size=4), events=EVENTS, as_of=DAYS)
def test_the_row_path_gives_the_same_notification_end(person, convictions, events, as_of):
    args = dict(convictions=convictions, events=events, as_of=as_of)
    expected = _outcome(lambda: eligibility.notification_end(person, **args))
    assert _outcome(lambda: eligibility.notification_end_from_rows(person, **args)) == expected
