import Foundation
import PropertyBased
import Testing
@testable import SamsynCore

/// Properties that must hold for every project, checked on random valid
/// projects (`RandomProject`) and random numbers. A failure prints the
/// input and a `.fixedSeed(…)` that reproduces it.
@Suite struct PropertyTests {
    static let asOf = Day.t("2025-06-30")

    // MARK: The order in which files are found

    /// The loader takes files in the order `FileAccess` lists them (`DiskFiles`
    /// and `MemoryFiles` sort it); here the listing comes in a random order
    /// and everything written from the project, as of any day, must be the
    /// same bytes: the diagnostics, the indicators JSON and the CSV tables…
    @Test func outputDoesNotDependOnTheOrderFilesAreFound() async {
        await propertyCheck(count: 25, input: RandomProject.generator, Gen.int(in: 0...Int.max), Gen.int(in: 0...1_000)) {
            project, seed, offset in
            let asOf = Day.t("2023-09-01").adding(days: offset)
            let sorted = Output(files: project.memoryFiles, asOf: asOf)
            let shuffled = Output(files: ShuffledListing(base: project.memoryFiles, seed: UInt64(seed)), asOf: asOf)
            #expect(sorted.diagnostics == shuffled.diagnostics)
            #expect(sorted.json != nil, "a generated project is valid: \(sorted.diagnostics)")
            #expect(sorted.json == shuffled.json)
            #expect(sorted.tables == shuffled.tables)
        }
    }

    /// …and every page (fewer runs: rendering the whole site is the slow part).
    @Test func pagesDoNotDependOnTheOrderFilesAreFound() async {
        await propertyCheck(count: 4, input: RandomProject.generator, Gen.int(in: 0...Int.max)) { project, seed in
            let sorted = Output(files: project.memoryFiles, asOf: Self.asOf, pages: true)
            let shuffled = Output(files: ShuffledListing(base: project.memoryFiles, seed: UInt64(seed)), asOf: Self.asOf, pages: true)
            #expect(sorted.site.count > 10, "a generated project is valid: \(sorted.diagnostics)")
            let differing = Set(sorted.site.keys).union(shuffled.site.keys).filter { sorted.site[$0] != shuffled.site[$0] }
            #expect(differing.isEmpty, "pages that differ: \(differing.sorted())")
        }
    }

