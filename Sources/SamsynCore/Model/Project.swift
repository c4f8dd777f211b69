import Foundation  // memcmp, for IDPlaces

/// The whole validated project: `config/site.yaml` plus every record in
/// `content/`. Everything downstream (indicators, tables, pages) reads this
/// and nothing else.
public struct Project: Sendable {
    public var config: SiteConfig
    public var agreements: [Agreement]
    public var activities: [Activity]
    public var assessments: [SelfAssessment]

    public init(config: SiteConfig, agreements: [Agreement] = [], activities: [Activity] = [],
                assessments: [SelfAssessment] = []) {
        self.config = config
        self.agreements = agreements
        self.activities = activities
        self.assessments = assessments
    }
}

/// `config/site.yaml`.
public struct SiteConfig: Sendable {
    public var name: String
    public var reference: String?
    public var owner: String?
    public var start: Day
    public var end: Day
    public var language: Language
    public var organisations: [Organisation]
    public var subprojects: [Subproject]
    public var targets: Targets
    public var questionnaire: Questionnaire
    public var appearance: SiteAppearance

    public init(name: String, reference: String? = nil, owner: String? = nil, start: Day, end: Day,
                language: Language = .sv, organisations: [Organisation], subprojects: [Subproject] = [],
                targets: Targets = Targets(), questionnaire: Questionnaire = .bip, appearance: SiteAppearance = SiteAppearance()) {
        self.name = name
        self.reference = reference
        self.owner = owner
        self.start = start
        self.end = end
        self.language = language
        self.organisations = organisations
        self.subprojects = subprojects
        self.targets = targets
        self.questionnaire = questionnaire
        self.appearance = appearance
    }
}

/// The optional `site:` block: how the site looks and its accessibility statement.
public struct SiteAppearance: Sendable {
    /// A logo file inside the project (SVG or PNG), copied into the site.
    public var logo: String?
    /// Where `logo` is written, so that a missing file is reported there.
    public var logoLocation: SourceLocation?
    /// The accent colour, `#rrggbb`, checked for contrast against white.
    public var accent: String?
    public var footer: String?
    public var accessibility = AccessibilityStatement()

    public init(logo: String? = nil, accent: String? = nil, footer: String? = nil) {
        self.logo = logo
        self.accent = accent
        self.footer = footer
    }
}

/// What the accessibility statement (tillgänglighetsredogörelse) required by
/// the Swedish DOS act says about this site.
public struct AccessibilityStatement: Sendable {
    public enum Compliance: String, CaseIterable, Sendable {
        case full, partial, none
    }

    public var organisation: String?
    public var compliance: Compliance = .partial
    public var knownIssues: [String] = []
    public var contactEmail: String?
    public var contactPhone: String?
    public var assessed: Day?
    public var method: String?
    public var updated: Day?

    public init() {}
}

public enum Language: String, CaseIterable, Sendable {
    case sv, en
}

public struct Organisation: Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Sendable {
        case stateAgency = "state-agency"
        case region
        case municipality
        case coordinationAssociation = "coordination-association"
        case other
    }

    public var id: String
    public var name: String
    public var type: Kind
    /// Planned number of people in competence development; nil when none is set.
    public var trainingTarget: Int?
    public var orgNumber: String?

    public init(id: String, name: String, type: Kind = .other, trainingTarget: Int? = nil, orgNumber: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.trainingTarget = trainingTarget
        self.orgNumber = orgNumber
    }
}

