"""The person page warns when a recorded address lies inside one of their exclusion zones.

The zone is a real polygon around High Street, Bedford; addresses are located by latitude and
longitude, typed on the address form or imported (no online geocoder).
"""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from mappa.people import editing, records, services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Address, Nominal
from mappa.risk.tests.records import BEDFORD_STATION, ON_HIGH_STREET, create_zone, smith_case

pytestmark = pytest.mark.django_db


def _add_address(client, nominal, line_1, place, **extra):
    form = {
        "kind": "home",
        "line_1": line_1,
        "town": "Bedford",
        "postcode": "MK40 1SA",
        "valid_from": "1/1/2026",
        "latitude": str(place["latitude"]),
        "longitude": str(place["longitude"]),
    } | extra
    nominal.refresh_from_db(fields=["version"])
    return client.post(f"/people/{nominal.id}/address/", form | {"version": nominal.version})


def _warnings(client, nominal) -> list[str]:
    page = client.get(f"/people/{nominal.id}/").content.decode()
    return [part.split("</strong>")[0] for part in page.split('data-testid="zone-warning"')[1:]]


def test_an_address_typed_with_its_location_inside_the_zone_is_flagged(users, signed_in):
    create_zone(actor=users["probation.om"])
    nominal = smith_case().nominal
    client = signed_in("probation.om")
    assert _add_address(client, nominal, "41 High Street", ON_HIGH_STREET).status_code == 302
    address = Address.objects.get(line_1="41 High Street")
    assert (float(address.latitude), float(address.longitude)) == (52.137, -0.4666)
    warnings = _warnings(client, nominal)
    assert len(warnings) == 1
    assert "41 High Street, Bedford, MK40 1SA (home, current address)" in warnings[0]
    assert "is inside the exclusion zone “High Street, Bedford”" in warnings[0]
    assert 'class="govuk-warning-text"' in client.get(f"/people/{nominal.id}/").content.decode()


def test_an_address_outside_the_zone_or_without_a_location_is_not_flagged(users, signed_in):
    create_zone(actor=users["probation.om"])
    nominal = smith_case().nominal
    client = signed_in("probation.om")
    _add_address(client, nominal, "Bedford station", BEDFORD_STATION)
    _add_address(client, nominal, "41 High Street", {"latitude": "", "longitude": ""})
    assert _warnings(client, nominal) == []


def test_a_zone_no_longer_in_force_flags_nothing(users, signed_in):
    yesterday = timezone.localdate() - timedelta(days=1)
    create_zone(actor=users["probation.om"], ends_on=yesterday)
    client = signed_in("probation.om")
    _add_address(client, smith_case().nominal, "41 High Street", ON_HIGH_STREET)
    assert _warnings(client, smith_case().nominal) == []


def test_a_zone_that_starts_later_flags_a_current_address_with_the_day_it_starts(users, signed_in):
    later = timezone.localdate() + timedelta(days=30)
    create_zone(actor=users["probation.om"], starts_on=later)
    client = signed_in("probation.om")
    _add_address(client, smith_case().nominal, "41 High Street", ON_HIGH_STREET)
    warnings = _warnings(client, smith_case().nominal)
    assert len(warnings) == 1
    assert f"it will be inside the zone from {later.day} {later:%B %Y}" in warnings[0]


def test_a_proposed_release_address_inside_a_zone_that_starts_on_release_is_flagged(
    users, signed_in
):
    release = timezone.localdate() + timedelta(days=90)
    create_zone(actor=users["probation.om"], starts_on=release)
    client = signed_in("probation.om")
    nominal = smith_case().nominal
    on_release = {"kind": "proposed_release", "valid_from": f"{release:%d/%m/%Y}"}
    assert (
        _add_address(client, nominal, "41 High Street", ON_HIGH_STREET, **on_release).status_code
        == 302
    )
    warnings = _warnings(client, nominal)
    assert len(warnings) == 1
    day = f"{release.day} {release:%B %Y}"
    assert f"(proposed release address, from {day})" in warnings[0]
    assert "current address" not in warnings[0]
    assert f"it will be inside the zone from {day}" in warnings[0]


def test_a_future_address_is_shown_as_proposed_from_its_date_not_current(users, signed_in):
    release = timezone.localdate() + timedelta(days=90)
    client = signed_in("probation.om")
    nominal = smith_case().nominal
    on_release = {"kind": "proposed_release", "valid_from": f"{release:%d/%m/%Y}"}
    _add_address(client, nominal, "41 High Street", ON_HIGH_STREET, **on_release)
    page = client.get(f"/people/{nominal.id}/").content.decode()
    timeline = page.split('data-testid="address-timeline"')[1].split("41 High Street")[0]
    item = timeline.split("moj-timeline__item")[-1]
    assert "Proposed</strong>" in item and "Current" not in item
    assert f"From {release.day} {release:%B %Y}</p>" in item
    assert "to now" not in item


def test_the_conditions_page_shows_the_same_warning(users, signed_in):
    create_zone(actor=users["probation.om"])
    client = signed_in("police.ppu")
    _add_address(client, smith_case().nominal, "41 High Street", ON_HIGH_STREET)
    page = client.get(f"/cases/{smith_case().id}/risk/conditions/").content.decode()
    assert 'data-testid="zone-warning"' in page and "41 High Street" in page


def test_the_address_form_needs_both_latitude_and_longitude(users, signed_in):
    client = signed_in("probation.om")
    response = _add_address(
        client, smith_case().nominal, "41 High Street", {"latitude": "52.137", "longitude": ""}
    )
    assert "Enter the longitude too, or neither" in response.content.decode()
    response = _add_address(
        client, smith_case().nominal, "41 High Street", {"latitude": "152", "longitude": "-0.46"}
    )
    assert "Latitude must be between -90 and 90" in response.content.decode()
    assert not Address.objects.filter(line_1="41 High Street").exists()


def test_an_imported_address_with_a_location_is_flagged_and_exported_again(users, signed_in):
    nominal = smith_case().nominal
    record = editing.as_dict(
        records.to_record(records.exportable(Nominal.objects.filter(id=nominal.id)).get())
    )
    record["addresses"].append(
        {"line_1": "41 High Street", "town": "Bedford", "kind": "temporary", "from": "2026-01-01"}
        | ON_HIGH_STREET
    )
    services.save_nominal(
        actor=users["coordinator"],
        record=NominalRecord.model_validate_json(json.dumps(record)),
        nominal=nominal,
        version=nominal.version,
        via="test",
    )
    create_zone(actor=users["probation.om"], starts_on=date(2025, 6, 1))
    warnings = _warnings(signed_in("probation.om"), nominal)
    assert len(warnings) == 1 and "41 High Street" in warnings[0]
    exported = records.to_record(records.exportable(Nominal.objects.filter(id=nominal.id)).get())
    located = [a for a in exported.addresses if a.latitude is not None]
    assert [(a.latitude, a.longitude) for a in located] == [(52.137, -0.4666)]
