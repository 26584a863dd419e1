"""Loading checked files into DuckDB and normalising them for comparison.

Names lose case, accents and punctuation; a forename also gets the groups of formal
names it may stand for (the `nicknames` package) and both names a Soundex code; a date
of birth gets its day and month swapped form; an address loses case and punctuation,
has its abbreviations spelt out ("Rd" -> "road"), and is split into its numbers (house,
flat; sorted, so swapped lines give the same numbers) and its street words; each address
line also gets a key without numbers or spaces ("hartleystreet" = "hartley street"), so
lines written in the other order still agree; a postcode loses its spacing; an identifier (an NHS number) its spacing and
punctuation.

Each case gives several rows: its name and each alias; all carry the case's address (and any further addresses
the service knows, such as a proposed release address).
"""

from __future__ import annotations

import duckdb
import jellyfish
import pyarrow as pa

from mappa.linkage import nicknames
from mappa.linkage.files import Table
from mappa.linkage.rules import split_aliases

ABBREVIATIONS = {
    "rd": "road",
    "st": "street",
    "str": "street",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "cl": "close",
    "cres": "crescent",
    "ct": "court",
    "dr": "drive",
    "gdns": "gardens",
    "gro": "grove",
    "gr": "grove",
    "pl": "place",
    "sq": "square",
    "terr": "terrace",
    "ter": "terrace",
    "pk": "park",
    "hse": "house",
    "apt": "flat",
    "apartment": "flat",
    "mt": "mount",
    "wy": "way",
}

MACROS = r"""
CREATE OR REPLACE MACRO name_clean(s) AS nullif(trim(regexp_replace(
    regexp_replace(lower(strip_accents(coalesce(s, ''))), '[''’`.]', '', 'g'),
    '[^a-z]+', ' ', 'g')), '');
CREATE OR REPLACE MACRO address_words(s) AS trim(regexp_replace(
    lower(strip_accents(coalesce(s, ''))), '[^a-z0-9]+', ' ', 'g'));
CREATE OR REPLACE MACRO line_key(s) AS nullif(replace(
    regexp_replace(s, '\b(flat|unit|apartment|\d+[a-z]?)\b', ' ', 'g'), ' ', ''), '');
CREATE OR REPLACE MACRO postcode_key(s) AS nullif(
    upper(regexp_replace(coalesce(s, ''), '[^A-Za-z0-9]', '', 'g')), '');
"""

COLUMNS = """
    name_clean(split_part(name_clean(forenames), ' ', 1)) AS forename1,
    string_split(coalesce(name_clean(forenames), ''), ' ') AS forenames_all,
    replace(name_clean(surname), ' ', '') AS surname,
    TRY_CAST(date_of_birth AS DATE) AS dob,
    concat(address_words(address_line_1), ' qqq ', address_words(address_line_2)) AS address_raw,
    name_clean(town) AS town,
    postcode_key(postcode) AS pc,
    nullif(upper(regexp_replace(coalesce(nhs_number, ''), '[^A-Za-z0-9]', '', 'g')), '')
        AS identifier
"""

DERIVED = r"""
    list_distinct(list_append(coalesce(n.groups, []), forename1)) AS forename_groups,
    soundex(forename1) AS forename_sx,
    soundex(surname) AS surname_sx,
    year(dob) AS birth_year,
    CASE WHEN day(dob) <= 12 AND day(dob) <> month(dob)
         THEN make_date(year(dob), day(dob), month(dob)) END AS dob_swapped,
    nullif(array_to_string(list_sort(regexp_extract_all(address, '\b\d+[a-z]?\b')), ' '), '')
        AS numbers,
    list_filter([line_key(line1), line_key(line2)], lambda k: k IS NOT NULL) AS street_keys,
    nullif(trim(regexp_replace(regexp_replace(address, '\b(flat|unit|\d+[a-z]?)\b', ' ', 'g'),
        '\s+', ' ', 'g')), '') AS street,
    CASE WHEN length(pc) BETWEEN 5 AND 7 THEN left(pc, length(pc) - 2) END AS pc_sector,
    CASE WHEN length(pc) BETWEEN 5 AND 7 THEN left(pc, length(pc) - 3) END AS pc_district
"""


