"""The permission vocabulary and which roles hold what (shared/design.md, security model)."""

import pytest

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from tests.factories import create_user


def test_an_unknown_permission_name_raises():
    with pytest.raises(permissions.UnknownPermission, match="view_casez"):
        permissions.validate("view_casez")


def test_declaring_an_unknown_permission_on_a_route_raises_at_once():
    with pytest.raises(permissions.UnknownPermission):
        permissions.requires("see_everything")


@pytest.mark.django_db
def test_checking_an_unknown_permission_raises():
    with pytest.raises(permissions.UnknownPermission):
        permissions.has_permission(create_user(), "view_case")


def test_every_role_has_an_entry():
    assert set(permissions.ROLE_PERMISSIONS) == set(Role.values)


@pytest.mark.parametrize(
    ("role", "permission", "held"),
    [
        # Lay advisers have no role in individual cases (CJA 2003 s.326): aggregates only.
        (Role.LAY_ADVISER, permissions.VIEW_AGGREGATES, True),
        (Role.LAY_ADVISER, permissions.VIEW_CASES, False),
        (Role.LAY_ADVISER, permissions.VIEW_AUDIT_LOG, False),
        # sysadmin manages reference data and sees no case content.
        (Role.SYSADMIN, permissions.MANAGE_REFERENCE_DATA, True),
        (Role.SYSADMIN, permissions.VIEW_CASES, False),
        (Role.SYSADMIN, permissions.VIEW_AUDIT_LOG, False),
        # Co-ordinators and SMB members search the audit log.
        (Role.COORDINATOR, permissions.VIEW_AUDIT_LOG, True),
        (Role.SMB_MEMBER, permissions.VIEW_AUDIT_LOG, True),
        (Role.RA_PRACTITIONER, permissions.VIEW_AUDIT_LOG, False),
        # Only co-ordinators grant case access; RA users may break glass.
        (Role.COORDINATOR, permissions.GRANT_CASE_ACCESS, True),
        (Role.DTC_PRACTITIONER, permissions.GRANT_CASE_ACCESS, False),
        (Role.RA_PRACTITIONER, permissions.BREAK_GLASS, True),
        (Role.DTC_PRACTITIONER, permissions.BREAK_GLASS, False),
        (Role.MASH_NAMED_PERSON, permissions.VIEW_CASES, False),
        (Role.SYSADMIN, permissions.BREAK_GLASS, False),
    ],
)
def test_role_permissions(role, permission, held):
    assert (permission in permissions.ROLE_PERMISSIONS[role]) is held


@pytest.mark.django_db
def test_a_user_without_a_verified_second_factor_holds_nothing_beyond_signing_in(settings):
    settings.MAPPA_DEMO = False
    user = create_user(role=Role.COORDINATOR)
    assert permissions.has_permission(user, permissions.SIGNING_IN)
    assert not permissions.has_permission(user, permissions.SIGNED_IN)
    assert not permissions.has_permission(user, permissions.VIEW_CASES)


@pytest.mark.django_db
def test_demo_personas_are_excused_the_second_factor_only_in_demo_mode(settings):
    user = create_user(role=Role.COORDINATOR, is_demo=True)
    settings.MAPPA_DEMO = False
    assert not permissions.has_permission(user, permissions.VIEW_CASES)
    settings.MAPPA_DEMO = True
    assert permissions.has_permission(user, permissions.VIEW_CASES)


@pytest.mark.django_db
def test_a_real_user_is_not_excused_the_second_factor_in_demo_mode(settings):
    settings.MAPPA_DEMO = True
    assert not permissions.has_permission(
        create_user(role=Role.COORDINATOR), permissions.VIEW_CASES
    )
