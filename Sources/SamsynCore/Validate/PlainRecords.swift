/// Records read in one pass over their pairs when they are plain — known
/// keys, values of the expected shape, valid and known values, nothing
/// repeated — as nearly every record is. Each reader here logs nothing and
/// answers nil for anything else; the record is then read the long way
/// (`MappingReader`), which reports what is wrong. A plain record gives the
/// same record, and the same warnings, either way (the tests read both ways).
extension RecordReader {
    /// An activity read in one pass, with where its id and date are, for
    /// the warnings the long way would give.
    struct PlainActivity {
        var activity: Activity
        var idLocation: SourceLocation
        var dateLocation: SourceLocation
    }

    /// Nil unless the activity is plain (see above). Its keys were looked up
    /// one by one through a `MappingReader`, and each list, date and text
    /// read through a helper that made a list of the words and their
    /// places first: some 16 000 instructions an activity besides its
    /// participants (docs/performance.md, change 125).
    func plainActivity(_ node: YAMLNode, file: String, defaultID: String?, kind: Activity.Kind) -> PlainActivity? {
        guard case .mapping(let pairs, let mark) = node else { return nil }
        var id: (text: String, mark: Mark)?, title: String?, date: (day: Day, mark: Mark)?, endDate: Day?
        var hours: Exact?, provider: String?, notes: String?, meetingType: Activity.MeetingType?
        var methods: [Activity.Method] = [], principles: [Principle] = [], subprojects: [String] = []
        var participants: [Activity.Participation] = []
        for index in pairs.indices {
            guard case .scalar(let key) = pairs[index].key, !MappingReader.isNull(pairs[index].value) else { return nil }
            let value = pairs[index].value
            // By length first: a key's string is then compared with one or
            // two of the names, not with each name before it in turn.
            switch (key.string.utf8.count, key.string) {
            case (2, "id"):
                guard let text = Self.plainText(value), ConfigReader.isValidRecordID(text) else { return nil }
                id = (text, value.mark)
            case (5, "title"):
                guard let text = Self.plainText(value) else { return nil }
                title = text
            case (4, "date"):
                guard let day = Self.plainDay(value) else { return nil }
                date = (day, value.mark)
            case (8, "end_date"):
                guard let day = Self.plainDay(value) else { return nil }
                endDate = day
            case (5, "hours"):
                guard case .scalar(let scalar) = value, scalar.isPlain, let number = Exact(decimal: scalar.string),
                      number > .zero else { return nil }
                hours = number
            case (8, "provider"):
                guard let text = Self.plainText(value) else { return nil }
                provider = text
            case (5, "notes"):
                guard let text = Self.plainText(value) else { return nil }
                notes = text
            case (7, "methods"):
                guard let list: [Activity.Method] = Self.plainChoices(value) else { return nil }
                methods = list
            case (10, "principles"):
                guard let list: [Principle] = Self.plainChoices(value) else { return nil }
                principles = list
            case (11, "subprojects"):
                guard let known = Self.plainReferences(value, to: context.subprojects) else { return nil }
                subprojects = known
            case (12, "meeting_type") where kind == .meeting:
                guard case .scalar(let scalar) = value, let type = Activity.MeetingType(rawValue: scalar.string) else { return nil }
                meetingType = type
            case (12, "participants"):
                guard case .sequence(let items, _) = value else { return nil }
                participants.reserveCapacity(items.count)
                var seen = SeenValues<Int>()
                for item in items {
                    guard let (participation, place) = plainParticipation(item), seen.insert(place) else { return nil }
                    participants.append(participation)
                }
            default:
                return nil
            }
        }
        guard let title, let date, endDate.map({ $0 >= date.day }) ?? true,
              kind != .themeDay || !principles.isEmpty, kind != .meeting || meetingType != nil else { return nil }
        let location = MappingReader.location(of: mark, in: file)
        guard let (idText, idLocation) = Self.plainID(id, defaultID: defaultID, file: file, record: location) else { return nil }
        let activity = Activity(kind: kind, id: idText, title: title, date: date.day, endDate: endDate, hours: hours,
                                provider: provider, methods: methods, principles: principles, subprojects: subprojects,
                                meetingType: meetingType, participants: participants, notes: notes, source: location)
        return PlainActivity(activity: activity, idLocation: idLocation,
                             dateLocation: MappingReader.location(of: date.mark, in: file))
    }