/// Each id's first place in a list of ids: compared one by one while there
/// are few (an assessment's six questions: hashing an id cost more than
/// comparing it with a handful), found by a hash of its bytes past sixteen
/// (docs/performance.md, changes 97, 99 and 108).
///
/// Ids in config/site.yaml are plain ASCII (`[a-z0-9-]`), and a text is
/// equal to one (as Swift compares strings) exactly when it has the same
/// bytes; a short byte hash and one `memcmp` then find it, where a
/// `Dictionary` hashed every byte with SipHash and compared Unicode-aware.
/// A list holding any other id, or an id looked for that is not ASCII,
/// takes the `Dictionary`, which compares as Swift does.
struct IDPlaces: Sendable {
    let ids: [String]
    /// Empty while the ids are few.
    private let hashed: [String: Int]
    /// Every id's bytes, one after the other, and where each begins (one more: the end).
    private let bytes: [UInt8]
    private let starts: [Int]
    /// 1 + the place of the id whose hash leads here (open addressing), 0 for
    /// none; empty while the ids are few or one of them is not plain ASCII.
    private let slots: [Int32]

    init(_ ids: [String]) {
        self.ids = ids
        guard ids.count > 16 else {
            (hashed, bytes, starts, slots) = ([:], [], [], [])
            return
        }
        hashed = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard ids.count < Int32.max / 4, ids.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            (bytes, starts, slots) = ([], [], [])
            return
        }
        var bytes: [UInt8] = [], starts: [Int] = []
        starts.reserveCapacity(ids.count + 1)
        for id in ids {
            starts.append(bytes.count)
            bytes.append(contentsOf: id.utf8)
        }
        starts.append(bytes.count)
        var size = 32
        while size < ids.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        bytes.withUnsafeBufferPointer { all in
            for place in ids.indices {
                let id = UnsafeBufferPointer(rebasing: all[starts[place]..<starts[place + 1]])
                var slot = Int(IDPlaces.hash(id) & UInt64(size - 1))
                while slots[slot] != 0 {
                    // A repeated id keeps its first place.
                    let other = Int(slots[slot]) - 1
                    if IDPlaces.same(id, UnsafeBufferPointer(rebasing: all[starts[other]..<starts[other + 1]])) { break }
                    slot = (slot + 1) & (size - 1)
                }
                if slots[slot] == 0 { slots[slot] = Int32(place + 1) }
            }
        }
        (self.bytes, self.starts, self.slots) = (bytes, starts, slots)
    }

    /// Where `id` stands, and the list's own string for it when the two are
    /// the same bytes (nearly always: Swift's `==` also takes other
    /// spellings of the same characters). A record keeps that string, not
    /// the one read from its file: the thousands of references to one
    /// organisation then share one string's storage instead of each holding
    /// a copy (some 20 MB at 100 000 records), and comparing two of them is
    /// comparing two pointers.
    func known(_ id: String) -> (place: Int, id: String)? {
        if !slots.isEmpty, let lookup = id.utf8.withContiguousStorageIfAvailable(byteLookup) {
            switch lookup {
            case .found(let place): return (place, ids[place])  // found by its bytes
            case .absent: return nil
            case .notASCII: break
            }
        }
        guard let place = place(of: id) else { return nil }
        return (place, ids[place].utf8.elementsEqual(id.utf8) ? ids[place] : id)
    }

    func place(of id: String) -> Int? {
        if hashed.isEmpty { return ids.firstIndex(of: id) }
        if slots.isEmpty { return hashed[id] }
        switch id.utf8.withContiguousStorageIfAvailable(byteLookup) {
        case .found(let place)?: return place
        case .absent?: return nil
        case .notASCII?, nil: return hashed[id]  // only the Unicode-aware comparison can say
        }
    }

    private enum Lookup { case found(Int), absent, notASCII }

    private func byteLookup(_ text: UnsafeBufferPointer<UInt8>) -> Lookup {
        var any: UInt8 = 0
        for byte in text { any |= byte }
        guard any < 0x80 else { return .notASCII }
        return bytes.withUnsafeBufferPointer { all in
            var slot = Int(IDPlaces.hash(text) & UInt64(slots.count - 1))
            while slots[slot] != 0 {
                let place = Int(slots[slot]) - 1
                if IDPlaces.same(text, UnsafeBufferPointer(rebasing: all[starts[place]..<starts[place + 1]])) { return .found(place) }
                slot = (slot + 1) & (slots.count - 1)
            }
            return .absent
        }
    }

    /// FNV-1a over the bytes: a few instructions a byte, and ids are short.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }
}

