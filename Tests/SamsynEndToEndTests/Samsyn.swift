import Foundation

/// Runs the built `samsyn` binary, as a user or CI would.
struct Samsyn {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary SwiftPM built next to this test bundle.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("samsyn")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("samsyn binary not found near \(Bundle.main.bundleURL.path); run swift build first")
    }()

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A small project in a temporary folder.
struct ProjectFolder {
    let root: URL

    static let config = """
    project:
      name: Testprojektet
      reference: 99-001-T01
      start: 2024-01-01
      end: 2025-12-31
    organisations:
      - { id: fk, name: Försäkringskassan, training_target: 10 }
      - { id: kommunen, name: Exempelby kommun, training_target: 4 }
    subprojects:
      - { id: alfa, name: Delprojekt Alfa, partners: [fk, kommunen] }

    """

    init(files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-e2e-\(UUID().uuidString)")
        var all = files
        if all["config/site.yaml"] == nil { all["config/site.yaml"] = ProjectFolder.config }
        for (path, text) in all { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A valid project with one record of each kind.
    static func valid() throws -> ProjectFolder {
        try ProjectFolder(files: [
            "content/agreements/samverkan.yaml": """
            title: Samverkansöverenskommelse om parallella insatser
            parties: [fk, kommunen]
            status: signed
            signed: 2024-02-01
            valid_until: 2025-12-31
            independent_of_individuals: true

            """,
            "content/trainings/mi-2024.yaml": """
            title: "Motiverande samtal; grundkurs"
            date: 2024-03-12
            hours: 7.5
            methods: [motivational-interviewing]
            participants:
              - { organisation: fk, women: 3, men: 1 }
              - { organisation: kommunen, count: 2 }

            """,
            "content/theme-days/jamstalldhet.yaml": """
            title: Temadag om jämställdhet
            date: 2024-10-03
            principles: [gender-equality]
            participants: [{ organisation: kommunen, count: 5 }]

            """,
            "content/meetings/traff-1.yaml": """
            title: Handläggarträff
            date: 2024-04-10
            meeting_type: caseworker

            """,
            "content/assessments/alfa-2024.yaml": """
            subproject: alfa
            date: 2024-05-01
            responses:
              - { trust_culture: 3, work_focus: 4, parallel_services: 2, no_breaks: 3, continuity: 4, progression_focus: 3 }
              - { trust_culture: 4, work_focus: 4 }

            """,
        ])
    }
}
