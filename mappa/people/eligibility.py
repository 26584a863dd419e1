"""A person's MAPPA eligibility from their record: the catalogue, Schedule 3 and the rules together.

`for_nominal(nominal, as_of)` resolves each conviction against the offence
catalogue and its Schedule 3 condition, then hands plain facts to the pure
rules in `rules.py`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from mappa.offences import catalogue, rules, schedule_3
from mappa.offences.models import Conviction
from mappa.people.constants import EventKind
from mappa.people.models import RecordedEvent

UNCHECKED = "the wording of this condition is still to be checked against the published text"
_age = rules.whole_years


def offence_facts(conviction, date_of_birth: date | None) -> rules.OffenceFacts:
    offence = catalogue.get(conviction.offence_code)
    term = None if conviction.term_months is None else float(conviction.term_months)
    dto = conviction.detention_and_training_order
    condition = schedule_3.ConditionFacts(
        outcome=conviction.outcome,
        relevant_date=conviction.relevant_date,
        offender_age=_age(date_of_birth, conviction.committed_on or conviction.relevant_date),
        offender_age_from_relevant_date=conviction.committed_on is None,
        victim_age=conviction.victim_age,
        disposal_type=conviction.disposal_type or None,
        term_months=rules.detention_period(term) if dto else term,
        sexual_gratification_purpose=conviction.sexual_gratification_purpose,
    )
    triggered, basis = schedule_3.notification_triggered(offence, condition)
    if dto and offence.schedule_3 is not None and term is not None:
        basis += f" (the detention half of a {term:g}-month detention and training order, s.131)"
    if offence.code in catalogue.UNVERIFIED:
        basis += f" ({UNCHECKED})"
    listing = offence.schedule_15
    parts = listing.parts if listing else frozenset()
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
        in_schedule_15=bool(parts & {1, 2}),
        schedule_15_reference=listing.reference if listing else "",
        is_murder=offence.is_murder,
        in_schedule_3=offence.schedule_3 is not None,
        in_schedule_15_part_3=3 in parts,
        in_s327_4a=offence.s327_4a is not None,
        s327_4a_reference=offence.s327_4a.reference if offence.s327_4a else "",
        s327_4a_condition=offence.s327_4a.condition if offence.s327_4a else None,
        victim_age=conviction.victim_age,
        drug_class=conviction.drug_class or None,
        detention_and_training_order=dto,
        court_jurisdiction=conviction.court_jurisdiction,
    )


def terrorism_facts(conviction, date_of_birth: date | None) -> rules.TerrorismFacts:
    """A conviction as the facts for the CTA 2008 Part 4 rules (`offences.terrorism`)."""
    offence = catalogue.get(conviction.offence_code)
    listing = offence.schedule_15
    term = conviction.term_months
    return rules.TerrorismFacts(
        code=offence.code,
        title=offence.title,
        outcome=conviction.outcome,
        dealt_with_on=conviction.relevant_date,
        age_when_dealt_with=_age(date_of_birth, conviction.relevant_date),
        disposal_type=conviction.disposal_type or None,
        term_months=None if term is None else float(term),
        detention_and_training_order=conviction.detention_and_training_order,
        in_schedule_15_part_3=listing is not None and 3 in listing.parts,
    )


class ConvictionRow(NamedTuple):
    """The fields of a `Conviction` the rules read, for callers that fetch rows, not models."""

    offence_code: str
    outcome: str
    relevant_date: date
    committed_on: date | None
    victim_age: int | None
    disposal_type: str
    term_months: Decimal | None
    sexual_gratification_purpose: bool | None
    consecutive_group: str
    detention_and_training_order: bool
    court_jurisdiction: str = "england_and_wales"
    drug_class: str = ""  # "" when not recorded (CJA 2003 s.327(4A)(c))


CONVICTION_FIELDS = ConvictionRow._fields


class EventRow(NamedTuple):
    kind: str
    occurred_on: date


def record_rows(nominal_ids, *, event_kinds=None) -> tuple[dict, dict]:
    """Each person's convictions and events as plain rows (`ConvictionRow`, `EventRow`), by
    nominal id, in the order `nominal.convictions.all()` and `nominal.events.all()` give them:
    two queries whatever the number of people. `nominal_ids` is a list or a subquery of ids;
    `event_kinds` fetches only those kinds (`ELIGIBILITY_EVENTS` is all the rules read)."""
    convictions, events = defaultdict(list), defaultdict(list)
    for nominal_id, *fields in Conviction.objects.filter(nominal_id__in=nominal_ids).values_list(
        "nominal_id", *CONVICTION_FIELDS
    ):
        convictions[nominal_id].append(ConvictionRow(*fields))
    recorded = RecordedEvent.objects.filter(nominal_id__in=nominal_ids)
    if event_kinds is not None:
        recorded = recorded.filter(kind__in=event_kinds)
    for nominal_id, *fields in recorded.values_list("nominal_id", *EventRow._fields):
        events[nominal_id].append(EventRow(*fields))
    return convictions, events


def for_nominal(nominal, as_of: date) -> rules.Eligibility:
    """Evaluate eligibility on `as_of` (expects convictions and events to be prefetched or cheap)."""
    return for_record(
        nominal,
        convictions=list(nominal.convictions.all()),
        events=list(nominal.events.all()),
        as_of=as_of,
    )


# The only events the eligibility rules read: an indefinite notification requirement discharged
# on review (SOA 2003 s.91C). Callers that fetch rows may fetch only these.
ELIGIBILITY_EVENTS = (EventKind.LIFETIME_NOTIFICATION_REVOKED,)


def person_facts(person, events) -> rules.PersonFacts:
    """The person's facts for the rules: date of birth, release and licence end dates, and the
    first revocation on review among their events (`kind`, `occurred_on`)."""
    revoked = [e.occurred_on for e in events if e.kind in ELIGIBILITY_EVENTS]
    return rules.PersonFacts(
        date_of_birth=person.date_of_birth,
        release_date=person.release_date,
        licence_end_date=person.licence_end_date,
        lifetime_notification_revoked_on=min(revoked) if revoked else None,
    )


def for_record(person, *, convictions, events, as_of: date) -> rules.Eligibility:
    """Evaluate eligibility on `as_of` from a person's date of birth, release and licence end
    dates, their convictions (`Conviction`s or `ConvictionRow`s) and events (`kind`,
    `occurred_on`)."""
    facts = person_facts(person, events)
    offences = _offences(person, convictions)
    terrorism = [terrorism_facts(c, person.date_of_birth) for c in convictions]
    return rules.evaluate(offences=offences, person=facts, as_of=as_of, terrorism=terrorism)


def _offences(person, convictions) -> list[rules.OffenceFacts]:
    return rules.aggregate_consecutive_terms(
        [offence_facts(c, person.date_of_birth) for c in convictions],
        [c.consecutive_group for c in convictions],
    )


def notification_end(person, *, convictions, events, as_of: date) -> date | None:
    """The last day of the governing notification requirement among the offences dealt with by
    `as_of` (SOA 2003 s.82, s.91C), None while it has no end or there is none: the
    `notification` and its end that `for_record` gives, without the category's reasons."""
    facts = person_facts(person, events)
    note, _ = rules.governing_notification(_offences(person, convictions), facts, as_of)
    return None if note is None else rules.effective_end(note, facts)
