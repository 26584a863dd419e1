"""The events of a person's MAPPA cases in order, for the timeline on their page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Entry:
    on: date
    title: str
    description: str
    by: str = ""
    # On the same day a case starts before its level is set, and is reviewed before it closes.
    rank: int = 0


def _name(user) -> str:
    return (
        f"{user.display_name}, {user.agency.name}"
        if user and user.agency
        else (user.display_name if user else "")
    )


def _referral_entries(referrals) -> list[Entry]:
    found = []
    for referral in referrals:
        found.append(
            Entry(
                referral.submitted_at.date(),
                f"Referred to level {referral.level_requested}",
                f"Referral from {referral.referring_agency.name}",
                _name(referral.referred_by),
            )
        )
        for decision in referral.decisions.all():
            about = decision.missing_information or decision.rationale
            found.append(
                Entry(
                    decision.decided_at.date(),
                    f"Screening: {decision.get_outcome_display().lower()}",
                    about,
                    _name(decision.decided_by),
                    1,
                )
            )
    return found


def entries(cases, referrals=()) -> list[Entry]:
    """Referrals and their screening, case starts, level decisions, reviews and closures,
    newest first (expects prefetches); `referrals` are submitted ones the reader may see."""
    found: list[Entry] = _referral_entries(referrals)
    for case in cases:
        if case.start_date:
            category = case.get_category_display() or "Category to be determined"
            found.append(Entry(case.start_date, "MAPPA case started", category))
        for change in case.level_history.all():
            about = f"{change.get_source_display()}. {change.rationale}".strip()
            found.append(
                Entry(
                    change.effective_from,
                    f"Level {change.level}",
                    about,
                    _name(change.decided_by),
                    1,
                )
            )
        for review in case.reviews.all():
            about = f"{review.get_decision_display()}. {review.rationale}"
            found.append(
                Entry(review.held_on, "Level 1 review", about, _name(review.reviewed_by), 2)
            )
        if case.closed_on:
            reason = case.get_closure_reason_display()
            found.append(Entry(case.closed_on, "MAPPA case closed", reason, rank=3))
    return sorted(found, key=lambda entry: (entry.on, entry.rank), reverse=True)
