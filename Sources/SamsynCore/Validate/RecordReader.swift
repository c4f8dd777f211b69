/// What the record readers check references against: the ids that
/// `config/site.yaml` defines, and the project period for warnings.
/// A class, so that each file's reader shares it with one retain: as a
/// struct, every reader copied the whole config (a score of strings and
/// arrays, each retained and released again, 100 000 times in a national
/// build).
final class ProjectContext: Sendable {
    let organisations: KnownIDs
    let subprojects: KnownIDs
    let questions: KnownIDs
    let config: SiteConfig
    let asOf: Day

    init(config: SiteConfig, asOf: Day) {
        organisations = KnownIDs(kind: "organisation", ids: config.organisations.map(\.id))
        subprojects = KnownIDs(kind: "subproject", ids: config.subprojects.map(\.id))
        questions = KnownIDs(kind: "question", ids: config.questionnaire.questions.map(\.id))
        self.config = config
        self.asOf = asOf
    }
}

/// Reads the records of `content/`: each file holds one record (a mapping)
/// or a list of them, and every record is checked field by field.
struct RecordReader {
    let log: DiagnosticLog
    let context: ProjectContext
    /// False: every record the long way, through `MappingReader` (for the
    /// tests that compare both ways, see PlainRecords.swift).
    var readsPlainRecordsInOnePass = true

    /// The mappings of a file, each with the id it gets when it has none.
    private func records(in file: SourceFile, what: String) -> [(node: YAMLNode, defaultID: String?)] {
        guard let root = file.root else {
            log.warning(SourceLocation(file: file.path, line: 1, column: 1), "the file is empty; it holds no \(what)",
                        hint: "fill it in or delete it")
            return []
        }
        let stem = RecordReader.fileStem(file.path)
        switch root {
        case .sequence(let sequence, _):
            return sequence.map { ($0, nil) }
        default:
            return [(root, stem)]
        }
    }

