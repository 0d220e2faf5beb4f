"""Demo data for accounts: one user per role, with Chinese display names."""

from __future__ import annotations

from django.db import transaction

from .models import User
from .roles import ROLES
from .services import roles_sync, user_create

DEMO_PASSWORD = "jxc-demo-2026"
DEMO_USERS: dict[str, tuple[str, str]] = {
    "admin": ("admin", "王老板"),
    "purchaser": ("caigou", "李采购"),
    "warehouse": ("cangguan", "张仓管"),
    "operations": ("yunying", "陈运营"),
    "service": ("kefu", "刘客服"),
    "finance": ("caiwu", "赵财务"),
    "viewer": ("fenxi", "孙分析"),
}


@transaction.atomic
def demo_users_load() -> tuple[int, list[tuple[User, str]]]:
    """Create the demo users that do not exist yet; never changes existing ones."""
    roles_sync()
    created = 0
    result: list[tuple[User, str]] = []
    for role in ROLES:
        username, name = DEMO_USERS[role.code]
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                roles=[role.code],
                display_name=name,
            )
            created += 1
        result.append((user, str(role.name)))
    return created, result
