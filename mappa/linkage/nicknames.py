"""Common English forenames and the short forms people use for them.

Each short form maps to the formal name it stands for, so "Bill" and "William"
compare as the same name. A short form that serves several names (Alex,
Chris, Sam) maps to one of them: the comparison asks only whether two names
could be the same, and both sides are mapped the same way.
"""

NICKNAMES: dict[str, tuple[str, ...]] = {
    "abigail": ("abby", "abi", "gail"),
    "alexander": ("alex", "al", "sandy", "alec", "xander", "alexandra", "lexi", "alexa"),
    "andrew": ("andy", "drew"),
    "anthony": ("tony", "ant"),
    "benjamin": ("ben", "benny", "benji"),
    "catherine": ("cathy", "kate", "katie", "cath", "kathryn", "katherine", "kat", "kay"),
    "charles": ("charlie", "chas", "chuck"),
    "charlotte": ("lottie", "charly"),
    "christopher": ("chris", "kit", "christine", "chrissy", "christina", "tina"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davy", "davie"),
    "deborah": ("debbie", "deb", "debra"),
    "dorothy": ("dot", "dotty", "dolly"),
    "edward": ("ed", "eddie", "ted", "teddy", "ned"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "bet", "eliza", "libby", "lisa", "elsie"),
    "frederick": ("fred", "freddie", "freddy"),
    "gregory": ("greg",),
    "harold": ("harry", "hal"),
    "henry": ("hank", "hal"),
    "isabella": ("bella", "izzy", "isabel"),
    "jacob": ("jake",),
    "james": ("jim", "jimmy", "jamie", "jas"),
    "jennifer": ("jen", "jenny", "jenni"),
    "john": ("jack", "johnny", "jon", "jonny"),
    "jonathan": ("jonty",),
    "joseph": ("joe", "joey", "jo"),
    "joshua": ("josh",),
    "katharine": ("kathy",),
    "lawrence": ("larry", "laurie"),
    "leonard": ("len", "lenny", "leo"),
    "margaret": ("maggie", "meg", "peggy", "marge", "madge", "greta", "margo"),
    "matthew": ("matt", "matty"),
    "michael": ("mike", "mick", "mickey", "micky", "mikey"),
    "nathaniel": ("nat", "nathan", "nate"),
    "nicholas": ("nick", "nicky", "nico"),
    "patricia": ("pat", "patty", "tricia", "trish"),
    "patrick": ("paddy", "pat"),
    "peter": ("pete",),
    "philip": ("phil", "pip", "phillip"),
    "rebecca": ("becky", "becca", "bex"),
    "richard": ("rich", "richie", "rick", "ricky", "dick"),
    "robert": ("rob", "robbie", "bob", "bobby", "bert"),
    "ronald": ("ron", "ronnie"),
    "samuel": ("sam", "sammy", "samantha"),
    "sarah": ("sara", "sally", "sadie"),
    "stephen": ("steve", "stevie", "steven"),
    "susan": ("sue", "susie", "suzy", "suzanne"),
    "terence": ("terry", "tel"),
    "thomas": ("tom", "tommy"),
    "timothy": ("tim", "timmy"),
    "victoria": ("vicky", "vikki", "tori"),
    "william": ("bill", "billy", "will", "willie", "liam"),
    "zachary": ("zach", "zack"),
}


def canonical_pairs() -> list[tuple[str, str]]:
    """(name, canonical) for every short form and formal name."""
    pairs = {formal: formal for formal in NICKNAMES}
    for formal, shorts in NICKNAMES.items():
        for short in shorts:
            pairs.setdefault(short, formal)
    return sorted(pairs.items())
