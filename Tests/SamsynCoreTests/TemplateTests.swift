import Foundation
import Testing
@testable import SamsynCore

/// What `init` and `new` write stays in step with the files the project
/// tests elsewhere: the CI workflows (linted by scripts/check-ci-templates.py).
@Suite struct TemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("init writes the repository's own CI files, byte for byte", arguments: [
        (".github/workflows/pages.yml", CITemplates.github), (".gitlab-ci.yml", CITemplates.gitlab),
    ])
    func ciFilesMatch(_ path: String, _ text: String) throws {
        let committed = try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
        #expect(text == committed)
    }

    @Test func freeIDsCountUp() {
        let day = Day.t("2025-03-04")
        #expect(RecordTemplate.freeID(.training, date: day, taken: []) == "training-2025-03-04")
        #expect(RecordTemplate.freeID(.training, date: day, taken: ["training-2025-03-04", "training-2025-03-04-2"])
                == "training-2025-03-04-3")
    }

    @Test("every template is valid YAML that Samsyn reads", arguments: RecordTemplate.Kind.allCases)
    func templatesParse(_ kind: RecordTemplate.Kind) throws {
        let config = try #require(TestProject.run().project?.config)
        let text = RecordTemplate.text(kind, id: "x", date: .t("2025-03-04"), config: config)
        let outcome = TestProject.run(["content/\(kind.folder)/x.yaml": text], asOf: "2025-01-01")
        // Only the scores, which only the team can give, are missing.
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors == (kind == .assessment ? Questionnaire.bip.questions.map { "'\($0.id)' has no score" } : []))
    }
}
