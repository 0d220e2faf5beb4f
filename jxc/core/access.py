"""Who may open a page: every view declares it, and the authorization matrix test reads it.

Access levels:
- PUBLIC: anyone, signed in or not.
- LOGIN: any signed-in user.
- a permission name ("accounts.view_auditentry"): signed-in users whose roles grant it.

Anonymous users are sent to the sign-in page; signed-in users without the permission get a
localized 403 page. The check runs before the view touches any object, so a denied user cannot
learn whether an object exists.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

PUBLIC = "public"
LOGIN = "login"

ViewFunc = Callable[..., HttpResponse]


def user_has_access(user: Any, access: str) -> bool:
    """True when `user` may use something declared with `access`."""
    if access == PUBLIC:
        return True
    if not (user and user.is_authenticated and user.is_active):
        return False
    if access == LOGIN:
        return True
    return bool(user.has_perm(access))


def requires(access: str) -> Callable[[ViewFunc], ViewFunc]:
    """Decorate a view with its access level (PUBLIC, LOGIN or a permission name)."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if access != PUBLIC and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user_has_access(request.user, access):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.jxc_access = access  # type: ignore[attr-defined]
        return wrapper

    return decorator
