"""Pure rules about disclosure decisions. No Django imports (structural test)."""

from __future__ import annotations

from datetime import date, timedelta

DISCLOSE = "disclose"


# MAPPA Guidance ch.10: a decision to disclose says to whom, what, who will disclose, how and by
# when, and why it is necessary and proportionate to the risk; a decision not to disclose still
# records its reasons.
def decision_problems(
    *,
    decision: str,
    rationale: str,
    recipient: str,
    what_to_disclose: str,
    risk_protected_against: str,
    discloser: str,
    method: str,
    disclose_by: date | None,
    today: date,
) -> dict[str, str]:
    problems = {}
    if not rationale.strip():
        problems["rationale"] = "Give the reasons for the decision"
    if decision != DISCLOSE:
        return problems
    required = {
        "recipient": (recipient, "Say who the information is to be disclosed to"),
        "what_to_disclose": (what_to_disclose, "Say what is to be disclosed"),
        "risk_protected_against": (
            risk_protected_against,
            "Say what risk the disclosure protects against",
        ),
        "discloser": (discloser, "Say who will make the disclosure"),
        "method": (method, "Choose how the disclosure will be made"),
    }
    for field, (value, message) in required.items():
        if not value.strip():
            problems[field] = message
    if disclose_by is None:
        problems["disclose_by"] = "Enter the date the disclosure is to be made by"
    elif disclose_by < today:
        problems["disclose_by"] = "The date to disclose by must be today or in the future"
    return problems


MADE_METHODS = {"in_person", "telephone", "letter"}
TESTS = {
    "reasonable": "Say why the disclosure is reasonable",
    "necessary": "Say why the disclosure is necessary",
    "lawful": "Say what makes the disclosure lawful",
    "proportionate": "Say why the disclosure is proportionate",
}


# MAPPA Guidance ch.10 (10.2, updated May 2022): a disclosure must be reasonable, necessary,
# lawful and proportionate; a standalone decision says why it meets each test.
def test_problems(*, decision: str, tests: dict[str, str]) -> dict[str, str]:
    if decision != DISCLOSE:
        return {}
    return {name: message for name, message in TESTS.items() if not tests.get(name, "").strip()}


# MAPPA Guidance ch.10: the police disclosure officer decides; a decision from a meeting also
# needs the chair's agreement before the disclosure is made.
def decision_status(
    *, decision: str, from_meeting: bool, officer_agreed: bool, chair_agreed: bool, made: bool
) -> str:
    if decision != DISCLOSE:
        return "declined"
    if made:
        return "made"
    if not officer_agreed or (from_meeting and not chair_agreed):
        return "awaiting_agreement"
    return "to_be_made"


# MAPPA Guidance ch.10 and CSODS guidance 2023 (disclosure stage): the record of a disclosure
# says when, how, by whom and what was said; the recipient signs an undertaking of
# confidentiality (or the record says why not); the person is normally told (or the record
# says why not, e.g. it would increase the risk).
def made_problems(
    *,
    made_on: date | None,
    made_by: str,
    method: str,
    recipient: str,
    what_was_said: str,
    undertaking_signed: bool | None,
    no_undertaking_reason: str,
    offender_told: bool | None,
    offender_told_on: date | None,
    offender_not_told_reason: str,
    decided_on: date,
    today: date,
) -> dict[str, str]:
    problems = {}
    if made_on is None:
        problems["made_on"] = "Enter the date the disclosure was made"
    elif made_on > today:
        problems["made_on"] = "The date the disclosure was made must be today or in the past"
    elif made_on < decided_on:
        problems["made_on"] = "The disclosure cannot have been made before it was decided"
    if method not in MADE_METHODS:
        problems["method"] = "Choose how the disclosure was made"
    problems |= _required(
        {"made_by": made_by, "recipient": recipient, "what_was_said": what_was_said},
        {
            "made_by": "Say who made the disclosure",
            "recipient": "Say who the disclosure was made to",
            "what_was_said": "Say what was said",
        },
    )
    if undertaking_signed is None:
        problems["undertaking_signed"] = "Say whether the recipient signed the undertaking"
    elif not undertaking_signed and not no_undertaking_reason.strip():
        problems["no_undertaking_reason"] = "Say why there is no signed undertaking"
    return problems | _told_problems(
        offender_told, offender_told_on, offender_not_told_reason, today
    )


def _told_problems(
    told: bool | None, told_on: date | None, not_told_reason: str, today: date
) -> dict[str, str]:
    if told is None:
        return {"offender_told": "Say whether the person was told about the disclosure"}
    if told and told_on is None:
        return {"offender_told_on": "Enter the date the person was told"}
    if told and told_on > today:
        return {"offender_told_on": "The date the person was told must not be in the future"}
    if not told and not not_told_reason.strip():
        return {"offender_not_told_reason": "Say why the person was not told"}
    return {}


# --- Scheme applications -------------------------------------------------------------------

