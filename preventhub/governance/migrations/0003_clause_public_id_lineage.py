"""Clauses get a public id (they are edited and removed by URL), a version (concurrent edits are
detected) and a lineage shared with their copies in later versions (versions are compared clause by
clause). Existing rows each get their own new UUIDs before the unique constraint is added."""

import uuid

import django.utils.timezone
from django.db import migrations, models


def fill_uuids(apps, schema_editor):
    Clause = apps.get_model("governance", "Clause")
    for clause in Clause.objects.all().only("pk").iterator():
        Clause.objects.filter(pk=clause.pk).update(public_id=uuid.uuid4(), lineage=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_body_ends_after_start"),
    ]

    operations = [
        migrations.AddField(
            model_name="clause",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="clause",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name="clause",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name="clause",
            name="public_id",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="clause",
            name="lineage",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="clause",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="clause",
            name="lineage",
            field=models.UUIDField(
                db_index=True,
                default=uuid.uuid4,
                editable=False,
                help_text="The same for a clause and its copies in later versions.",
            ),
        ),
        migrations.AlterField(
            model_name="clause",
            name="order",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="clause",
            index=models.Index(fields=["terms", "order"], name="clause_terms_order"),
        ),
    ]
