"""`mappa postcodes load <file>`: postcode locations from the ONS Postcode Directory CSV, and
the exclusion-zone map placing an address with a postcode but no latitude and longitude."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mappa.audit.models import AuditEvent
from mappa.people.models import Address
from mappa.risk.models import Postcode
from mappa.risk.tests.records import create_zone, smith_case

pytestmark = pytest.mark.django_db

# A few rows in the directory's layout (ONSPD: many more columns, of which pcds, lat and long
# are read); ZZ99 9ZZ has no grid reference (latitude 99.999999).
SAMPLE = (
    "pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long\n"
    "MK401SA,MK40 1SA,MK40 1SA,198001,,504900,249700,52.137000,-0.466600\n"
    "MK428PP,MK42 8PP,MK42 8PP,198001,,505400,247000,52.112300,-0.460100\n"
    "ZZ999ZZ,ZZ99 9ZZ,ZZ99 9ZZ,200001,,,,99.999999,0.000000\n"
)


def _write(tmp_path, text, name="ONSPD_sample.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_directory_is_loaded_leaving_out_postcodes_without_a_location(users, tmp_path):
    call_command("postcodes", "load", str(_write(tmp_path, SAMPLE)), "--user", "sysadmin")
    found = {
        p.key: (p.postcode, float(p.latitude), float(p.longitude)) for p in Postcode.objects.all()
    }
    assert found == {
        "MK401SA": ("MK40 1SA", 52.137, -0.4666),
        "MK428PP": ("MK42 8PP", 52.1123, -0.4601),
    }
    event = AuditEvent.objects.get(event_type="reference_data.changed")
    assert event.payload["model"] == "risk.Postcode" and event.payload["action"] == "loaded 2"


def test_a_second_load_replaces_the_first(users, tmp_path):
    call_command("postcodes", "load", str(_write(tmp_path, SAMPLE)), "--user", "sysadmin")
    again = "pcds,lat,long\nLU1 1AA,51.878000,-0.417000\n"
    call_command("postcodes", "load", str(_write(tmp_path, again)), "--user", "sysadmin")
    assert list(Postcode.objects.values_list("key", flat=True)) == ["LU11AA"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("postcode,lat,long\nMK40 1SA,52.1,-0.4\n", "the header has no pcds column"),
        ("pcds,latitude,long\nMK40 1SA,52.1,-0.4\n", "the header has no lat column"),
        (
            "pcds,lat,long\nMK40 1SA,52.1,-0.4\nMK42 8PP,north,-0.4\n",
            "row 3, column lat: 'north' is not a number",
        ),
        ("pcds,lat,long\nMK40 1SA,52.1\n", "row 2: 2 columns, the header has 3"),
        ("pcds,lat,long\n,52.1,-0.4\n", "row 2, column pcds: empty"),
        ("pcds,lat,long\nMK40 1SA,-0.4,252.1\n", "row 2: -0.400000, 252.100000 is not a latitude"),
    ],
)
def test_a_bad_file_is_refused_naming_the_row_and_changes_nothing(users, tmp_path, text, message):
    call_command("postcodes", "load", str(_write(tmp_path, SAMPLE)), "--user", "sysadmin")
    with pytest.raises(CommandError) as refused:
        call_command(
            "postcodes", "load", str(_write(tmp_path, text, "bad.csv")), "--user", "sysadmin"
        )
    assert message in str(refused.value) and "bad.csv" in str(refused.value)
    assert Postcode.objects.count() == 2


def test_only_someone_who_manages_reference_data_may_load_it(users, tmp_path):
    with pytest.raises(CommandError, match="may not change reference data"):
        call_command("postcodes", "load", str(_write(tmp_path, SAMPLE)), "--user", "police.ppu")
    assert not Postcode.objects.exists()


def _map_data(page: str, name: str):
    return json.loads(
        page.split(f'<script id="{name}" type="application/json">')[1].split("</script>")[0]
    )


def test_the_map_places_an_address_by_its_postcode_when_it_has_no_location(
    users, signed_in, tmp_path
):
    call_command("postcodes", "load", str(_write(tmp_path, SAMPLE)), "--user", "sysadmin")
    create_zone(actor=users["probation.om"])
    case = smith_case()
    page = signed_in("probation.om").get(f"/cases/{case.id}/risk/conditions/").content.decode()
    assert "data-mappa-zone-map" in page and 'data-tiles=""' in page
    addresses = _map_data(page, "map-addresses")
    mill_lane = Address.objects.get(nominal=case.nominal, postcode="MK42 8PP")
    assert mill_lane.latitude is None
    assert {
        "label": f"{mill_lane} (home)",
        "latitude": 52.1123,
        "longitude": -0.4601,
        "by_postcode": True,
    } in addresses
    zones = _map_data(page, "map-zones")
    assert [z["description"] for z in zones] == ["High Street, Bedford"]
    assert zones[0]["geometry"]["type"] == "Polygon"


def test_the_zone_form_has_the_map_over_the_geojson_box(users, signed_in, settings):
    settings.MAPPA_MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    page = (
        signed_in("probation.om")
        .get(f"/cases/{smith_case().id}/risk/conditions/add/exclusion_zone/")
        .content.decode()
    )
    assert 'data-zone-field="id_zone"' in page
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in page
    assert 'name="zone"' in page  # the text box stays, the way to enter a zone without the map
