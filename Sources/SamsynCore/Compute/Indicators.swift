/// Step 3 of the pipeline: the structural indicators, as pure functions of
/// the validated project and the as-of date. No files, no clock: the same
/// input and date always give the same report (see docs/indicators.md).
public enum Indicators {
    public static func compute(_ project: Project, asOf day: Day) -> IndicatorReport {
        // Independent pieces on every core (the report is the same either way).
        report(project, asOf: day, Parallel.map(Piece.allCases) { piece($0, project, asOf: day) })
    }

    /// The report in independent pieces, each a pure function of the
    /// project and the day, so that a caller can hand them out with other
    /// work (`RenderInput.computing`): a `Parallel` call inside another runs
    /// on one core, and fewer, larger pieces left one core waiting for the
    /// last (at 100 000 records, some 50 ms). Listed largest first, as
    /// measured on national projects: whichever core is free takes the next.
    enum Piece: CaseIterable, Sendable {
        case attendance, assessments, agreements, meetings, trainings, themeDays
    }

    enum Part: Sendable {
        case attendance(principles: PrincipleIndicators, competence: [String: Competence],
                        caseworkerMeetings: [String: CaseworkerMeetings])
        case assessments([String: AssessmentHistory])
        case agreements(AgreementIndicators)
        case activities(Activity.Kind, ActivityIndicators)
    }

    static func piece(_ piece: Piece, _ project: Project, asOf day: Day) -> Part {
        switch piece {
        case .attendance:
            let held = project.activities.filter { $0.isHeld(asOf: day) }
            return .attendance(principles: principles(held: held, asOf: day),
                               competence: competence(project.config.organisations, held: held),
                               caseworkerMeetings: caseworkerMeetings(project.config, held: held, asOf: day))
        case .assessments: return .assessments(assessments(project, asOf: day))
        case .agreements: return .agreements(agreements(project, asOf: day))
        case .meetings: return .activities(.meeting, activities(project.activities.filter { $0.kind == .meeting }, asOf: day))
        case .trainings: return .activities(.training, activities(project.activities.filter { $0.kind == .training }, asOf: day))
        case .themeDays: return .activities(.themeDay, activities(project.activities.filter { $0.kind == .themeDay }, asOf: day))
        }
    }

    /// The report from one part of each piece (every piece must be there).
    static func report(_ project: Project, asOf day: Day, _ parts: [Part]) -> IndicatorReport {
        var attendance: (principles: PrincipleIndicators, competence: [String: Competence],
                         caseworkerMeetings: [String: CaseworkerMeetings])?
        var assessments: [String: AssessmentHistory]?, agreements: AgreementIndicators?
        var activities: [Activity.Kind: ActivityIndicators] = [:]
        for part in parts {
            switch part {
            case let .attendance(principles, competence, caseworkerMeetings): attendance = (principles, competence, caseworkerMeetings)
            case .assessments(let value): assessments = value
            case .agreements(let value): agreements = value
            case .activities(let kind, let value): activities[kind] = value
            }
        }
        guard let attendance, let assessments, let agreements, let trainings = activities[.training],
              let themeDays = activities[.themeDay], let meetings = activities[.meeting] else {
            preconditionFailure("the report needs every piece of Indicators.Piece")
        }
        let config = project.config
        return IndicatorReport(
            asOf: day,
            project: ProjectSummary(name: config.name, reference: config.reference, start: config.start, end: config.end),
            agreements: agreements,
            trainings: trainings,
            themeDays: themeDays,
            meetings: meetings,
            principles: attendance.principles,
            competence: attendance.competence,
            caseworkerMeetings: attendance.caseworkerMeetings,
            assessments: assessments)
    }

    // MARK: Agreements

    static func agreements(_ project: Project, asOf day: Day) -> AgreementIndicators {
        let all = project.agreements
        let inForce = all.filter { $0.isInForce(on: day) }
        var byStatus: [Agreement.Status: Int] = [:]
        for status in Agreement.Status.allCases { byStatus[status] = all.filter { $0.status == status }.count }

        let warningEnd = day.adding(days: project.config.targets.agreementExpiryWarningDays)
        let expiring = inForce.filter { agreement in
            guard let end = agreement.effectiveEnd else { return false }
            return day <= end && end <= warningEnd
        }.map(\.id)

        // One pass over the agreements, not one per subproject: a national
        // project has hundreds of subprojects and tens of thousands of agreements.
        let partiesBySubproject = grouped(inForce) { Set($0.flatMap(\.parties)) }
        var coverage: [String: [String]] = [:]
        var gaps: [String: [String]] = [:]
        for subproject in project.config.subprojects {
            let covered = partiesBySubproject.wholeProject.union(partiesBySubproject.bySubproject[subproject.id] ?? [])
            coverage[subproject.id] = sortedIDs(covered)
            gaps[subproject.id] = sortedIDs(Set(subproject.partners).subtracting(covered))
        }

        return AgreementIndicators(
            total: all.count,
            byStatus: byStatus,
            inForce: inForce.count,
            inForceIndependent: inForce.filter(\.independentOfIndividuals).count,
            signedByYear: countByYear(all.filter { $0.status != .draft }.compactMap(\.signed)),
            expiring: sortedIDs(expiring),
            coverage: coverage,
            gaps: gaps)
    }

