/// The indicator report as the JSON document of the contract
/// ("samsyn-indicators/1"). Fixed-shape objects keep the contract's key
/// order; data-keyed maps (ids, years, statuses) are sorted by key.
public enum IndicatorsDocument {
    public static let format = "samsyn-indicators/1"

    public static func json(_ report: IndicatorReport) -> JSONValue {
        var project: [(String, JSONValue)] = [("name", .string(report.project.name))]
        if let reference = report.project.reference { project.append(("reference", .string(reference))) }
        project += [("start", .string(report.project.start.description)), ("end", .string(report.project.end.description))]

        return .object([
            ("format", .string(format)),
            ("as_of", .string(report.asOf.description)),
            ("project", .object(project)),
            ("agreements", agreements(report.agreements)),
            ("activities", .object([
                ("trainings", activities(report.trainings)),
                ("theme_days", activities(report.themeDays)),
                ("meetings", activities(report.meetings)),
            ])),
            ("principles", principles(report.principles)),
            ("competence", .sortedObject(report.competence.mapValues(competence))),
            ("caseworker_meetings", .sortedObject(report.caseworkerMeetings.mapValues(caseworker))),
            ("assessments", .sortedObject(report.assessments.mapValues(assessments))),
        ])
    }

    private static func ids(_ ids: [String]) -> JSONValue { .array(ids.map(JSONValue.string)) }

    private static func counts(_ counts: [String: Int]) -> JSONValue {
        .sortedObject(counts.filter { $0.value > 0 }.mapValues(JSONValue.int))
    }

    private static func agreements(_ a: AgreementIndicators) -> JSONValue {
        .object([
            ("total", .int(a.total)),
            ("by_status", .sortedObject(Dictionary(uniqueKeysWithValues: a.byStatus.map { ($0.key.rawValue, JSONValue.int($0.value)) }))),
            ("in_force", .int(a.inForce)),
            ("in_force_independent", .int(a.inForceIndependent)),
            ("signed_by_year", counts(a.signedByYear)),
            ("expiring", ids(a.expiring)),
            ("coverage", .sortedObject(a.coverage.mapValues(ids))),
            ("gaps", .sortedObject(a.gaps.mapValues(ids))),
        ])
    }

    private static func activities(_ a: ActivityIndicators) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("held", .int(a.held)),
            ("planned", .int(a.planned)),
            ("held_by_year", counts(a.heldByYear)),
            ("participants", .int(a.participants)),
            ("women", .int(a.women)),
            ("men", .int(a.men)),
            ("non_binary", .int(a.nonBinary)),
            ("participant_hours", .decimal(a.participantHours)),
        ]
        if let byType = a.heldByType {
            fields.append(("held_by_type", counts(Dictionary(uniqueKeysWithValues: byType.map { ($0.key.rawValue, $0.value) }))))
        }
        return .object(fields)
    }

    private static func principles(_ p: PrincipleIndicators) -> JSONValue {
        .object([
            ("activities_by_year", counts(p.activitiesByYear)),
            ("by_principle", .sortedObject(Dictionary(uniqueKeysWithValues: p.byPrinciple.map { ($0.key.rawValue, JSONValue.int($0.value)) }))),
            ("theme_days_by_year", counts(p.themeDaysByYear)),
            ("uncovered_this_year", ids(p.uncoveredThisYear.map(\.rawValue))),
        ])
    }

    private static func competence(_ c: Competence) -> JSONValue {
        .object([
            ("target", c.target.map(JSONValue.int) ?? .null),
            ("attendances", .int(c.attendances)),
            ("share", c.share.map(JSONValue.decimal) ?? .null),
        ])
    }

    private static func caseworker(_ c: CaseworkerMeetings) -> JSONValue {
        .object([
            ("by_year", counts(c.byYear)),
            ("this_year", .int(c.thisYear)),
            ("target", .int(c.target)),
            ("on_track", .bool(c.onTrack)),
        ])
    }

    private static func assessments(_ h: AssessmentHistory) -> JSONValue {
        // The questions' places in byte order of their ids, found once: each
        // round's means are then written in that order straight from their
        // places (the same keys in the same order as `sortedObject` gives).
        let questions = h.rounds.first?.questions ?? []
        let inKeyOrder = questions.indices.sorted { byteOrder(questions[$0], questions[$1]) }
        let rounds: [JSONValue] = h.rounds.map { round in
            .object([
                ("id", .string(round.id)),
                ("date", .string(round.date.description)),
                ("respondents", .int(round.respondents)),
                ("means", .object(inKeyOrder.compactMap { place in
                    round.meanByPlace[place].map { (round.questions[place], JSONValue.decimal($0)) }
                })),
                ("index", round.index.map(JSONValue.decimal) ?? .null),
            ])
        }
        return .object([
            ("rounds", .array(rounds)),
            ("latest", h.latest.map(JSONValue.string) ?? .null),
            ("change", .sortedObject(h.change.mapValues(JSONValue.decimal))),
            ("weakest", ids(h.weakest)),
            ("overdue", .bool(h.overdue)),
        ])
    }
}
