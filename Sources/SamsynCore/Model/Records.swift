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

    public var id: String
    public var title: String
    public var parties: [String]
    /// Empty means the agreement applies to the whole project.
    public var subprojects: [String]
    public var status: Status
    public var signed: Day?
    public var validFrom: Day?
    public var validUntil: Day?
    public var terminated: Day?
    public var scope: [Scope]
    public var independentOfIndividuals: Bool
    public var notes: String?
    public var source: SourceLocation

    public init(id: String, title: String, parties: [String], subprojects: [String] = [], status: Status,
                signed: Day? = nil, validFrom: Day? = nil, validUntil: Day? = nil, terminated: Day? = nil,
                scope: [Scope] = [], independentOfIndividuals: Bool = false, notes: String? = nil,
                source: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.title = title
        self.parties = parties
        self.subprojects = subprojects
        self.status = status
        self.signed = signed
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.terminated = terminated
        self.scope = scope
        self.independentOfIndividuals = independentOfIndividuals
        self.notes = notes
        self.source = source
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

        public init(organisation: String, count: Int, women: Int? = nil, men: Int? = nil, nonBinary: Int? = nil) {
            self.organisation = organisation
            self.count = count
            self.women = women
            self.men = men
            self.nonBinary = nonBinary
        }

        public var hasSplit: Bool { women != nil || men != nil || nonBinary != nil }
    }

    /// The fields, in one immutable box shared by every copy: an activity is
    /// copied into many lists and indexes (by kind, date, organisation,
    /// subproject), and copying the box is one reference count where copying
    /// fourteen fields was fourteen. Setting a field makes a new box.
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
        var participants: [Participation]
        var notes: String?
        var source: SourceLocation
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func change(_ update: (inout Fields) -> Void) {
        var fields = box.fields
        update(&fields)
        box = Box(fields)
    }

    public var kind: Kind { get { box.fields.kind } set { change { $0.kind = newValue } } }
    public var id: String { get { box.fields.id } set { change { $0.id = newValue } } }
    public var title: String { get { box.fields.title } set { change { $0.title = newValue } } }
    public var date: Day { get { box.fields.date } set { change { $0.date = newValue } } }
    public var endDate: Day? { get { box.fields.endDate } set { change { $0.endDate = newValue } } }
    /// Length per participant, exact (1.5 hours is 3/2).
    public var hours: Exact? { get { box.fields.hours } set { change { $0.hours = newValue } } }
    public var provider: String? { get { box.fields.provider } set { change { $0.provider = newValue } } }
    public var methods: [Method] { get { box.fields.methods } set { change { $0.methods = newValue } } }
    public var principles: [Principle] { get { box.fields.principles } set { change { $0.principles = newValue } } }
    public var subprojects: [String] { get { box.fields.subprojects } set { change { $0.subprojects = newValue } } }
    public var meetingType: MeetingType? { get { box.fields.meetingType } set { change { $0.meetingType = newValue } } }
    public var participants: [Participation] { get { box.fields.participants } set { change { $0.participants = newValue } } }
    public var notes: String? { get { box.fields.notes } set { change { $0.notes = newValue } } }
    public var source: SourceLocation { get { box.fields.source } set { change { $0.source = newValue } } }

    public init(kind: Kind, id: String, title: String, date: Day, endDate: Day? = nil, hours: Exact? = nil,
                provider: String? = nil, methods: [Method] = [], principles: [Principle] = [],
                subprojects: [String] = [], meetingType: MeetingType? = nil, participants: [Participation] = [],
                notes: String? = nil, source: SourceLocation = SourceLocation(file: "")) {
        box = Box(Fields(kind: kind, id: id, title: title, date: date, endDate: endDate, hours: hours, provider: provider,
                         methods: methods, principles: principles, subprojects: subprojects, meetingType: meetingType,
                         participants: participants, notes: notes, source: source))
    }

    /// By date, then by id (ids are ASCII, so byte order is their alphabetical order).
    public static func chronological(_ a: Activity, _ b: Activity) -> Bool {
        a.date != b.date ? a.date < b.date : byteOrder(a.id, b.id)
    }

    /// Held as of `day` when it starts on or before it; later ones are planned.
    public func isHeld(asOf day: Day) -> Bool { date <= day }

    public var participantCount: Int { participants.reduce(0) { $0 + $1.count } }
}

/// One round of the BIP organisational self-assessment for a subproject.
public struct SelfAssessment: Sendable, Identifiable {
    public enum Answers: Sendable {
        /// A consensus answer of the team: every question answered once.
        case scores([String: Int])
        /// Anonymous individual answers; a response may skip questions.
        case responses([[String: Int]])
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

    /// Every answer given, as one list per response (a consensus counts as one).
    public var responseList: [[String: Int]] {
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
