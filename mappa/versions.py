"""Edits that cannot overwrite each other: every editable record carries a version.

A page or API client that shows a record for editing also hands out its version
(a hidden form field; an `ETag` header). The save names the version it started
from, and the service claims the record with one compare-and-set UPDATE inside
its transaction: if someone else saved in between, nothing is written and the
save is refused with `StaleEdit`, naming who changed the record and when.

    class Meeting(Versioned, models.Model): ...

    def change_meeting(*, actor, meeting, version, ...):
        with transaction.atomic():
            versions.claim(meeting, version=version, actor=actor)
            ...                     # write the change and its audit event
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import APIException


class Versioned(models.Model):
    """Fields for a record that is edited in place: its version, who last changed it and when."""

    version = models.PositiveIntegerField(default=1, editable=False)
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    changed_by = models.ForeignKey(
        "agencies.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    VERSION_FIELDS = frozenset({"version", "changed_at", "changed_by"})

    def save(self, *args, **kwargs):
        """Only `claim` writes the version: a plain save of a stored record (a change of status,
        say) leaves it as it is, so a copy read before someone's edit cannot put it back."""
        whole = kwargs.get("update_fields") is None and not kwargs.get("force_insert")
        if not self._state.adding and whole and not args:
            skipped = self.VERSION_FIELDS | self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and field.name not in skipped
                and field.attname not in skipped
            ]
        super().save(*args, **kwargs)


def _by_whom(record) -> str:
    user = record.changed_by
    if user is None:
        return "someone else"
    name = user.get_full_name() or user.username
    agency = getattr(user, "agency", None)
    return f"{name} ({agency})" if agency else name


def _when(record) -> str:
    if record.changed_at is None:
        return ""
    local = timezone.localtime(record.changed_at)
    return f" at {local:%H:%M} on {local.day} {local:%B %Y}"


class StaleEdit(ValidationError):
    """The record was saved by someone else after the editor loaded it; nothing was written."""

    def __init__(self, current) -> None:
        self.current = current
        self.noun = current._meta.verbose_name
        self.changed = f"changed by {_by_whom(current)}{_when(current)}"
        super().__init__(
            f"This {self.noun} was {self.changed} while you were editing it, so your changes "
            f"have not been saved. Your changes are shown below: open the {self.noun} again in "
            f"a new tab to see theirs, then make yours again"
        )


def claim(record, *, version: int | None, actor) -> None:
    """Advance `record`'s version if it is still `version`; otherwise raise `StaleEdit`.

    Call it inside the service's transaction, before writing the change. The
    compare-and-set UPDATE holds the row until the transaction ends, so two
    concurrent saves of the same version cannot both succeed.
    """
    model = type(record)
    now = timezone.now()
    claimed = (
        version is not None
        and model.objects.filter(pk=record.pk, version=version).update(
            version=F("version") + 1, changed_at=now, changed_by=actor
        )
        == 1
    )
    if not claimed:
        raise StaleEdit(model.objects.select_related("changed_by__agency").get(pk=record.pk))
    record.version = version + 1
    record.changed_at = now
    record.changed_by = actor


class VersionField(forms.IntegerField):
    """The version a form was loaded with: hidden, required, sent back on save."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        out_of_date = "This page is out of date: open it again and make your changes"
        kwargs.setdefault(
            "error_messages",
            {"required": out_of_date, "invalid": out_of_date, "min_value": out_of_date},
        )
        super().__init__(**kwargs)


# The API: ETag on what can be changed, If-Match required on a change.


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = (
        "Send the record's ETag in an If-Match header, so a change made since you read it "
        "is not overwritten"
    )
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def etag(record) -> str:
    return f'"{record.version}"'


def if_match(request) -> int:
    """The version named by the request's If-Match header (428 if absent, 412 if unusable)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    tag = header.removeprefix("W/").strip('"')
    if not tag.isdigit():
        raise PreconditionFailed(f"If-Match {header!r} is not an ETag this service gave out")
    return int(tag)


def refused(stale: StaleEdit) -> PreconditionFailed:
    """The API's answer to a stale change: 412, naming who changed the record and when."""
    return PreconditionFailed(
        f"The {stale.noun} was {stale.changed} after you read it, so nothing has been changed: "
        f"GET it again (its ETag is now {etag(stale.current)}) and make your change to that"
    )
