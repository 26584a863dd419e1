"""Pure rules about the MAPPA case. No Django imports (structural test)."""

from __future__ import annotations

CATEGORY_3 = 3


# MAPPA Guidance ch.6/7; nDelius: "Category 3 offenders require multi-agency management at
# Level 2 or 3 and should not be recorded at Level 1" (shared/reference/domain.md §1.1).
def level_allowed_for_category(*, category: int | None, level: int | None) -> bool:
    return not (category == CATEGORY_3 and level == 1)