STAGES = [
    "initial_contact",
    "immediate_risk",
    "face_to_face",
    "research",
    "decision",
    "disclosure",
    "closed",
]
URGENT = "urgent_safeguarding"
# Letters and digits that cannot be mistaken for one another when read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERENCE_PREFIX = {"csods": "CS", "dvds": "DV"}


def reference_for(scheme: str, characters: str) -> str:
    """An applicant's reference, e.g. CS-7K3M-Q9PX, from eight random characters."""
    return f"{REFERENCE_PREFIX[scheme]}-{characters[:4]}-{characters[4:8]}"


# CSODS guidance (Cleveland Police; domain.md §6.3): the whole process within 45 days unless
# exceptional; DVDS statutory guidance 2023: 28 days (domain.md §6.4, unverified). The target
# is counted in calendar days from the day the application is received.
def due_on(received_on: date, target_days: int) -> date:
    return received_on + timedelta(days=target_days)


# The disclosure team's dashboard: red once the target date has passed, amber within
# `amber_days` of it (a local choice), otherwise green.
def rag(*, due: date, today: date, amber_days: int) -> str:
    if today > due:
        return "red"
    if (due - today).days <= amber_days:
        return "amber"
    return "green"


# CSODS guidance 2010 (toolkit) and 2023, DVDS statutory guidance 2023: initial contact, an
# immediate-risk check (urgent safeguarding leaves the scheme), a face-to-face meeting with
# identity checks, research, a decision, then the disclosure or a non-disclosure letter.
def next_stage(stage: str, outcome: str = "") -> str:
    if stage == "immediate_risk" and outcome == URGENT:
        return "closed"
    return STAGES[STAGES.index(stage) + 1]


def _date_problem(value: date | None, label: str, today: date, earliest: date) -> str | None:
    if value is None:
        return f"Enter the date {label}"
    if value > today:
        return f"The date {label} must be today or in the past"
    if value < earliest:
        return f"The date {label} cannot be before the application was received"
    return None


def _required(details: dict, messages: dict[str, str]) -> dict[str, str]:
    return {
        field: message
        for field, message in messages.items()
        if not str(details.get(field) or "").strip()
    }


def _initial_contact(details: dict, today: date, received_on: date) -> dict[str, str]:
    problems = _required(details, {"how": "Choose how contact was made"})
    if problem := _date_problem(details.get("contacted_on"), "of contact", today, received_on):
        problems["contacted_on"] = problem
    if not details.get("scheme_explained"):
        problems["scheme_explained"] = "Confirm the scheme was explained to the applicant"
    return problems


def _immediate_risk(details: dict, today: date, received_on: date) -> dict[str, str]:
    problems = _required(details, {"checks": "Say what was checked"})
    if details.get("immediate_risk") not in (True, False):
        problems["immediate_risk"] = "Say whether anyone is at immediate risk of harm"
    elif details["immediate_risk"]:
        problems |= _required(details, {"action_taken": "Say what safeguarding action was taken"})
    return problems


def _face_to_face(details: dict, today: date, received_on: date) -> dict[str, str]:
    problems = _required(details, {"identity_documents": "Say which documents were seen"})
    if problem := _date_problem(details.get("met_on"), "of the meeting", today, received_on):
        problems["met_on"] = problem
    if not details.get("identity_checked"):
        problems["identity_checked"] = (
            "The applicant's identity must be checked before the application goes on"
        )
    return problems


def _research(details: dict, today: date, received_on: date) -> dict[str, str]:
    return _required(
        details, {"checks_made": "Say what was checked", "findings": "Say what the checks found"}
    )


def _letter(details: dict, today: date, received_on: date) -> dict[str, str]:
    problems = _required(details, {"sent_how": "Choose how the letter was sent"})
    if problem := _date_problem(details.get("sent_on"), "the letter was sent", today, received_on):
        problems["sent_on"] = problem
    return problems


STAGE_CHECKS = {
    "initial_contact": _initial_contact,
    "immediate_risk": _immediate_risk,
    "face_to_face": _face_to_face,
    "research": _research,
    "letter": _letter,
}


# The minimum standards of information at each stage (CSODS guidance appendices B, C and F;
# DVDS guidance: the same stages). Identity must be checked face to face before research.
def stage_problems(stage: str, details: dict, *, today: date, received_on: date) -> dict[str, str]:
    return STAGE_CHECKS[stage](details, today, received_on)


# CSODS guidance 2023 ("the person best placed to protect the child", who may not be the
# applicant); DVDS guidance 2023 (the person at risk, or whoever is best placed to protect them).
def recipient_problems(
    *,
    decision: str,
    recipient_is_applicant: bool | None,
    why_best_placed: str,
    nominal_linked: bool,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if decision != DISCLOSE:
        return problems
    if not nominal_linked:
        problems["nominal"] = "Choose the person on the register the disclosure is about"
    if recipient_is_applicant is None:
        problems["recipient_is_applicant"] = "Say whether the recipient is the applicant"
    if not why_best_placed.strip():
        problems["why_best_placed"] = "Say why the recipient is best placed to protect"
    return problems
