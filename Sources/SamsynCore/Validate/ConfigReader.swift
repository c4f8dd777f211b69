/// Reads `config/site.yaml`: the project, its organisations and subprojects,
/// targets and the self-assessment questions. Records are checked against
/// what this defines, so it is read first.
struct ConfigReader {
    let log: DiagnosticLog

    /// The patterns ids must match (data-format contract).
    static func isValidRecordID(_ id: String) -> Bool { matchesID(id, extra: UInt8(ascii: "-")) }
    /// Question ids also allow "_" (the BIP ids are written trust_culture).
    static func isValidQuestionID(_ id: String) -> Bool { matchesID(id, extra: UInt8(ascii: "_")) }

    private static func matchesID(_ id: String, extra: UInt8) -> Bool {
        let bytes = Array(id.utf8)
        func alnum(_ b: UInt8) -> Bool { (97...122).contains(b) || (48...57).contains(b) }
        guard (1...64).contains(bytes.count), alnum(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == extra }
    }

    func read(_ file: SourceFile) -> SiteConfig? {
        guard let root = file.root else {
            log.error(SourceLocation(file: file.path, line: 1, column: 1), "config/site.yaml is empty",
                      hint: "it needs at least project: (name, start, end) and organisations:")
            return nil
        }
        guard let top = MappingReader(root, file: file.path, what: "config/site.yaml",
                                      keys: ["project", "language", "organisations", "subprojects", "targets", "assessment", "site"],
                                      log: log) else { return nil }

        let project = readProject(top)
        let language: Language = top.choice("language") ?? .sv
        var organisationIDs: [String] = []
        let organisations = readOrganisations(top, ids: &organisationIDs)
        // Ids of entries with other mistakes still count as known, so one
        // mistake does not turn every reference to them into a second error.
        let orgIDs = KnownIDs(kind: "organisation", ids: organisationIDs)
        if let owner = project.owner, let node = project.ownerNode {
            orgIDs.check(owner, at: MappingReader.location(of: node, in: file.path), key: "owner", log: log)
        }
        let subprojects = readSubprojects(top, organisations: orgIDs, project: project)
        let targets = readTargets(top)
        let questionnaire = readQuestionnaire(top)
        let appearance = readAppearance(top)

        guard let name = project.name, let start = project.start, let end = project.end, !organisations.isEmpty else {
            return nil
        }
        return SiteConfig(name: name, reference: project.reference, owner: project.owner, start: start, end: end,
                          language: language, organisations: organisations,
                          subprojects: subprojects.map { $0.resolved(start: start, end: end) },
                          targets: targets, questionnaire: questionnaire, appearance: appearance)
    }

    private struct ProjectPart {
        var name: String?, reference: String?, owner: String?, ownerNode: YAMLNode?
        var start: Day?, end: Day?
    }

    private func readProject(_ top: MappingReader) -> ProjectPart {
        var part = ProjectPart()
        guard let node = top.node("project") else {
            top.missing("project", example: "{ name: IRIS 2, start: 2023-02-01, end: 2026-01-31 }")
            return part
        }
        guard let project = MappingReader(node, file: top.file, what: "project",
                                          keys: ["name", "reference", "owner", "start", "end"], log: log) else { return part }
        part.name = project.text("name", required: true, example: "IRIS 2")
        part.reference = project.text("reference")
        part.owner = project.text("owner")
        part.ownerNode = project.node("owner")
        part.start = project.date("start", required: true)
        part.end = project.date("end", required: true)
        if let start = part.start, let end = part.end, end < start {
            log.error(project.location(of: "end"), "the project ends (\(end)) before it starts (\(start))",
                      hint: "end must be on or after start")
            part.end = nil
        }
        return part
    }

