"""Pure rules about disclosure decisions. No Django imports (structural test)."""

from __future__ import annotations

from datetime import date

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
