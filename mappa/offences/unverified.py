"""What in the offence catalogue has not yet been checked against the legislation.

Pure Python. The catalogue (`catalogue.py`) re-exports these sets; the eligibility reason says
when an unchecked Schedule 3 condition decides a notification requirement. Remove a code only
after reading its paragraph's current text, and update docs/register.md "Known gaps" with it.
"""

from __future__ import annotations

# Schedule 3 entries whose conditions have not yet been checked against the published text of
# the Act (legislation.gov.uk, ukpga/2003/42/schedule/3): they are a reading of the Act as
# amended, and the eligibility reason says so (`people.eligibility.offence_facts`). Paragraphs 1 to 11,
# 29A to 29C (as inserted by S.I. 2007/296 art. 2(2)) and 35C were checked. Remove a code from
# here only after reading its paragraph's current text.
UNVERIFIED = frozenset(
    {
        "CLA1977/s54",  # para 12: text cut off in the copy read; listed unconditionally
        "PCA1978/s1",  # para 13
        "CEMA1979/s170",  # para 14
        "CJA1988/s160",  # para 15
        "SOAA2000/s3",  # para 16
        "SOA2003/s1",  # para 17
        "SOA2003/s2",  # para 17
        "SOA2003/s3",  # para 18
        "SOA2003/s4",  # para 19
        "SOA2003/s5",  # para 19
        "SOA2003/s6",  # para 19
        "SOA2003/s7",  # para 20
        "SOA2003/s8",  # para 21
        "SOA2003/s9",  # para 21
        "SOA2003/s10",  # para 21
        "SOA2003/s11",  # para 21
        "SOA2003/s12",  # para 21
        "SOA2003/s13",  # para 22
        "SOA2003/s14",  # para 23
        "SOA2003/s15",  # para 24
        "SOA2003/s15A",  # para 24A
        "SOA2003/s16",  # para 25
        "SOA2003/s17",  # para 25
        "SOA2003/s18",  # para 25
        "SOA2003/s19",  # para 25
        "SOA2003/s25",  # para 26
        "SOA2003/s26",  # para 26
        "SOA2003/s30",  # para 27
        "SOA2003/s31",  # para 27
        "SOA2003/s32",  # para 27
        "SOA2003/s33",  # para 27
        "SOA2003/s34",  # para 27
        "SOA2003/s35",  # para 27
        "SOA2003/s36",  # para 27
        "SOA2003/s37",  # para 27
        "SOA2003/s38",  # para 28
        "SOA2003/s39",  # para 28
        "SOA2003/s40",  # para 28
        "SOA2003/s41",  # para 28
        "SOA2003/s47",  # para 29
        "SOA2003/s61",  # para 30
        "SOA2003/s62",  # para 31
        "SOA2003/s63",  # para 31
        "SOA2003/s64",  # para 32
        "SOA2003/s65",  # para 32
        "SOA2003/s66",  # para 33 (the Northern Ireland twin, para 90, was read and matches)
        "SOA2003/s66A",  # para 33A (modelled on the NI twin, para 92VB: sexual purpose only)
        "SOA2003/s66B(3)",  # para 33B
        "SOA2003/s67",  # para 34
        "SOA2003/s67A",  # para 34A (modelled on the NI twin, para 92VA: sexual purpose only)
        "SOA2003/s69",  # para 35
        "SOA2003/s70",  # para 35
        "CJIA2008/s63",  # para 35A (the twin, para 92A, was read and matches)
        "CJA2009/s62",  # para 35B
    }
)