    private func readOrganisations(_ top: MappingReader, ids: inout [String]) -> [Organisation] {
        guard let items = top.list("organisations", required: true, example: "[{ id: fk, name: Försäkringskassan }]") else {
            return []
        }
        if items.isEmpty {
            log.error(top.location(of: "organisations"), "the project must list at least one organisation",
                      hint: "add entries with id and name under organisations:")
        }
        var result: [Organisation] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let org = MappingReader(item, file: top.file, what: "an organisation",
                                          keys: ["id", "name", "type", "training_target", "org_number"], log: log) else { continue }
            let id = readID(org, seen: &seen, kind: "organisation")
            if let id { ids.append(id) }
            let name = org.text("name", required: true, example: "Försäkringskassan")
            let type: Organisation.Kind? = org.choice("type")
            let target = org.integer("training_target", example: "30")
            let orgNumber = org.text("org_number")
            if let orgNumber, !ConfigReader.looksLikeOrgNumber(orgNumber) {
                log.warning(org.location(of: "org_number"), "'\(orgNumber)' does not look like an organisation number",
                            hint: "write ten digits as NNNNNN-NNNN, such as 202100-5521")
            }
            if let id, let name {
                result.append(Organisation(id: id, name: name, type: type ?? .other, trainingTarget: target, orgNumber: orgNumber))
            }
        }
        return result
    }

    static func looksLikeOrgNumber(_ text: String) -> Bool {
        let digits = text.filter { $0 != "-" }
        return digits.count == 10 && digits.allSatisfy { $0.isASCII && $0.isNumber }
            && (text.count == 10 || (text.count == 11 && text.dropFirst(6).first == "-"))
    }

    /// Reads and checks an `id` (required in config, where there is no file name to default to).
    private func readID(_ reader: MappingReader, seen: inout [String: SourceLocation], kind: String) -> String? {
        guard let id = reader.text("id", required: true, example: "fk") else { return nil }
        guard ConfigReader.isValidRecordID(id) else {
            log.error(reader.location(of: "id"), "the \(kind) id '\(id.prefix(64))' is not allowed",
                      hint: "use 1–64 lower-case letters a–z, digits and '-', starting with a letter or digit")
            return nil
        }
        if let first = seen[id] {
            log.error(reader.location(of: "id"), "the \(kind) id '\(id)' is already used on line \(first.line)",
                      hint: "every \(kind) needs its own id")
            return nil
        }
        seen[id] = reader.location(of: "id")
        return id
    }

    private struct SubprojectPart {
        var id: String, name: String, start: Day?, end: Day?, partners: [String]
        func resolved(start projectStart: Day, end projectEnd: Day) -> Subproject {
            Subproject(id: id, name: name, start: start ?? projectStart, end: end ?? projectEnd, partners: partners)
        }
    }

    private func readSubprojects(_ top: MappingReader, organisations: KnownIDs, project: ProjectPart) -> [SubprojectPart] {
        guard let items = top.list("subprojects", example: "[{ id: vsb, name: VSB, partners: [fk, af] }]") else { return [] }
        var result: [SubprojectPart] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let sub = MappingReader(item, file: top.file, what: "a subproject",
                                          keys: ["id", "name", "start", "end", "partners"], log: log) else { continue }
            let id = readID(sub, seen: &seen, kind: "subproject")
            let name = sub.text("name", required: true, example: "VSB – Vuxna med samverkansbehov")
            let start = sub.date("start")
            var end = sub.date("end")
            if let start, let end_ = end, end_ < start {
                log.error(sub.location(of: "end"), "the subproject ends (\(end_)) before it starts (\(start))")
                end = nil
            }
            for (key, day) in [("start", start), ("end", end)] {
                guard let day, let projectStart = project.start, let projectEnd = project.end else { continue }
                if day < projectStart || day > projectEnd {
                    log.warning(sub.location(of: key), "the subproject's \(key) \(day) is outside the project period \(projectStart) – \(projectEnd)")
                }
            }
            let partners = sub.references("partners", to: organisations)
            if partners.isEmpty {
                log.warning(sub.location, "the subproject has no partners, so no agreement coverage can be followed for it",
                            hint: "list the organisations expected to be covered by agreements: partners: [fk, af]")
            }
            if let id, let name {
                result.append(SubprojectPart(id: id, name: name, start: start, end: end, partners: partners))
            }
        }
        return result
    }

    private func readTargets(_ top: MappingReader) -> Targets {
        var targets = Targets()
        guard let node = top.node("targets"),
              let reader = MappingReader(node, file: top.file, what: "targets",
                                         keys: ["caseworker_meetings_per_year", "theme_days_per_year",
                                                "agreement_expiry_warning_days", "assessment_interval_months"], log: log)
        else { return targets }
        if let n = reader.integer("caseworker_meetings_per_year") { targets.caseworkerMeetingsPerYear = n }
        if let n = reader.integer("theme_days_per_year") { targets.themeDaysPerYear = n }
        if let n = reader.integer("agreement_expiry_warning_days") { targets.agreementExpiryWarningDays = n }
        if let n = reader.integer("assessment_interval_months", minimum: 1) { targets.assessmentIntervalMonths = n }
        return targets
    }

    private func readAppearance(_ top: MappingReader) -> SiteAppearance {
        var appearance = SiteAppearance()
        guard let node = top.node("site"),
              let site = MappingReader(node, file: top.file, what: "site", keys: ["logo", "accent", "footer", "accessibility"], log: log)
        else { return appearance }
        if let logo = site.text("logo") {
            let lower = logo.lowercased()
            if logo.hasPrefix("/") || logo.split(separator: "/").contains("..") || !(lower.hasSuffix(".svg") || lower.hasSuffix(".png")) {
                log.error(site.location(of: "logo"), "the logo must be an .svg or .png file inside the project, given relative to it",
                          hint: "for example logo: config/logo.svg")
            } else {
                appearance.logo = logo
                appearance.logoLocation = site.location(of: "logo")
            }
        }
        if let accent = site.text("accent") {
            if let contrast = Contrast.againstWhite(accent) {
                if contrast < Contrast.minimumForText {
                    log.error(site.location(of: "accent"),
                              "the accent colour \(accent) has a contrast of \(Contrast.describe(contrast)):1 against white; text needs 4.5:1",
                              hint: "choose a darker colour, such as #1f5c99")
                } else {
                    appearance.accent = accent.lowercased()
                }
            } else {
                log.error(site.location(of: "accent"), "the accent colour must be written #rrggbb, not '\(accent.prefix(20))'",
                          hint: "for example accent: \"#1f5c99\" (with the quotes: # starts a comment in YAML)")
            }
        }
        appearance.footer = site.text("footer")
        if let statementNode = site.node("accessibility"),
           let a = MappingReader(statementNode, file: top.file, what: "the accessibility statement",
                                 keys: ["organisation", "compliance", "known_issues", "contact_email", "contact_phone",
                                        "assessed", "method", "updated"], log: log) {
            var statement = AccessibilityStatement()
            statement.organisation = a.text("organisation")
            statement.compliance = a.choice("compliance") ?? .partial
            statement.knownIssues = a.words("known_issues").map(\.0)
            statement.contactEmail = a.text("contact_email")
            statement.contactPhone = a.text("contact_phone")
            statement.assessed = a.date("assessed")
            statement.method = a.text("method")
            statement.updated = a.date("updated")
            appearance.accessibility = statement
        }
        return appearance
    }

    private func readQuestionnaire(_ top: MappingReader) -> Questionnaire {
        guard let node = top.node("assessment"),
              let reader = MappingReader(node, file: top.file, what: "assessment", keys: ["scale", "questions"], log: log)
        else { return .bip }
        var questionnaire = Questionnaire.bip
        if let scaleNode = reader.node("scale"),
           let scale = MappingReader(scaleNode, file: top.file, what: "the scale", keys: ["min", "max"], log: log) {
            let low = scale.integer("min", minimum: Int.min) ?? questionnaire.scaleMin
            let high = scale.integer("max", minimum: Int.min) ?? questionnaire.scaleMax
            if low < high {
                questionnaire.scaleMin = low
                questionnaire.scaleMax = high
            } else {
                log.error(scale.location, "the scale's min (\(low)) must be less than its max (\(high))")
            }
        }
        if let items = reader.list("questions") {
            var questions: [Questionnaire.Question] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                guard let q = MappingReader(item, file: top.file, what: "a question", keys: ["id", "text", "text_en"], log: log)
                else { continue }
                let id = q.text("id", required: true, example: "trust_culture")
                let text = q.text("text", required: true, example: "I vilken mån …?")
                let textEn = q.text("text_en")
                guard let id else { continue }
                guard ConfigReader.isValidQuestionID(id) else {
                    log.error(q.location(of: "id"), "the question id '\(id.prefix(64))' is not allowed",
                              hint: "use 1–64 lower-case letters a–z, digits, '-' and '_'")
                    continue
                }
                if let first = seen[id] {
                    log.error(q.location(of: "id"), "the question id '\(id)' is already used on line \(first.line)")
                    continue
                }
                seen[id] = q.location(of: "id")
                if let text { questions.append(.init(id: id, text: text, textEn: textEn)) }
            }
            if items.isEmpty {
                log.error(reader.location(of: "questions"), "the assessment has no questions",
                          hint: "list the questions, or remove assessment: to use the six BIP questions")
            }
            questionnaire.questions = questions
        }
        return questionnaire
    }
}
