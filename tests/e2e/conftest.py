"""Real-browser fixtures: one headless Debian chromium per test session, driven by sync Playwright
against pytest-django's `live_server` (which brings `transactional_db`).

Screenshots land in test-artifacts/screenshots/ (git-ignored; look at them); the few that document
the product are also copied into docs/screenshots/ (committed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Sync Playwright keeps an asyncio event loop in this thread, so Django's async-safety check would
# refuse every ORM call made by the test itself (make_user, assertions on the database).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
DOC_SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless. Never a Playwright-downloaded browser."""
    if not Path(CHROMIUM).exists():
        message = (
            f"{CHROMIUM} is missing, so the real-browser tests cannot run. "
            "Install it with `bash scripts/ensure_chromium.sh` (as root)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {message}", pytrace=False)
        pytest.skip(f"!!!!! BROWSER TESTS SKIPPED !!!!! {message}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


class Problems:
    """Same-origin HTTP errors and JavaScript errors seen by one browser context."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.items: list[str] = []

    def watch(self, context: Any) -> None:
        context.on("response", self._response)
        context.on("page", lambda page: page.on("pageerror", self._page_error))

    def _response(self, response: Any) -> None:
        if response.url.startswith(self.origin) and response.status >= 400:
            self.items.append(f"HTTP {response.status} {response.url}")

    def _page_error(self, error: Any) -> None:
        self.items.append(f"JavaScript error: {error}")


@pytest.fixture
def new_context(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """new_context(**options) -> a fresh browser context (its own cookies) on the live server.

    Chinese browser by default, like our sellers. Each context records failed same-origin
    requests (missing CSS, icon fonts, scripts) and JavaScript errors in `context.problems`.
    """
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("locale", "zh-CN")
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        problems = Problems(live_server.url)
        problems.watch(context)
        context.problems = problems
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def sign_in() -> Callable[[Any, str, str], Any]:
    """sign_in(page, username, password): fill and submit the real login form.

    Returns the response of the page the form lands on (after redirects).
    """

    def submit(page: Any, username: str, password: str) -> Any:
        form = page.locator("[data-testid=login-form]")
        if form.count() == 0:
            page.goto("/account/login/")
        form.locator("input[name=username]").fill(username)
        form.locator("input[name=password]").fill(password)
        with page.expect_navigation() as navigation:
            form.locator("button[type=submit]").click()
        return navigation.value

    return submit


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """screenshot(page, name, doc_name="", full_page=True) -> path of the saved PNG.

    Saves test-artifacts/screenshots/<name>.png; with doc_name also docs/screenshots/<doc_name>.
    """

    def save(page: Any, name: str, *, doc_name: str = "", full_page: bool = True) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        if doc_name:
            DOC_SHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, DOC_SHOTS / doc_name)
        return path

    return save


@pytest.fixture(autouse=True)
def _ledger_flushable(transactional_db: None) -> Iterator[None]:
    """Keep the ledger append-only during the test, yet let Django flush it afterwards."""
    from jxc.inventory.tests.ledger_guard import flushable_ledger

    with flushable_ledger():
        yield
