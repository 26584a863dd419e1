"""Query parameters: each endpoint declares its own once, for its schema and its parsing.

    FILTERS = params.Query(
        params.Choice("status", Status, "only actions with this status"),
        params.Uuid("case", "only actions on this case"),
    )

    @extend_schema(parameters=FILTERS.schema(), ...)
    def get(self, request):
        query = FILTERS.parse(request)      # {"status": Status.OPEN or None, "case": UUID or None}

What the schema promises is what the endpoint accepts. A value that cannot be read (an
unknown status, a date that is not YYYY-MM-DD, `open=yes`, a parameter given twice) is a 400
in the error format naming the parameter and saying why, never silently ignored; an enum's
message lists the values it allows. A parameter left out takes its default.
"""

from __future__ import annotations

import re
import uuid
from abc import ABC, abstractmethod
from datetime import date
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

MAX_TEXT = 200
DIGITS = re.compile(r"[0-9]+")
CONTROL = r"\x00-\x1f\x7f-\x9f"  # C0, DEL and C1: never in a name or an identifier
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_YEAR, LAST_YEAR = 1900, 2199
YEARS = r"^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"


class Param(ABC):
    """One query parameter: its name, its OpenAPI type, how its text is read."""

    type: Any = OpenApiTypes.STR

    def __init__(self, name: str, description: str, *, default: Any = None) -> None:
        self.name = name
        self.description = description
        self.default = default

    def openapi(self) -> OpenApiParameter:
        return OpenApiParameter(
            self.name, self.type, OpenApiParameter.QUERY, description=self.description
        )

    @abstractmethod
    def read(self, text: str) -> Any:
        """The value `text` stands for; ValueError with the reason if it stands for none."""


class Text(Param):
    """Free text, such as a name or an identifier: at most MAX_TEXT characters, no control
    characters (PostgreSQL refuses NUL in text, and none belongs in a name)."""

    def openapi(self) -> OpenApiParameter:
        parameter = super().openapi()
        parameter.type = {
            "type": "string",
            "maxLength": MAX_TEXT,
            "pattern": f"^[^{CONTROL}]*$",
        }
        return parameter

    def read(self, text: str) -> str:
        if len(text) > MAX_TEXT:
            raise ValueError(f"must be at most {MAX_TEXT} characters, not {len(text)}")
        if re.search(f"[{CONTROL}]", text):
            raise ValueError("must not contain control characters")
        return text.strip()


class Integer(Param):
    """A whole number written in digits, within `minimum` and `maximum` where given."""

    type = OpenApiTypes.INT

    def __init__(self, name, description, *, minimum=None, maximum=None, **kwargs) -> None:
        super().__init__(name, description, **kwargs)
        self.minimum, self.maximum = minimum, maximum

    def bounds(self) -> dict:
        return {
            key: value
            for key, value in (("minimum", self.minimum), ("maximum", self.maximum))
            if value is not None
        }

    def openapi(self) -> OpenApiParameter:
        parameter = super().openapi()
        parameter.type = {"type": "integer"} | self.bounds()
        return parameter

    def read(self, text: str) -> int:
        if not DIGITS.fullmatch(text):
            raise ValueError(f"{text!r} is not a whole number")
        number = int(text) if len(text) <= 30 else 10**30
        if self.minimum is not None and number < self.minimum:
            raise ValueError(f"must be at least {self.minimum}, not {text}")
        if self.maximum is not None and number > self.maximum:
            raise ValueError(f"must be at most {self.maximum}, not {text}")
        return number


class Boolean(Param):
    type = OpenApiTypes.BOOL

    def read(self, text: str) -> bool:
        if text not in ("true", "false"):
            raise ValueError(f"{text!r} is neither true nor false")
        return text == "true"


class Date(Param):
    """A day written YYYY-MM-DD, in the years FIRST_YEAR to LAST_YEAR: the service's dates
    (a record's, a year's, a period's) lie there, and the arithmetic on them (a year before,
    ten years after) stays within what a date can hold."""

    def openapi(self) -> OpenApiParameter:
        parameter = super().openapi()
        parameter.type = {"type": "string", "format": "date", "pattern": YEARS}
        return parameter

    def read(self, text: str) -> date:
        day = self._parse(text)
        if day is None:
            raise ValueError("Enter a date written YYYY-MM-DD")
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(f"Enter a date in the years {FIRST_YEAR} to {LAST_YEAR}")
        return day

    @staticmethod
    def _parse(text: str) -> date | None:
        if not ISO_DATE.fullmatch(text):
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None


class Uuid(Param):
    type = OpenApiTypes.UUID

    def read(self, text: str) -> uuid.UUID:
        try:
            return uuid.UUID(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a UUID") from None


class Choice(Param):
    """One of a fixed set: a TextChoices (or IntegerChoices) class, or the values themselves."""

    def __init__(self, name: str, choices: Any, description: str, **kwargs) -> None:
        super().__init__(name, description, **kwargs)
        values = list(getattr(choices, "values", choices))
        self.values: dict[str, Any] = {str(value): value for value in values}
        self.type = (
            OpenApiTypes.INT if all(isinstance(v, int) for v in values) else OpenApiTypes.STR
        )

    def openapi(self) -> OpenApiParameter:
        parameter = super().openapi()
        parameter.enum = list(self.values.values())
        return parameter

    def read(self, text: str) -> Any:
        if text not in self.values:
            raise ValueError(f"{text!r} is not one of the allowed values: {', '.join(self.values)}")
        return self.values[text]


class Query:
    """The query parameters one endpoint takes."""

    def __init__(self, *params: Param) -> None:
        self.params = params

    def schema(self) -> list[OpenApiParameter]:
        return [param.openapi() for param in self.params]

    def parse(self, request) -> dict[str, Any]:
        """Every parameter's value (its default when left out); a 400 naming each bad one."""
        values, problems = {}, {}
        for param in self.params:
            given = request.query_params.getlist(param.name)
            if not given:
                values[param.name] = param.default
            elif len(given) > 1:
                problems[param.name] = [f"Give {param.name} once, not {len(given)} times"]
            else:
                try:
                    values[param.name] = param.read(given[0])
                except ValueError as error:
                    problems[param.name] = [str(error)]
        if problems:
            raise ValidationError(problems)
        return values
