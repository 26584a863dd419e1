"""The whole annual report from one small register, every figure worked out by hand."""

from datetime import date

from mappa.oversight import rules
from mappa.oversight.rules import CaseFacts, EventFacts, Register


def levels(*changes):
    return tuple((date.fromisoformat(day), level) for day, level in changes)


REGISTER = Register(
    cases=[
        # Ann: category 1, level 1 all year, in the community on 31 March.
        CaseFacts("ann", 1, date(2023, 5, 1), levels=levels(("2023-05-01", 1)), current_level=1),
        # Bob: category 1, level 2 then 3 in the year; in custody on 31 March (snapshot excludes).
        CaseFacts(
            "bob",
            1,
            date(2024, 2, 1),
            levels=levels(("2024-02-01", 2), ("2025-11-01", 3)),
            current_level=3,
        ),
        # Cat: category 1 but the notification ended 1 March 2026: level 2 during the year only.
        CaseFacts(
            "cat",
            1,
            date(2022, 1, 1),
            levels=levels(("2022-01-01", 2)),
            current_level=2,
            notification_end=date(2026, 3, 1),
        ),
        # Dan: category 2 at level 2, licence ends after the year.
        CaseFacts(
            "dan",
            2,
            date(2025, 7, 1),
            levels=levels(("2025-07-01", 2)),
            current_level=2,
            eligibility_end=date(2027, 7, 1),
        ),
        # Eve: category 3 at level 3.
        CaseFacts("eve", 3, date(2025, 12, 1), levels=levels(("2025-12-01", 3)), current_level=3),
        # Fay: category to be determined at level 2: counted nowhere.
        CaseFacts("fay", None, date(2025, 9, 1), levels=levels(("2025-09-01", 2)), current_level=2),
    ],
    custody={"bob": [(date(2026, 3, 20), None)]},
    events=[
        EventFacts("ann", "notification_breach_sanction", date(2025, 4, 1)),
        EventFacts("ann", "notification_breach_sanction", date(2025, 3, 31)),  # before the year
        EventFacts("ann", "shpo_imposed", date(2025, 10, 1)),
        EventFacts("ann", "shpo_foreign_travel_prohibition", date(2025, 10, 1)),
        EventFacts("cat", "lifetime_notification_revoked", date(2026, 3, 1)),
        EventFacts("dan", "sro_imposed", date(2025, 8, 1)),
        EventFacts("dan", "sro_breach_sanction", date(2026, 4, 1)),  # after the year
        EventFacts("ann", "notification_order_imposed", date(2026, 3, 31)),
        EventFacts("bob", "returned_to_custody_licence_breach", date(2026, 3, 20)),  # at level 3
        EventFacts("dan", "returned_to_custody_order_breach", date(2025, 12, 1)),  # at level 2
        EventFacts("eve", "sfo_charged", date(2026, 1, 15)),  # at level 3
        EventFacts("ann", "sfo_charged", date(2025, 6, 1)),  # at level 1
    ],
)

ZERO_ROW = {"level_1": 0, "level_2": 0, "level_3": 0, "total": 0}


def test_the_report_matches_the_hand_worked_tables():
    report = rules.annual_tables(
        REGISTER, area="DEMO", year_ending=date(2026, 3, 31), population=1_200_000
    )
    assert report == {
        "area": "DEMO",
        "year": {"start": "2025-04-01", "end": "2026-03-31"},
        # On 31 March: Ann (1, L1), Dan (2, L2), Eve (3, L3). Bob in custody, Cat ended, Fay TBD.
        "eligible_on_31_march": {
            "category_1": {"level_1": 1, "level_2": 0, "level_3": 0, "total": 1},
            "category_2": {"level_1": 0, "level_2": 1, "level_3": 0, "total": 1},
            "category_3": {"level_1": 0, "level_2": 0, "level_3": 1, "total": 1},
            "category_4": ZERO_ROW,
            "total": {"level_1": 1, "level_2": 1, "level_3": 1, "total": 3},
        },
        # 1 category 1 person per 1,200,000: 0.083... rounds to 0.1.
        "rso_per_100k_population": 0.1,
        # Level 2: Bob, Cat (category 1), Dan (2). Level 3: Bob (1), Eve (3). Fay is TBD.
        "level_2_3_during_year": {
            "category_1": {"level_2": 2, "level_3": 1},
            "category_2": {"level_2": 1, "level_3": 0},
            "category_3": {"level_2": 0, "level_3": 1},
            "category_4": {"level_2": 0, "level_3": 0},
            "total": {"level_2": 3, "level_3": 2},
        },
        "rso_notification_breach_sanctions": 1,
        "rso_lifetime_notification_revoked": 1,
        "shpos_imposed": 1,
        "shpos_with_foreign_travel_prohibition": 1,
        "notification_orders_imposed": 1,
        "sros_imposed": 1,
        "sro_breach_sanctions": 0,
        "returned_to_custody": {
            "licence_breach": {"level_1": 0, "level_2": 0, "level_3": 1},
            "order_breach": {"level_1": 0, "level_2": 1, "level_3": 0},
        },
        "serious_further_offences_charged": {"level_1": 1, "level_2": 0, "level_3": 1},
    }


def test_the_keys_come_in_the_contracts_order():
    report = rules.annual_tables(
        REGISTER, area="DEMO", year_ending=date(2026, 3, 31), population=None
    )
    assert list(report) == [
        "area",
        "year",
        "eligible_on_31_march",
        "rso_per_100k_population",
        "level_2_3_during_year",
        "rso_notification_breach_sanctions",
        "rso_lifetime_notification_revoked",
        "shpos_imposed",
        "shpos_with_foreign_travel_prohibition",
        "notification_orders_imposed",
        "sros_imposed",
        "sro_breach_sanctions",
        "returned_to_custody",
        "serious_further_offences_charged",
    ]
    assert report["rso_per_100k_population"] is None


def test_an_empty_register_gives_zero_tables():
    report = rules.annual_tables(
        Register(cases=[]), area="X", year_ending=date(2026, 3, 31), population=100
    )
    assert report["eligible_on_31_march"]["total"] == ZERO_ROW
    assert report["rso_per_100k_population"] == 0.0
    assert report["serious_further_offences_charged"] == {"level_1": 0, "level_2": 0, "level_3": 0}
