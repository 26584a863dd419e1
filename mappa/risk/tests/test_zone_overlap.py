"""When an address and an exclusion zone share a day: any overlap of the two periods from today
on warns, a future one included (issue 16, item 4: release planning is when it matters)."""

from datetime import date

import pytest

from mappa.risk.rules import zone_overlap_from

TODAY = date(2026, 12, 3)
RELEASE = date(2027, 3, 1)

# (address from, address to, zone from, zone to, first shared day or None)
CASES = [
    # A proposed release address from the release date, the zone starting on release.
    (RELEASE, None, RELEASE, None, RELEASE),
    # The zone starts on release; the address is lived at now and stays: shared from release.
    (date(2026, 1, 1), None, RELEASE, None, RELEASE),
    # A current address inside a zone in force today.
    (date(2026, 1, 1), None, date(2025, 6, 1), None, date(2026, 1, 1)),
    # The address has no start date: shared from the zone's start.
    (None, None, date(2025, 6, 1), None, date(2025, 6, 1)),
    # The address ends before the zone starts: no day shared.
    (date(2026, 1, 1), date(2027, 2, 28), RELEASE, None, None),
    # The zone ends before a future address starts: no day shared.
    (RELEASE, None, date(2026, 1, 1), date(2027, 2, 28), None),
    # A shared period wholly in the past is history: no warning.
    (date(2026, 1, 1), None, date(2025, 6, 1), date(2026, 12, 2), None),
    # A shared period that ends today still warns (a condition applies on its last day).
    (date(2026, 1, 1), None, date(2025, 6, 1), TODAY, date(2026, 1, 1)),
    # One shared day in the future: the zone's last day is the address's first.
    (RELEASE, None, date(2026, 1, 1), RELEASE, RELEASE),
    # A future address and a future zone that overlap part-way.
    (date(2027, 4, 1), date(2027, 9, 30), RELEASE, date(2027, 6, 30), date(2027, 4, 1)),
]


@pytest.mark.parametrize(("address_from", "address_to", "zone_from", "zone_to", "shared"), CASES)
def test_the_first_day_an_address_and_a_zone_share(
    address_from, address_to, zone_from, zone_to, shared
):
    found = zone_overlap_from(
        address_from=address_from,
        address_to=address_to,
        zone_from=zone_from,
        zone_to=zone_to,
        today=TODAY,
    )
    assert found == shared
