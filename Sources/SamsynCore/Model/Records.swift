/// A signed (or draft, or terminated) collaboration agreement —
/// samverkansöverenskommelse.
public struct Agreement: Sendable, Identifiable {
    public enum Status: String, CaseIterable, Sendable {
        case draft, signed, terminated
    }

    public enum Scope: String, CaseIterable, Sendable {
        case parallelServices = "parallel-services"
        case referral
        case jointFollowUp = "joint-follow-up"
        case fourPartyMeeting = "four-party-meeting"
        case informationSharing = "information-sharing"
        case other
    }

    /// The fields, in one immutable box shared by every copy (see `Shared`):
    /// an agreement is copied into the lists by party and by subproject.
    private struct Fields: Sendable {
        var id: String
        var title: String
        var parties: [String]
        var subprojects: [String]
        var status: Status
        var signed: Day?
        var validFrom: Day?
        var validUntil: Day?
        var terminated: Day?
        var scope: [Scope]
        var independentOfIndividuals: Bool
        var notes: String?
        var source: SourceLocation
    }

    private var box: Shared<Fields>

    public var id: String { get { box.value.id } set { box = box.changed { $0.id = newValue } } }
    public var title: String { get { box.value.title } set { box = box.changed { $0.title = newValue } } }
    public var parties: [String] { get { box.value.parties } set { box = box.changed { $0.parties = newValue } } }
    /// Empty means the agreement applies to the whole project.
    public var subprojects: [String] { get { box.value.subprojects } set { box = box.changed { $0.subprojects = newValue } } }
    public var status: Status { get { box.value.status } set { box = box.changed { $0.status = newValue } } }
    public var signed: Day? { get { box.value.signed } set { box = box.changed { $0.signed = newValue } } }
    public var validFrom: Day? { get { box.value.validFrom } set { box = box.changed { $0.validFrom = newValue } } }
    public var validUntil: Day? { get { box.value.validUntil } set { box = box.changed { $0.validUntil = newValue } } }
    public var terminated: Day? { get { box.value.terminated } set { box = box.changed { $0.terminated = newValue } } }
    public var scope: [Scope] { get { box.value.scope } set { box = box.changed { $0.scope = newValue } } }
    public var independentOfIndividuals: Bool {
        get { box.value.independentOfIndividuals }
        set { box = box.changed { $0.independentOfIndividuals = newValue } }
    }
    public var notes: String? { get { box.value.notes } set { box = box.changed { $0.notes = newValue } } }
    public var source: SourceLocation { get { box.value.source } set { box = box.changed { $0.source = newValue } } }

    public init(id: String, title: String, parties: [String], subprojects: [String] = [], status: Status,
                signed: Day? = nil, validFrom: Day? = nil, validUntil: Day? = nil, terminated: Day? = nil,
                scope: [Scope] = [], independentOfIndividuals: Bool = false, notes: String? = nil,
                source: SourceLocation = SourceLocation(file: "")) {
        box = Shared(Fields(id: id, title: title, parties: parties, subprojects: subprojects, status: status, signed: signed,
                            validFrom: validFrom, validUntil: validUntil, terminated: terminated, scope: scope,
                            independentOfIndividuals: independentOfIndividuals, notes: notes, source: source))
    }

    /// First day in force: `valid_from`, defaulting to the signing date.
    public var effectiveStart: Day? { validFrom ?? signed }

    /// Last day in force: the earlier of `valid_until` and `terminated`; nil is open-ended.
    public var effectiveEnd: Day? {
        switch (validUntil, terminated) {
        case let (until?, ended?): return min(until, ended)
        case let (until?, nil): return until
        case let (nil, ended?): return ended
        case (nil, nil): return nil
        }
    }

    /// In force on `day`: signed or terminated, started, and not yet ended (both ends inclusive).
    public func isInForce(on day: Day) -> Bool {
        guard status != .draft, let start = effectiveStart, start <= day else { return false }
        if let end = effectiveEnd { return day <= end }
        return true
    }
}

/// The horizontal principles of ESF+ (a fixed vocabulary).
public enum Principle: String, CaseIterable, Sendable, Comparable {
    case accessibility
    case genderEquality = "gender-equality"
    case nonDiscrimination = "non-discrimination"

