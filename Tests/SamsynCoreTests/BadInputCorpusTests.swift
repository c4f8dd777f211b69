import Foundation
import Testing
@testable import SamsynCore

/// The bad-input corpus: each folder under Fixtures/bad is a small project with
/// one defect, and `expected.txt` is the complete report Samsyn must print for
/// it — so every case asserts the message, the hint and the line and column.
/// Folders named `warn-…` hold legal-but-suspect input: warnings only.
@Suite struct BadInputCorpusTests {
    static let asOf = Day.t("2025-06-30")

    @Test("the corpus is large enough") func corpusSize() {
        #expect(Fixtures.cases(in: "bad").count >= 40)
    }

    @Test("every defect is reported with its message and line", arguments: Fixtures.cases(in: "bad"))
    func reportsDefect(_ name: String) throws {
        let root = Fixtures.url("bad/" + name)
        let outcome = Pipeline(files: DiskFiles(root: root)).run(asOf: Self.asOf)
        let expected = try Fixtures.text("bad/\(name)/expected.txt")
        #expect(DiagnosticFormat.text.render(outcome.diagnostics) == expected)
        if name.hasPrefix("warn-") {
            #expect(outcome.diagnostics.errorCount == 0)
            #expect(outcome.diagnostics.warningCount > 0)
            #expect(outcome.report != nil)
        } else {
            #expect(outcome.diagnostics.errorCount > 0)
            #expect(outcome.project == nil, "a project with errors must not be built")
        }
    }

    /// A build reads each record file, and searches each file's text for
    /// personal numbers, right after reading it
    /// (`Loader.load(checkingEach:scanningEach:)`); `samsyn serve` does both
    /// afterwards. Either way must find the same.
    @Test("reading and searching each file right after reading it finds what doing so afterwards finds",
          arguments: Fixtures.cases(in: "bad").map { "bad/" + $0 } + ["indicators/project"])
    func earlyReadingIsTheSame(_ folder: String) {
        let files = DiskFiles(root: Fixtures.url(folder))
        let afterwards = Validator.validate(Loader(files: files).load(), asOf: Self.asOf)
        let check: (SourceFile?) -> Loader.Check? = { Validator.recordCheck(config: $0, asOf: Self.asOf) }
        let checked = Loader(files: files).load(checkingEach: check)
        let scanned = Loader(files: files).load(checkingEach: check, scanningEach: Validator.personalNumberScan)
        for loaded in [checked, scanned] {
            let early = Validator.validate(loaded, asOf: Self.asOf)
            #expect(early.diagnostics == afterwards.diagnostics)
            #expect(Self.published(early.project) == Self.published(afterwards.project))
        }
        // Every text read was scanned, none kept; only what found something is listed.
        #expect(scanned.texts.isEmpty)
        #expect(scanned.scans.map(\.path) == checked.texts.map(\.path).filter { path in
            afterwards.diagnostics.contains { $0.location.file == path && $0.message.contains("personal identity number") }
        })
        if folder.hasPrefix("indicators") {
            // The check ran, and no tree was kept, nor a scanned file's text.
            #expect(Validator.validate(checked, asOf: Self.asOf).project?.activities.isEmpty == false)
            #expect(checked.records.values.joined().allSatisfy { $0.root == nil && $0.checked != nil })
            #expect(scanned.records.values.joined().allSatisfy { $0.root == nil && $0.checked != nil && $0.bytes.isEmpty })
        }
    }

    /// Everything a project's records give: the indicators and every data table, record by record.
    static func published(_ project: Project?) -> [String]? {
        guard let project else { return nil }
        let report = Indicators.compute(project, asOf: asOf)
        return [IndicatorsDocument.json(report).serialized()]
            + DataTables.all(project, report).map { $0.name + "\n" + String(decoding: $0.table.bytes(), as: UTF8.self) }
    }
}
