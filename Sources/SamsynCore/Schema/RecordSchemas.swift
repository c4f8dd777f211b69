/// The schemas of the records under `content/`, key for key as `RecordReader`
/// reads them.
enum RecordSchemas {
    typealias P = SchemaPart

    static func id(_ noun: String) -> JSONValue {
        P.id("\(noun) id: små bokstäver a–z, siffror och bindestreck, högst 64 tecken. Utelämnas det blir filnamnet "
             + "(utan .yaml) id:t; i en fil med en lista måste varje post ha ett eget id.")
    }

    static let subprojects = P.list("Delprojekt (id) som posten gäller. Tom eller utelämnad: hela projektet.",
                                    of: P.id("Ett delprojekts id."))

    // MARK: Agreements

    static func agreement(name: String) -> JSONValue {
        let record = P.object(
            "En samverkansöverenskommelse.", required: ["title", "parties", "status"], [
                "id": id("Avtalets"),
                "title": P.text("Avtalets namn."),
                "parties": P.list("Avtalsparterna: id för minst två olika organisationer.", of: P.id("En organisations id."),
                                  minItems: 2),
                "subprojects": subprojects,
                "status": P.choice("Avtalets läge. signed kräver ett signed-datum; terminated kräver både signed och terminated.",
                                   Agreement.Status.self, label: Localization(.sv).status),
                "signed": P.date("Dagen avtalet undertecknades. Krävs för signed och terminated; får inte anges för draft."),
                "valid_from": P.date("Första dagen avtalet gäller. Standard: signed."),
                "valid_until": P.date("Sista dagen avtalet gäller, inte före valid_from. Utelämnas: gäller tills vidare."),
                "terminated": P.date("Sista dagen ett uppsagt avtal gällde, inte före valid_from. Krävs för terminated; "
                                     + "får inte anges annars."),
                "scope": P.list("Vad avtalet reglerar.", of: P.choice("Ett område.", Agreement.Scope.self,
                                                                      label: Localization(.sv).scope)),
                "independent_of_individuals": P.described(
                    "true när samverkan är reglerad i organisationerna och inte hänger på namngivna handläggare. Standard false.",
                    [("type", .string("boolean"))]),
                "notes": P.text("Anteckningar."),
            ], rules: [("allOf", .array(Agreement.Status.allCases.map(statusRule)))])
        return Schemas.recordFile(name: name, title: "Samsyn: samverkansöverenskommelse",
                                  folder: "content/agreements", plural: "överenskommelser", record: record)
    }

    /// The table "Regler mellan fälten": which dates each status needs or forbids.
    static func statusRule(_ status: Agreement.Status) -> JSONValue {
        let then: JSONValue
        switch status {
        case .draft: then = P.absent("signed", "terminated")
        case .signed: then = .object([("allOf", .array([P.given("signed"), P.absent("terminated")]))])
        case .terminated: then = P.given("signed", "terminated")
        }
        return .object([
            ("if", .object([("properties", .object([("status", .object([("const", .string(status.rawValue))]))])),
                            ("required", .array([.string("status")]))])),
            ("then", then),
        ])
    }

    // MARK: Activities

