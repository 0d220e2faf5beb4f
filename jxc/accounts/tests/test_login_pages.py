"""Sign-in, lockout, two-factor, password and language: page tests through the test client."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from jxc.accounts.models import AuditEntry, User

pytestmark = pytest.mark.django_db
LOGIN = "/account/login/"


def sign_in(client: Client, username: str, password: str, **extra: str):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_login_success_audits_and_redirects(make_user, password):
    user = make_user("purchaser", username="li", language="en")
    client = Client()
    response = sign_in(client, "li", password, next="/account/tokens/")
    assert response.status_code == 302
    assert response["Location"] == "/account/tokens/"
    assert response.cookies["django_language"].value == "en"
    entry = AuditEntry.objects.filter(action="login").get()
    assert entry.actor == user
    assert entry.ip_address == "127.0.0.1"


def test_login_refuses_offsite_next(make_user, password):
    make_user("purchaser", username="li")
    response = sign_in(Client(), "li", password, next="https://evil.example/")
    assert response["Location"] == "/"


def test_wrong_password_is_401_localized_and_audited(make_user):
    make_user("purchaser", username="li")
    response = sign_in(Client(), "li", "wrong")
    assert response.status_code == 401
    assert "用户名或密码错误" in response.content.decode()
    entry = AuditEntry.objects.filter(action="login_failed").get()
    assert entry.actor_name == "li"
    assert not AuditEntry.objects.filter(action="login").exists()


def test_five_failures_lock_account_and_ip_for_15_minutes(make_user, password):
    make_user("purchaser", username="li")
    client = Client()
    statuses = [sign_in(client, "li", "wrong").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    locked = sign_in(client, "li", password)  # even the right password is refused now
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "15" in page
    assert 'data-testid="locked"' in page
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="locked_out").count() == 2
    # Another IP address is not locked out for the same account.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert sign_in(other, "li", password).status_code == 302


def test_lockout_message_in_english(make_user):
    make_user("purchaser", username="li")
    client = Client()
    client.cookies["django_language"] = "en"
    for _ in range(5):
        response = sign_in(client, "li", "wrong")
    assert "locked for 15 minutes" in response.content.decode()


def test_expired_or_missing_session_redirects_to_login():
    response = Client().get("/account/users/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/account/users/"


def test_login_without_csrf_token_is_refused(make_user, password):
    make_user("purchaser", username="li")
    client = Client(enforce_csrf_checks=True)
    response = sign_in(client, "li", password)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_logout_needs_post_and_is_audited(make_user, login_client):
    user = make_user("viewer")
    client = login_client(user)
    assert client.get("/account/logout/").status_code == 405
    response = client.post("/account/logout/")
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="logout", actor=user).count() == 1
    assert client.get("/").status_code == 302


def _totp_now(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_two_factor_setup_then_login_needs_code(make_user, login_client, password):
    user = make_user("admin", username="boss2")
    client = login_client(user)
    assert client.get("/account/two-factor/").status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/account/two-factor/", {"token": "000000"}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the device wait before the next try
    response = client.post("/account/two-factor/", {"token": _totp_now(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed

    fresh = Client()
    missing = sign_in(fresh, "boss2", password)
    assert missing.status_code == 401
    assert "验证码" in missing.content.decode()
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    ok = sign_in(fresh, "boss2", password, otp_token=_totp_now(device))
    assert ok.status_code == 302


@override_settings(JXC_ADMIN_REQUIRE_2FA=True)
def test_admin_site_requires_verified_device_when_enabled(make_user, login_client):
    from django.contrib import admin
    from django_otp.admin import OTPAdminSite

    from jxc.accounts.admin import admin_site_configure

    original = admin.site.__class__
    try:
        admin_site_configure(admin.site)
        assert isinstance(admin.site, OTPAdminSite)
        user = make_user("admin", username="boss3")
        response = login_client(user).get("/admin/")
        assert response.status_code == 302  # not verified: no way in
    finally:
        admin.site.__class__ = original


def test_password_change(make_user, login_client, password):
    user = make_user("viewer")
    client = login_client(user)
    bad = client.post(
        "/account/password/",
        {"old_password": "nope", "new_password1": "x", "new_password2": "y"},
    )
    assert bad.status_code == 400
    good = client.post(
        "/account/password/",
        {
            "old_password": password,
            "new_password1": "Brand-new-pass-2026",
            "new_password2": "Brand-new-pass-2026",
        },
    )
    assert good.status_code == 302
    assert User.objects.get(pk=user.pk).check_password("Brand-new-pass-2026")
    assert AuditEntry.objects.filter(action="password_change", actor=user).count() == 1
    assert client.get("/").status_code == 200  # still signed in


def test_language_switch_is_remembered_per_user(make_user, login_client):
    user = make_user("viewer")
    client = login_client(user)
    response = client.post("/account/language/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).language == "en"
    other_browser = login_client(User.objects.get(pk=user.pk))
    page = other_browser.get("/").content.decode()
    assert '<html lang="en">' in page


def test_language_switch_anonymous_sets_cookie():
    client = Client()
    response = client.post("/account/language/", {"language": "en", "next": LOGIN})
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get(LOGIN).content.decode()
    assert '<html lang="zh-CN">' in Client().get(LOGIN).content.decode()
