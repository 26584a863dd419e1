"""Names for synthetic nominals: surnames and forenames by heritage, most common first.

Each list is roughly in order of frequency in England and Wales, most common first
(the order is a judgement informed by published surname and baby-name counts, not
copied from a dataset), so `bench.generate` can weight it Zipf-like by rank. Names are grouped by heritage so that a person's forenames,
surname and recorded ethnicity hang together. British and Irish forenames are
split by birth cohort (born before 1965, 1965 to 1984, 1985 on), because the
John-David-Michael generation and the Jack-Callum-Liam generation differ.

Nothing here names a real person or case: combinations are drawn at random.
"""

from __future__ import annotations

OLD, MIDDLE, YOUNG = "old", "middle", "young"


def cohort(birth_year: int) -> str:
    if birth_year < 1965:
        return OLD
    if birth_year < 1985:
        return MIDDLE
    return YOUNG


# fmt: off
BRITISH_SURNAMES = (
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
    "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Jackson", "Wood", "Turner",
    "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
    "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker",
    "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Cook", "Carter", "Richardson",
    "Bailey", "Collins", "Bell", "Shaw", "Miller", "Cox", "Richards", "Marshall", "Anderson",
    "Simpson", "Ellis", "Adams", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers",
    "Gray", "Mason", "Hunt", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes",
    "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Dixon",
    "Harvey", "Graham", "Pearson", "Fletcher", "Gibson", "Howard", "Andrews", "Stewart",
    "Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks",
    "West", "Lawrence", "Cole", "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball",
    "Burton", "Watts", "Rose", "Booth", "Perry", "Wells", "Armstrong", "Francis", "Rees",
    "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster", "Hunter", "Gregory", "Carr",
    "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons", "Berry", "Stone", "Reid",
    "Holland", "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Oliver", "Reed",
    "Williamson", "Bird", "Gardner", "Dean", "Lane", "Cooke", "Bates", "Henderson", "Parry",
    "Burgess", "Bishop", "Walton", "Burns", "Nicholson", "Shepherd", "Ross", "Cross", "Long",
    "Freeman", "Warren", "Nicholls", "Hamilton", "Sutton", "McDonald", "Yates", "Hodgson",
    "Robson", "Curtis", "Hopkins", "Harper", "Coleman", "Watkins", "Moss", "Chambers",
    "Griffin", "Sharp", "Hardy", "Wheeler", "Potter", "Osborne", "Johnston", "Gordon",
    "Wallace", "George", "Jordan", "Hutchinson", "Rowe", "May", "Pritchard", "Gilbert",
    "Willis", "Higgins", "Read", "Miles", "Stevenson", "Stephenson", "Hammond", "Arnold",
    "Buckley", "Walters", "Hewitt", "Barber", "Nelson", "Slater", "Austin", "Whitehead",
    "Mann", "Frost", "Lambert", "Stephens", "Blake", "Goodwin", "Barton", "Woodward",
    "Thomson", "Cunningham", "Barnett", "Baxter", "Clayton", "Nash", "Greenwood", "Jennings",
    "Holt", "Kemp", "Poole", "Bond", "Stokes", "Tucker", "Davidson", "Fowler", "Heath",
    "Norman", "Middleton", "Lawson", "Banks", "French", "Stanley", "Jarvis", "Gibbs",
    "Ferguson", "Hayward", "Douglas", "Dickinson", "Todd", "Barlow", "Peters", "Lucas",
    "Knowles", "Hartley", "Simmons", "Morton", "Alexander", "Field", "Morrison", "Norris",
    "Townsend", "Preston", "Hancock", "Thornton", "Baldwin", "Burrows", "Briggs", "Storey",
    "Pike", "Howell", "Whittaker", "Sharpe", "Vaughan", "Sanderson", "Hargreaves", "Pugh",
    "Rowlands", "Bowen", "Howells", "Llewellyn", "Prosser", "Probert", "Meredith", "Jenkinson",
    "Ashton", "Bradshaw", "Charlton", "Dobson", "Farrell", "Fuller", "Garner", "Goddard",
    "Hale", "Hobbs", "Horton", "Howarth", "Ingram", "Jefferies", "Kirby", "Lamb", "Lord",
    "Lyons", "Mellor", "Metcalfe", "Nolan", "North", "Oakley", "Parkinson", "Pollard",
    "Randall", "Rhodes", "Rowley", "Sheppard", "Skinner", "Swift", "Tomlinson", "Tyler",
    "Vincent", "Wade", "Walsh", "Warner", "Weston", "Whitfield", "Wilkins", "Winter",
    "Wyatt", "Ackroyd", "Bancroft", "Blackburn", "Bolton", "Bullock", "Cartwright", "Crowther",
    "Dyson", "Entwistle", "Fairclough", "Greenhalgh", "Hepworth", "Holroyd", "Illingworth",
    "Kershaw", "Lister", "Mottram", "Ormerod", "Pickles", "Ramsbottom", "Sutcliffe",
    "Thwaite", "Uttley", "Whitworth", "Cadwallader", "Gwynne", "Maddocks", "Trevithick",
    "Penrose", "Tremayne", "Pascoe", "Chegwidden",
)