    public static func < (a: Principle, b: Principle) -> Bool {
        a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
    }
}

/// A training, a theme day or a meeting: the three share one shape and the
/// folder they are kept in gives the kind.
public struct Activity: Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Sendable {
        case training, themeDay = "theme-day", meeting

        /// The folder under `content/` that holds this kind.
        public var folder: String {
            switch self {
            case .training: return "trainings"
            case .themeDay: return "theme-days"
            case .meeting: return "meetings"
            }
        }
    }

    public enum Method: String, CaseIterable, Sendable {
        case caseManagement = "case-management"
        case supportedEmployment = "supported-employment"
        case supportedEducation = "supported-education"
        case motivationalInterviewing = "motivational-interviewing"
        case bip, ips, other
    }

    public enum MeetingType: String, CaseIterable, Sendable {
        case team, caseworker, steeringGroup = "steering-group", workshop, other
    }

    /// Attendance from one organisation: a count, a split by gender, or both.
    public struct Participation: Sendable {
        public var organisation: String
        public var count: Int
        public var women: Int?
        public var men: Int?
        public var nonBinary: Int?
        /// Where the reader found `organisation` in config/site.yaml's list of
        /// organisations, when it did: the indexes, the indicators and the
        /// pages then need not hash the id again (`OrganisationPlaces`).
        public var organisationPlace: Int?

        public init(organisation: String, count: Int, women: Int? = nil, men: Int? = nil, nonBinary: Int? = nil,
                    organisationPlace: Int? = nil) {
            self.organisation = organisation
            self.count = count
            self.women = women
            self.men = men
            self.nonBinary = nonBinary
            self.organisationPlace = organisationPlace
        }

        public var hasSplit: Bool { women != nil || men != nil || nonBinary != nil }
    }

    /// The fields, in one immutable box shared by every copy (see `Shared`):
    /// an activity is copied into many lists and indexes (by kind, date,
    /// organisation, subproject).
    private struct Fields: Sendable {
        var kind: Kind
        var id: String
        var title: String
        var date: Day
        var endDate: Day?
        var hours: Exact?
        var provider: String?
        var methods: [Method]
        var principles: [Principle]
        var subprojects: [String]
        var meetingType: MeetingType?
        var participants: [Participation] { didSet { participantCount = Fields.count(participants) } }
        /// Kept with the list: the count is read for every activity in every
        /// table and figure, and summing the list each time touched each
        /// activity's participants again (at national scale they are no
        /// longer in the processor's cache by then).
        private(set) var participantCount: Int
        var notes: String?
        var source: SourceLocation

        static func count(_ participants: [Participation]) -> Int { participants.reduce(0) { $0 + $1.count } }
    }

    private var box: Shared<Fields>

    public var kind: Kind { get { box.value.kind } set { box = box.changed { $0.kind = newValue } } }
    public var id: String { get { box.value.id } set { box = box.changed { $0.id = newValue } } }
    public var title: String { get { box.value.title } set { box = box.changed { $0.title = newValue } } }
    public var date: Day { get { box.value.date } set { box = box.changed { $0.date = newValue } } }
    public var endDate: Day? { get { box.value.endDate } set { box = box.changed { $0.endDate = newValue } } }
    /// Length per participant, exact (1.5 hours is 3/2).
    public var hours: Exact? { get { box.value.hours } set { box = box.changed { $0.hours = newValue } } }
    public var provider: String? { get { box.value.provider } set { box = box.changed { $0.provider = newValue } } }
    public var methods: [Method] { get { box.value.methods } set { box = box.changed { $0.methods = newValue } } }
    public var principles: [Principle] { get { box.value.principles } set { box = box.changed { $0.principles = newValue } } }
    public var subprojects: [String] { get { box.value.subprojects } set { box = box.changed { $0.subprojects = newValue } } }
    public var meetingType: MeetingType? { get { box.value.meetingType } set { box = box.changed { $0.meetingType = newValue } } }
    public var participants: [Participation] { get { box.value.participants } set { box = box.changed { $0.participants = newValue } } }
    public var notes: String? { get { box.value.notes } set { box = box.changed { $0.notes = newValue } } }
    public var source: SourceLocation { get { box.value.source } set { box = box.changed { $0.source = newValue } } }

    public init(kind: Kind, id: String, title: String, date: Day, endDate: Day? = nil, hours: Exact? = nil,
                provider: String? = nil, methods: [Method] = [], principles: [Principle] = [],
                subprojects: [String] = [], meetingType: MeetingType? = nil, participants: [Participation] = [],
                notes: String? = nil, source: SourceLocation = SourceLocation(file: "")) {
        box = Shared(Fields(kind: kind, id: id, title: title, date: date, endDate: endDate, hours: hours, provider: provider,
                            methods: methods, principles: principles, subprojects: subprojects, meetingType: meetingType,
                            participants: participants, participantCount: Fields.count(participants), notes: notes, source: source))
    }

    /// By date, then by id (ids are ASCII, so byte order is their alphabetical order).
    public static func chronological(_ a: Activity, _ b: Activity) -> Bool {
        a.date != b.date ? a.date < b.date : byteOrder(a.id, b.id)
    }

    /// The places of `activities` in `chronological` order; with `byKind`,
    /// activities of one date are ordered by kind (in `Kind.allCases`
    /// order) before id. Sorted on keys read once (`byteOrderPlaces`), as
    /// a national site sorts tens of thousands of activities.
    static func chronologicalPlaces(_ activities: [Activity], byKind: Bool = false) -> [Int] {
        let kindRank = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        return byteOrderPlaces(count: activities.count, rankedBy: { index in
            let activity = activities[index]
            return byKind ? activity.date.dayNumber * kindRank.count + kindRank[activity.kind]! : activity.date.dayNumber
        }) { activities[$0].id }
    }

    /// Held as of `day` when it starts on or before it; later ones are planned.
    public func isHeld(asOf day: Day) -> Bool { date <= day }

    /// Everyone who took part, summed over the organisations.
    public var participantCount: Int { box.value.participantCount }
}

