"""Pure rules for people: finding them by name and postcode; their dates of birth.

No Django imports (structural test)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

import jellyfish

_NOT_LETTERS = re.compile(r"[^a-z ]+")


def name_tokens(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: "O'Brien-Smith" → ["obrien", "smith"]."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    plain = plain.replace("-", " ").replace("'", "")
    return [token for token in _NOT_LETTERS.sub(" ", plain).split() if token]


def phonetic_key(token: str) -> str:
    """Metaphone code of one word, so "Smyth" and "Smith" share a key."""
    return jellyfish.metaphone(token).upper() or token.upper()


def letters_key(token: str) -> str:
    """The word's letters in order, so transposed letters still match: "smiht" → "himst"."""
    return "".join(sorted(token))


def name_keys(names: Iterable[str]) -> list[tuple[str, str, str]]:
    """Each distinct word of every name (main name and aliases): the word, its sound, its letters."""
    words = dict.fromkeys(token[:60] for name in names for token in name_tokens(name))
    return [(word, phonetic_key(word)[:30], letters_key(word)) for word in words]


def postcode_key(postcode: str) -> str:
    """Postcodes compare without case or spaces: "mk42 8pp" and "MK428PP" are one postcode."""
    return re.sub(r"[^A-Z0-9]", "", postcode.upper())


def name_score(query: str, candidate_words: Iterable[str]) -> float:
    """How well a query matches a person's name words (name and aliases), 0 to 1, in any order.

    Each query word is scored against its best-matching word by Jaro-Winkler
    similarity (typing errors), lifted to 0.9 when the two sound alike (metaphone),
    and the scores are averaged.
    """
    words = name_tokens(query)
    candidates = set(candidate_words)
    if not words or not candidates:
        return 0.0
    total = 0.0
    for word in words:
        best = 0.0
        for candidate in candidates:
            score = jellyfish.jaro_winkler_similarity(word, candidate)
            if score < 0.9 and phonetic_key(word) == phonetic_key(candidate):
                score = 0.9
            best = max(best, score)
        total += best
    return total / len(words)


def date_of_birth_problem(
    date_of_birth: date | None, *, today: date, name: str = "Date of birth"
) -> str | None:
    """Why a date of birth cannot be right, or None: nobody on the register is born after today.

    Today itself is accepted, so a child born today can be recorded as an associated person.
    """
    # GOV.UK Design System, date input error messages: "[Whatever it is] must be in the past".
    if date_of_birth is not None and date_of_birth > today:
        return f"{name} must be in the past"
    return None
