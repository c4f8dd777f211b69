import Foundation
import Testing
@testable import SamsynCore

/// The HTML site, checked without a browser: escaping, relative links,
/// structure, language and determinism. (scripts/check-site.py checks the
/// example site in a real browser.)
@Suite struct SiteRenderTests {
    static let hostile = "<script>alert(1)</script>"

    static func render(language: String = "sv", title: String = "Grundkurs") throws -> [String: [UInt8]] {
        let config = TestProject.config.replacingOccurrences(of: "organisations:", with: "language: \(language)\norganisations:")
            .replacingOccurrences(of: "name: Exempelby kommun", with: "name: \"Kommun \\\"&' <b>\"")
        let outcome = TestProject.run([
            "content/trainings/kurs.yaml": """
            title: '\(title.replacingOccurrences(of: "'", with: "''"))'
            date: 2024-03-12
            hours: 2.5
            principles: [accessibility]
            notes: "\\"><img src=x onerror=alert(1)> javascript:alert(1)"
            participants: [{ organisation: fk, women: 2, men: 1 }, { organisation: kommunen, count: 4 }]

            """,
            "content/agreements/avtal.yaml": """
            title: Avtal "A" & <B>
            parties: [fk, kommunen]
            status: signed
            signed: 2024-02-01

            """,
            "content/meetings/traff.yaml": "title: Träff\ndate: 2024-04-01\nmeeting_type: caseworker\n",
            "content/assessments/alfa.yaml": """
            subproject: alfa
            date: 2024-05-01
            scores: { trust_culture: 3, work_focus: 4, parallel_services: 2, no_breaks: 3, continuity: 4, progression_focus: 3 }

            """,
        ], config: config, asOf: "2025-06-30")
        let project = try #require(outcome.project, "\(outcome.lines)"), report = try #require(outcome.report)
        return SiteRenderer.render(RenderInput(project: project, report: report, lastChanged: .t("2025-06-01")))
    }

    static func html(_ files: [String: [UInt8]]) -> [(String, String)] {
        files.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }

    @Test func everyValueFromYAMLIsEscaped() throws {
        let pages = Self.html(try Self.render(title: Self.hostile))
        let all = pages.map(\.1).joined()
        #expect(!all.contains("<script>alert"))
        #expect(!all.contains("<img src=x"))
        #expect(!all.contains("<b>"))
        #expect(!all.contains("<B>"))
        #expect(all.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(all.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(all.contains("Kommun &quot;&amp;&#39; &lt;b&gt;"), "names inside SVG text and attributes are escaped too")
        // The only scripts are the one external file.
        for (path, page) in pages {
            #expect(page.components(separatedBy: "<script").count == 2, "\(path)")
            #expect(page.contains("<script src=\""), "\(path)")
        }
    }

