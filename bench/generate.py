"""Synthetic nominals in the nominal import format (shared/contracts/nominal-import.md).

    python -m bench.generate --count 100000 --seed 1 --areas DEMO,OTHER --out nominals.jsonl

writes one JSON object a line (``--out -`` for standard output) and reports the size and
speed on standard error (``--stats`` adds the shape of what was written). From Python,
``generate(count, seed, areas)`` yields the records as dicts.

The same seed, areas and as-of date give byte-identical output, and the first N records
of a longer run are the N records of a shorter one. Nothing depends on the clock: dates
are laid out relative to ``AS_OF`` (2026-11-21 unless ``--as-of`` says otherwise).

The shape follows the 2022 MAPPA annual report for England and Wales (89,438 eligible
people: 66,741 category 1, 22,304 category 2, 393 category 3) and the usual
management mix (about 98 per cent at level 1):

- category 1, registered sexual offenders: an index offence in Schedule 3 to the Sexual
  Offences Act 2003 whose condition the facts clearly meet (rape, assault by penetration
  and rape of a child under 13 always; s.7 and s.9 by an offender aged 18 or over at the
  time; indecent images of a child under 16 by an offender aged 18 or over sentenced to
  at least 12 months). The relevant date is chosen so that the notification period
  (s.82, halved under 18, and taking a suspended sentence at the shortest reading) is
  still running on the as-of date, and anyone imprisoned has been released by then;
- category 2, violent offenders: manslaughter, wounding (s.18, s.20) or murder, with at
  least 12 months' imprisonment (or life), a custody period, release and licence end
  date; about 85 per cent are still on licence on the as-of date (a life licence has no
  end date), the rest finished their licence in the last eight years and carry no
  ``mappa`` object;
- category 3: theft or supplying a controlled drug, with a ``mappa`` object at level 2
  or 3 (never level 1, which the import rejects).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from bisect import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import accumulate
from random import Random

from bench import names, places

AS_OF = date(2026, 11, 21)

# MAPPA annual report 2022: MAPPA-eligible people by category on 31 March 2022.
CATEGORY_COUNTS = ((1, 66_741), (2, 22_304), (3, 393))

TOP_LEVEL_KEYS = (
    "area",
    "external_ids",
    "name",
    "aliases",
    "date_of_birth",
    "gender",
    "ethnicity",
    "addresses",
    "associations",
    "offences",
    "custody",
    "mappa",
    "events",
)

# Index offences by category, with their share of the category.
SEXUAL_OFFENCES = (
    ("SOA2003/s1", 22),  # rape
    ("SOA2003/s2", 6),  # assault by penetration
    ("SOA2003/s5", 5),  # rape of a child under 13
    ("SOA2003/s7", 10),  # sexual assault of a child under 13
    ("SOA2003/s9", 15),  # sexual activity with a child
    ("PCA1978/s1", 25),  # taking, making or distributing indecent photographs of children
    ("CJA1988/s160", 17),  # possession of indecent photographs of children
)
# Custodial terms in months (least, most, commonest) for the always-notifiable offences.
SEXUAL_TERMS = {
    "SOA2003/s1": (60, 228, 96),
    "SOA2003/s2": (36, 180, 72),
    "SOA2003/s5": (72, 240, 120),
}
# Schedule 3 makes these notifiable when the offender was 18 or over at the time.
ADULT_AT_OFFENCE = frozenset({"SOA2003/s7", "SOA2003/s9", "PCA1978/s1", "CJA1988/s160"})
JUVENILE_SEXUAL_OFFENCES = (("SOA2003/s1", 5), ("SOA2003/s2", 2), ("SOA2003/s5", 3))
VIOLENT_OFFENCES = (
    ("OAPA1861/s18", 45),  # wounding or causing grievous bodily harm with intent
    ("OAPA1861/s20", 28),  # unlawful wounding or inflicting grievous bodily harm
    ("CL/manslaughter", 10),
    ("CL/murder", 17),
)
OTHER_OFFENCES = (("TA1968/s1", 60), ("MDA1971/s4", 40))  # in neither schedule
PREVIOUS_OFFENCES = (("TA1968/s1", 65), ("MDA1971/s4", 35))

CATEGORY_BY_INDEX_OFFENCE = {
    **{code: 1 for code, _ in SEXUAL_OFFENCES},
    **{code: 2 for code, _ in VIOLENT_OFFENCES},
    **{code: 3 for code, _ in OTHER_OFFENCES},
}
OFFENCE_CODES = tuple(
    sorted(
        {code for table in (SEXUAL_OFFENCES, VIOLENT_OFFENCES, OTHER_OFFENCES) for code, _ in table}
    )
)

SOA_2003_COMMENCED = date(2004, 5, 1).toordinal()
# Release at two-thirds: 7 years or more for serious sexual and violent offences from
# 1 April 2020 (SI 2020/158), 4 to 7 years from 28 June 2022 (PCSC Act 2022 s.130).
TWO_THIRDS_FROM_2020 = date(2020, 4, 1).toordinal()
TWO_THIRDS_FROM_2022 = date(2022, 6, 28).toordinal()

DAYS_IN_YEAR = 365.25
PNC_CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"  # index: (2-digit year and serial) mod 23
NOMS_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


class _Weighted:
    """Pick from items with weights: one random() and a bisect per pick."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, pairs: Iterable[tuple[object, float]]):
        items, weights = zip(*pairs, strict=True)
        self.items = items
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random):
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def _zipf(items: Sequence[str], offset: float = 6.0, exponent: float = 1.0) -> _Weighted:
    """Weight a most-common-first list by rank, Zipf–Mandelbrot style."""
    return _Weighted(
        (item, 1.0 / (rank + offset) ** exponent) for rank, item in enumerate(items, 1)
    )


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _add_months(ordinal: int, months: float) -> int:
    """The day `months` calendar months after (or before) a day; fractions as 30.44 days."""
    whole = int(months)
    day = date.fromordinal(ordinal)
    year, month = divmod(day.month - 1 + whole, 12)
    year += day.year
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1).toordinal()) - 1
    result = min(date(year, month, 1).toordinal() + day.day - 1, last)
    return result + round((months - whole) * 30.44)


