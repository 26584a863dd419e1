"""A labelled synthetic MASH check: a case list, a social-care extract and the true pairs.

People live in households at made-up addresses. Some people on the case list are known
to social care under their name with realistic errors (typing errors, forenames and
surnames swapped, nicknames, aliases, missing values, day and month transposed, a
moved address, address formatting); children and other adults live at their
addresses; twins, namesakes with common names, and neighbours make the traps; the
rest of the extract is unrelated people. `truth` lists every (case_id, record_id)
that should be found, with its kind. Deterministic for a seed; no real person.
"""

from __future__ import annotations

import csv
import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from mappa.linkage import nicknames

SURNAMES = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson "
    "Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan "
    "Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell "
    "Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan "
    "Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb "
    "Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes"
).split()
FORENAMES = (
    "John David Michael Paul Mark James Andrew Peter Robert Stephen Richard Christopher "
    "Thomas Daniel Matthew Anthony William Jack Liam Callum Joseph Samuel Benjamin Edward "
    "Sarah Emma Laura Rebecca Claire Lisa Michelle Nicola Karen Susan Elizabeth Margaret "
    "Catherine Patricia Jennifer Victoria Charlotte Amy Jade Chloe Sophie Megan Abigail "
    "Kieran Connor Dylan Ryan Tyler Mohammed Ahmed Tariq Kwame Tomasz Piotr Agnieszka"
).split()
STREET_NAMES = (
    "High Station Church Park Victoria Green Manor Queens New Grange Kings Mill Springfield "
    "Windsor Albert Chestnut Orchard Mount Beech Cedar Elm Oak Willow Ash Rowan Hazel Meadow "
    "Brook River Hill Stanley Clarence Alexandra Princes Cromwell Nelson Wellington Raleigh"
).split()
STREET_KINDS = ("Road", "Street", "Lane", "Avenue", "Close", "Grove", "Way", "Crescent")
STREETS = tuple(f"{name} {kind}" for name in STREET_NAMES for kind in STREET_KINDS)
TOWNS = ("Bedford", "Kempston", "Biggleswade", "Sandy", "Flitwick", "Ampthill", "Leighton")
SHORT = {
    "Road": "Rd",
    "Street": "St",
    "Avenue": "Ave",
    "Lane": "Ln",
    "Close": "Cl",
    "Grove": "Gr",
    "Crescent": "Cres",
}
ADDRESSES_PER_POSTCODE = 15
SHORT_FORMS = {name: nicknames.short_forms(name) for name in FORENAMES}
CASE_STATUSES = ("open", "closed", "none")


