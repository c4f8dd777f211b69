import ArgumentParser
import Foundation
import SamsynCore

extension RecordTemplate.Kind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new record file from a template, ready to fill in.",
        discussion: """
        Every key is in the file with a short comment; the date defaults to today and the subproject to
        the first one in config/site.yaml. An existing file is never overwritten. Prints the new file's path.
        Examples:
          samsyn new training
          samsyn new agreement --id vsb-fyrpartsmoten
          samsyn new assessment --date 2025-06-15
        """
    )

    @Argument(help: ArgumentHelp("What to add: agreement, training, theme-day, meeting or assessment. Example: training", valueName: "KIND"))
    var kind: RecordTemplate.Kind

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The record's id, also its file name; default KIND-DATE. Example: --id mi-grundkurs-2025", valueName: "ID"))
    var id: String?

    @Option(help: ArgumentHelp("The record's date (YYYY-MM-DD); default today. Example: --date 2025-09-12", valueName: "DATE"))
    var date: String?

    func validate() throws {
        try project.validateRoot()
        if let date, Day(iso: date) == nil { throw ValidationError("--date \(date): expected a real date written YYYY-MM-DD") }
        if let id, !(id.range(of: "^[a-z0-9][a-z0-9-]{0,63}$", options: .regularExpression) != nil) {
            throw ValidationError("--id \(id): use 1–64 lower-case letters a–z, digits and '-', starting with a letter or digit")
        }
    }

    func run() throws {
        let root = project.rootURL
        let loaded = Loader(files: DiskFiles(root: root)).load()
        let (config, diagnostics) = Validator.config(loaded)
        guard let config else {
            Report.print(diagnostics, fileCount: 1, format: .text)
            Report.line("Fix config/site.yaml first: the template takes its organisations and subprojects from it.")
            throw ExitCode(1)
        }
        let day = date.flatMap { Day(iso: $0) } ?? Clock.today()
        let folder = root.appendingPathComponent("content").appendingPathComponent(kind.folder)
        let recordID = id ?? RecordTemplate.freeID(kind, date: day, taken: takenIDs(in: folder))
        let relative = "content/\(kind.folder)/\(recordID).yaml"
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = RecordTemplate.text(kind, id: recordID, date: day, config: config)
        guard NewFile.create(folder.appendingPathComponent(recordID + ".yaml").path, contents: text) else {
            Report.line("error: \(relative) already exists; Samsyn never overwrites a file. Choose another --id.")
            throw ExitCode(1)
        }
        print(relative)
    }

    /// Ids in use: file names, and `id:` lines in list files.
    func takenIDs(in folder: URL) -> Set<String> {
        var ids = Set<String>()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            ids.insert((name as NSString).deletingPathExtension)
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                if trimmed.hasPrefix("id:") { ids.insert(trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)) }
            }
        }
        return ids
    }
}

/// Creating a file that must not exist yet, in one step (O_EXCL), so that a
/// file appearing meanwhile is never overwritten either.
enum NewFile {
    static func create(_ path: String, contents: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }
}