def _add_years(ordinal: int, years: int) -> int:
    return _add_months(ordinal, 12 * years)


def _weekday(ordinal: int) -> int:
    """Courts sit on weekdays: move a Saturday or Sunday back to the Friday."""
    day_of_week = (ordinal - 1) % 7  # date(1, 1, 1) was a Monday
    return ordinal - (day_of_week - 4) if day_of_week > 4 else ordinal


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _pnc_check(year: int, serial: int) -> str:
    return PNC_CHECK_LETTERS[int(f"{year % 100:02d}{serial:07d}") % 23]


def category_of(record: dict) -> int | None:
    """The category the generator built the record for, from its index offence."""
    for offence in record.get("offences", ()):
        if offence.get("index"):
            return CATEGORY_BY_INDEX_OFFENCE.get(offence["offence"])
    return None


class _Story:
    """What happened to one person: offences, custody and supervision, as day ordinals."""

    __slots__ = (
        "born",
        "offences",
        "custody_from",
        "release",
        "licence_end",
        "order_end",
        "recall",
        "victim",
        "events",
        "first_custody",
    )

    def __init__(self):
        self.offences: list[dict] = []
        self.custody_from: int | None = None
        self.release: int | None = None
        self.licence_end: int | None = None
        self.order_end: int | None = None
        self.recall: tuple[int, int] | None = None
        self.victim: tuple[int, int] | None = None  # (age, day of the offence)
        self.events: list[tuple[int, str]] = []
        self.first_custody: int | None = None


