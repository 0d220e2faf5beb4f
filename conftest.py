"""Shared fixtures: users per role and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest
from django.test import Client

from jxc.accounts.models import User
from jxc.accounts.roles import ROLES
from jxc.accounts.tests.factories import TEST_PASSWORD, UserFactory

ROLE_CODES = [role.code for role in ROLES]


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(*roles: str, **fields: object) -> User:
        return cast(User, UserFactory(roles=list(roles), **fields))

    return make


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user("admin", username="boss")


@pytest.fixture
def login_client() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def password() -> str:
    return TEST_PASSWORD
