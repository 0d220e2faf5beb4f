"""Product forms: the spec matrix is typed as axis lines, e.g. "颜色: 红, 白, 黑"."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import ProductStatus
from .models import Category


class ProductForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    brand = forms.CharField(label=_("Brand"), max_length=80, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ProductStatus.choices)
    code_prefix = forms.RegexField(
        label=_("Merchant code prefix"),
        regex=r"^[A-Za-z0-9_.-]{1,40}$",
        help_text=_("SKUs are coded PREFIX-01, PREFIX-02 … in spec order."),
        error_messages={"invalid": _("Use letters, digits and - _ . only.")},
    )
    specs = forms.CharField(
        label=_("Specs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "颜色: 红, 白, 黑\n尺码: S, M, L"}),
        help_text=_("One axis per line: name, colon, values separated by commas."),
    )
    cost_price = forms.DecimalField(label=_("Cost price"), min_value=0, decimal_places=2, initial=0)
    sale_price = forms.DecimalField(label=_("Sale price"), min_value=0, decimal_places=2, initial=0)
    weight_g = forms.IntegerField(label=_("Weight (g)"), min_value=0, required=False)
    is_expiry_tracked = forms.BooleanField(label=_("Track expiry (lots)"), required=False)
    shelf_life_days = forms.IntegerField(label=_("Shelf life (days)"), min_value=1, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_specs(self) -> list[tuple[str, list[str]]]:
        axes = []
        for number, line in enumerate(self.cleaned_data["specs"].splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, values = line.replace("：", ":").partition(":")
            parts = [v.strip() for v in values.replace("，", ",").split(",") if v.strip()]
            if not sep or not name.strip() or not parts:
                raise forms.ValidationError(
                    _("Line %(n)s: write it as 'name: value, value'.") % {"n": number}
                )
            axes.append((name.strip(), parts))
        return axes

    def sku_defaults(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "cost_price": data["cost_price"] or Decimal(0),
            "sale_price": data["sale_price"] or Decimal(0),
            "weight_g": data["weight_g"],
        }


class ProductEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    brand = forms.CharField(label=_("Brand"), max_length=80, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ProductStatus.choices)
    unit = forms.CharField(label=_("Unit"), max_length=10)
    shelf_life_days = forms.IntegerField(label=_("Shelf life (days)"), min_value=1, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SkuEditForm(forms.Form):
    barcode = forms.CharField(label=_("Barcode"), max_length=48, required=False)
    cost_price = forms.DecimalField(label=_("Cost price"), min_value=0, decimal_places=2)
    sale_price = forms.DecimalField(label=_("Sale price"), min_value=0, decimal_places=2)
    weight_g = forms.IntegerField(label=_("Weight (g)"), min_value=0, required=False)
    length_cm = forms.DecimalField(
        label=_("Length (cm)"), min_value=0, decimal_places=1, required=False
    )
    width_cm = forms.DecimalField(
        label=_("Width (cm)"), min_value=0, decimal_places=1, required=False
    )
    height_cm = forms.DecimalField(
        label=_("Height (cm)"), min_value=0, decimal_places=1, required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False)


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    parent = forms.ModelChoiceField(
        label=_("Parent category"), queryset=Category.objects.all(), required=False
    )