/// Finds a participation's organisation in config/site.yaml's list: by the
/// place the reader noted, when the organisation there still has the id
/// (a record made elsewhere, as in a test, may carry no place), and by its id
/// otherwise. Each participation's id was hashed in the indexes, the
/// indicators and the activity pages again (docs/performance.md, change 99).
struct OrganisationPlaces: Sendable {
    let organisations: [Organisation]
    private let byID: IDPlaces

    init(_ organisations: [Organisation]) {
        self.organisations = organisations
        byID = IDPlaces(organisations.map(\.id))
    }

    // Always inlined: called for a participation in place, its id is not copied out.
    @inline(__always)
    func place(of participation: Activity.Participation) -> Int? {
        if let place = participation.organisationPlace, place < organisations.count,
           organisations[place].id == participation.organisation { return place }
        return byID.place(of: participation.organisation)
    }

    func place(of id: String) -> Int? { byID.place(of: id) }
}

public struct Subproject: Sendable, Identifiable {
    public var id: String
    public var name: String
    public var start: Day
    public var end: Day
    /// Organisations expected to be covered by agreements.
    public var partners: [String]

    public init(id: String, name: String, start: Day, end: Day, partners: [String] = []) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.partners = partners
    }
}

public struct Targets: Sendable, Equatable {
    public var caseworkerMeetingsPerYear = 3
    public var themeDaysPerYear = 2
    public var agreementExpiryWarningDays = 90
    public var assessmentIntervalMonths = 6

    public init() {}
}

/// The self-assessment questions and their scale.
public struct Questionnaire: Sendable {
    public struct Question: Sendable, Identifiable {
        public var id: String
        public var text: String
        public var textEn: String?

        public init(id: String, text: String, textEn: String? = nil) {
            self.id = id
            self.text = text
            self.textEn = textEn
        }
    }

    public var scaleMin: Int
    public var scaleMax: Int
    public var questions: [Question]

    public init(scaleMin: Int = 1, scaleMax: Int = 5, questions: [Question]) {
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.questions = questions
    }

    /// The six organisational questions from the Danish BIP study, as the
    /// IRIS 2 application words them. Used when config gives no `assessment:`.
    public static let bip = Questionnaire(questions: [
        Question(id: "trust_culture",
                 text: "I vilken mån har ert delprojekt utvecklat en kultur som stödjer personalen att ha tilltro till deltagarens möjligheter att komma ut i arbete?",
                 textEn: "To what extent has your subproject developed a culture that supports staff in believing in the participant's chances of getting a job?"),
        Question(id: "work_focus",
                 text: "I vilken mån har ni i ert delprojekt fokus på arbete redan från första mötet med deltagaren?",
                 textEn: "To what extent does your subproject focus on work from the very first meeting with the participant?"),
        Question(id: "parallel_services",
                 text: "I vilken mån stödjer er verksamhet idag samverkan mellan olika insatser, så att samordning av parallella insatser kan ske?",
                 textEn: "To what extent does your organisation support collaboration between services, so that parallel services can be coordinated?"),
        Question(id: "no_breaks",
                 text: "Hur bra lyckas ert delprojekt skapa förutsättningar för insatser utan längre avbrott för deltagaren?",
                 textEn: "How well does your subproject create the conditions for services without long breaks for the participant?"),
        Question(id: "continuity",
                 text: "Hur bra lyckas ert delprojekt skapa förutsättningar för deltagarna att behålla samma personal (kontinuitet) under deltagarens hela resa mot arbete/studier?",
                 textEn: "How well does your subproject enable participants to keep the same staff (continuity) throughout their journey towards work or studies?"),
        Question(id: "progression_focus",
                 text: "I vilken omfattning har ert delprojekt fokus på deltagarnas progression under deras väg till arbete och/eller studier?",
                 textEn: "To what extent does your subproject focus on the participants' progression on their way to work and/or studies?"),
    ])
}
