import Foundation
import Testing

/// The `samsyn` binary end to end: exit codes, output formats, and what build
/// leaves on disk. `.serialized` keeps the two-core CI machine from running
/// many processes at once.
@Suite(.serialized) struct CommandLineTests {
    @Test func checkPassesAValidProject() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        let result = try Samsyn.run(["check", "--root", project.root.path, "--as-of", "2025-06-30"])
        #expect(result.status == 0)
        #expect(result.stderr == "0 errors, 0 warnings in 6 files\n")
    }

    /// Outside git the site says when the data last changed by the newest
    /// of the files the build read, a hidden file left out.
    @Test func aProjectOutsideGitIsDatedByItsNewestFile() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        let fm = FileManager.default
        func setDay(_ path: String, _ day: Int) throws {
            let noon = Calendar.current.date(from: DateComponents(year: 2025, month: 3, day: day, hour: 12))!
            try fm.setAttributes([.modificationDate: noon], ofItemAtPath: project.root.appendingPathComponent(path).path)
        }
        try project.write("content/.notes.yaml", "hidden: yes\n")
        for path in fm.subpaths(atPath: project.root.path) ?? [] where path.hasSuffix(".yaml") { try setDay(path, 3) }
        try setDay("content/meetings/traff-1.yaml", 14)
        try setDay("content/.notes.yaml", 20)
        let result = try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30"])
        #expect(result.status == 0)
        let home = String(decoding: try project.read("site/index.html"), as: UTF8.self)
        #expect(home.contains("ändrades senast 14 mars 2025"))
    }

    @Test func checkReportsEveryProblemWithFileLineAndColumn() throws {
        let project = try ProjectFolder(files: [
            "content/meetings/a.yaml": "title: Möte\ndate: 2024-02-30\nmeeting_type: caseworker\n",
            "content/trainings/b.yaml": "titel: Kurs\ndate: 2024-03-01\nparticipants: [{ organisation: fk, count: 2 }]\n",
        ])
        defer { project.remove() }
        let result = try Samsyn.run(["check", "--as-of", "2025-06-30"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr == """
        content/meetings/a.yaml:2:7: error: 'date': 2024-02-30 is not a real date
            hint: check the month and the day (for example, February has 28 or 29 days)
        content/trainings/b.yaml:1:1: error: unknown key 'titel' in the training
            hint: did you mean 'title'?
        2 errors, 0 warnings in 3 files

        """)
    }

    @Test func githubAndJSONFormats() throws {
        let project = try ProjectFolder(files: ["content/meetings/a.yaml": "title: Möte\ndate: 2024-05-01\nmeeting_type: fika\n"])
        defer { project.remove() }
        let github = try Samsyn.run(["check", "--root", project.root.path, "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stderr.hasPrefix(
            "::error file=content/meetings/a.yaml,line=3,col=15,title=samsyn::'fika' is not a valid value for 'meeting_type' — valid values: team, caseworker, steering-group, workshop, other\n"))

        let json = try Samsyn.run(["check", "--root", project.root.path, "--format", "json"])
        #expect(json.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["file"] as? String == "content/meetings/a.yaml")
        #expect(items.first?["line"] as? Int == 3)
        #expect(items.first?["column"] as? Int == 15)
        #expect(items.first?["severity"] as? String == "error")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let project = try ProjectFolder(files: ["content/meetings/early.yaml": "title: Möte\ndate: 2023-05-01\nmeeting_type: team\n"])
        defer { project.remove() }
        let lenient = try Samsyn.run(["check", "--root", project.root.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("content/meetings/early.yaml:2:7: warning: the date 2023-05-01 is outside the project period"))
        let strict = try Samsyn.run(["check", "--root", project.root.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/meetings/early.yaml:2:7: error: the date 2023-05-01 is outside the project period"))
    }

    @Test("wrong usage exits with 2", arguments: [
        ["check", "--format", "xml"],
        ["build", "--as-of", "2024-02-30"],
        ["export", "--as-of", "yesterday"],
        ["check", "--root", "/no/such/folder"],
        ["schema", "--root", "/no/such/folder"],
        ["frobnicate"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let result = try Samsyn.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("--help explains every command with an example", arguments: ["check", "build", "export", "schema"])
    func help(_ command: String) throws {
        let result = try Samsyn.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--root"))
        #expect(result.stdout.contains("Example"))
    }

    @Test func buildWritesTheDataFilesAndExportPrintsTheSameDocument() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        let build = try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30"])
        #expect(build.status == 0, "\(build.stderr)")
        for name in ["indicators.json", "agreements.csv", "activities.csv", "competence.csv", "assessments.csv"] {
            #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/data/" + name).path))
        }
        let export = try Samsyn.run(["export", "--root", project.root.path, "--as-of", "2025-06-30"])
        #expect(export.status == 0)
        #expect(Data(export.stdout.utf8) == (try project.read("site/data/indicators.json")))
        #expect(export.stdout.contains("\"participant_hours\": 45"))   // 7.5 h × 6 attendances
    }

    /// Package.swift links mimalloc where its header is installed (as
    /// scripts/install-build-deps does); the program must then run on it,
    /// and say so, and elsewhere say that it runs on the C library's malloc.
    @Test func verboseBuildNamesTheAllocatorItRunsOn() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        let result = try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30", "--verbose"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #if os(Linux)
        let installed = ["/usr/include/mimalloc.h", "/usr/local/include/mimalloc.h"]
            .contains { FileManager.default.fileExists(atPath: $0) }
        #else
        let installed = false
        #endif
        if installed {
            // A failure here after installing libmimalloc-dev on a machine that had
            // built Samsyn before: SwiftPM keeps the manifest's answer; run
            // `swift package purge-cache` and build again.
            #expect(first.range(of: #"^  \[\d+ ms\] memory allocator: mimalloc \d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(first)")
        } else {
            #expect(first.hasSuffix("] memory allocator: the system's malloc"), "\(first)")
        }
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        let first = project.root.appendingPathComponent("out1"), second = project.root.appendingPathComponent("out2")
        #expect(try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30", "--output", first.path]).status == 0)
        #expect(try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30", "--output", second.path]).status == 0)
        for name in [".samsyn-manifest", "data/indicators.json", "data/agreements.csv", "data/activities.csv",
                     "data/competence.csv", "data/assessments.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two builds")
        }
    }

    @Test func aFailedBuildLeavesThePreviousSiteAsItWas() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        #expect(try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30"]).status == 0)
        let before = try project.read("site/data/indicators.json")

        try project.write("content/meetings/broken.yaml", "title: Trasig\ndate: 2024-13-01\nmeeting_type: team\n")
        let failed = try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-07-31"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/meetings/broken.yaml:2:7: error:"))
        #expect(failed.stderr.contains("The site was not built; the previous site (if any) is unchanged."))
        #expect(try project.read("site/data/indicators.json") == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted()
        #expect(siblings == [".site.samsyn-stamps", "config", "content", "site"])
    }

    @Test func buildRefusesAFolderItDidNotCreate() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        try project.write("public/index.html", "<p>mine</p>")
        let result = try Samsyn.run(["build", "--root", project.root.path, "--output", project.root.appendingPathComponent("public").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("holds files that Samsyn did not create"))
        #expect(String(decoding: try project.read("public/index.html"), as: UTF8.self) == "<p>mine</p>")
    }

    @Test func schemaWritesItsSixFilesAndNothingElse() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        try project.write("schemas/mine.json", "{}")
        try project.write("schemas/site.schema.json", "old")
        let result = try Samsyn.run(["schema", "--root", project.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Wrote 6 schemas to "))
        let files = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("schemas").path)
        #expect(files.sorted() == ["agreement.schema.json", "assessment.schema.json", "meeting.schema.json", "mine.json",
                                   "site.schema.json", "theme-day.schema.json", "training.schema.json"])
        #expect(String(decoding: try project.read("schemas/mine.json"), as: UTF8.self) == "{}")
        #expect(String(decoding: try project.read("schemas/site.schema.json"), as: UTF8.self).hasPrefix("{\n  \"$schema\""))

        // --output names another folder, created with its parents when needed.
        let elsewhere = project.root.appendingPathComponent("editor/json").path
        let other = try Samsyn.run(["schema", "--root", project.root.path, "--output", elsewhere])
        #expect(other.status == 0)
        #expect(try project.read("editor/json/training.schema.json") == project.read("schemas/training.schema.json"))
    }

    @Test func personalIdentityNumberStopsTheBuild() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        try project.write("content/meetings/traff-2.yaml", "title: Handläggarträff\ndate: 2024-06-10\nmeeting_type: caseworker\nnotes: gäller 811218-9876\n")
        let result = try Samsyn.run(["build", "--root", project.root.path, "--as-of", "2025-06-30"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/meetings/traff-2.yaml:4:15: error: this looks like a personal identity number"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site").path))
    }
}
