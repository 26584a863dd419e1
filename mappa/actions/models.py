import uuid

from django.db import models

from mappa.actions.constants import Status


class Action(models.Model):
    """Something an agency has agreed to do for a MAPPA case, by a date, owned by name.

    Actions come from meetings (an agenda item) and from risk management plans; `source`
    refers to whichever made it by UUID, so this app depends on neither.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.MappaCase", on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="actions"
    )
    owner_user = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    source = models.UUIDField(null=True, blank=True, db_index=True)
    access_grant = models.ForeignKey(
        "agencies.CaseAccessGrant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "created_at"]
        indexes = [models.Index(fields=["owner_agency", "status"], name="action_owner_status")]

    def __str__(self) -> str:
        return f"Action {self.id}"


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_on = models.DateField()
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices)
    written_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["written_at"]

    def __str__(self) -> str:
        return f"Update on {self.written_on}"
