import Testing
@testable import SamsynCore

@Suite struct DayTests {
    @Test func parsesOnlyRealISODates() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-02-30") == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "2024-1-01") == nil)
        #expect(Day(iso: "2024/01/01") == nil)
        #expect(Day(iso: "2024-01-01T10:00") == nil)
        #expect(Day(iso: "2024-01-01")?.description == "2024-01-01")
        #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
        #expect(Day(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }

    /// Dates as pages show them, day and year without leading zeros.
    @Test func datesInWords() {
        let sv = Localization(.sv), en = Localization(.en)
        #expect(sv.date(Day.t("2024-05-01")) == "1 maj 2024")
        #expect(sv.date(Day.t("2025-09-30")) == "30 september 2025")
        #expect(en.date(Day.t("2025-12-10")) == "10 December 2025")
        #expect(sv.date(Day(year: 7, month: 1, day: 9)!) == "9 januari 7")
        #expect(en.date(Day(year: 9999, month: 12, day: 31)!) == "31 December 9999")
        #expect(sv.date(Day(year: 1000, month: 10, day: 20)!) == "20 oktober 1000")
    }

    @Test func dayOfYearAndLeapYears() {
        #expect(Day.t("2024-01-01").dayOfYear == 1)
        #expect(Day.t("2024-12-31").dayOfYear == 366)
        #expect(Day.t("2025-12-31").dayOfYear == 365)
        #expect(Day.t("2024-03-01").dayOfYear == 61)
        #expect(Day.t("1900-01-01").daysInYear == 365)
        #expect(Day.t("2000-01-01").daysInYear == 366)
    }

    @Test func addingMonthsClampsToTheMonthEnd() {
        #expect(Day.t("2024-08-31").adding(months: 6) == Day.t("2025-02-28"))
        #expect(Day.t("2023-08-31").adding(months: 6) == Day.t("2024-02-29"))
        #expect(Day.t("2024-01-31").adding(months: 1) == Day.t("2024-02-29"))
        #expect(Day.t("2024-11-15").adding(months: 2) == Day.t("2025-01-15"))
        #expect(Day.t("2024-05-31").adding(months: 12) == Day.t("2025-05-31"))
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(Day.t("2024-12-31").adding(days: 1) == Day.t("2025-01-01"))
        #expect(Day.t("2024-02-28").adding(days: 1) == Day.t("2024-02-29"))
        #expect(Day.t("2025-10-03").adding(days: 90) == Day.t("2026-01-01"))
        #expect(Day(dayNumber: Day.t("1999-07-14").dayNumber) == Day.t("1999-07-14"))
    }
}

@Suite struct ExactTests {
    @Test func roundsHalfAwayFromZeroFromTheExactValue() {
        #expect(Exact(25, 8).rounded(decimals: 2).text() == "3.13")   // 3.125
        #expect(Exact(19, 8).rounded(decimals: 2).text() == "2.38")   // 2.375
        #expect(Exact(-1, 8).rounded(decimals: 2).text() == "-0.13")  // -0.125
        #expect(Exact(10, 3).rounded(decimals: 2).text() == "3.33")
        #expect(Exact(5, 16).rounded(decimals: 3).text() == "0.313")  // 0.3125
        #expect(Exact(1, 8).rounded(decimals: 3).text() == "0.125")
        #expect(Exact(-1, 1000).rounded(decimals: 2).text() == "0")    // not "-0"
    }

    @Test func writesNoTrailingZeros() {
        #expect(Exact(7, 2).rounded(decimals: 2).text() == "3.5")
        #expect(Exact(3).rounded(decimals: 2).text() == "3")
        #expect(Exact(1, 20).rounded(decimals: 1).text() == "0.1")     // 0.05
        #expect(Exact(7, 2).rounded(decimals: 2).text(separator: ",") == "3,5")
        #expect(Rounded(units: 5, decimals: 2).text() == "0.05")        // zeros after the mark kept
        #expect(Rounded(units: 105, decimals: 3).text() == "0.105")
        #expect(Rounded(units: -1230, decimals: 2).text(separator: ",") == "-12,3")
        #expect(Rounded(units: 42, decimals: 0).text() == "42")
        #expect(Rounded(units: -7_000, decimals: 3).text() == "-7")
    }