    /// An agreement read in one pass, with where its id and its signed date
    /// are (the warnings the long way would give), as `plainActivity` reads
    /// an activity. Any agreement the status rules refuse, or that the long
    /// way warns about for its dates' order, is not plain.
    struct PlainAgreement {
        var agreement: Agreement
        var idLocation: SourceLocation
        var signedLocation: SourceLocation?
    }

    func plainAgreement(_ node: YAMLNode, file: String, defaultID: String?) -> PlainAgreement? {
        guard case .mapping(let pairs, let mark) = node else { return nil }
        var id: (text: String, mark: Mark)?, title: String?, status: Agreement.Status?, notes: String?
        var signed: (day: Day, mark: Mark)?, validFrom: Day?, validUntil: Day?, terminated: Day?
        var parties: [String] = [], subprojects: [String] = [], scope: [Agreement.Scope] = [], independent = false
        for index in pairs.indices {
            guard case .scalar(let key) = pairs[index].key, !MappingReader.isNull(pairs[index].value) else { return nil }
            let value = pairs[index].value
            switch (key.string.utf8.count, key.string) {  // by length first, as in `plainActivity`
            case (2, "id"):
                guard let text = Self.plainText(value), ConfigReader.isValidRecordID(text) else { return nil }
                id = (text, value.mark)
            case (5, "title"):
                guard let text = Self.plainText(value) else { return nil }
                title = text
            case (7, "parties"):
                guard let known = Self.plainReferences(value, to: context.organisations) else { return nil }
                parties = known
            case (11, "subprojects"):
                guard let known = Self.plainReferences(value, to: context.subprojects) else { return nil }
                subprojects = known
            case (6, "status"):
                guard case .scalar(let scalar) = value, let known = Agreement.Status(rawValue: scalar.string) else { return nil }
                status = known
            case (6, "signed"):
                guard let day = Self.plainDay(value) else { return nil }
                signed = (day, value.mark)
            case (10, "valid_from"):
                guard let day = Self.plainDay(value) else { return nil }
                validFrom = day
            case (11, "valid_until"):
                guard let day = Self.plainDay(value) else { return nil }
                validUntil = day
            case (10, "terminated"):
                guard let day = Self.plainDay(value) else { return nil }
                terminated = day
            case (5, "scope"):
                guard let list: [Agreement.Scope] = Self.plainChoices(value) else { return nil }
                scope = list
            case (26, "independent_of_individuals"):
                // As `MappingReader.boolean` reads it.
                guard case .scalar(let scalar) = value, scalar.isPlain else { return nil }
                switch scalar.string {
                case "true", "True", "TRUE": independent = true
                case "false", "False", "FALSE": independent = false
                default: return nil
                }
            case (5, "notes"):
                guard let text = Self.plainText(value) else { return nil }
                notes = text
            default:
                return nil
            }
        }
        guard let title, let status, parties.count >= 2 else { return nil }
        // The status rules: a draft is not signed; a signed or terminated
        // agreement has its signed date; only a terminated one, and it
        // always, has the date it ended.
        guard (status == .draft) == (signed == nil), (status == .terminated) == (terminated != nil) else { return nil }
        let start = validFrom ?? signed?.day
        if let start, let validUntil, validUntil < start { return nil }
        if let start, let terminated, terminated < start { return nil }
        if let signed, let validUntil, let validFrom, validUntil < signed.day, validUntil >= validFrom { return nil }
        let location = MappingReader.location(of: mark, in: file)
        guard let (idText, idLocation) = Self.plainID(id, defaultID: defaultID, file: file, record: location) else { return nil }
        let agreement = Agreement(id: idText, title: title, parties: parties, subprojects: subprojects, status: status,
                                  signed: signed?.day, validFrom: validFrom, validUntil: validUntil, terminated: terminated,
                                  scope: scope, independentOfIndividuals: independent, notes: notes, source: location)
        return PlainAgreement(agreement: agreement, idLocation: idLocation,
                              signedLocation: signed.map { MappingReader.location(of: $0.mark, in: file) })
    }

