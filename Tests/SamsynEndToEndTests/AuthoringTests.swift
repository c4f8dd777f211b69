import Foundation
import Testing

/// `samsyn init` and `samsyn new`: what they write, that it passes check,
/// and that they never overwrite anything.
@Suite(.serialized) struct AuthoringTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-init-\(UUID().uuidString)")
    }

    @Test func initWritesAProjectThatPassesCheckAndNeverOverwrites() throws {
        let base = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("lumena")
        let created = try Samsyn.run(["init", root.path, "--name", "Lumena"])
        #expect(created.status == 0, "\(created.stderr)")
        for path in ["config/site.yaml", ".gitignore", "README.md", ".github/workflows/pages.yml", ".gitlab-ci.yml",
                     "content/agreements/.gitkeep", "content/assessments/.gitkeep", "schemas/site.schema.json",
                     "schemas/assessment.schema.json"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path)")
        }
        let config = try String(contentsOf: root.appendingPathComponent("config/site.yaml"), encoding: .utf8)
        #expect(config.hasPrefix("# yaml-language-server: $schema=../schemas/site.schema.json\n"))
        #expect(config.contains("  name: Lumena"))
        let check = try Samsyn.run(["check", "--root", root.path])
        #expect(check.status == 0)
        #expect(check.stderr.hasSuffix("0 errors, 0 warnings in 1 file\n"))

        // Three builds leave the site and the spare beside it (the site they replaced); git ignores both.
        for output in ["site", "site", "site", "public", "public"] {
            #expect(try Samsyn.run(["build", "--root", root.path, "--output", root.appendingPathComponent(output).path]).status == 0)
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".site.samsyn-previous/index.html").path))
        let status = try git(["init", "-q"], in: root) + git(["status", "--porcelain", "--untracked-files=all"], in: root)
        let outputs = status.split(separator: "\n").filter { ["?? site/", "?? .site.", "?? public/", "?? .public."].contains(where: $0.hasPrefix) }
        #expect(outputs.isEmpty, "\(status)")
        #expect(status.contains("config/site.yaml"))

        // A second init writes nothing and says why.
        try "mine".write(to: root.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let again = try Samsyn.run(["init", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("nothing was written"))
        #expect(try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8) == "mine")
    }

    /// What git prints, run in `folder`.
    func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func newWritesEveryKindOfRecordAndNeverOverwrites() throws {
        let base = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(try Samsyn.run(["init", base.path, "--name", "Test"]).status == 0)
        // init starts the project today, and new dates records today: both read the clock.
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let today = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        for kind in ["agreement", "training", "theme-day", "meeting", "assessment"] {
            let result = try Samsyn.run(["new", kind, "--root", base.path])
            let folder = kind == "theme-day" ? "theme-days" : kind + "s"
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            #expect(result.stdout == "content/\(folder)/\(kind)-\(today).yaml\n")
            let text = try String(contentsOf: base.appendingPathComponent("content/\(folder)/\(kind)-\(today).yaml"), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../../schemas/\(kind).schema.json\nid: \(kind)-\(today)\n"))
        }
        // The templates are valid as written, except where only the user can know: the agreement's
        // second party (this project has one organisation) and the scores (nothing is invented).
        let check = try Samsyn.run(["check", "--root", base.path])
        #expect(check.stderr.contains("content/agreements/agreement-\(today).yaml:4:10: error: an agreement needs at least two different parties"))
        #expect(check.stderr.contains("content/assessments/assessment-\(today).yaml:6:3: error: 'trust_culture' has no score"))
        #expect(check.stderr.contains("content/trainings/training-\(today).yaml:2:1: warning: the training has been held but lists no participants"))
        #expect(check.stderr.hasSuffix("7 errors, 2 warnings in 6 files\n"))

        // The next free id, and no overwriting with an explicit one.
        #expect(try Samsyn.run(["new", "training", "--root", base.path]).stdout == "content/trainings/training-\(today)-2.yaml\n")
        let clash = try Samsyn.run(["new", "training", "--root", base.path, "--id", "training-\(today)"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("already exists; Samsyn never overwrites a file"))
    }

    @Test func newNeedsAValidConfig() throws {
        let project = try ProjectFolder(files: ["config/site.yaml": "project: { name: X }\norganisations: []\n"])
        defer { project.remove() }
        let result = try Samsyn.run(["new", "meeting", "--root", project.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Fix config/site.yaml first"))
    }
}
