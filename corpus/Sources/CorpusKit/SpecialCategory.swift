/// UK GDPR Article 9 material as it appears in case papers: health conditions, medication,
/// religion, ethnicity and sexual orientation, each written inside a phrase that gives it away
/// ("diagnosed with", "takes ... daily", "is a practising"). The span is the term alone.
public enum SpecialCategory {
    public static let conditions = [
        "epilepsy", "type 2 diabetes", "type 1 diabetes", "asthma", "depression", "anxiety", "PTSD",
        "post-traumatic stress disorder", "schizophrenia", "bipolar disorder", "ADHD", "autism", "HIV",
        "hepatitis C", "multiple sclerosis", "COPD", "emotionally unstable personality disorder",
        "psychosis", "dementia", "Crohn's disease", "sickle cell disease", "cerebral palsy",
        "a learning disability", "alcohol dependency", "opioid dependency", "paranoid schizophrenia",
        "postnatal depression", "an eating disorder", "anorexia", "Parkinson's disease",
    ]
    public static let medications = [
        "sertraline", "fluoxetine", "citalopram", "mirtazapine", "diazepam", "methadone", "buprenorphine",
        "olanzapine", "quetiapine", "lithium", "insulin", "metformin", "salbutamol", "levetiracetam",
        "lamotrigine", "sodium valproate", "pregabalin", "zopiclone", "aripiprazole", "clozapine",
    ]
    public static let religions = ["Muslim", "Christian", "Catholic", "Roman Catholic", "Sikh", "Hindu",
                                   "Jew", "Buddhist", "Jehovah's Witness", "Rastafarian"]
    public static let ethnicities = ["White British", "White Irish", "Black Caribbean", "Black African",
                                     "Pakistani", "Bangladeshi", "Indian", "Chinese", "Gypsy or Irish Traveller",
                                     "Mixed White and Black Caribbean", "Roma", "Kurdish", "Arab"]
    public static let orientations = ["gay", "lesbian", "bisexual"]

    static let all: Set<String> = Set((conditions + medications + religions + ethnicities + orientations).map {
        $0.lowercased()
    })

    public static func isTerm(_ s: String) -> Bool { all.contains(s.lowercased()) }

    /// A health phrase only (a condition or a medication), for medical sections.
    public static func health(_ rng: inout CorpusRandom, he: String, his: String) -> (String, String, String) {
        phrase(&rng, he: he, his: his, weights: [60, 40, 0, 0, 0])
    }

    /// One phrase around one term: (text before, term, text after).
    public static func phrase(_ rng: inout CorpusRandom, he: String, his: String,
                              weights: [Int] = [34, 24, 14, 16, 12]) -> (String, String, String) {
        switch rng.weighted(weights) {
        case 0:
            let t = rng.pick(conditions)
            return (rng.pick(["was diagnosed with ", "has a history of ", "suffers from ", "is being treated for ",
                              "has a diagnosis of ", "was recently diagnosed with "]), t, "")
        case 1:
            let t = rng.pick(medications)
            let dose = rng.pick(["", " 50mg", " 100mg", " 20mg", " 10 mg", " 200mg"])
            return (rng.pick(["takes ", "is prescribed ", "has been on "]), t,
                    dose + rng.pick([" daily", " twice daily", " every morning", " at night"]))
        case 2:
            let t = rng.pick(religions)
            return (rng.pick(["is a practising ", "is a devout ", "describes \(him(he)) as a "]), t, "")
        case 3:
            let t = rng.pick(ethnicities)
            if rng.chance(0.3) { return ("is of ", t, rng.pick([" heritage", " descent"])) }
            return (rng.pick(["describes \(him(he))self as ", "self-defines as "]), t, "")
        default:
            let t = rng.pick(orientations)
            return (rng.pick(["is openly ", "identifies as ", "disclosed that \(he) is "]), t, "")
        }
    }

    static func him(_ he: String) -> String { he == "she" ? "her" : "him" }
}
