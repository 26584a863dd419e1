"""The risk app's forms: `assessments` (RoSH), `plans` (the risk management plan) and
`conditions` (licence conditions)."""
