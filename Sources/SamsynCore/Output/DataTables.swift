/// The CSV tables under `data/`: the records and the computed figures, one
/// row per record (or per organisation / round), for people who want to work
/// on in a spreadsheet. Individual self-assessment responses never appear.
public enum DataTables {
    public static func all(_ project: Project, _ report: IndicatorReport) -> [(name: String, table: CSVTable)] {
        let words = Words(project.config.language)
        return Table.allCases.map { kind in
            var table = CSVTable(header: kind.header(project, words))
            kind.rows(project, report, words, into: &table)
            return (kind.name, table)
        }
    }

    /// Each table's name now and its bytes when asked for: the site writer
    /// writes them on whichever core is free, row by row (`CSVBytes`).
    static func planned(_ project: Project, _ report: IndicatorReport) -> [(name: String, bytes: @Sendable () -> [UInt8])] {
        let words = Words(project.config.language)
        return Table.allCases.map { kind in
            (kind.name, {
                var out = CSVBytes(header: kind.header(project, words))
                kind.rows(project, report, words, into: &out)
                return out.bytes
            })
        }
    }

    enum Table: CaseIterable {
        case agreements, activities, competence, assessments

        /// The file's name under data/ (part of what the site publishes: not to be renamed lightly).
        var name: String {
            switch self {
            case .agreements: return "agreements.csv"
            case .activities: return "activities.csv"
            case .competence: return "competence.csv"
            case .assessments: return "assessments.csv"
            }
        }

        func header(_ project: Project, _ w: Words) -> [String] {
            switch self {
            case .agreements: return w.agreementColumns
            case .activities: return w.activityColumns
            case .competence: return w.competenceColumns
            case .assessments: return w.assessmentColumns + project.config.questionnaire.questions.map(\.id)
            }
        }

        func rows(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
            switch self {
            case .agreements: DataTables.agreements(project, report, w, into: &out)
            case .activities: DataTables.activities(project, report, w, into: &out)
            case .competence: DataTables.competence(project, report, w, into: &out)
            case .assessments: DataTables.assessments(project, report, w, into: &out)
            }
        }
    }

    private static func date(_ day: Day?) -> CSVTable.Cell { day.map { .text($0.description) } ?? .empty }
    private static func list(_ items: [String]) -> CSVTable.Cell { items.isEmpty ? .empty : .text(items.joined(separator: ", ")) }
    private static func text(_ s: String?) -> CSVTable.Cell { s.map(CSVTable.Cell.text) ?? .empty }

    static func agreements(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        for a in project.agreements.sorted(by: { byteOrder($0.id, $1.id) }) {
            out.append([.text(a.id), .text(a.title), .text(a.status.rawValue), date(a.signed), date(a.effectiveStart),
                        date(a.validUntil), date(a.terminated), .text(w.yesNo(a.isInForce(on: report.asOf))),
                        list(a.parties), list(a.subprojects), list(a.scope.map(\.rawValue)),
                        .text(w.yesNo(a.independentOfIndividuals)), text(a.notes)])
        }
    }

    static func activities(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        let activities = project.activities
        for place in Activity.chronologicalPlaces(activities, byKind: true) {
            let a = activities[place]
            let split = a.participants.contains(where: \.hasSplit)
            out.append([.text(a.kind.rawValue), .text(a.id), .text(a.title), date(a.date), date(a.endDate),
                        .text(a.isHeld(asOf: report.asOf) ? w.held : w.planned),
                        a.meetingType.map { .text($0.rawValue) } ?? .empty,
                        a.hours.map { .decimal($0.rounded(decimals: 2)) } ?? .empty, text(a.provider),
                        list(a.methods.map(\.rawValue)), list(a.principles.map(\.rawValue)), list(a.subprojects),
                        .int(a.participantCount),
                        split ? .int(a.participants.reduce(0) { $0 + ($1.women ?? 0) }) : .empty,
                        split ? .int(a.participants.reduce(0) { $0 + ($1.men ?? 0) }) : .empty,
                        split ? .int(a.participants.reduce(0) { $0 + ($1.nonBinary ?? 0) }) : .empty,
                        text(a.notes)])
        }
    }

    static func competence(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        for org in project.config.organisations.sorted(by: { byteOrder($0.id, $1.id) }) {
            guard let c = report.competence[org.id] else { continue }
            out.append([.text(org.id), .text(org.name), c.target.map(CSVTable.Cell.int) ?? .empty, .int(c.attendances),
                        c.share.map(CSVTable.Cell.decimal) ?? .empty])
        }
    }

    static func assessments(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        for subproject in project.config.subprojects.map(\.id).sorted(by: byteOrder) {
            for round in report.assessments[subproject]?.rounds ?? [] {
                out.append([.text(subproject), .text(round.id), date(round.date), .int(round.respondents),
                            round.index.map(CSVTable.Cell.decimal) ?? .empty]
                           + round.meanByPlace.map { $0.map(CSVTable.Cell.decimal) ?? .empty })
            }
        }
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
