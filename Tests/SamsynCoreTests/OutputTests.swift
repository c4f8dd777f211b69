import Foundation
import Testing
@testable import SamsynCore

@Suite struct CSVTests {
    @Test func excelSwedishDialect() {
        let table = CSVTable(header: ["namn", "andel"], rows: [
            [.text("Lunds kommun; Region"), .decimal(Exact(5, 16).rounded(decimals: 3))],
            [.text("Citat \"så\""), .int(-3)],
            [.text("rad\nbryt"), .empty],
        ])
        let bytes = table.bytes()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) ==
            "namn;andel\r\n\"Lunds kommun; Region\";0,313\r\n\"Citat \"\"så\"\"\";-3\r\n\"rad\nbryt\";\r\n")
    }

    /// A spreadsheet splits on the byte `;`, not on a whole character: a `;`
    /// carrying a combining mark, or a CRLF inside a cell, must still be quoted.
    @Test func separatorsAreFoundByteByByte() {
        let table = CSVTable(header: ["a", "b"], rows: [[.text("x;\u{301}y"), .text("rad\r\nbryt")], [.text("\"\u{301}"), .text("=\"")]])
        #expect(String(decoding: table.bytes().dropFirst(3), as: UTF8.self) ==
            "a;b\r\n\"x;\u{301}y\";\"rad\r\nbryt\"\r\n\"\"\"\u{301}\";\"'=\"\"\"\r\n")
    }

    @Test("text that looks like a formula is defused", arguments: ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1"])
    func formulaInjection(_ text: String) {
        let line = String(decoding: CSVTable(header: ["a"], rows: [[.text(text)]]).bytes().dropFirst(3), as: UTF8.self)
            .split(separator: "\r\n")[1]
        #expect(line.hasPrefix("'") || line.hasPrefix("\"'"), "\(line)")
    }

    /// A list cell written word by word gives the bytes of the joined text
    /// kept as a cell, also where that text must be quoted or defused.
    @Test func listCellsAreTheJoinedTextsBytes() {
        let lists: [[String]] = [[], ["fk"], ["fk", "lunds-kommun", "å"], ["=a", "b"], ["a", "b;c"], ["a", "b\"c"],
                                 ["", "x"], ["x", ""], ["-1"], ["a\r\nb"]]
        var direct = CSVBytes(header: ["lista", "nästa"]), kept = CSVCells()
        for list in lists {
            direct.words(list)
            direct.int(list.count)
            direct.endRow()
            kept.words(list)
            kept.int(list.count)
            kept.endRow()
        }
        let table = CSVTable(header: ["lista", "nästa"], rows: kept.rows)
        #expect(direct.bytes == table.bytes())
        #expect(String(decoding: table.bytes().dropFirst(3), as: UTF8.self).contains("\r\n'=a, b;2\r\n\"a, b;c\";2\r\n"))
    }

    @Test func theTablesHoldTheRecordsAndNoIndividualResponses() throws {
        let outcome = TestProject.run([
            "content/assessments/alfa.yaml": """
            subproject: alfa
            date: 2024-05-01
            responses:
              - { trust_culture: 1, work_focus: 2 }
              - { trust_culture: 2, work_focus: 2 }

            """,
        ])
        let project = try #require(outcome.project), report = try #require(outcome.report)
        let tables = Dictionary(uniqueKeysWithValues: DataTables.all(project, report).map { ($0.name, $0.table) })
        let assessments = try #require(tables["assessments.csv"])
        #expect(assessments.header == ["delprojekt", "omgång", "datum", "svarande", "index",
                                       "trust_culture", "work_focus", "parallel_services", "no_breaks", "continuity", "progression_focus"])
        #expect(assessments.rows.count == 1, "one row per round: means only")
        let competence = String(decoding: try #require(tables["competence.csv"]).bytes().dropFirst(3), as: UTF8.self)
        #expect(competence == "organisation;namn;mål;deltagartillfällen;andel av mål\r\nfk;Försäkringskassan;10;0;0\r\nkommunen;Exempelby kommun;;0;\r\n")
    }
}

