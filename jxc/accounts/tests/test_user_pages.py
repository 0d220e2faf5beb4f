"""User administration and audit log pages."""

from __future__ import annotations

import pytest

from jxc.accounts.models import AuditEntry, DataScope, User
from jxc.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def test_admin_creates_user_through_page(admin_user, login_client):
    client = login_client(admin_user)
    response = client.post(
        "/account/users/new/",
        {
            "username": "kefu2",
            "display_name": "周客服",
            "language": "zh-hans",
            "roles": ["service"],
            "is_active": "on",
            "password": "Kefu-pass-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="kefu2")
    assert user.check_password("Kefu-pass-2026")
    assert user.has_perm("accounts.manage_aftersales")
    entry = AuditEntry.objects.filter(action="create", object_id=str(user.pk)).get()
    assert entry.actor == admin_user
    assert entry.changes["roles"] == [None, ["service"]]


def test_create_user_errors_name_the_field(admin_user, login_client, make_user):
    make_user("viewer", username="taken")
    client = login_client(admin_user)
    response = client.post(
        "/account/users/new/",
        {"username": "taken", "language": "zh-hans", "roles": ["viewer"], "password": "123"},
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "password" in form.errors
    missing_roles = client.post(
        "/account/users/new/",
        {"username": "new1", "language": "zh-hans", "password": "Good-pass-2026"},
    )
    assert "roles" in missing_roles.context["form"].errors
    duplicate = client.post(
        "/account/users/new/",
        {
            "username": "TAKEN",
            "language": "zh-hans",
            "roles": ["viewer"],
            "password": "Good-pass-2026",
        },
    )
    assert duplicate.status_code == 400
    assert "username" in duplicate.context["form"].errors
    assert User.objects.filter(username__iexact="taken").count() == 1


def test_edit_roles_and_deactivate(admin_user, login_client, make_user):
    target = make_user("viewer", username="sun")
    client = login_client(admin_user)
    page = client.get(f"/account/users/{target.pk}/")
    assert page.status_code == 200
    response = client.post(
        f"/account/users/{target.pk}/",
        {
            "username": "sun",
            "language": "en",
            "roles": ["finance"],
            "display_name": "孙财务",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    target = User.objects.get(pk=target.pk)
    assert target.language == "en"
    assert target.has_perm("accounts.view_cost")
    client.post(
        f"/account/users/{target.pk}/",
        {"username": "sun", "language": "en", "roles": ["finance"]},
    )
    target = User.objects.get(pk=target.pk)
    assert not target.is_active
    assert not target.has_perm("accounts.view_cost")  # disabled users hold no permissions


def test_scopes_page_saves_restriction(admin_user, login_client, make_user):
    clerk = make_user("warehouse")
    client = login_client(admin_user)
    assert client.get(f"/account/users/{clerk.pk}/scopes/").status_code == 200
    response = client.post(f"/account/users/{clerk.pk}/scopes/", {"all_shops": "on"})
    assert response.status_code == 302
    clerk.refresh_from_db()
    assert not clerk.all_warehouses
    assert clerk.all_shops
    assert not DataScope.objects.filter(user=clerk).exists()


def test_user_list_search_and_role_filter(admin_user, login_client, make_user):
    make_user("purchaser", username="caigou1", display_name="李采购")
    make_user("viewer", username="fenxi1")
    client = login_client(admin_user)
    by_name = client.get("/account/users/", {"q": "李"})
    assert [u.username for u, _labels in by_name.context["rows"]] == ["caigou1"]
    by_role = client.get("/account/users/", {"role": "viewer"})
    assert [u.username for u, _labels in by_role.context["rows"]] == ["fenxi1"]


def test_password_reset_by_admin(admin_user, login_client, make_user):
    target = make_user("viewer")
    client = login_client(admin_user)
    weak = client.post(f"/account/users/{target.pk}/password/", {"password": "123"})
    assert weak.status_code == 400
    ok = client.post(f"/account/users/{target.pk}/password/", {"password": "Reset-pass-2026"})
    assert ok.status_code == 302
    assert User.objects.get(pk=target.pk).check_password("Reset-pass-2026")


def test_audit_log_filters(admin_user, login_client, make_user):
    make_user("viewer", username="fenxi1")
    client = login_client(admin_user)
    client.post("/account/login/", {"username": "fenxi1", "password": "wrong"})
    everything = client.get("/account/audit/")
    assert everything.context["page"].paginator.count == AuditEntry.objects.count()
    failed = client.get("/account/audit/", {"action": "login_failed"})
    assert [e.actor_name for e in failed.context["page"]] == ["fenxi1"]
    by_type = client.get("/account/audit/", {"object_type": "accounts.user", "actor": "zzz"})
    assert by_type.context["page"].paginator.count == 0
    bad_date = client.get("/account/audit/", {"date_from": "2026-13-45"})
    assert bad_date.status_code == 200
    assert "date_from" in bad_date.context["form"].errors


def test_token_page_shows_secret_once_and_revokes(make_user, login_client):
    user = make_user("purchaser")
    client = login_client(user)
    created = client.post("/account/tokens/", {"name": "仓库扫码枪"})
    secret = created.context["secret"]
    assert secret.startswith("jxc_")
    listing = client.get("/account/tokens/").content.decode()
    assert "仓库扫码枪" in listing
    assert secret not in listing
    token = user.api_tokens.get()
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_cannot_revoke_other_users_token_from_page(make_user, login_client):
    owner = make_user("purchaser")
    token, _secret = api_token_create(actor=owner, user=owner, name="mine")
    other = login_client(make_user("purchaser"))
    assert other.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_changes_in_django_admin_are_audited(admin_user, login_client, make_user):
    target = make_user("viewer", username="sun2", display_name="孙")
    client = login_client(admin_user)
    url = f"/admin/accounts/user/{target.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "username": "sun2",
            "display_name": "孙分析",
            "language": "zh-hans",
            "groups": [g.pk for g in target.groups.all()],
            "date_joined_0": target.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": target.date_joined.strftime("%H:%M:%S"),
            "is_active": "on",
            "all_warehouses": "on",
            "all_shops": "on",
        }
    )
    data.pop("password", None)
    data.pop("last_login", None)
    data.pop("user_permissions", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.filter(object_id=str(target.pk), action="update").get()
    assert entry.actor == admin_user
    assert entry.changes["display_name"] == ["孙", "孙分析"]


def test_audit_log_shows_labels_not_field_names(admin_user, login_client, make_user):
    make_user("viewer", username="fenxi9", display_name="孙")
    page = login_client(admin_user).get("/account/audit/").content.decode()
    assert "显示名称: — → 孙" in page
    assert "全部仓库: — → 是" in page
    assert "角色: — → 只读" in page
    assert "all_warehouses:" not in page
