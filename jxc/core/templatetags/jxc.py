"""Template helpers: Bootstrap classes on form widgets."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

_CLASS_BY_WIDGET = {
    "checkbox": "form-check-input",
    "select": "form-select",
    "selectmultiple": "form-select",
}


@register.filter
def bs_widget(field: BoundField) -> SafeString:
    """Render a field's widget with the Bootstrap class for its type (and is-invalid)."""
    css = _CLASS_BY_WIDGET.get(field.widget_type, "form-control")
    if field.errors:
        css += " is-invalid"
    existing = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{existing} {css}".strip()})