class Generator:
    """Makes nominals one after another from one seeded random stream."""

    def __init__(self, seed: int, areas: Sequence[str], as_of: date = AS_OF):
        if not areas:
            raise ValueError("give at least one area code")
        self.rng = Random(seed)
        self.areas = tuple(areas)
        self.today = as_of.toordinal()
        self.earliest = _add_years(self.today, -25)

        self.category = _Weighted(CATEGORY_COUNTS)
        self.sexual = _Weighted(SEXUAL_OFFENCES)
        self.juvenile_sexual = _Weighted(JUVENILE_SEXUAL_OFFENCES)
        self.violent = _Weighted(VIOLENT_OFFENCES)
        self.other = _Weighted(OTHER_OFFENCES)
        self.previous = _Weighted(PREVIOUS_OFFENCES)

        self.groups = _Weighted((group, group[1]) for group in names.GROUPS)
        self.surnames = {group[0]: _zipf(group[2]) for group in names.GROUPS}
        self.forenames: dict[tuple[str, str, str], _Weighted] = {}
        for key, _share, _surnames, male, female, _ethnicities in names.GROUPS:
            for sex, table in (("male", male), ("female", female)):
                for cohort in (names.OLD, names.MIDDLE, names.YOUNG):
                    listed = table[cohort] if isinstance(table, dict) else table
                    self.forenames[key, sex, cohort] = _zipf(listed, offset=4.0)
        self.ethnicities = {group[0]: _Weighted(group[5]) for group in names.GROUPS}

        self.suffixes = _Weighted(places.STREET_SUFFIXES)
        # Each area gets its own postcode districts (all of them when areas outnumber them).
        districts = range(len(places.DISTRICTS))
        count = len(self.areas)
        self.area_districts = [
            [d for d in districts if d % count == a] or list(districts) for a in range(count)
        ]

        self.used: dict[str, set] = {"pnc": set(), "cro": set(), "crn": set(), "noms": set()}
        self.used["visor"] = set()

    # -- people -------------------------------------------------------------------------

    def nominal(self, index: int) -> dict:
        rng = self.rng
        area_index = index % len(self.areas)
        category = self.category.pick(rng)
        if category == 1:
            story = self._sexual_offender(rng)
            gender = self._gender(rng, 0.975, 0.023)
        elif category == 2:
            story = self._violent_offender(rng)
            gender = self._gender(rng, 0.95, 0.048)
        else:
            story = self._other_dangerous_offender(rng)
            gender = self._gender(rng, 0.93, 0.068)
        group = self.groups.pick(rng)
        key = group[0]
        sex = gender if gender in ("male", "female") else rng.choice(("male", "female"))
        forenames, surname = self._name(rng, key, sex, story.born)

        record: dict = {"area": self.areas[area_index]}
        record["external_ids"] = self._external_ids(rng, category, story)
        record["name"] = {"forenames": forenames, "surname": surname}
        if rng.random() < 0.30:
            aliases = self._aliases(rng, key, sex, forenames, surname, story.born)
            if aliases:
                record["aliases"] = aliases
        record["date_of_birth"] = _iso(story.born)
        record["gender"] = gender
        record["ethnicity"] = self.ethnicities[key].pick(rng)
        record["addresses"] = self._addresses(rng, area_index, story)
        associations = self._associations(rng, key, sex, surname, story)
        if associations:
            record["associations"] = associations
        record["offences"] = story.offences
        custody = self._custody(story)
        if custody:
            record["custody"] = custody
        mappa = self._mappa(rng, category, story)
        if mappa:
            record["mappa"] = mappa
        if story.events:
            record["events"] = [
                {"kind": kind, "date": _iso(day)} for day, kind in sorted(story.events)
            ]
        return record

    @staticmethod
    def _gender(rng: Random, male: float, female: float) -> str:
        roll = rng.random()
        if roll < male:
            return "male"
        if roll < male + female:
            return "female"
        return "non_binary" if roll < male + female + (1 - male - female) / 2 else "not_known"

    def _forename(self, rng: Random, key: str, sex: str, born: int) -> str:
        cohort = names.cohort(date.fromordinal(born).year)
        return self.forenames[key, sex, cohort].pick(rng)

    def _name(self, rng: Random, key: str, sex: str, born: int) -> tuple[str, str]:
        first = self._forename(rng, key, sex, born)
        middle_chance = 0.55 if key in ("british", "irish") else 0.3
        forenames = first
        if rng.random() < middle_chance:
            middle = self._forename(rng, key, sex, born)
            if middle != first:
                forenames = f"{first} {middle}"
        return forenames, self._surname(rng, key, sex)

    def _surname(self, rng: Random, key: str, sex: str) -> str:
        surname = self.surnames[key].pick(rng)
        if key == "british" and rng.random() < 0.015:
            other = self.surnames[key].pick(rng)
            if other != surname:
                surname = f"{other}-{surname}"
        if sex == "female":
            own = names.FEMALE_SURNAMES.get(key)
            if own and rng.random() < 0.5:
                return rng.choice(own)
            return names.feminine_surname(surname)
        return surname

    def _aliases(
        self, rng: Random, key: str, sex: str, forenames: str, surname: str, born: int
    ) -> list[dict]:
        first = forenames.split(" ")[0]
        wanted = 1 if rng.random() < 0.65 else (2 if rng.random() < 0.7 else 3)
        aliases: list[dict] = []
        seen = {(forenames, surname)}
        for _ in range(wanted):
            roll = rng.random()
            if roll < 0.35 and first in names.NICKNAMES:
                alias = (rng.choice(names.NICKNAMES[first]), surname, "nickname")
            elif roll < (0.75 if sex == "female" else 0.5):  # marriage, a stepfather, deed poll
                alias = (forenames, self._surname(rng, key, sex), "previous_name")
            else:
                alias = self._alias(rng, key, sex, forenames, first, surname, born)
            if (alias[0], alias[1]) not in seen:
                seen.add((alias[0], alias[1]))
                aliases.append({"forenames": alias[0], "surname": alias[1], "kind": alias[2]})
        return aliases

    def _alias(
        self, rng: Random, key: str, sex: str, forenames: str, first: str, surname: str, born: int
    ) -> tuple[str, str, str]:
        roll = rng.random()
        variants = names.SURNAME_VARIANTS.get(surname)
        if variants and roll < 0.35:
            return forenames, rng.choice(variants), "alias"
        plain = _ascii(f"{forenames}\t{surname}")
        if plain != f"{forenames}\t{surname}" and roll < 0.6:
            plain_forenames, plain_surname = plain.split("\t")
            return plain_forenames, plain_surname, "alias"  # as typed without diacritics
        if roll < 0.5:
            return surname, first, "alias"  # surname and forename swapped
        if roll < 0.7 and len(first) > 3:
            cut = rng.randrange(1, len(first) - 1)
            return first[:cut] + first[cut + 1 :], surname, "alias"  # misspelt
        return self._forename(rng, key, sex, born), surname, "alias"

    # -- offending histories ----------------------------------------------------------

    def _born(self, rng: Random, age: int, on: int) -> int:
        """A birthday giving `age` on day `on`."""
        latest = _add_years(on, -age)
        earliest = _add_years(on, -age - 1) + 1
        return rng.randint(earliest, latest)

    def _relevant_date(self, rng: Random, low: int, high: int) -> int:
        """A weekday in [low, high], a little more often recent."""
        if high <= low:
            return _weekday(high)
        day = high - int((high - low) * rng.random() ** 1.15)
        moved = _weekday(day)
        return moved if moved >= low else day

    def _adult_age(self, rng: Random, low: int, high: int, mode: int, relevant: int) -> int:
        age = int(rng.triangular(low, high + 1, mode))
        # Nobody older than 95 today.
        years_since = (self.today - relevant) / DAYS_IN_YEAR
        return max(low, min(age, high, int(95 - years_since)))

    def _release_fraction(self, months: float, relevant: int) -> float:
        if months >= 84 and relevant >= TWO_THIRDS_FROM_2020:
            return 2 / 3
        if months >= 48 and relevant >= TWO_THIRDS_FROM_2022:
            return 2 / 3
        return 0.5

    def _imprisonment(self, story: _Story, months: float, relevant: int, remand: int):
        """Custody from remand to release; licence to the end of the term."""
        term_end = _add_months(relevant, months)
        served = round((term_end - relevant) * self._release_fraction(months, relevant))
        remand = min(remand, max(served - 7, 0))
        story.custody_from = relevant - remand
        story.first_custody = story.custody_from
        story.release = relevant + served - remand
        story.licence_end = term_end - remand

    def _recall(self, rng: Random, story: _Story, chance: float, lifer: bool = False):
        if story.release is None or rng.random() >= chance:
            return
        latest = self.today - 7 if story.licence_end is None else min(self.today, story.licence_end)
        first = story.release + 60
        if latest - first < 120:
            return
        recalled = rng.randint(first, latest - 60)
        length = (
            rng.randint(180, 900) if lifer else (28 if rng.random() < 0.5 else rng.randint(90, 400))
        )
        back_out = recalled + length
        if back_out >= latest:
            return
        story.recall = (recalled, back_out)
        story.events.append((recalled, "returned_to_custody_licence_breach"))

    def _sexual_disposal(self, rng: Random, code: str, juvenile: bool) -> tuple[str, str, float]:
        """(outcome, disposal type, term in months) for a Schedule 3 index offence."""
        roll = rng.random()
        if juvenile:
            if roll < 0.55:
                return "conviction", "imprisonment", rng.choice((24, 30, 36, 42, 48, 60, 72))
            return "conviction", "youth_rehabilitation_order", rng.choice((12, 18, 24, 36))
        if code in SEXUAL_TERMS:
            low, high, mode = SEXUAL_TERMS[code]
            return "conviction", "imprisonment", round(rng.triangular(low, high, mode) / 6) * 6
        if code in ("PCA1978/s1", "CJA1988/s160"):  # indecent images: 12 months or more
            high = 60 if code == "PCA1978/s1" else 36
            return "conviction", "imprisonment", int(rng.triangular(12, high, 15))
        caution = 0.03 if code == "SOA2003/s7" else 0.08
        if roll < caution:
            return "caution", "none", 0
        if roll < caution + 0.25:
            return "conviction", "suspended_imprisonment", rng.choice((6, 8, 9, 12, 16, 18, 24))
        if roll < caution + 0.47:
            return "conviction", "community_order", rng.choice((12, 18, 24, 36))
        if rng.random() < 0.2:  # magistrates sentence in weeks
            weeks = rng.choice((8, 12, 16, 18, 20, 24, 26))
            return "conviction", "imprisonment", round(weeks * 12 / 52, 2)
        return "conviction", "imprisonment", int(rng.triangular(6, 84, 20))

    @staticmethod
    def _notification_years(kind: str, months: float, juvenile: bool) -> float | None:
        """The notification period (SOA 2003 s.82), at its shortest reading; None: indefinite."""
        if kind == "imprisonment" and months >= 30:
            return None
        if kind == "imprisonment":
            years = 10 if months > 6 else 7
        elif kind == "none":
            years = 2
        else:  # community, youth rehabilitation and (at its shortest) suspended sentences
            years = 5
        return years / 2 if juvenile else years

    def _sexual_relevant_date(self, rng: Random, code: str, kind: str, months: float, years):
        """A relevant date with notification still running today, and any prisoner released."""
        low = self.earliest
        if code.startswith("SOA2003/"):
            low = max(low, SOA_2003_COMMENCED + 60)
        if years is not None:
            low = max(low, self.today - int(years * DAYS_IN_YEAR) + 30)
        high = self.today - 14
        if kind == "imprisonment":
            high = self.today - round(months * 30.44 * 2 / 3) - 14
        return self._relevant_date(rng, low, high)

    def _sexual_offender(self, rng: Random) -> _Story:
        story = _Story()
        juvenile = rng.random() < 0.02
        code = (self.juvenile_sexual if juvenile else self.sexual).pick(rng)
        adult_at_offence = code in ADULT_AT_OFFENCE
        outcome, kind, months = self._sexual_disposal(rng, code, juvenile)
        years = self._notification_years(kind, months, juvenile)
        relevant = self._sexual_relevant_date(rng, code, kind, months, years)
        if juvenile:
            age = rng.randint(14, 17)
        else:
            age = max(self._adult_age(rng, 18, 80, 30, relevant), 19 if adult_at_offence else 18)
        story.born = self._born(rng, age, relevant)
        lag = rng.randint(60, 700) if rng.random() < 0.85 else rng.randint(700, 5000)
        floor = _add_years(story.born, 18 if adult_at_offence else 10) + 1
        if code.startswith("SOA2003/"):
            floor = max(floor, SOA_2003_COMMENCED)
        remand = 0
        if kind == "imprisonment" and rng.random() < 0.3:
            remand = rng.randint(30, 300)
        committed = min(max(relevant - max(lag, remand + 14), floor), relevant)
        remand = max(0, min(remand, relevant - committed - 7))  # not held before the offence

        victim_age = self._victim_age(rng, code, juvenile)
        story.victim = (victim_age, committed)
        disposal: dict = {"type": kind}
        if kind != "none":
            disposal["term_months"] = months
        story.offences.append(
            {
                "offence": code,
                "outcome": outcome,
                "date": _iso(relevant),
                "committed_on": _iso(committed),
                "victim_age": victim_age,
                "disposal": disposal,
                "index": True,
            }
        )
        if kind == "imprisonment":
            self._imprisonment(story, months, relevant, remand)
            self._recall(rng, story, 0.05)
        elif kind != "none":
            story.order_end = _add_months(relevant, months)
        if outcome == "conviction":
            self._sexual_events(rng, story, relevant)
        self._previous_offences(rng, story, committed)
        return story

    def _sexual_events(self, rng: Random, story: _Story, relevant: int):
        if rng.random() < 0.35:
            story.events.append((relevant, "shpo_imposed"))
            if rng.random() < 0.08:
                story.events.append((relevant, "shpo_foreign_travel_prohibition"))
        out = story.release or relevant
        if rng.random() < 0.04 and self.today - out > 60:
            story.events.append(
                (rng.randint(out + 30, self.today - 1), "notification_breach_sanction")
            )

    @staticmethod
    def _victim_age(rng: Random, code: str, juvenile: bool) -> int:
        if code in ("SOA2003/s5", "SOA2003/s7"):
            return rng.randint(3, 12)
        if code == "SOA2003/s9":
            return rng.randint(13, 15)
        if code in ("PCA1978/s1", "CJA1988/s160"):
            return int(rng.triangular(1, 16, 11))
        if juvenile or rng.random() < 0.3:
            return rng.randint(13, 17)
        return int(rng.triangular(16, 71, 22))

    def _violent_offender(self, rng: Random) -> _Story:
        story = _Story()
        code = self.violent.pick(rng)
        murder = code == "CL/murder"
        juvenile = not murder and rng.random() < 0.015
        if murder:
            tariff_years = int(rng.triangular(12, 31, 15))
            delay = int(rng.triangular(0, 8 * DAYS_IN_YEAR, 1.5 * DAYS_IN_YEAR))
            remand = rng.randint(150, 500)
            high = self.today - int(tariff_years * DAYS_IN_YEAR) - delay + remand - 30
            relevant = self._relevant_date(rng, min(_add_years(self.today, -45), high), high)
            story.custody_from = relevant - remand
            story.first_custody = story.custody_from
            story.release = _add_years(relevant, tariff_years) - remand + delay
            story.licence_end = None  # a life licence does not end
            disposal = {"type": "life_imprisonment"}
            age = self._adult_age(rng, 18, 60, 25, relevant)
        else:
            if code == "OAPA1861/s20":
                months = int(rng.triangular(12, 61, 24))
            elif code == "OAPA1861/s18":
                months = round(rng.triangular(48, 216, 84) / 6) * 6
            else:
                months = round(rng.triangular(36, 240, 96) / 6) * 6
            remand = rng.randint(30, 365) if rng.random() < 0.5 else 0
            term_days = round(months * 30.44)
            served = round(term_days * (2 / 3 if months >= 48 else 0.5))
            remand = min(remand, max(served - 7, 0))
            if rng.random() < 0.85:  # still on licence today
                low = self.today - term_days + remand + 31
                high = self.today - served + remand - 14
            else:  # licence ended within the last eight years
                ended = self.today - rng.randint(1, 8 * 365)
                low = high = ended - term_days + remand
            relevant = self._relevant_date(rng, max(low, _add_years(self.today, -35)), high)
            self._imprisonment(story, months, relevant, remand)
            disposal = {"type": "imprisonment", "term_months": months}
            age = rng.randint(16, 17) if juvenile else self._adult_age(rng, 18, 70, 24, relevant)
        story.born = self._born(rng, age, relevant)
        lag = max(rng.randint(100, 700), remand + rng.randint(14, 120))
        committed = max(relevant - lag, _add_years(story.born, 10) + 1)
        story.offences.append(
            {
                "offence": code,
                "outcome": "conviction",
                "date": _iso(relevant),
                "committed_on": _iso(min(committed, relevant)),
                "disposal": disposal,
                "index": True,
            }
        )
        self._recall(rng, story, 0.08 if murder else 0.10, lifer=murder)
        if rng.random() < 0.003 and story.release < self.today - 60:
            story.events.append((rng.randint(story.release + 30, self.today - 1), "sfo_charged"))
        self._previous_offences(rng, story, min(committed, relevant))
        return story

    def _other_dangerous_offender(self, rng: Random) -> _Story:
        story = _Story()
        code = self.other.pick(rng)
        roll = rng.random()
        if roll < 0.55:
            kind = "imprisonment"
            if code == "TA1968/s1":
                months = rng.choice((3, 4, 6, 8, 10, 12, 16, 18, 24))
            else:
                months = round(rng.triangular(24, 120, 40) / 6) * 6
        elif roll < 0.85:
            kind, months = "community_order", rng.choice((12, 18, 24))
        else:
            kind, months = "suspended_imprisonment", rng.choice((6, 12, 18, 24))
        high = self.today - 30
        if kind == "imprisonment":
            high = self.today - round(months * 30.44 * 2 / 3) - 30
        relevant = self._relevant_date(rng, min(self.today - 6 * 365, high - 365), high)
        age = self._adult_age(rng, 18, 65, 26, relevant)
        story.born = self._born(rng, age, relevant)
        remand = rng.randint(30, 200) if kind == "imprisonment" and rng.random() < 0.4 else 0
        lag = max(rng.randint(60, 500), remand + rng.randint(14, 90))
        committed = max(relevant - lag, _add_years(story.born, 16))
        story.offences.append(
            {
                "offence": code,
                "outcome": "conviction",
                "date": _iso(relevant),
                "committed_on": _iso(min(committed, relevant)),
                "disposal": {"type": kind, "term_months": months},
                "index": True,
            }
        )
        if kind == "imprisonment":
            self._imprisonment(story, months, relevant, remand)
        else:
            story.order_end = _add_months(relevant, months)
        self._previous_offences(rng, story, min(committed, relevant), chance=0.6)
        return story

    def _previous_offences(self, rng: Random, story: _Story, before: int, chance: float = 0.25):
        """Earlier convictions or cautions in neither schedule, dealt with in the community."""
        if rng.random() >= chance:
            return
        start = _add_years(story.born, 16)
        end = before - 60
        if end - start < 90:
            return
        for _ in range(1 if rng.random() < 0.7 else 2):
            day = _weekday(rng.randint(start, end))
            code = self.previous.pick(rng)
            roll = rng.random()
            if roll < 0.15:
                outcome, disposal = "caution", {"type": "none"}
            elif roll < 0.4:
                outcome, disposal = "conviction", {"type": "fine"}
            elif roll < 0.6:
                months = rng.choice((6, 12, 18, 24))
                outcome, disposal = (
                    "conviction",
                    {"type": "conditional_discharge", "term_months": months},
                )
            else:
                months = rng.choice((6, 12, 18))
                outcome, disposal = "conviction", {"type": "community_order", "term_months": months}
            offence = {"offence": code, "outcome": outcome, "date": _iso(day), "disposal": disposal}
            offence["index"] = False
            story.offences.insert(0, offence)
        story.offences.sort(key=lambda offence: offence["date"])

    # -- identifiers --------------------------------------------------------------------

    def _unique(self, kind: str, make) -> str:
        used = self.used[kind]
        while True:
            value = make()
            if value not in used:
                used.add(value)
                return value

    def _external_ids(self, rng: Random, category: int, story: _Story) -> dict:
        ids: dict[str, str] = {}
        first_day = min(
            date.fromisoformat(o.get("committed_on") or o["date"]).toordinal()
            for o in story.offences
        )
        year = date.fromordinal(first_day).year

        def pnc() -> str:
            serial = int(rng.triangular(1, 1_000_000, 40_000))
            return f"{year}/{serial:07d}{_pnc_check(year, serial)}"

        ids["pnc"] = self._unique("pnc", pnc)
        convicted = any(o["outcome"] == "conviction" for o in story.offences)
        if convicted and rng.random() < 0.65:

            def cro() -> str:
                serial = rng.randint(1, 999_999)
                return f"{serial:06d}/{year % 100:02d}{_pnc_check(year, serial)}"

            ids["cro"] = self._unique("cro", cro)
        if convicted:
            crowded = len(self.used["crn"]) > 500_000  # "X" + 6 digits holds a million
            ids["crn"] = self._unique(
                "crn",
                lambda: (
                    (rng.choice("DEFGHJKLMN") if crowded else "X")
                    + f"{rng.randint(0, 999_999):06d}"
                ),
            )
        if story.first_custody is not None:
            prefix = "G" if story.first_custody >= date(2022, 1, 1).toordinal() else "A"
            ids["noms"] = self._unique(
                "noms",
                lambda: (
                    f"{prefix}{rng.randint(1000, 9999)}"
                    f"{rng.choice(NOMS_LETTERS)}{rng.choice(NOMS_LETTERS)}"
                ),
            )
        if category == 1 or category == 3 or rng.random() < 0.3:
            ids["visor"] = self._unique("visor", lambda: f"V{rng.randint(1, 9_999_999):07d}")
        return ids

    # -- addresses and people around them -----------------------------------------------

    def _place(self, rng: Random, area_index: int, local: float = 0.85) -> tuple:
        if rng.random() < local:
            return places.DISTRICTS[rng.choice(self.area_districts[area_index])]
        return places.DISTRICTS[rng.randrange(len(places.DISTRICTS))]

    @staticmethod
    def _located(rng: Random, district: tuple, address: dict) -> dict:
        address["latitude"] = round(district[2] + rng.uniform(-0.012, 0.012), 5)
        address["longitude"] = round(district[3] + rng.uniform(-0.018, 0.018), 5)
        return address

    def _postcode(self, rng: Random, outward: str) -> str:
        letters = places.INWARD_LETTERS
        return f"{outward} {rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"

    def _street(self, rng: Random, outward: str) -> str:
        if outward[:2] in places.WELSH_AREAS and rng.random() < 0.25:
            return rng.choice(places.WELSH_STREETS)
        stem = rng.choice(places.STREET_STEMS)
        if stem == "High" or (stem == "Market" and rng.random() < 0.5):
            return f"{stem} Street"
        return f"{stem} {self.suffixes.pick(rng)}"

    def _home(self, rng: Random, area_index: int, kind: str = "home") -> dict:
        district = self._place(rng, area_index)
        outward, town = district[0], district[1]
        street = self._street(rng, outward)
        number = int(rng.triangular(1, 180, 12))
        roll = rng.random()
        if roll < 0.18:
            line_1, line_2 = f"Flat {rng.randint(1, 24)}", f"{number} {street}"
        elif roll < 0.25:
            line_1, line_2 = f"Flat {rng.randint(1, 60)} {rng.choice(places.BLOCK_NAMES)}", street
        else:
            line_1, line_2 = f"{number} {street}", ""
        address = {
            "line_1": line_1,
            "line_2": line_2,
            "town": town,
            "postcode": self._postcode(rng, outward),
            "kind": kind,
        }
        return self._located(rng, district, address)

    def _approved_premises(self, rng: Random, area_index: int) -> dict:
        """One approved premises per postcode district, at a fixed address."""
        which = rng.choice(self.area_districts[area_index])
        outward, town, lat, lon = places.DISTRICTS[which]
        name = names.APPROVED_PREMISES_NAMES[which % len(names.APPROVED_PREMISES_NAMES)]
        stem = places.STREET_STEMS[(which * 7) % len(places.STREET_STEMS)]
        letters = places.INWARD_LETTERS
        inward = f"{which % 10}{letters[which % 20]}{letters[(which * 3) % 20]}"
        return {
            "line_1": name,
            "line_2": f"{(which * 13) % 90 + 2} {stem} Road",
            "town": town,
            "postcode": f"{outward} {inward}",
            "kind": "approved_premises",
            "latitude": lat,
            "longitude": lon,
        }

    def _elsewhere(self, rng: Random, area_index: int, current: bool) -> dict:
        roll = rng.random()
        if roll < (0.025 if current else 0.04):
            town = self._place(rng, area_index)[1]
            return {
                "line_1": "No fixed abode",
                "line_2": "",
                "town": town,
                "kind": "no_fixed_abode",
            }
        if roll < (0.045 if current else 0.10):
            return self._home(rng, area_index, "temporary")
        return self._home(rng, area_index)

    def _addresses(self, rng: Random, area_index: int, story: _Story) -> list[dict]:
        roll = rng.random()
        wanted = 1 if roll < 0.30 else 2 if roll < 0.65 else 3 if roll < 0.87 else 4
        start = min(max(_add_years(story.born, 17), _add_years(self.today, -20)), self.today - 400)
        release = story.recall[1] if story.recall else story.release
        if (
            release is not None
            and release > start + 400
            and release > self.today - 12 * 365
            and rng.random() < 0.55
        ):
            entries = self._released_to_approved_premises(rng, area_index, story, wanted, start)
        else:
            high = self.today - 7
            if high - start <= wanted:
                wanted = 1
            days = sorted(rng.sample(range(start, high), wanted))
            entries = [(day, self._elsewhere(rng, area_index, False)) for day in days]
        if entries[-1][1]["kind"] != "approved_premises":  # current: maybe no fixed abode
            entries[-1] = (entries[-1][0], self._elsewhere(rng, area_index, True))
        return self._dated(entries, story)

    def _released_to_approved_premises(
        self, rng: Random, area_index: int, story: _Story, wanted: int, start: int
    ) -> list[tuple[int, dict]]:
        """Homes before prison, approved premises on release, then homes of their own."""
        release = story.recall[1] if story.recall else story.release
        moved_on = release + rng.randint(56, 200)
        settled = moved_on < self.today - 7  # approved premises are for the first months only
        before = rng.randrange(max(wanted - 1, 1) if settled else wanted)
        after = max(wanted - 1 - before, 1)
        custody_from = story.custody_from or release
        entries: list[tuple[int, dict]] = []
        if before and custody_from - start > before + 30:
            for day in sorted(rng.sample(range(start, custody_from - 30), before)):
                entries.append((day, self._elsewhere(rng, area_index, False)))
        entries.append((release, self._approved_premises(rng, area_index)))
        if settled:
            days = [moved_on]
            if after > 1 and self.today - 7 - moved_on > after:
                days += rng.sample(range(moved_on + 1, self.today - 7), after - 1)
            for day in sorted(days):
                entries.append((day, self._elsewhere(rng, area_index, False)))
        return entries

    @staticmethod
    def _dated(entries: list[tuple[int, dict]], story: _Story) -> list[dict]:
        """Each address runs to the day before the next; the last is current (to: null)."""
        addresses = []
        for position, (day, address) in enumerate(entries):
            address["from"] = _iso(day)
            following = entries[position + 1][0] if position + 1 < len(entries) else None
            if (
                following is not None
                and story.custody_from
                and day < story.custody_from < following
            ):
                following = story.custody_from + 1  # left for prison
            address["to"] = None if following is None else _iso(following - 1)
            addresses.append(address)
        return addresses

    def _person(
        self, rng: Random, key: str, sex: str, born: int, surname: str | None = None
    ) -> dict:
        return {
            "forenames": self._forename(rng, key, sex, born),
            "surname": surname if surname is not None else self._surname(rng, key, sex),
            "date_of_birth": _iso(born),
        }

    def _associations(
        self, rng: Random, key: str, sex: str, surname: str, story: _Story
    ) -> list[dict]:
        associations: list[dict] = []
        other_sex = "female" if sex == "male" else "male"
        if rng.random() < 0.25:
            count = 1 if rng.random() < 0.5 else (2 if rng.random() < 0.64 else 3)
            earliest = _add_years(story.born, 18)
            latest = min(_add_years(story.born, 45 if sex == "male" else 42), self.today - 30)
            if latest > earliest + count:
                family = surname if sex == "male" or rng.random() < 0.6 else None
                for born in sorted(rng.sample(range(earliest, latest), count)):
                    child_sex = rng.choice(("male", "female"))
                    child_surname = family
                    if child_surname is not None and child_sex == "female":
                        own = names.FEMALE_SURNAMES.get(key)
                        if own and rng.random() < 0.5:
                            child_surname = rng.choice(own)
                        else:
                            child_surname = names.feminine_surname(child_surname)
                    child = self._person(rng, key, child_sex, born, child_surname)
                    associations.append({"relationship": "child", **child, "address": None})
        for relationship, chance in (("partner", 0.18), ("former_partner", 0.12)):
            if rng.random() < chance:
                partner_sex = other_sex if rng.random() < 0.95 else sex
                born = story.born + rng.randint(-3650, 3650)
                born = min(born, _add_years(self.today, -18))
                partner_key = key if rng.random() < 0.85 else self.groups.pick(rng)[0]
                partner = self._person(rng, partner_key, partner_sex, born)
                associations.append({"relationship": relationship, **partner, "address": None})
        if story.victim and rng.random() < 0.12:
            age, on = story.victim
            born = _add_years(on, -age) - rng.randint(0, 364)
            victim_sex = "female" if rng.random() < 0.8 else "male"
            victim_key = key if rng.random() < 0.8 else self.groups.pick(rng)[0]
            victim = self._person(rng, victim_key, victim_sex, born)
            associations.append({"relationship": "victim", **victim, "address": None})
        if rng.random() < 0.03:
            born = story.born + rng.randint(-7300, 7300)
            born = min(born, self.today - 365)
            member = self._person(rng, key, rng.choice(("male", "female")), born)
            associations.append({"relationship": "household_member", **member, "address": None})
        return associations

    # -- custody and management ---------------------------------------------------------

    def _custody(self, story: _Story) -> dict | None:
        if story.custody_from is None:
            return None
        periods = [{"from": _iso(story.custody_from), "to": _iso(story.release)}]
        release = story.release
        if story.recall:
            periods.append({"from": _iso(story.recall[0]), "to": _iso(story.recall[1])})
            release = story.recall[1]
        licence_end = None if story.licence_end is None else _iso(story.licence_end)
        return {"periods": periods, "release_date": _iso(release), "licence_end_date": licence_end}

    def _supervised(self, story: _Story) -> bool:
        if story.release is not None:
            return story.licence_end is None or story.licence_end > self.today
        return story.order_end is not None and story.order_end > self.today

    def _mappa(self, rng: Random, category: int, story: _Story) -> dict | None:
        supervised = self._supervised(story)
        if category == 2 and not supervised:
            return None  # licence over: no longer managed
        if category != 3 and rng.random() >= 0.9:
            return None
        if category == 3:  # never level 1 (MAPPA Guidance; the import rejects it)
            level = 2 if rng.random() < 0.78 else 3
        else:
            roll = rng.random()
            level = 1 if roll < 0.984 else (2 if roll < 0.997 else 3)
        if category == 3:
            lead = "probation" if rng.random() < 0.7 else "police"
        else:
            lead = "probation" if supervised else "police"
        start = self._managed_from(rng, category, story)
        cycle = {1: 365, 2: 112, 3: 56}[level]
        if rng.random() < 0.04:
            review = self.today - rng.randint(1, 60)  # overdue
        else:
            review = self.today + rng.randint(1, cycle)
        return {
            "category": category,
            "level": level,
            "lead_agency": lead,
            "start_date": _iso(start),
            "next_review_due": _iso(max(review, start + 1)),
            "level_history": self._level_history(rng, category, level, start),
        }

    def _managed_from(self, rng: Random, category: int, story: _Story) -> int:
        if story.release is not None:
            return story.recall[1] if story.recall else story.release
        index = next(o["date"] for o in story.offences if o.get("index"))
        relevant = date.fromisoformat(index).toordinal()
        if category == 3:  # referred some time after sentence
            return min(relevant + rng.randint(30, 400), self.today - 14)
        return relevant

    def _level_history(self, rng: Random, category: int, level: int, start: int) -> list[dict]:
        base = 2 if category == 3 else 1
        if (
            level > base
            and self.today - start > 60
            and (self.today - start > 730 or rng.random() < 0.5)
        ):
            # Raised when the risk changed, most often in the last two years.
            raised = rng.randint(max(start + 28, self.today - 730), self.today - 14)
            return [{"level": base, "from": _iso(start)}, {"level": level, "from": _iso(raised)}]
        if level == 1 and rng.random() < 0.03 and self.today - start > 200:
            lowered = rng.randint(start + 112, self.today - 14)
            return [{"level": 2, "from": _iso(start)}, {"level": 1, "from": _iso(lowered)}]
        return [{"level": level, "from": _iso(start)}]


