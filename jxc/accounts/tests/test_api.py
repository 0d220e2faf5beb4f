"""API tests: auth by token and session, the error shape, localized messages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jxc.accounts.models import ApiToken, AuditEntry
from jxc.accounts.services import api_token_create

pytestmark = pytest.mark.django_db
ERROR_KEYS = {"code", "message", "details"}


def bearer(secret: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_health_needs_no_sign_in(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_openapi_schema_lists_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/health", "/api/v1/me", "/api/v1/tokens"} <= set(schema["paths"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in docs.content.decode()  # no CDN needed


def test_me_with_token(make_user):
    user = make_user("warehouse", username="clerk", all_warehouses=False)
    _token, secret = api_token_create(actor=user, user=user, name="scanner")
    body = Client().get("/api/v1/me", **bearer(secret)).json()
    assert body["username"] == "clerk"
    assert body["roles"] == [{"code": "warehouse", "name": "仓管"}]
    assert body["warehouses"] == {"all": False, "ids": []}
    assert body["shops"] == {"all": True, "ids": []}
    assert "accounts.manage_inventory" in body["permissions"]
    assert "accounts.view_sales_money" not in body["permissions"]
    assert body["language"] == "zh-hans"


def test_me_with_session(make_user, login_client):
    user = make_user("finance", language="en")
    body = login_client(user).get("/api/v1/me").json()
    assert body["roles"] == [{"code": "finance", "name": "Finance"}]


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("", "not_authenticated"),
        ("Bearer nope", "invalid_token"),
        ("Basic dXNlcjpwYXNz", "invalid_token"),
        ("Bearer ", "invalid_token"),
    ],
)
def test_missing_or_wrong_token_is_401_with_error_shape(header, code):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    response = Client().get("/api/v1/me", **headers)
    assert response.status_code == 401
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == code
    assert body["message"]


def test_revoked_token_is_401(make_user):
    user = make_user("purchaser")
    token, secret = api_token_create(actor=user, user=user, name="old")
    client = Client()
    assert client.delete(f"/api/v1/tokens/{token.pk}", **bearer(secret)).status_code == 204
    response = client.get("/api/v1/me", **bearer(secret))
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


def test_token_lifecycle_over_api(make_user):
    user = make_user("operations")
    _token, secret = api_token_create(actor=user, user=user, name="first")
    client = Client()
    created = client.post(
        "/api/v1/tokens", data={"name": "second"}, content_type="application/json", **bearer(secret)
    )
    assert created.status_code == 201
    new_secret = created.json()["secret"]
    listed = client.get("/api/v1/tokens", **bearer(new_secret)).json()
    assert [t["name"] for t in listed] == ["second", "first"]
    assert all("secret" not in t for t in listed)
    assert listed[1]["last_used_at"] is not None


def test_cannot_revoke_someone_elses_token(make_user):
    owner = make_user("purchaser")
    other = make_user("purchaser")
    token, _secret = api_token_create(actor=owner, user=owner, name="mine")
    _t, other_secret = api_token_create(actor=other, user=other, name="theirs")
    response = Client().delete(f"/api/v1/tokens/{token.pk}", **bearer(other_secret))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_validation_error_shape_names_the_field(make_user):
    user = make_user("purchaser", language="en")
    _t, secret = api_token_create(actor=user, user=user, name="x")
    response = Client().post(
        "/api/v1/tokens", data={}, content_type="application/json", **bearer(secret)
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["message"] == "Some fields are missing or invalid."
    assert body["details"][0]["field"] == "name"


def test_blank_token_name_is_a_clear_400(make_user):
    user = make_user("purchaser")
    _t, secret = api_token_create(actor=user, user=user, name="x")
    response = Client().post(
        "/api/v1/tokens", data={"name": " "}, content_type="application/json", **bearer(secret)
    )
    assert response.status_code == 400
    assert response.json()["details"] == [{"field": "name", "message": "这个字段是必填项。"}]


def test_session_post_without_csrf_is_rejected_and_changes_nothing(make_user):
    user = make_user("purchaser")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    before = AuditEntry.objects.count()
    response = client.post("/api/v1/tokens", data={"name": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert not ApiToken.objects.filter(user=user).exists()
    assert AuditEntry.objects.count() == before


def test_session_post_with_csrf_works(make_user):
    user = make_user("purchaser")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/account/tokens/")
    csrf = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/tokens",
        data={"name": "browser"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert response.status_code == 201


def test_permission_denied_is_403_localized(make_user):
    user = make_user("service")  # customer service has no API permission
    client = Client()
    client.force_login(user)
    response = client.get("/api/v1/tokens")
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "您没有权限执行此操作。",
        "details": [],
    }


def test_unknown_api_url_is_json_404(client):
    for url in ("/api/v1/nothing-here", "/api/v2/me"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_error_messages_follow_the_token_users_language(make_user):
    user = make_user("purchaser", language="en")
    _t, secret = api_token_create(actor=user, user=user, name="x")
    response = Client().delete("/api/v1/tokens/999999", **bearer(secret))
    assert response.json()["message"] == "Not found."
