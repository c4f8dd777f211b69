import Foundation
@testable import SamsynCore

/// Test fixtures live beside the tests in the source tree (not in the example
/// project), one small project per folder.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    /// The sub-folders of a fixture folder, sorted.
    static func cases(in relative: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }
}

extension Day {
    /// A day for tests, written as in the YAML.
    static func t(_ iso: String) -> Day { Day(iso: iso)! }
}