IRISH_SURNAMES = (
    "Murphy", "Kelly", "O'Brien", "Ryan", "Byrne", "Walsh", "O'Connor", "McCarthy", "Doyle",
    "Gallagher", "Quinn", "Kennedy", "Lynch", "Murray", "Brennan", "Sullivan", "O'Neill",
    "Burke", "Carroll", "Connolly", "Daly", "Fitzgerald", "Flanagan", "Flynn", "Hogan",
    "Kavanagh", "Keane", "McLaughlin", "Maguire", "Moran", "Nolan", "O'Donnell", "O'Reilly",
    "O'Sullivan", "Power", "Regan", "Sheridan", "Sweeney", "Tierney", "Ward", "Casey",
    "Cassidy", "Donnelly", "Duffy", "Farrelly", "McGuinness", "McMahon", "Mulligan",
    "Rafferty", "Reilly", "Whelan", "Boyle", "Coughlan", "Delaney", "McDonagh", "Joyce",
)

CARIBBEAN_SURNAMES = (
    "Campbell", "Brown", "Williams", "Clarke", "Henry", "Francis", "Thompson", "Grant",
    "Robinson", "Morgan", "Bailey", "Reid", "Gordon", "Lewis", "Edwards", "Forbes",
    "Spencer", "Samuels", "McKenzie", "Johnson", "Smith", "Simpson", "Stewart", "Richards",
    "Allen", "Bennett", "Christie", "Lindo", "Powell", "Wright", "Hylton", "Bryan",
    "Anglin", "Barrett", "Dacres", "Ebanks", "Gayle", "Grizzle", "Lawrence", "Nembhard",
    "Ormsby", "Palmer", "Salmon", "Thomas", "Walters", "Wint",
)

AFRICAN_SURNAMES = (
    "Mohamed", "Ahmed", "Hassan", "Ali", "Abdi", "Ibrahim", "Yusuf", "Osman", "Omar",
    "Okafor", "Adeyemi", "Mensah", "Osei", "Boateng", "Owusu", "Asante", "Adebayo",
    "Okonkwo", "Nwosu", "Ogunleye", "Oladipo", "Eze", "Balogun", "Adewale", "Afolabi",
    "Appiah", "Bello", "Chukwu", "Danso", "Kamara", "Koroma", "Mutasa", "Ndlovu", "Nkomo",
    "Obi", "Okoro", "Sesay", "Tembo", "Moyo", "Mwangi", "Kiprop", "Tesfaye", "Haile",
)

PAKISTANI_SURNAMES = (
    "Khan", "Hussain", "Ahmed", "Ali", "Mahmood", "Iqbal", "Akhtar", "Shah", "Mohammed",
    "Malik", "Butt", "Rashid", "Aslam", "Anwar", "Saleem", "Riaz", "Javed", "Sadiq",
    "Chaudhry", "Mirza", "Qureshi", "Raza", "Yousaf", "Younis", "Nawaz", "Bashir",
    "Hanif", "Latif", "Mehmood", "Rafiq", "Siddique", "Zaman", "Sharif", "Arshad",
    "Ashraf", "Ayub", "Farooq", "Habib", "Jamil", "Karim",
)

INDIAN_SURNAMES = (
    "Patel", "Singh", "Sharma", "Kumar", "Gill", "Sandhu", "Sidhu", "Dhillon", "Bains",
    "Mistry", "Parmar", "Shah", "Gupta", "Chauhan", "Rai", "Solanki", "Joshi", "Mehta",
    "Desai", "Atwal", "Johal", "Grewal", "Kandola", "Sahota", "Virdee", "Chohan", "Lad",
    "Naik", "Pandya", "Thakrar", "Varsani", "Kaur",
)

