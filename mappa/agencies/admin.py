"""Django admin for reference data only (areas, agencies, users), for sysadmin only.

It shows no case content. Every change made here is written to the audit log
in the same transaction as the change.
"""

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.views import redirect_to_login

from mappa import versions
from mappa.agencies import permissions, services
from mappa.agencies.models import Agency, Area, User


class MappaAdminSite(admin.AdminSite):
    site_header = "mappa reference data"
    site_title = "mappa administration"
    index_title = "Reference data"
    permission = permissions.MANAGE_REFERENCE_DATA

    def has_permission(self, request) -> bool:
        return permissions.has_permission(request.user, self.permission)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            permissions.deny(request, self.permission)
        return redirect_to_login(request.get_full_path())


admin_site = MappaAdminSite(name="admin")


def _versioned(form, record):
    """The admin's change form for `record`, with the version it was loaded with."""

    def clean(self):
        data = super(changed, self).clean()
        model = type(self.instance)
        held = model.objects.select_related("changed_by__agency").get(pk=self.instance.pk)
        if data.get("loaded_version") not in (None, held.version):
            raise versions.StaleEdit(held)
        return data

    changed = type(
        f"Versioned{form.__name__}",
        (form,),
        {"loaded_version": versions.VersionField(initial=record.version), "clean": clean},
    )
    return changed


class AuditedAdmin(admin.ModelAdmin):
    def has_module_permission(self, request) -> bool:
        return admin_site.has_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    def has_add_permission(self, request) -> bool:
        return admin_site.has_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return admin_site.has_permission(request)

    def _audit(self, request, obj, action: str) -> None:
        services.record_reference_data_change(actor=request.user, record=obj, action=action)

    # A change form carries the version it was loaded with; a save made after someone else's
    # is refused on the form (naming them), and `claim` settles two saves at the same moment.

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = _versioned(kwargs.get("form") or self.form, obj)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "loaded_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        return [*fieldsets, (None, {"fields": ["loaded_version"]})]

    def save_model(self, request, obj, form, change):
        if change:
            versions.claim(obj, version=form.cleaned_data["loaded_version"], actor=request.user)
        super().save_model(request, obj, form, change)
        self._audit(request, obj, "changed" if change else "added")

    def delete_model(self, request, obj):
        self._audit(request, obj, "deleted")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "deleted")
        super().delete_queryset(request, queryset)


@admin.register(Area, site=admin_site)
class AreaAdmin(AuditedAdmin):
    list_display = ["code", "name", "population"]
    search_fields = ["code", "name"]


@admin.register(Agency, site=admin_site)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "area", "contact_email"]
    list_filter = ["kind", "area"]
    search_fields = ["name"]


@admin.register(User, site=admin_site)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "agency", "area", "is_active"]
    list_filter = ["role", "area", "is_active"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Person", {"fields": ["first_name", "last_name", "email", "job_title"]}),
        ("Where they work", {"fields": ["area", "agency", "role", "terrorism_clearance"]}),
        ("Status", {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "password1", "password2"]}),
        ("Where they work", {"fields": ["area", "agency", "role"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
