"""The annual statistics as charts with their data tables, for the board's pages and the PDF."""

from __future__ import annotations

from mappa.oversight.charts import Figure

CATEGORIES = {
    "category_1": "Category 1: registered sexual offenders",
    "category_2": "Category 2: violent and other sexual offenders",
    "category_3": "Category 3: other dangerous offenders",
    "category_4": "Category 4: terrorist offenders",
}
SHORT = ["Category 1", "Category 2", "Category 3", "Category 4"]
LEVELS = {"level_1": "Level 1", "level_2": "Level 2", "level_3": "Level 3"}
ORDERS = {
    "rso_notification_breach_sanctions": "Registered sexual offenders cautioned or convicted "
    "for breaching notification requirements",
    "rso_lifetime_notification_revoked": "Registered sexual offenders whose indefinite "
    "notification was revoked on review",
    "shpos_imposed": "Sexual harm prevention orders imposed",
    "shpos_with_foreign_travel_prohibition": "Sexual harm prevention orders with a foreign "
    "travel prohibition",
    "notification_orders_imposed": "Notification orders imposed",
    "sros_imposed": "Sexual risk orders imposed",
    "sro_breach_sanctions": "People cautioned or convicted for breaching a sexual risk order",
}


def figures(report: dict) -> list[Figure]:
    eligible = report["eligible_on_31_march"]
    during = report["level_2_3_during_year"]
    returned = report["returned_to_custody"]
    sfo = report["serious_further_offences_charged"]
    end = report["year"]["end"]
    return [
        Figure(
            id="chart-eligible",
            title=f"MAPPA-eligible people in the community on {end}",
            description="People by category, stacked by management level.",
            label_heading="Category",
            labels=list(CATEGORIES.values()),
            short_labels=SHORT,
            series=[(name, [eligible[c][lvl] for c in CATEGORIES]) for lvl, name in LEVELS.items()],
            kind="stacked",
            totals=True,
        ),
        Figure(
            id="chart-level-2-3",
            title="People managed at level 2 or 3 during the year",
            description="People by category at level 2 and at level 3; someone at both counts "
            "once under each.",
            label_heading="Category",
            labels=list(CATEGORIES.values()),
            short_labels=SHORT,
            series=[
                (name, [during[c][lvl] for c in CATEGORIES])
                for lvl, name in LEVELS.items()
                if lvl != "level_1"
            ],
        ),
        Figure(
            id="chart-orders",
            title="Breaches, revocations and orders during the year",
            description="How many of each in the year.",
            label_heading="Measure",
            labels=list(ORDERS.values()),
            short_labels=[
                "Notification breaches",
                "Indefinite notification revoked",
                "SHPOs imposed",
                "SHPOs with travel prohibition",
                "Notification orders",
                "SROs imposed",
                "SRO breaches",
            ],
            series=[("Number", [report[key] for key in ORDERS])],
            kind="horizontal",
        ),
        Figure(
            id="chart-returned",
            title="Returned to custody during the year, by level",
            description="Returns to custody for breach of licence and for breach of an order, "
            "by the person's level on the day.",
            label_heading="Level",
            labels=list(LEVELS.values()),
            series=[
                ("Breach of licence", [returned["licence_breach"][lvl] for lvl in LEVELS]),
                ("Breach of an order", [returned["order_breach"][lvl] for lvl in LEVELS]),
            ],
        ),
        Figure(
            id="chart-sfo",
            title="Charged with a serious further offence during the year, by level",
            description="People charged, by their level on the day of the charge.",
            label_heading="Level",
            labels=list(LEVELS.values()),
            series=[("Charged", [sfo[lvl] for lvl in LEVELS])],
        ),
    ]