    /// A self-assessment read in one pass, with where its date is (for the
    /// warnings the long way would give).
    struct PlainAssessment {
        var assessment: SelfAssessment
        var idLocation: SourceLocation
        var dateLocation: SourceLocation
        /// The subproject it assesses, whose period its date is checked against.
        var subproject: Subproject
    }

    func plainAssessment(_ node: YAMLNode, file: String, defaultID: String?) -> PlainAssessment? {
        guard case .mapping(let pairs, let mark) = node else { return nil }
        var id: (text: String, mark: Mark)?, subproject: String?, date: (day: Day, mark: Mark)?, comment: String?
        var answers: SelfAssessment.Answers?
        for index in pairs.indices {
            guard case .scalar(let key) = pairs[index].key, !MappingReader.isNull(pairs[index].value) else { return nil }
            let value = pairs[index].value
            switch (key.string.utf8.count, key.string) {  // by length first, as in `plainActivity`
            case (2, "id"):
                guard let text = Self.plainText(value), ConfigReader.isValidRecordID(text) else { return nil }
                id = (text, value.mark)
            case (10, "subproject"):
                guard let text = Self.plainText(value), let found = context.subprojects.known(text) else { return nil }
                subproject = found.id
            case (4, "date"):
                guard let day = Self.plainDay(value) else { return nil }
                date = (day, value.mark)
            case (7, "comment"):
                guard let text = Self.plainText(value) else { return nil }
                comment = text
            case (6, "scores"):
                guard answers == nil, let scores = plainAnswers(value, all: true) else { return nil }
                answers = .scores(scores)
            case (9, "responses"):
                guard answers == nil, case .sequence(let items, _) = value, !items.isEmpty else { return nil }
                var responses: [SelfAssessment.Response] = []
                responses.reserveCapacity(items.count)
                for item in items {
                    guard let response = plainAnswers(item, all: false) else { return nil }
                    responses.append(response)
                }
                answers = .responses(responses)
            default:
                return nil
            }
        }
        guard let subproject, let date, let answers,
              let sub = context.config.subprojects.first(where: { $0.id == subproject }) else { return nil }
        let location = MappingReader.location(of: mark, in: file)
        guard let (idText, idLocation) = Self.plainID(id, defaultID: defaultID, file: file, record: location) else { return nil }
        let assessment = SelfAssessment(id: idText, subproject: subproject, date: date.day, answers: answers, comment: comment,
                                        source: location)
        return PlainAssessment(assessment: assessment, idLocation: idLocation,
                               dateLocation: MappingReader.location(of: date.mark, in: file), subproject: sub)
    }

    /// Scores by question as `RecordReader.readAnswers` reads them, when
    /// every one is plain: a known question, a whole number on the scale;
    /// `all` questions answered (a team's scores), or else at least one.
    private func plainAnswers(_ node: YAMLNode, all: Bool) -> SelfAssessment.Response? {
        guard case .mapping(let pairs, _) = node, !pairs.isEmpty else { return nil }
        let questionnaire = context.config.questionnaire, ids = context.questions.ids
        var answers: [SelfAssessment.Response.Answer] = []
        answers.reserveCapacity(pairs.count)
        for index in pairs.indices {
            guard case .scalar(let key) = pairs[index].key, isQuestion(key.string, at: index, of: ids),
                  case .scalar(let value) = pairs[index].value, !MappingReader.isNull(pairs[index].value),
                  let score = RecordReader.score(value), (questionnaire.scaleMin...questionnaire.scaleMax).contains(score)
            else { return nil }
            answers.append(.init(question: key.string, score: score))
        }
        // YAML has refused a question named twice: as many answers as questions is every question.
        guard !all || answers.count == ids.count else { return nil }
        return SelfAssessment.Response(answers)
    }

    /// A record's id and where it is, as `RecordReader.id(of:defaultID:)`
    /// gives them: its own, or else the file's name (where the record is).
    private static func plainID(_ id: (text: String, mark: Mark)?, defaultID: String?, file: String,
                                record location: SourceLocation) -> (String, SourceLocation)? {
        if let id { return (id.text, MappingReader.location(of: id.mark, in: file)) }
        guard let defaultID, ConfigReader.isValidRecordID(defaultID) else { return nil }
        return (defaultID, location)
    }