BANGLADESHI_SURNAMES = (
    "Miah", "Uddin", "Rahman", "Ahmed", "Islam", "Ali", "Hussain", "Hoque", "Khan",
    "Choudhury", "Begum", "Chowdhury", "Alam", "Haque", "Hossain", "Kabir", "Karim",
    "Mahmud", "Rahim", "Sarkar", "Talukder", "Amin", "Bhuiyan", "Sheikh",
)

EASTERN_EUROPEAN_SURNAMES = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
    "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
    "Michalski", "Nowicki", "Adamczyk", "Dudek", "Zając", "Wieczorek", "Jabłoński", "Król",
    "Majewski", "Olszewski", "Popescu", "Popa", "Ionescu", "Stan", "Dumitru", "Constantin",
    "Munteanu", "Georgescu", "Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius",
    "Vasiliauskas", "Bērziņš", "Kalniņš", "Ozols", "Horváth", "Nagy", "Tóth", "Ivanov",
    "Petrov", "Dimitrov", "Novák", "Dvořák", "Balogh", "Lakatos", "Kovács",
)

CHINESE_SURNAMES = (
    "Wang", "Li", "Zhang", "Chen", "Liu", "Wong", "Chan", "Cheung", "Lam", "Ho", "Ng",
    "Yang", "Huang", "Zhou", "Wu", "Lin", "Tang", "Leung", "Lau", "Tsang",
)

MIDDLE_EASTERN_SURNAMES = (
    "Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydin", "Ahmadi", "Karimi",
    "Hosseini", "Mohammadi", "Rezaei", "Abdullah", "Al-Hassan", "Haddad", "Hamid", "Saleh",
    "Mahmoud", "Rahimi", "Jaber", "Mustafa", "Aziz", "Barzani", "Amini",
)

# Forenames, most common first (for the cohort, among people born in England and Wales).
BRITISH_MALE = {
    OLD: (
        "John", "David", "Michael", "Peter", "Robert", "Alan", "Brian", "Anthony", "Paul",
        "Stephen", "Christopher", "Keith", "Colin", "Terence", "Kenneth", "Richard", "Roy",
        "Derek", "Graham", "Ian", "Geoffrey", "Raymond", "William", "James", "Barry",
        "Trevor", "Malcolm", "Dennis", "Roger", "Thomas", "Ronald", "Leslie", "Martin",
        "Philip", "Gordon", "Frederick", "Stanley", "Norman", "George", "Edward", "Charles",
        "Gerald", "Clive", "Francis", "Patrick", "Douglas", "Leonard", "Harold", "Arthur",
        "Donald", "Nigel", "Kevin", "Neil", "Melvyn", "Cyril", "Albert", "Eric", "Maurice",
        "Howard", "Glyn", "Dai", "Gwyn",
    ),
    MIDDLE: (
        "David", "Paul", "Mark", "Andrew", "Richard", "Stephen", "Michael", "Ian",
        "Christopher", "Darren", "Lee", "Gary", "Jason", "Martin", "Neil", "Simon", "Steven",
        "Craig", "Robert", "Wayne", "Dean", "Anthony", "Matthew", "James", "John", "Peter",
        "Kevin", "Carl", "Shaun", "Scott", "Stuart", "Daniel", "Jonathan", "Philip", "Nicholas",
        "Adam", "Russell", "Jamie", "Timothy", "Jeremy", "Colin", "Gareth", "Nathan",
        "Barry", "Graham", "Sean", "Mohammed", "Glen", "Justin", "Marc", "Kenneth", "Alan",
        "Terry", "Tony", "Dale", "Ross", "Rhys", "Aled", "Dylan", "Owain",
    ),
    YOUNG: (
        "Daniel", "Thomas", "James", "Jack", "Joshua", "Matthew", "Ryan", "Luke", "Liam",
        "Adam", "Callum", "Connor", "Jordan", "Lewis", "Michael", "Samuel", "Benjamin",
        "Jake", "Kieran", "Bradley", "Christopher", "Nathan", "Jamie", "Harry", "Alexander",
        "Joseph", "William", "Ashley", "Kyle", "Aaron", "Dylan", "Ben", "Charlie", "Oliver",
        "Reece", "Tyler", "Jordan", "Shane", "Scott", "Lee", "Mason", "Ethan", "Cameron",
        "Alfie", "Tom", "Dean", "Jay", "Mohammed", "Rhys", "Owen", "Kai", "Declan", "Brandon",
        "Mitchell", "Max", "Harvey", "Leon", "Elliot", "Josh", "George",
    ),
}