    /// Paths put in byte order through one buffer of their bytes are in
    /// the same order as sorted by `byteOrder`, whatever they hold: shared
    /// prefixes, one path the start of another, non-ASCII letters, none.
    @Test func pathsSortedThroughOneBufferKeepByteOrder() async {
        let pieces = ["", "a", "b", "/", "-", ".", "å", "ö", "a/", "content/meetings/", "2024-", "\u{301}"]
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var draw = Draw(seed: seed)
            var paths: [String] = []
            for _ in 0..<draw.next(40) {
                var path = ""
                for _ in 0..<draw.next(5) { path += pieces[draw.next(pieces.count)] }
                paths.append(path)
            }
            let places = byteOrderPlaces(count: paths.count) { paths[$0] }
            #expect(places.map { paths[$0] } == paths.sorted(by: byteOrder))
            #expect(places.sorted() == Array(paths.indices))
        }
    }

    /// With a rank, places are in order of rank, then of byte order, and
    /// places equal in both keep their order: the same as a stable sort of
    /// the pairs (which is how activities were sorted, by date then id).
    @Test func placesRankedThenInByteOrderMatchAStableSortOfThePairs() async {
        let pieces = ["", "a", "b", "å", "2024-", "möte-"]
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var draw = Draw(seed: seed)
            var items: [(rank: Int, text: String)] = []
            for _ in 0..<draw.next(40) {
                var text = ""
                for _ in 0..<draw.next(3) { text += pieces[draw.next(pieces.count)] }
                items.append((draw.next(4) - 2, text))
            }
            let places = byteOrderPlaces(count: items.count, rankedBy: { items[$0].rank }) { items[$0].text }
            let expected = items.indices.sorted { a, b in
                let (x, y) = (items[a], items[b])
                return x.rank != y.rank ? x.rank < y.rank : byteOrder(x.text, y.text)
            }
            #expect(places == expected)
        }
    }

    /// Small numbers drawn from a seed (a linear congruential generator).
    struct Draw {
        var state: UInt64
        init(seed: Int) { state = UInt64(truncatingIfNeeded: seed) | 1 }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Everything a build writes, from one way of listing the files.
    struct Output {
        var diagnostics: [String]
        var json: String?
        var tables: [String: [UInt8]] = [:]
        var site: [String: [UInt8]] = [:]

        init(files: any FileAccess, asOf: Day, pages: Bool = false) {
            let outcome = Pipeline(files: files).run(asOf: asOf)
            diagnostics = outcome.diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
            guard let project = outcome.project, let report = outcome.report else { return }
            json = IndicatorsDocument.json(report).serialized()
            for (name, table) in DataTables.all(project, report) { tables[name] = table.bytes() }
            if pages { site = SiteRenderer.render(RenderInput(project: project, report: report, lastChanged: asOf)) }
        }
    }

    // MARK: Held counts and the as-of date

    /// Moving the as-of date later can only turn planned activities into held
    /// ones: no held count, participant count or per-year count goes down, and
    /// held + planned stays the number of records.
    @Test func heldCountsNeverDecreaseAsTheDateMovesLater() async {
        let days = Gen.int(in: 0...1_100)
        await propertyCheck(count: 40, input: RandomProject.generator, days, Gen.int(in: 0...400)) { project, offset, step in
            let outcome = Pipeline(files: project.memoryFiles).run(asOf: Self.asOf, compute: false)
            guard let validated = outcome.project else {
                Issue.record("a generated project is valid: \(outcome.diagnostics)")
                return
            }
            let early = Day.t("2023-06-01").adding(days: offset), late = early.adding(days: step)
            let before = Indicators.compute(validated, asOf: early), after = Indicators.compute(validated, asOf: late)
            for kind in Activity.Kind.allCases {
                let a = before.activities(kind), b = after.activities(kind)
                #expect(a.held <= b.held, "\(kind) held \(early) → \(late)")
                #expect(a.held + a.planned == b.held + b.planned)
                #expect(a.held + a.planned == validated.activities.filter { $0.kind == kind }.count)
                #expect(a.participants <= b.participants && a.women <= b.women && a.men <= b.men && a.nonBinary <= b.nonBinary)
                for (year, count) in a.heldByYear { #expect(count <= b.heldByYear[year] ?? 0, "\(kind) \(year)") }
            }
            for (organisation, competence) in before.competence {
                #expect(competence.attendances <= after.competence[organisation]?.attendances ?? -1, "\(organisation)")
            }
            for (principle, count) in before.principles.byPrinciple {
                #expect(count <= after.principles.byPrinciple[principle] ?? -1, "\(principle)")
            }
            for (subproject, meetings) in before.caseworkerMeetings {
                for (year, count) in meetings.byYear {
                    #expect(count <= after.caseworkerMeetings[subproject]?.byYear[year] ?? 0, "\(subproject) \(year)")
                }
            }
        }
    }

    // MARK: Agreements in force

    /// On any day: agreements in force are among the total, those independent
    /// of individuals among those in force, expiring ones among those in force,
    /// and the statuses add up to the total.
    @Test func agreementsInForceNeverExceedTheTotal() async {
        await propertyCheck(count: 40, input: RandomProject.generator, Gen.int(in: 0...1_500)) { project, offset in
            let outcome = Pipeline(files: project.memoryFiles).run(asOf: Self.asOf, compute: false)
            guard let validated = outcome.project else {
                Issue.record("a generated project is valid: \(outcome.diagnostics)")
                return
            }
            let day = Day.t("2023-06-01").adding(days: offset)
            let a = Indicators.compute(validated, asOf: day).agreements
            #expect(a.total == validated.agreements.count)
            #expect(0 <= a.inForceIndependent && a.inForceIndependent <= a.inForce && a.inForce <= a.total, "\(a)")
            #expect(a.expiring.count <= a.inForce)
            #expect(a.byStatus.values.reduce(0, +) == a.total)
            #expect(a.inForce <= (a.byStatus[.signed] ?? 0) + (a.byStatus[.terminated] ?? 0), "a draft is never in force")
            for (subproject, covered) in a.coverage {
                #expect(Set(covered).isSubset(of: validated.agreements.flatMap(\.parties)), "\(subproject)")
            }
        }
    }

    // MARK: Per subproject

    /// The per-subproject indicators are computed from records grouped once;
    /// on any day they equal their definitions, applied one subproject at a
    /// time: a record applies to the subprojects it names, or to all when it
    /// names none.
    @Test func perSubprojectIndicatorsFollowTheirDefinitions() async {
        await propertyCheck(count: 40, input: RandomProject.generator, Gen.int(in: 0...1_200)) { project, offset in
            guard let validated = Pipeline(files: project.memoryFiles).run(asOf: Self.asOf, compute: false).project else {
                Issue.record("a generated project is valid")
                return
            }
            let day = Day.t("2023-09-01").adding(days: offset)
            let report = Indicators.compute(validated, asOf: day)
            func applies(_ named: [String], to subproject: String) -> Bool { named.isEmpty || named.contains(subproject) }
            for subproject in validated.config.subprojects {
                let id = subproject.id
                let covered = Set(validated.agreements.filter { $0.isInForce(on: day) && applies($0.subprojects, to: id) }.flatMap(\.parties))
                #expect(report.agreements.coverage[id] == covered.sorted(by: byteOrder), "\(id) on \(day)")
                #expect(report.agreements.gaps[id] == Set(subproject.partners).subtracting(covered).sorted(by: byteOrder), "\(id) on \(day)")

                let meetings = validated.activities.filter {
                    $0.kind == .meeting && $0.meetingType == .caseworker && $0.isHeld(asOf: day) && applies($0.subprojects, to: id)
                }
                #expect(report.caseworkerMeetings[id]?.thisYear == meetings.filter { $0.date.year == day.year }.count, "\(id) on \(day)")
                #expect(report.caseworkerMeetings[id]?.byYear.values.reduce(0, +) == meetings.count, "\(id) on \(day)")

                let rounds = validated.assessments.filter { $0.subproject == id && $0.date <= day }
                    .sorted { $0.date != $1.date ? $0.date < $1.date : byteOrder($0.id, $1.id) }
                #expect(report.assessments[id]?.rounds.map(\.id) == rounds.map(\.id), "\(id) on \(day)")
            }
        }
    }

    // MARK: Personal identity numbers

    /// Every valid personnummer or samordningsnummer, in each of the four
    /// written forms, stops the build with its line and column — whether in a
    /// value or a comment; no organisation number does.
    @Test func everyPersonalNumberIsCaughtAndNoOrganisationNumberIs() async {
        await propertyCheck(count: 100, input: PersonalNumber.generator, OrganisationNumber.generator, Gen.bool) {
            person, organisation, inComment in
            #expect(PersonalNumbers.isPersonalNumber(person.text), "\(person)")
            #expect(!PersonalNumbers.isPersonalNumber(organisation.text), "\(organisation)")

            let line = inComment ? "# ring \(person.text) om detta" : "notes: \"deltagaren \(person.text) kom\""
            let column = inComment ? 8 : 20
            let record = "title: Möte\ndate: 2024-05-01\nmeeting_type: team\n\(line)\n"
            let config = TestProject.config.replacingOccurrences(
                of: "name: Försäkringskassan", with: "name: Försäkringskassan, org_number: \"\(organisation.text)\"")
            let outcome = TestProject.run(["content/meetings/m.yaml": record], config: config)
            #expect(outcome.project == nil)
            #expect(outcome.lines.filter { $0.contains("personal identity number") } == [
                "content/meetings/m.yaml:4:\(column): error: this looks like a personal identity number (personnummer or samordningsnummer); the site is not built",
            ], "\(person)")

            // The organisation number alone, in config and in a record, is fine.
            let clean = TestProject.run(["content/meetings/m.yaml": "title: Möte\ndate: 2024-05-01\nmeeting_type: team\nnotes: \"avtal med \(organisation.text)\"\n"],
                                        config: config)
            #expect(!clean.lines.contains { $0.contains("personal identity number") }, "\(organisation): \(clean.lines)")
        }
    }

    /// In any text — numbers among other runs of digits, words, line breaks
    /// and characters of several bytes — the search finds exactly the
    /// personal numbers put there, each at its own line and column.
    @Test func theSearchFindsEveryNumberAtItsPlaceInAnyText() async {
        await propertyCheck(count: 200, input: TextWithNumbers.generator) { sample in
            #expect(PersonalNumbers.find(in: sample.text) == sample.hits, "\(sample.text.debugDescription)")
        }
    }
}

