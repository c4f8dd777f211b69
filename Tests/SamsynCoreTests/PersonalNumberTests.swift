import Testing
@testable import SamsynCore

/// The numbers here are synthetic: valid shape and check digit, no real person.
@Suite struct PersonalNumberTests {
    @Test("each written form of a valid personnummer is found", arguments: [
        "811218-9876",    // YYMMDD-NNNN
        "811218+9876",    // YYMMDD+NNNN (100 years or older)
        "198112189876",   // YYYYMMDDNNNN
        "19811218-9876",  // YYYYMMDD-NNNN
        "701063-2391",    // samordningsnummer: day 03 + 60
        "000229-2381",    // 29 February is real in 2000 (not in 1900): accepted
    ])
    func findsValidNumbers(_ number: String) {
        #expect(PersonalNumbers.isPersonalNumber(number))
        let hits = PersonalNumbers.find(in: "notes: deltagare \(number) kom")
        #expect(hits == [PersonalNumbers.Hit(line: 1, column: 18, text: number)])
    }

    @Test("organisation numbers and near misses pass", arguments: [
        "212000-1132",    // Lunds kommun: third digit 2, month 20 is no month
        "202100-5521",    // Försäkringskassan
        "232100-0255",    // Region Skåne
        "811218-9875",    // wrong check digit
        "811232-9876",    // day 32 is no day
        "810229-9870",    // 1981 and 2081 are not leap years
        "8112189876",     // ten digits without separator: not a listed form
        "0811218-9876",   // part of a longer digit run
        "811218-98761",
        "2024-05-15",     // a date
    ])
    func passesNonPersonalNumbers(_ text: String) {
        #expect(PersonalNumbers.find(in: "x: \(text)\n").isEmpty, "\(text)")
    }

    @Test func reportsLineAndColumnInComments() {
        let text = "title: Möte\n# ring 811218-9876 om detta\nnotes: ok\n"
        #expect(PersonalNumbers.find(in: text) == [PersonalNumbers.Hit(line: 2, column: 8, text: "811218-9876")])
    }

    /// Columns count characters (Unicode scalars, as libyaml does), not bytes,
    /// however many bytes the characters before the number take.
    @Test func columnsCountCharactersNotBytes() {
        let text = "notes: Åsa Öberg 811218-9876\n# 👍 19811218-9876 och ١٩٨١١٢١٨٩٨٧٦\n"
        #expect(PersonalNumbers.find(in: text) == [PersonalNumbers.Hit(line: 1, column: 18, text: "811218-9876"),
                                                   PersonalNumbers.Hit(line: 2, column: 5, text: "19811218-9876")])
    }

    /// Lines are counted between hits: several hits on one line, on the next
    /// and many lines further down each get their own line and column.
    @Test func linesAndColumnsOfManyHits() {
        let text = "a: 811218-9876 b: 811218-9876\n\n\n  811218-9876\n" + String(repeating: "x: 1\n", count: 40) + "198112189876\n"
        #expect(PersonalNumbers.find(in: text) == [
            PersonalNumbers.Hit(line: 1, column: 4, text: "811218-9876"),
            PersonalNumbers.Hit(line: 1, column: 19, text: "811218-9876"),
            PersonalNumbers.Hit(line: 4, column: 3, text: "811218-9876"),
            PersonalNumbers.Hit(line: 45, column: 1, text: "198112189876"),
        ])
    }

    /// The search passes over eight bytes at a time when none is a digit:
    /// the test on eight bytes must agree with the test on each, for every
    /// byte value next to every other, in every place.
    @Test func theTestOnEightBytesAtOnceFindsEveryDigit() {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        var wrong: [UInt64] = []
        // Fillers that are not digits, among them the bytes on either side of the digits.
        for filler: UInt8 in [0x00, UInt8(ascii: "/"), UInt8(ascii: ":"), 0x80, 0xB0, 0xFF] {
            let background = UInt64(filler) &* 0x0101_0101_0101_0101
            for first in UInt64(0)...255 {
                for second in stride(from: UInt64(first % 7), through: 255, by: 7) {
                    let expected = digits.contains(UInt8(first)) || digits.contains(UInt8(second))
                    for place in UInt64(0)..<7 {
                        let shift = 8 * place
                        let word = background & ~(0xFFFF << shift) | first << shift | second << (shift + 8)
                        if PersonalNumbers.holdsDigit(word) != expected { wrong.append(word) }
                    }
                }
            }
        }
        #expect(wrong.count == 0, "for example \(wrong.prefix(5).map { String($0, radix: 16) })")
    }

    @Test func luhnCheckDigit() {
        // 8·2=16→7, 1, 1·2=2, 2, 1·2=2, 8, 9·2=18→9, 8, 7·2=14→5: sum 44, check digit 6.
        #expect(PersonalNumbers.luhnCheckDigit([8, 1, 1, 2, 1, 8, 9, 8, 7]) == 6)
        #expect(PersonalNumbers.luhnCheckDigit([2, 1, 2, 0, 0, 0, 1, 1, 3]) == 2)
    }
}
