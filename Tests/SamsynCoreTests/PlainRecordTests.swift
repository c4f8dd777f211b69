import Testing
@testable import SamsynCore

/// A plain activity, agreement or self-assessment is read in one pass
/// (PlainRecords.swift), anything else the long way, through
/// `MappingReader`. Each body below is read both ways (an activity's as a
/// training, a theme day and a meeting): the records and the diagnostics
/// must be the same, whichever way each was read.
@Suite struct PlainRecordTests {
    static let context: ProjectContext = {
        let bytes = Array(TestProject.config.utf8)
        let file = SourceFile(path: Loader.configPath, bytes: bytes, root: try! YAMLComposer.compose(bytes, maxValues: 1000))
        return ProjectContext(config: ConfigReader(log: DiagnosticLog()).read(file)!, asOf: Day.t("2025-06-30"))
    }()

    static let full = """
        id: kurs-2024
        title: Grundutbildning i case management
        date: 2024-05-15
        end_date: 2024-05-16
        hours: 7.5
        provider: "  Kompetenscentrum  "
        methods: [case-management, bip]
        principles: [gender-equality, accessibility]
        subprojects: [alfa]
        participants:
          - { organisation: fk, count: 6 }
          - { organisation: kommunen, women: 3, men: 2, non_binary: 1 }
        notes: |
          Två dagar.
          Lokal: Stadshuset.

        """

    /// Plain bodies and bodies with each kind of problem or oddity, one or two at a time.
    static let bodies: [String] = [
        full,
        full + "meeting_type: team\n",
        "title: Kurs\ndate: 2024-05-15\n",
        "title: Kurs\ndate: 2024-05-15\nprinciples: [non-discrimination]\nmeeting_type: caseworker\n",
        "title: Kurs\ndate: 2026-05-15\nprinciples: [accessibility]\nmeeting_type: steering-group\n",
        "title: Kurs\ndate: 2023-05-15\nparticipants: [{ organisation: fk, count: 2 }]\n",
        "title: Kurs\ndate: '2024-05-15'\nparticipants: []\n",
        "title: '  Kurs  '\ndate: 2024-05-15\n",
        "title: ''\ndate: 2024-05-15\n",
        "title: Kurs\n",
        "date: 2024-05-15\n",
        "title: Kurs\ndate: 2024-02-30\n",
        "title: Kurs\ndate: 15 maj 2024\n",
        "titel: Kurs\ndate: 2024-05-15\n",
        "title: Kurs\ndate: 2024-05-15\nprovider:\nend_date: ~\n",
        "title: Kurs\ndate: 2024-05-15\nend_date: 2024-05-14\n",
        "title: Kurs\ndate: 2024-05-15\nhours: '2'\n",
        "title: Kurs\ndate: 2024-05-15\nhours: 0\n",
        "title: Kurs\ndate: 2024-05-15\nhours: 1,5\n",
        "title: Kurs\ndate: 2024-05-15\nmethods: [bip, bip]\n",
        "title: Kurs\ndate: 2024-05-15\nmethods: [bipp]\n",
        "title: Kurs\ndate: 2024-05-15\nmethods: bip\n",
        "title: Kurs\ndate: 2024-05-15\nmethods: [' bip', ~]\n",
        "title: Kurs\ndate: 2024-05-15\nprinciples: []\n",
        "title: Kurs\ndate: 2024-05-15\nsubprojects: [alfa, alfa]\n",
        "title: Kurs\ndate: 2024-05-15\nsubprojects: [beta]\n",
        "title: Kurs\ndate: 2024-05-15\nsubprojects: [[alfa]]\n",
        "title: Kurs\ndate: 2024-05-15\nparticipants: [{ organisation: fk, count: 3 }, { organisation: fk, count: 2 }]\n",
        "title: Kurs\ndate: 2024-05-15\nparticipants: [{ organisation: af, count: 3 }]\n",
        "title: Kurs\ndate: 2024-05-15\nparticipants: [{ organisation: fk, count: 3, women: 1 }]\n",
        "title: Kurs\ndate: 2024-05-15\nparticipants: [{ organisation: fk, count: '3' }]\n",
        "title: Kurs\ndate: 2024-05-15\nparticipants: [{ organisation: fk, count: 0 }]\n",
        "title: Kurs\ndate: 2024-05-15\nparticipants: { organisation: fk, count: 3 }\n",
        "title: Kurs\ndate: 2024-05-15\nmeeting_type: teem\n",
        "id: Kurs_1\ntitle: Kurs\ndate: 2024-05-15\n",
        "id: [kurs]\ntitle: Kurs\ndate: 2024-05-15\n",
        "id: kurs-9\ntitle: [Kurs]\ndate: 2024-05-15\n",
        "? [a, b]\n: x\ntitle: Kurs\ndate: 2024-05-15\n",
        "- { id: a-1, title: Kurs, date: 2024-05-15, principles: [accessibility], meeting_type: team }\n- { title: Kurs, date: 2024-05-16 }\n",
        "just words\n",
    ]