    /// The file's name without its folder and its .yaml or .yml, made from
    /// the path's bytes as one string (the folder, the name and then the
    /// stem, each a string of its own, cost some 850 instructions a file).
    static func fileStem(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let name = UnsafeBufferPointer(rebasing: bytes[(bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)...])
            let suffix = name.count >= 5 && name[(name.count - 5)...].elementsEqual(".yaml".utf8) ? 5
                : name.count >= 4 && name[(name.count - 4)...].elementsEqual(".yml".utf8) ? 4 : 0
            return String(decoding: UnsafeBufferPointer(rebasing: name[..<(name.count - suffix)]), as: UTF8.self)
        }
    }

    /// The record's id: its `id` key, or the file name for a single record.
    private func id(of reader: MappingReader, defaultID: String?) -> (String, SourceLocation)? {
        if let id = reader.text("id") {
            guard ConfigReader.isValidRecordID(id) else {
                log.error(reader.location(of: "id"), "the id '\(id.prefix(64))' is not allowed",
                          hint: "use 1–64 lower-case letters a–z, digits and '-', starting with a letter or digit")
                return nil
            }
            return (id, reader.location(of: "id"))
        }
        guard !reader.has("id") else { return nil }
        guard let defaultID else {
            reader.missing("id", example: "vsb-2024-03")
            return nil
        }
        guard ConfigReader.isValidRecordID(defaultID) else {
            log.error(reader.location, "the file name '\(defaultID)' cannot be used as the record's id",
                      hint: "rename the file using lower-case a–z, digits and '-' (no spaces or å, ä, ö), or add an id: line")
            return nil
        }
        return (defaultID, reader.location)
    }

    /// Every record in one file of the given kind, with what this reader's
    /// log took down while reading them.
    func records(of kind: RecordKind, in file: SourceFile) -> RecordCache.Found {
        switch kind {
        case .agreements:
            let records = agreements(in: file)
            return .agreements(records, log.all)
        case .assessments:
            let records = assessments(in: file)
            return .assessments(records, log.all)
        case .trainings, .themeDays, .meetings:
            let activityKind = Validator.activityKinds.first { $0.0 == kind }!.1
            let records = activities(in: file, kind: activityKind)
            return .activities(records, log.all)
        }
    }

    // MARK: Agreements

    func agreements(in file: SourceFile) -> [(Agreement, SourceLocation)] {
        var result: [(Agreement, SourceLocation)] = []
        for (node, defaultID) in records(in: file, what: "agreement") {
            if readsPlainRecordsInOnePass, let plain = plainAgreement(node, file: file.path, defaultID: defaultID) {
                if let signed = plain.agreement.signed, let at = plain.signedLocation {
                    warnOutsidePeriod(signed, at: at, what: "signed")
                }
                result.append((plain.agreement, plain.idLocation))
                continue
            }
            guard let r = MappingReader(node, file: file.path, what: "the agreement",
                                        keys: Keys.agreement, log: log) else { continue }
            let id = id(of: r, defaultID: defaultID)
            let title = r.text("title", required: true, example: "Samverkansöverenskommelse om …")
            let (parties, partyProblems) = log.noting { r.references("parties", to: context.organisations, required: true) }
            // Not when an entry was wrong or repeated: that message already explains it.
            if r.has("parties"), parties.count < 2, !partyProblems.contains(where: { $0.severity == .error }) {
                log.withdraw(partyProblems)  // "listed twice" is part of this one mistake
                log.error(r.location(of: "parties"), "an agreement needs at least two different parties",
                          hint: "list every organisation that signed, such as parties: [fk, lunds-kommun]")
            }
            let subprojects = r.references("subprojects", to: context.subprojects)
            let status: Agreement.Status? = r.choice("status", required: true)
            let signed = r.date("signed")
            let validFrom = r.date("valid_from")
            let validUntil = r.date("valid_until")
            let terminated = r.date("terminated")
            let scope: [Agreement.Scope] = r.choices("scope")
            let independent = r.boolean("independent_of_individuals") ?? false
            let notes = r.text("notes")

            switch status {
            case .draft?:
                if signed != nil {
                    log.error(r.keyLocation("signed"), "a draft agreement cannot have a signed date",
                              hint: "set status: signed, or remove the signed: line")
                }
            case .signed?, .terminated?:
                if !r.has("signed") {
                    log.error(r.location(of: "status"), "an agreement with status \(status!.rawValue) needs a signed date",
                              hint: "add signed: YYYY-MM-DD, or set status: draft")
                }
            case nil: break
            }
            if status == .terminated, !r.has("terminated") {
                log.error(r.location(of: "status"), "a terminated agreement needs the date it ended",
                          hint: "add terminated: YYYY-MM-DD")
            }
            if let status, status != .terminated, terminated != nil {
                log.error(r.keyLocation("terminated"), "only a terminated agreement can have a terminated date",
                          hint: "set status: terminated, or remove the terminated: line")
            }
            let start = validFrom ?? signed
            if let start, let validUntil, validUntil < start {
                log.error(r.location(of: "valid_until"), "valid_until (\(validUntil)) is before the agreement starts (\(start))",
                          hint: "valid_until must be on or after valid_from (or signed, when there is no valid_from)")
            }
            if let start, let terminated, terminated < start {
                log.error(r.location(of: "terminated"), "terminated (\(terminated)) is before the agreement starts (\(start))",
                          hint: "terminated must be on or after valid_from (or signed)")
            }
            if let signed, let validUntil, validUntil < signed, validFrom != nil, validUntil >= validFrom! {
                log.warning(r.location(of: "valid_until"), "the agreement ends (\(validUntil)) before it was signed (\(signed))",
                            hint: "check the dates")
            }
            if let signed { warnOutsidePeriod(signed, at: r.location(of: "signed"), what: "signed") }

            if let (id, idLocation) = id, let title, let status, parties.count >= 2 {
                let agreement = Agreement(id: id, title: title, parties: parties, subprojects: subprojects, status: status,
                                          signed: signed, validFrom: validFrom, validUntil: validUntil, terminated: terminated,
                                          scope: scope, independentOfIndividuals: independent, notes: notes,
                                          source: r.location)
                result.append((agreement, idLocation))
            }
        }
        return result
    }

    private func warnOutsidePeriod(_ day: Day, at location: SourceLocation, what: String) {
        let config = context.config
        if day < config.start || day > config.end {
            log.warning(location, "\(what) \(day) is outside the project period \(config.start) – \(config.end)",
                        hint: "check the year; records outside the period still count in the indicators")
        }
    }

    // MARK: Activities

    func activities(in file: SourceFile, kind: Activity.Kind) -> [(Activity, SourceLocation)] {
        // Literals, not joined for every file.
        let what: String, noun: String
        switch kind {
        case .training: (what, noun) = ("training", "the training")
        case .themeDay: (what, noun) = ("theme day", "the theme day")
        case .meeting: (what, noun) = ("meeting", "the meeting")
        }
        let keys = kind == .meeting ? Keys.meeting : Keys.activity
        var result: [(Activity, SourceLocation)] = []
        for (node, defaultID) in records(in: file, what: what) {
            if readsPlainRecordsInOnePass, let plain = plainActivity(node, file: file.path, defaultID: defaultID, kind: kind) {
                warnAbout(plain.activity.date, at: plain.dateLocation, of: noun, at: plain.activity.source, kind: kind,
                          participants: plain.activity.participantCount, participantsHaveErrors: false)
                result.append((plain.activity, plain.idLocation))
                continue
            }
            // meeting_type on a training or theme day is reported with a clear reason, not as a typo.
            if kind != .meeting, case .mapping(let mapping, _) = node,
               let key = mapping.first(where: { $0.key.string == "meeting_type" })?.key {
                log.error(MappingReader.location(of: key, in: file.path), "meeting_type belongs to meetings only",
                          hint: "remove the line, or move the file to content/meetings/")
            }
            guard let r = MappingReader(node, file: file.path, what: noun, keys: keys,
                                        reportedElsewhere: kind == .meeting ? [] : Keys.meetingOnly, log: log) else { continue }
            let id = id(of: r, defaultID: defaultID)
            let title = r.text("title", required: true, example: "Grundutbildning i Case management")
            let date = r.date("date", required: true)
            let endDate = r.date("end_date")
            if let date, let endDate, endDate < date {
                log.error(r.location(of: "end_date"), "end_date (\(endDate)) is before date (\(date))",
                          hint: "end_date is the last day of a multi-day activity and must be on or after date")
            }
            let hours = r.positiveDecimal("hours")
            let provider = r.text("provider")
            let methods: [Activity.Method] = r.choices("methods")
            let (principles, principleProblems): ([Principle], [Diagnostic]) = log.noting { r.choices("principles", required: kind == .themeDay) }
            if kind == .themeDay, r.has("principles"), principles.isEmpty, principleProblems.isEmpty {
                log.error(r.location(of: "principles"), "a theme day must name at least one horizontal principle",
                          hint: "valid values: " + Principle.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let subprojects = r.references("subprojects", to: context.subprojects)
            let meetingType: Activity.MeetingType? = kind == .meeting ? r.choice("meeting_type", required: true) : nil
            let (participants, participantProblems) = log.noting { readParticipants(r) }
            let participantsHaveErrors = participantProblems.contains { $0.severity == .error }
            let notes = r.text("notes")

            if let date {
                warnAbout(date, at: r.location(of: "date"), of: noun, at: r.location, kind: kind,
                          participants: participants.reduce(0, { $0 + $1.count }), participantsHaveErrors: participantsHaveErrors)
            }
            if let (id, idLocation) = id, let title, let date, kind != .meeting || meetingType != nil,
               kind != .themeDay || !principles.isEmpty {
                let activity = Activity(kind: kind, id: id, title: title, date: date, endDate: endDate, hours: hours,
                                        provider: provider, methods: methods, principles: principles,
                                        subprojects: subprojects, meetingType: meetingType,
                                        participants: participants, notes: notes, source: r.location)
                result.append((activity, idLocation))
            }
        }
        return result
    }

    /// What an activity's date is warned about: a date outside the project
    /// period, and one passed without participants (not for a meeting, and
    /// not when the participants were wrong: that error already covers it).
    private func warnAbout(_ date: Day, at dateLocation: SourceLocation, of noun: String, at location: SourceLocation,
                           kind: Activity.Kind, participants: Int, participantsHaveErrors: Bool) {
        warnOutsidePeriod(date, at: dateLocation, what: "the date")
        if kind != .meeting, date <= context.asOf, participants == 0, !participantsHaveErrors {
            log.warning(location, "\(noun) has been held but lists no participants",
                        hint: "add participants: with a count per organisation")
        }
    }

    private func readParticipants(_ r: MappingReader) -> [Activity.Participation] {
        guard let items = r.list("participants", example: "[{ organisation: fk, count: 6 }]") else { return [] }
        var result: [Activity.Participation] = []
        result.reserveCapacity(items.count)
        // Organisations by their place in the config: comparing numbers, not ids.
        var seen = SeenValues<Int>()
        for item in items {
            if let (participation, place) = plainParticipation(item), !seen.contains(place) {
                _ = seen.insert(place)
                result.append(participation)
                continue
            }
            guard let p = MappingReader(item, file: r.file, what: "a participants entry",
                                        keys: Keys.participant, log: log) else { continue }
            // Which counts are given is asked once: the checks below need it
            // several times, and an absent key is a look through every entry
            // (a national project has a quarter of a million entries).
            let givesCount = p.has("count")
            let givesWomen = p.has("women"), givesMen = p.has("men"), givesNonBinary = p.has("non_binary")
            let hasSplit = givesWomen || givesMen || givesNonBinary
            var organisation: String?, place: Int?
            // Found once, by its place; `check` then only reports an unknown id.
            if let id = p.text("organisation", required: true, example: "fk"),
               case let found = context.organisations.place(of: id),
               found != nil || context.organisations.check(id, at: p.location(of: "organisation"), key: "organisation", log: log) {
                organisation = id
                place = found
                // `check` passes only what has a place, so `found` is set here.
                if let found, !seen.insert(found) {
                    log.warning(p.location(of: "organisation"), "'\(id)' appears twice in participants; both counts are added",
                                hint: "give each organisation one entry")
                }
            }
            let count = givesCount ? p.integer("count", example: "6") : nil
            let women = givesWomen ? p.integer("women") : nil
            let men = givesMen ? p.integer("men") : nil
            let nonBinary = givesNonBinary ? p.integer("non_binary") : nil
            let splitSum = (women ?? 0) + (men ?? 0) + (nonBinary ?? 0)
            if !givesCount && !hasSplit {
                log.error(p.location, "a participants entry needs count, or women/men/non_binary",
                          hint: "for example { organisation: fk, count: 6 }")
                continue
            }
            if let count, hasSplit, count != splitSum {
                log.error(p.location(of: "count"), "count is \(count) but women + men + non_binary is \(splitSum)",
                          hint: "make them agree, or leave out count: it is then the sum")
                continue
            }
            guard let organisation else { continue }
            // A count given but not readable has been reported above.
            if givesCount && count == nil { continue }
            if givesWomen && women == nil || givesMen && men == nil || givesNonBinary && nonBinary == nil { continue }
            result.append(.init(organisation: organisation, count: count ?? splitSum, women: women, men: men, nonBinary: nonBinary,
                                organisationPlace: place))
        }
        return result
    }

    // MARK: Self-assessments

    func assessments(in file: SourceFile) -> [(SelfAssessment, SourceLocation)] {
        var result: [(SelfAssessment, SourceLocation)] = []
        for (node, defaultID) in records(in: file, what: "self-assessment") {
            if readsPlainRecordsInOnePass, let plain = plainAssessment(node, file: file.path, defaultID: defaultID) {
                warnAbout(plain.assessment.date, at: plain.dateLocation, of: plain.subproject)
                result.append((plain.assessment, plain.idLocation))
                continue
            }
            guard let r = MappingReader(node, file: file.path, what: "the self-assessment",
                                        keys: Keys.assessment, log: log)
            else { continue }
            let id = id(of: r, defaultID: defaultID)
            var subproject: String?
            if let sub = r.text("subproject", required: true, example: context.subprojects.ids.first ?? "vsb"),
               context.subprojects.check(sub, at: r.location(of: "subproject"), key: "subproject", log: log) {
                subproject = sub
            }
            let date = r.date("date", required: true)
            let comment = r.text("comment")
            var answers: SelfAssessment.Answers?
            switch (r.node("scores"), r.node("responses")) {
            case (nil, nil):
                log.error(r.location, "the self-assessment has neither scores nor responses",
                          hint: "add scores: (the team's joint answer) or responses: (anonymous individual answers)")
            case (.some, .some):
                log.error(r.keyLocation("responses"), "give either scores or responses, not both",
                          hint: "scores is the team's joint answer; responses are individual answers")
            case (let scoresNode?, nil):
                if let scores = readAnswers(scoresNode, file: file.path, what: "scores", mustAnswerAll: true) {
                    answers = .scores(scores)
                }
            case (nil, .some):
                if let items = r.list("responses") {
                    if items.isEmpty {
                        log.error(r.location(of: "responses"), "responses is empty", hint: "add one line per response")
                    }
                    var responses: [SelfAssessment.Response] = []
                    responses.reserveCapacity(items.count)
                    var complete = !items.isEmpty
                    for item in items {
                        if let response = readAnswers(item, file: file.path, what: "a response", mustAnswerAll: false) {
                            responses.append(response)
                        } else {
                            complete = false
                        }
                    }
                    if complete { answers = .responses(responses) }
                }
            }
            if let date, let subproject, let sub = context.config.subprojects.first(where: { $0.id == subproject }) {
                warnAbout(date, at: r.location(of: "date"), of: sub)
            }
            if let (id, idLocation) = id, let subproject, let date, let answers {
                let assessment = SelfAssessment(id: id, subproject: subproject, date: date, answers: answers,
                                                comment: comment, source: r.location)
                result.append((assessment, idLocation))
            }
        }
        return result
    }

    /// What a self-assessment's date is warned about: outside its
    /// subproject's period, or else outside the project's.
    private func warnAbout(_ date: Day, at location: SourceLocation, of sub: Subproject) {
        if date < sub.start || date > sub.end {
            log.warning(location, "the date \(date) is outside the subproject's period \(sub.start) – \(sub.end)")
        } else {
            warnOutsidePeriod(date, at: location, what: "the date")
        }
    }

    /// Whether `key`, the answer at `index`, names a question of the
    /// questionnaire (`ids`). Answers mostly follow the questionnaire's
    /// order: the question in the answer's own place is compared first, the
    /// table only asked when it is another (a look-up cost more than the
    /// rest of the answer). `==` takes canonically equivalent spellings for
    /// one where the table compares bytes, but a question id is lower-case
    /// a–z, digits, '-' and '_', and no other character decomposes into
    /// those alone: equal here is equal bytes.
    func isQuestion(_ key: String, at index: Int, of ids: [String]) -> Bool {
        index < ids.count && sameKey(ids[index], key) || context.questions.contains(key)
    }

    /// A score: written plain, up to nine characters, digits and '-' only
    /// (so not '+', which `smallInteger` would take), read as a whole number.
    static func score(_ scalar: YAMLScalar) -> Int? {
        guard scalar.isPlain, scalar.string.utf8.count <= 9, scalar.string.utf8.first != UInt8(ascii: "+") else { return nil }
        return MappingReader.smallInteger(scalar.string)
    }

    /// A mapping of question id → score. `mustAnswerAll` for a team's scores;
    /// a single response may skip questions but must answer one.
    private func readAnswers(_ node: YAMLNode, file: String, what: String, mustAnswerAll: Bool) -> SelfAssessment.Response? {
        let questionnaire = context.config.questionnaire
        let ids = context.questions.ids
        guard case .mapping(let mapping, _) = node else {
            log.error(MappingReader.location(of: node, in: file),
                      "\(what) must map question ids to scores, but this is \(MappingReader.describe(node))",
                      hint: "for example { \(ids.prefix(2).map { "\($0): 3" }.joined(separator: ", ")) }")
            return nil
        }
        var answers: [SelfAssessment.Response.Answer] = []
        answers.reserveCapacity(mapping.count)  // not grown answer by answer
        var ok = true
        // A misspelt question is reported once, not again as a missing answer.
        var suggested: Set<String> = []
        // Each pair is read in place, and a place made into a location only
        // for a message: a copy of each key and value, and two locations
        // made for every answer, were half of reading one.
        for index in mapping.indices {
            guard case .scalar(let keyScalar) = mapping[index].key else { ok = false; continue }
            var keyLocation: SourceLocation { MappingReader.location(of: keyScalar.mark, in: file) }
            guard isQuestion(keyScalar.string, at: index, of: ids) else {
                let close = suggestion(for: keyScalar.string, among: ids)
                if let close { suggested.insert(close) }
                log.error(keyLocation, "'\(keyScalar.string.prefix(64))' in \(what) is not an assessment question",
                          hint: (close.map { "did you mean '\($0)'? " } ?? "") + "known questions: " + listForHint(ids))
                ok = false
                continue
            }
            guard !MappingReader.isNull(mapping[index].value) else {
                if mustAnswerAll {
                    log.error(keyLocation, "'\(keyScalar.string)' has no score", hint: "scores must answer every question")
                    ok = false
                }
                continue
            }
            var here: SourceLocation { MappingReader.location(of: mapping[index].value, in: file) }
            guard case .scalar(let scalar) = mapping[index].value, let score = RecordReader.score(scalar) else {
                log.error(here, "the score for '\(keyScalar.string)' must be a whole number, not \(MappingReader.describe(mapping[index].value))",
                          hint: "write a number from \(questionnaire.scaleMin) to \(questionnaire.scaleMax)")
                ok = false
                continue
            }
            guard (questionnaire.scaleMin...questionnaire.scaleMax).contains(score) else {
                log.error(here, "the score \(score) for '\(keyScalar.string)' is outside the scale \(questionnaire.scaleMin)–\(questionnaire.scaleMax)")
                ok = false
                continue
            }
            // YAML has refused a key given twice, so each question comes once.
            answers.append(.init(question: keyScalar.string, score: score))
        }
        let location = MappingReader.location(of: node, in: file)
        if mustAnswerAll {
            // Questions whose key is absent (a key present with a bad value was reported above).
            let missing = ids.filter { id in !mapping.contains { $0.key.string == id } && !suggested.contains(id) }
            if !missing.isEmpty && ok {
                log.error(location, "scores must answer every question; missing: \(missing.joined(separator: ", "))",
                          hint: "a team's joint answer covers all questions; use responses: for individual answers that may skip some")
                ok = false
            }
        } else if answers.isEmpty && ok {
            log.error(location, "a response must answer at least one question")
            ok = false
        }
        return ok ? SelfAssessment.Response(answers) : nil
    }
}

extension DiagnosticLog {
    /// Whether an error was already logged at this place (to avoid a second, vaguer one).
    func hasErrors(at location: SourceLocation) -> Bool {
        all.contains { $0.severity == .error && $0.location == location }
    }
}

extension RecordReader {
    /// The keys each kind of mapping accepts, made once: a list written at
    /// the call was a new array for every record and participants entry.
    enum Keys {
        static let agreement = ["id", "title", "parties", "subprojects", "status", "signed", "valid_from",
                                "valid_until", "terminated", "scope", "independent_of_individuals", "notes"]
        static let activity = ["id", "title", "date", "end_date", "hours", "provider", "methods", "principles", "subprojects",
                               "participants", "notes"]
        static let meeting = activity + ["meeting_type"]
        /// Checked on trainings and theme days with a message of its own.
        static let meetingOnly: Set<String> = ["meeting_type"]
        static let participant = ["organisation", "count", "women", "men", "non_binary"]
        static let assessment = ["id", "subproject", "date", "scores", "responses", "comment"]
    }
}
