/// The CSV tables under `data/`: the records and the computed figures, one
/// row per record (or per organisation / round), for people who want to work
/// on in a spreadsheet. Individual self-assessment responses never appear.
public enum DataTables {
    public static func all(_ project: Project, _ report: IndicatorReport) -> [(name: String, table: CSVTable)] {
        planned(project, report).map { ($0.name, $0.table()) }
    }

    /// Each table's name now and its rows when asked for: the site writer
    /// builds them on whichever core writes them.
    static func planned(_ project: Project, _ report: IndicatorReport) -> [(name: String, table: @Sendable () -> CSVTable)] {
        let words = Words(project.config.language)
        return [
            ("agreements.csv", { agreements(project, report, words) }),
            ("activities.csv", { activities(project, report, words) }),
            ("competence.csv", { competence(project, report, words) }),
            ("assessments.csv", { assessments(project, report, words) }),
        ]
    }

    private static func date(_ day: Day?) -> CSVTable.Cell { day.map { .text($0.description) } ?? .empty }
    private static func list(_ items: [String]) -> CSVTable.Cell { items.isEmpty ? .empty : .text(items.joined(separator: ", ")) }
    private static func text(_ s: String?) -> CSVTable.Cell { s.map(CSVTable.Cell.text) ?? .empty }

    static func agreements(_ project: Project, _ report: IndicatorReport, _ w: Words) -> CSVTable {
        let rows: [[CSVTable.Cell]] = project.agreements.sorted { byteOrder($0.id, $1.id) }.map { a in
            [.text(a.id), .text(a.title), .text(a.status.rawValue), date(a.signed), date(a.effectiveStart),
             date(a.validUntil), date(a.terminated), .text(w.yesNo(a.isInForce(on: report.asOf))),
             list(a.parties), list(a.subprojects), list(a.scope.map(\.rawValue)),
             .text(w.yesNo(a.independentOfIndividuals)), text(a.notes)]
        }
        return CSVTable(header: w.agreementColumns, rows: rows)
    }

    static func activities(_ project: Project, _ report: IndicatorReport, _ w: Words) -> CSVTable {
        let activities = project.activities
        let rows: [[CSVTable.Cell]] = Activity.chronologicalPlaces(activities, byKind: true).map { place in
            let a = activities[place]
            let split = a.participants.contains(where: \.hasSplit)
            return [.text(a.kind.rawValue), .text(a.id), .text(a.title), date(a.date), date(a.endDate),
                    .text(a.isHeld(asOf: report.asOf) ? w.held : w.planned),
                    a.meetingType.map { .text($0.rawValue) } ?? .empty,
                    a.hours.map { .decimal($0.rounded(decimals: 2)) } ?? .empty, text(a.provider),
                    list(a.methods.map(\.rawValue)), list(a.principles.map(\.rawValue)), list(a.subprojects),
                    .int(a.participantCount),
                    split ? .int(a.participants.reduce(0) { $0 + ($1.women ?? 0) }) : .empty,
                    split ? .int(a.participants.reduce(0) { $0 + ($1.men ?? 0) }) : .empty,
                    split ? .int(a.participants.reduce(0) { $0 + ($1.nonBinary ?? 0) }) : .empty,
                    text(a.notes)]
        }
        return CSVTable(header: w.activityColumns, rows: rows)
    }

    static func competence(_ project: Project, _ report: IndicatorReport, _ w: Words) -> CSVTable {
        let rows: [[CSVTable.Cell]] = project.config.organisations.sorted { byteOrder($0.id, $1.id) }.compactMap { org in
            guard let c = report.competence[org.id] else { return nil }
            return [.text(org.id), .text(org.name), c.target.map(CSVTable.Cell.int) ?? .empty, .int(c.attendances),
                    c.share.map(CSVTable.Cell.decimal) ?? .empty]
        }
        return CSVTable(header: w.competenceColumns, rows: rows)
    }

    static func assessments(_ project: Project, _ report: IndicatorReport, _ w: Words) -> CSVTable {
        let questions = project.config.questionnaire.questions.map(\.id)
        var rows: [[CSVTable.Cell]] = []
        for subproject in project.config.subprojects.map(\.id).sorted(by: byteOrder) {
            for round in report.assessments[subproject]?.rounds ?? [] {
                rows.append([.text(subproject), .text(round.id), date(round.date), .int(round.respondents),
                             round.index.map(CSVTable.Cell.decimal) ?? .empty]
                            + questions.map { round.means[$0].map(CSVTable.Cell.decimal) ?? .empty })
            }
        }
        return CSVTable(header: w.assessmentColumns + questions, rows: rows)
    }
}

/// The few words the tables need, in the site's language.
struct Words: Sendable {
    let language: Language
    init(_ language: Language) { self.language = language }

    var sv: Bool { language == .sv }
    func yesNo(_ value: Bool) -> String { sv ? (value ? "ja" : "nej") : (value ? "yes" : "no") }
    var held: String { sv ? "genomförd" : "held" }
    var planned: String { sv ? "planerad" : "planned" }

    var agreementColumns: [String] {
        sv ? ["id", "titel", "status", "undertecknad", "gäller från", "gäller till", "avslutad", "i kraft",
              "parter", "delprojekt", "omfattning", "oberoende av enskilda", "anteckningar"]
           : ["id", "title", "status", "signed", "valid from", "valid until", "terminated", "in force",
              "parties", "subprojects", "scope", "independent of individuals", "notes"]
    }
    var activityColumns: [String] {
        sv ? ["typ", "id", "titel", "datum", "slutdatum", "läge", "mötestyp", "timmar", "anordnare", "metoder",
              "principer", "delprojekt", "deltagartillfällen", "kvinnor", "män", "icke-binära", "anteckningar"]
           : ["kind", "id", "title", "date", "end date", "state", "meeting type", "hours", "provider", "methods",
              "principles", "subprojects", "attendances", "women", "men", "non-binary", "notes"]
    }
    var competenceColumns: [String] {
        sv ? ["organisation", "namn", "mål", "deltagartillfällen", "andel av mål"]
           : ["organisation", "name", "target", "attendances", "share of target"]
    }
    var assessmentColumns: [String] {
        sv ? ["delprojekt", "omgång", "datum", "svarande", "index"]
           : ["subproject", "round", "date", "respondents", "index"]
    }
}
