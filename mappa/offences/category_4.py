"""Category 4, terrorist and terrorism-risk offenders: what the record says, as a pure rule.

No statute defines category 4 (CJA 2003 s.327 as at 18 November 2024 has no terrorism limb;
shared/reference/statute-check.md §3). It is a category of the MAPPA Guidance (ch.24, "Managing
Terrorism and Extremism"); the Ministry of Justice's written answer of 20 May 2024 says
"Category 4 are terrorist or terrorism-risk offenders". The guidance's own words on which facts
make a person category 4 could not be read, so:

- a person subject to the Counter-Terrorism Act 2008 Part 4 notification requirements
  (`terrorism.terrorism_notification`) is indicated as a terrorist offender, category 4, and the
  reason ends UNVERIFIED;
- a person with a terrorism offence recorded that brings no Part 4 requirement, or one the
  record cannot settle (dealt with abroad, CTA 2008 s.57; or before Part 4 came into force,
  s.43), is not indicated: whether they are a terrorist or terrorism-risk offender is a
  judgement, made on the case with a rationale;
- anyone else: the rule has nothing to say (None).

The category on the person's eligibility stays the statutory one (1, 2 or none): the contract
keeps categories 3 and 4 decisions (shared/contracts/nominal-import.md; decision 0013). This
finding is what the record says for the people who make that decision. Where a category 4 case
is managed, CT MAPPA or local MAPPA, is the lead agency's decision (MAPPA Guidance para 24.25,
updated 13 September 2023): `cases.rules.terrorism_management_problem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mappa.offences.terrorism import TerrorismFacts, part_4_offence, terrorism_notification

GUIDANCE = (
    'MAPPA Guidance ch.24; Ministry of Justice, 20 May 2024: "Category 4 are terrorist or '
    'terrorism-risk offenders"'
)
DEFINITION_UNREAD = (
    "the guidance's definition of category 4 has not been read, so it is taken as the "
    "Counter-Terrorism Act 2008 Part 4 notification requirements: UNVERIFIED"
)
WHERE_MANAGED = (
    "most such cases are managed under CT MAPPA, some under local MAPPA where the primary risk "
    "does not relate to terrorism, as the lead agency decides (MAPPA Guidance para 24.25)"
)


@dataclass(frozen=True)
class Category4:
    indicated: bool  # the record shows a terrorist offender
    basis: str
    verified: bool  # False while the definition rests on text not read
    needs_judgement: bool  # a terrorism offence is recorded, but the record alone does not decide


# MAPPA Guidance ch.24 with CTA 2008 ss.41-45, 53: category 4 as far as the record shows it
def category_4(offences: list[TerrorismFacts], as_of: date) -> Category4 | None:
    past = [o for o in offences if o.dealt_with_on <= as_of]
    results = [(o, terrorism_notification(o)) for o in past]
    notified = [(o, n) for o, n in results if n.applies]
    if notified:
        offence, note = max(notified, key=lambda pair: pair[0].dealt_with_on)
        basis = (
            f"Category 4 indicated, a terrorist offender ({GUIDANCE}): {note.basis}; "
            f"{DEFINITION_UNREAD}; {WHERE_MANAGED}."
        )
        return Category4(True, basis, False, False)
    listed = [(o, n) for o, n in results if part_4_offence(o)[0]]
    if not listed:
        return None
    offence, note = max(listed, key=lambda pair: pair[0].dealt_with_on)
    basis = (
        f"Category 4 not indicated by the record: {note.basis}. Whether the person is a "
        f"terrorism-risk offender ({GUIDANCE}) is a judgement, recorded on the case with its "
        "rationale."
    )
    return Category4(False, basis, note.verified, True)
