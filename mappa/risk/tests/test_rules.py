"""The risk rules, table by table, each with its source. No database."""

from datetime import date, time

import pytest

from mappa.risk import rules

ALL_LOW = {"children": "low", "public": "low", "known_adult": "low", "staff": "low"}


# domain.md §4.1: RoSH is rated per group, plus an overall level, the highest given.
@pytest.mark.parametrize(
    ("ratings", "overall"),
    [
        ({"community": ALL_LOW}, "low"),
        ({"community": ALL_LOW | {"staff": "medium"}}, "medium"),
        ({"community": ALL_LOW | {"children": "high", "public": "medium"}}, "high"),
        ({"community": ALL_LOW, "custody": ALL_LOW | {"prisoners": "very_high"}}, "very_high"),
        ({"community": ALL_LOW | {"public": "very_high"}, "custody": ALL_LOW}, "very_high"),
        ({}, None),
    ],
)
def test_the_overall_level_is_the_highest_given_to_any_group(ratings, overall):
    assert rules.overall_level(ratings) == overall


# OASys R10 (domain.md §4.1): prisoners are a risk group in custody only.
@pytest.mark.parametrize(
    ("setting", "groups"),
    [
        ("community", ("children", "public", "known_adult", "staff")),
        ("custody", ("children", "public", "known_adult", "staff", "prisoners")),
    ],
)
def test_prisoners_are_rated_only_in_custody(setting, groups):
    assert rules.groups_for(setting) == groups


# OASys: every group in a setting is rated; there is no "no risk" level.
@pytest.mark.parametrize(
    ("setting", "ratings", "problems"),
    [
        ("community", ALL_LOW, {}),
        (
            "community",
            ALL_LOW | {"staff": None},
            {"community_staff": "Choose the risk to staff in the community"},
        ),
        (
            "community",
            ALL_LOW | {"public": "none"},
            {"community_public": "Choose the risk to the public in the community"},
        ),
        (
            "community",
            ALL_LOW | {"prisoners": "low"},
            {"community_prisoners": "Prisoners are not rated in the community"},
        ),
        ("custody", ALL_LOW, {"custody_prisoners": "Choose the risk to prisoners in custody"}),
        ("custody", ALL_LOW | {"prisoners": "high"}, {}),
    ],
)
def test_every_group_of_a_setting_is_rated(setting, ratings, problems):
    assert rules.ratings_problems(setting, ratings) == problems


# NOMS RoSH Guidance 2009: very high means imminent; high, medium and low do not.
@pytest.mark.parametrize(
    ("overall", "imminence", "refused"),
    [
        ("very_high", "imminent", False),
        ("very_high", "not_imminent", True),
        ("high", "imminent", True),
        ("high", "not_imminent", False),
        ("medium", "imminent", True),
        ("low", "not_imminent", False),
    ],
)
def test_imminence_agrees_with_the_level(overall, imminence, refused):
    assert (rules.imminence_problem(overall=overall, imminence=imminence) is not None) is refused


TODAY = date(2026, 11, 21)


# An assessment records a judgement already made.
@pytest.mark.parametrize(
    ("assessed_on", "refused"),
    [(date(2026, 11, 20), False), (TODAY, False), (date(2026, 11, 22), True)],
)
def test_an_assessment_is_not_dated_in_the_future(assessed_on, refused):
    problem = rules.assessment_date_problem(assessed_on=assessed_on, today=TODAY)
    assert (problem is not None) is refused


# MAPPA Guidance tools (domain.md §4.2): at least one; "other" is named.
@pytest.mark.parametrize(
    ("tools", "other", "problems"),
    [
        (["oasys"], "", {}),
        (["oasys", "other"], "Stable 2007", {}),
        ([], "", {"tools": "Choose the tools used, or another tool and name it"}),
        (["other"], " ", {"other_tool": "Name the other tool used"}),
        (["sara"], "Stable 2007", {"tools": "Choose another tool to name one"}),
    ],
)
def test_the_tools_used_are_named(tools, other, problems):
    assert rules.tools_problems(tools, other) == problems


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (
            "Weekly reporting\n\n- Home visits \n* ViSOR\n",
            ["Weekly reporting", "Home visits", "ViSOR"],
        ),
        ("   \n", []),
        ("• One measure", ["One measure"]),
    ],
)
def test_a_pillar_is_written_one_measure_per_line(text, entries):
    assert rules.plan_entries(text) == entries


# MAPPA Guidance ch.12: the four pillars plus contingency.
@pytest.mark.parametrize(
    ("entries", "missing"),
    [
        ({section: ["x"] for section in rules.PLAN_SECTIONS}, []),
        (
            {section: ["x"] for section in rules.PLAN_SECTIONS} | {"contingency": []},
            ["contingency"],
        ),
        ({"supervision": ["x"]}, list(rules.PLAN_SECTIONS[1:])),
    ],
)
def test_a_plan_covers_the_four_pillars_and_contingency(entries, missing):
    assert rules.missing_plan_sections(entries) == missing


START = date(2026, 1, 1)


# PI 13/2010 and PI 11/2014: what each type of licence condition must say.
@pytest.mark.parametrize(
    ("kind", "details", "ends_on", "problems"),
    [
        ("residence", {"address": "Bedford AP"}, None, {}),
        ("residence", {}, None, {"address": "Enter the address they must live at"}),
        ("no_contact", {"named_person": "Jane Doe"}, date(2027, 1, 1), {}),
        (
            "no_contact",
            {"named_person": ""},
            None,
            {"named_person": "Enter the name of the person they must not contact"},
        ),
        (
            "exclusion_zone",
            {"zone": {"type": "Polygon"}},
            None,
            {"description": "Describe the exclusion zone in words"},
        ),
        ("curfew", {"curfew_from": time(19), "curfew_to": time(7)}, None, {}),
        (
            "curfew",
            {"curfew_from": time(19), "curfew_to": time(19)},
            None,
            {"curfew_to": "The curfew must end at a different time from when it starts"},
        ),
        ("electronic_monitoring", {"monitoring": "location"}, None, {}),
        ("polygraph", {}, None, {}),
        ("programme_attendance", {}, None, {"programme": "Enter the programme they must attend"}),
        ("other", {"description": "Not to own a dog"}, None, {}),
        (
            "other",
            {"description": "x"},
            date(2025, 12, 31),
            {"ends_on": "The end date must be the same as or after the start date"},
        ),
        ("other", {"description": "x"}, START, {}),
        ("tattoo", {}, None, {"kind": "Choose the type of licence condition"}),
    ],
)
def test_each_type_of_condition_says_what_it_must(kind, details, ends_on, problems):
    assert (
        rules.condition_problems(kind, starts_on=START, ends_on=ends_on, details=details)
        == problems
    )


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "current"),
    [
        (date(2026, 11, 21), None, True),
        (date(2026, 11, 22), None, False),
        (date(2026, 1, 1), date(2026, 11, 21), True),
        (date(2026, 1, 1), date(2026, 11, 20), False),
    ],
)
def test_a_condition_is_in_force_from_its_start_to_its_end_inclusive(starts_on, ends_on, current):
    assert rules.is_current(starts_on=starts_on, ends_on=ends_on, today=TODAY) is current


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [(time(19), time(7), 12), (time(21, 30), time(6), 8.5), (time(9), time(17), 8)],
)
def test_a_curfew_may_run_overnight(start, end, hours):
    assert rules.curfew_hours(start, end) == hours
