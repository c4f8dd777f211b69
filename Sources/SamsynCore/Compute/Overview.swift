/// The steering group's summary: one line per structural measure with a
/// target and a status, and the list of things that need attention. Derived
/// from the report and the project only, so the pages have nothing to compute.
public struct Overview: Sendable {
    public enum Status: String, Sendable {
        /// The target is reached.
        case met
        /// Not reached yet, but at least where the elapsed share of the period says it should be.
        case onTrack = "on-track"
        /// Behind the pro-rata expectation.
        case behind
        /// A figure without a target.
        case info
    }

    public struct Measure: Sendable, Equatable {
        public var key: String
        public var value: Int
        public var target: Int?
        public var share: Rounded?
        public var status: Status
    }

    public enum Attention: Sendable, Equatable {
        case agreementExpiring(id: String, end: Day)
        case partnerGap(subproject: String, organisations: [String])
        case assessmentOverdue(subproject: String, latest: Day?)
        case caseworkerMeetingsBehind(subproject: String, thisYear: Int, target: Int)
        case principleUncovered(Principle)
        case planned(kind: Activity.Kind, id: String, date: Day)
    }

    public var measures: [Measure]
    public var attention: [Attention]

    /// How far ahead planned activities are listed.
    public static let plannedHorizonDays = 60

    public static func compute(_ project: Project, _ report: IndicatorReport) -> Overview {
        let day = report.asOf, config = project.config
        let started = config.subprojects.filter { $0.start <= day }
        var measures: [Measure] = []

        let a = report.agreements
        measures.append(Measure(key: "agreements-in-force", value: a.inForce, target: nil, share: nil, status: .info))
        measures.append(Measure(key: "agreements-independent", value: a.inForceIndependent, target: a.inForce,
                                share: ratio(a.inForceIndependent, a.inForce), status: .info))

        let expected = config.subprojects.reduce(0) { $0 + $1.partners.count }
        let covered = config.subprojects.reduce(0) { total, sub in
            total + sub.partners.filter { (a.coverage[sub.id] ?? []).contains($0) }.count
        }
        measures.append(Measure(key: "partner-coverage", value: covered, target: expected, share: ratio(covered, expected),
                                status: covered >= expected ? .met : .behind))

        let withTarget = config.organisations.filter { ($0.trainingTarget ?? 0) > 0 }
        let attendances = withTarget.reduce(0) { $0 + (report.competence[$1.id]?.attendances ?? 0) }
        let target = withTarget.reduce(0) { $0 + ($1.trainingTarget ?? 0) }
        let elapsed = Exact(min(max(day.dayNumber - config.start.dayNumber + 1, 0), config.end.dayNumber - config.start.dayNumber + 1),
                            config.end.dayNumber - config.start.dayNumber + 1)
        measures.append(Measure(key: "competence", value: attendances, target: target, share: ratio(attendances, target),
                                status: status(attendances, target, elapsed: elapsed)))

        let themeDays = report.principles.themeDaysByYear[day.yearKey] ?? 0
        measures.append(Measure(key: "theme-days-this-year", value: themeDays, target: config.targets.themeDaysPerYear,
                                share: ratio(themeDays, config.targets.themeDaysPerYear),
                                status: status(themeDays, config.targets.themeDaysPerYear,
                                               elapsed: Exact(day.dayOfYear, day.daysInYear))))

        let onTrack = started.filter { report.caseworkerMeetings[$0.id]?.onTrack == true }.count
        measures.append(Measure(key: "caseworker-meetings", value: onTrack, target: started.count,
                                share: ratio(onTrack, started.count), status: onTrack >= started.count ? .met : .behind))

        let current = started.filter { report.assessments[$0.id]?.overdue == false }.count
        measures.append(Measure(key: "assessments-current", value: current, target: started.count,
                                share: ratio(current, started.count), status: current >= started.count ? .met : .behind))

        let principles = Principle.allCases.count - report.principles.uncoveredThisYear.count
        measures.append(Measure(key: "principles-this-year", value: principles, target: Principle.allCases.count,
                                share: ratio(principles, Principle.allCases.count),
                                status: principles >= Principle.allCases.count ? .met : .behind))

        return Overview(measures: measures, attention: attention(project, report))
    }

    static func ratio(_ value: Int, _ target: Int) -> Rounded? {
        target > 0 ? Exact(value, target).rounded(decimals: 3) : nil
    }

    /// Met when the target is reached; on track when value ≥ target × elapsed share.
    static func status(_ value: Int, _ target: Int, elapsed: Exact) -> Status {
        if value >= target { return .met }
        return Exact(value) >= Exact(target) * elapsed ? .onTrack : .behind
    }

    static func attention(_ project: Project, _ report: IndicatorReport) -> [Attention] {
        let day = report.asOf
        var items: [Attention] = []
        let byID = Dictionary(uniqueKeysWithValues: project.agreements.map { ($0.id, $0) })
        for id in report.agreements.expiring {
            if let end = byID[id]?.effectiveEnd { items.append(.agreementExpiring(id: id, end: end)) }
        }
        for sub in project.config.subprojects {
            if let gaps = report.agreements.gaps[sub.id], !gaps.isEmpty {
                items.append(.partnerGap(subproject: sub.id, organisations: gaps))
            }
        }
        for sub in project.config.subprojects {
            if let history = report.assessments[sub.id], history.overdue {
                items.append(.assessmentOverdue(subproject: sub.id, latest: history.rounds.last?.date))
            }
        }
        for sub in project.config.subprojects where sub.start <= day {
            if let meetings = report.caseworkerMeetings[sub.id], !meetings.onTrack {
                items.append(.caseworkerMeetingsBehind(subproject: sub.id, thisYear: meetings.thisYear, target: meetings.target))
            }
        }
        for principle in report.principles.uncoveredThisYear { items.append(.principleUncovered(principle)) }
        let horizon = day.adding(days: plannedHorizonDays)
        let upcoming = project.activities.filter { $0.date > day && $0.date <= horizon }
            .sorted(by: Activity.chronological)
        for activity in upcoming { items.append(.planned(kind: activity.kind, id: activity.id, date: activity.date)) }
        return items
    }
}