/// One round of the BIP organisational self-assessment for a subproject.
public struct SelfAssessment: Sendable, Identifiable {
    public enum Answers: Sendable {
        /// A consensus answer of the team: every question answered once.
        case scores(Response)
        /// Anonymous individual answers; a response may skip questions.
        case responses([Response])
    }

    /// One response's scores (or the team's joint ones): each question's id
    /// and score, in the order the file gives them. A list, not a
    /// dictionary: a response answers six questions at most, YAML has
    /// already refused a question named twice, and the indicators only walk
    /// the answers (hashing each question's id into a dictionary per
    /// response cost more than reading the response: docs/performance.md,
    /// change 120). Written as a dictionary literal: `["trust_culture": 3]`.
    public struct Response: Sendable, Equatable, ExpressibleByDictionaryLiteral {
        public struct Answer: Sendable, Equatable {
            public var question: String
            public var score: Int
        }

        public var answers: [Answer]

        public init(_ answers: [Answer]) { self.answers = answers }

        public init(dictionaryLiteral elements: (String, Int)...) {
            answers = elements.map { Answer(question: $0.0, score: $0.1) }
        }

        /// The score given to `question`, if any.
        public subscript(question: String) -> Int? {
            answers.first { $0.question == question }?.score
        }
    }

    public var id: String
    public var subproject: String
    public var date: Day
    public var answers: Answers
    public var comment: String?
    public var source: SourceLocation

    public init(id: String, subproject: String, date: Day, answers: Answers, comment: String? = nil,
                source: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.subproject = subproject
        self.date = date
        self.answers = answers
        self.comment = comment
        self.source = source
    }

    /// Every response (a consensus counts as one).
    public var responseList: [Response] {
        switch answers {
        case .scores(let scores): return [scores]
        case .responses(let responses): return responses
        }
    }
}

/// A record that applies to the subprojects it names, or to all (the whole
/// project) when it names none.
protocol AppliesToSubprojects {
    var subprojects: [String] { get }
}

extension Agreement: AppliesToSubprojects {}
extension Activity: AppliesToSubprojects {}

/// A record's fields in one immutable box that every copy shares. Records
/// are copied into many lists and indexes; copying a box is one reference
/// count where copying a dozen fields was a dozen. Setting a field makes a
/// new box, so a copy never sees another's change.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    func changed(_ update: (inout Value) -> Void) -> Shared {
        var copy = value
        update(&copy)
        return Shared(copy)
    }
}