    @Test("each body gives the same records and diagnostics both ways", arguments: bodies.indices)
    func bothWaysGiveTheSame(_ index: Int) throws {
        for kind in Activity.Kind.allCases {
            try Self.expectBothWaysTheSame(Self.bodies[index], at: "content/\(kind.folder)/kurs-1.yaml", "body \(index) as a \(kind)",
                                           { $0.activities(in: $1, kind: kind) }, Self.describe)
        }
    }

    /// Reads `body` as the file at `path` in one pass and the long way
    /// (`read`), and expects the same records (as `describe` writes them)
    /// and the same diagnostics.
    static func expectBothWaysTheSame<R>(_ body: String, at path: String, _ comment: Comment,
                                         _ read: (RecordReader, SourceFile) -> [R], _ describe: (R) -> String) throws {
        let bytes = Array(body.utf8)
        let file = SourceFile(path: path, bytes: bytes, root: try YAMLComposer.compose(bytes, maxValues: 1000))
        let onePass = RecordReader(log: DiagnosticLog(), context: context)
        var longWay = RecordReader(log: DiagnosticLog(), context: context)
        longWay.readsPlainRecordsInOnePass = false
        #expect(read(onePass, file).map(describe) == read(longWay, file).map(describe), comment)
        #expect(onePass.log.all == longWay.log.all, comment)
    }

    static let agreement = """
        id: avtal-1
        title: Samverkansöverenskommelse om parallella insatser
        parties: [fk, kommunen]
        subprojects: [alfa]
        status: signed
        signed: 2024-03-01
        valid_from: 2024-04-01
        valid_until: 2025-12-31
        scope: [parallel-services, referral]
        independent_of_individuals: true
        notes: Ersätter en tidigare.

        """

    /// An agreement's bodies: plain, and with each status rule, date order
    /// and list broken in turn.
    static let agreementBodies: [String] = [
        agreement,
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nsigned: 2024-03-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\nsigned: 2023-03-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\nsigned: 2024-03-01\nterminated: 2024-09-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: terminated\nsigned: 2024-03-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: terminated\nsigned: 2024-03-01\nterminated: 2024-09-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: terminated\nsigned: 2024-03-01\nterminated: 2024-02-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\nsigned: 2024-03-01\nvalid_until: 2024-02-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\nsigned: 2024-03-01\nvalid_from: 2024-01-01\nvalid_until: 2024-02-01\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\nsigned: 2024-03-01\nvalid_from: 2024-05-01\nvalid_until: 2024-04-01\n",
        "title: Avtal\nparties: [fk]\nstatus: draft\n",
        "title: Avtal\nparties: [fk, fk]\nstatus: draft\n",
        "title: Avtal\nparties: [fk, kommunen, fk]\nstatus: draft\n",
        "title: Avtal\nparties: [fk, af]\nstatus: draft\n",
        "title: Avtal\nparties: fk\nstatus: draft\n",
        "title: Avtal\nstatus: draft\n",
        "title: Avtal\nparties: [fk, kommunen]\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: sigend\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nscope: [referral, referral]\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nindependent_of_individuals: ja\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nindependent_of_individuals: FALSE\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nindependent_of_individuals: 'true'\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nsubprojects: [beta]\nnotes:\n",
        "title: Avtal\nparties: [fk, kommunen]\nstatus: draft\nmeeting_type: team\n",
        "- { id: a-1, title: Avtal, parties: [fk, kommunen], status: draft }\n- { title: Avtal, parties: [fk, kommunen], status: draft }\n",
    ]