// MARK: - Generators

/// A Swedish personal identity number with a real date of birth and a correct
/// check digit, written in one of the four forms.
struct PersonalNumber: Sendable, CustomStringConvertible {
    enum Form: CaseIterable, Sendable { case short, shortPlus, long, longDash }
    var text: String
    var description: String { text }

    static let generator = Generator<PersonalNumber, Shrink.None<PersonalNumber>> { rng in
        let year = Int.random(in: 1900...2025, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...Day.daysIn(month: month, year: year), using: &rng)
        let coordination = Bool.random(using: &rng)  // samordningsnummer: day + 60
        let serial = Int.random(in: 0...999, using: &rng)
        let nine = String(format: "%02d%02d%02d%03d", year % 100, month, (coordination ? day + 60 : day), serial)
        let ten = nine + String(luhn(nine))
        let century = String(year / 100)
        let text: String
        switch Form.allCases.randomElement(using: &rng)! {
        case .short: text = "\(ten.prefix(6))-\(ten.dropFirst(6))"
        case .shortPlus: text = "\(ten.prefix(6))+\(ten.dropFirst(6))"
        case .long: text = century + ten
        case .longDash: text = "\(century)\(ten.prefix(6))-\(ten.dropFirst(6))"
        }
        return PersonalNumber(text: text)
    }
}