    // MARK: Activities

    static func activities(_ ofKind: [Activity], asOf day: Day) -> ActivityIndicators {
        let held = ofKind.filter { $0.isHeld(asOf: day) }
        let entries = held.flatMap(\.participants)
        var hours = Exact.zero
        for activity in held {
            if let perPerson = activity.hours { hours = hours + perPerson * Exact(activity.participantCount) }
        }
        var byType: [Activity.MeetingType: Int]?
        if ofKind.first?.kind == .meeting {
            byType = [:]
            for meeting in held { if let type = meeting.meetingType { byType![type, default: 0] += 1 } }
        }
        return ActivityIndicators(
            held: held.count,
            planned: ofKind.count - held.count,
            heldByYear: countByYear(held.map(\.date)),
            participants: entries.reduce(0) { $0 + $1.count },
            women: entries.reduce(0) { $0 + ($1.women ?? 0) },
            men: entries.reduce(0) { $0 + ($1.men ?? 0) },
            nonBinary: entries.reduce(0) { $0 + ($1.nonBinary ?? 0) },
            participantHours: hours.rounded(decimals: 1),
            heldByType: byType)
    }

    // MARK: Horizontal principles

    static func principles(held: [Activity], asOf day: Day) -> PrincipleIndicators {
        let withPrinciples = held.filter { !$0.principles.isEmpty }
        var byPrinciple: [Principle: Int] = [:]
        for principle in Principle.allCases {
            byPrinciple[principle] = held.filter { $0.principles.contains(principle) }.count
        }
        let coveredThisYear = Set(held.filter { $0.date.year == day.year }.flatMap(\.principles))
        return PrincipleIndicators(
            activitiesByYear: countByYear(withPrinciples.map(\.date)),
            byPrinciple: byPrinciple,
            themeDaysByYear: countByYear(held.filter { $0.kind == .themeDay }.map(\.date)),
            uncoveredThisYear: Principle.allCases.filter { !coveredThisYear.contains($0) }.sorted())
    }

    // MARK: Competence development

    static func competence(_ organisations: [Organisation], held: [Activity]) -> [String: Competence] {
        // Summed by the organisation's place (an organisation not in the
        // config, which validation never lets through, counts for none).
        let places = OrganisationPlaces(organisations)
        var attendances = [Int](repeating: 0, count: organisations.count)
        for activity in held where activity.kind == .training || activity.kind == .themeDay {
            for entry in activity.participants {
                if let place = places.place(of: entry) { attendances[place] += entry.count }
            }
        }
        var result: [String: Competence] = [:]
        for organisation in organisations {
            let count = places.place(of: organisation.id).map { attendances[$0] } ?? 0
            let share = organisation.trainingTarget.flatMap { target in
                target > 0 ? Exact(count, target).rounded(decimals: 3) : nil
            }
            result[organisation.id] = Competence(target: organisation.trainingTarget, attendances: count, share: share)
        }
        return result
    }

    // MARK: Case-worker meetings

    static func caseworkerMeetings(_ config: SiteConfig, held: [Activity], asOf day: Day) -> [String: CaseworkerMeetings] {
        let meetings = held.filter { $0.kind == .meeting && $0.meetingType == .caseworker }
        let target = config.targets.caseworkerMeetingsPerYear
        var result: [String: CaseworkerMeetings] = [:]
        let datesBySubproject = grouped(meetings) { $0.map(\.date) }
        for subproject in config.subprojects {
            // The dates of the meetings that apply to it; only how many fall in each year counts.
            let applying = datesBySubproject.wholeProject + (datesBySubproject.bySubproject[subproject.id] ?? [])
            let thisYear = applying.filter { $0.year == day.year }.count
            // this_year >= target × day-of-year / days-in-year, kept in whole numbers.
            let onTrack = thisYear * day.daysInYear >= target * day.dayOfYear
            result[subproject.id] = CaseworkerMeetings(byYear: countByYear(applying), thisYear: thisYear,
                                                       target: target, onTrack: onTrack)
        }
        return result
    }

    // MARK: BIP self-assessment