    @Test("each agreement body gives the same records and diagnostics both ways", arguments: agreementBodies.indices)
    func agreementsBothWays(_ index: Int) throws {
        let describe = { (read: (Agreement, SamsynCore.SourceLocation)) -> String in
            let (a, idLocation) = read
            return ["\(a.id) at \(idLocation), from \(a.source)", a.title, "\(a.parties) \(a.subprojects) \(a.status) \(a.scope)",
                    "\(String(describing: a.signed)) \(String(describing: a.validFrom)) \(String(describing: a.validUntil))",
                    "\(String(describing: a.terminated)) \(a.independentOfIndividuals) \(String(describing: a.notes))"]
                .joined(separator: " | ")
        }
        try Self.expectBothWaysTheSame(Self.agreementBodies[index], at: "content/agreements/avtal-1.yaml", "body \(index)",
                                       { $0.agreements(in: $1) }, describe)
    }

    static let scores = "{ trust_culture: 3, work_focus: 4, parallel_services: 2, no_breaks: 3, continuity: 4, progression_focus: 5 }"

    /// A self-assessment's bodies: plain, and with each rule broken in turn.
    static let assessmentBodies: [String] = [
        "subproject: alfa\ndate: 2024-06-15\nscores: \(scores)\n",
        "id: alfa-2024\nsubproject: alfa\ndate: 2024-06-15\ncomment: Första mätningen\nscores: \(scores)\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses:\n  - { trust_culture: 3 }\n  - { work_focus: 2, continuity: 5 }\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses:\n  - { continuity: 5, trust_culture: 3 }\n",
        "subproject: alfa\ndate: 2023-06-15\nscores: \(scores)\n",
        "subproject: alfa\ndate: 2026-06-15\nscores: \(scores)\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses: []\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses: [{}]\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses: [3]\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses: { trust_culture: 3 }\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses:\n  - { trust_culture: 3, work_focus: }\n",
        "subproject: alfa\ndate: 2024-06-15\n",
        "subproject: alfa\ndate: 2024-06-15\nscores: \(scores)\nresponses:\n  - { trust_culture: 3 }\n",
        "subproject: alfa\ndate: 2024-06-15\nscores: { trust_culture: 3, work_focus: 4 }\n",
        "subproject: alfa\ndate: 2024-06-15\nscores: { trust_culture: 3, work_focus: 4, parallel_services: 2, no_breaks: 3, continuity: 4, progression_focus: }\n",
        "subproject: alfa\ndate: 2024-06-15\nscores: { trust_culture: 3, work_focus: 4, parallel_services: 2, no_breaks: 3, continuity: 4, progression_focus: 6 }\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses:\n  - { trust_culture: '3' }\n  - { trust_culture: +3 }\n",
        "subproject: alfa\ndate: 2024-06-15\nresponses:\n  - { trust_cultur: 3 }\n",
        "subproject: beta\ndate: 2024-06-15\nscores: \(scores)\n",
        "subproject: alfa\ndate: 2024-02-30\nscores: \(scores)\n",
        "id: Alfa_1\nsubproject: alfa\ndate: 2024-06-15\nscores: \(scores)\n",
        "subproject: alfa\ndate: 2024-06-15\ncomment: ''\nscores: \(scores)\n",
        "subproject: alfa\ndate: 2024-06-15\nscore: \(scores)\n",
        "- { id: a-1, subproject: alfa, date: 2024-06-15, scores: \(scores) }\n- { subproject: alfa, date: 2024-06-16, scores: \(scores) }\n",
    ]

    @Test("each self-assessment body gives the same records and diagnostics both ways", arguments: assessmentBodies.indices)
    func assessmentsBothWays(_ index: Int) throws {
        let describe = { (read: (SelfAssessment, SamsynCore.SourceLocation)) -> String in
            let (a, idLocation) = read
            let answers: String
            switch a.answers {
            case .scores(let response): answers = "scores \(response.answers.map { "\($0.question)=\($0.score)" })"
            case .responses(let responses): answers = "responses \(responses.map { $0.answers.map { "\($0.question)=\($0.score)" } })"
            }
            return "\(a.id) at \(idLocation), from \(a.source) | \(a.subproject) \(a.date) | \(answers) | \(String(describing: a.comment))"
        }
        try Self.expectBothWaysTheSame(Self.assessmentBodies[index], at: "content/assessments/alfa-2024.yaml", "body \(index)",
                                       { $0.assessments(in: $1) }, describe)
    }