BRITISH_FEMALE = {
    OLD: (
        "Susan", "Margaret", "Patricia", "Christine", "Linda", "Carol", "Elizabeth",
        "Janet", "Mary", "Barbara", "Pauline", "Jean", "Sandra", "Valerie", "Brenda",
        "Maureen", "Ann", "Kathleen", "Jacqueline", "Gillian", "Sheila", "Diane", "Jennifer",
        "Lesley", "Wendy", "Angela", "Joan", "Irene",
    ),
    MIDDLE: (
        "Sarah", "Claire", "Nicola", "Emma", "Lisa", "Joanne", "Michelle", "Helen",
        "Samantha", "Karen", "Amanda", "Rachel", "Louise", "Julie", "Kelly", "Donna",
        "Rebecca", "Victoria", "Tracey", "Alison", "Deborah", "Dawn", "Natalie", "Catherine",
        "Joanna", "Zoe", "Gemma", "Kerry",
    ),
    YOUNG: (
        "Jessica", "Emily", "Sophie", "Chloe", "Lauren", "Hannah", "Charlotte", "Amy",
        "Rebecca", "Megan", "Bethany", "Olivia", "Ellie", "Holly", "Jade", "Shannon",
        "Georgia", "Katie", "Abigail", "Amelia", "Grace", "Lucy", "Leah", "Courtney",
        "Danielle", "Paige", "Ruby", "Isla", "Mia", "Poppy",
    ),
}

IRISH_MALE = {
    OLD: ("Patrick", "Michael", "John", "Sean", "Thomas", "Brendan", "Joseph", "Kevin",
          "Dermot", "Eamon", "Gerard", "Martin", "Liam", "Francis", "Desmond", "Cornelius"),
    MIDDLE: ("Sean", "Patrick", "Declan", "Ciaran", "Conor", "Michael", "Brian", "Kevin",
             "Damien", "Padraig", "Niall", "Fergal", "Colm", "Paul", "John", "Eoin"),
    YOUNG: ("Conor", "Sean", "Jack", "Cian", "Oisin", "Darragh", "Liam", "Callum", "Patrick",
            "Michael", "Ryan", "Aidan", "Ronan", "Eoin", "Kieran", "Tadhg"),
}

IRISH_FEMALE = (
    "Mary", "Bridget", "Siobhan", "Niamh", "Aoife", "Catherine", "Margaret", "Sinead",
    "Roisin", "Ciara", "Orla", "Grainne", "Maeve", "Eileen", "Deirdre", "Kathleen",
)

CARIBBEAN_MALE = (
    "Marcus", "Andre", "Jermaine", "Leon", "Tyrone", "Delroy", "Winston", "Clive", "Dwayne",
    "Kareem", "Devon", "Jerome", "Lloyd", "Errol", "Everton", "Courtney", "Junior",
    "Nathaniel", "Leroy", "Carlton", "Denzil", "Fitzroy", "Kemar", "Kyle", "Jordan",
    "Michael", "Daniel", "Anthony", "Paul", "Mark", "Ricardo", "Omari", "Tyreese", "Isaiah",
)

CARIBBEAN_FEMALE = (
    "Marcia", "Sharon", "Donna", "Simone", "Natasha", "Kerry-Ann", "Shanice", "Tanya",
    "Janice", "Beverley", "Yvonne", "Jasmine", "Chantelle", "Keisha", "Tia", "Aaliyah",
)

AFRICAN_MALE = (
    "Mohamed", "Abdi", "Ahmed", "Abdullahi", "Ibrahim", "Hassan", "Emmanuel", "Samuel",
    "David", "Daniel", "Joseph", "Kwame", "Kofi", "Kwabena", "Chukwuemeka", "Oluwaseun",
    "Olumide", "Tunde", "Femi", "Chidi", "Ikenna", "Tendai", "Tatenda", "Blessing",
    "Abdirahman", "Yusuf", "Omar", "Musa", "Isaac", "Godfrey", "Moses", "Solomon",
)

