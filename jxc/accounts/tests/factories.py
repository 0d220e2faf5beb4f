"""Factories for users in a given role."""

from __future__ import annotations

import factory

from jxc.accounts.models import User
from jxc.accounts.services import user_create

TEST_PASSWORD = "Test-pass-2026!"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the given roles, created through the real service (so audit runs too)."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"用户{n}")

    @classmethod
    def _create(cls, model_class: type[User], *args: object, **kwargs: object) -> User:
        roles = kwargs.pop("roles", ())
        language = str(kwargs.pop("language", "zh-hans"))
        password = str(kwargs.pop("password", TEST_PASSWORD))
        user = user_create(
            actor=None,
            username=str(kwargs.pop("username")),
            password=password,
            roles=roles,  # type: ignore[arg-type]
            display_name=str(kwargs.pop("display_name", "")),
            language=language,
        )
        for name, value in kwargs.items():
            setattr(user, name, value)
        if kwargs:
            user.save()
        return user
