/// The record files `samsyn new` writes: every key present with a short
/// Swedish comment, so a project leader fills in blanks instead of
/// remembering keys. Optional keys are left empty (an empty value means
/// "not given"); nothing is invented that could pass for real data.
public enum RecordTemplate {
    public enum Kind: String, CaseIterable, Sendable {
        case agreement, training, themeDay = "theme-day", meeting, assessment

        /// The folder under content/.
        public var folder: String {
            switch self {
            case .agreement: return "agreements"
            case .training: return "trainings"
            case .themeDay: return "theme-days"
            case .meeting: return "meetings"
            case .assessment: return "assessments"
            }
        }

        /// The JSON Schema that describes this kind of file (under schemas/).
        public var schema: String { rawValue + ".schema.json" }
    }

    /// The `# yaml-language-server` line that makes an editor validate the
    /// file against its schema. `depth` is how many folders below the root the file is.
    public static func schemaLine(_ schema: String, depth: Int) -> String {
        "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + "schemas/" + schema + "\n"
    }

    public static func text(_ kind: Kind, id: String, date: Day, config: SiteConfig) -> String {
        let firstSubproject = config.subprojects.first?.id
        let organisations = config.organisations.map(\.id)
        let parties = ([config.owner].compactMap { $0 } + organisations).reduce(into: [String]()) { list, id in
            if !list.contains(id) && list.count < 2 { list.append(id) }
        }
        var lines = [schemaLine(kind.schema, depth: 2).dropLast().description, "id: \(id)"]
        switch kind {
        case .agreement:
            lines += [
                "title: Samverkansöverenskommelse om …      # vad överenskommelsen gäller",
                "parties: [\(parties.joined(separator: ", "))]   # minst två organisationer (id från config/site.yaml)",
                "subprojects: [\(firstSubproject ?? "")]   # tom lista [] = hela projektet",
                "status: draft                # draft | signed | terminated",
                "signed:                      # datum då den undertecknades (krävs för signed och terminated)",
                "valid_from:                  # gäller från (annars från signed)",
                "valid_until:                 # gäller till och med (tomt = tills vidare)",
                "terminated:                  # datum då den avslutades (bara för terminated)",
                "scope: []                    # parallel-services, referral, joint-follow-up, four-party-meeting, information-sharing, other",
                "independent_of_individuals: false   # true om samverkan är reglerad och inte hänger på enskilda handläggare",
                "notes:                       # fritext, aldrig namn eller personnummer",
            ]
        case .training, .themeDay, .meeting:
            let title: String = kind == .training ? "Ny utbildning" : kind == .themeDay ? "Ny temadag" : "Nytt möte"
            lines += [
                "title: \(title)              # rubrik",
                "date: \(date)               # datum (ÅÅÅÅ-MM-DD)",
                "end_date:                    # sista dag om det pågick flera dagar",
                "hours:                       # timmar per deltagare, t.ex. 3.5",
                "provider:                    # anordnare",
                "methods: []                  # case-management, supported-employment, supported-education, motivational-interviewing, bip, ips, other",
                kind == .themeDay
                    ? "principles: [gender-equality]   # minst en: gender-equality, accessibility, non-discrimination"
                    : "principles: []               # horisontella principer: gender-equality, accessibility, non-discrimination",
                "subprojects: [\(firstSubproject ?? "")]   # tom lista [] = hela projektet",
            ]
            if kind == .meeting {
                lines.append("meeting_type: caseworker     # team | caseworker | steering-group | workshop | other")
            }
            lines += [
                "participants:                # antal per organisation – aldrig namn",
                "  - organisation: \(organisations.first ?? "")",
                "    count: 0                 # eller women/men/non_binary i stället för count",
                "notes:                       # fritext, aldrig namn eller personnummer",
            ]
        case .assessment:
            let q = config.questionnaire
            lines += [
                "subproject: \(firstSubproject ?? "")        # delprojektet som skattat sig",
                "date: \(date)               # datum för självskattningen",
                "scores:                      # gruppens gemensamma svar, \(q.scaleMin)–\(q.scaleMax), på varje fråga",
            ]
            lines += q.questions.map { "  \($0.id):" }
            lines += [
                "# responses:                 # … eller anonyma enskilda svar i stället för scores (aldrig båda):",
                "#   - { \(q.questions.prefix(2).map { "\($0.id): 3" }.joined(separator: ", ")) }",
                "comment:                     # fritext",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A free id: "<kind>-<date>", then "-2", "-3", … while taken.
    public static func freeID(_ kind: Kind, date: Day, taken: Set<String>) -> String {
        let base = "\(kind.rawValue)-\(date)"
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}
