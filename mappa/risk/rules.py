"""Pure rules about risk of serious harm, risk management plans and licence conditions.

No Django imports (structural test). Values are plain strings, dates and times; the codes
are those of mappa.risk.constants.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time

# OASys RoSH levels, least to most serious (NOMS RoSH Guidance 2009; Probation Circular 36/2006).
LEVELS = ("low", "medium", "high", "very_high")
LEVEL_NAMES = {"low": "low", "medium": "medium", "high": "high", "very_high": "very high"}

COMMUNITY = "community"
CUSTODY = "custody"
COMMUNITY_GROUPS = ("children", "public", "known_adult", "staff")
CUSTODY_GROUPS = (*COMMUNITY_GROUPS, "prisoners")

PLAN_SECTIONS = (
    "supervision",
    "monitoring_and_control",
    "interventions_and_treatment",
    "victim_safety_planning",
    "contingency",
)


# OASys rates RoSH per group: children, public, known adult and staff in the community, and in
# custody also prisoners (domain.md §4.1, the OASys R10 layout; the custody list is UNVERIFIED).
def groups_for(setting: str) -> tuple[str, ...]:
    return CUSTODY_GROUPS if setting == CUSTODY else COMMUNITY_GROUPS


# domain.md §4.1: RoSH is stored per setting and group, "plus an overall (highest) level".
def highest(levels: Iterable[str | None]) -> str | None:
    rated = [level for level in levels if level]
    return max(rated, key=LEVELS.index) if rated else None


# domain.md §4.1: the overall RoSH is the highest level given to any group in any setting.
def overall_level(ratings: Mapping[str, Mapping[str, str]]) -> str | None:
    return highest(level for groups in ratings.values() for level in groups.values())


# OASys (domain.md §4.1): every group in a setting is rated; "low" is the lowest level, there is
# no "no risk". Custody is rated only while the person is in custody, and then in full.
def ratings_problems(setting: str, ratings: Mapping[str, str]) -> dict[str, str]:
    problems = {}
    for group in groups_for(setting):
        if ratings.get(group) not in LEVELS:
            problems[f"{setting}_{group}"] = (
                f"Choose the risk to {group_name(group)} {_where(setting)}"
            )
    for group in set(ratings) - set(groups_for(setting)):
        problems[f"{setting}_{group}"] = (
            f"{group_name(group).capitalize()} are not rated {_where(setting)}"
        )
    return problems


def group_name(group: str) -> str:
    """How a group reads in a sentence: "the risk to <group_name>"."""
    return {"known_adult": "a known adult", "public": "the public"}.get(group, group)


def _where(setting: str) -> str:
    return "in custody" if setting == CUSTODY else "in the community"


# NOMS RoSH Guidance 2009 (as in Scottish MAPPA guidance 2016 §4.5): very high means serious
# harm is imminent; high means it could happen at any time but is not imminent; low and medium
# mean it is unlikely unless circumstances change. Imminence must agree with the highest level.
def imminence_problem(*, overall: str | None, imminence: str) -> str | None:
    if overall == "very_high" and imminence != "imminent":
        return "A very high risk of serious harm is imminent by definition: choose imminent"
    if imminence == "imminent" and overall != "very_high":
        return (
            "An imminent risk of serious harm is very high by definition: "
            "rate the group at risk very high, or choose not imminent"
        )
    return None


# An assessment records a judgement already made: its date cannot be in the future.
def assessment_date_problem(*, assessed_on: date, today: date) -> str | None:
    if assessed_on > today:
        return "The date of the assessment must be today or in the past"
    return None


# MAPPA Guidance (domain.md §4.2): say which tools informed the assessment; "other" is named.
def tools_problems(tools: Iterable[str], other_tool: str) -> dict[str, str]:
    tools = list(tools)
    if not tools:
        return {"tools": "Choose the tools used, or another tool and name it"}
    if "other" in tools and not other_tool.strip():
        return {"other_tool": "Name the other tool used"}
    if other_tool.strip() and "other" not in tools:
        return {"tools": "Choose another tool to name one"}
    return {}


def plan_entries(text: str) -> list[str]:
    """A pillar written one measure per line: the measures, without blanks or bullets."""
    entries = (line.strip().lstrip("-*•").strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


# MAPPA Guidance ch.12: a risk management plan addresses supervision, monitoring and control,
# interventions and treatment and victim safety (the "four pillars") plus contingency.
def missing_plan_sections(entries: Mapping[str, list[str]]) -> list[str]:
    return [section for section in PLAN_SECTIONS if not entries.get(section)]


# What each type of licence condition must say (PI 13/2010 licence conditions; PI 11/2014
# polygraph). Field names are those of the condition forms.
REQUIRED_FOR_KIND: dict[str, dict[str, str]] = {
    "residence": {"address": "Enter the address they must live at"},
    "no_contact": {"named_person": "Enter the name of the person they must not contact"},
    "exclusion_zone": {
        "zone": "Enter the exclusion zone as a GeoJSON polygon",
        "description": "Describe the exclusion zone in words",
    },
    "curfew": {
        "curfew_from": "Enter the time the curfew starts",
        "curfew_to": "Enter the time the curfew ends",
    },
    "electronic_monitoring": {"monitoring": "Choose what is monitored"},
    "polygraph": {},
    "programme_attendance": {"programme": "Enter the programme they must attend"},
    "other": {"description": "Enter the wording of the condition"},
}


def condition_problems(
    kind: str, *, starts_on: date | None, ends_on: date | None, details: Mapping[str, object]
) -> dict[str, str]:
    """Problems with a licence condition, by field; empty when it may be recorded."""
    if kind not in REQUIRED_FOR_KIND:
        return {"kind": "Choose the type of licence condition"}
    problems = {
        field: message
        for field, message in REQUIRED_FOR_KIND[kind].items()
        if details.get(field) in (None, "", [], {})
    }
    if starts_on is None:
        problems["starts_on"] = "Enter the date the condition starts"
    elif ends_on is not None and ends_on < starts_on:
        problems["ends_on"] = "The end date must be the same as or after the start date"
    if (
        kind == "curfew"
        and details.get("curfew_from")
        and details.get("curfew_from") == details.get("curfew_to")
    ):
        problems["curfew_to"] = "The curfew must end at a different time from when it starts"
    return problems


# A condition applies from its start date to its end date inclusive; no end date means until
# the licence ends.
def is_current(*, starts_on: date, ends_on: date | None, today: date) -> bool:
    return starts_on <= today and (ends_on is None or today <= ends_on)


def curfew_hours(curfew_from: time, curfew_to: time) -> float:
    """Hours a daily curfew lasts; a curfew may run overnight (19:00 to 07:00 is 12 hours)."""
    start = datetime.combine(date.min, curfew_from)
    end = datetime.combine(date.min, curfew_to)
    seconds = (end - start).total_seconds() % (24 * 3600)
    return seconds / 3600


# Release planning (issue 16): an address is checked against an exclusion zone for every day
# the two periods share, future days included; a shared period wholly before today is history
# and warns no more. An address with no start date is taken as held from before the zone, and
# no end date (address or zone) as open-ended. The first shared day, or None when they share
# no day from today on.
def zone_overlap_from(
    *,
    address_from: date | None,
    address_to: date | None,
    zone_from: date,
    zone_to: date | None,
    today: date,
) -> date | None:
    start = max(zone_from, address_from) if address_from else zone_from
    ends = [end for end in (address_to, zone_to) if end is not None]
    end = min(ends) if ends else None
    if end is not None and (end < start or end < today):
        return None
    return start
