"""Oversight vocabulary: audit kinds and items, serious case review stages and sections."""

from django.db import models


class AuditKind(models.TextChoices):
    MEETING = "meeting", "Meeting audit (MAPPA L)"
    CASE = "case", "Case audit"


class ReviewStatus(models.TextChoices):
    """Where a serious case review is (MAPPA Guidance ch.20)."""

    NOTIFIED = "notified", "Notified: awaiting the board's decision"
    NOT_HELD = "not_held", "The board decided not to hold a review"
    IN_PROGRESS = "in_progress", "Review in progress"
    COMPLETED = "completed", "Review completed"


class PlanStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed"


# MAPPA L (audit of level 2 and 3 meetings, MAPPA Guidance 2012 forms; domain.md §2.4, §3.1):
# every item scored 4 excellent to 1 poor, in the form's sections, in our own words.
MEETING_SCORES = [
    (4, "4: Excellent"),
    (3, "3: Satisfactory"),
    (2, "2: Unsatisfactory"),
    (1, "1: Poor"),
]
MEETING_ITEMS = [
    ("joining_instructions", "Arrangements", "Attendees had joining instructions beforehand"),
    ("paperwork", "Arrangements", "Attendees had the referral and previous minutes beforehand"),
    ("welcome", "Arrangements", "Attendees were properly welcomed"),
    ("venue", "Arrangements", "The room or video call suited the meeting"),
    ("started_on_time", "Conduct", "The meeting began at the stated time"),
    ("purpose_stated", "Conduct", "The purpose and objectives were stated at the outset"),
    ("introductions", "Conduct", "Attendees introduced themselves and their role"),
    ("statement_read", "Conduct", "The confidentiality and diversity statement was read or shown"),
    ("time_allocated", "Conduct", "Time was given by importance, urgency and complexity"),
    ("digressions_avoided", "Conduct", "Unhelpful comments and digressions were avoided"),
    ("all_contributed", "Conduct", "The chair drew in every attendee"),
    ("dissent_recorded", "Conduct", "Dissent was noted and the way forward recorded"),
    ("victim_issues", "Risk assessment", "The chair made sure victim issues were addressed"),
    ("diversity_issues", "Risk assessment", "The chair made sure diversity issues were addressed"),
    ("risk_summarised", "Risk assessment", "The chair summarised the risk of serious harm factors"),
    ("plan_considered", "Risk assessment", "The risk management plan was properly considered"),
]

# The case audit form (MAPPA Guidance 2012 forms; domain.md §3.1), each question with its own
# answers and the form's score for each.
YES_NO = [(3, "Yes"), (1, "No")]
TIMELY = [
    (4, "Very timely"),
    (3, "Should have been more than a week earlier"),
    (2, "Should have been more than a month earlier"),
    (1, "Should have been more than three months earlier"),
]
COMPLETELY = [
    (4, "Yes, completely"),
    (3, "Yes, mostly"),
    (2, "No, mostly not"),
    (1, "No, not at all"),
]
CASE_ITEMS = [
    ("referral_timely", "Referral", "How timely was the referral?", TIMELY),
    ("referral_complete", "Referral", "Were all relevant sections completed?", YES_NO),
    ("meeting_timely", "Meeting", "How timely was the initial meeting after the referral?", TIMELY),
    (
        "agencies_attended",
        "Attendance",
        "Did all the relevant agencies attend?",
        [(3, "Yes, all"), (2, "No, one did not"), (1, "No, two or more did not")],
    ),
    (
        "reports_received",
        "Attendance",
        "Did agencies that did not attend send the reports they should have?",
        [(4, "Yes, all"), (3, "Yes, most"), (2, "No, mostly not"), (1, "No, none")],
    ),
    ("minutes_clear", "Minutes", "Were the minutes clear and concise?", COMPLETELY),
    ("category_recorded", "Minutes", "Was the MAPPA category clearly identified?", YES_NO),
    ("level_recorded", "Minutes", "Was the management level recorded?", YES_NO),
    ("initial_plan", "Minutes", "Did the lead agency complete an initial risk plan?", YES_NO),
    ("agenda_followed", "Conduct", "Do the minutes show the agenda was followed?", YES_NO),
    ("risk_addressed", "Conduct", "Do the minutes show risk was properly addressed?", COMPLETELY),
    ("diversity_considered", "Conduct", "Do the minutes show diversity was considered?", YES_NO),
]


def items_for(kind: str) -> list[tuple[str, str, str, list[tuple[int, str]]]]:
    """(code, section, question, answers) for every item of an audit of this kind."""
    if kind == AuditKind.MEETING:
        return [(code, section, text, MEETING_SCORES) for code, section, text in MEETING_ITEMS]
    return list(CASE_ITEMS)


# The MAPPA O serious case review report's headings (domain.md §3.5), the review's text fields.
REPORT_SECTIONS = {
    "why_review": "1. Why a MAPPA serious case review?",
    "background": "2. Case background",
    "process": "3. Review process",
    "agencies": "4. Relevant agencies and their roles",
    "chronology": "5. Chronology",
    "findings": "6. Findings: practice assessed against the MAPPA Guidance and legislation",
    "conclusions": "7. Conclusions, learning points and good practice",
}
