import Foundation
@testable import SamsynCore

/// Small in-memory projects for tests that need no disk.
enum TestProject {
    static let config = """
    project:
      name: Testprojektet
      start: 2024-01-01
      end: 2025-12-31
    organisations:
      - { id: fk, name: Försäkringskassan, training_target: 10 }
      - { id: kommunen, name: Exempelby kommun }
    subprojects:
      - { id: alfa, name: Delprojekt Alfa, partners: [fk, kommunen] }

    """

    static func files(_ records: [String: String] = [:], config: String = TestProject.config) -> MemoryFiles {
        var all = records
        all["config/site.yaml"] = config
        return MemoryFiles(all)
    }

    /// The test config on disk, at `root`, with an empty content/meetings/.
    static func writeOnDisk(at root: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try config.write(to: root.appendingPathComponent("config/site.yaml"), atomically: true, encoding: .utf8)
    }

    static func run(_ records: [String: String] = [:], config: String = TestProject.config,
                    asOf: String = "2025-06-30") -> Pipeline.Outcome {
        Pipeline(files: files(records, config: config)).run(asOf: Day.t(asOf))
    }
}

extension Pipeline.Outcome {
    /// "file:line:column: severity: message" lines, for compact assertions.
    var lines: [String] {
        diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }
}