    static func assessments(_ project: Project, asOf day: Day) -> [String: AssessmentHistory] {
        let questions = project.config.questionnaire.questions.map(\.id)
        let interval = project.config.targets.assessmentIntervalMonths
        var result: [String: AssessmentHistory] = [:]
        let bySubproject = Dictionary(grouping: project.assessments.filter { $0.date <= day }, by: \.subproject)
        // Each subproject's rounds on whichever core is free: summing every
        // answer of a national project kept one core busy for 80 ms. (Inside
        // `RenderInput.computing` this half is one of four pieces already
        // shared by the cores, and the loop stays on its own.)
        let roundsBySubproject = Parallel.map(project.config.subprojects) { subproject in
            (bySubproject[subproject.id] ?? []).sorted(by: byDateThenID).map { round(of: $0, questions: questions) }
        }
        for (subproject, rounds) in zip(project.config.subprojects, roundsBySubproject) {
            var change: [String: Rounded] = [:]
            if rounds.count >= 2 {
                let latest = rounds[rounds.count - 1].exactByPlace, previous = rounds[rounds.count - 2].exactByPlace
                for (place, question) in questions.enumerated() {
                    if let mean = latest[place], let before = previous[place] { change[question] = (mean - before).rounded(decimals: 2) }
                }
            }
            var weakest: [String] = []
            if let latest = rounds.last, let lowest = latest.exactByPlace.compactMap({ $0 }).min() {
                weakest = sortedIDs(questions.indices.filter { latest.exactByPlace[$0] == lowest }.map { questions[$0] })
            }
            var overdue = false
            if subproject.start <= day {
                if let latest = rounds.last {
                    overdue = latest.date.adding(months: interval) < day
                } else {
                    overdue = true
                }
            }
            result[subproject.id] = AssessmentHistory(rounds: rounds, latest: rounds.last?.id, change: change,
                                                      weakest: weakest, overdue: overdue)
        }
        return result
    }

    /// Oldest first; the same date is ordered by id (byte order).
    private static func byDateThenID(_ a: SelfAssessment, _ b: SelfAssessment) -> Bool {
        a.date != b.date ? a.date < b.date : byteOrder(a.id, b.id)
    }

    static func round(of assessment: SelfAssessment, questions: [String]) -> AssessmentHistory.Round {
        let responses = assessment.responseList
        // Each response's answers are walked once and summed by the question's
        // place: looking every question up in every response hashed its id
        // each time (a national project has hundreds of thousands of answers).
        var sums = [Int](repeating: 0, count: questions.count), counts = sums
        for response in responses {
            for answer in response.answers {
                guard let place = questions.firstIndex(of: answer.question) else { continue }
                sums[place] += answer.score
                counts[place] += 1
            }
        }
        let exact = questions.indices.map { counts[$0] > 0 ? Exact(sums[$0], counts[$0]) : nil }
        return AssessmentHistory.Round(
            id: assessment.id,
            date: assessment.date,
            respondents: responses.count,
            questions: questions,
            meanByPlace: exact.map { $0?.rounded(decimals: 2) },
            index: Exact.mean(exact.compactMap { $0 })?.rounded(decimals: 2),
            exactByPlace: exact)
    }

    // MARK: Helpers

    /// Records that name no subproject apply to all of them; the others to
    /// those they name, each once. `summary` turns a group into what is kept.
    private static func grouped<Record: AppliesToSubprojects, Summary>(
        _ records: [Record], _ summary: ([Record]) -> Summary
    ) -> (wholeProject: Summary, bySubproject: [String: Summary]) {
        var bySubproject: [String: [Record]] = [:]
        for record in records where !record.subprojects.isEmpty {
            for subproject in Set(record.subprojects) { bySubproject[subproject, default: []].append(record) }
        }
        return (summary(records.filter { $0.subprojects.isEmpty }), bySubproject.mapValues(summary))
    }

    /// Counted by year in an array, and each year named once at the end:
    /// naming and hashing every day's year as text was most of the cost
    /// (docs/performance.md, change 97). A project's years are a short span.
    static func countByYear(_ days: [Day]) -> ByYear {
        guard let first = days.first?.year else { return [:] }
        var low = first, high = first
        for day in days {
            low = min(low, day.year)
            high = max(high, day.year)
        }
        var counts = [Int](repeating: 0, count: high - low + 1)
        for day in days { counts[day.year - low] += 1 }
        var byYear: ByYear = [:]
        for (offset, count) in counts.enumerated() where count > 0 { byYear[Day.yearKey(low + offset)] = count }
        return byYear
    }

    static func sortedIDs<S: Sequence>(_ ids: S) -> [String] where S.Element == String {
        ids.sorted(by: byteOrder)
    }
}