    static func activity(_ kind: Activity.Kind, name: String) -> JSONValue {
        let principles = P.list(kind == .themeDay ? "De horisontella principer som temadagen tar upp, minst en."
                                    : "De horisontella principer som aktiviteten tar upp.",
                                of: P.choice("En princip.", Principle.self, label: Localization(.sv).principle),
                                minItems: kind == .themeDay ? 1 : nil)
        var properties: [(String, JSONValue)] = [
            ("id", id("Aktivitetens")),
            ("title", P.text("Aktivitetens namn.")),
            ("date", P.date("Dagen aktiviteten hölls (den första dagen).")),
            ("end_date", P.date("Sista dagen, för en aktivitet över flera dagar; inte före date.")),
            ("hours", P.described("Längd i timmar per deltagare för hela aktiviteten: ett tal större än 0, "
                                  + "decimaler med punkt (1.5).", [("type", .string("number")), ("exclusiveMinimum", .int(0))])),
            ("provider", P.text("Utbildare eller arrangör.")),
            ("methods", P.list("Metoder som aktiviteten handlar om.",
                               of: P.choice("En metod.", Activity.Method.self, label: Localization(.sv).method))),
            ("principles", principles),
            ("subprojects", subprojects),
        ]
        // Only meetings have a type; on a training or theme day it is an error.
        if kind == .meeting {
            properties.append(("meeting_type", P.choice("Slags möte.", Activity.MeetingType.self,
                                                        label: Localization(.sv).meetingType)))
        }
        properties += [
            ("participants", P.list("Antal deltagare per organisation, en rad per organisation. Alltid antal, aldrig namn.",
                                    of: participation)),
            ("notes", P.text("Anteckningar.")),
        ]
        var required = ["title", "date"]
        switch kind {
        case .training: break
        case .themeDay: required.append("principles")
        case .meeting: required.append("meeting_type")
        }
        let noun = Localization(.sv).kind(kind)
        let record = P.object(description(kind), required: required, fields: properties)
        return Schemas.recordFile(name: name, title: "Samsyn: \(noun)",
                                  folder: "content/" + kind.folder, plural: plural(kind), record: record)
    }

    static func description(_ kind: Activity.Kind) -> String {
        switch kind {
        case .training: return "En utbildning eller annan kompetensutveckling."
        case .themeDay: return "En temadag om de horisontella principerna."
        case .meeting: return "Ett möte: teammöte, handläggarträff, styrgrupp, workshop eller annat möte."
        }
    }

    static func plural(_ kind: Activity.Kind) -> String {
        switch kind {
        case .training: return "utbildningar"
        case .themeDay: return "temadagar"
        case .meeting: return "möten"
        }
    }

    /// `RecordReader.readParticipants`: count, a split by gender, or both.
    static let participation = P.object(
        "Deltagare från en organisation: count, en uppdelning på women, men och non_binary, eller båda. "
            + "Anges båda måste count vara summan.", required: ["organisation"], [
            "organisation": P.id("Organisationens id."),
            "count": P.integer("Antal deltagare. Kan utelämnas när uppdelningen anges; antalet är då women + men + non_binary."),
            "women": P.integer("Antal kvinnor."),
            "men": P.integer("Antal män."),
            "non_binary": P.integer("Antal icke-binära."),
        ], rules: [("anyOf", .array([P.given("count"), P.given("women"), P.given("men"), P.given("non_binary")]))])

    // MARK: Self-assessments

    static func assessment(_ questionnaire: Questionnaire, name: String) -> JSONValue {
        let scale = "ett heltal från \(questionnaire.scaleMin) till \(questionnaire.scaleMax)"
        func answer(_ question: Questionnaire.Question) -> (String, JSONValue) {
            (question.id, P.integer(question.text, minimum: questionnaire.scaleMin, maximum: questionnaire.scaleMax))
        }
        let ids = questionnaire.questions.map(\.id)
        let scores = P.object("Teamets gemensamma svar: \(scale) för varje fråga. Alla frågor måste besvaras.",
                              required: ids, fields: questionnaire.questions.map(answer))
        // A response may skip questions (left out or empty) but must answer one:
        // "not every given answer is empty".
        let response = P.object("Ett anonymt svar: \(scale) per fråga. Frågor får hoppas över, men minst en ska besvaras.",
                                fields: questionnaire.questions.map(answer),
                                rules: [("not", .object([("additionalProperties", .object([("type", .string("null"))]))]))])
        let record = P.object(
            "En omgång av självskattningen i ett delprojekt: scores eller responses, aldrig båda.",
            required: ["subproject", "date"], [
                "id": id("Omgångens"),
                "subproject": P.id("Delprojektet som skattat sig (id)."),
                "date": P.date("Dagen självskattningen gjordes."),
                "scores": scores,
                "responses": P.list("Anonyma enskilda svar, ett per person, minst ett. De publiceras aldrig, bara sammanställningar.",
                                    of: response, minItems: 1),
                "comment": P.text("Kommentar till omgången."),
            ], rules: [("oneOf", .array([P.given("scores"), P.given("responses")]))])
        return Schemas.recordFile(name: name, title: "Samsyn: BIP-självskattning",
                                  folder: "content/assessments", plural: "självskattningar", record: record)
    }
}
