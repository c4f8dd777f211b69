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
}
