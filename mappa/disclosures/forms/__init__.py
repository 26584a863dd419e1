"""The disclosures app's forms: `applications` (the schemes' questions, asked of the public or
recorded by staff), `stages` (each stage of working an application), `decisions` (the decision
and the disclosure made) and `answers` (what a submission's answers become)."""