/// A Swedish organisation number: group digit 1–9, third digit 2 or more (as
/// for every legal entity), a correct check digit; with or without the
/// "16" century prefix.
struct OrganisationNumber: Sendable, CustomStringConvertible {
    var text: String
    var description: String { text }

    static let generator = Generator<OrganisationNumber, Shrink.None<OrganisationNumber>> { rng in
        let digits = [Int.random(in: 1...9, using: &rng), Int.random(in: 0...9, using: &rng), Int.random(in: 2...9, using: &rng)]
            + (0..<6).map { _ in Int.random(in: 0...9, using: &rng) }
        let nine = digits.map(String.init).joined()
        let ten = nine + String(luhn(nine))
        let dashed = "\(ten.prefix(6))-\(ten.dropFirst(6))"
        let text: String
        switch Int.random(in: 0...3, using: &rng) {
        case 0: text = dashed
        case 1: text = ten
        case 2: text = "16" + ten
        default: text = "16" + dashed
        }
        return OrganisationNumber(text: text)
    }
}

/// The Luhn check digit of nine digits (the Swedish rule: weights 2, 1, 2, …).
func luhn(_ nine: String) -> Int {
    var sum = 0
    for (index, character) in nine.enumerated() {
        let product = character.wholeNumberValue! * (index.isMultiple(of: 2) ? 2 : 1)
        sum += product > 9 ? product - 9 : product
    }
    return (10 - sum % 10) % 10
}

/// A random valid project: a fixed config and 0–10 records of each kind with
/// random dates (some before, some after the as-of dates the tests use),
/// parties, participants and answers. Record ids repeat across kinds (never
/// within one), as the data format allows.
struct RandomProject: Sendable, CustomStringConvertible {
    var files: [String: String]