    /// A date as `MappingReader.date` reads it: any scalar, trimmed, a real day.
    private static func plainDay(_ node: YAMLNode) -> Day? {
        plainText(node).flatMap { Day(iso: $0) }
    }

    /// A list of known ids, none repeated, as `MappingReader.references` reads it.
    private static func plainReferences(_ node: YAMLNode, to known: KnownIDs) -> [String]? {
        guard let words = plainWords(node) else { return nil }
        var ids: [String] = []
        ids.reserveCapacity(words.count)
        for word in words {
            guard let found = known.known(word), !ids.contains(found.id) else { return nil }
            ids.append(found.id)
        }
        return ids
    }

    /// A text as `MappingReader.text` reads it: any scalar, trimmed; nil when empty.
    private static func plainText(_ node: YAMLNode) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        let text = scalar.string.trimmingWhitespace
        return text.isEmpty ? nil : text
    }

    /// A list's words as `MappingReader.words` reads them; nil when an item is not a word.
    private static func plainWords(_ node: YAMLNode) -> [String]? {
        guard case .sequence(let items, _) = node else { return nil }
        var words: [String] = []
        words.reserveCapacity(items.count)
        for item in items {
            guard case .scalar(let scalar) = item, !MappingReader.isNull(item) else { return nil }
            words.append(scalar.string.trimmingWhitespace)
        }
        return words
    }

    /// A list of known values, none repeated, as `MappingReader.choices` reads it.
    private static func plainChoices<E: RawRepresentable & Equatable>(_ node: YAMLNode) -> [E]? where E.RawValue == String {
        guard let words = plainWords(node) else { return nil }
        var values: [E] = []
        values.reserveCapacity(words.count)
        for word in words {
            guard let value = E(rawValue: word), !values.contains(value) else { return nil }
            values.append(value)
        }
        return values
    }

    /// A participants entry read in one pass over its pairs when it is
    /// plain — known keys, scalar values, a known organisation, whole
    /// numbers that agree — as nearly every entry is; nil otherwise, and the
    /// entry is then read by `MappingReader`, which reports what is wrong.
    /// Nothing is logged here, and a plain entry gives the same participation
    /// either way. (A `MappingReader` for each of a national project's
    /// quarter of a million entries, and its keys looked up one by one, was
    /// a fifth of reading the activities: docs/performance.md, change 115.)
    func plainParticipation(_ node: YAMLNode) -> (Activity.Participation, place: Int)? {
        guard case .mapping(let pairs, _) = node, pairs.count <= Keys.participant.count else { return nil }
        var organisation: String?, count: Int?, women: Int?, men: Int?, nonBinary: Int?
        for index in pairs.indices {
            guard case .scalar(let key) = pairs[index].key, case .scalar(let value) = pairs[index].value,
                  !MappingReader.isNull(pairs[index].value) else { return nil }
            let length = key.string.utf8.count  // by length first, as in `plainActivity`
            if length == 12 && key.string == "organisation" {
                organisation = value.string.trimmingWhitespace
                continue
            }
            // A whole number ≥ 0 written plain, as `MappingReader.integer` takes it.
            guard value.isPlain, let number = MappingReader.smallInteger(value.string), number >= 0 else { return nil }
            switch (length, key.string) {
            case (5, "count"): count = number
            case (5, "women"): women = number
            case (3, "men"): men = number
            case (10, "non_binary"): nonBinary = number
            default: return nil
            }
        }
        guard let organisation, !organisation.isEmpty, let (place, organisation) = context.organisations.known(organisation) else { return nil }
        let split = (women ?? 0) + (men ?? 0) + (nonBinary ?? 0)
        let hasSplit = women != nil || men != nil || nonBinary != nil
        guard count != nil || hasSplit, count == nil || !hasSplit || count == split else { return nil }
        return (.init(organisation: organisation, count: count ?? split, women: women, men: men, nonBinary: nonBinary,
                      organisationPlace: place), place)
    }
}
