# The optional offence fields of docs/decisions/0009.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offences", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="conviction",
            name="sexual_gratification_purpose",
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="conviction",
            name="consecutive_group",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name="conviction",
            name="detention_and_training_order",
            field=models.BooleanField(default=False),
        ),
    ]
