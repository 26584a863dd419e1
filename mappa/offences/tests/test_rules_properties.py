"""Properties of the eligibility rules that hold for every record (Hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from mappa.offences.rules import (
    OffenceFacts,
    PersonFacts,
    effective_end,
    evaluate,
    notification_for,
    notification_period,
    parse_period,
)
from mappa.people.eligibility import _age

DISPOSALS = [
    "life_imprisonment",
    "ipp",
    "imprisonment",
    "extended_sentence",
    "suspended_imprisonment",
    "hospital_order",
    "hospital_order_with_restriction",
    "guardianship_order",
    "community_order",
    "youth_rehabilitation_order",
    "conditional_discharge",
    "absolute_discharge",
    "fine",
    "none",
    "other",
    None,
]
OUTCOMES = ["conviction", "caution", "not_guilty_insanity", "unfit_to_plead_did_act"]
dates = st.dates(min_value=date(1960, 1, 1), max_value=date(2060, 12, 31))
terms = st.floats(min_value=0.01, max_value=600, allow_nan=False, allow_infinity=False)


@st.composite
def offences(draw) -> OffenceFacts:
    disposal = draw(st.sampled_from(DISPOSALS))
    needs_term = disposal in ("imprisonment", "extended_sentence", "suspended_imprisonment")
    return OffenceFacts(
        code=draw(st.sampled_from(["SOA2003/s3", "OAPA1861/s18", "CL/murder", "TA1968/s1"])),
        title="An offence",
        outcome=draw(st.sampled_from(OUTCOMES)),
        relevant_date=draw(dates),
        disposal_type=disposal,
        term_months=draw(terms if needs_term else st.none() | terms),
        age_on_relevant_date=draw(st.none() | st.integers(min_value=10, max_value=95)),
        triggers_notification=draw(st.booleans()),
        notification_basis="Sexual Offences Act 2003 s.80 and Sch.3",
        in_schedule_15=draw(st.booleans()),
        schedule_15_reference="CJA 2003 Sch.15",
        is_murder=draw(st.booleans()),
    )


people = st.builds(
    PersonFacts,
    date_of_birth=st.none() | dates,
    release_date=st.none() | dates,
    licence_end_date=st.none() | dates,
    lifetime_notification_revoked_on=st.none() | dates,
)


def _length(offence: OffenceFacts, age: int) -> tuple[float, int]:
    """A period's length, comparable: indefinite is infinitely long."""
    period = notification_period(replace(offence, age_on_relevant_date=age))
    return (float("inf"), 0) if period.months is None else (period.months, period.days)


@given(offences())
def test_an_indefinite_period_is_never_halved(offence):
    # SOA 2003 s.82(2) halves only the 10, 7, 5 and 2-year periods
    adult = notification_period(replace(offence, age_on_relevant_date=40))
    if adult is not None and adult.indefinite:
        assert notification_period(replace(offence, age_on_relevant_date=15)).indefinite


@given(offences())
def test_a_halved_period_is_never_longer_than_the_adult_period(offence):
    if notification_period(offence) is not None:
        assert _length(offence, 15) <= _length(offence, 40)


@given(offences(), people)
def test_an_end_date_never_precedes_its_start_date(offence, person):
    note = notification_for(offence, person)
    if note is not None:
        assert note.end_date is None or note.end_date >= note.start_date
        assert note.period == "indefinite" or parse_period(note.period).iso == note.period


@given(st.lists(offences(), max_size=5), people, dates)
def test_the_category_is_always_none_1_or_2(offence_list, person, as_of):
    result = evaluate(offences=offence_list, person=person, as_of=as_of)
    assert result.category in (None, 1, 2)
    assert result.basis
    if result.category is None:
        assert result.eligibility_end_date is None


@given(st.lists(offences(), min_size=1, max_size=5), people, dates)
def test_category_1_whenever_a_requirement_is_running(offence_list, person, as_of):
    # CJA 2003 s.327(2) and the contract: category 1 takes precedence
    notes = [n for o in offence_list if (n := notification_for(o, person)) is not None]
    running = [n for n in notes if n.start_date <= as_of <= (effective_end(n, person) or date.max)]
    result = evaluate(offences=offence_list, person=person, as_of=as_of)
    assert (result.category == 1) == bool(running)


@given(st.lists(offences(), max_size=5), people, dates)
def test_nothing_applies_before_every_relevant_date(offence_list, person, as_of):
    if all(o.relevant_date > as_of for o in offence_list):
        result = evaluate(offences=offence_list, person=person, as_of=as_of)
        assert (result.category, result.notification) == (None, None)


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
    on=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_the_quick_age_is_relativedeltas_age(born, on):
    # eligibility._age avoids relativedelta's cost; it must give the same whole years
    assert _age(born, on) == relativedelta(on, born).years


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.integers(min_value=0, max_value=1200),
    st.integers(min_value=0, max_value=400),
)
def test_notification_end_date_is_relativedeltas_month_arithmetic(start, months, days):
    # periods.add_months stands in for relativedelta in the annual report's loop: the same end
    # on every start (29-31st of a month, 29 February, year ends) for every period
    from datetime import timedelta

    from mappa.offences.periods import Period, add_months, notification_end_date

    assert add_months(start, months) == start + relativedelta(months=months)
    assert notification_end_date(start, Period(months, days)) == start + relativedelta(
        months=months, days=days
    ) - timedelta(days=1)
