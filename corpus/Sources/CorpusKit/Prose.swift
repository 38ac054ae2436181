/// Neutral sentences that carry no personal data, in the registers of the genres. They avoid
/// titles before capitalised words, identifier-shaped numbers and context words ("born",
/// "account", "passport"...), so that everything a finder should report is recorded in truth.
public enum Prose {
    public static let witness = [
        "It was dark but the street lights were on and I could see clearly.",
        "I had not been drinking and I was fully alert at the time.",
        "I did not know the man before that evening and I have not seen him since.",
        "The door had been forced and the frame was splintered near the lock.",
        "I heard shouting from the flat above and then a loud bang, like something being thrown.",
        "I stayed on the phone to the operator until the police arrived.",
        "He was about six foot tall, of slim build, wearing a dark hooded top and grey jogging bottoms.",
        "I would recognise him again if I saw him.",
        "I was shaking and very upset by what had happened.",
        "There were two or three other people at the bus stop but I did not speak to them.",
        "The car drove off at speed towards the town centre.",
        "I went back inside and locked the door behind me.",
        "My neighbour came out to see what the noise was about.",
        "I have been asked whether I gave anyone permission to take my property and I did not.",
        "I felt frightened and I did not want to go outside on my own after that.",
        "The whole incident lasted no more than a couple of minutes.",
        "He came very close to my face when he was shouting.",
        "The glass in the front window was smashed and there was blood on the step.",
        "I did not see where the knife came from.",
        "I tried to calm things down but he would not listen.",
        "I am willing to attend court to give evidence if required.",
        "I have read this statement and it is a true account of what happened.",
        "I was on my way back from the shop and had my shopping bags with me.",
        "At first I thought it was just people messing about, but then I realised it was serious.",
        "I recognised the voice straight away because I have heard it many times before.",
        "He kept looking up and down the street as if he was waiting for someone.",
        "I moved my children into the back bedroom and told them to stay there.",
        "There was a strong smell of cannabis in the hallway.",
        "The security light at the front of the house came on and I looked out of the window.",
        "She was crying and holding the side of her face.",
        "He said something like \u{201C}you\u{2019}ll regret this\u{201D} and walked away.",
        "I did not give anyone permission to enter my home.",
        "The front door was open when I got back and the hallway light was on.",
        "I have never had any problems with the neighbours before this.",
        "I saw him throw something into the hedge as he ran past.",
        "I cannot be sure of the exact time but it was after the football had finished.",
        "He had a tattoo on the back of his left hand, possibly a star.",
        "My sister arrived about ten minutes later and stayed with me until the officers came.",
        "I did not touch anything in the room until the police had been.",
        "I have been shown a still image by the officer and I do not recognise anyone in it.",
    ]
    public static let custody = [
        "Detainee booked in and rights and entitlements explained.",
        "Detainee requested that someone be informed of the arrest.",
        "Cell visit: detainee awake and responsive, no concerns.",
        "Detainee declined legal advice at this time.",
        "Meal offered and accepted. Drink of water provided.",
        "Detention reviewed by the inspector; continued detention authorised.",
        "Fingerprints, photograph and DNA sample taken.",
        "Detainee placed on level 2 observations following the risk assessment.",
        "Interview concluded; detainee returned to cell.",
        "Detainee charged and bailed to appear at the magistrates' court.",
        "Property sealed in bag and signed for by the detainee.",
        "Appropriate adult not required.",
        "Detainee became abusive towards staff; warned about behaviour.",
        "Detainee seen by the healthcare professional and declared fit to detain.",
        "Detainee fit to be interviewed.",
        "Solicitor arrived and consulted with the detainee in private.",
        "Detainee asleep; rousing checks carried out and responsive.",
        "Samples forwarded to the laboratory under seal.",
        "Custody record handed over to the oncoming sergeant.",
        "Detainee requested a copy of the codes of practice, which was provided.",
    ]
    public static let probation = [
        "The defendant accepts responsibility for the offence but minimises the harm caused.",
        "There is a pattern of offending linked to unstable accommodation and negative peers.",
        "The defendant presented as polite and cooperative throughout the interview.",
        "Previous orders have been completed, although compliance was inconsistent.",
        "The risk of serious harm is assessed as medium, to known adults.",
        "A community order with a rehabilitation activity requirement is proposed.",
        "The defendant has expressed motivation to address the behaviour that led to this offence.",
        "Employment has been sporadic and the defendant is currently unemployed.",
        "The defendant has no caring responsibilities.",
        "Information from the police domestic abuse unit has been considered in this assessment.",
        "The defendant described a difficult childhood and early contact with children's services.",
        "The defendant has been sleeping at a friend's address and has no settled accommodation.",
        "The defendant showed some understanding of the impact of the offence on the victim.",
        "There are concerns about how the defendant copes with stress.",
        "The defendant has engaged well with support services in the past.",
        "A curfew requirement would provide structure without disrupting employment.",
        "The defendant is assessed as suitable for unpaid work.",
        "Attitudes supportive of offending were evident during the interview.",
        "The defendant maintains regular contact with family members.",
        "Safeguarding enquiries with the local authority have been completed.",
    ]
    public static let notes = [
        "File reviewed; further evidence required before a charging decision.",
        "Disclosure schedule checked and signed off.",
        "Defence have indicated a not guilty plea.",
        "Witness availability to be confirmed with the witness care unit.",
        "CCTV has been requested from the local authority.",
        "Awaiting the forensic report from the laboratory.",
        "Special measures application to be drafted.",
        "Full code test met; authorised charge.",
        "Trial listed; warned list notified.",
        "Unused material reviewed; nothing undermining or assisting identified.",
        "Victim personal statement to be obtained before sentence.",
        "Counsel instructed; brief delivered.",
        "Bad character application considered but not pursued.",
        "Hearsay notice served on the defence.",
        "Agreed facts drafted and sent to the defence for comment.",
        "Witness care unit confirm the witness is reluctant but will attend.",
        "Expert report served; defence given time to respond.",
        "Case progression officer chased the outstanding statements.",
        "Plea offered to the lesser count; not acceptable to the prosecution.",
        "Sentencing adjourned for reports.",
    ]
    public static let email = [
        "Please see below and let me know if you need anything further.",
        "Apologies for the delay in getting back to you.",
        "I have attached the updated schedule for your review.",
        "Could you confirm whether the witness is available on the listed dates?",
        "Thanks for your help with this one.",
        "I will chase the outstanding material and update you by the end of the week.",
        "The file has now been uploaded to the case management system.",
        "Happy to discuss by phone if easier.",
        "Just following up on my earlier message about this case.",
        "I am out of the office tomorrow, so please copy in the team inbox.",
        "Can you let me know the current position on disclosure?",
        "The court has asked for an update before the next hearing.",
        "I have spoken to the witness and passed on your message.",
        "Please treat the attached as sensitive and do not forward it outside the team.",
        "I have updated the file notes accordingly.",
    ]
    public static let notebook = [
        "AREA SEARCHED WITH NEGATIVE RESULT.",
        "CONDUCTED HOUSE TO HOUSE ENQUIRIES ON BOTH SIDES OF THE ROAD.",
        "SUSPECT NOT PRESENT ON ARRIVAL.",
        "SCENE PRESERVED PENDING CSI ATTENDANCE.",
        "ADVISED TO CALL 999 IF THE MALE RETURNS.",
        "CAUTIONED AND ARRESTED. NO REPLY.",
        "BODY WORN VIDEO ACTIVATED THROUGHOUT.",
        "WEATHER DRY, LIGHTING GOOD.",
        "CONTACT MADE WITH THE CONTROL ROOM. LOG UPDATED.",
        "DOOR ANSWERED AFTER SEVERAL KNOCKS.",
        "MALE APPEARED AGITATED AND WAS PACING THE HALLWAY.",
        "NO VISIBLE INJURIES NOTED AT THIS TIME.",
        "PROPERTY SEIZED AND BAGGED AS EXHIBITS.",
        "NEIGHBOURS SPOKEN TO, NOTHING SEEN OR HEARD.",
        "TRANSPORTED TO CUSTODY WITHOUT INCIDENT.",
    ]
    public static let letter = [
        "We are writing to let you know about the next hearing in this case.",
        "You do not need to attend unless we contact you again.",
        "If your circumstances change, please let us know as soon as possible.",
        "You may be entitled to claim expenses for attending court.",
        "A witness service volunteer can show you the court room before the trial.",
        "Please bring this letter with you on the day.",
        "We will keep you updated about the progress of the case.",
        "The defendant has pleaded not guilty and a trial date has been set.",
        "Please read the enclosed leaflet, which explains what happens at court.",
        "If you have any concerns about your safety, please tell us straight away.",
        "You can ask to give your evidence from behind a screen or by a live link.",
        "We are sorry for any inconvenience this may cause.",
    ]

