"""Forms for stock pages: they parse codes into objects; services decide everything else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jxc.catalog.models import Sku
from jxc.catalog.selectors import sku_get
from jxc.core.exceptions import ApplicationError

from .enums import AdjustReason, WarehouseKind
from .models import Bin, Warehouse
from .selectors import bin_get, warehouse_list


class SkuField(forms.CharField):
    """A SKU typed or scanned as merchant code, barcode or id."""

    def clean(self, value: Any) -> Sku:
        text = super().clean(value)
        sku = Sku.objects.filter(barcode=text).first()
        if sku is not None:
            return sku
        try:
            return sku_get(ref=text)
        except ApplicationError as exc:
            raise forms.ValidationError(exc.message) from exc


class StockForm(forms.Form):
    """Base for stock forms: the warehouse choices follow the user's data scope."""

    sku = SkuField(label=_("SKU (merchant code or barcode)"), max_length=64)
    warehouse = forms.ModelChoiceField(label=_("Warehouse"), queryset=Warehouse.objects.none())
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)
    bin = forms.CharField(label=_("Bin"), required=False, max_length=32)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["warehouse"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = warehouse_list(user=user)

    def clean_bin(self) -> Bin | None:
        code = self.cleaned_data.get("bin", "").strip()
        warehouse = self.cleaned_data.get("warehouse")
        if not code or warehouse is None:
            return None
        try:
            return bin_get(warehouse=warehouse, code=code)
        except ApplicationError as exc:
            raise forms.ValidationError(exc.message) from exc


class ReceiveForm(StockForm):
    unit_cost = forms.DecimalField(
        label=_("Unit cost (CNY)"), required=False, min_value=0, max_digits=14, decimal_places=4
    )
    lot_no = forms.CharField(label=_("Lot number"), required=False, max_length=40)
    expiry_date = forms.DateField(
        label=_("Expiry date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    opening = forms.BooleanField(label=_("Opening stock"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=255)


class AdjustForm(StockForm):
    quantity = forms.IntegerField(
        label=_("Change"), help_text=_("Positive for a surplus, negative for a shortage.")
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=AdjustReason.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=255)


class PutawayForm(forms.Form):
    sku = SkuField(label=_("SKU (merchant code or barcode)"), max_length=64)
    warehouse = forms.ModelChoiceField(label=_("Warehouse"), queryset=Warehouse.objects.none())
    from_bin = forms.CharField(label=_("From bin"), max_length=32)
    to_bin = forms.CharField(label=_("To bin"), max_length=32)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["warehouse"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = warehouse_list(user=user)

    def _bin(self, name: str) -> Bin | None:
        warehouse = self.cleaned_data.get("warehouse")
        if warehouse is None:
            return None
        try:
            return bin_get(warehouse=warehouse, code=self.cleaned_data.get(name, ""))
        except ApplicationError as exc:
            raise forms.ValidationError(exc.message) from exc

    def clean_from_bin(self) -> Bin | None:
        return self._bin("from_bin")

    def clean_to_bin(self) -> Bin | None:
        return self._bin("to_bin")


class TransferForm(forms.Form):
    source = forms.ModelChoiceField(label=_("From warehouse"), queryset=Warehouse.objects.none())
    destination = forms.ModelChoiceField(
        label=_("To warehouse"), queryset=Warehouse.objects.filter(is_active=True)
    )
    sku = SkuField(label=_("SKU (merchant code or barcode)"), max_length=64)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = warehouse_list(user=user)


class WarehouseForm(forms.Form):
    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[A-Za-z0-9_-]{1,20}$",
        error_messages={"invalid": _("Use up to 20 letters, digits, - or _.")},
    )
    name = forms.CharField(label=_("Name"), max_length=80)
    kind = forms.ChoiceField(label=_("Kind"), choices=WarehouseKind.choices)
    address = forms.CharField(label=_("Address"), required=False, max_length=200)
    bins = forms.CharField(
        label=_("Storage bins"),
        required=False,
        help_text=_("A code pattern with ranges, e.g. A-{01..04}-{01..05}"),
    )
