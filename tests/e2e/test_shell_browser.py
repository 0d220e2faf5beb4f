"""The application shell in a real browser (Debian chromium, headless): sign in through the form,
switch language, open every menu entry, the phone menu, lockout after wrong passwords, sign out.

Screenshots: test-artifacts/screenshots/ — look at them after a change to the shell.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from jxc.web.navigation import ITEMS_BY_SLUG

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NAV_LINKS = "#jxc-sidebar a[data-nav]"
MENU_BUTTON = 'header button[data-bs-toggle="offcanvas"]'


def path_of(url: str) -> str:
    return urlsplit(url).path


def visible_nav(page: Any) -> list[tuple[str, str]]:
    """(slug, absolute href) of every menu entry the user can see right now, in menu order."""
    links = page.locator(NAV_LINKS)
    return [
        (link.get_attribute("data-nav"), link.evaluate("a => a.href"))
        for link in links.all()
        if link.is_visible()
    ]


def test_admin_signs_in_switches_language_opens_every_entry_and_signs_out(
    live_server: Any,
    make_user: Any,
    password: str,
    new_context: Any,
    sign_in: Any,
    screenshot: Any,
) -> None:
    make_user("admin", username="boss", display_name="王老板")
    context = new_context(**DESKTOP)
    page = context.new_page()

    page.goto("/account/login/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")  # the default language
    expect(page.locator("[data-testid=login-form]")).to_be_visible()
    screenshot(page, "login-desktop", doc_name="login-desktop.png")

    response = sign_in(page, "boss", password)
    assert response.status == 200
    assert path_of(page.url) == "/"
    expect(page.locator("h1.jxc-page-title")).to_be_visible()
    expect(page.locator("a[data-nav=home]")).to_have_class("nav-link jxc-nav-link active")
    expect(page.locator(MENU_BUTTON)).to_be_hidden()  # the phone top bar is not shown on desktop
    screenshot(page, "home-desktop", doc_name="home-desktop.png")

    with page.expect_navigation():
        page.locator("button[data-lang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert path_of(page.url) == "/"
    expect(page.locator("h1.jxc-page-title")).to_contain_text("Hello")
    screenshot(page, "home-desktop-en")
    with page.expect_navigation():
        page.locator("button[data-lang=zh-hans]").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")

    entries = visible_nav(page)
    slugs = [slug for slug, _href in entries]
    assert len(slugs) == len(set(slugs)), slugs
    assert set(slugs) == set(ITEMS_BY_SLUG), "an admin sees every menu entry"
    unavailable_shot = False
    for slug, href in entries:
        response = page.goto(href)
        assert response is not None, href
        assert response.status == 200, f"{slug}: HTTP {response.status} at {href}"
        assert path_of(page.url) == path_of(href), f"{slug}: redirected to {page.url}"
        not_available = page.locator("[data-testid=not-available]")
        title = page.locator("h1.jxc-page-title")
        assert not_available.count() + title.count() >= 1, f"{slug}: no page title at {href}"
        if not ITEMS_BY_SLUG[slug].is_built:
            expect(not_available).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
        expect(page.locator(f"a[data-nav={slug}]")).to_have_attribute("aria-current", "page")
        if not unavailable_shot and not_available.count():
            screenshot(page, "module-unavailable-desktop")
            unavailable_shot = True
    assert unavailable_shot, "no menu entry opened the not-available page"

    with page.expect_navigation():
        page.locator("[data-testid=logout]").click()
    assert path_of(page.url) == "/account/login/"
    expect(page.locator("[data-testid=login-form]")).to_be_visible()
    page.goto("/")
    assert path_of(page.url) == "/account/login/", "signed out, home must ask to sign in again"

    assert context.problems.items == []


def test_phone_menu_opens_on_tap_and_shows_only_the_clerks_entries(
    live_server: Any,
    make_user: Any,
    password: str,
    new_context: Any,
    sign_in: Any,
    screenshot: Any,
) -> None:
    clerk = make_user("warehouse", display_name="张仓管")
    context = new_context(**PHONE)
    page = context.new_page()

    response = sign_in(page, clerk.username, password)
    assert response.status == 200
    assert path_of(page.url) == "/"
    sidebar = page.locator("#jxc-sidebar")
    expect(page.locator(MENU_BUTTON)).to_be_visible()
    expect(sidebar).to_be_hidden()
    expect(page.locator(f"{NAV_LINKS}[data-nav=inventory]")).to_be_hidden()
    assert visible_nav(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone: it scrolls sideways"
    screenshot(page, "home-phone", doc_name="home-phone.png")

    page.evaluate(
        """() => document.getElementById('jxc-sidebar').addEventListener(
               'shown.bs.offcanvas', () => { window.jxcMenuShown = true; }, {once: true})"""
    )
    page.locator(MENU_BUTTON).tap()
    page.wait_for_function("window.jxcMenuShown === true")
    expect(sidebar).to_be_visible()
    expect(page.locator("[data-testid=logout]")).to_be_visible()
    slugs = {slug for slug, _href in visible_nav(page)}
    assert "inventory" in slugs
    assert not slugs & {"orders", "users", "audit", "analytics"}, sorted(slugs)
    screenshot(page, "menu-phone", doc_name="menu-phone.png", full_page=False)

    page.locator("#jxc-sidebar .btn-close").tap()
    expect(sidebar).to_be_hidden()

    assert context.problems.items == []


def test_five_wrong_passwords_show_the_lockout_page(
    live_server: Any,
    make_user: Any,
    password: str,
    new_context: Any,
    sign_in: Any,
    screenshot: Any,
) -> None:
    make_user("purchaser", username="li")
    context = new_context(**DESKTOP)
    page = context.new_page()
    locked = page.locator("[data-testid=locked]")

    locked_at = 0
    for attempt in range(1, 7):
        response = sign_in(page, "li", "wrong-password")
        if locked.count():
            locked_at = attempt
            break
        assert response.status == 401, f"attempt {attempt}: HTTP {response.status}"
        expect(page.locator("[data-testid=form-errors]")).to_be_visible()
    assert locked_at in (5, 6), "no lockout page after 6 wrong passwords"
    assert response.status == 429
    expect(locked).to_be_visible()
    screenshot(page, "locked-desktop")

    response = sign_in(page, "li", password)  # even the right password waits out the lockout
    expect(locked).to_be_visible()
    assert path_of(page.url) == "/account/login/"