@Suite struct JSONTests {
    @Test func stringsAreEscapedAndInertInHTML() {
        let value = JSONValue.object([("t", .string("<script>\"a\"\\\n\u{0}\u{202E}&\u{2028}"))])
        #expect(value.serialized() == "{\n  \"t\": \"\\u003cscript\\u003e\\\"a\\\"\\\\\\n\\u0000\u{202E}\\u0026\\u2028\"\n}\n")
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: String]
        #expect(parsed?["t"] == "<script>\"a\"\\\n\u{0}\u{202E}&\u{2028}")
    }

    /// The escapes are found in the UTF-8 bytes: only U+2028 and U+2029 of
    /// the characters starting with byte E2 are escaped, at any position.
    @Test func lineSeparatorsAreEscapedAndOtherCharactersKept() {
        let value = JSONValue.array([.string("\u{2029}€\u{2028}\u{2027}\u{7F}å"), .string("\u{2028}"), .array([]), .object([])])
        #expect(value.serialized() == "[\n  \"\\u2029€\\u2028\u{2027}\\u007få\",\n  \"\\u2028\",\n  [],\n  {}\n]\n")
        #expect(value.bytes() == Array(value.serialized().utf8))
    }

    @Test func dataKeyedMapsAreSortedByBytes() {
        let value = JSONValue.sortedObject(["b": .int(1), "B": .int(2), "a-b": .int(3), "a": .int(4)])
        #expect(value.serialized() == "{\n  \"B\": 2,\n  \"a\": 4,\n  \"a-b\": 3,\n  \"b\": 1\n}\n")
    }

    @Test func theDocumentKeepsTheContractsShape() throws {
        let outcome = TestProject.run()
        let report = try #require(outcome.report)
        let text = IndicatorsDocument.json(report).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "as_of", "project", "agreements", "activities", "principles", "competence",
                                     "caseworker_meetings", "assessments"])
        #expect(object["format"] as? String == "samsyn-indicators/1")
        #expect(text.hasPrefix("{\n  \"format\": \"samsyn-indicators/1\",\n  \"as_of\": \"2025-06-30\",\n"))
        // Empty maps and lists are written, never left out.
        #expect(text.contains("\"signed_by_year\": {}"))
        #expect(text.contains("\"expiring\": []"))
        #expect(text.contains("\"by_status\": {\n      \"draft\": 0,\n      \"signed\": 0,\n      \"terminated\": 0\n    }"))
    }
}

@Suite struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic(.error, SourceLocation(file: "content/a,b.yaml", line: 3, column: 5), "100% wrong\nreally", hint: "fix it"),
        Diagnostic(.warning, SourceLocation(file: "config/site.yaml"), "whole file"),
    ]

    @Test func text() {
        #expect(DiagnosticFormat.text.render(diagnostics) ==
            "content/a,b.yaml:3:5: error: 100% wrong\nreally\n    hint: fix it\nconfig/site.yaml: warning: whole file\n")
    }

    @Test func githubAnnotationsAreEscaped() {
        #expect(DiagnosticFormat.github.render(diagnostics) ==
            "::error file=content/a%2Cb.yaml,line=3,col=5,title=samsyn::100%25 wrong%0Areally — fix it\n"
            + "::warning file=config/site.yaml,title=samsyn::whole file\n")
    }

    @Test func json() throws {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormat.json.render(diagnostics).utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["hint"] as? String == "fix it")
        #expect(items[1]["hint"] is NSNull)
        #expect(items[1]["line"] as? Int == 0)
    }

    @Test func reportOrderIsFileThenLineThenColumn() {
        let a = Diagnostic(.warning, SourceLocation(file: "b.yaml", line: 1, column: 1), "x")
        let b = Diagnostic(.error, SourceLocation(file: "a.yaml", line: 10, column: 1), "y")
        let c = Diagnostic(.error, SourceLocation(file: "a.yaml", line: 2, column: 9), "z")
        #expect([a, b, c, c].sortedForReport() == [c, b, a])
    }
}

/// A table row written once for two tables, one of which leaves a column
/// out, must be the same as the row written without that cell.
@Suite struct SharedRowTests {
    static func bytes(_ written: WrittenHTML) -> [UInt8] {
        var w = HTMLWriter()
        w.append(written)
        return w.bytes
    }

    @Test(arguments: 0..<5)
    func aRowWithoutOneCellIsTheRowWrittenWithoutIt(left: Int) {
        let cells = [
            Part.cell("Grundkurs <1>", href: "../trainings/grundkurs.html", header: true),
            Part.cell("1 mars 2024", sortKey: "2024-03-01"),
            Part.cell("genomförd", symbol: "✓", className: "status status-met"),
            Part.cell("–"),
            Part.cell("12", numeric: true, sortKey: "12"),
        ]
        let shared = PageWriter.written(row: cells, leavingOut: left)
        var without = cells
        without.remove(at: left)
        #expect(Self.bytes(shared.whole) == Self.bytes(PageWriter.written(row: cells)))
        #expect(Self.bytes(shared.without) == Self.bytes(PageWriter.written(row: without)))
    }
}
