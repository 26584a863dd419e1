"""Reads scoped to the acting user: `meetings` (series, meetings, agendas, invitations) and
`minutes` (minutes, case minutes, onward shares). Import the module you use."""
