"""MAPPA categories 1 and 2 (CJA 2003 s.327), s.91B review dates and s.91C revocation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mappa.offences.rules import evaluate, governing, notification_for
from mappa.offences.tests.test_rules import CONVICTED, offence, person

DAY = timedelta(days=1)
RELEASED = date(2022, 6, 1)
LICENCE_ENDS = date(2023, 3, 13)


def violent(**changes):
    """Wounding with intent: Schedule 15 Part 1, not Schedule 3."""
    facts = dict(
        code="OAPA1861/s18",
        title="Wounding with intent to cause grievous bodily harm",
        triggers_notification=False,
        notification_basis="OAPA1861/s18 is not a Schedule 3 offence",
        schedule_15_reference="CJA 2003 Sch.15 Part 1 para 6",
        term_months=24,
    )
    return offence(**{**facts, **changes})


def theft(**changes):
    facts = dict(
        code="TA1968/s1",
        title="Theft",
        triggers_notification=False,
        notification_basis="TA1968/s1 is not a Schedule 3 offence",
        in_schedule_15=False,
        schedule_15_reference="",
    )
    return offence(**{**facts, **changes})


def released(**changes):
    return person(**{"release_date": RELEASED, "licence_end_date": LICENCE_ENDS, **changes})


# CJA 2003 s.327(2): category 1 from the relevant date to the last day of the period
@pytest.mark.parametrize(
    ("as_of", "category", "end"),
    [
        (CONVICTED - DAY, None, None),
        (CONVICTED, 1, date(2031, 9, 13)),
        (CONVICTED + DAY, 1, date(2031, 9, 13)),
        (date(2031, 9, 13), 1, date(2031, 9, 13)),
        (date(2031, 9, 14), None, None),
    ],
)
def test_it_places_a_notified_offender_in_category_1_while_the_period_runs(as_of, category, end):
    result = evaluate(offences=[offence()], person=released(), as_of=as_of)
    assert (result.category, result.eligibility_end_date) == (category, end)


def test_it_explains_category_1_with_both_statutes():
    result = evaluate(offences=[offence()], person=released(), as_of=date(2025, 1, 1))
    assert result.basis.startswith("Category 1 (CJA 2003 s.327(2))")
    assert "Sch.3 para 18" in result.basis
    assert "s.82(1)" in result.basis


def test_it_says_when_the_notification_requirement_ended():
    facts = offence(outcome="caution", disposal_type="none", term_months=None,
                    relevant_date=date(2017, 3, 14))  # fmt: skip
    result = evaluate(offences=[facts], person=person(), as_of=date(2020, 1, 1))
    assert result.category is None
    assert "the notification requirement ended on 2019-03-13 (Sexual Offences Act 2003 s.82)" in (
        result.basis
    )
    assert result.notification.end_date == date(2019, 3, 13)
    assert result.eligibility_end_date is None


def test_it_reports_the_requirement_even_after_it_has_ended():
    result = evaluate(offences=[offence()], person=released(), as_of=date(2040, 1, 1))
    assert result.notification.period == "P10Y"
    assert result.notification.end_date == date(2031, 9, 13)


def test_nothing_applies_before_the_relevant_date_of_every_offence():
    result = evaluate(offences=[offence(), violent()], person=released(), as_of=CONVICTED - DAY)
    assert (result.category, result.notification, result.eligibility_end_date) == (None, None, None)
    assert "before the relevant date" in result.basis


def test_nothing_applies_without_offences():
    result = evaluate(offences=[], person=person(), as_of=date(2025, 1, 1))
    assert result.category is None
    assert "no conviction, caution or finding" in result.basis


def test_it_ignores_offences_after_the_as_of_date():
    later = offence(relevant_date=date(2030, 1, 1), term_months=36)
    result = evaluate(offences=[offence(), later], person=released(), as_of=date(2025, 1, 1))
    assert result.notification.period == "P10Y"


# contract: with several requirements, the one ending last governs; indefinite beats finite
@pytest.mark.parametrize(
    ("offences", "period", "start"),
    [
        (  # 10 years from 2015 ends 2025; 7 years from 2020 ends 2027
            [
                offence(relevant_date=date(2015, 1, 1)),
                offence(relevant_date=date(2020, 1, 1), term_months=6),
            ],
            "P7Y",
            date(2020, 1, 1),
        ),
        (  # 10 years from 2021 outlasts 2 years from 2024
            [
                offence(),
                offence(outcome="caution", disposal_type="none", relevant_date=date(2024, 1, 1)),
            ],
            "P10Y",
            CONVICTED,
        ),
        (  # an indefinite requirement beats any finite one, even one starting later
            [offence(relevant_date=date(2000, 1, 1), term_months=30), offence()],
            "indefinite",
            date(2000, 1, 1),
        ),
        (  # two indefinite requirements: the earlier one
            [offence(term_months=40), offence(relevant_date=date(2001, 1, 1), disposal_type="ipp")],
            "indefinite",
            date(2001, 1, 1),
        ),
    ],
)
def test_the_requirement_ending_last_governs(offences, period, start):
    result = evaluate(offences=offences, person=person(), as_of=date(2024, 6, 1))
    assert (result.notification.period, result.notification.start_date) == (period, start)


def test_governing_picks_the_latest_end():
    notes = [notification_for(offence(term_months=t)) for t in (3, 12, 2)]
    assert governing(notes, person()).period == "P10Y"
    assert governing([], person()) is None


def test_a_running_requirement_keeps_category_1_after_a_shorter_one_ends():
    offences = [
        offence(),
        offence(outcome="caution", disposal_type="none", relevant_date=date(2022, 1, 1)),
    ]
    assert evaluate(offences=offences, person=person(), as_of=date(2025, 1, 1)).category == 1


# CJA 2003 s.327(3)(b), (4)(b): qualifying sentences and orders for category 2
@pytest.mark.parametrize(
    ("outcome", "disposal", "term", "category"),
    [
        ("conviction", "imprisonment", 11, None),
        ("conviction", "imprisonment", 11.99, None),
        ("conviction", "imprisonment", 12, 2),
        ("conviction", "imprisonment", 120, 2),
        ("conviction", "life_imprisonment", None, 2),
        ("conviction", "ipp", None, 2),
        ("conviction", "extended_sentence", 6, 2),  # at least 6 + 12 months' extension
        ("conviction", "suspended_imprisonment", 12, 2),  # CJA 2003 s.189(6)
        ("conviction", "suspended_imprisonment", 11, None),
        ("conviction", "hospital_order", None, 2),
        ("conviction", "hospital_order_with_restriction", None, 2),
        ("conviction", "guardianship_order", None, 2),
        ("conviction", "community_order", 24, None),
        ("conviction", "fine", None, None),
        ("conviction", "conditional_discharge", 24, None),
        ("not_guilty_insanity", "hospital_order", None, 2),  # s.327(4)
        ("unfit_to_plead_did_act", "guardianship_order", None, 2),
        ("unfit_to_plead_did_act", "hospital_order_with_restriction", None, 2),
        ("not_guilty_insanity", "absolute_discharge", None, None),
        ("unfit_to_plead_did_act", "community_order", 24, None),
        ("caution", "none", None, None),  # cautions never make category 2
    ],
)
def test_it_places_schedule_15_offenders_with_qualifying_sentences_in_category_2(
    outcome, disposal, term, category
):
    facts = violent(outcome=outcome, disposal_type=disposal, term_months=term)
    result = evaluate(offences=[facts], person=person(), as_of=date(2022, 1, 1))
    assert result.category == category


def test_murder_qualifies_though_not_in_schedule_15():
    # CJA 2003 s.327(3)(a) names murder
    murder = violent(code="CL/murder", title="Murder", in_schedule_15=False, is_murder=True,
                     schedule_15_reference="", disposal_type="life_imprisonment")  # fmt: skip
    result = evaluate(offences=[murder], person=person(), as_of=date(2022, 1, 1))
    assert result.category == 2
    assert "Murder (CL/murder; murder)" in result.basis


def test_an_offence_in_neither_schedule_never_qualifies():
    result = evaluate(offences=[theft(term_months=48)], person=person(), as_of=date(2022, 1, 1))
    assert result.category is None
    assert result.basis.endswith(
        "no conviction for murder or an offence in Part 1 or 2 of Schedule 15 or in s.327(4A) "
        "with a qualifying sentence (CJA 2003 s.327)."
    )


# CJA 2003 s.327(3): category 2 lasts until the licence ends
@pytest.mark.parametrize(
    ("as_of", "category", "end"),
    [
        (CONVICTED - DAY, None, None),
        (CONVICTED, 2, LICENCE_ENDS),
        (LICENCE_ENDS - DAY, 2, LICENCE_ENDS),
        (LICENCE_ENDS, 2, LICENCE_ENDS),
        (LICENCE_ENDS + DAY, None, None),
    ],
)
def test_category_2_ends_with_the_licence(as_of, category, end):
    result = evaluate(offences=[violent()], person=released(), as_of=as_of)
    assert (result.category, result.eligibility_end_date) == (category, end)


def test_it_says_when_the_licence_ended():
    result = evaluate(offences=[violent()], person=released(), as_of=date(2024, 1, 1))
    assert "ended on 2023-03-13" in result.basis
    assert result.notification is None


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        (person(), "not yet released"),
        (person(release_date=RELEASED), "licence end date not recorded"),
        # a licence that ended before this conviction belongs to an earlier sentence
        (
            person(release_date=RELEASED, licence_end_date=date(2019, 1, 1)),
            "licence end date not recorded",
        ),
    ],
)
def test_category_2_without_a_known_licence_end_still_applies(who, reason):
    result = evaluate(offences=[violent()], person=who, as_of=date(2030, 1, 1))
    assert (result.category, result.eligibility_end_date) == (2, None)
    assert reason in result.basis


# CJA 2003 s.327: category 1 takes precedence over category 2
def test_category_1_takes_precedence_over_category_2():
    result = evaluate(offences=[offence(), violent()], person=released(), as_of=date(2022, 7, 1))
    assert result.category == 1
    assert result.eligibility_end_date == date(2031, 9, 13)


def test_category_2_applies_once_a_shorter_notification_period_has_ended():
    cd = offence(
        disposal_type="conditional_discharge", term_months=12, relevant_date=date(2020, 1, 1)
    )
    who = released(licence_end_date=date(2026, 1, 1))
    result = evaluate(offences=[cd, violent()], person=who, as_of=date(2023, 1, 1))
    assert (result.category, result.eligibility_end_date) == (2, date(2026, 1, 1))
    assert result.notification.end_date == date(2020, 12, 31)


def test_a_notified_sexual_offence_with_a_long_sentence_is_category_1_not_2():
    result = evaluate(offences=[offence(term_months=24)], person=released(), as_of=date(2022, 7, 1))
    assert result.category == 1


# SOA 2003 s.91B(2): the day after 15 years (8 if under 18) from the first notification
# after release, estimated as 3 days after release (s.83(1), s.84(1)(d))
@pytest.mark.parametrize(
    ("age", "release", "review"),
    [
        (37, date(2022, 6, 1), date(2037, 6, 4)),
        (18, date(2022, 6, 1), date(2037, 6, 4)),
        (17, date(2022, 6, 1), date(2030, 6, 4)),
        (15, date(2025, 12, 30), date(2034, 1, 2)),
        (37, date(2021, 9, 1), date(2036, 9, 17)),  # released before conviction: relevant date
    ],
)
def test_it_estimates_the_section_91b_review_date(age, release, review):
    facts = offence(term_months=48, age_on_relevant_date=age)
    result = evaluate(offences=[facts], person=person(release_date=release), as_of=date(2026, 1, 1))
    assert result.indefinite_review_date == review
    assert "s.91B" in result.basis and "3 days after" in result.basis


def test_it_gives_no_review_date_before_release():
    result = evaluate(offences=[offence(term_months=48)], person=person(), as_of=date(2026, 1, 1))
    assert (result.category, result.indefinite_review_date) == (1, None)
    assert "no review date until the release date is recorded" in result.basis


@pytest.mark.parametrize("term", [6, 18, 29.9])
def test_it_gives_no_review_date_for_a_finite_requirement(term):
    facts = offence(term_months=term)
    result = evaluate(offences=[facts], person=released(), as_of=date(2026, 1, 1))
    assert result.indefinite_review_date is None


# SOA 2003 s.91C: an indefinite requirement discharged on review ends on that date
@pytest.mark.parametrize(
    ("as_of", "category", "end"),
    [
        (date(2039, 12, 31), 1, date(2040, 1, 1)),
        (date(2040, 1, 1), 1, date(2040, 1, 1)),
        (date(2040, 1, 2), None, None),
    ],
)
def test_a_revoked_indefinite_requirement_ends_on_the_revocation_date(as_of, category, end):
    who = released(lifetime_notification_revoked_on=date(2040, 1, 1))
    result = evaluate(offences=[offence(term_months=48)], person=who, as_of=as_of)
    assert (result.category, result.eligibility_end_date) == (category, end)
    assert result.notification.period == "indefinite"
    assert result.indefinite_review_date is None


def test_it_says_when_an_indefinite_requirement_was_discharged():
    who = released(lifetime_notification_revoked_on=date(2040, 1, 1))
    result = evaluate(offences=[offence(term_months=48)], person=who, as_of=date(2041, 1, 1))
    assert "ended on 2040-01-01 on review (Sexual Offences Act 2003 s.91C)" in result.basis


def test_revocation_does_not_touch_a_later_requirement():
    who = released(lifetime_notification_revoked_on=date(2037, 7, 1))
    later = offence(relevant_date=date(2038, 1, 1), disposal_type="ipp", term_months=None)
    result = evaluate(offences=[offence(term_months=48), later], person=who, as_of=date(2045, 1, 1))
    assert result.category == 1
    assert result.notification.start_date == date(2038, 1, 1)


def test_revocation_cannot_end_a_finite_requirement():
    who = released(lifetime_notification_revoked_on=date(2023, 1, 1))
    result = evaluate(offences=[offence()], person=who, as_of=date(2025, 1, 1))
    assert (result.category, result.eligibility_end_date) == (1, date(2031, 9, 13))


def test_an_absolute_discharge_on_conviction_brings_no_category_and_says_why():
    facts = offence(disposal_type="absolute_discharge", term_months=None)
    result = evaluate(offences=[facts], person=person(), as_of=date(2022, 1, 1))
    assert (result.category, result.notification) == (None, None)
    assert "absolute discharge" in result.basis