AFRICAN_FEMALE = (
    "Fatima", "Amina", "Hodan", "Faith", "Grace", "Blessing", "Adaeze", "Chioma", "Ngozi",
    "Abena", "Akosua", "Ama", "Folake", "Ifeoma", "Nyasha", "Ruth",
)

PAKISTANI_MALE = (
    "Mohammed", "Muhammad", "Imran", "Asif", "Tariq", "Zahid", "Shahid", "Amir", "Adil",
    "Abdul", "Nadeem", "Rizwan", "Kamran", "Faisal", "Arif", "Sajid", "Wasim", "Waqas",
    "Usman", "Bilal", "Hamza", "Zubair", "Naveed", "Irfan", "Khalid", "Majid", "Omar",
    "Ali", "Adnan", "Haroon", "Saqib", "Atif",
)

PAKISTANI_FEMALE = (
    "Fatima", "Ayesha", "Saima", "Nadia", "Shazia", "Samina", "Rubina", "Nasreen", "Aisha",
    "Sana", "Hina", "Amina", "Farzana", "Zainab", "Maryam", "Rukhsana",
)

INDIAN_MALE = (
    "Raj", "Sunil", "Rajesh", "Sanjay", "Gurpreet", "Harpreet", "Jaswinder", "Amarjit",
    "Kuldip", "Manjit", "Sukhdev", "Rakesh", "Vijay", "Ashok", "Anil", "Dinesh", "Ravi",
    "Nikhil", "Arjun", "Rohit", "Jasbir", "Balwinder", "Hardeep", "Paramjit", "Mandeep",
    "Kiran", "Pritpal", "Bhavesh", "Nilesh", "Hitesh",
)

INDIAN_FEMALE = (
    "Priya", "Sunita", "Anita", "Manjit", "Rajinder", "Harjit", "Kamaljit", "Neha",
    "Pooja", "Asha", "Geeta", "Hema", "Nisha", "Reena", "Seema", "Jaspreet",
)

BANGLADESHI_MALE = (
    "Mohammed", "Abdul", "Shahid", "Jamal", "Rashid", "Kamal", "Anwar", "Shofiqul",
    "Mujibur", "Abul", "Nazrul", "Rubel", "Saiful", "Shamim", "Tanvir", "Foysal", "Rakib",
    "Sohel", "Masud", "Mizanur", "Habibur", "Aminul", "Rezaul", "Jahid",
)

BANGLADESHI_FEMALE = (
    "Rahima", "Shahnaz", "Nasima", "Rokeya", "Salma", "Sultana", "Jahanara", "Runa",
    "Shirin", "Taslima", "Fahmida", "Nusrat",
)

EASTERN_EUROPEAN_MALE = (
    "Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Michał", "Łukasz", "Adam",
    "Andrzej", "Jakub", "Mateusz", "Kamil", "Dariusz", "Grzegorz", "Marius", "Ionuț",
    "Andrei", "Mihai", "Alexandru", "Florin", "Tomas", "Darius", "Mindaugas", "Andrius",
    "Jānis", "Artūrs", "Gábor", "László", "Ivan", "Dmitri", "Petr", "Martin",
)

EASTERN_EUROPEAN_FEMALE = (
    "Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Ioana", "Elena",
    "Maria", "Andreea", "Rūta", "Inga", "Laura", "Ilona", "Zsófia", "Olga",
)

CHINESE_MALE = (
    "Wei", "Jun", "Hao", "Ming", "Kevin", "Jason", "Tony", "Kwok", "Chi", "Lei", "Jian",
    "Yong", "Peter", "Eric",
)

CHINESE_FEMALE = ("Mei", "Li", "Xin", "Ying", "Jing", "Wendy", "Amy", "Hui")

MIDDLE_EASTERN_MALE = (
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hasan", "Hussein", "Omar", "Mohammad", "Reza",
    "Hamid", "Karim", "Khalid", "Yusuf", "Samir", "Tariq", "Ahmad", "Rostam", "Dilan",
    "Sherko", "Bakhtiar",
)

MIDDLE_EASTERN_FEMALE = ("Fatma", "Ayşe", "Zeynep", "Leila", "Maryam", "Zahra", "Noor", "Rana")

# Surnames women in a group may carry instead of the family surname (naming customs).
FEMALE_SURNAMES = {
    "indian": ("Kaur",),
    "pakistani": ("Bibi", "Begum", "Akhtar", "Kausar"),
    "bangladeshi": ("Begum", "Khatun", "Bibi"),
}