    @Test func everyLinkIsRelativeAndResolves() throws {
        let files = try Self.render()
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for (path, page) in Self.html(files) {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            for match in pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
                let url = String(page[Range(match.range(at: 1), in: page)!])
                if url == "https://www.digg.se/tdosanmalan" { continue }  // a link for the reader to follow, never loaded
                #expect(!url.hasPrefix("/") && !url.contains("://") && !url.hasPrefix("//"), "\(path): \(url)")
                let target = url.split(separator: "#", omittingEmptySubsequences: false)[0]
                if target.isEmpty { continue }
                var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
                for piece in target.split(separator: "/") {
                    if piece == ".." { _ = parts.popLast() } else { parts.append(String(piece)) }
                }
                #expect(files[parts.joined(separator: "/")] != nil, "\(path) links to missing \(url)")
            }
        }
    }

    @Test func everyPageHasTheFrame() throws {
        let pages = Self.html(try Self.render())
        // overview; agreements + 1; three activity lists; 2 activity records; assessments;
        // organisations + 2; subprojects + 1; about, data, accessibility.
        #expect(pages.count == 1 + 2 + 3 + 2 + 1 + 3 + 2 + 3)
        for (path, page) in pages {
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"), "\(path)")
            #expect(page.components(separatedBy: "<h1>").count == 2, "\(path): exactly one h1")
            #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'"), "\(path)")
            #expect(page.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path)")
            #expect(page.contains("<main id=\"main\""), "\(path)")
            #expect(page.contains("accessibility/index.html\">Tillgänglighetsredogörelse</a>"), "\(path): footer link")
            #expect(!page.contains(" style=\""), "\(path): no inline styles (the CSP forbids them)")
        }
    }

    @Test func englishSwitchesWordsDatesAndNumbers() throws {
        let sv = Self.html(try Self.render(language: "sv")).first { $0.0 == "competence/index.html" }!.1
        let en = Self.html(try Self.render(language: "en")).first { $0.0 == "competence/index.html" }!.1
        #expect(sv.contains("<html lang=\"sv\">") && en.contains("<html lang=\"en\">"))
        #expect(sv.contains("30 juni 2025") && en.contains("30 June 2025"))
        #expect(sv.contains("Kompetensutveckling") && en.contains("Competence development"))
        #expect(sv.contains(">17,5<") && en.contains(">17.5<"), "participant hours 2.5 × 7")
        #expect(!en.contains("Deltagartillfällen"))
    }

    @Test func bothLanguagesHaveEveryWord() {
        #expect(Set(Catalog.sv.keys) == Set(Catalog.en.keys))
    }

    @Test func noCatalogueKeyLeaksIntoAPage() throws {
        for language in ["sv", "en"] {
            for (path, page) in Self.html(try Self.render(language: language)) {
                for key in Catalog.sv.keys where key.contains(".") {
                    #expect(!page.contains(">\(key)<") && !page.contains(">\(key) "), "\(language) \(path): \(key)")
                }
            }
        }
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        #expect(try Self.render() == (try Self.render()))
    }
}

