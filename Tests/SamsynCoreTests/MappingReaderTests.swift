import Testing
@testable import SamsynCore

@Suite struct MappingReaderTests {
    /// A reader looks each key up in the mapping's own pairs and keeps one
    /// bit per pair for the first 64: a key past them is found (or passed
    /// over) exactly as one before them.
    @Test func keysAreFoundBeforeAndPastTheSixtyFourthPair() throws {
        let names = (0..<70).map { "k\($0)" }
        // Null values at 3 and 66, a key reported elsewhere at 5 and 65, an unknown key at 67.
        let lines = names.enumerated().map { index, name -> String in
            switch index {
            case 3, 66: return "\(name): ~"
            case 5: return "elsewhere_a: x"
            case 65: return "elsewhere_b: x"
            case 67: return "unknwn: x"
            default: return "\(name): v\(index)"
            }
        }
        let node = try #require(try YAMLComposer.compose(lines.joined(separator: "\n") + "\n", maxValues: 10_000))
        let log = DiagnosticLog()
        let reader = try #require(MappingReader(node, file: "content/x.yaml", what: "the record", keys: names,
                                                reportedElsewhere: ["elsewhere_a", "elsewhere_b"], log: log))
        for index in [0, 10, 63, 64, 68, 69] {
            #expect(reader.has("k\(index)"))
            #expect(reader.text("k\(index)") == "v\(index)")
            // Lines and columns count from 1: pair i stands on line i + 1, its key in column 1.
            #expect(reader.location(of: "k\(index)").line == index + 1)
            #expect(reader.keyLocation("k\(index)").column == 1)
        }
        for absent in ["k3", "k66", "elsewhere_a", "elsewhere_b", "unknwn", "k5", "k65", "k67", "nothing"] {
            #expect(!reader.has(absent), "\(absent)")
            #expect(reader.node(absent) == nil, "\(absent)")
            #expect(reader.location(of: absent).line == 1, "\(absent): the mapping itself")
        }
        // Only the unknown key is reported; null values and keys reported elsewhere are not.
        #expect(log.all.count == 1)
        #expect(log.all.first?.message == "unknown key 'unknwn' in the record")
        #expect(log.all.first?.location.line == 68)
    }

    /// Few ids are compared one by one, many are hashed: both give each id's first place.
    @Test(arguments: [3, 16, 17, 500])
    func knownIDsGiveEachIDsPlaceFewOrMany(count: Int) {
        let ids = (0..<count).map { "org-\($0)" } + ["org-0"]  // a repeated id keeps its first place
        let known = KnownIDs(kind: "organisation", ids: ids)
        for place in 0..<count { #expect(known.place(of: "org-\(place)") == place) }
        #expect(known.place(of: "org-\(count)") == nil)
        #expect(!known.contains("org"))
        #expect(known.contains("org-\(count - 1)"))
        #expect(known.place(of: "") == nil && known.place(of: "org-\(count - 1)x") == nil && known.place(of: "rg-0") == nil)
        #expect(known.place(of: "org-ö") == nil)
    }

    /// Ids are found as Swift compares strings (Unicode-aware), whether the
    /// list and the id looked for are plain ASCII or not: "café" written
    /// with a combining accent is the same id as with "é".
    @Test(arguments: [3, 40])
    func knownIDsCompareAsSwiftDoes(count: Int) {
        let ascii = (0..<count).map { "org-\($0)" }
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let plain = KnownIDs(kind: "organisation", ids: ascii)
        #expect(plain.place(of: decomposed) == nil)
        #expect(plain.place(of: "org-1\u{301}") == nil)  // a combining mark after an ASCII id: not the id
        #expect(plain.place(of: "org-1") == 1)
        let mixed = KnownIDs(kind: "organisation", ids: ascii + [composed])
        #expect(mixed.place(of: decomposed) == count && mixed.place(of: composed) == count)
        #expect(mixed.place(of: "org-2") == 2)
    }
}

/// Plain participants entries are read in one pass, the others through a
/// `MappingReader`; an entry that means the same gives the same
/// participation either way (a null value, `women: ~`, sends an entry the
/// long way without changing what it says).
@Suite struct ParticipantsEntryTests {
    @Test func plainEntriesAreReadAsTheLongWayReadsThem() throws {
        let entries: [(plain: String, longWay: String)] = [
            ("{ organisation: fk, count: 6 }", "{ organisation: fk, count: 6, women: ~ }"),
            ("{ organisation: kommunen, women: 2, men: 1 }", "{ organisation: kommunen, women: 2, men: 1, count: ~ }"),
            ("{ organisation: ' fk ', women: 1, men: 1, non_binary: 1 }", "{ non_binary: 1, men: 1, women: 1, organisation: ' fk ', count: ~ }"),
            ("{ organisation: fk, count: 2, women: 1, men: 1 }", "{ organisation: fk, count: 2, women: 1, men: 1, non_binary: ~ }"),
            ("{ organisation: \"kommunen\", count: 0 }", "{ organisation: \"kommunen\", count: 0, non_binary: null }"),
        ]
        for (plain, longWay) in entries {
            var read: [[Activity.Participation]] = []
            for entry in [plain, longWay] {
                let outcome = TestProject.run(["content/trainings/kurs.yaml": "title: Kurs\ndate: 2024-03-12\nparticipants: [\(entry)]\n"])
                let project = try #require(outcome.project, "\(entry): \(outcome.lines)")
                read.append(project.activities[0].participants)
            }
            let (a, b) = (read[0], read[1])
            #expect(a.count == 1 && b.count == 1, "\(plain)")
            #expect(a.map(\.organisation) == b.map(\.organisation) && a.map(\.count) == b.map(\.count), "\(plain)")
            #expect(a.map(\.women) == b.map(\.women) && a.map(\.men) == b.map(\.men) && a.map(\.nonBinary) == b.map(\.nonBinary), "\(plain)")
            #expect(a.map(\.organisationPlace) == b.map(\.organisationPlace) && a.first?.organisationPlace != nil, "\(plain)")
        }
    }

    /// An organisation named twice is read the long way the second time, with its warning.
    @Test func aSecondEntryForAnOrganisationIsWarnedAbout() throws {
        let outcome = TestProject.run(["content/trainings/kurs.yaml":
            "title: Kurs\ndate: 2024-03-12\nparticipants: [{ organisation: fk, count: 2 }, { organisation: fk, count: 3 }]\n"])
        let project = try #require(outcome.project, "\(outcome.lines)")
        #expect(project.activities[0].participants.map(\.count) == [2, 3])
        #expect(outcome.lines.contains { $0.contains("'fk' appears twice in participants") }, "\(outcome.lines)")
    }
}

