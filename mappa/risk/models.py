import uuid

from django.db import models

from mappa.risk import rules
from mappa.risk.constants import (
    ConditionKind,
    Imminence,
    Monitoring,
    PlanSection,
    RiskGroup,
    RoshLevel,
    Setting,
    Tool,
)

# How each level shows: the GOV.UK tag colour (low green to very high red).
LEVEL_TAGS = {
    RoshLevel.LOW: "govuk-tag--green",
    RoshLevel.MEDIUM: "govuk-tag--yellow",
    RoshLevel.HIGH: "govuk-tag--orange",
    RoshLevel.VERY_HIGH: "govuk-tag--red",
}


class RoshAssessment(models.Model):
    """A risk of serious harm assessment of a MAPPA case; earlier ones are kept as history."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, related_name="rosh_assessments"
    )
    assessed_on = models.DateField()
    assessor = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    # The highest level given to any group in any setting (mappa.risk.rules.overall_level).
    overall_level = models.CharField(max_length=20, choices=RoshLevel.choices)
    in_custody = models.BooleanField(default=False)
    who_is_at_risk = models.TextField()
    nature_of_harm = models.TextField()
    imminence = models.CharField(max_length=20, choices=Imminence.choices)
    when_risk_greatest = models.TextField(blank=True)
    increasing_factors = models.TextField()
    reducing_factors = models.TextField()
    tools = models.JSONField(default=list)  # Tool values
    other_tool = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-recorded_at"]
        indexes = [models.Index(fields=["case", "-assessed_on"], name="rosh_case_latest")]

    def __str__(self) -> str:
        return f"RoSH {self.get_overall_level_display()} on {self.assessed_on}"

    @property
    def overall_tag(self) -> str:
        return LEVEL_TAGS[self.overall_level]

    def matrix(self) -> list[tuple[str, "RoshRating | None", "RoshRating | None"]]:
        """(group, rating in the community, rating in custody) in the order OASys lists them."""
        found = {(r.setting, r.group): r for r in self.ratings.all()}
        return [
            (
                RiskGroup(group).label,
                found.get((Setting.COMMUNITY, group)),
                found.get((Setting.CUSTODY, group)),
            )
            for group in rules.groups_for(Setting.CUSTODY)
        ]

    def highest_in(self, setting: str) -> str | None:
        return rules.highest(r.level for r in self.ratings.all() if r.setting == setting)

    @property
    def tool_names(self) -> list[str]:
        names = [Tool(tool).label for tool in self.tools if tool != Tool.OTHER]
        return names + ([self.other_tool] if self.other_tool else [])


class RoshRating(models.Model):
    """One cell of the RoSH matrix: the level of risk to one group in one setting."""

    assessment = models.ForeignKey(RoshAssessment, on_delete=models.CASCADE, related_name="ratings")
    setting = models.CharField(max_length=20, choices=Setting.choices)
    group = models.CharField(max_length=20, choices=RiskGroup.choices)
    level = models.CharField(max_length=20, choices=RoshLevel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "setting", "group"], name="one_rating_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} ({self.setting}): {self.get_level_display()}"

    @property
    def tag(self) -> str:
        return LEVEL_TAGS[self.level]


class RiskManagementPlan(models.Model):
    """One version of a case's risk management plan; each save makes a new version."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.MappaCase", on_delete=models.PROTECT, related_name="risk_plans")
    version = models.PositiveIntegerField()
    victim_liaison_input = models.TextField(blank=True)
    victim_wishes = models.TextField(blank=True)
    change_summary = models.TextField(blank=True)
    created_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="one_plan_per_version")
        ]

    def __str__(self) -> str:
        return f"Risk management plan version {self.version}"

    # Each save is a new version, so a stale save is refused by naming the version it started
    # from (`services.save_plan`); these let `versions.StaleEdit` say who wrote this one.
    @property
    def changed_by(self):
        return self.created_by

    @property
    def changed_at(self):
        return self.created_at

    def sections(self) -> list[tuple[PlanSection, list["PlanEntry"]]]:
        """(section, its entries) for the four pillars and contingency, in order."""
        entries = sorted(self.entries.all(), key=lambda entry: entry.position)
        return [(section, [e for e in entries if e.section == section]) for section in PlanSection]


class PlanEntry(models.Model):
    """One measure under a pillar of the plan (or its contingency)."""

    plan = models.ForeignKey(RiskManagementPlan, on_delete=models.CASCADE, related_name="entries")
    section = models.CharField(max_length=40, choices=PlanSection.choices)
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["section", "position"]
        verbose_name_plural = "plan entries"

    def __str__(self) -> str:
        return self.text


class LicenceCondition(models.Model):
    """A licence condition of a case, typed, from a start date to an optional end date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, related_name="licence_conditions"
    )
    kind = models.CharField(max_length=30, choices=ConditionKind.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    address = models.TextField(blank=True)  # residence
    approved_premises = models.BooleanField(default=False)  # residence
    named_person = models.CharField(max_length=200, blank=True)  # no contact
    zone = models.JSONField(null=True, blank=True)  # exclusion zone: GeoJSON geometry
    curfew_from = models.TimeField(null=True, blank=True)
    curfew_to = models.TimeField(null=True, blank=True)
    monitoring = models.CharField(max_length=20, choices=Monitoring.choices, blank=True)
    programme = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="condition_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.starts_on}"

    def is_current(self, today) -> bool:
        return rules.is_current(starts_on=self.starts_on, ends_on=self.ends_on, today=today)

    @property
    def curfew_hours(self) -> float | None:
        if self.curfew_from is None or self.curfew_to is None:
            return None
        return rules.curfew_hours(self.curfew_from, self.curfew_to)


class Postcode(models.Model):
    """Where a postcode is, from the ONS Postcode Directory (`mappa postcodes load`): places
    an address with a postcode but no latitude and longitude on the exclusion-zone map."""

    key = models.CharField(max_length=8, primary_key=True)  # people.rules.postcode_key
    postcode = models.CharField(max_length=8)  # as the directory writes it, e.g. "MK40 1SA"
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)

    def __str__(self) -> str:
        return self.postcode