@Suite struct HTMLWriterTests {
    @Test func textAndAttributeValuesAreAlwaysEscaped() {
        var w = HTMLWriter()
        w.element("a", ["href": "x\" onmouseover=\"alert(1)", "title": nil], text: "<b>&'\u{0}")
        #expect(String(decoding: w.bytes, as: UTF8.self)
                == "<a href=\"x&quot; onmouseover=&quot;alert(1)\">&lt;b&gt;&amp;&#39;\u{FFFD}</a>")
    }

    /// Every text escapes as the plain rule says, byte for byte, wherever
    /// the replaced bytes and NULs stand: first, last, in runs, alone, and
    /// before and after runs of all lengths (the writer skips runs of
    /// clean bytes many at a time).
    @Test func textEscapesAsTheRuleSaysWhereverTheBytesStand() {
        func byRule(_ text: String) -> String {
            text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                case "\"": "&quot;"
                case "'": "&#39;"
                case "\u{0}": "\u{FFFD}"
                default: String(scalar)
                }
            }.joined()
        }
        let pieces = ["", "a", "å", "&", "<", ">", "\"", "'", "\u{0}", "😀", "abcdefg", "0123456789abcdef", "ÅÄÖ åäö"]
        var texts: [String] = pieces
        for first in pieces { for second in pieces { texts.append(first + second) } }
        for length in 0...40 {
            let clean = String(repeating: "x", count: length)
            for special in ["&", "\u{0}", "'"] {
                texts += [clean + special, special + clean, clean + special + clean, special + clean + special]
            }
            texts.append(String(repeating: "<\u{0}", count: length))
        }
        for text in texts {
            var w = HTMLWriter()
            w.text(text)
            #expect(String(decoding: w.bytes, as: UTF8.self) == byRule(text), "\(text.debugDescription)")
            #expect(HTMLEscaping.escape(text) == byRule(text))
        }
    }

    /// Elements without a list of attributes, or with one attribute, are
    /// written as the list form writes them, escaped the same way.
    @Test func elementsWithoutAnAttributeListAreTheListsBytes() {
        for value in ["plain", "x\" onmouseover=\"alert(1)", "<b>&'\u{0}", ""] {
            for attribute: String? in [nil, "lead", "a&b \"q\""] {
                var short = HTMLWriter(), listed = HTMLWriter()
                short.element("h2", "id", attribute, text: value)
                listed.element("h2", ["id": attribute], text: value)
                short.element("p", text: value)
                listed.element("p", [:], text: value)
                #expect(short.bytes == listed.bytes, "\(value) \(attribute ?? "nil")")
            }
        }
    }

    /// The writer's buffer grows as it fills: a page far larger than the
    /// first buffer comes out whole, in order, escaped.
    @Test func writesPagesLargerThanItsFirstBuffer() {
        var w = HTMLWriter(capacity: 8)
        var expected = ""
        for n in 0..<2_000 {
            w.element("td", ["data-sort": String(n)], text: "rad \(n) <&> ")
            w.newline()
            expected += "<td data-sort=\"\(n)\">rad \(n) &lt;&amp;&gt; </td>\n"
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }

    /// Text is scanned eight bytes at a time: every character to escape is
    /// found wherever it falls in or between those words, beside letters,
    /// bytes of longer characters and the bytes just around the ones escaped
    /// (compared with the plain escaper of the hostile-text tests).
    @Test func everyEscapedCharacterIsFoundAtEveryPosition() {
        let fillers = ["abcdefghijklmnopqrstuvwx", "åäö – ÅÄÖ ¼ 日本 🇸🇪 ok", "%'(=?;:=%=?\u{1}\u{7F}\u{80}", "\u{FFFD}\u{100}\u{2028}"]
        for filler in fillers {
            for special in ["&", "<", ">", "\"", "'", "\u{0}"] {
                for length in 0...20 {
                    let letters = Array(filler.prefix(length))
                    for position in 0...letters.count {
                        var text = letters
                        text.insert(Character(special), at: position)
                        let value = String(text)
                        var w = HTMLWriter(capacity: 8)
                        w.text(value)
                        #expect(String(decoding: w.bytes, as: UTF8.self) == HostileStringTests.escapeHTML(value), "\(value.debugDescription)")
                    }
                }
            }
        }
    }
}

/// A chart's points list is built as bytes; each coordinate must read as
/// `Charts.n` writes it alone: one decimal at most, rounded half away from
/// zero, never "-0".
@Suite struct ChartPointsTests {
    @Test func pointsAreEachCoordinateAsItIsWrittenAlone() {
        let coordinates: [(x: Double, y: Double)] = [(0, 0), (44, 16.25), (-0.04, -0.05), (12.25, 599.999), (-3.5, 1e6), (0.1, 0.95)]
        for count in 0...coordinates.count {
            let expected = coordinates.prefix(count).map { "\(Charts.n($0.x)),\(Charts.n($0.y))" }.joined(separator: " ")
            #expect(Charts.points(count) { coordinates[$0] } == expected)
        }
        #expect(Charts.points(2) { coordinates[$0] } == "0,0 44,16.3")
        #expect(Charts.n(-0.04) == "0" && Charts.n(-0.05) == "-0.1")
    }
}

@Suite struct SubprojectPageScaleTests {
    /// Whole-project records apply to every subproject; past a limit they are
    /// counted on each subproject page rather than listed there again.
    @Test func wholeProjectRecordsAreCountedWhenMany() throws {
        var records: [String: String] = [:]
        for i in 0...SubprojectPages.wholeProjectListLimit {
            records["content/meetings/m\(i).yaml"] = "title: Möte \(i)\ndate: 2024-05-01\nmeeting_type: team\n"
        }
        records["content/meetings/alfa.yaml"] = "title: Eget möte\ndate: 2024-05-02\nmeeting_type: team\nsubprojects: [alfa]\n"
        let outcome = TestProject.run(records)
        let project = try #require(outcome.project), report = try #require(outcome.report)
        let page = String(decoding: try #require(SiteRenderer.render(RenderInput(project: project, report: report))["subprojects/alfa.html"]),
                          as: UTF8.self)
        #expect(page.contains("Dessutom gäller 0 överenskommelser och 201 aktiviteter hela projektet"))
        #expect(page.contains(">Eget möte<"))
        #expect(!page.contains(">Möte 17<"))
    }

