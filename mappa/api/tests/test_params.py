"""How each kind of query parameter reads its text: what it accepts, and why it refuses."""

import uuid
from datetime import date

import pytest

from mappa.actions.constants import Status
from mappa.api import params
from mappa.cases.constants import Level

ACCEPTED = [
    (params.Boolean("open", ""), "true", True),
    (params.Boolean("open", ""), "false", False),
    (params.Date("as_of", ""), "2028-02-29", date(2028, 2, 29)),
    (params.Date("as_of", ""), "1900-01-01", date(1900, 1, 1)),
    (params.Date("as_of", ""), "2199-12-31", date(2199, 12, 31)),
    (params.Choice("status", Status, ""), "open", Status.OPEN),
    (params.Choice("level", Level, ""), "3", Level.ACTIVE_MULTI_AGENCY),
    (params.Integer("page", "", minimum=1), "12", 12),
    (params.Text("name", ""), "  Seán O'Brien ", "Seán O'Brien"),
    (
        params.Uuid("case", ""),
        "5fed0f7a-7292-4194-a011-ae9c017de694",
        uuid.UUID("5fed0f7a-7292-4194-a011-ae9c017de694"),
    ),
]

REFUSED = [
    (params.Boolean("open", ""), "True", "'True' is neither true nor false"),
    (params.Boolean("open", ""), "1", "'1' is neither true nor false"),
    (params.Date("as_of", ""), "2026-02-29", "Enter a date written YYYY-MM-DD"),
    (params.Date("as_of", ""), "2026-W09-1", "Enter a date written YYYY-MM-DD"),
    (params.Date("as_of", ""), "1899-12-31", "Enter a date in the years 1900 to 2199"),
    (params.Date("year_ending", ""), "9999-12-31", "Enter a date in the years 1900 to 2199"),
    (params.Date("as_of", ""), "2026-02-01T00:00", "Enter a date written YYYY-MM-DD"),
    (params.Date("as_of", ""), "२०२६-०२-०१", "Enter a date written YYYY-MM-DD"),
    (
        params.Choice("status", Status, ""),
        "OPEN",
        f"'OPEN' is not one of the allowed values: {', '.join(Status.values)}",
    ),
    (params.Choice("level", Level, ""), "0", "'0' is not one of the allowed values: 1, 2, 3"),
    (params.Integer("page", "", minimum=1), "+2", "'+2' is not a whole number"),
    (params.Integer("page", "", minimum=1), "1_000", "'1_000' is not a whole number"),
    (params.Integer("page", "", minimum=1), "٣", "'٣' is not a whole number"),
    (params.Integer("page_size", "", maximum=200), "201", "must be at most 200, not 201"),
    (params.Text("name", ""), "a\tb", "must not contain control characters"),
    (params.Text("name", ""), "x" * 201, "must be at most 200 characters, not 201"),
    (params.Uuid("case", ""), "not-a-uuid", "'not-a-uuid' is not a UUID"),
]


@pytest.mark.parametrize("param, text, value", ACCEPTED)
def test_it_reads_a_good_value(param, text, value):
    assert param.read(text) == value


@pytest.mark.parametrize("param, text, reason", REFUSED)
def test_it_refuses_a_bad_value_saying_why(param, text, reason):
    with pytest.raises(ValueError) as refused:
        param.read(text)
    assert str(refused.value) == reason


def test_the_schema_of_an_enum_lists_its_values_with_their_type():
    level = params.Choice("level", Level, "").openapi()
    status = params.Choice("status", Status, "").openapi()
    assert level.enum == [1, 2, 3] and level.type == params.OpenApiTypes.INT
    assert status.enum == Status.values and status.type == params.OpenApiTypes.STR
