import ArgumentParser
import Foundation
import SamsynCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new project folder: config with placeholders, content folders, CI workflows and a README.",
        discussion: """
        The new project passes `samsyn check` at once; replace the placeholders in config/site.yaml next.
        Nothing that already exists is overwritten: if any of the files is there, nothing is written.
        Examples:
          samsyn init lumena
          samsyn init . --name "Lumena"
        """
    )

    @Argument(help: ArgumentHelp("The folder to create the project in (created if missing). Example: lumena", valueName: "DIR"))
    var folder: String

    @Option(help: ArgumentHelp("The project's name; default the folder's name. Example: --name \"IRIS 2\"", valueName: "NAME"))
    var name: String?

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let projectName = name ?? root.lastPathComponent
        let files = ProjectTemplate.files(name: projectName, today: Clock.today())
        let existing = files.keys.sorted().filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        guard existing.isEmpty else {
            Report.line("error: \(root.path) already has \(existing.prefix(5).joined(separator: ", "))\(existing.count > 5 ? ", …" : ""); nothing was written")
            throw ExitCode(1)
        }
        for path in files.keys.sorted() {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard NewFile.create(url.path, contents: files[path]!) else {
                Report.line("error: \(path) appeared while writing; stopped")
                throw ExitCode(1)
            }
        }
        print("Created \(files.count) files in \(root.path). Next:")
        print("  cd \(folder)")
        print("  samsyn check            # passes as it is")
        print("  edit config/site.yaml   # your project, organisations and subprojects")
        print("  samsyn new agreement    # your first record")
        print("  samsyn serve            # preview on http://127.0.0.1:8000")
    }
}
