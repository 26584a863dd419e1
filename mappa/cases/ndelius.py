"""nDelius codes for MAPPA registrations, mapped explicitly in one place.

nDelius records MAPPA as a registration of register type `MAPP`; categories are
`M1`–`M4` with `X9` for "to be determined"; levels are `M1`–`M3` with `M0` for
nominal or unknown (shared/reference/domain.md §10.1).
"""

from __future__ import annotations

REGISTER_TYPE = "MAPP"

CATEGORY_TO_CODE: dict[int | None, str] = {1: "M1", 2: "M2", 3: "M3", 4: "M4", None: "X9"}
LEVEL_TO_CODE: dict[int | None, str] = {1: "M1", 2: "M2", 3: "M3", None: "M0"}
CODE_TO_CATEGORY = {code: category for category, code in CATEGORY_TO_CODE.items()}
CODE_TO_LEVEL = {code: level for level, code in LEVEL_TO_CODE.items()}


class UnknownCode(ValueError):
    pass


def category_from_code(code: str) -> int | None:
    try:
        return CODE_TO_CATEGORY[code.strip().upper()]
    except KeyError:
        raise UnknownCode(
            f"unknown MAPPA category code {code!r}; expected one of {', '.join(CODE_TO_CATEGORY)}"
        ) from None


def level_from_code(code: str) -> int | None:
    try:
        return CODE_TO_LEVEL[code.strip().upper()]
    except KeyError:
        raise UnknownCode(
            f"unknown MAPPA level code {code!r}; expected one of {', '.join(CODE_TO_LEVEL)}"
        ) from None
