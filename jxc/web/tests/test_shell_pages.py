"""The shell: home figures, the navigation per role, module pages, error pages."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from jxc.web.navigation import PLANNED_ITEMS, SECTIONS

pytestmark = pytest.mark.django_db

# What each role must (and must not) find in its menu — from PRODUCT.md's role table.
EXPECTED_MENU = {
    "admin": {"home", "suppliers", "inventory", "orders", "analytics", "users", "audit", "api"},
    "purchaser": {"home", "suppliers", "purchasing", "replenishment", "inventory", "api"},
    "warehouse": {"home", "inventory", "stocktaking", "shipping", "aftersales", "api"},
    "operations": {"home", "catalog", "orders", "promotions", "analytics", "api"},
    "service": {"home", "orders", "aftersales", "feedback"},
    "finance": {"home", "purchasing", "inventory", "analytics", "api"},
    "viewer": {"home", "analytics"},
}
FORBIDDEN_MENU = {
    "purchaser": {"orders", "users", "audit"},
    "warehouse": {"orders", "promotions", "analytics", "users", "audit", "suppliers"},
    "operations": {"users", "audit", "suppliers"},
    "service": {"users", "audit", "api", "inventory", "analytics"},
    "finance": {"users", "audit", "promotions"},
    "viewer": {"users", "audit", "api", "orders", "inventory", "catalog"},
}


def menu_of(client: Client) -> set[str]:
    return set(re.findall(r'data-nav="([\w-]+)"', client.get("/").content.decode()))


@pytest.mark.parametrize("role", list(EXPECTED_MENU))
def test_each_role_sees_exactly_its_menu(role, make_user, login_client):
    menu = menu_of(login_client(make_user(role)))
    assert EXPECTED_MENU[role] <= menu
    assert not (FORBIDDEN_MENU.get(role, set()) & menu)


def test_navigation_covers_all_sixteen_capabilities():
    capabilities = {item.capability for section in SECTIONS for item in section.items}
    assert {f"C{n}" for n in range(1, 17)} <= capabilities


def test_admin_sees_every_entry(admin_user, login_client):
    every = {item.slug for section in SECTIONS for item in section.items}
    assert menu_of(login_client(admin_user)) == every


def test_home_shows_only_real_figures(admin_user, login_client, make_user):
    make_user("viewer")
    client = login_client(admin_user)
    client.post("/account/login/", {"username": "nobody", "password": "x"})
    figures = {figure.key: figure.value for figure, _l, _u in client.get("/").context["figures"]}
    assert figures["enabled-users"] == 2
    assert figures["failed-sign-ins-today"] == 1
    assert figures["sign-ins-today"] == 0
    assert figures["skus-in-stock"] == 0
    assert figures["modules"] == "6 / 18"  # home, products, stock, users, audit, API tokens


def test_clerk_home_shows_stock_health_not_sign_ins(make_user, login_client):
    figures = {
        f.key for f, _l, _u in login_client(make_user("warehouse")).get("/").context["figures"]
    }
    assert figures == {"skus-in-stock", "stock-alerts", "near-expiry", "modules"}


def test_unbuilt_module_page_is_honest(make_user, login_client):
    client = login_client(make_user("operations"))
    response = client.get("/m/orders/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="not-available"' in page
    assert not re.search(r"¥\s?\d", page)


def test_module_pages_exist_for_every_planned_item():
    assert {item.slug for item in PLANNED_ITEMS} >= {"orders", "risk"}


def test_module_outside_role_is_403_page(make_user, login_client):
    response = login_client(make_user("viewer")).get("/m/orders/")
    assert response.status_code == 403
    assert "jxc-page-title" not in response.content.decode()


def test_unknown_page_is_localized_404(make_user, login_client):
    response = login_client(make_user("viewer", language="en")).get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    anonymous = Client().get("/no/such/page/")
    assert anonymous.status_code == 404
    assert "<html" in anonymous.content.decode()


def test_times_are_shanghai(admin_user, login_client, settings):
    assert settings.TIME_ZONE == "Asia/Shanghai"
    page = login_client(admin_user).get("/account/audit/").content.decode()
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", page)


def test_server_error_page_needs_no_database(rf):
    from jxc.web.views import error_500

    response = error_500(rf.get("/anything/"))
    assert response.status_code == 500
    assert "出错" in response.content.decode() or "服务器" in response.content.decode()
    api = error_500(rf.get("/api/v1/me"))
    assert api.status_code == 500
    assert json.loads(api.content)["code"] == "server_error"