@dataclass
class Dataset:
    cases: list[dict] = field(default_factory=list)
    extract: list[dict] = field(default_factory=list)
    truth: dict[tuple[str, str], str] = field(default_factory=dict)
    # The kind of error each true person pair was given (for reporting what is missed).
    errors: dict[tuple[str, str], str] = field(default_factory=dict)

    def write(self, folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = folder / "caselist.csv", folder / "socialcare.csv"
        for path, rows in zip(paths, (self.cases, self.extract), strict=True):
            with path.open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        return paths


class Generator:
    def __init__(self, seed: int, addresses: int = 1000):
        self.random = random.Random(seed)
        self.weights = [1 / (rank + 1) for rank in range(len(SURNAMES))]
        self.streets: dict[str, tuple[str, str]] = {}
        self.codes: list[str] = []
        self.homes: set[tuple[str, int]] = set()
        for _ in range(max(20, addresses // ADDRESSES_PER_POSTCODE)):
            self.postcode()
        self.records = 0

    def surname(self) -> str:
        if self.random.random() < 0.75:  # the top 100 names cover about a quarter of people
            syllables = ("ash", "wor", "bel", "ton", "ley", "fen", "car", "dale", "mor", "wick")
            return "".join(self.random.choice(syllables) for _ in range(3)).capitalize()
        return self.random.choices(SURNAMES, self.weights)[0]

    def postcode(self) -> str:
        """A new postcode: a street in a town, shared by the addresses along it."""
        while True:
            code = (
                f"{self.random.choice(('MK', 'LU', 'SG', 'BD'))}{self.random.randint(1, 45)} "
                f"{self.random.randint(1, 9)}"
                f"{''.join(self.random.choices('ABDEFGHJLNPQRSTUWXYZ', k=2))}"
            )
            if code not in self.streets:
                district = code.split()[0]  # a district lies in one town
                town = TOWNS[sum(map(ord, district)) % len(TOWNS)]
                self.streets[code] = (self.random.choice(STREETS), town)
                self.codes.append(code)
                return code

    def address(self, home: bool = False) -> dict:
        """An address; a case's home is never handed out again to anyone unrelated."""
        while True:
            code = self.random.choice(self.codes)
            number = self.random.randint(1, 180)
            if (code, number) not in self.homes:
                break
        if home:
            self.homes.add((code, number))
        street, town = self.streets[code]
        return {
            "address_line_1": f"{number} {street}",
            "address_line_2": "",
            "town": town,
            "postcode": code,
        }

    def birth(self, low: int, high: int) -> date:
        return date(2026, 1, 1) - timedelta(days=self.random.randint(low * 365, high * 365))

    def person(self, surname: str, low: int = 18, high: int = 70) -> dict:
        return {
            "forenames": self.random.choice(FORENAMES),
            "surname": surname,
            "date_of_birth": self.birth(low, high).isoformat(),
        }

    def record(self, person: dict, address: dict, status: str | None = None) -> dict:
        self.records += 1
        worker = f"{self.random.choice(FORENAMES)} {self.surname()}" if status == "open" else ""
        return {
            "record_id": f"R{self.records:07d}",
            **person,
            **address,
            "case_status": status or self.random.choice(CASE_STATUSES),
            "allocated_worker": worker,
        }


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text
    i = rng.randrange(1, len(text) - 1)
    choice = rng.randrange(3)
    if choice == 0:  # transpose two letters
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if choice == 1:  # drop a letter
        return text[:i] + text[i + 1 :]
    return text[:i] + rng.choice(string.ascii_lowercase) + text[i + 1 :]


def _reformat(rng: random.Random, address: dict) -> dict:
    line = address["address_line_1"]
    for full, short in SHORT.items():
        line = line.replace(full, short)
    postcode = address["postcode"].replace(" ", "") if rng.random() < 0.5 else address["postcode"]
    return {**address, "address_line_1": line.upper() + ",", "postcode": postcode.lower()}


def _swap_day_month(value: str) -> str:
    year, month, day = value.split("-")
    return f"{year}-{day}-{month}" if int(day) <= 12 else value


def distort(rng: random.Random, person: dict, kind: str) -> dict:
    """The person as social care recorded them, with one kind of error."""
    out = dict(person)
    if kind == "typo":
        field_name = rng.choice(("forenames", "surname"))
        out[field_name] = _typo(rng, out[field_name])
    elif kind == "swapped":
        out["forenames"], out["surname"] = person["surname"], person["forenames"]
    elif kind == "nickname" and SHORT_FORMS.get(person["forenames"]):
        out["forenames"] = rng.choice(SHORT_FORMS[person["forenames"]]).capitalize()
    elif kind == "missing":
        out[rng.choice(("date_of_birth", "forenames"))] = ""
    elif kind == "transposed":
        out["date_of_birth"] = _swap_day_month(person["date_of_birth"])
    elif kind == "dob_typo":
        value = person["date_of_birth"]  # one digit of the year mistyped
        typed = value[:3] + str((int(value[3]) + 1) % 10) + value[4:]
        try:
            out["date_of_birth"] = date.fromisoformat(typed).isoformat()
        except ValueError:  # 29 February in a year without one
            pass
    return out


ERRORS = ("none", "typo", "swapped", "nickname", "missing", "transposed", "dob_typo", "alias")


def nhs_number(rng: random.Random) -> str:
    """A made-up NHS number with a valid modulus 11 check digit (10 digits, 3 3 4)."""
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check != 10:
            text = "".join(map(str, digits)) + str(check % 11)
            return f"{text[:3]} {text[3:6]} {text[6:]}"


def _identify(data: Dataset, seed: int, missing: float = 0.1) -> None:
    """Give everyone an NHS number: a case's record under its own number, any other
    record (a child, a twin, a namesake) another; about one extract record in ten has none.
    A separate random stream, so the rest of the set is the same with or without them."""
    rng = random.Random(f"nhs-{seed}")
    own = {row["case_id"]: nhs_number(rng) for row in data.cases}
    for row in data.cases:
        row["nhs_number"] = own[row["case_id"]]
    person = {record: case for (case, record), kind in data.truth.items() if kind == "person"}
    for row in data.extract:
        number = own[person[row["record_id"]]] if row["record_id"] in person else None
        number = number or nhs_number(rng)
        row["nhs_number"] = "" if rng.random() < missing else number


def generate(
    cases: int = 200, extract: int = 4000, seed: int = 7, identifiers: bool = False
) -> Dataset:
    """The labelled set; with `identifiers`, an `nhs_number` column on both files."""
    data = _generate(cases, extract, seed)
    if identifiers:
        _identify(data, seed)
    return data


def _generate(cases: int, extract: int, seed: int) -> Dataset:
    g = Generator(seed, addresses=extract + cases * 2)
    rng = g.random
    data = Dataset()
    for number in range(1, cases + 1):
        case_id = f"C{number:05d}"
        surname = g.surname()
        person = g.person(surname)
        home = g.address(home=True)
        alias = ""
        error = ERRORS[number % len(ERRORS)]
        if error == "alias":
            alias = f"{rng.choice(FORENAMES)} {g.surname()}"
        data.cases.append({"case_id": case_id, **person, "aliases": alias, **home})
        household = [g.person(surname, 1, 16) for _ in range(rng.choice((0, 1, 1, 2, 3)))]
        if rng.random() < 0.3:
            household.append(g.person(g.surname(), 20, 60))  # a partner with another surname
        if number % 10 == 3:  # a twin at home: same surname and birthday, another forename
            twin = dict(
                person, forenames=rng.choice([f for f in FORENAMES if f != person["forenames"]])
            )
            household.append(twin)
        _known(g, data, case_id, person, home, error, alias)
        for member in household:
            place = _reformat(rng, home) if rng.random() < 0.5 else home
            record = g.record(member, place)
            data.extract.append(record)
            data.truth[(case_id, record["record_id"])] = "address"
        if number % 7 == 0:  # a namesake elsewhere: same common name, another birthday
            namesake = dict(person, date_of_birth=g.birth(18, 70).isoformat())
            data.extract.append(g.record(namesake, g.address()))
        if number % 5 == 0:  # a neighbour: same postcode and street, another house
            neighbour_home = dict(
                home,
                address_line_1=f"{int(home['address_line_1'].split()[0]) + 2} "
                + " ".join(home["address_line_1"].split()[1:]),
            )
            number = int(neighbour_home["address_line_1"].split()[0])
            if (neighbour_home["postcode"], number) not in g.homes:
                data.extract.append(g.record(g.person(g.surname()), neighbour_home))
    while len(data.extract) < extract:
        data.extract.append(g.record(g.person(g.surname(), 0, 80), g.address()))
    rng.shuffle(data.extract)
    return data


def _known(g: Generator, data: Dataset, case_id, person, home, error, alias) -> None:
    """Two in three case-list people are known to social care, with one kind of error."""
    if g.random.random() >= 2 / 3:
        return
    recorded = person
    if error == "alias" and alias:
        forenames, surname = alias.rsplit(" ", 1)
        recorded = dict(person, forenames=forenames, surname=surname)
    elif error != "none":
        recorded = distort(g.random, person, error)
    moved = g.random.random() < 0.25
    place = (
        g.address() if moved else (_reformat(g.random, home) if g.random.random() < 0.5 else home)
    )
    record = g.record(recorded, place)
    data.extract.append(record)
    data.truth[(case_id, record["record_id"])] = "person"
    data.errors[(case_id, record["record_id"])] = f"{error}{', moved' if moved else ''}"
