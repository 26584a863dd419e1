"""Whether a conviction, caution or finding makes a person subject to notification.

Sexual Offences Act 2003 (SOA 2003) s.80: a person convicted of, found not guilty by reason of
insanity of, found under a disability to have done the act of, or (in England and Wales)
cautioned for, an offence listed in Schedule 3 is subject to the notification requirements of
Part 2. Many Schedule 3 paragraphs list an offence only "if" a condition is met (ages, the
sentence). Those conditions are data in ``data/schedule_3.json``, in this condition language:

    condition := null                                 every conviction, finding or caution counts
      | {"all": [condition, ...]}                      every clause holds
      | {"any": [condition, ...]}                      at least one clause holds
      | {"offender_age_under": N}                      offender's age at the time of the offence < N
      | {"offender_age_at_least": N}                   ... >= N
      | {"victim_age_under": N}                        victim's age at the time of the offence < N
                                                       (para 31: the intended victim's age)
      | {"imprisonment": true}                         sentenced to a term of imprisonment
      | {"imprisonment_months_at_least": N}            ... of at least N months
      | {"detained_in_hospital": true}                 hospital order, with or without restriction
      | {"hospital_restriction_order": true}           ADDED: "admitted to a hospital subject to a
                                                       restriction order" (paras 7, 8)
      | {"community_sentence_months_at_least": N}      community sentence of at least N months
      | {"relevant_date_before": "YYYY-MM-DD"}         conviction, finding or caution before a date
                                                       (paras 13-15: before 1 May 2004, when Part 2
                                                       came into force)
      | {"images_of_under": N}                         indecent images: the youngest person shown
                                                       was under N (taken from ``victim_age``; para
                                                       95: age when the photograph was taken)
      | {"purpose_sexual_gratification": true}         ADDED: the offence was committed for the
                                                       purpose of obtaining sexual gratification
                                                       (paras 33A and 34A, ss.66A and 67A)

Evaluation is three-valued: each clause is met, not met, or not shown (a fact it needs is not
recorded). ``all`` fails on any failed clause; ``any`` succeeds on any met clause; otherwise an
unknown clause leaves the whole condition not shown, and notification is NOT triggered, with a
basis that names the missing fact.

Meanings (SOA 2003 ss.131 to 133, Sch.3 paras 95 and 96):

- Ages are ages at the time of the offence (para 95); for indecent photographs, the age of the
  person shown when the photograph was taken. Where the offence date was not recorded the caller
  gives the age on the relevant date and sets ``offender_age_from_relevant_date``; the basis then
  says so.
- "Imprisonment" includes detention in a young offender institution, detention and training
  orders and other detention of young people (s.131). Disposal types that are a term of
  imprisonment: ``imprisonment``, ``life_imprisonment``, ``ipp``, ``extended_sentence`` and
  ``suspended_imprisonment``. A suspended sentence counts: a suspended sentence which has not
  taken effect "is to be treated as a sentence of imprisonment for the purposes of all
  enactments" (Criminal Justice Act 2003 s.189(6), carried into the Sentencing Code), as the
  Court of Appeal relied on in R v Uddin [2022] EWCA Crim 751; its term is the term imposed.
  Life imprisonment and IPP meet any "at least N months" threshold.
- "Detained in a hospital": ``hospital_order`` or ``hospital_order_with_restriction``; only the
  latter is "subject to a restriction order". A guardianship order is neither.
- "Community sentence" (para 96): ``community_order`` or ``youth_rehabilitation_order``, its
  length in ``term_months``.
- A caution is not a sentence. A condition about the sentence (imprisonment, hospital, community
  sentence) cannot be met by a caution, so the offences listed subject to such a "sentencing
  condition" (s.132) trigger notification on a caution only where another branch of the
  condition (an age condition, say) is met; a condition only about ages can be met by a caution.
  Note for callers: s.132(3) treats the person as convicted when the sentencing condition is met
  (at sentence), which matters when conviction and sentence dates differ.

Scope: the England and Wales paragraphs, 1 to 35C (including the inserted 24A, 29A to 29C, 33A,
33B, 34A and 35A to 35C). The Scotland (36 to 60) and Northern Ireland (61 to 92 and the inserted
92A onwards) paragraphs are not encoded. The service-law paragraphs 93 and 93A (offences under
the Army Act 1955, Air Force Act 1955, Naval Discipline Act 1957 and Armed Forces Act 2006 s.42
whose corresponding civil offence is listed) are omitted: the offence-code contract has no codes
for service offences. The general paragraphs take effect as follows: para 94 (attempts,
conspiracy, incitement, aiding and abetting) by recording the substantive offence's code; para 95
in the age leaves; para 96 in the community-sentence leaf; para 97 (a person shown is taken to be
under 16 if it appears so from the evidence) in the ``victim_age`` the caller records.

``ConditionFacts`` extends the interface with one optional field,
``sexual_gratification_purpose`` (default ``None``, "not recorded"), needed by paras 33A and 34A.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mappa.offences.catalogue import Offence

ACT = "Sexual Offences Act 2003"
PART_2_COMMENCEMENT = "2004-05-01"
RELEVANT_DATE_NOTE = "age taken on the relevant date because the offence date is not recorded"

OUTCOMES = {
    "conviction": "conviction",
    "caution": "caution",
    "not_guilty_insanity": "finding of not guilty by reason of insanity",
    "unfit_to_plead_did_act": "finding that the offender was under a disability and did the act",
}

IMPRISONMENT = frozenset(
    {"imprisonment", "life_imprisonment", "ipp", "extended_sentence", "suspended_imprisonment"}
)
INDETERMINATE = frozenset({"life_imprisonment", "ipp"})
HOSPITAL = frozenset({"hospital_order", "hospital_order_with_restriction"})
COMMUNITY = frozenset({"community_order", "youth_rehabilitation_order"})

DISPOSAL_LABELS = {
    "life_imprisonment": "imprisonment for life",
    "ipp": "imprisonment for public protection",
    "imprisonment": "imprisonment",
    "extended_sentence": "an extended sentence",
    "suspended_imprisonment": "a suspended sentence of imprisonment",
    "hospital_order": "a hospital order",
    "hospital_order_with_restriction": "a hospital order with a restriction order",
    "guardianship_order": "a guardianship order",
    "community_order": "a community order",
    "youth_rehabilitation_order": "a youth rehabilitation order",
    "conditional_discharge": "a conditional discharge",
    "absolute_discharge": "an absolute discharge",
    "fine": "a fine",
    "none": "no sentence",
    "other": "another disposal",
}

CAUTION_IS_NO_SENTENCE = "a caution is not a sentence, so no condition about the sentence is met"
DISPOSAL_MISSING = "the sentence or order is not recorded"


@dataclass(frozen=True)
class ConditionFacts:
    outcome: str  # conviction | caution | not_guilty_insanity | unfit_to_plead_did_act
    relevant_date: date  # conviction, finding or caution
    offender_age: int | None  # at the time of the offence (None: unknown)
    offender_age_from_relevant_date: bool  # age taken on the relevant date: say so in the basis
    victim_age: int | None  # or, for indecent images, the youngest person shown
    disposal_type: str | None  # contract disposal types
    term_months: float | None  # custodial term, or the order's length
    sexual_gratification_purpose: bool | None = None  # extension: paras 33A, 34A


@dataclass(frozen=True)
class _Result:
    """One clause's outcome: True (met), False (not met) or None (not shown), with the reasons."""

    value: bool | None
    met: tuple[str, ...] = ()
    unmet: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def notification_triggered(offence: Offence, facts: ConditionFacts) -> tuple[bool, str]:
    """Whether this Schedule 3 offence, with these facts, makes the person subject to
    notification (SOA 2003 s.80 and Sch.3), and a human-readable basis citing the paragraph."""
    if facts.outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {facts.outcome!r}")
    listing = offence.schedule_3
    if listing is None:
        return False, f"{offence.title} ({offence.code}) is not a Schedule 3 offence ({ACT} s.80)"
    prefix = f"{ACT} s.80 and Sch.3 para {listing.paragraph}"
    if listing.condition is None:
        return True, (
            f"{prefix}: {offence.title} is listed without a condition, so the "
            f"{OUTCOMES[facts.outcome]} triggers notification"
        )
    result = evaluate(listing.condition, facts)
    return result.value is True, _basis(prefix, result)


