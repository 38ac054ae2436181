/// Name material: common-but-generic forenames and surnames from many communities in the UK,
/// with the spellings that break naive matchers (Zoë, Siobhán, Łukasz, Nguyễn, O'Neill,
/// Smith-Jones), plus syllables for invented surnames. No entry names a public figure; a full
/// name is only ever a random pairing.
public enum NamePools {
    public static let female: [String] = [
        "Zoë", "Siobhán", "Aoife", "Chloé", "Renée", "Małgorzata", "Emma", "Amelia", "Sophie", "Ella",
        "Lucy", "Chloe", "Aisha", "Fatima", "Priya", "Amara", "Ngozi", "Abena", "Agnieszka", "Katarzyna",
        "Ioana", "Elena", "Niamh", "Sinéad", "Isla", "Cerys", "Megan", "Holly", "Jade", "Leanne",
        "Kelly", "Stacey", "Nicole", "Paige", "Chantelle", "Kayleigh", "Shannon", "Bethany", "Hannah", "Laura",
        "Rachel", "Claire", "Joanne", "Julie", "Tracey", "Michelle", "Donna", "Linh", "Huong", "Ayşe",
        "Zeynep", "Hélène", "Noémie", "Gráinne", "Saoirse", "Yasmin", "Nadia", "Rukhsana", "Shabnam", "Folake",
    ]
    public static let male: [String] = [
        "Łukasz", "José", "Bartosz", "Ciarán", "Eoin", "Daniel", "Oliver", "Jack", "Thomas", "Harry",
        "James", "George", "Mohammed", "Ahmed", "Omar", "Ravi", "Kwame", "Chidi", "Kofi", "Tomasz",
        "Piotr", "Andrei", "Mihai", "Liam", "Callum", "Rhys", "Dylan", "Connor", "Kieran", "Ryan",
        "Darren", "Craig", "Jamie", "Lewis", "Mason", "Tyler", "Jordan", "Nathan", "Adam", "Luke",
        "Sean", "Steven", "Gary", "Wayne", "Minh", "Hüseyin", "Mehmet", "Björn", "Søren", "Jürgen",
        "François", "Tadhg", "Oisín", "Imran", "Bilal", "Tariq", "Emeka", "Tunde", "Dariusz", "Krzysztof",
    ]
    public static let surnames: [String] = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Hall", "Jackson", "Clarke", "Patel", "Khan",
        "Ahmed", "Hussain", "Begum", "Ali", "Singh", "Kaur", "Okafor", "Osei", "Mensah", "Adeyemi",
        "Okonkwo", "Nowak", "Kowalski", "Wiśniewski", "Lewandowski", "Nguyễn", "Trần", "Phạm", "Popescu",
        "Ionescu", "Yılmaz", "Demir", "O'Neill", "O'Brien", "O'Connor", "McAllister", "McLaughlin",
        "MacDonald", "Smith-Jones", "Taylor-Brown", "Ashworth-Hale", "Murphy", "Kelly", "Byrne", "Doyle",
        "Campbell", "Stewart", "Fraser", "Reid", "Morgan", "Hughes", "Price", "Lloyd", "Rees", "Pritchard",
        "Jenkins", "Fernandes", "Costa", "Müller", "Schmidt", "Dubois", "Lefèvre", "Gómez", "Peña", "Szabó",
        "Mahmood", "Iqbal", "Chowdhury", "Rahman", "Achterberg", "Kaczmarek", "Okoro", "Boateng", "Asante",
    ]
    /// Syllables for invented surnames ("Kelworth", "Thornby") and localities.
    public static let heads = ["Ash", "Brad", "Hen", "Kel", "Mar", "Pen", "Rad", "Stan", "Thorn", "Wel",
                               "Whit", "Hart", "Brook", "Cal", "Dun", "Els", "Fen", "Gar", "Hol", "Lang",
                               "Mel", "Nor", "Ock", "Pres", "Rom", "Sel", "Tad", "Wat", "Yarn", "Quen"]
    public static let tails = ["bury", "ford", "ley", "wick", "ton", "by", "combe", "worth", "field", "well",
                               "more", "stead", "ham", "dale", "ridge", "hurst", "mere", "gate"]

    /// An invented surname from two syllables.
    public static func inventedSurname(_ rng: inout CorpusRandom) -> String {
        rng.pick(heads) + rng.pick(tails)
    }

    /// Surnames of judges in `Mr Justice X` decoys: never used for a person in the corpus.
    public static let judges = ["Hallerton", "Pembridge", "Caverleigh", "Ormsworth", "Tillingham", "Ravensby"]
}