    /// The bodies that should take the one pass do, so that the test above compares both ways.
    @Test func plainRecordsAreReadInOnePass() throws {
        let reader = RecordReader(log: DiagnosticLog(), context: Self.context)
        func plain(_ body: String, _ kind: Activity.Kind) throws -> Bool {
            let root: YAMLNode? = try YAMLComposer.compose(Array(body.utf8), maxValues: 1000)
            return root.flatMap { reader.plainActivity($0, file: "content/x/kurs-1.yaml", defaultID: "kurs-1", kind: kind) } != nil
        }
        #expect(try plain(Self.full, .training) && plain(Self.full, .themeDay) && plain(Self.full + "meeting_type: team\n", .meeting))
        #expect(try plain("title: Kurs\ndate: 2024-05-15\n", .training))
        #expect(try plain("title: Kurs\ndate: 2024-05-15\nparticipants: []\n", .training), "held without participants: a warning, still plain")
        #expect(try !plain(Self.full, .meeting), "a meeting needs its meeting_type")
        #expect(try !plain("title: Kurs\ndate: 2024-05-15\n", .themeDay), "a theme day needs its principles")
        #expect(try !plain("title: Kurs\ndate: 2024-05-15\nmeeting_type: team\n", .training))
        #expect(try !plain("title: Kurs\ndate: 2024-05-15\nprovider:\n", .training), "a null is left to the long way")
        func plainAgreement(_ body: String) throws -> Bool {
            let root: YAMLNode? = try YAMLComposer.compose(Array(body.utf8), maxValues: 1000)
            return root.flatMap { reader.plainAgreement($0, file: "content/agreements/avtal-1.yaml", defaultID: "avtal-1") } != nil
        }
        #expect(try plainAgreement(Self.agreement) && plainAgreement(Self.agreementBodies[1]) && plainAgreement(Self.agreementBodies[4]))
        #expect(try plainAgreement(Self.agreementBodies[7]), "terminated, with both dates in order")
        #expect(try !plainAgreement(Self.agreementBodies[2]), "a signed draft is refused the long way")
        #expect(try !plainAgreement(Self.agreementBodies[11]), "ends before it was signed: a warning the long way gives")
        func plainAssessment(_ body: String) throws -> Bool {
            let root: YAMLNode? = try YAMLComposer.compose(Array(body.utf8), maxValues: 1000)
            return root.flatMap { reader.plainAssessment($0, file: "content/assessments/alfa-2024.yaml", defaultID: "alfa-2024") } != nil
        }
        #expect(try (0...5).allSatisfy { try plainAssessment(Self.assessmentBodies[$0]) }, "plain, and outside a period: a warning")
        #expect(try !plainAssessment(Self.assessmentBodies[13]), "scores must answer every question")
        #expect(try !plainAssessment(Self.assessmentBodies[10]), "a null answer is left to the long way")
        #expect(reader.log.all.isEmpty, "the one pass logs nothing")
    }

    /// A score is up to nine characters, digits and '-' only, read as a
    /// whole number, and then checked against the scale.
    @Test func scoresAreReadAsWholeNumbersOfUpToNineCharacters() {
        func report(_ score: String) -> [String] {
            let body = "subproject: alfa\ndate: 2024-06-15\nresponses:\n  - { trust_culture: \(score) }\n"
            return TestProject.run(["content/assessments/alfa-2024.yaml": body]).lines
        }
        #expect(report("3").isEmpty)
        #expect(report("003").isEmpty)
        let notANumber = "content/assessments/alfa-2024.yaml:4:22: error: the score for 'trust_culture' must be a whole number"
        for score in ["+3", "3-", "--3", "3-3", "3.0", "'3'", "1234567890"] {
            #expect(report(score).first?.hasPrefix(notANumber) == true, "\(score)")
        }
        #expect(report("-0") == ["content/assessments/alfa-2024.yaml:4:22: error: the score 0 for 'trust_culture' is outside the scale 1–5"])
        #expect(report("-12345678") == ["content/assessments/alfa-2024.yaml:4:22: error: the score -12345678 for 'trust_culture' is outside the scale 1–5"])
    }

    static func describe(_ read: (Activity, SamsynCore.SourceLocation)) -> String {
        let (a, idLocation) = read
        let participants = a.participants.map {
            "\($0.organisation) \($0.count) \(String(describing: $0.women)) \(String(describing: $0.men)) "
                + "\(String(describing: $0.nonBinary)) \(String(describing: $0.organisationPlace))"
        }
        return ["\(a.kind) \(a.id) at \(idLocation), from \(a.source)", a.title, "\(a.date) \(String(describing: a.endDate))",
                String(describing: a.hours), String(describing: a.provider), "\(a.methods) \(a.principles) \(a.subprojects)",
                String(describing: a.meetingType), participants.joined(separator: "; "), String(describing: a.notes)]
            .joined(separator: " | ")
    }
}
