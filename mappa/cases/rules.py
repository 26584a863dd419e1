"""Pure rules about the MAPPA case. No Django imports (structural test)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

CATEGORY_3 = 3
CATEGORY_4 = 4

# Category 4, terrorist and terrorism-risk offenders (MAPPA Guidance ch.24, "Managing Terrorism and
# Extremism"; shared/reference/domain.md §1.1), is seen only by users the area has given terrorism
# clearance: without it no page, list, e-mail or count shows the case or that it exists.
NEEDS_CLEARANCE = frozenset({CATEGORY_4})


def may_see_category(category: int | None, *, cleared: bool) -> bool:
    """Whether a user with (or without) terrorism clearance may learn of a case of this category."""
    return cleared or category not in NEEDS_CLEARANCE


CT_MAPPA, LOCAL_MAPPA = "ct_mappa", "local_mappa"


# MAPPA Guidance para 24.25 (updated 13 September 2023): "Most TACT/TACT connected individuals will
# be managed under CT MAPPA but they may be managed under local MAPPA where the primary risk does
# not relate to terrorism. The Lead Agency will determine whether [one] is managed under CT MAPPA
# or local MAPPA." Why a decision cannot be recorded as given, or None.
def terrorism_management_problem(
    *, category: int | None, management: str, rationale: str, decider_is_lead_agency: bool
) -> tuple[str, str] | None:
    """(field, message) naming what is wrong with a CT MAPPA / local MAPPA decision, or None."""
    if category not in NEEDS_CLEARANCE:
        return "management", "Only a category 4 case is managed under CT MAPPA or local MAPPA"
    if management not in (CT_MAPPA, LOCAL_MAPPA):
        return "management", "Choose CT MAPPA or local MAPPA"
    if not decider_is_lead_agency:
        return "management", "The case's lead agency decides whether it is managed under CT MAPPA"
    if management == LOCAL_MAPPA and not rationale.strip():
        return "rationale", "Say why the primary risk does not relate to terrorism"
    return None


# MAPPA Guidance; nDelius: "Category 3 offenders require multi-agency management at Level 2 or 3
# and should not be recorded at Level 1" (shared/reference/domain.md §1.1): they leave MAPPA instead.
def level_allowed_for_category(*, category: int | None, level: int | None) -> bool:
    return not (category == CATEGORY_3 and level == 1)


# MAPPA Guidance (shared/seeds, domain.md §0): level 2 reviewed at least every 16 weeks, level 3 at
# least every 8 weeks; level 1 within the area's own interval. The intervals are settings.
def next_review_due(*, level: int, last_review: date, interval_weeks: Mapping[int, int]) -> date:
    """The latest date the next review may be held, counting from the last review."""
    if level not in interval_weeks:
        raise ValueError(f"no review interval is configured for level {level}")
    return last_review + timedelta(weeks=interval_weeks[level])


ON_TRACK, DUE_SOON, OVERDUE, NOT_SET = "on_track", "due_soon", "overdue", "not_set"


def review_status(*, due: date | None, today: date, due_soon_days: int = 28) -> str:
    """Red (overdue: past its date), amber (due within `due_soon_days`) or green; never silent."""
    if due is None:
        return NOT_SET
    if due < today:
        return OVERDUE
    if due <= today + timedelta(days=due_soon_days):
        return DUE_SOON
    return ON_TRACK


ENDED, ENDING_SOON = "ended", "ending_soon"


# A category 1 case cannot outlive its notification requirement, nor a category 2 case its
# eligibility (CJA 2003 s.327; MAPPA Guidance): warn the co-ordinator ahead of the end.
def eligibility_warning(
    *, eligibility_end: date | None, today: date, warn_weeks: int = 8
) -> str | None:
    if eligibility_end is None:
        return None
    if eligibility_end < today:
        return ENDED
    if eligibility_end <= today + timedelta(weeks=warn_weeks):
        return ENDING_SOON
    return None


# Potentially dangerous persons (PDPs). College of Policing APP, "Potentially dangerous persons"
# (Major investigation and public protection; Managing sexual offenders and violent offenders):
# "A PDP is a person who is not currently managed under one of the three MAPPA categories, but
# whose behaviour gives reasonable grounds for believing that there is a present likelihood of them
# committing an offence or offences that will cause serious harm." ACPO Guidance 2010, as Kent
# Police policy N96E para 3.2 quotes it: "A present likelihood reflects imminence and that the
# potential event is more likely than not to happen." No statute governs PDPs; the police manage
# them, usually with other agencies (APP, same module; shared/reference/domain.md §1.5).
PDP_DEFINITION = (
    "not managed under one of the three MAPPA categories, but whose behaviour gives reasonable "
    "grounds for believing that there is a present likelihood of them committing an offence or "
    "offences that will cause serious harm (College of Policing APP, Potentially dangerous persons)"
)
POLICE = "police"

# Lowest first. Which rank may decide to manage someone as a PDP is the setting
# MAPPA_PDP_DECISION_MINIMUM_RANK: the APP text read names none (UNVERIFIED; docs/pdp.md).
POLICE_RANKS = (
    "constable",
    "sergeant",
    "inspector",
    "chief_inspector",
    "superintendent",
    "chief_superintendent",
    "assistant_chief_constable",
    "deputy_chief_constable",
    "chief_constable",
)


def rank_at_least(rank: str, minimum: str) -> bool:
    """Whether `rank` is `minimum` or above it (unknown ranks are below every rank)."""
    if rank not in POLICE_RANKS:
        return False
    return POLICE_RANKS.index(rank) >= POLICE_RANKS.index(minimum)


def mappa_category_of(*, category: int | None, category_4_indicated: bool) -> int | None:
    """The MAPPA category a person's record makes them eligible under, or None.

    Categories 1 and 2 are computed from the record (CJA 2003 s.327); category 4 where the record
    indicates it (offences.category_4, MAPPA Guidance ch.24); category 3 is a decision, never
    computed (s.325(2)(b)), so a person it might fit is not refused as a PDP by this rule.
    """
    if category is not None:
        return category
    return CATEGORY_4 if category_4_indicated else None


# APP, Potentially dangerous persons: a PDP is someone not managed under the MAPPA categories. A
# person whose record makes them MAPPA-eligible is referred to MAPPA instead.
def pdp_eligibility_problem(*, category: int | None, category_4_indicated: bool) -> str | None:
    found = mappa_category_of(category=category, category_4_indicated=category_4_indicated)
    if found is None:
        return None
    return (
        f"This person is eligible for MAPPA (category {found}), so cannot be managed as a "
        "potentially dangerous person: refer them to MAPPA instead"
    )


# APP, Potentially dangerous persons: PDPs are identified and managed by the police; the
# proposal says what behaviour gives the grounds (the definition's "reasonable grounds").
def pdp_proposal_problem(*, proposer_agency: str | None, grounds: str) -> tuple[str, str] | None:
    if proposer_agency != POLICE:
        return "grounds", "Only a police officer may propose managing a person as a PDP"
    if not grounds.strip():
        return (
            "grounds",
            "Say what behaviour gives reasonable grounds to believe there is a present "
            "likelihood of serious harm",
        )
    return None


# APP, Potentially dangerous persons (police-led), with the area's minimum rank for the decision
# (MAPPA_PDP_DECISION_MINIMUM_RANK): the decision to manage, continue or end management as a PDP
# is a police officer's, with their rank and the rationale recorded.
def pdp_decision_problem(
    *, decider_agency: str | None, rank: str, minimum_rank: str, rationale: str
) -> tuple[str, str] | None:
    if decider_agency != POLICE:
        return "rank", "Only a police officer may decide on managing a person as a PDP"
    if not rank:
        return "rank", "Select your rank"
    if rank not in POLICE_RANKS:
        return "rank", "Select your rank from the list"
    if not rank_at_least(rank, minimum_rank):
        words = minimum_rank.replace("_", " ")
        return "rank", f"The decision must be made by an officer of the rank of {words} or above"
    if not rationale.strip():
        return "rationale", "Give the rationale for the decision"
    return None


def pdp_review_due(*, decided_on: date, weeks: int) -> date:
    """The next PDP review, `weeks` (MAPPA_PDP_REVIEW_WEEKS) after the decision or review."""
    return decided_on + timedelta(weeks=weeks)


# Transfers between MAPPA areas. MAPPA Guidance para 17.1 ("Responsibility for MAPPA Cases",
# updated 2021; https://mappa.justice.gov.uk/MAPPA/view?objectId=12997652): cases are owned by the
# agencies with a statutory responsibility for managing them, which transfer them under their own
# policies; "Transfers should be expedited to mitigate risk and minimise disruption to the risk
# management plan", and MAPPA areas cannot oblige or prevent a transfer. So the lead agency (or the
# co-ordinator acting for it) requests, and the receiving area sets its own level (ch.7) on
# acceptance; the receiving area may query the request but not refuse it.
REQUESTED, QUERIED, ACCEPTED, WITHDRAWN = "requested", "queried", "accepted", "withdrawn"
IN_HAND_OVER = frozenset({REQUESTED, QUERIED})

# Who may move a transfer on from each state (the step: the states it may come from).
TRANSFER_STEPS = {
    "query": frozenset({REQUESTED}),  # the receiving area asks for what it needs
    "answer": frozenset({QUERIED}),  # the sending area answers; it returns to the receiving area
    "accept": frozenset({REQUESTED}),  # the receiving area accepts, with its own level
    "withdraw": frozenset({REQUESTED, QUERIED}),  # the requester withdraws before acceptance
}


def transfer_step_allowed(*, step: str, status: str) -> bool:
    """Whether a transfer in `status` may take `step` (accepted and withdrawn are final)."""
    return status in TRANSFER_STEPS[step]


def transfer_request_problem(
    *,
    from_area: int,
    to_area: int | None,
    level: int | None,
    reason: str,
    new_address: str,
    proposed_meeting: str,
    case_open: bool,
    already_in_hand_over: bool,
) -> tuple[str, str] | None:
    """(field, message) naming what is wrong with a transfer request, or None.

    A level 2 or 3 case is managed through meetings (MAPPA Guidance ch.7, ch.13a), so the request
    proposes how the receiving area's first meeting is to be arranged; ch.17.1 asks for expedition.
    """
    if not case_open:
        return "case", "Only an open case can be transferred"
    if already_in_hand_over:
        return "case", "This case already has a transfer waiting: withdraw it first"
    if to_area is None:
        return "to_area", "Choose the area the person is moving to"
    if to_area == from_area:
        return "to_area", "Choose another area: the case is already managed in this one"
    if not reason.strip():
        return "reason", "Give the reason for the transfer"
    if not new_address.strip():
        return "new_address", "Enter the person's new address"
    if level in (2, 3) and not proposed_meeting.strip():
        return "proposed_meeting", "A level 2 or 3 case needs a proposed meeting in the new area"
    return None


def sending_area_reads(*, status: str, reads_until: date | None, today: date) -> bool:
    """Whether the sending area still reads an accepted transfer's case (read-only), on `today`.

    The period is `MAPPA_TRANSFER_READ_DAYS` from acceptance (local practice, docs/transfers.md).
    """
    return status == ACCEPTED and reads_until is not None and today <= reads_until


def transfer_response_status(*, requested_on: date, today: date, response_days: int) -> str:
    """Red (the receiving area's answer is overdue), amber (due within two days) or green."""
    return review_status(
        due=requested_on + timedelta(days=response_days), today=today, due_soon_days=2
    )


# Temporary stays (holidays, approved premises in another area): the home area tells the other
# area, and the case does not move. The host area's co-ordinators see the stay, the person's
# identity and the risk summary from the day the stay is notified until its last day, not after
# (need to know: shared/reference/domain.md §3, information-sharing; MAPPA Guidance ch.9).
def stay_problem(
    *,
    home_area: int,
    host_area: int | None,
    starts_on: date,
    ends_on: date,
    address: str,
    case_open: bool,
) -> tuple[str, str] | None:
    """(field, message) naming what is wrong with a temporary stay, or None."""
    if not case_open:
        return "case", "Only an open case can have a temporary stay"
    if host_area is None:
        return "host_area", "Choose the area the person is staying in"
    if host_area == home_area:
        return "host_area", "Choose another area: a stay is in an area other than the case's own"
    if ends_on < starts_on:
        return "ends_on", "The last day of the stay must be on or after its first day"
    if not address.strip():
        return "address", "Enter the address of the stay"
    return None


def stay_dates_problem(
    *, starts_on: date, ends_on: date, today: date, longest_days: int
) -> tuple[str, str] | None:
    """(field, message) naming what is wrong with a temporary stay's dates, or None.

    A stay is temporary: it lasts at most `longest_days` (`MAPPA_STAY_LONGEST_DAYS`) and starts
    within that many days of today; a longer stay is a move, and the lead agency requests a
    transfer (MAPPA Guidance para 17.1, "Responsibility for MAPPA Cases"). The number is local
    practice: the Guidance names none."""
    if ends_on < starts_on:
        return "ends_on", "The last day of the stay must be on or after its first day"
    if (ends_on - starts_on).days + 1 > longest_days:
        return "ends_on", (
            f"A temporary stay lasts at most {longest_days} days: for a longer stay, "
            "request a transfer to the other area"
        )
    if starts_on > today + timedelta(days=longest_days):
        return "starts_on", f"The first day of the stay must be within {longest_days} days"
    return None


def stay_end_problem(
    *, starts_on: date, ends_on: date, ended_on: date, ended_early: bool
) -> tuple[str, str] | None:
    """(field, message) naming what is wrong with ending a temporary stay early on `ended_on`,
    or None: it ends on or after its first day and before its planned last day (a later day is
    a change of the stay, not an early end). The host area then sees it until `ended_on`
    (`stay_visible_to_host`)."""
    if ended_early:
        return "ended_on", "This stay has already been ended early"
    if ended_on < starts_on:
        return "ended_on", "The stay cannot end before its first day"
    if ended_on >= ends_on:
        return "ended_on", (
            "To end the stay early, give a day before its last day: "
            "to make it longer, change the stay"
        )
    return None


def stay_visible_to_host(*, ends_on: date, today: date) -> bool:
    """The host area sees the stay from when it is notified (so it can prepare) to its last day."""
    return today <= ends_on


def may_act_for_lead_agency(
    *, in_case_area: bool, is_officer: bool, is_coordinator: bool, is_lead_agency_practitioner: bool
) -> bool:
    """Who requests a transfer or notifies a stay: the agency that owns the case (MAPPA Guidance
    para 17.1), that is its responsible officer or the lead agency's practitioners in the case's
    area, or the area's co-ordinator acting for them."""
    return in_case_area and (is_officer or is_coordinator or is_lead_agency_practitioner)
