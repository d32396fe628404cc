"""Fills the database with a deterministic set of flows and identification stages."""
import random
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction

from stages.models import Flow, IdentificationStage

WORDS = ["default", "Login", "enrollment", "recovery", "Passwordless", "guest", "admin", "partner",
         "internal", "Legacy", "mobile", "kiosk", "sso", "ldap", "Backup"]


class Command(BaseCommand):
    help = "Seed flows and identification stages (same seed, same rows)."

    def add_arguments(self, parser):
        parser.add_argument("--stages", type=int, default=45)
        parser.add_argument("--seed", type=int, default=7)

    @transaction.atomic
    def handle(self, *args, stages, seed, **options):
        rng = random.Random(seed)

        def some_uuid():
            return uuid.UUID(int=rng.getrandbits(128), version=4)

        designations = [choice for choice, _ in Flow._meta.get_field("designation").choices]
        flows = []
        for index in range(6):
            slug = f"flow-{index}-{rng.choice(WORDS).lower()}"
            flows.append(
                Flow.objects.create(
                    flow_uuid=some_uuid(),
                    name=f"Flow {index}",
                    slug=slug,
                    title=f"Welcome to flow {index}",
                    designation=rng.choice(designations),
                    compatibility_mode=rng.random() < 0.3,
                )
            )
        # Small pools so that filtering by a value seen in one item matches several.
        password_stages = [some_uuid() for _ in range(3)]
        captcha_stages = [some_uuid() for _ in range(2)]
        flow_refs = [flow.flow_uuid for flow in flows]
        sources = [some_uuid() for _ in range(4)]
        names = set()
        while len(names) < stages:
            names.add(f"{rng.choice(WORDS)}-{rng.choice(WORDS)} identification {rng.randrange(1000)}")
        for name in sorted(names):
            stage = IdentificationStage.objects.create(
                stage_uuid=some_uuid(),
                name=name,
                user_fields=rng.sample(["email", "username", "upn"], rng.randrange(4)),
                password_stage=rng.choice(password_stages + [None]),
                captcha_stage=rng.choice(captcha_stages + [None, None]),
                case_insensitive_matching=rng.random() < 0.7,
                show_matched_user=rng.random() < 0.6,
                enrollment_flow=rng.choice(flow_refs + [None]),
                recovery_flow=rng.choice(flow_refs + [None, None]),
                passwordless_flow=rng.choice([None, None, None] + flow_refs[:2]),
                sources=[str(s) for s in rng.sample(sources, rng.randrange(3))],
                show_source_labels=rng.random() < 0.4,
                pretend_user_exists=rng.random() < 0.8,
                enable_remember_me=rng.random() < 0.3,
            )
            stage.flows.set(rng.sample(flows, rng.randrange(3)))
        self.stdout.write(f"seeded {len(flows)} flows and {stages} identification stages")