def evaluate(condition: dict[str, Any], facts: ConditionFacts) -> _Result:
    """Evaluate a (validated, non-null) condition against the facts."""
    ((key, value),) = condition.items()
    if key == "all":
        return _all([evaluate(clause, facts) for clause in value])
    if key == "any":
        return _any([evaluate(clause, facts) for clause in value])
    return LEAVES[key](value, facts)


def _basis(prefix: str, result: _Result) -> str:
    if result.value is True:
        text = f"{prefix}: " + "; ".join(result.met)
    elif result.value is False:
        text = f"{prefix}: condition not met: " + "; ".join(result.unmet)
    else:
        text = f"{prefix}: condition not shown to be met: " + "; ".join(
            _unique(result.missing + result.unmet)
        )
    if result.notes:
        text += " (" + "; ".join(result.notes) + ")"
    return text


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _gather(results: list[_Result], field: str) -> tuple[str, ...]:
    return _unique(tuple(item for result in results for item in getattr(result, field)))


def _combine(value: bool | None, chosen: list[_Result], everything: list[_Result]) -> _Result:
    return _Result(
        value=value,
        met=_gather(chosen, "met"),
        unmet=_gather(chosen, "unmet"),
        missing=_gather(chosen, "missing"),
        notes=_gather(everything, "notes"),
    )