    var memoryFiles: MemoryFiles { MemoryFiles(files) }
    var description: String {
        files.keys.sorted().map { "--- \($0)\n\(files[$0]!)" }.joined(separator: "\n")
    }

    static let organisations = ["af", "fk", "kommunen", "region", "sf"]
    static let subprojects = ["alfa", "beta"]
    static let questions = Questionnaire.bip.questions.map(\.id)

    static let config = """
    project:
      name: Egenskapsprojektet
      start: 2024-01-01
      end: 2025-12-31
    organisations:
      - { id: af, name: Arbetsförmedlingen, training_target: 12 }
      - { id: fk, name: Försäkringskassan, training_target: 10 }
      - { id: kommunen, name: Exempelby kommun }
      - { id: region, name: Region Exempel, training_target: 0 }
      - { id: sf, name: Samordningsförbundet, training_target: 1 }
    subprojects:
      - { id: alfa, name: Delprojekt Alfa, partners: [fk, kommunen, af] }
      - { id: beta, name: Delprojekt Beta, partners: [region, sf] }

    """

    static let generator = Generator<RandomProject, Shrink.None<RandomProject>> { rng in
        var files = ["config/site.yaml": config]
        for kind in RecordKind.allCases {
            let count = Int.random(in: 0...10, using: &rng)
            let ids = (1...20).map { "r\($0)" }.shuffled(using: &rng).prefix(count)
            for id in ids {
                files["\(kind.folder)/\(id).yaml"] = record(kind, using: &rng)
            }
        }
        return RandomProject(files: files)
    }

    /// A day from 2023-10-01 to 2026-03-31: some records fall outside the
    /// project period, which is a warning only.
    static func day(using rng: inout any SeededRandomNumberGenerator) -> Day {
        Day.t("2023-10-01").adding(days: Int.random(in: 0...912, using: &rng))
    }

    static func pick<T>(_ items: [T], _ range: ClosedRange<Int>, using rng: inout any SeededRandomNumberGenerator) -> [T] {
        Array(items.shuffled(using: &rng).prefix(Int.random(in: range, using: &rng)))
    }

