"""Every change the meetings app makes (keyword-only arguments, a required actor, one
transaction with its audit event), one module per part of the work: `scheduling` (series,
meetings and agendas), `invitations`, `attendance`, `minutes` (with `carry_over`, what new
minutes start from), `approval`, `circulation` and `sharing`. Import the module you use."""