def generate(
    count: int, seed: int, areas: Sequence[str] | str, *, as_of: date = AS_OF
) -> Iterator[dict]:
    """`count` nominals for the given area codes (a list, or "A,B"), from `seed`."""
    if isinstance(areas, str):
        areas = [code.strip() for code in areas.split(",") if code.strip()]
    generator = Generator(seed, areas, as_of)
    for index in range(count):
        yield generator.nominal(index)


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(record: dict) -> str:
    """One record as one line of the import file (without the newline)."""
    return _encode(record)


def shape(records: Iterable[dict], as_of: date = AS_OF) -> dict:
    """Counts that describe a generated file (for --stats and the tests)."""
    today = as_of.isoformat()
    counts: Counter = Counter()
    for record in records:
        counts["records"] += 1
        counts[f"category {category_of(record)}"] += 1
        mappa = record.get("mappa")
        if mappa:
            counts["with mappa"] += 1
            counts[f"mappa level {mappa['level']}"] += 1
            counts[f"lead agency {mappa['lead_agency']}"] += 1
        counts[f"gender {record['gender']}"] += 1
        counts["with aliases"] += bool(record.get("aliases"))
        relationships = {a["relationship"] for a in record.get("associations", ())}
        counts["with children"] += "child" in relationships
        counts["with partner"] += "partner" in relationships
        counts[f"addresses {len(record['addresses'])}"] += 1
        counts[f"current address {record['addresses'][-1]['kind']}"] += 1
        custody = record.get("custody")
        if custody:
            counts["with custody"] += 1
            end = custody["licence_end_date"]
            counts["on licence on the as-of date"] += end is None or end > today
        for offence in record["offences"]:
            if offence.get("index"):
                counts[f"index {offence['offence']}"] += 1
                counts[f"disposal {offence['disposal']['type']}"] += 1
            else:
                counts[f"previous {offence['offence']}"] += 1
        for kind in record.get("external_ids", {}):
            counts[f"id {kind}"] += 1
        for event in record.get("events", ()):
            counts[f"event {event['kind']}"] += 1
    return dict(sorted(counts.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Write synthetic nominals in the nominal import format (JSON Lines).",
    )
    parser.add_argument("--count", type=int, default=1000, help="how many nominals")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    parser.add_argument("--areas", default="DEMO", help="comma-separated area codes, cycled")
    parser.add_argument("--out", default="-", help="file to write, or - for standard output")
    parser.add_argument(
        "--as-of", type=date.fromisoformat, default=AS_OF, help="the day the data describe"
    )
    parser.add_argument("--stats", action="store_true", help="report the shape on stderr")
    args = parser.parse_args(argv)
    areas = [code.strip() for code in args.areas.split(",") if code.strip()]
    if not areas or args.count < 0:
        parser.error("give at least one area code and a count of 0 or more")

    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")  # noqa: SIM115
    counts: Counter = Counter()
    written = 0
    started = time.perf_counter()
    try:
        batch: list[str] = []
        for record in generate(args.count, args.seed, areas, as_of=args.as_of):
            batch.append(_encode(record))
            if args.stats:
                counts.update(shape([record], args.as_of))
            if len(batch) == 1000:
                chunk = ("\n".join(batch) + "\n").encode("utf-8")
                out.write(chunk)
                written += len(chunk)
                batch.clear()
        if batch:
            chunk = ("\n".join(batch) + "\n").encode("utf-8")
            out.write(chunk)
            written += len(chunk)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        else:
            out.flush()
    seconds = time.perf_counter() - started
    rate = args.count / seconds if seconds else 0.0
    print(
        f"wrote {args.count} nominals ({written / 1e6:.1f} MB) in {seconds:.1f} s"
        f" ({rate:,.0f} a second)",
        file=sys.stderr,
    )
    if args.stats:
        for name, value in sorted(counts.items()):
            print(f"{name}: {value}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
