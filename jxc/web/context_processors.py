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
        for _section, items in sections:
            for item in items:
                name = item.url_name or f"web:module-{item.slug}"
                in_section = bool(item.section_namespace) and (
                    match.namespace == item.section_namespace
                )
                if (
                    in_section
                    or match.view_name == name
                    or match.view_name.startswith(name.rstrip("s") + "-")
                ):
                    active = item.slug
    return {"nav_sections": sections, "nav_active": active}