    /// The digits are written byte by byte; they must read exactly as the
    /// plain decimal text of units / 10^decimals, without trailing zeros.
    @Test func textIsThePlainDecimalOfTheUnits() {
        func reference(_ units: Int, _ decimals: Int, _ separator: String) -> String {
            var digits = String(units.magnitude)
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            var whole = String(digits.dropLast(decimals)), fraction = String(digits.suffix(decimals))
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if whole.isEmpty { whole = "0" }
            return (units < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : separator + fraction)
        }
        let units = [0, 1, -1, 9, 10, 99, 100, 101, -105, 1_000, 12_345, -999_999, 1_000_001, Int.max, Int.min + 1, Int.min]
        for unit in units {
            for decimals in 0...6 {
                for separator in [".", ","] {
                    #expect(Rounded(units: unit, decimals: decimals).text(separator: separator) == reference(unit, decimals, separator),
                            "\(unit) \(decimals)")
                    // Appended as bytes (chart points, CSV and JSON files): the same text, after what was there.
                    var bytes = Array("x;".utf8)
                    Rounded(units: unit, decimals: decimals).append(to: &bytes, separator: separator.utf8.first!)
                    #expect(String(decoding: bytes, as: UTF8.self) == "x;" + reference(unit, decimals, separator), "\(unit) \(decimals)")
                }
            }
        }
    }

    @Test func parsesPlainDecimals() {
        #expect(Exact(decimal: "1.5") == Exact(3, 2))
        #expect(Exact(decimal: "12") == Exact(12))
        #expect(Exact(decimal: "0.25") == Exact(1, 4))
        #expect(Exact(decimal: "1,5") == nil)
        #expect(Exact(decimal: "1.") == nil)
        #expect(Exact(decimal: ".5") == nil)
        #expect(Exact(decimal: "-1") == nil)
        #expect(Exact(decimal: "1e3") == nil)
        #expect(Exact(decimal: "") == nil)
        #expect(Exact(decimal: "1.2.3") == nil)
        #expect(Exact(decimal: "+1") == nil)
        #expect(Exact(decimal: "１") == nil)  // a full-width digit is not a digit here
        #expect(Exact(decimal: "٣") == nil)
        #expect(Exact(decimal: "007.50") == Exact(15, 2))
        // Fifteen characters at most, so that the value always fits; longer is refused, never a crash.
        #expect(Exact(decimal: "123456789012.34") == Exact(12_345_678_901_234, 100))
        #expect(Exact(decimal: "1234567890123456") == nil)
        #expect(Exact(decimal: String(repeating: "9", count: 400)) == nil)
    }

    /// Counts: an optional sign and one to nine digits, nothing else.
    @Test func parsesSmallIntegers() {
        let cases: [(String, Int?)] = [
            ("0", 0), ("7", 7), ("-0", 0), ("+5", 5), ("-12", -12), ("123456789", 123_456_789), ("-123456789", -123_456_789),
            ("", nil), ("-", nil), ("+", nil), ("1234567890", nil), ("12a", nil), (" 1", nil), ("1 ", nil),
            ("1.0", nil), ("--1", nil), ("٣", nil), ("１", nil), (String(repeating: "9", count: 400), nil),
        ]
        for (text, value) in cases { #expect(MappingReader.smallInteger(text) == value, "\(text)") }
    }
}

/// The words of every case, found by the case's place: each case gives its own.
@Suite struct CaseTableTests {
    @Test func everyCaseGivesItsOwnWord() {
        for language in [Language.sv, .en] {
            let l = Localization(language)
            let kinds = Localization.everyCase(l.kind), statuses = Localization.everyCase(l.status)
            let principles = Localization.everyCase(l.principle)
            for kind in Activity.Kind.allCases { #expect(kinds[kind] == l.kind(kind)) }
            for status in Agreement.Status.allCases { #expect(statuses[status] == l.status(status)) }
            for principle in Principle.allCases { #expect(principles[principle] == l.principle(principle)) }
        }
    }
}

@Suite struct NumberFormatTests {
    /// Swedish groups thousands with a narrow no-break space, English with a
    /// comma; a minus is the typographic minus sign in both.
    @Test func groupsThousandsForTheLanguage() {
        let sv = Localization(.sv), en = Localization(.en)
        #expect(sv.number(0) == "0")
        #expect(sv.number(999) == "999")
        #expect(sv.number(-42) == "−42")
        #expect(sv.number(1000) == "1\u{202F}000")
        #expect(sv.number(1234567) == "1\u{202F}234\u{202F}567")
        #expect(en.number(1234567) == "1,234,567")
        #expect(en.number(-12345) == "−12,345")
        #expect(en.number(100000) == "100,000")
    }

    /// Counts under a thousand come from a table made once: each must be its own digits, in both languages.
    @Test func everyNumberUnderAThousandIsItsDigits() {
        for language in [Language.sv, .en] {
            let l = Localization(language)
            for n in -1...1000 {
                #expect(l.number(n) == (n < 0 ? "−\(-n)" : n < 1000 ? "\(n)" : language == .sv ? "1\u{202F}000" : "1,000"))
            }
        }
    }
}
