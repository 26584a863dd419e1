"""The meetings app's forms: `meetings` (series, meetings, agendas, invitations, attendance)
and `minutes` (case minutes, decisions, disclosures, actions, onward sharing)."""