    static func record(_ kind: RecordKind, using rng: inout any SeededRandomNumberGenerator) -> String {
        var lines: [String] = []
        switch kind {
        case .agreements:
            let status = ["draft", "signed", "terminated"].randomElement(using: &rng)!
            lines += ["title: Överenskommelse", "parties: [\(pick(organisations, 2...4, using: &rng).joined(separator: ", "))]",
                      "status: \(status)"]
            let subs = pick(subprojects, 0...2, using: &rng)
            if !subs.isEmpty { lines.append("subprojects: [\(subs.joined(separator: ", "))]") }
            // A draft has no signed date but may name the period it is meant for;
            // valid_from may also lie before the signing (a retroactive agreement).
            let signed = day(using: &rng)
            if status != "draft" { lines.append("signed: \(signed)") }
            var start: Day? = status == "draft" ? nil : signed
            if Bool.random(using: &rng) {
                start = signed.adding(days: Int.random(in: -30...60, using: &rng))
                lines.append("valid_from: \(start!)")
            }
            if let start, Bool.random(using: &rng) { lines.append("valid_until: \(start.adding(days: Int.random(in: 0...700, using: &rng)))") }
            if let start, status == "terminated" { lines.append("terminated: \(start.adding(days: Int.random(in: 0...500, using: &rng)))") }
            if Bool.random(using: &rng) { lines.append("independent_of_individuals: \(Bool.random(using: &rng))") }
            if Bool.random(using: &rng) { lines.append("scope: [referral, joint-follow-up]") }
        case .trainings, .themeDays, .meetings:
            let date = day(using: &rng)
            lines += ["title: Aktivitet", "date: \(date)"]
            if kind == .trainings && Bool.random(using: &rng) { lines.append("end_date: \(date.adding(days: Int.random(in: 0...2, using: &rng)))") }
            if Bool.random(using: &rng) { lines.append("hours: \(["1", "1.5", "2.5", "3", "7.5"].randomElement(using: &rng)!)") }
            let principles = pick(["accessibility", "gender-equality", "non-discrimination"], kind == .themeDays ? 1...3 : 0...2, using: &rng)
            if !principles.isEmpty { lines.append("principles: [\(principles.joined(separator: ", "))]") }
            if kind == .meetings {
                lines.append("meeting_type: \(["team", "caseworker", "caseworker", "steering-group", "workshop", "other"].randomElement(using: &rng)!)")
            }
            let subs = pick(subprojects, 0...2, using: &rng)
            if !subs.isEmpty { lines.append("subprojects: [\(subs.joined(separator: ", "))]") }
            let attending = pick(organisations, 0...3, using: &rng)
            if !attending.isEmpty {
                lines.append("participants:")
                for organisation in attending {
                    if Bool.random(using: &rng) {
                        lines.append("  - { organisation: \(organisation), count: \(Int.random(in: 0...15, using: &rng)) }")
                    } else {
                        let women = Int.random(in: 0...9, using: &rng), men = Int.random(in: 0...9, using: &rng)
                        lines.append("  - { organisation: \(organisation), women: \(women), men: \(men), non_binary: \(Int.random(in: 0...1, using: &rng)) }")
                    }
                }
            }
        case .assessments:
            lines += ["subproject: \(subprojects.randomElement(using: &rng)!)", "date: \(day(using: &rng))"]
            if Bool.random(using: &rng) {
                lines.append("scores: { " + questions.map { "\($0): \(Int.random(in: 1...5, using: &rng))" }.joined(separator: ", ") + " }")
            } else {
                lines.append("responses:")
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let answered = pick(questions, 1...questions.count, using: &rng)
                    lines.append("  - { " + answered.map { "\($0): \(Int.random(in: 1...5, using: &rng))" }.joined(separator: ", ") + " }")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The project's files, listed in an order given by a seed instead of sorted.
struct ShuffledListing: FileAccess {
    var base: MemoryFiles
    var seed: UInt64

    func files(under folder: String) -> [FileEntry]? {
        guard let entries = base.files(under: folder) else { return nil }
        var generator = SplitMix(state: seed)
        return entries.shuffled(using: &generator)
    }

    func fileExists(_ path: String) -> Bool { base.fileExists(path) }
    func read(_ path: String) throws -> [UInt8] { try base.read(path) }
}

/// A small seeded generator (SplitMix64) for the shuffled listing.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Text made of random pieces, and the personal numbers among them with
/// their places (1-based lines, columns in characters), known by construction.
struct TextWithNumbers: Sendable, CustomStringConvertible {
    var text = ""
    var hits: [PersonalNumbers.Hit] = []
    var description: String { text.debugDescription }

    static let generator = Generator<TextWithNumbers, Shrink.None<TextWithNumbers>> { rng in
        var sample = TextWithNumbers()
        var line = 1, column = 1
        func add(_ piece: String) {
            for character in piece.unicodeScalars {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            sample.text += piece
        }
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            switch Int.random(in: 0...5, using: &rng) {
            case 0:
                let number = PersonalNumber.generator.run(using: &rng).text
                sample.hits.append(PersonalNumbers.Hit(line: line, column: column, text: number))
                add(number)
            case 1: add(OrganisationNumber.generator.run(using: &rng).text)
            case 2:
                // A run of digits no number is written as (not 6, 8 or 12 long).
                let length = [1, 2, 3, 4, 5, 7, 9, 10, 11, 13, 20].randomElement(using: &rng)!
                add(String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }))
            case 3: add(["datum", "é", "Åsa-Öberg", "–", "日本", "😀", "a-", "+"].randomElement(using: &rng)!)
            case 4: add("\n")
            default: add(String(repeating: " ", count: Int.random(in: 1...3, using: &rng)))
            }
            // Pieces never touch: a digit next to a number would make it another run.
            add([" ", "\n", ": ", " é "].randomElement(using: &rng)!)
        }
        return sample
    }
}
