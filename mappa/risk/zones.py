"""Exclusion zones: a GeoJSON polygon checked with shapely, and whether a place lies inside one.

Pure Python (no Django). GeoJSON (RFC 7946) writes each position as [longitude, latitude] in
WGS84 decimal degrees, the same system as addresses' latitude and longitude.
"""

from __future__ import annotations

import json
import re
from numbers import Real

import shapely
from shapely.geometry import Point, shape

# Great Britain, with a margin (longitude and latitude). MAPPA runs in England and Wales, so
# a zone outside this box is a mistake, most often latitude and longitude the wrong way round.
GREAT_BRITAIN = {"west": -8.7, "south": 49.8, "east": 1.8, "north": 60.9}

WHERE = re.compile(r"\[(?P<x>[-\d.eE+]+) (?P<y>[-\d.eE+]+)\]")

# shapely's (GEOS's) reasons for an invalid polygon, in words a practitioner can act on.
REASONS = {
    "Self-intersection": "the boundary crosses itself",
    "Ring Self-intersection": "the boundary touches itself",
    "Hole lies outside shell": "a hole lies outside the outer boundary",
    "Nested holes": "one hole lies inside another",
    "Interior is disconnected": "the holes cut the zone into separate pieces",
    "Nested shells": "one polygon lies inside another",
    "Duplicate Rings": "a boundary is given twice",
    "Too few points": "a boundary has too few distinct points",
}


class ZoneError(ValueError):
    """What is wrong with an exclusion zone, in a sentence for the error summary."""


def parse_zone(text: str) -> dict:
    """The zone as a GeoJSON Polygon or MultiPolygon geometry; ZoneError says what is wrong.

    Accepts a geometry, a Feature, or a FeatureCollection of one Feature (what map tools save).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ZoneError(
            f"The exclusion zone is not valid JSON: {error.msg.lower()} "
            f"(line {error.lineno}, column {error.colno})"
        ) from error
    geometry = _geometry(data)
    polygons = _polygons(geometry)
    for polygon in polygons:
        for ring in polygon:
            _check_ring(ring)
    _check_in_great_britain(polygons)
    found = shape(geometry)
    if not found.is_valid:
        raise ZoneError(_invalid(shapely.is_valid_reason(found)))
    if found.area == 0:
        raise ZoneError("The exclusion zone encloses no area")
    return {"type": geometry["type"], "coordinates": geometry["coordinates"]}


def _geometry(data) -> dict:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise ZoneError("The exclusion zone must be one polygon: give one feature, not several")
        data = features[0]
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict) or "type" not in data:
        raise ZoneError("The exclusion zone must be a GeoJSON object with a type of Polygon")
    if data["type"] not in ("Polygon", "MultiPolygon"):
        raise ZoneError(
            f"The exclusion zone must be a GeoJSON Polygon or MultiPolygon, not {data['type']}"
        )
    if not isinstance(data.get("coordinates"), list) or not data["coordinates"]:
        raise ZoneError("The exclusion zone has no coordinates")
    return data


def _polygons(geometry: dict) -> list:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon or not isinstance(polygon[0], list):
            raise ZoneError(
                "The exclusion zone's coordinates must be a list of rings, "
                "each a list of [longitude, latitude] positions"
            )
    return polygons


def _is_position(position) -> bool:
    return (
        isinstance(position, list)
        and len(position) in (2, 3)
        and all(isinstance(n, Real) and not isinstance(n, bool) for n in position)
    )


def _check_ring(ring) -> None:
    if not isinstance(ring, list) or not all(_is_position(p) for p in ring):
        raise ZoneError(
            "Each position in the exclusion zone must be [longitude, latitude] in numbers"
        )
    if len(ring) < 4:
        raise ZoneError(
            f"A boundary of the exclusion zone has {len(ring)} positions: a polygon needs at "
            "least 4, the last the same as the first"
        )
    if ring[0][:2] != ring[-1][:2]:
        raise ZoneError(
            "A boundary of the exclusion zone is not closed: its last position must be the "
            "same as its first"
        )
    for longitude, latitude, *_ in ring:
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            raise ZoneError(
                f"The position [{longitude}, {latitude}] is not a longitude and latitude"
            )


def _inside_great_britain(longitude: float, latitude: float) -> bool:
    box = GREAT_BRITAIN
    return box["west"] <= longitude <= box["east"] and box["south"] <= latitude <= box["north"]


def _check_in_great_britain(polygons: list) -> None:
    positions = [p for polygon in polygons for ring in polygon for p in ring]
    if all(_inside_great_britain(p[0], p[1]) for p in positions):
        return
    if all(_inside_great_britain(p[1], p[0]) for p in positions):
        raise ZoneError(
            "The exclusion zone's positions look like [latitude, longitude]: "
            "GeoJSON puts longitude first, for example [-0.4668, 52.1365]"
        )
    outside = next(p for p in positions if not _inside_great_britain(p[0], p[1]))
    raise ZoneError(
        f"The position [{outside[0]}, {outside[1]}] is outside England and Wales: "
        "give [longitude, latitude] in decimal degrees"
    )


def _invalid(reason: str) -> str:
    kind, _, _ = reason.partition("[")
    words = REASONS.get(kind.strip(), kind.strip().lower())
    place = WHERE.search(reason)
    if place:
        x, y = float(place["x"]), float(place["y"])
        return f"The exclusion zone is not a valid polygon: {words} near [{round(x, 6)}, {round(y, 6)}]"
    return f"The exclusion zone is not a valid polygon: {words}"


def contains(zone: dict, *, latitude: float, longitude: float) -> bool:
    """Whether the place lies inside the zone or on its boundary (the boundary counts as in)."""
    return shape(zone).covers(Point(float(longitude), float(latitude)))
