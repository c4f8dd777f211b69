/// Everything the indicator contract defines, computed for one as-of date.
/// Plain values only: the JSON, the CSV tables and the pages present these
/// and compute nothing of their own.
public struct IndicatorReport: Sendable {
    public var asOf: Day
    public var project: ProjectSummary
    public var agreements: AgreementIndicators
    public var trainings: ActivityIndicators
    public var themeDays: ActivityIndicators
    public var meetings: ActivityIndicators
    public var principles: PrincipleIndicators
    /// By organisation id, for every organisation in config.
    public var competence: [String: Competence]
    /// By subproject id, for every subproject.
    public var caseworkerMeetings: [String: CaseworkerMeetings]
    /// By subproject id, for every subproject.
    public var assessments: [String: AssessmentHistory]

    public func activities(_ kind: Activity.Kind) -> ActivityIndicators {
        switch kind {
        case .training: return trainings
        case .themeDay: return themeDays
        case .meeting: return meetings
        }
    }
}

public struct ProjectSummary: Sendable, Equatable {
    public var name: String
    public var reference: String?
    public var start: Day
    public var end: Day
}

/// Counts keyed by calendar year ("2024"), holding only years with a count above zero.
public typealias ByYear = [String: Int]

public struct AgreementIndicators: Sendable, Equatable {
    public var total: Int
    public var byStatus: [Agreement.Status: Int]
    public var inForce: Int
    public var inForceIndependent: Int
    public var signedByYear: ByYear
    /// Ids of agreements in force whose end falls within the warning window.
    public var expiring: [String]
    /// Subproject id → organisations covered by an agreement in force that applies to it.
    public var coverage: [String: [String]]
    /// Subproject id → its partners that are not covered.
    public var gaps: [String: [String]]
}

public struct ActivityIndicators: Sendable, Equatable {
    public var held: Int
    public var planned: Int
    public var heldByYear: ByYear
    public var participants: Int
    public var women: Int
    public var men: Int
    public var nonBinary: Int
    /// Hours × participants over held activities that give hours, to 1 decimal.
    public var participantHours: Rounded
    /// Meetings only: held meetings by `meeting_type`, types with a count above zero.
    public var heldByType: [Activity.MeetingType: Int]?
}

public struct PrincipleIndicators: Sendable, Equatable {
    public var activitiesByYear: ByYear
    public var byPrinciple: [Principle: Int]
    public var themeDaysByYear: ByYear
    public var uncoveredThisYear: [Principle]
}

public struct Competence: Sendable, Equatable {
    public var target: Int?
    /// Attendances (one person at two trainings counts twice), not distinct people.
    public var attendances: Int
    /// attendances / target, 3 decimals; nil without a (non-zero) target.
    public var share: Rounded?
}

public struct CaseworkerMeetings: Sendable, Equatable {
    public var byYear: ByYear
    public var thisYear: Int
    public var target: Int
    public var onTrack: Bool
}

public struct AssessmentHistory: Sendable, Equatable {
    /// One self-assessment's means, kept by each question's place in the
    /// questionnaire rather than by its id: the pages, the tables and the
    /// indicators read every mean of every round in the questionnaire's
    /// order, and looking each up by its id hashed the id every time (1.0 % of
    /// a rebuild's instructions, docs/performance.md, change 96).
    public struct Round: Sendable, Equatable {
        public var id: String
        public var date: Day
        public var respondents: Int
        /// The questionnaire's question ids, in its order: the places of
        /// `meanByPlace` and `exactByPlace` (one array shared by every round).
        public var questions: [String]
        /// Each question's mean over the answers given, 2 decimals, by its
        /// place in `questions`; nil where no answer was given.
        public var meanByPlace: [Rounded?]
        /// Mean of the unrounded question means, 2 decimals (nil when no question was answered).
        public var index: Rounded?
        /// The unrounded means by place, kept for `change` and `weakest`.
        public var exactByPlace: [Exact?]

        /// The mean of one question, by its id; nil when it was not answered
        /// or is not in the questionnaire.
        public func mean(of question: String) -> Rounded? {
            questions.firstIndex(of: question).flatMap { meanByPlace[$0] }
        }
    }

    public var rounds: [Round]
    public var latest: String?
    public var change: [String: Rounded]
    public var weakest: [String]
    public var overdue: Bool
}
