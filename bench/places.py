"""Places for synthetic addresses: postcode districts in England and Wales, with their post
towns and approximate centres, and street names.

Postcodes are UK-shaped ("MK42 8PP": a real outward code, a digit and two letters from
the inward-code alphabet) but are not checked against the Postcode Address File; the
street, number and inward code are drawn at random, so an address is unlikely to exist.
"""

from __future__ import annotations

# (outward code, post town, latitude, longitude), roughly south-east to north-west.
# fmt: off
DISTRICTS = (
    ("MK40", "Bedford", 52.136, -0.467), ("MK41", "Bedford", 52.152, -0.452),
    ("MK42", "Bedford", 52.118, -0.466), ("LU1", "Luton", 51.878, -0.420),
    ("LU4", "Luton", 51.895, -0.460), ("MK9", "Milton Keynes", 52.041, -0.760),
    ("NN1", "Northampton", 52.238, -0.890), ("NN5", "Northampton", 52.245, -0.930),
    ("SG1", "Stevenage", 51.903, -0.200), ("AL1", "St Albans", 51.750, -0.336),
    ("CB1", "Cambridge", 52.197, 0.135), ("PE1", "Peterborough", 52.580, -0.240),
    ("NR2", "Norwich", 52.630, 1.280), ("IP1", "Ipswich", 52.060, 1.140),
    ("CO1", "Colchester", 51.889, 0.904), ("CM1", "Chelmsford", 51.736, 0.470),
    ("SS1", "Southend-on-Sea", 51.540, 0.710), ("E1", "London", 51.517, -0.060),
    ("E15", "London", 51.540, 0.000), ("N17", "London", 51.597, -0.070),
    ("N7", "London", 51.553, -0.117), ("NW10", "London", 51.543, -0.247),
    ("SE15", "London", 51.470, -0.065), ("SE18", "London", 51.480, 0.070),
    ("SW9", "London", 51.466, -0.118), ("SW16", "London", 51.420, -0.127),
    ("W12", "London", 51.510, -0.230), ("CR0", "Croydon", 51.375, -0.090),
    ("RM8", "Dagenham", 51.556, 0.130), ("IG1", "Ilford", 51.560, 0.070),
    ("UB3", "Hayes", 51.510, -0.420), ("HA0", "Wembley", 51.550, -0.300),
    ("EN3", "Enfield", 51.660, -0.030), ("BR1", "Bromley", 51.400, 0.020),
    ("ME7", "Gillingham", 51.385, 0.550), ("CT9", "Margate", 51.385, 1.380),
    ("TN34", "Hastings", 50.860, 0.580), ("BN2", "Brighton", 50.830, -0.120),
    ("BN3", "Hove", 50.830, -0.170), ("PO1", "Portsmouth", 50.800, -1.090),
    ("SO14", "Southampton", 50.905, -1.400), ("BH1", "Bournemouth", 50.720, -1.870),
    ("RG1", "Reading", 51.455, -0.970), ("SL1", "Slough", 51.510, -0.600),
    ("OX4", "Oxford", 51.735, -1.210), ("SN1", "Swindon", 51.560, -1.780),
    ("GU11", "Aldershot", 51.250, -0.760), ("BS5", "Bristol", 51.460, -2.560),
    ("BS13", "Bristol", 51.410, -2.610), ("BA1", "Bath", 51.380, -2.360),
    ("GL1", "Gloucester", 51.860, -2.240), ("EX4", "Exeter", 50.730, -3.530),
    ("PL4", "Plymouth", 50.370, -4.130), ("TR1", "Truro", 50.260, -5.050),
    ("TA1", "Taunton", 51.015, -3.100), ("B23", "Birmingham", 52.530, -1.840),
    ("B10", "Birmingham", 52.470, -1.850), ("B33", "Birmingham", 52.480, -1.770),
    ("CV1", "Coventry", 52.410, -1.510), ("CV6", "Coventry", 52.430, -1.500),
    ("WV10", "Wolverhampton", 52.610, -2.120), ("WS1", "Walsall", 52.580, -1.980),
    ("DY1", "Dudley", 52.510, -2.080), ("ST4", "Stoke-on-Trent", 53.000, -2.180),
    ("TF3", "Telford", 52.670, -2.440), ("WR5", "Worcester", 52.180, -2.200),
    ("HR1", "Hereford", 52.060, -2.710), ("SY1", "Shrewsbury", 52.710, -2.750),
    ("NG7", "Nottingham", 52.950, -1.170), ("NG5", "Nottingham", 52.990, -1.150),
    ("DE23", "Derby", 52.900, -1.490), ("LE2", "Leicester", 52.620, -1.120),
    ("LE4", "Leicester", 52.660, -1.130), ("LN1", "Lincoln", 53.230, -0.550),
    ("DN1", "Doncaster", 53.520, -1.130), ("S2", "Sheffield", 53.370, -1.460),
    ("S5", "Sheffield", 53.410, -1.460), ("S60", "Rotherham", 53.430, -1.350),
    ("LS9", "Leeds", 53.800, -1.510), ("LS11", "Leeds", 53.780, -1.550),
    ("BD3", "Bradford", 53.800, -1.730), ("BD8", "Bradford", 53.800, -1.780),
    ("HD1", "Huddersfield", 53.645, -1.780), ("WF1", "Wakefield", 53.680, -1.490),
    ("HX1", "Halifax", 53.720, -1.860), ("HU3", "Hull", 53.740, -0.360),
    ("YO10", "York", 53.950, -1.060), ("TS1", "Middlesbrough", 54.570, -1.240),
    ("DL1", "Darlington", 54.520, -1.550), ("SR4", "Sunderland", 54.900, -1.420),
    ("NE6", "Newcastle upon Tyne", 54.980, -1.570), ("NE4", "Newcastle upon Tyne", 54.970, -1.640),
    ("DH1", "Durham", 54.780, -1.570), ("CA1", "Carlisle", 54.890, -2.920),
    ("LA1", "Lancaster", 54.050, -2.800), ("FY1", "Blackpool", 53.815, -3.050),
    ("PR1", "Preston", 53.760, -2.700), ("BB1", "Blackburn", 53.750, -2.480),
    ("BL1", "Bolton", 53.580, -2.430), ("M8", "Manchester", 53.510, -2.230),
    ("M14", "Manchester", 53.450, -2.220), ("M40", "Manchester", 53.510, -2.200),
    ("OL1", "Oldham", 53.540, -2.110), ("SK1", "Stockport", 53.410, -2.155),
    ("WN1", "Wigan", 53.550, -2.630), ("WA1", "Warrington", 53.390, -2.590),
    ("L4", "Liverpool", 53.440, -2.960), ("L8", "Liverpool", 53.390, -2.960),
    ("CH41", "Birkenhead", 53.390, -3.030), ("CW1", "Crewe", 53.100, -2.440),
    ("CF24", "Cardiff", 51.490, -3.160), ("CF5", "Cardiff", 51.480, -3.230),
    ("NP20", "Newport", 51.590, -3.000), ("SA1", "Swansea", 51.620, -3.940),
    ("LL11", "Wrexham", 53.050, -3.000), ("LL57", "Bangor", 53.230, -4.130),
    ("SA31", "Carmarthen", 51.860, -4.310), ("CF37", "Pontypridd", 51.600, -3.340),
    ("LD1", "Llandrindod Wells", 52.240, -3.380), ("SA61", "Haverfordwest", 51.800, -4.970),
)

