import pytest

from jxc.accounts.models import AuditEntry


@pytest.mark.django_db
def test_make_user_gets_role_and_audit(make_user):
    user = make_user("purchaser", username="li")
    assert user.has_perm("accounts.view_purchasing")
    assert not user.has_perm("accounts.view_orders")
    assert AuditEntry.objects.filter(object_id=str(user.pk), action="create").count() == 1
