"""Every change the MARAC app makes (keyword-only arguments, a required actor, one transaction
with its audit event), one module per part of the work: `dash` (DASH checklists and the
referral made from one), `meetings`, `casework` (participants, the IDVA, safety plans,
actions), `linking` (the link with MAPPA) and `statistics` (recording an export). Import the
module you use."""