def _all(results: list[_Result]) -> _Result:
    failed = [r for r in results if r.value is False]
    if failed:
        return _combine(False, failed, results)
    unknown = [r for r in results if r.value is None]
    if unknown:
        return _combine(None, unknown, results)
    return _combine(True, results, results)


def _any(results: list[_Result]) -> _Result:
    passed = [r for r in results if r.value is True]
    if passed:
        return _combine(True, passed, passed)
    if any(r.value is None for r in results):
        return _combine(None, results, results)
    return _combine(False, results, results)


# Leaves -----------------------------------------------------------------------------------------


def _age_notes(facts: ConditionFacts) -> tuple[str, ...]:
    return (RELEVANT_DATE_NOTE,) if facts.offender_age_from_relevant_date else ()


def _offender_age_under(limit: int, facts: ConditionFacts) -> _Result:
    age = facts.offender_age
    if age is None:
        return _Result(
            None, missing=("the offender's age at the time of the offence is not known",)
        )
    if age < limit:
        return _Result(
            True, met=(f"the offender was under {limit} (aged {age})",), notes=_age_notes(facts)
        )
    return _Result(
        False, unmet=(f"the offender was not under {limit} (aged {age})",), notes=_age_notes(facts)
    )


def _offender_age_at_least(limit: int, facts: ConditionFacts) -> _Result:
    age = facts.offender_age
    if age is None:
        return _Result(
            None, missing=("the offender's age at the time of the offence is not known",)
        )
    if age >= limit:
        return _Result(
            True, met=(f"the offender was {limit} or over (aged {age})",), notes=_age_notes(facts)
        )
    return _Result(
        False,
        unmet=(f"the offender was not {limit} or over (aged {age})",),
        notes=_age_notes(facts),
    )


def _victim_age_under(limit: int, facts: ConditionFacts) -> _Result:
    age = facts.victim_age
    if age is None:
        return _Result(None, missing=("the victim's age is not recorded",))
    if age < limit:
        return _Result(True, met=(f"the victim was under {limit} (aged {age})",))
    return _Result(False, unmet=(f"the victim was not under {limit} (aged {age})",))


def _images_of_under(limit: int, facts: ConditionFacts) -> _Result:
    age = facts.victim_age
    subject = "the youngest person shown in the images"
    if age is None:
        return _Result(None, missing=(f"the age of {subject} is not recorded",))
    if age < limit:
        return _Result(True, met=(f"{subject} was under {limit} (aged {age})",))
    return _Result(False, unmet=(f"{subject} was not under {limit} (aged {age})",))


def _label(facts: ConditionFacts) -> str:
    return DISPOSAL_LABELS.get(facts.disposal_type or "", str(facts.disposal_type))


def _no_sentence(facts: ConditionFacts) -> _Result | None:
    """The answer for a sentencing condition when there is no sentence to look at, else None."""
    if facts.outcome == "caution":
        return _Result(False, unmet=(CAUTION_IS_NO_SENTENCE,))
    if facts.disposal_type is None:
        return _Result(None, missing=(DISPOSAL_MISSING,))
    return None


def _sentenced_to_imprisonment(facts: ConditionFacts) -> str:
    if facts.disposal_type == "imprisonment":
        return "the offender was sentenced to a term of imprisonment"
    return f"the offender was sentenced to a term of imprisonment ({_label(facts)})"


def _imprisonment(_flag: bool, facts: ConditionFacts) -> _Result:
    early = _no_sentence(facts)
    if early is not None:
        return early
    if facts.disposal_type in IMPRISONMENT:
        return _Result(True, met=(_sentenced_to_imprisonment(facts),))
    return _Result(
        False, unmet=(f"the offender was not sentenced to imprisonment ({_label(facts)})",)
    )


