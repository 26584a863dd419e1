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
# not been checked against the published text (legislation.gov.uk, ukpga/2003/44/schedule/15):
# only Part 1 paragraphs 1 to 21 could be read (the Schedule as at 2019-04-12 and 2025-02-03).
# The rest follow the offence-code to Schedule 15 mapping supplied by HMCTS to the Ministry of
# Justice (GitHub ministryofjustice/hmpps-manage-offences-api,
# src/main/resources/migration/common/V38__schedule_15_to_offence_mappings.sql, 2023-09-27),
# a government data set, not the statute; it lists only paragraphs that have an offence code.
# The paragraphs added from it, and the numbers changed to agree with it (FGMA 2003 ss.1-3, MSA
# 2015 ss.1-2, SCA 2015 s.75A, PHA 1997 s.4A), are marked "HMCTS" below.
SCHEDULE_15_UNVERIFIED = frozenset(
    {
        "ESA1883/s3",  # Part 1 para 22
        "ESA1883/s4",  # Part 1 para 22A
        "ILPA1929/s1",  # Part 1 para 23
        "CYPA1933/s1",  # Part 1 para 24
        "IA1938/s1",  # Part 1 para 25
        "FA1968/s16",  # Part 1 para 26
        "FA1968/s16A",  # Part 1 para 27
        "FA1968/s17(1)",  # Part 1 para 28
        "FA1968/s17(2)",  # Part 1 para 29
        "FA1968/s18",  # Part 1 para 30
        "TA1968/s8",  # Part 1 para 31
        "TA1968/s9",  # Part 1 para 32 and Part 2 para 97 (HMCTS)
        "TA1968/s10",  # Part 1 para 33
        "TA1968/s12A",  # Part 1 para 34
        "CDA1971/s1(3)",  # Part 1 para 35
        "CDA1971/s1(2)",  # Part 1 para 36
        "THA1982/s1",  # Part 1 para 37
        "ASA1982/s1",  # Part 1 para 38
        "ASA1982/s2",  # Part 1 para 39
        "ASA1982/s3",  # Part 1 para 40
        "ASA1982/s4",  # Part 1 para 41
        "MHA1983/s127",  # Part 1 para 42
        "PFCA1985/s1",  # Part 1 para 43
        "POA1986/s1",  # Part 1 para 44
        "POA1986/s2",  # Part 1 para 45
        "POA1986/s3",  # Part 1 para 46
        "CJA1988/s134",  # Part 1 para 47
        "RTA1988/s1",  # Part 1 para 48
        "RTA1988/s3A",  # Part 1 para 49
        "RTA1988/s3ZC",  # Part 1 para 48A (HMCTS)
        "AMSA1990/s1",  # Part 1 para 50
        "AMSA1990/s9",  # Part 1 para 51
        "AMSA1990/s10",  # Part 1 para 52
        "AMSA1990/s11",  # Part 1 para 53
        "AMSA1990/s12",  # Part 1 para 54
        "AMSA1990/s13",  # Part 1 para 55
        "CTSO1994/s4",  # Part 1 para 56
        "CTSO1994/s5",  # Part 1 para 56
        "CTSO1994/s6",  # Part 1 para 56
        "CTSO1994/s7",  # Part 1 para 56
        "CTSO1994/s8",  # Part 1 para 56
        "PHA1997/s4",  # Part 1 para 57
        "PHA1997/s4A",  # Part 1 para 57 (HMCTS; was 57A)
        "CDA1998/s29",  # Part 1 para 58
        "CDA1998/s31",  # Part 1 para 59
        "ICCA2001/s51",  # Part 1 para 60 (HMCTS)
        "ICCA2001/s52",  # Part 1 para 60 (HMCTS)
        "ACSA2001/s47",  # Part 1 para 60A (HMCTS)
        "ACSA2001/s50",  # Part 1 para 60B (HMCTS)
        "DVCVA2004/s5",  # Part 1 para 63A
        "FGMA2003/s1",  # Part 1 para 61 (HMCTS; was 63B)
        "FGMA2003/s2",  # Part 1 para 62 (HMCTS; was 63C)
        "FGMA2003/s3",  # Part 1 para 63 (HMCTS; was 63D)
        "MSA2015/s1",  # Part 1 para 63G (HMCTS; was 63E)
        "MSA2015/s2",  # Part 1 para 63H and Part 2 para 152A (HMCTS; was 63F)
        "SCA2015/s75A",  # Part 1 para 63FA (HMCTS; was 63G)
        "SOA1956/s1",  # Part 2 para 66
        "SOA1956/s2",  # Part 2 para 67
        "SOA1956/s3",  # Part 2 para 68
        "SOA1956/s4",  # Part 2 para 69
        "SOA1956/s5",  # Part 2 para 70
        "SOA1956/s6",  # Part 2 para 71
        "SOA1956/s7",  # Part 2 para 72
        "SOA1956/s9",  # Part 2 para 73
        "SOA1956/s10",  # Part 2 para 74
        "SOA1956/s11",  # Part 2 para 75
        "SOA1956/s14",  # Part 2 para 76
        "SOA1956/s15",  # Part 2 para 77
        "SOA1956/s16",  # Part 2 para 78
        "SOA1956/s17",  # Part 2 para 79
        "SOA1956/s19",  # Part 2 para 80
        "SOA1956/s20",  # Part 2 para 81
        "SOA1956/s21",  # Part 2 para 82
        "SOA1956/s22",  # Part 2 para 83
        "SOA1956/s23",  # Part 2 para 84
        "SOA1956/s24",  # Part 2 para 85
        "SOA1956/s25",  # Part 2 para 86
        "SOA1956/s26",  # Part 2 para 87
        "SOA1956/s27",  # Part 2 para 88
        "SOA1956/s28",  # Part 2 para 89
        "SOA1956/s29",  # Part 2 para 90
        "SOA1956/s32",  # Part 2 para 91
        "SOA1956/s33A",  # Part 2 para 92A (HMCTS)
        "MHA1959/s128",  # Part 2 para 93
        "ICA1960/s1",  # Part 2 para 94
        "SOA1967/s4",  # Part 2 para 95
        "SOA1967/s5",  # Part 2 para 96
        "CLA1977/s54",  # Part 2 para 98
        "PCA1978/s1",  # Part 2 para 99
        "CEMA1979/s170",  # Part 2 para 100
        "CJA1988/s160",  # Part 2 para 101
        "SOA2003/s1",  # Part 2 para 102
        "SOA2003/s2",  # Part 2 para 103
        "SOA2003/s3",  # Part 2 para 104
        "SOA2003/s4",  # Part 2 para 105
        "SOA2003/s5",  # Part 2 para 106
        "SOA2003/s6",  # Part 2 para 107
        "SOA2003/s7",  # Part 2 para 108
        "SOA2003/s8",  # Part 2 para 109
        "SOA2003/s9",  # Part 2 para 110
        "SOA2003/s10",  # Part 2 para 111
        "SOA2003/s11",  # Part 2 para 112
        "SOA2003/s12",  # Part 2 para 113
        "SOA2003/s13",  # Part 2 para 114
        "SOA2003/s14",  # Part 2 para 115
        "SOA2003/s15",  # Part 2 para 116
        "SOA2003/s15A",  # Part 2 para 116A (HMCTS)
        "SOA2003/s16",  # Part 2 para 117
        "SOA2003/s17",  # Part 2 para 118
        "SOA2003/s18",  # Part 2 para 119
        "SOA2003/s19",  # Part 2 para 120
        "SOA2003/s25",  # Part 2 para 121
        "SOA2003/s26",  # Part 2 para 122
        "SOA2003/s30",  # Part 2 para 123
        "SOA2003/s31",  # Part 2 para 124
        "SOA2003/s32",  # Part 2 para 125
        "SOA2003/s33",  # Part 2 para 126
        "SOA2003/s34",  # Part 2 para 127
        "SOA2003/s35",  # Part 2 para 128
        "SOA2003/s36",  # Part 2 para 129
        "SOA2003/s37",  # Part 2 para 130
        "SOA2003/s38",  # Part 2 para 131
        "SOA2003/s39",  # Part 2 para 132
        "SOA2003/s40",  # Part 2 para 133
        "SOA2003/s41",  # Part 2 para 134
        "SOA2003/s47",  # Part 2 para 135
        "SOA2003/s48",  # Part 2 para 136
        "SOA2003/s49",  # Part 2 para 137
        "SOA2003/s50",  # Part 2 para 138
        "SOA2003/s52",  # Part 2 para 139
        "SOA2003/s53",  # Part 2 para 140
        "SOA2003/s57",  # Part 2 para 141 (HMCTS)
        "SOA2003/s58",  # Part 2 para 142 (HMCTS)
        "SOA2003/s59",  # Part 2 para 143 (HMCTS)
        "SOA2003/s59A",  # Part 2 para 143A (HMCTS)
        "SOA2003/s61",  # Part 2 para 144
        "SOA2003/s62",  # Part 2 para 145
        "SOA2003/s63",  # Part 2 para 146
        "SOA2003/s64",  # Part 2 para 147
        "SOA2003/s65",  # Part 2 para 148
        "SOA2003/s66",  # Part 2 para 149
        "SOA2003/s67",  # Part 2 para 150
        "SOA2003/s69",  # Part 2 para 151
        "SOA2003/s70",  # Part 2 para 152
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

# CJA 2003 s.327(4A): only its first item, CAA 1984 s.1, has been read (legislation.gov.uk,
# ukpga/2003/44/section/327 as at 2018-04-02, cut off after it); the rest of the list is not in
# s327_4a.json, so those offences do not yet count for category 2.
S327_4A_COMPLETE = False
