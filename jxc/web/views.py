"""Home page, module placeholders and the error pages."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jxc.accounts.enums import ScopeKind
from jxc.accounts.scopes import scope_ids
from jxc.accounts.selectors import user_role_labels
from jxc.core.access import LOGIN
from jxc.core.access import requires as requires_access
from jxc.core.api import error_response

from .navigation import NavItem
from .selectors import home_figures, my_active_tokens, recent_audit_entries

FIGURE_LABELS = {
    "enabled-users": gettext_lazy("Enabled users"),
    "sign-ins-today": gettext_lazy("Sign-ins today"),
    "failed-sign-ins-today": gettext_lazy("Failed sign-ins today"),
    "skus-in-stock": gettext_lazy("SKUs in stock"),
    "stock-alerts": gettext_lazy("Open stock alerts"),
    "near-expiry": gettext_lazy("Lots near expiry"),
    "modules": gettext_lazy("Your modules available"),
}
FIGURE_LINKS = {
    "stock-alerts": "inventory:alerts",
    "near-expiry": "inventory:alerts",
    "skus-in-stock": "inventory:stock",
}


@requires_access(LOGIN)
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    figures = [
        (figure, FIGURE_LABELS[figure.key], FIGURE_LINKS.get(figure.key, ""))
        for figure in home_figures(user=user)
    ]
    context = {
        "figures": figures,
        "my_active_tokens": my_active_tokens(user=user),
        "roles": user_role_labels(user),  # type: ignore[arg-type]
        "warehouse_scope": scope_ids(user, ScopeKind.WAREHOUSE),
        "shop_scope": scope_ids(user, ScopeKind.SHOP),
        "recent": recent_audit_entries() if user.has_perm("accounts.view_audit") else None,
    }
    return render(request, "web/home.html", context)


def module_page(item: NavItem) -> Callable[[HttpRequest], HttpResponse]:
    """The honest page of a module that is not built yet (never sample numbers)."""

    @requires_access(item.access)
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, "web/module_unavailable.html", {"item": item})

    view.__name__ = f"module_{item.slug}"
    return view


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return error_response(403, "permission_denied", _("You do not have permission for this."))
    return render(request, "web/403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return error_response(404, "not_found", _("Not found."))
    return render(request, "web/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    """Rendered without the request context: the database may be what failed."""
    if _wants_json(request):
        return error_response(500, "server_error", _("The server could not finish this request."))
    return HttpResponse(loader.get_template("web/500.html").render({}), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if _wants_json(request):
        return error_response(
            403, "csrf_failed", _("The CSRF token is missing or wrong; reload the page.")
        )
    return render(request, "web/csrf.html", status=403)