# Schedule 15 entries (CJA 2003, Parts 1, 2 and 3) whose part, paragraph number and title have
# not been checked against the text of the Act. Read so far:
# - Part 1 paragraphs 1 to 21 (legislation.gov.uk, ukpga/2003/44/schedule/15, the Schedule as at
#   2019-04-12 and 2025-02-03);
# - Part 1 paragraphs 22 to 63 and Part 2 paragraphs 66 to 152 (92 is repealed): the revised
#   text "last updated 2024-10-22" in GitHub legalize-dev/legalize-uk, uk/ukpga-2003-44.md,
#   commit 6f670f89054a01ecd73215322d4170476983b189, a markdown copy of legislation.gov.uk.
#   That copy leaves out every inserted paragraph (22A, 48A, 60A, 60B, 63A onwards, 92A, 116A,
#   143A, 152A) and all of Part 3, so it confirms only the paragraphs it holds. It settles para
#   57 ("section 4 or 4A" of the PHA 1997) and paras 61 to 63 (FGMA 2003 ss.1 to 3).
# What is left follows the offence-code to Schedule 15 mapping supplied by HMCTS to the Ministry
# of Justice (GitHub ministryofjustice/hmpps-manage-offences-api,
# src/main/resources/migration/common/V38__schedule_15_to_offence_mappings.sql, 2023-09-27),
# a government data set, not the statute; it lists only paragraphs that have an offence code.
# Those entries are marked "HMCTS" below.
SCHEDULE_15_UNVERIFIED = frozenset(
    {
        "ESA1883/s4",  # Part 1 para 22A
        "RTA1988/s3ZC",  # Part 1 para 48A (HMCTS)
        "ACSA2001/s47",  # Part 1 para 60A (HMCTS)
        "ACSA2001/s50",  # Part 1 para 60B (HMCTS)
        "DVCVA2004/s5",  # Part 1 para 63A
        "MSA2015/s1",  # Part 1 para 63G (HMCTS; was 63E)
        "MSA2015/s2",  # Part 1 para 63H and Part 2 para 152A (HMCTS; was 63F)
        "SCA2015/s75A",  # Part 1 para 63FA (HMCTS; was 63G)
        "SOA1956/s33A",  # Part 2 para 92A (HMCTS)
        "SOA2003/s15A",  # Part 2 para 116A (HMCTS)
        "SOA2003/s59A",  # Part 2 para 143A (HMCTS)
        "TA2000/s11",  # Part 3 para 154 (HMCTS)
        "TA2000/s12",  # Part 3 para 155 (HMCTS)
        "TA2000/s54",  # Part 3 para 156 (HMCTS)
        "TA2000/s56",  # Part 3 para 157 (HMCTS)
        "TA2000/s57",  # Part 3 para 158 (HMCTS)
        "TA2000/s58",  # Part 3 para 159 (HMCTS)
        "TA2000/s58A",  # Part 3 para 160 (HMCTS)
        "TA2000/s58B",  # Part 3 para 161 (HMCTS)
        "TA2000/s59",  # Part 3 para 162 (HMCTS)
        "ACSA2001/s113",  # Part 3 para 165 (HMCTS)
        "TA2006/s1",  # Part 3 para 166 (HMCTS)
        "TA2006/s2",  # Part 3 para 167 (HMCTS)
        "TA2006/s5",  # Part 3 para 168 (HMCTS)
        "TA2006/s6",  # Part 3 para 169 (HMCTS)
        "TA2006/s8",  # Part 3 para 170 (HMCTS)
        "TA2006/s9",  # Part 3 para 171 (HMCTS)
        "TA2006/s10",  # Part 3 para 172 (HMCTS)
        "TA2006/s11",  # Part 3 para 173 (HMCTS)
    }
)

# CJA 2003 s.327(4A), read in full (legalize-dev/legalize-uk, uk/ukpga-2003-44.md, commit
# 6f670f89054a01ecd73215322d4170476983b189, text last updated 2024-10-22; re-read 2026-12-04):
# "(a) an offence under section 1 of the Child Abduction Act 1984 (abduction of child by parent);
# (b) an offence under section 4 of the Asylum and Immigration (Treatment of Claimants, etc) Act
# 2004 (trafficking people for exploitation), where the offence is committed against a child;
# (c) an offence under section 4(3) of the Misuse of Drugs Act 1971 where the offence is committed
# by (i) supplying or offering to supply a Class A drug to a child, (ii) being concerned in the
# supplying of such a drug to a child, or (iii) being concerned in the making to a child of an
# offer to supply such a drug"; (d) to (f) aiding, abetting, counselling, procuring or inciting,
# conspiring and attempting (recorded, as elsewhere, under the substantive offence's code).
# s.327(6): "child" means a person under 18. MDA 1971 s.4(3) read in the same repository
# (uk/ukpga-1971-38.md): (a) supply or offer to supply, (b) being concerned in the supplying,
# (c) being concerned in the making of an offer to supply. Every paragraph is in s327_4a.json:
# (b) and (c) with the facts they need (victim_age, drug_class; docs/decisions/0015), so a
# conviction counts for category 2 only where those facts are recorded and met.
S327_4A_COMPLETE = True
S327_4A_NOT_ENCODED: dict[str, str] = {}