    public static let occupations = ["care assistant", "retail manager", "student", "bus driver", "nurse",
                                     "self-employed plasterer", "warehouse operative", "teaching assistant",
                                     "retired", "chef", "delivery driver", "shop assistant"]
    public static let vehicles = ["silver Ford Focus", "black Vauxhall Corsa", "white Transit van", "blue BMW 3 Series",
                                  "red Nissan Micra", "grey Audi A3", "dark green Land Rover", "white Toyota Prius"]
    public static let forces = ["Anyshire Constabulary", "Westmarch Police", "Kelbury Police", "Northvale Constabulary"]
    /// Offences with the provisions they are charged under (written as decoys: statute references).
    public static let offenceStatutes: [(String, [String])] = [
        ("assault occasioning actual bodily harm", ["s.47 OAPA 1861", "section 47 of the Offences against the Person Act 1861"]),
        ("wounding with intent", ["section 18 of the Offences against the Person Act 1861", "s.18 OAPA 1861"]),
        ("burglary of a dwelling", ["section 9(1)(b) of the Theft Act 1968", "s.9 Theft Act 1968"]),
        ("theft from a shop", ["section 1 of the Theft Act 1968", "s.1 Theft Act 1968"]),
        ("criminal damage", ["section 1(1) of the Criminal Damage Act 1971", "s.1 CDA 1971"]),
        ("harassment", ["section 2 of the Protection from Harassment Act 1997", "s.2 PHA 1997"]),
        ("fraud by false representation", ["section 2 of the Fraud Act 2006", "s.2 Fraud Act 2006"]),
        ("robbery", ["section 8 of the Theft Act 1968", "s.8 Theft Act 1968"]),
        ("possession of an offensive weapon", ["section 1 of the Prevention of Crime Act 1953"]),
        ("controlling or coercive behaviour", ["section 76 of the Serious Crime Act 2015", "s.76 SCA 2015"]),
        ("using threatening words or behaviour", ["section 4 of the Public Order Act 1986", "s.4A Public Order Act 1986"]),
    ]
    public static var offences: [String] { offenceStatutes.map(\.0) }

    /// An offence and one of its statute references.
    public static func offence(_ rng: inout CorpusRandom) -> (name: String, statute: String) {
        let o = rng.pick(offenceStatutes)
        return (o.0, rng.pick(o.1))
    }

    /// A few sentences from a pool, joined with spaces.
    public static func some(_ pool: [String], _ rng: inout CorpusRandom, _ n: ClosedRange<Int>) -> String {
        var out: [String] = []
        for _ in 0..<rng.int(n) { out.append(rng.pick(pool)) }
        return out.joined(separator: " ")
    }
}