    /// The overview names each planned activity by its own title and page,
    /// also where a training and a meeting share an id and a date.
    @Test func plannedActivitiesAreNamedByTheirOwnRecords() throws {
        let outcome = TestProject.run([
            "content/trainings/start.yaml": "title: Kursstart\ndate: 2025-07-10\nhours: 2\n",
            "content/meetings/start.yaml": "title: Mötesstart\ndate: 2025-07-10\nmeeting_type: team\n",
            "content/meetings/senare.yaml": "title: Senare möte\ndate: 2025-07-20\nmeeting_type: team\n",
            "content/meetings/tidig.yaml": "title: Tidigt möte\ndate: 2025-07-01\nmeeting_type: team\n",
        ], asOf: "2025-06-30")
        let project = try #require(outcome.project, "\(outcome.lines)"), report = try #require(outcome.report)
        let page = String(decoding: try #require(SiteRenderer.render(RenderInput(project: project, report: report))["index.html"]), as: UTF8.self)
        for (title, href) in [("Kursstart", "trainings/start.html"), ("Mötesstart", "meetings/start.html"),
                              ("Senare möte", "meetings/senare.html"), ("Tidigt möte", "meetings/tidig.html")] {
            #expect(page.contains("href=\"\(href)\"") && page.contains(title), "\(title)")
        }
        let indexes = RecordIndexes(project)
        #expect(indexes.activity(.meeting, id: "start", date: .t("2025-07-10"))?.title == "Mötesstart")
        #expect(indexes.activity(.training, id: "start", date: .t("2025-07-10"))?.title == "Kursstart")
        #expect(indexes.activity(.themeDay, id: "start", date: .t("2025-07-10")) == nil)
        #expect(indexes.activity(.meeting, id: "start", date: .t("2025-07-11")) == nil)
        #expect(indexes.activity(.meeting, id: "tidig", date: .t("2025-07-01"))?.title == "Tidigt möte")
    }

    /// An activity page's participants rows are written without cells, each
    /// starting with its organisation's row header as written once per site;
    /// they must be the bytes the cells would give, also for an organisation
    /// the config does not have (a project made in code, never a validated one).
    @Test func participantRowsAreTheCellsBytes() throws {
        let outcome = TestProject.run([
            "content/trainings/kurs.yaml": "title: Kurs\ndate: 2024-03-12\nparticipants: [{ organisation: fk, women: 2, men: 1 }, { organisation: kommunen, count: 1200 }]\n",
        ])
        var project = try #require(outcome.project, "\(outcome.lines)"), report = try #require(outcome.report)
        project.activities[0].participants.append(.init(organisation: "okänd & <ny>", count: 3, nonBinary: 3, organisationPlace: 0))
        report = Indicators.compute(project, asOf: report.asOf)
        let page = String(decoding: try #require(SiteRenderer.render(RenderInput(project: project, report: report))["trainings/kurs.html"]),
                          as: UTF8.self)
        let l = Localization(.sv), dash = l["dash"]
        func row(_ name: String, _ href: String, _ numbers: [String]) -> String {
            let cells = [Part.cell(name, href: href, header: true)] + numbers.map { Part.cell($0, numeric: true) }
            var w = HTMLWriter()
            PageWriter.write(row: cells, &w)
            return String(decoding: w.bytes, as: UTF8.self)
        }
        let expected = row("Försäkringskassan", "../organisations/fk.html", ["3", "2", "1", dash])
            + row("Exempelby kommun", "../organisations/kommunen.html", [l.number(1200), dash, dash, dash])
            + row("okänd & <ny>", Linker(pagePath: "trainings/kurs.html").organisation("okänd & <ny>"), ["3", dash, dash, "3"])
        #expect(page.contains("<tbody>\n" + expected + "</tbody>"))
    }

    /// Activity and agreement pages write their facts without a model; they
    /// must be the bytes the facts block of the page model gives.
    @Test func recordFactsAreTheFactsBlocksBytes() throws {
        let outcome = TestProject.run([
            "content/trainings/kurs.yaml": "title: Kurs\ndate: 2024-03-12\nend_date: 2024-03-14\nhours: 2.5\nprovider: 'A & <B>'\n"
                + "methods: [ips, bip]\nprinciples: [accessibility]\nsubprojects: [alfa]\nnotes: Ny \"omgång\"\n",
            "content/meetings/mote.yaml": "title: Möte\ndate: 2030-01-10\nmeeting_type: steering-group\n",
        ])
        let project = try #require(outcome.project, "\(outcome.lines)"), report = try #require(outcome.report)
        let site = SiteRenderer.render(RenderInput(project: project, report: report))
        let l = Localization(.sv)
        func factsBlock(_ facts: [Fact]) -> String {
            var w = HTMLWriter()
            // Facts do not read the frame (only a figure's table does).
            let frame = Frame(lang: "sv", projectName: "", reference: nil, root: "../", logo: nil, accentStylesheet: false,
                              period: "", asOf: "", changed: nil, footerText: nil, footerAsOf: "", footerChanged: nil, navigation: [],
                              words: .init(skip: "", navLabel: "", reference: "", period: "", asOf: "", changed: "",
                                           accessibility: "", data: "", tableData: ""))
            PageWriter.blocks([.facts(facts)], &w, frame)
            return String(decoding: w.bytes, as: UTF8.self)
        }
        let training = factsBlock([
            Fact(label: l["kind"], parts: [(l.kind(.training).capitalizedFirst, nil)]),
            Fact(label: l["date"], parts: [(l.period(.t("2024-03-12"), .t("2024-03-14")), nil)]),
            Fact(label: l["status"], parts: [(l["held"], nil)]),
            Fact(label: l["subprojects"], parts: [("Delprojekt Alfa", "../subprojects/alfa.html")]),
            Fact(label: l["provider"], parts: [("A & <B>", nil)]),
            Fact(label: l["hours"], parts: [("2,5", nil)]),
            Fact(label: l["methods"], parts: [(l.method(.ips), nil), (l.method(.bip), nil)]),
            Fact(label: l["principles"], parts: [(l.principle(.accessibility), nil)]),
            Fact(label: l["notes"], parts: [("Ny \"omgång\"", nil)]),
            Fact(label: l["id"], parts: [("kurs", nil)]),
        ])
        let meeting = factsBlock([
            Fact(label: l["kind"], parts: [(l.kind(.meeting).capitalizedFirst + " – " + l.meetingType(.steeringGroup), nil)]),
            Fact(label: l["date"], parts: [(l.date(.t("2030-01-10")), nil)]),
            Fact(label: l["status"], parts: [(l["planned"], nil)]),
            Fact(label: l["subprojects"], parts: [(l["whole-project"], nil)]),
            Fact(label: l["id"], parts: [("mote", nil)]),
        ])
        #expect(String(decoding: try #require(site["trainings/kurs.html"]), as: UTF8.self).contains(training))
        #expect(String(decoding: try #require(site["meetings/mote.html"]), as: UTF8.self).contains(meeting))

        // An agreement's page too, where facts without parts are left out.
        let agreement = TestProject.run(["content/agreements/avtal.yaml": "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\n"
                                         + "signed: 2024-02-01\nindependent_of_individuals: true\n"])
        let agreementProject = try #require(agreement.project, "\(agreement.lines)"), agreementReport = try #require(agreement.report)
        let a = try #require(agreementProject.agreements.first), w = AgreementPages.Words(l)
        let agreementFacts = factsBlock([
            Fact(label: w.status, parts: [(w.statuses[.signed]! + " – "
                                           + (a.isInForce(on: agreementReport.asOf) ? w.inForceAfterStatus : w.notInForceAfterStatus), nil)]),
            Fact(label: w.parties, parts: [("Försäkringskassan", "../organisations/fk.html"), ("Exempelby kommun", "../organisations/kommunen.html")]),
            Fact(label: w.subprojects, parts: [(w.wholeProject, nil)]),
            Fact(label: w.signed, parts: [(l.date(.t("2024-02-01")), nil)]),
            Fact(label: w.valid, parts: [(l.period(try #require(a.effectiveStart), a.effectiveEnd), nil)]),
            Fact(label: w.independent, parts: [(w.yes, nil)]),
            Fact(label: w.id, parts: [("avtal", nil)]),
        ])
        let agreementPage = SiteRenderer.render(RenderInput(project: agreementProject, report: agreementReport))["agreements/avtal.html"]
        #expect(String(decoding: try #require(agreementPage), as: UTF8.self).contains(agreementFacts))
    }

    /// The site's data files are written row by row (`CSVBytes`), the
    /// tables `DataTables.all` gives are kept as cells: both give the same bytes.
    @Test func dataFilesAreTheTablesBytes() throws {
        let outcome = TestProject.run([
            "content/trainings/kurs.yaml": "title: '=Kurs; \"A\"'\ndate: 2024-03-12\nhours: 2.5\nparticipants: [{ organisation: fk, women: 2, men: 1 }]\n",
            "content/meetings/kurs.yaml": "title: Möte\ndate: 2024-03-12\nmeeting_type: team\n",
            "content/agreements/avtal.yaml": "title: Avtal\nparties: [fk, kommunen]\nstatus: signed\nsigned: 2024-02-01\n",
        ])
        let project = try #require(outcome.project, "\(outcome.lines)"), report = try #require(outcome.report)
        let site = SiteRenderer.render(RenderInput(project: project, report: report))
        let tables = DataTables.all(project, report)
        #expect(tables.map(\.name) == ["agreements.csv", "activities.csv", "competence.csv", "assessments.csv"])
        for (name, table) in tables {
            #expect(site["data/" + name] == table.bytes(), "\(name)")
        }
        let activities = String(decoding: try #require(site["data/activities.csv"]), as: UTF8.self)
        #expect(activities.contains("\r\ntraining;kurs;\"'=Kurs; \"\"A\"\"\";2024-03-12;"), "\(activities)")
    }

    /// Each cell of the coverage matrix, by subproject and organisation:
    /// covered, gap, covered but not expected, and not expected, in the
    /// organisations' order from the config.
    @Test func coverageMatrixShowsEveryKindOfCell() throws {
        let config = """
        project: { name: Matris, start: 2024-01-01, end: 2025-12-31 }
        organisations:
          - { id: fk, name: Försäkringskassan }
          - { id: kommunen, name: Kommunen }
          - { id: region, name: Regionen }
          - { id: af, name: Arbetsförmedlingen }
        subprojects:
          - { id: alfa, name: Alfa, partners: [fk, kommunen] }
          - { id: beta, name: Beta, partners: [region] }

        """
        let outcome = TestProject.run([
            "content/agreements/avtal.yaml": "title: Avtal\nparties: [af, fk]\nsubprojects: [alfa]\nstatus: signed\nsigned: 2024-02-01\n",
        ], config: config)
        let project = try #require(outcome.project, "\(outcome.lines)"), report = try #require(outcome.report)
        let page = String(decoding: try #require(SiteRenderer.render(RenderInput(project: project, report: report))["agreements/index.html"]),
                          as: UTF8.self)
        let matrix = try #require(page.range(of: "id=\"coverage-matrix\"")), end = try #require(page.range(of: "</table>", range: matrix.upperBound..<page.endIndex))
        let rows = page[matrix.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst(2).map { row in
            row.components(separatedBy: "<td class=\"cell-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        #expect(rows == [["covered", "gap", "none", "extra"], ["none", "none", "gap", "none"]])
        #expect(page.contains("2 luckor"))
    }
}
