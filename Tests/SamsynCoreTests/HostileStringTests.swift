import Foundation
import Testing
@testable import SamsynCore

/// Hostile text in every free-text field reaches the reader as text, never as
/// markup, script, formula or broken data. Each string is put into every
/// free-text field of one small project (titles, notes, provider, comment,
/// organisation and subproject names, question texts, the project's name and
/// reference, the footer and the accessibility statement), the site is
/// rendered, and each output is compared with the same project holding a
/// harmless placeholder of the same length in the same fields:
///
/// - HTML (pages, attributes, inline SVG): the markup — every tag and
///   attribute name — is exactly the placeholder's, and the escaped string
///   stands wherever the placeholder stood in full;
/// - JSON: it parses, and the project's name and reference are the string;
/// - CSV: every cell is where the placeholder's was, holding the string, with
///   an apostrophe in front when it starts like a formula (= + - @).
@Suite struct HostileStringTests {
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(document.cookie)",
        "]]></text></svg></script><![CDATA[<!--",
        "Tom & Jerry's \"bästa\" <b>dag</b> &amp; &#60;",
        "\u{202E}gnp.exe\u{202C} och \u{2066}isolerat\u{2069}",
        "före\u{0}efter",
        "=HYPERLINK(\"http://example.invalid\";\"klicka\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "rad ett\nrad två; \"citat\"",
        // One long line (the quote is left out so that the config, which holds it
        // ten times, stays within the 1 MiB limit).
        String("x<y&z'>".repeated(to: 100_000)),
    ]

    @Test("hostile text is shown as text in HTML, SVG, JSON and CSV", arguments: hostile.indices)
    func hostileTextStaysText(_ index: Int) throws {
        let text = Self.hostile[index]
        let placeholder = String(repeating: "Q", count: text.count)
        let label = text.count > 60 ? "a \(text.count)-character line" : text.debugDescription
        let attack = try Self.render(text), calm = try Self.render(placeholder)

        // HTML: the same pages, the same markup, and the text shown escaped
        // wherever the placeholder was shown whole.
        #expect(Set(attack.keys) == Set(calm.keys), "\(label)")
        let escaped = Self.escapeHTML(text)
        var shown = 0
        for path in calm.keys.sorted() where path.hasSuffix(".html") {
            let page = String(decoding: attack[path] ?? [], as: UTF8.self)
            let calmPage = String(decoding: calm[path]!, as: UTF8.self)
            #expect(Self.markup(page) == Self.markup(calmPage), "\(label): the markup of \(path) changed")
            let expected = calmPage.occurrences(of: placeholder)
            #expect(page.occurrences(of: escaped) >= expected, "\(label): \(path) shows the text fewer times than the placeholder")
            shown += expected
            // A NUL never reaches a page (HTML forbids it); JSON writes \u0000.
            #expect(!page.unicodeScalars.contains("\u{0}"), "\(label): \(path) holds a raw NUL")
        }
        #expect(shown > 50, "\(label): the free-text fields appear on the pages")
        // The comparison would notice: a text with a tag in it, written
        // unescaped in place of the placeholder, changes the home page's markup.
        if text.contains("<") {
            let home = String(decoding: calm["index.html"]!, as: UTF8.self)
            let at = try #require(home.range(of: placeholder))
            let unescaped = home.replacingCharacters(in: at, with: text)
            #expect(Self.markup(unescaped) != Self.markup(home), "\(label): an unescaped insertion would go unnoticed")
        }

        // JSON: parses, and holds the exact strings.
        let jsonBytes = try #require(attack["data/indicators.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonBytes)) as? [String: Any])
        let project = try #require(json["project"] as? [String: Any])
        #expect(project["name"] as? String == text, "\(label)")
        #expect(project["reference"] as? String == text, "\(label)")

        // CSV: the same cells, the text in each placeholder cell, formulas defused.
        let defused = ["=", "+", "-", "@"].contains(where: text.hasPrefix) ? "'" + text : text
        var cells = 0
        for path in calm.keys.sorted() where path.hasSuffix(".csv") {
            let rows = try Self.parseCSV(try #require(attack[path])), calmRows = try Self.parseCSV(calm[path]!)
            #expect(rows.map(\.count) == calmRows.map(\.count), "\(label): the shape of \(path) changed")
            for (row, calmRow) in zip(rows, calmRows) {
                for (cell, calmCell) in zip(row, calmRow) {
                    if calmCell == placeholder {
                        #expect(cell == defused, "\(label): \(path)")
                        cells += 1
                    } else {
                        #expect(cell == calmCell, "\(label): \(path)")
                    }
                    #expect(!["=", "+", "-", "@"].contains(where: cell.hasPrefix), "\(label): \(path) cell \(cell.prefix(40)) could run as a formula")
                }
            }
        }
        #expect(cells >= 5, "\(label): the free-text fields appear in the CSV tables")
    }

    /// Ids are never free text: hostile ones are refused with the place, so
    /// they can reach no page, file name or link.
    @Test("hostile ids are refused", arguments: ["<script>", "\"><img onerror=alert(1)>", "javascript:x", "a/../b", "x\u{202E}y", "Fk"])
    func hostileIDsAreRefused(_ id: String) {
        let quoted = Self.yamlQuoted(id)
        let record = TestProject.run(["content/meetings/m.yaml": "id: \(quoted)\ntitle: Möte\ndate: 2024-05-01\nmeeting_type: team\n"])
        #expect(record.project == nil)
        #expect(record.lines.contains { $0.hasPrefix("content/meetings/m.yaml:1:5: error: the id '") && $0.hasSuffix("' is not allowed") },
                "\(record.lines)")
        let config = TestProject.config.replacingOccurrences(of: "id: kommunen", with: "id: \(quoted)")
        let organisation = TestProject.run(config: config)
        #expect(organisation.project == nil)
        #expect(organisation.lines.contains { $0.hasPrefix("config/site.yaml:7:") && $0.contains("error: the organisation id '") },
                "\(organisation.lines)")
    }

    // MARK: The project

    /// Every free-text field holds `text`; ids, dates and numbers are fixed.
    /// A text over 50 000 characters is left out of two question texts, so
    /// that config/site.yaml stays within the 1 MiB file limit.
    static func render(_ text: String) throws -> [String: [UInt8]] {
        let t = yamlQuoted(text)
        let short = text.count > 50_000 ? "Fråga två" : t
        let config = """
        project:
          name: \(t)
          reference: \(t)
          owner: sf
          start: 2024-01-01
          end: 2025-12-31
        organisations:
          - { id: fk, name: \(t), training_target: 10 }
          - { id: sf, name: \(t), type: coordination-association }
        subprojects:
          - { id: alfa, name: \(t), partners: [fk, sf] }
        assessment:
          questions:
            - { id: q1, text: \(t), text_en: \(short) }
            - { id: q2, text: \(short) }
        site:
          footer: \(t)
          accessibility:
            organisation: \(t)
            known_issues: [\(t)]
            method: \(t)

        """
        let activity = """
        title: \(t)
        provider: \(t)
        notes: \(t)
        participants: [{ organisation: fk, women: 2, men: 1 }, { organisation: sf, count: 4 }]

        """
        let outcome = TestProject.run([
            "content/agreements/avtal.yaml": """
            title: \(t)
            parties: [fk, sf]
            status: signed
            signed: 2024-02-01
            valid_until: 2025-08-01
            independent_of_individuals: true
            notes: \(t)

            """,
            "content/trainings/kurs.yaml": "date: 2024-03-12\nhours: 2.5\nprinciples: [accessibility]\n" + activity,
            "content/trainings/plan.yaml": "date: 2025-09-12\n" + activity,
            "content/theme-days/tema.yaml": "date: 2024-10-01\nhours: 3\nprinciples: [gender-equality]\n" + activity,
            "content/meetings/traff.yaml": "date: 2024-04-01\nmeeting_type: caseworker\nsubprojects: [alfa]\n" + activity,
            "content/assessments/a1.yaml": "subproject: alfa\ndate: 2024-05-01\nscores: { q1: 3, q2: 4 }\ncomment: \(t)\n",
            "content/assessments/a2.yaml": "subproject: alfa\ndate: 2025-01-10\nresponses: [{ q1: 2 }, { q1: 4, q2: 5 }]\ncomment: \(t)\n",
        ], config: config, asOf: "2025-06-30")
        let project = try #require(outcome.project, "\(outcome.lines.prefix(5))")
        let report = try #require(outcome.report)
        return SiteRenderer.render(RenderInput(project: project, report: report, lastChanged: Day.t("2025-06-01")))
    }

    /// A YAML double-quoted scalar holding exactly `text` (NUL as "\0").
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\u{0}": out += "\\0"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The five characters the templates escape, as swift-mustache writes them.
    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // NUL is not allowed in HTML: the writer shows it as U+FFFD.
            case "\u{0}": out += "\u{FFFD}"
            default: out.append(character)
            }
        }
        return out
    }

    /// The markup of a page: each tag's name and attribute names, in order,
    /// the value of every attribute that holds a URL (href, src, …), and each
    /// comment, CDATA or processing instruction — without text and other
    /// attribute values. Escaped text adds nothing here; injected markup, or
    /// text used as a link (javascript:…), would.
    static func markup(_ page: String) -> [String] {
        let s = Array(page.utf8)  // markup is ASCII; text bytes are skipped
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "content"]
        func isNameByte(_ c: UInt8) -> Bool {
            !(c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == UInt8(ascii: "/") || c == gt || c == UInt8(ascii: "=")
              || c == quote || c == apostrophe)
        }
        func text(_ range: Range<Int>) -> String { String(decoding: s[range], as: UTF8.self) }
        var tokens: [String] = []
        var i = 0
        while i < s.count {
            guard s[i] == lt else { i += 1; continue }
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "!") || s[i] == UInt8(ascii: "?") {
                // <!DOCTYPE …>, <!-- …, <![CDATA[ …, <? …: recorded by their opening.
                tokens.append("<" + text(i..<min(i + 8, s.count)))
                continue
            }
            let nameStart = i
            while i < s.count, isNameByte(s[i]) { i += 1 }
            var attributes: [String] = [text(nameStart..<i)]
            while i < s.count, s[i] != gt {
                let c = s[i]
                if c == quote || c == apostrophe {
                    let start = i + 1
                    i += 1
                    while i < s.count, s[i] != c { i += 1 }
                    if attributes.count > 1, urlAttributes.contains(attributes[attributes.count - 1].lowercased()) {
                        attributes[attributes.count - 1] += "=" + text(start..<min(i, s.count))
                    }
                    i += 1
                } else if isNameByte(c) {
                    let start = i
                    while i < s.count, isNameByte(s[i]) { i += 1 }
                    attributes.append(text(start..<i))
                } else {
                    i += 1
                }
            }
            tokens.append("<" + attributes.joined(separator: " ") + ">")
            i += 1
        }
        return tokens
    }

    /// Cells of a Samsyn CSV file: BOM, ';' between cells, CRLF between rows,
    /// '"' around cells that need it, '""' for a quote inside.
    static func parseCSV(_ bytes: [UInt8]) throws -> [[String]] {
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}"))
        let s = Array(text.unicodeScalars.dropFirst())
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var i = 0, quoted = false
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" { cell += "\""; i += 1 } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == ";" {
                row.append(cell); cell = ""
            } else if c == "\r", i + 1 < s.count, s[i + 1] == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
                i += 1
            } else {
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        #expect(!quoted && row.isEmpty && cell.isEmpty, "the file ends with CRLF after a complete row")
        return rows
    }
}

extension String {
    /// Non-overlapping occurrences, found in linear time (Knuth–Morris–Pratt on
    /// UTF-8): a plain search is quadratic on the repetitive long line.
    func occurrences(of part: String) -> Int {
        let needle = Array(part.utf8), haystack = Array(utf8)
        guard !needle.isEmpty else { return 0 }
        var fallback = [0] + Array(repeating: 0, count: needle.count - 1)
        var k = 0
        for i in 1..<max(needle.count, 1) {
            while k > 0 && needle[i] != needle[k] { k = fallback[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            fallback[i] = k
        }
        var count = 0, matched = 0
        for byte in haystack {
            while matched > 0 && byte != needle[matched] { matched = fallback[matched - 1] }
            if byte == needle[matched] { matched += 1 }
            if matched == needle.count { count += 1; matched = 0 }
        }
        return count
    }

    /// The string repeated and cut to `length` characters.
    func repeated(to length: Int) -> Substring {
        String(repeating: self, count: length / count + 1).prefix(length)
    }
}
