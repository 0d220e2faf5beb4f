from typing import Any

from django.http import HttpRequest

from .navigation import visible_sections


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Menu entries for the signed-in user and which one is current."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_sections": []}
    sections = visible_sections(user)
    match = request.resolver_match
    active = ""
    if match is not None:
        if match.view_name == "web:module":
            active = match.kwargs.get("slug", "")
        else:
            for _section, items in sections:
                for item in items:
                    if item.url_name and match.view_name.startswith(item.url_name.rstrip("s")):
                        active = item.slug
    return {"nav_sections": sections, "nav_active": active}
