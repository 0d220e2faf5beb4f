"""The ledger is append-only: the database itself refuses UPDATE and DELETE of stock moves."""

from django.db import migrations

TABLE = "inventory_stockmove"
MESSAGE = "stock moves are append-only: post a compensating move instead"

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION jxc_stockmove_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stockmove_no_update BEFORE UPDATE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION jxc_stockmove_append_only();
CREATE TRIGGER stockmove_no_delete BEFORE DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION jxc_stockmove_append_only();
"""
POSTGRES_DOWN = f"""
DROP TRIGGER IF EXISTS stockmove_no_update ON {TABLE};
DROP TRIGGER IF EXISTS stockmove_no_delete ON {TABLE};
DROP FUNCTION IF EXISTS jxc_stockmove_append_only();
"""
SQLITE_UP = [
    f"CREATE TRIGGER stockmove_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER stockmove_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS stockmove_no_update;",
    "DROP TRIGGER IF EXISTS stockmove_no_delete;",
]


def up(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_UP:
            schema_editor.execute(statement)


def down(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("inventory", "0001_initial")]
    operations = [migrations.RunPython(up, down)]