def expand_abbreviations(column: str) -> str:
    """SQL spelling out each abbreviation as a whole word in `column`."""
    expression = column
    for short, full in ABBREVIATIONS.items():
        expression = f"regexp_replace({expression}, '\\b{short}\\b', '{full}', 'g')"
    return expression


def _arrow(columns: dict[str, list]) -> pa.Table:
    return pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})


def load(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    """Normalise raw string columns into table `name` (with an integer unique_id)."""
    con.execute(MACROS)
    if not _table_exists(con, "nickname_groups"):
        pairs = nicknames.canonical_pairs()
        con.register(
            "nickname_pairs",
            pa.table({"name": [a for a, _ in pairs], "formal": [b for _, b in pairs]}),
        )
        con.execute(
            "CREATE TABLE nickname_groups AS SELECT name, list(formal ORDER BY formal) AS groups "
            "FROM nickname_pairs GROUP BY name"
        )
        con.unregister("nickname_pairs")
        con.create_function(
            "soundex",
            _soundex,
            [duckdb.sqltype("VARCHAR")],
            duckdb.sqltype("VARCHAR"),
            type="arrow",
            null_handling="special",
        )
    raw = f"{name}_raw"
    con.register(raw, _arrow(columns))
    address = expand_abbreviations("address_raw")
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {name} AS
        WITH cleaned AS (
            SELECT row_number() OVER () - 1 AS unique_id, key, {COLUMNS}
            FROM {raw}
        ), expanded AS (SELECT *, {address} AS spelt FROM cleaned
        ), spelt AS (
            SELECT * EXCLUDE (spelt),
                nullif(trim(split_part(spelt, 'qqq', 1)), '') AS line1,
                nullif(trim(split_part(spelt, 'qqq', 2)), '') AS line2,
                nullif(trim(regexp_replace(spelt, ' *qqq *', ' ')), '') AS address
            FROM expanded
        )
        SELECT spelt.* EXCLUDE (address_raw, line1, line2), {DERIVED}
        FROM spelt LEFT JOIN nickname_groups n ON n.name = spelt.forename1
        ORDER BY unique_id
        """
    )
    con.unregister(raw)


def _soundex(names: pa.Array) -> pa.Array:
    """Soundex of each name (jellyfish), None for a missing one: a key for blocking."""
    values = names.to_pylist()
    return pa.array([jellyfish.soundex(v) if v else None for v in values], pa.string())


def _table_exists(con, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchall()[0][0]
    )


def case_rows(cases: Table, more_addresses: dict[str, list[dict]] | None = None):
    """The case list's rows for the person model (name variants) and the address model."""
    people: dict[str, list] = {column: [] for column in FIELDS}
    places: dict[str, list] = {column: [] for column in FIELDS}
    for row in cases.rows():
        # Forenames and surname swapped are a comparison level (model.FORENAME, SURNAME),
        # not a row: a swapped row would take its term frequencies from the wrong column.
        names = [(row.get("forenames"), row.get("surname"))]
        names += split_aliases(row.get("aliases"))
        for forenames, surname in dict.fromkeys(names):
            _append(people, row, forenames=forenames, surname=surname)
        for address in [row, *(more_addresses or {}).get(row["case_id"], [])]:
            _append(places, {**row, **_address_of(address)})
    return people, places


def primary_rows(cases: Table) -> dict[str, list]:
    """One row a case, under its own name and address: what the person model trains on."""
    people: dict[str, list] = {column: [] for column in FIELDS}
    for row in cases.rows():
        _append(people, row)
    return people


FIELDS = (
    "key",
    "forenames",
    "surname",
    "date_of_birth",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "nhs_number",
)
ADDRESS_FIELDS = ("address_line_1", "address_line_2", "town", "postcode")


def _address_of(source: dict) -> dict:
    return {field: source.get(field) for field in ADDRESS_FIELDS}


def _append(target: dict[str, list], row: dict, **overrides) -> None:
    values = {**row, "key": row.get("case_id", row.get("record_id")), **overrides}
    for column in FIELDS:
        target[column].append(values.get(column))


def extract_columns(extract: Table) -> dict[str, list]:
    columns = {column: extract.columns.get(column) for column in FIELDS if column != "key"}
    size = len(extract)
    columns = {name: values or [None] * size for name, values in columns.items()}
    return {"key": extract.columns["record_id"], **columns}