# Ethnicity as recorded, in the census categories (2021 census, England and Wales),
# written the way agency systems usually hold them.
WHITE_BRITISH = "White British"
WHITE_IRISH = "White Irish"
TRAVELLER = "Gypsy or Irish Traveller"
ROMA = "Roma"
WHITE_OTHER = "Any other White background"
MIXED_CARIBBEAN = "Mixed White and Black Caribbean"
MIXED_AFRICAN = "Mixed White and Black African"
MIXED_ASIAN = "Mixed White and Asian"
MIXED_OTHER = "Any other Mixed or multiple ethnic background"
INDIAN = "Asian or Asian British: Indian"
PAKISTANI = "Asian or Asian British: Pakistani"
BANGLADESHI = "Asian or Asian British: Bangladeshi"
CHINESE = "Asian or Asian British: Chinese"
ASIAN_OTHER = "Any other Asian background"
CARIBBEAN = "Black or Black British: Caribbean"
AFRICAN = "Black or Black British: African"
BLACK_OTHER = "Any other Black, Black British or Caribbean background"
ARAB = "Arab"
OTHER = "Any other ethnic group"
NOT_STATED = "Not stated"

# (key, share of the MAPPA population, surnames, male forenames, female forenames,
#  [(ethnicity, weight)]). Shares follow the MAPPA and prison populations: about 80 per
# cent White, 7 per cent Black, 7 per cent Asian, 4 per cent Mixed.
GROUPS = (
    (
        "british", 0.775, BRITISH_SURNAMES, BRITISH_MALE, BRITISH_FEMALE,
        ((WHITE_BRITISH, 0.905), (MIXED_CARIBBEAN, 0.025), (CARIBBEAN, 0.015),
         (WHITE_OTHER, 0.012), (MIXED_ASIAN, 0.006), (MIXED_OTHER, 0.008),
         (TRAVELLER, 0.009), (NOT_STATED, 0.02)),
    ),
    (
        "irish", 0.035, IRISH_SURNAMES, IRISH_MALE, IRISH_FEMALE,
        ((WHITE_IRISH, 0.45), (WHITE_BRITISH, 0.42), (TRAVELLER, 0.1), (NOT_STATED, 0.03)),
    ),
    (
        "caribbean", 0.035, CARIBBEAN_SURNAMES, CARIBBEAN_MALE, CARIBBEAN_FEMALE,
        ((CARIBBEAN, 0.58), (MIXED_CARIBBEAN, 0.3), (BLACK_OTHER, 0.08), (NOT_STATED, 0.04)),
    ),
    (
        "african", 0.03, AFRICAN_SURNAMES, AFRICAN_MALE, AFRICAN_FEMALE,
        ((AFRICAN, 0.86), (MIXED_AFRICAN, 0.04), (BLACK_OTHER, 0.06), (NOT_STATED, 0.04)),
    ),
    (
        "pakistani", 0.035, PAKISTANI_SURNAMES, PAKISTANI_MALE, PAKISTANI_FEMALE,
        ((PAKISTANI, 0.88), (ASIAN_OTHER, 0.06), (NOT_STATED, 0.06)),
    ),
    (
        "indian", 0.018, INDIAN_SURNAMES, INDIAN_MALE, INDIAN_FEMALE,
        ((INDIAN, 0.9), (ASIAN_OTHER, 0.05), (NOT_STATED, 0.05)),
    ),
    (
        "bangladeshi", 0.012, BANGLADESHI_SURNAMES, BANGLADESHI_MALE, BANGLADESHI_FEMALE,
        ((BANGLADESHI, 0.9), (ASIAN_OTHER, 0.05), (NOT_STATED, 0.05)),
    ),
    (
        "eastern_european", 0.04, EASTERN_EUROPEAN_SURNAMES, EASTERN_EUROPEAN_MALE,
        EASTERN_EUROPEAN_FEMALE,
        ((WHITE_OTHER, 0.86), (ROMA, 0.09), (NOT_STATED, 0.05)),
    ),
    (
        "chinese", 0.004, CHINESE_SURNAMES, CHINESE_MALE, CHINESE_FEMALE,
        ((CHINESE, 0.92), (NOT_STATED, 0.08)),
    ),
    (
        "middle_eastern", 0.016, MIDDLE_EASTERN_SURNAMES, MIDDLE_EASTERN_MALE,
        MIDDLE_EASTERN_FEMALE,
        ((OTHER, 0.45), (ARAB, 0.3), (WHITE_OTHER, 0.15), (ASIAN_OTHER, 0.05), (NOT_STATED, 0.05)),
    ),
)

