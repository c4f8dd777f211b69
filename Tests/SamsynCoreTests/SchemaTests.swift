import Foundation
import Testing
@testable import SamsynCore

/// The JSON Schemas for editors. The copies committed in `schemas/` must be
/// exactly what `samsyn schema` writes, so that they never fall behind the
/// program; scripts/check-schemas.py then tests them against real YAML.
@Suite struct SchemaTests {
    static let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../schemas").standardizedFileURL

    @Test func theGeneratorIsDeterministic() {
        let first = Schemas.all().map { $0.name + "\n" + $0.schema.serialized() }
        let second = Schemas.all().map { $0.name + "\n" + $0.schema.serialized() }
        #expect(first == second)
        #expect(Schemas.all().map(\.name) == ["site.schema.json", "agreement.schema.json", "training.schema.json",
                                              "theme-day.schema.json", "meeting.schema.json", "assessment.schema.json"])
    }

    @Test("the committed schemas are what samsyn schema writes", arguments: Schemas.all().map(\.name))
    func committedCopyIsCurrent(_ name: String) throws {
        let generated = try #require(Schemas.all().first { $0.name == name }).schema.serialized()
        let onDisk = try Data(contentsOf: Self.committed.appendingPathComponent(name))
        #expect(onDisk == Data(generated.utf8), "run: swift run samsyn schema   (and commit schemas/)")
    }

    @Test func noStaleSchemaIsCommitted() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.committed.path).filter { !$0.hasPrefix(".") }
        #expect(files.sorted() == Schemas.all().map(\.name).sorted())
    }

    /// Editors show `description` on hover, and a key not in `properties` is a
    /// typo only when every mapping closes with additionalProperties: false.
    @Test("every key has help and every mapping is closed", arguments: Schemas.all().map(\.name))
    func everyKeyDescribed(_ name: String) throws {
        let schema = try #require(Schemas.all().first { $0.name == name }).schema
        let json = try #require(try JSONSerialization.jsonObject(with: Data(schema.serialized().utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(json["$id"] as? String == "https://samsyn.invalid/schemas/" + name)
        #expect((json["description"] as? String)?.isEmpty == false)
        var problems: [String] = []
        func walk(_ node: Any, _ path: String) {
            if let list = node as? [Any] { for (i, item) in list.enumerated() { walk(item, "\(path)/\(i)") } }
            guard let object = node as? [String: Any] else { return }
            if let properties = object["properties"] as? [String: Any], object["type"] != nil {
                if object["additionalProperties"] as? Bool != false { problems.append("\(path): open mapping") }
                for (key, value) in properties where ((value as? [String: Any])?["description"] as? String)?.isEmpty ?? true {
                    problems.append("\(path)/\(key): no description")
                }
            }
            for (key, value) in object { walk(value, "\(path)/\(key)") }
        }
        walk(json, "")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func vocabulariesComeFromTheSwiftEnums() throws {
        let text = try #require(Schemas.all().first { $0.name == "meeting.schema.json" }).schema.serialized()
        for value in Activity.MeetingType.allCases.map(\.rawValue) + Activity.Method.allCases.map(\.rawValue)
            + Principle.allCases.map(\.rawValue) {
            #expect(text.contains("\"\(value)\""), "\(value)")
        }
    }

    @Test func theAssessmentSchemaFollowsTheProjectsQuestions() throws {
        let config = TestProject.config + """
        assessment:
          scale: { min: 0, max: 10 }
          questions:
            - { id: egen_fraga, text: Hur går det? }

        """
        let questionnaire = try #require(Schemas.questionnaire(of: TestProject.files(config: config)))
        let text = try #require(Schemas.all(questionnaire: questionnaire).last).schema.serialized()
        #expect(text.contains("\"egen_fraga\""))
        #expect(!text.contains("trust_culture"))
        #expect(text.contains("ett heltal från 0 till 10"))
        // Without an assessment block: the six BIP questions.
        #expect(Schemas.questionnaire(of: TestProject.files())?.questions.map(\.id) == Questionnaire.bip.questions.map(\.id))
        // A config with errors gives no questionnaire (the command falls back to BIP and says so).
        #expect(Schemas.questionnaire(of: TestProject.files(config: "project: x\n")) == nil)
    }
}
