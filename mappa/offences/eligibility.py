"""A person's MAPPA eligibility from their record: the catalogue, Schedule 3 and the rules together.

`for_nominal(nominal, as_of)` resolves each conviction against the offence
catalogue and its Schedule 3 condition, then hands plain facts to the pure
rules in `rules.py`.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from mappa.offences import catalogue, rules, schedule_3
from mappa.people.constants import EventKind

UNCHECKED = "the wording of this condition is still to be checked against the published text"


def _age(born: date | None, on: date) -> int | None:
    return None if born is None else relativedelta(on, born).years


def offence_facts(conviction, date_of_birth: date | None) -> rules.OffenceFacts:
    offence = catalogue.get(conviction.offence_code)
    term = None if conviction.term_months is None else float(conviction.term_months)
    condition = schedule_3.ConditionFacts(
        outcome=conviction.outcome,
        relevant_date=conviction.relevant_date,
        offender_age=_age(date_of_birth, conviction.committed_on or conviction.relevant_date),
        offender_age_from_relevant_date=conviction.committed_on is None,
        victim_age=conviction.victim_age,
        disposal_type=conviction.disposal_type or None,
        term_months=term,
        sexual_gratification_purpose=conviction.sexual_gratification_purpose,
    )
    triggered, basis = schedule_3.notification_triggered(offence, condition)
    if offence.code in catalogue.UNVERIFIED:
        basis += f" ({UNCHECKED})"
    listing = offence.schedule_15
    return rules.OffenceFacts(
        code=offence.code,
        title=offence.title,
        outcome=conviction.outcome,
        relevant_date=conviction.relevant_date,
        disposal_type=conviction.disposal_type or None,
        term_months=term,
        age_on_relevant_date=_age(date_of_birth, conviction.relevant_date),
        triggers_notification=triggered,
        notification_basis=basis,
        in_schedule_15=listing is not None,
        schedule_15_reference=f"CJA 2003 Sch.15 Part {listing.part} para {listing.paragraph}"
        if listing
        else "",
        is_murder=offence.is_murder,
        in_schedule_3=offence.schedule_3 is not None,
    )


def for_nominal(nominal, as_of: date) -> rules.Eligibility:
    """Evaluate eligibility on `as_of` (expects convictions and events to be prefetched or cheap)."""
    revoked = [
        e.occurred_on
        for e in nominal.events.all()
        if e.kind == EventKind.LIFETIME_NOTIFICATION_REVOKED
    ]
    person = rules.PersonFacts(
        date_of_birth=nominal.date_of_birth,
        release_date=nominal.release_date,
        licence_end_date=nominal.licence_end_date,
        lifetime_notification_revoked_on=min(revoked) if revoked else None,
    )
    convictions = list(nominal.convictions.all())
    offences = rules.aggregate_consecutive_terms(
        [offence_facts(c, nominal.date_of_birth) for c in convictions],
        [c.consecutive_group for c in convictions],
    )
    return rules.evaluate(offences=offences, person=person, as_of=as_of)
