"""Exclusion zones: what a valid zone is, the errors for invalid ones, and who is inside.

The zone is a real place: High Street, Bedford (mappa.risk.tests.records). No database.
"""

import json

import pytest

from mappa.risk import zones
from mappa.risk.tests.records import BEDFORD_STATION, HIGH_STREET_BEDFORD, ON_HIGH_STREET

RING = HIGH_STREET_BEDFORD["coordinates"][0]


def test_a_polygon_around_a_real_street_is_accepted_as_it_was_given():
    assert zones.parse_zone(json.dumps(HIGH_STREET_BEDFORD)) == HIGH_STREET_BEDFORD


@pytest.mark.parametrize(
    "wrapped",
    [
        {"type": "Feature", "properties": {}, "geometry": HIGH_STREET_BEDFORD},
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": HIGH_STREET_BEDFORD}],
        },
    ],
)
def test_a_feature_saved_by_a_map_tool_is_accepted(wrapped):
    assert zones.parse_zone(json.dumps(wrapped)) == HIGH_STREET_BEDFORD


def test_a_point_on_the_street_is_inside_and_the_station_is_not():
    assert zones.contains(HIGH_STREET_BEDFORD, **ON_HIGH_STREET)
    assert not zones.contains(HIGH_STREET_BEDFORD, **BEDFORD_STATION)


def test_a_place_on_the_boundary_counts_as_inside():
    assert zones.contains(HIGH_STREET_BEDFORD, latitude=52.1352, longitude=-0.4665)


def test_a_place_in_a_hole_of_the_zone_is_outside():
    hole = [
        [-0.4668, 52.1365],
        [-0.4664, 52.1365],
        [-0.4664, 52.1368],
        [-0.4668, 52.1368],
        [-0.4668, 52.1365],
    ]
    zone = {"type": "Polygon", "coordinates": [RING, hole]}
    assert zones.parse_zone(json.dumps(zone)) == zone
    assert not zones.contains(zone, latitude=52.13665, longitude=-0.4666)
    assert zones.contains(zone, **ON_HIGH_STREET)


def test_a_multipolygon_covers_each_of_its_parts():
    station = [
        [-0.4800, 52.1355],
        [-0.4785, 52.1355],
        [-0.4785, 52.1370],
        [-0.4800, 52.1370],
        [-0.4800, 52.1355],
    ]
    zone = {"type": "MultiPolygon", "coordinates": [[RING], [station]]}
    assert zones.parse_zone(json.dumps(zone)) == zone
    assert zones.contains(zone, **BEDFORD_STATION) and zones.contains(zone, **ON_HIGH_STREET)


BOW_TIE = [
    [-0.4672, 52.1352],
    [-0.4658, 52.1391],
    [-0.4658, 52.1352],
    [-0.4672, 52.1391],
    [-0.4672, 52.1352],
]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"type": "Polygon", ',
            "The exclusion zone is not valid JSON: expecting property name enclosed in double quotes (line 1, column 21)",
        ),
        ("[1, 2]", "The exclusion zone must be a GeoJSON object with a type of Polygon"),
        (
            json.dumps({"type": "LineString", "coordinates": RING}),
            "The exclusion zone must be a GeoJSON Polygon or MultiPolygon, not LineString",
        ),
        (
            json.dumps({"type": "Point", "coordinates": [-0.4666, 52.137]}),
            "The exclusion zone must be a GeoJSON Polygon or MultiPolygon, not Point",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": []}),
            "The exclusion zone has no coordinates",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": RING}),
            "Each position in the exclusion zone must be [longitude, latitude] in numbers",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [[["-0.46", "52.13"]] * 4]}),
            "Each position in the exclusion zone must be [longitude, latitude] in numbers",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [RING[:2] + RING[:1]]}),
            "A boundary of the exclusion zone has 3 positions: a polygon needs at least 4, the last the same as the first",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [RING[:-1]]}),
            "A boundary of the exclusion zone is not closed: its last position must be the same as its first",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [[[lat, lon] for lon, lat in RING]]}),
            "The exclusion zone's positions look like [latitude, longitude]: GeoJSON puts longitude first, for example [-0.4668, 52.1365]",
        ),
        (
            json.dumps(
                {
                    "type": "Polygon",
                    "coordinates": [[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]]],
                }
            ),
            "The position [2.35, 48.85] is outside England and Wales: give [longitude, latitude] in decimal degrees",
        ),
        (
            json.dumps(
                {
                    "type": "Polygon",
                    "coordinates": [[[200, 52.1], [-0.46, 52.1], [-0.46, 52.2], [200, 52.1]]],
                }
            ),
            "The position [200, 52.1] is not a longitude and latitude",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [BOW_TIE]}),
            "The exclusion zone is not a valid polygon: the boundary crosses itself near [-0.4665, 52.13715]",
        ),
        (
            json.dumps({"type": "FeatureCollection", "features": []}),
            "The exclusion zone must be one polygon: give one feature, not several",
        ),
    ],
)
def test_an_invalid_zone_is_refused_saying_what_is_wrong(text, message):
    with pytest.raises(zones.ZoneError) as refused:
        zones.parse_zone(text)
    assert str(refused.value) == message


def test_a_flat_zone_that_encloses_nothing_is_refused():
    line = [[-0.4672, 52.1352], [-0.4660, 52.1352], [-0.4650, 52.1352], [-0.4672, 52.1352]]
    with pytest.raises(zones.ZoneError, match="not a valid polygon"):
        zones.parse_zone(json.dumps({"type": "Polygon", "coordinates": [line]}))
