"""Service tests on the database: users, roles, scopes, tokens and their audit entries."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from jxc.accounts import services
from jxc.accounts.enums import AuditAction, ScopeKind
from jxc.accounts.models import ApiToken, AuditEntry, DataScope, User
from jxc.accounts.roles import ROLES
from jxc.core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def test_roles_sync_is_idempotent_and_admin_gets_everything():
    first = services.roles_sync()
    second = services.roles_sync()
    assert first == second
    assert set(first) == {role.code for role in ROLES}
    assert Group.objects.filter(name__in=first).count() == 7
    assert first["admin"] > first["operations"] > first["viewer"] == 1


def test_user_create_rejects_duplicate_username_case_insensitively(make_user):
    make_user("viewer", username="Wang")
    with pytest.raises(ApplicationError) as error:
        services.user_create(actor=None, username="wang", password="x-Long-pass-1", roles=[])
    assert error.value.code == "duplicate"
    assert error.value.details[0]["field"] == "username"
    assert User.objects.filter(username__iexact="wang").count() == 1


def test_user_create_rejects_unknown_role_and_writes_nothing():
    before = AuditEntry.objects.count()
    with pytest.raises(ApplicationError) as error:
        services.user_create(actor=None, username="x", password="x-Long-pass-1", roles=["boss"])
    assert error.value.code == "unknown_role"
    assert not User.objects.filter(username="x").exists()
    assert AuditEntry.objects.count() == before


def test_user_update_audits_fields_from_to(admin_user, make_user):
    clerk = make_user("warehouse", username="zhang", display_name="张三")
    services.user_update(
        actor=admin_user, user=clerk, roles=["warehouse", "purchaser"], display_name="张仓管"
    )
    entry = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(clerk.pk)).get()
    assert entry.actor == admin_user
    assert entry.changes["display_name"] == ["张三", "张仓管"]
    assert entry.changes["roles"] == [["warehouse"], ["purchaser", "warehouse"]]
    assert "password" not in entry.changes


def test_user_update_without_changes_writes_no_audit(admin_user, make_user):
    clerk = make_user("warehouse")
    before = AuditEntry.objects.count()
    services.user_update(actor=admin_user, user=clerk, display_name=clerk.display_name)
    assert AuditEntry.objects.count() == before


def test_admin_cannot_lock_themselves_out(admin_user):
    with pytest.raises(ApplicationError) as error:
        services.user_update(actor=admin_user, user=admin_user, roles=["viewer"])
    assert error.value.code == "self_lockout"
    with pytest.raises(ApplicationError):
        services.user_update(actor=admin_user, user=admin_user, is_active=False)
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert services.user_roles(admin_user) == ["admin"]


def test_admin_role_makes_staff_and_removing_it_unmakes(admin_user, make_user):
    user = make_user("viewer")
    assert not user.is_staff
    services.user_update(actor=admin_user, user=user, roles=["admin"])
    assert User.objects.get(pk=user.pk).is_staff
    services.user_update(actor=admin_user, user=user, roles=["viewer"])
    assert not User.objects.get(pk=user.pk).is_staff


def test_scopes_set_replaces_grants_and_audits(admin_user, make_user):
    clerk = make_user("warehouse")
    services.user_scopes_set(
        actor=admin_user, user=clerk, kind=ScopeKind.WAREHOUSE, unrestricted=False, ref_ids=[3, 1]
    )
    services.user_scopes_set(
        actor=admin_user, user=clerk, kind=ScopeKind.WAREHOUSE, unrestricted=False, ref_ids=[1, 2]
    )
    grants = DataScope.objects.filter(user=clerk, kind=ScopeKind.WAREHOUSE)
    assert sorted(grants.values_list("ref_id", flat=True)) == [1, 2]
    last = AuditEntry.objects.filter(object_id=str(clerk.pk), action="update").first()
    assert last is not None
    assert last.changes["warehouse_ids"] == [[1, 3], [1, 2]]


def test_token_secret_is_hashed_and_authenticates_until_revoked(make_user):
    user = make_user("purchaser")
    token, secret = services.api_token_create(actor=user, user=user, name="ERP sync")
    assert secret.startswith("jxc_")
    assert secret not in token.digest
    assert ApiToken.objects.filter(digest__contains=secret).count() == 0
    assert services.api_token_authenticate(secret=secret) == user
    token.refresh_from_db()
    assert token.last_used_at is not None
    services.api_token_revoke(actor=user, token=token)
    assert services.api_token_authenticate(secret=secret) is None
    assert services.api_token_authenticate(secret=secret + "x") is None


def test_token_stops_working_when_user_loses_api_permission(admin_user, make_user):
    user = make_user("purchaser")
    _token, secret = services.api_token_create(actor=user, user=user, name="script")
    services.user_update(actor=admin_user, user=user, roles=["viewer"])
    fresh = User.objects.get(pk=user.pk)
    assert not fresh.has_perm("accounts.use_api")
    assert services.api_token_authenticate(secret=secret) is None


def test_token_needs_a_name(make_user):
    user = make_user("purchaser")
    with pytest.raises(ApplicationError) as error:
        services.api_token_create(actor=user, user=user, name="  ")
    assert error.value.details[0]["field"] == "name"
    assert not ApiToken.objects.exists()


def test_language_set_rejects_unknown(make_user):
    user = make_user("viewer")
    services.user_language_set(user=user, language="en")
    assert User.objects.get(pk=user.pk).language == "en"
    with pytest.raises(ApplicationError):
        services.user_language_set(user=user, language="fr")
