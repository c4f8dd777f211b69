/// The CSV tables under `data/`: the records and the computed figures, one
/// row per record (or per organisation / round), for people who want to work
/// on in a spreadsheet. Individual self-assessment responses never appear.
public enum DataTables {
    public static func all(_ project: Project, _ report: IndicatorReport) -> [(name: String, table: CSVTable)] {
        let words = Words(project.config.language)
        return Table.allCases.map { kind in
            var cells = CSVCells()
            kind.rows(project, report, words, into: &cells)
            return (kind.name, CSVTable(header: kind.header(project, words), rows: cells.rows))
        }
    }

    /// Each table's name now and its bytes when asked for: the site writer
    /// writes them on whichever core is free, cell by cell (`CSVBytes`).
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

    static func agreements(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        for a in project.agreements.sorted(by: { byteOrder($0.id, $1.id) }) {
            out.text(a.id)
            out.text(a.title)
            out.text(a.status.rawValue)
            out.day(a.signed)
            out.day(a.effectiveStart)
            out.day(a.validUntil)
            out.day(a.terminated)
            out.text(w.yesNo(a.isInForce(on: report.asOf)))
            out.words(a.parties)
            out.words(a.subprojects)
            out.words(a.scope.lazy.map(\.rawValue))
            out.text(w.yesNo(a.independentOfIndividuals))
            out.text(a.notes)
            out.endRow()
        }
    }

    static func activities(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        let activities = project.activities
        for place in Activity.chronologicalPlaces(activities, byKind: true) {
            let a = activities[place]
            out.text(a.kind.rawValue)
            out.text(a.id)
            out.text(a.title)
            out.day(a.date)
            out.day(a.endDate)
            out.text(a.isHeld(asOf: report.asOf) ? w.held : w.planned)
            out.text(a.meetingType?.rawValue)
            out.decimal(a.hours?.rounded(decimals: 2))
            out.text(a.provider)
            out.words(a.methods.lazy.map(\.rawValue))
            out.words(a.principles.lazy.map(\.rawValue))
            out.words(a.subprojects)
            out.int(a.participantCount)
            // The split by gender only where some organisation gave it.
            let split = a.participants.contains(where: \.hasSplit)
            out.int(split ? a.participants.reduce(0) { $0 + ($1.women ?? 0) } : nil)
            out.int(split ? a.participants.reduce(0) { $0 + ($1.men ?? 0) } : nil)
            out.int(split ? a.participants.reduce(0) { $0 + ($1.nonBinary ?? 0) } : nil)
            out.text(a.notes)
            out.endRow()
        }
    }

    static func competence(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        for org in project.config.organisations.sorted(by: { byteOrder($0.id, $1.id) }) {
            guard let c = report.competence[org.id] else { continue }
            out.text(org.id)
            out.text(org.name)
            out.int(c.target)
            out.int(c.attendances)
            out.decimal(c.share)
            out.endRow()
        }
    }

    static func assessments(_ project: Project, _ report: IndicatorReport, _ w: Words, into out: inout some CSVRows) {
        for subproject in project.config.subprojects.map(\.id).sorted(by: byteOrder) {
            for round in report.assessments[subproject]?.rounds ?? [] {
                out.text(subproject)
                out.text(round.id)
                out.day(round.date)
                out.int(round.respondents)
                out.decimal(round.index)
                for mean in round.meanByPlace { out.decimal(mean) }
                out.endRow()
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
