import pytest
from django.core.management import CommandError, call_command

from jxc.inventory import services
from jxc.inventory.models import BinStock

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db


def test_check_passes_then_reports_drift(capsys):
    sku = make_sku("CHK-1")
    wh, bins = make_warehouse("CK")
    services.stock_receive(actor=None, sku=sku, warehouse=wh, quantity=4, bin_obj=bins[0])
    call_command("inventory", "check")
    assert "no drift" in capsys.readouterr().out
    BinStock.objects.filter(sku=sku).update(quantity=3)  # someone edited the table by hand
    with pytest.raises(CommandError, match="1 drift"):
        call_command("inventory", "check")
    assert "bins_vs_on_hand" in capsys.readouterr().out