def _imprisonment_months_at_least(months: int, facts: ConditionFacts) -> _Result:
    early = _no_sentence(facts)
    if early is not None:
        return early
    if facts.disposal_type in INDETERMINATE:
        return _Result(
            True,
            met=(
                f"the offender was sentenced to {_label(facts)}, which is at least {months} months",
            ),
        )
    if facts.disposal_type not in IMPRISONMENT:
        return _Result(
            False, unmet=(f"the offender was not sentenced to imprisonment ({_label(facts)})",)
        )
    if facts.term_months is None:
        return _Result(None, missing=("the length of the custodial term is not recorded",))
    term = _months(facts.term_months)
    if facts.term_months >= months:
        return _Result(
            True,
            met=(
                f"the offender was sentenced to {_label(facts)} for {term} months, "
                f"at least {months} months",
            ),
        )
    return _Result(
        False,
        unmet=(
            f"the offender was sentenced to {_label(facts)} for {term} months, "
            f"less than {months} months",
        ),
    )


def _detained_in_hospital(_flag: bool, facts: ConditionFacts) -> _Result:
    early = _no_sentence(facts)
    if early is not None:
        return early
    if facts.disposal_type in HOSPITAL:
        return _Result(True, met=(f"the offender was detained in a hospital ({_label(facts)})",))
    return _Result(False, unmet=(f"the offender was not detained in a hospital ({_label(facts)})",))


def _hospital_restriction_order(_flag: bool, facts: ConditionFacts) -> _Result:
    early = _no_sentence(facts)
    if early is not None:
        return early
    if facts.disposal_type == "hospital_order_with_restriction":
        return _Result(
            True, met=("the offender was admitted to a hospital subject to a restriction order",)
        )
    return _Result(
        False,
        unmet=(
            "the offender was not admitted to a hospital subject to a "
            f"restriction order ({_label(facts)})",
        ),
    )


def _community_sentence_months_at_least(months: int, facts: ConditionFacts) -> _Result:
    early = _no_sentence(facts)
    if early is not None:
        return early
    if facts.disposal_type not in COMMUNITY:
        return _Result(
            False,
            unmet=(
                f"the offender was not made the subject of a community sentence ({_label(facts)})",
            ),
        )
    if facts.term_months is None:
        return _Result(None, missing=("the length of the community sentence is not recorded",))
    term = _months(facts.term_months)
    if facts.term_months >= months:
        return _Result(
            True,
            met=(
                f"the offender was made the subject of {_label(facts)} of {term} "
                f"months, at least {months} months",
            ),
        )
    return _Result(
        False,
        unmet=(
            f"the offender was made the subject of {_label(facts)} of {term} "
            f"months, less than {months} months",
        ),
    )


def _relevant_date_before(limit: str, facts: ConditionFacts) -> _Result:
    when = date.fromisoformat(limit)
    event = f"the {OUTCOMES[facts.outcome]} ({facts.relevant_date.isoformat()})"
    what = "the commencement of Part 2 (1 May 2004)" if limit == PART_2_COMMENCEMENT else limit
    if facts.relevant_date < when:
        return _Result(True, met=(f"{event} was before {what}",))
    return _Result(False, unmet=(f"{event} was not before {what}",))


def _purpose_sexual_gratification(_flag: bool, facts: ConditionFacts) -> _Result:
    purpose = facts.sexual_gratification_purpose
    if purpose is None:
        return _Result(
            None,
            missing=(
                "whether the offence was committed for the purpose of "
                "obtaining sexual gratification is not recorded",
            ),
        )
    if purpose:
        return _Result(
            True,
            met=("the offence was committed for the purpose of obtaining sexual gratification",),
        )
    return _Result(
        False,
        unmet=("the offence was not committed for the purpose of obtaining sexual gratification",),
    )


def _months(term: float) -> str:
    return str(int(term)) if float(term).is_integer() else f"{term:g}"


LEAVES: dict[str, Callable[[Any, ConditionFacts], _Result]] = {
    "offender_age_under": _offender_age_under,
    "offender_age_at_least": _offender_age_at_least,
    "victim_age_under": _victim_age_under,
    "images_of_under": _images_of_under,
    "imprisonment": _imprisonment,
    "imprisonment_months_at_least": _imprisonment_months_at_least,
    "detained_in_hospital": _detained_in_hospital,
    "hospital_restriction_order": _hospital_restriction_order,
    "community_sentence_months_at_least": _community_sentence_months_at_least,
    "relevant_date_before": _relevant_date_before,
    "purpose_sexual_gratification": _purpose_sexual_gratification,
}


