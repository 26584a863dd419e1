"""A person's MAPPA eligibility from their record: the catalogue, Schedule 3 and the rules together.

`for_nominal(nominal, as_of)` resolves each conviction against the offence
catalogue and its Schedule 3 condition, then hands plain facts to the pure
rules in `rules.py`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from mappa.offences import catalogue, periods, rules, schedule_3, sentences
from mappa.offences.models import Conviction
from mappa.people.constants import EventKind
from mappa.people.models import RecordedEvent

UNCHECKED = "the wording of this condition is still to be checked against the published text"
_age = rules.whole_years


def _condition_facts(conviction, date_of_birth: date | None, term: float | None):
    """What Schedule 3's conditions read of a conviction (a model or a `ConvictionRow`); a
    detention and training order counts its detention half (SOA 2003 s.131(a))."""
    dto = conviction.detention_and_training_order
    return schedule_3.ConditionFacts(
        outcome=conviction.outcome,
        relevant_date=conviction.relevant_date,
        offender_age=_age(date_of_birth, conviction.committed_on or conviction.relevant_date),
        offender_age_from_relevant_date=conviction.committed_on is None,
        victim_age=conviction.victim_age,
        disposal_type=conviction.disposal_type or None,
        term_months=rules.detention_period(term) if dto else term,
        sexual_gratification_purpose=conviction.sexual_gratification_purpose,
    )


def offence_facts(conviction, date_of_birth: date | None) -> rules.OffenceFacts:
    offence = catalogue.get(conviction.offence_code)
    term = None if conviction.term_months is None else float(conviction.term_months)
    dto = conviction.detention_and_training_order
    condition = _condition_facts(conviction, date_of_birth, term)
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
        court_jurisdiction=conviction.court_jurisdiction,
        terrorist_connection_determined=conviction.terrorist_connection,
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
    terrorist_connection: bool = False  # a court's determination (CTA 2008 s.42(1))


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


# The same end as `notification_end`, for the annual report's loop over every category 1 person:
# each offence's yes/no Schedule 3 result (`schedule_3.triggers`) and its s.82 period as numbers,
# without the reasons (OffenceFacts' bases, the periods' words) nothing here reads. The rules are
# those of `offences.rules` (s.80, s.82(1)-(4), s.91C, s.131) and `offences.sentences`; the
# equivalence is tested on generated records (test_notification_end_rows.py).
def _s82_term(offence, row, term, aggregate) -> float:
    """The term the s.82(1) table reads, as `sentences.custodial_term(..., for_s82=True)`."""
    if term is None:  # as `sentences.custodial_term` raises
        raise ValueError(f"{offence.code}: term_months is required for {row.disposal_type}")
    if aggregate is not None:
        return aggregate
    if row.detention_and_training_order:
        return rules.detention_period(term)
    if row.disposal_type == "extended_sentence" and not (
        row.relevant_date < sentences.EXTENDED_SENTENCE_MINIMUM_FROM
    ):
        return term + 12
    return term


def _s82_months(offence, row, term, aggregate) -> tuple[int | None, int, bool]:
    """(months or None for indefinite, days, halvable): `rules._s82_row` without its words."""
    kind = row.disposal_type or None
    if row.outcome == "caution":
        return 24, 0, True
    if kind in sentences.TERMED:
        term = _s82_term(offence, row, term, aggregate)
        return (None, 0, False) if term >= 30 else ((120 if term > 6 else 84), 0, True)
    if kind in ("life_imprisonment", "ipp", "hospital_order_with_restriction"):
        return None, 0, False
    if kind == "hospital_order":
        return 84, 0, True
    if kind == "conditional_discharge":
        months, days, _ = periods.conditional_discharge_row(term)
        return months, days, False
    return 60, 0, True


def _imprisoned(row, term) -> bool:
    return (
        row.outcome == "conviction"
        and (row.disposal_type or None) == "imprisonment"
        and (term is not None)
    )


def _resolved(person, convictions) -> list[tuple]:
    """Each conviction with its offence, its term in months and whether it triggers notification."""
    born = person.date_of_birth
    resolved = []
    for row in convictions:
        offence = catalogue.get(row.offence_code)
        term = None if row.term_months is None else float(row.term_months)
        condition = _condition_facts(row, born, term)
        resolved.append((row, offence, term, schedule_3.triggers(offence, condition)))
    return resolved


def _aggregates(resolved) -> dict[str, float]:
    """SOA 2003 s.82(3), (4)(a): each consecutive group's aggregate term, where two or more of
    its convictions trigger notification and were dealt with by imprisonment or detention (as
    `periods.aggregate_consecutive_terms` finds them)."""
    groups: dict[str, list[float]] = {}
    for row, _, term, triggered in resolved:
        if row.consecutive_group and triggered and _imprisoned(row, term):
            half = rules.detention_period(term) if row.detention_and_training_order else term
            groups.setdefault(row.consecutive_group, []).append(half)
    return {group: sum(terms) for group, terms in groups.items() if len(terms) >= 2}


def _requirement_end(row, offence, term, aggregate, born, revoked_on) -> date | None:
    """The last day of one offence's requirement (s.82, s.91C); None while it has no end."""
    months, days, halvable = _s82_months(offence, row, term, aggregate)
    if halvable and months is not None:
        age = _age(born, row.relevant_date)
        if age is not None and age < 18:  # s.82(2)
            months //= 2
    start = row.relevant_date
    if months is not None:
        return periods.add_months(start, months) + timedelta(days=days - 1)
    if revoked_on is not None and revoked_on >= start:  # s.91C
        return revoked_on
    return None


def notification_end_from_rows(person, *, convictions, events, as_of: date) -> date | None:
    """`notification_end(person, convictions=..., events=..., as_of=...)`, computed without the
    reasons: the last day of the governing notification requirement, None while it has no end
    or there is none."""
    resolved = _resolved(person, convictions)
    aggregates = _aggregates(resolved)
    revoked = [e.occurred_on for e in events if e.kind in ELIGIBILITY_EVENTS]
    revoked_on = min(revoked) if revoked else None
    ends = []
    for row, offence, term, triggered in resolved:
        if row.relevant_date > as_of or not triggered:
            continue
        if row.outcome == "conviction" and row.disposal_type == "absolute_discharge":
            continue  # Sentencing Code s.82(2), SOA 2003 s.134: no requirement
        group = row.consecutive_group
        aggregate = aggregates.get(group) if group and _imprisoned(row, term) else None
        ends.append(
            _requirement_end(row, offence, term, aggregate, person.date_of_birth, revoked_on)
        )
    # the requirement ending last governs; an indefinite one ends last
    if not ends or None in ends:
        return None
    return max(ends)