# Nicknames and short forms an alias may record ("Johnny" for John).
NICKNAMES = {
    "John": ("Johnny", "Jack", "Jon"), "William": ("Bill", "Billy", "Will"),
    "Robert": ("Bob", "Rob", "Bobby"), "Michael": ("Mick", "Mike", "Micky"),
    "David": ("Dave", "Davey", "Dai"), "James": ("Jim", "Jimmy", "Jamie"),
    "Richard": ("Rick", "Rich", "Dick"), "Anthony": ("Tony", "Ant"),
    "Christopher": ("Chris", "Kit"), "Stephen": ("Steve", "Stevie"), "Steven": ("Steve",),
    "Andrew": ("Andy", "Drew"), "Thomas": ("Tom", "Tommy"), "Daniel": ("Danny", "Dan"),
    "Matthew": ("Matt",), "Peter": ("Pete",), "Joseph": ("Joe", "Joey"),
    "Edward": ("Eddie", "Ted", "Ed"), "Kenneth": ("Ken", "Kenny"), "Terence": ("Terry",),
    "Patrick": ("Paddy", "Pat"), "Samuel": ("Sam", "Sammy"), "Benjamin": ("Ben",),
    "Nicholas": ("Nick", "Nicky"), "Jonathan": ("Jon", "Jonny"), "Alexander": ("Alex",),
    "Gareth": ("Gaz",), "Gary": ("Gaz",), "Barry": ("Baz",), "Darren": ("Daz",),
    "Mohammed": ("Mo", "Mohammad"), "Muhammad": ("Mo", "Mohammed"), "Charles": ("Charlie",),
    "Ronald": ("Ron", "Ronnie"), "Donald": ("Don",), "Gerald": ("Gerry",),
    "Frederick": ("Fred", "Freddie"), "Leonard": ("Len", "Lenny"), "Raymond": ("Ray",),
    "Derek": ("Del",), "Alan": ("Al",), "Philip": ("Phil",), "Timothy": ("Tim",),
    "Kevin": ("Kev",), "Martin": ("Marty",), "Nathan": ("Nate",), "Lewis": ("Lew",),
    "Callum": ("Cal",), "Joshua": ("Josh",), "Bradley": ("Brad",), "Jordan": ("Jord",),
    "Harold": ("Harry",), "Leslie": ("Les",), "Douglas": ("Doug", "Dougie"),
    "Francis": ("Frank", "Frankie"), "Arthur": ("Art",), "Albert": ("Bert", "Albie"),
    "Stanley": ("Stan",), "Norman": ("Norm",), "Geoffrey": ("Geoff",),
    "Malcolm": ("Mal",), "Trevor": ("Trev",), "Graham": ("Gray",), "Dennis": ("Den",),
    "Nigel": ("Nige",), "Simon": ("Si",), "Wayne": ("Wayney",), "Lee": ("Leo",),
    "Piotr": ("Peter",), "Krzysztof": ("Chris", "Krzysiek"), "Tomasz": ("Tom", "Tomek"),
    "Paweł": ("Paul",), "Marcin": ("Martin",), "Michał": ("Michael",), "Łukasz": ("Luke",),
    "Jakub": ("Kuba", "Jacob"), "Andrzej": ("Andrew",), "Alexandru": ("Alex",),
    "Oluwaseun": ("Seun", "Shaun"), "Chukwuemeka": ("Emeka",), "Olumide": ("Mide",),
    "Abdullahi": ("Abdi",), "Abdirahman": ("Abdi",), "Emmanuel": ("Manny",),
    "Nathaniel": ("Nat",), "Delroy": ("Del",), "Fitzroy": ("Fitz",), "Tyrone": ("Ty",),
    "Marcus": ("Marc",), "Jermaine": ("Maine",), "Gurpreet": ("Gary",), "Harpreet": ("Harry",),
    "Jaswinder": ("Jas",), "Sukhdev": ("Sukh",), "Rajesh": ("Raj",), "Kamran": ("Kam",),
    "Sajid": ("Saj",), "Imran": ("Imy",), "Mehmet": ("Mo",), "Mustafa": ("Mus",),
    "Patricia": ("Pat", "Trish"), "Elizabeth": ("Liz", "Beth"), "Margaret": ("Maggie", "Peggy"),
    "Jennifer": ("Jenny", "Jen"), "Samantha": ("Sam",), "Rebecca": ("Becky", "Bex"),
    "Victoria": ("Vicky", "Tori"), "Catherine": ("Kate", "Cathy"), "Deborah": ("Debbie",),
    "Susan": ("Sue", "Susie"), "Nicola": ("Nicky",), "Jacqueline": ("Jackie",),
    "Christine": ("Chris", "Chrissie"), "Katarzyna": ("Kasia", "Kate"), "Amanda": ("Mandy",),
}