# Yes/no evaluation ------------------------------------------------------------------------------
# The same three-valued evaluation as `evaluate`, without the reasons, for callers that read only
# whether notification is triggered (the annual report's notification ends). Each catalogue
# condition is compiled once into a predicate giving True (met), False (not met) or None (not
# shown); `triggers` agrees with `notification_triggered(...)[0]` (test_schedule_3_triggers.py).


def _sentence_known(facts: ConditionFacts) -> bool | None:
    """False for a caution (no sentence), None when the sentence is not recorded, else True."""
    if facts.outcome == "caution":
        return False
    if facts.disposal_type is None:
        return None
    return True


def _fast_imprisonment(_flag, facts):
    known = _sentence_known(facts)
    return known if known is not True else facts.disposal_type in IMPRISONMENT


def _fast_imprisonment_months_at_least(months, facts):
    known = _sentence_known(facts)
    if known is not True:
        return known
    if facts.disposal_type in INDETERMINATE:
        return True
    if facts.disposal_type not in IMPRISONMENT:
        return False
    return None if facts.term_months is None else facts.term_months >= months


def _fast_detained_in_hospital(_flag, facts):
    known = _sentence_known(facts)
    return known if known is not True else facts.disposal_type in HOSPITAL


def _fast_hospital_restriction_order(_flag, facts):
    known = _sentence_known(facts)
    return known if known is not True else facts.disposal_type == "hospital_order_with_restriction"


def _fast_community_sentence_months_at_least(months, facts):
    known = _sentence_known(facts)
    if known is not True:
        return known
    if facts.disposal_type not in COMMUNITY:
        return False
    return None if facts.term_months is None else facts.term_months >= months


def _fast_purpose(_flag, facts):
    purpose = facts.sexual_gratification_purpose
    return None if purpose is None else bool(purpose)


def _fast_under(attribute: str):
    def leaf(limit, facts):
        age = getattr(facts, attribute)
        return None if age is None else age < limit

    return leaf


def _fast_at_least(limit, facts):
    age = facts.offender_age
    return None if age is None else age >= limit


def _fast_relevant_date_before(limit, facts):
    return facts.relevant_date < date.fromisoformat(limit)


FAST_LEAVES: dict[str, Callable[[Any, ConditionFacts], bool | None]] = {
    "offender_age_under": _fast_under("offender_age"),
    "offender_age_at_least": _fast_at_least,
    "victim_age_under": _fast_under("victim_age"),
    "images_of_under": _fast_under("victim_age"),
    "imprisonment": _fast_imprisonment,
    "imprisonment_months_at_least": _fast_imprisonment_months_at_least,
    "detained_in_hospital": _fast_detained_in_hospital,
    "hospital_restriction_order": _fast_hospital_restriction_order,
    "community_sentence_months_at_least": _fast_community_sentence_months_at_least,
    "relevant_date_before": _fast_relevant_date_before,
    "purpose_sexual_gratification": _fast_purpose,
}


def predicate(condition: dict[str, Any]) -> Callable[[ConditionFacts], bool | None]:
    """A (validated, non-null) condition compiled to a function of the facts giving its value
    as `evaluate` gives it: True (met), False (not met) or None (not shown)."""
    ((key, value),) = condition.items()
    if key in ("all", "any"):
        clauses = [predicate(clause) for clause in value]
        decisive = key == "any"  # any: a met clause decides; all: a failed clause decides

        def combined(facts: ConditionFacts) -> bool | None:
            values = [clause(facts) for clause in clauses]
            if decisive in values:
                return decisive
            return None if None in values else not decisive

        return combined
    leaf = FAST_LEAVES[key]
    if key == "relevant_date_before":
        when = date.fromisoformat(value)
        return lambda facts: facts.relevant_date < when
    return lambda facts: leaf(value, facts)


# by offence code, with the listing compiled (a listing built elsewhere with the same code is
# compiled afresh)
_PREDICATES: dict[str, tuple[Any, Callable[[ConditionFacts], bool | None]]] = {}


def triggers(offence: Offence, facts: ConditionFacts) -> bool:
    """`notification_triggered(offence, facts)[0]` without building its basis: whether this
    offence, with these facts, makes the person subject to notification (SOA 2003 s.80, Sch.3)."""
    if facts.outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {facts.outcome!r}")
    listing = offence.schedule_3
    if listing is None:
        return False
    if listing.condition is None:
        return True
    compiled = _PREDICATES.get(offence.code)
    if compiled is None or compiled[0] is not listing:
        compiled = _PREDICATES[offence.code] = (listing, predicate(listing.condition))
    return compiled[1](facts) is True
