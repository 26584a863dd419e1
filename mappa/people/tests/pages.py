"""What the person page's forms send back: their data and the version they were loaded at."""

from __future__ import annotations

from mappa.people.models import Nominal


def with_version(nominal: Nominal, data: dict | None = None) -> dict:
    """`data` with the nominal's current version, as a form opened now would send it."""
    version = Nominal.objects.values_list("version", flat=True).get(id=nominal.id)
    return (data or {}) | {"version": version}
