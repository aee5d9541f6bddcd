"""A small Zoom Contact Center in Python: the same center as examples/contact-center-yaml."""
import pulumi
import pulumi_zcc as zcc

# Agents are the account's users, found by email (the emulator's seeded users; use your own).
agents = [zcc.get_user(email=email).user_id for email in ("ada.lovelace1@example.com", "ben.okafor2@example.com")]

languages = zcc.SkillCategory("languages", name="Spoken languages", skill_type="proficiency", max_proficiency_level=5)
zcc.Skill("english", name="English", skill_category_id=languages.skill_category_id)

office_hours = zcc.BusinessHours(
    "officeHours",
    name="Office hours",
    timezone="Europe/Berlin",
    hours={
        "hourType": "custom",
        "customHours": [
            {"dayOfWeek": day, "customHourType": "hours", "customHourRanges": [{"startTime": "08:00", "endTime": "18:00"}]}
            for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
        ],
    },
)
support = zcc.Queue("support", name="Support", channel="voice", max_wait_time=300, service_level_target_in_percentage=80)
zcc.QueueOperatingHours("supportHours", queue_id=support.queue_id, business_hour_id=office_hours.business_hour_id)
zcc.QueueMembers("supportAgents", queue_id=support.queue_id, user_ids=agents)
resolved = zcc.Disposition("resolved", name="Resolved", description="Nothing more to do")
zcc.QueueDispositions("supportWrapUp", queue_id=support.queue_id, disposition_ids=[resolved.disposition_id])

pulumi.export("supportQueueId", support.queue_id)