WELSH_AREAS = frozenset({"CF", "NP", "SA", "LL", "LD"})

# Letters used in the inward code (Royal Mail never uses C, I, K, M, O or V there).
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

STREET_STEMS = (
    "Mill", "Church", "Station", "Park", "Victoria", "Queens", "Kings", "Albert", "Green",
    "Manor", "Grange", "Chapel", "School", "New", "Springfield", "Westfield", "Mount Pleasant",
    "Windsor", "Orchard", "Meadow", "Beech", "Oak", "Elm", "Ash", "Willow", "Cedar", "Holly",
    "Birch", "Hawthorn", "Chestnut", "Sycamore", "Rose", "Laburnum", "Clarence", "Stanley",
    "Alexandra", "York", "Richmond", "Cromwell", "Nelson", "Wellington", "Marlborough",
    "Shakespeare", "Milton", "Byron", "Tennyson", "Canal", "Bridge", "Brook", "Fairfield",
    "Highfield", "Woodland", "Hillside", "Valley", "Riverside", "North", "South", "East", "West",
    "Coronation", "Jubilee", "St John's", "St Mary's", "Princess", "Albion", "Market",
    "Garden", "Cemetery", "Forest", "Railway", "Spring", "Castle", "Abbey", "Priory",
    "Derwent", "Pennine", "Thames", "Severn", "Trent", "Lime", "Poplar", "Hazel", "Rowan",
)

# (suffix, weight)
STREET_SUFFIXES = (
    ("Road", 30), ("Street", 20), ("Lane", 8), ("Avenue", 8), ("Close", 8), ("Drive", 6),
    ("Way", 4), ("Crescent", 4), ("Gardens", 3), ("Court", 3), ("Place", 2), ("Terrace", 2),
    ("Grove", 2), ("Walk", 1), ("View", 1),
)

WELSH_STREETS = (
    "Heol y Felin", "Heol Newydd", "Ffordd yr Eglwys", "Stryd Fawr", "Heol yr Orsaf",
    "Ffordd y Parc", "Heol y Bryn", "Maes y Coed", "Heol Las", "Cae Mawr", "Ffordd Penrhyn",
    "Heol Hir", "Llys y Dderwen", "Ffordd Glan y Môr",
)

BLOCK_NAMES = (
    "Nelson House", "Victoria Court", "Kingfisher House", "Park View", "Chaucer House",
    "Wellington Court", "Riverside Court", "Canal View", "Churchill House", "Beacon Tower",
    "Mill Court", "Orchard House", "Jubilee Court", "Meridian House", "Priory Court",
)
# fmt: on
