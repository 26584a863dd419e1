"""Words a practitioner reads on the person page's eligibility panel: a notification period as
"10 years", not its ISO 8601 form "P10Y", and the dates the eligibility rules write into their
reasons as "2 December 2026", not "2026-12-02" (issue 16 item 15).

The rules keep the ISO forms, which the import format and the API use (nominal-import.md).
"""

from __future__ import annotations

import re
from datetime import date

from django import template

from mappa.offences.periods import in_words, parse_period

register = template.Library()

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@register.filter
def period_in_words(period: str) -> str:
    """An ISO 8601 period ("P10Y", "P2Y6M") or "indefinite" in words; anything else as it is."""
    try:
        parsed = parse_period(str(period))
    except ValueError:
        return period
    return "Indefinite" if parsed.months is None else in_words(parsed.months, parsed.days)


def _day(match: re.Match) -> str:
    try:
        return f"{date(*(int(part) for part in match.groups())):%-d %B %Y}"
    except ValueError:
        return match.group(0)


@register.filter
def dates_in_words(text: str) -> str:
    """The ISO dates in a reason written as "2 December 2026"."""
    return ISO_DATE.sub(_day, str(text))