# Alternative spellings an alias may carry (one person, several records).
SURNAME_VARIANTS = {
    "Smith": ("Smyth", "Smithe"), "Thompson": ("Thomson", "Tompson"),
    "Thomson": ("Thompson",), "Stephens": ("Stevens",), "Stevens": ("Stephens",),
    "Phillips": ("Philips",), "Clarke": ("Clark",), "Clark": ("Clarke",),
    "Davies": ("Davis",), "Davis": ("Davies",), "Reid": ("Reed", "Read"), "Reed": ("Reid",),
    "McDonald": ("MacDonald", "Macdonald"), "Mohammed": ("Muhammad", "Mohamed", "Mohammad"),
    "Mohamed": ("Mohammed", "Mohamud"), "Hussain": ("Hussein", "Husain"),
    "Ahmed": ("Ahmad", "Ahmet"), "Chaudhry": ("Choudhury", "Chaudhary"),
    "Choudhury": ("Chowdhury", "Chaudhry"), "Chowdhury": ("Choudhury",),
    "Mahmood": ("Mahmud", "Mehmood"), "O'Brien": ("OBrien", "O Brien", "Brien"),
    "O'Connor": ("OConnor", "O'Conner", "Connor"), "O'Neill": ("O'Neil", "ONeill"),
    "O'Sullivan": ("Sullivan", "OSullivan"), "O'Reilly": ("Reilly", "O'Riley"),
    "Byrne": ("Burn", "Byrnes"), "Walsh": ("Welsh", "Walshe"), "Gray": ("Grey",),
    "Matthews": ("Mathews",), "Griffiths": ("Griffith",), "Jenkins": ("Jenkin",),
    "Mitchell": ("Mitchel",), "Nicholls": ("Nichols", "Nicholl"), "Mills": ("Mill",),
    "Khan": ("Kahn",), "Miah": ("Mia", "Meah"), "Uddin": ("Udin",), "Patel": ("Patell",),
    "Rahman": ("Rehman",), "Kowalski": ("Kowalsky",), "Nowak": ("Novak",),
    "Popescu": ("Popesku",), "Okafor": ("Okafo",), "Osei": ("Osei-Bonsu",),
    "Campbell": ("Cambell",), "McKenzie": ("Mackenzie", "MacKenzie"), "Lloyd": ("Loyd",),
}

# fmt: on

_POLISH_ENDINGS = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))
_LITHUANIAN = frozenset({"Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas"})
_LATVIAN = {"Bērziņš": "Bērziņa", "Kalniņš": "Kalniņa", "Ozols": "Ozola"}


def feminine_surname(surname: str) -> str:
    """The form a woman in the family carries (Kowalski → Kowalska; Petrauskas → Petrauskienė)."""
    for masculine, feminine in _POLISH_ENDINGS:
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    if surname in _LITHUANIAN:
        stem = surname[:-2] if surname.endswith("as") else surname[:-3]
        return stem + "ienė"
    if surname.endswith("ov"):
        return surname + "a"
    return _LATVIAN.get(surname, surname)


# Approved premises: invented names, one per postcode district (see bench.places).
# fmt: off
APPROVED_PREMISES_NAMES = (
    "Meadowbank House", "Riverside House", "Highfield House", "Brookside", "Cedar House",
    "Elmwood House", "The Grange", "Westgate House", "Ashcroft House", "Linden House",
    "Kingsley House", "Holloway Lodge", "Bankside House", "Fernlea", "Oakfield House",
    "St Leonard's House", "Willowbrook", "Southview", "Thornleigh House", "Millbrook House",
)
# fmt: on
