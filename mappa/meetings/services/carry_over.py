"""Pre-filling a case's minutes: from its last approved minutes, or for a first meeting from the
accepted referral (MAPPA C notes: sections may be copied from the MAPPA A or the last minutes
if still accurate, and must be amended if not: the chair edits them).

"Relevant information since the last meeting", the decision and the actions are never carried.
The risk section is written from the RoSH assessment current at the meeting when there is one
(it is newer than any earlier minutes or referral), imminence in the assessment's own words.
"""

from __future__ import annotations

from mappa.meetings import rules
from mappa.meetings.constants import CarriedFrom, MeetingStatus
from mappa.meetings.models.minutes import CaseMinutes
from mappa.referrals import sections
from mappa.referrals.constants import Status as ReferralStatus
from mappa.referrals.models import Referral
from mappa.risk.models import RoshAssessment

FROM_MINUTES = (
    "offender_information",
    "conviction",
    "relevant_dates",
    "risk_summary",
    "victim_issues",
    "diversity",
    "plan_summary",
)
# Referral section (MAPPA A) -> the minutes section it pre-fills.
FROM_REFERRAL = {
    "offender": "offender_information",
    "conviction": "conviction",
    "dates": "relevant_dates",
    "hospital": "relevant_dates",
    "reason": "relevant_information",
    "risk": "risk_summary",
    "victims": "victim_issues",
    "diversity": "diversity",
    "plan": "plan_summary",
}


def last_approved(item) -> CaseMinutes | None:
    """The case's minutes from the latest earlier meeting whose minutes were approved."""
    return (
        CaseMinutes.objects.filter(
            agenda_item__case_id=item.case_id,
            discussed=True,
            minutes__meeting__status__in=(
                MeetingStatus.MINUTES_APPROVED,
                MeetingStatus.CIRCULATED,
            ),
            minutes__meeting__date__lte=item.meeting.date,
        )
        .exclude(minutes__meeting_id=item.meeting_id)
        .select_related("minutes__meeting")
        .order_by("-minutes__meeting__date", "-minutes__approved_at")
        .first()
    )


def accepted_referral(item) -> Referral | None:
    return (
        Referral.objects.filter(case_id=item.case_id, status=ReferralStatus.ACCEPTED)
        .order_by("-submitted_at")
        .first()
    )


def _referral_text(referral: Referral) -> dict[str, str]:
    filled: dict[str, list[str]] = {}
    for answers in sections.answers(referral):
        target = FROM_REFERRAL.get(answers.section.key)
        if target is None:
            continue
        lines = [f"{question}: {answer}" for question, answer in answers.rows]
        lines = [line for line in lines if not line.endswith(": Not given")]
        filled.setdefault(target, []).extend(lines)
    return {field: "\n".join(lines) for field, lines in filled.items() if lines}


def current_assessment(item) -> RoshAssessment | None:
    """The case's latest RoSH assessment dated on or before the meeting."""
    return (
        RoshAssessment.objects.filter(case_id=item.case_id, assessed_on__lte=item.meeting.date)
        .order_by("-assessed_on", "-recorded_at")
        .first()
    )


def risk_text(assessment: RoshAssessment) -> str:
    return rules.risk_summary(
        assessed_on=assessment.assessed_on,
        overall=assessment.get_overall_level_display().lower(),
        who_is_at_risk=assessment.who_is_at_risk,
        nature_of_harm=assessment.nature_of_harm,
        imminence=assessment.imminence,
        when_risk_greatest=assessment.when_risk_greatest,
        increasing_factors=assessment.increasing_factors,
        reducing_factors=assessment.reducing_factors,
    )


def prefill(item) -> dict:
    """The fields a new CaseMinutes starts with, and where they came from."""
    filled = _carried(item)
    assessment = current_assessment(item)
    if assessment is not None:
        filled["risk_summary"] = risk_text(assessment)
    return filled


def _carried(item) -> dict:
    previous = last_approved(item)
    if previous is not None:
        return {field: getattr(previous, field) for field in FROM_MINUTES} | {
            "carried_from": CarriedFrom.MINUTES,
            "carried_from_date": previous.minutes.meeting.date,
        }
    referral = accepted_referral(item)
    if referral is not None:
        submitted = referral.submitted_at.date() if referral.submitted_at else None
        return _referral_text(referral) | {
            "carried_from": CarriedFrom.REFERRAL,
            "carried_from_date": submitted,
        }
    return {}
