/// The kinds of record file under `content/`, by folder.
public enum RecordKind: String, CaseIterable, Sendable {
    case agreements, trainings, themeDays = "theme-days", meetings, assessments

    public var folder: String { "content/" + rawValue }
}

/// One YAML file, read and parsed: its text (for the personal-number scan)
/// and its node tree, where every value keeps its line and column.
public struct SourceFile: Sendable {
    public var path: String
    public var text: String
    /// Nil for an empty file (or one holding only comments).
    public var root: YAMLNode?
}

/// What the load step hands to validation: parsed files, plus the problems
/// that stopped a file from being parsed at all.
public struct LoadedProject {
    public var config: SourceFile?
    public var records: [RecordKind: [SourceFile]]
    public var diagnostics: [Diagnostic]
    /// The text of every file that could be decoded, parsed or not: the
    /// personal-number search covers files with YAML errors too.
    public var texts: [(path: String, text: String)] = []
    /// How many files were looked at (for the summary line).
    public var fileCount: Int
}

/// Step 1 of the pipeline: find the project's files, read them safely and parse
/// the YAML. It knows nothing of what the records mean.
public struct Loader: Sendable {
    /// Larger files are refused before they are read. A record is a few dozen
    /// lines; a megabyte of YAML is a mistake or an attack.
    public static let maxFileBytes = 1_048_576
    /// With aliases expanded, a file may hold at most this many values: a
    /// "billion laughs" file is refused instead of exhausting memory and time.
    public static let maxExpandedValues = 100_000

    public static let configPath = "config/site.yaml"

    let files: any FileAccess

    public init(files: any FileAccess) {
        self.files = files
    }

    public func load() -> LoadedProject {
        var diagnostics: [Diagnostic] = []
        var jobs: [(path: String, kind: RecordKind?)] = []

        if files.fileExists(Loader.configPath) {
            jobs.append((Loader.configPath, nil))
        } else {
            diagnostics.append(Diagnostic(.error, SourceLocation(file: Loader.configPath),
                                          "the project has no config/site.yaml",
                                          hint: "run samsyn in the project folder, or give --root DIR; the file holds project:, organisations: and subprojects:"))
        }
        var fileCount = jobs.count
        let known = RecordKind.allCases.map(\.folder)
        for entry in files.files(under: "content") ?? [] {
            guard isYAML(entry.path) else { continue }
            fileCount += 1
            guard let kind = RecordKind.allCases.first(where: { entry.path.hasPrefix($0.folder + "/") }) else {
                let folder = entry.path.split(separator: "/").dropLast().joined(separator: "/")
                diagnostics.append(Diagnostic(.error, SourceLocation(file: entry.path),
                                              "'\(folder)' is not a content folder, so this file would be ignored",
                                              hint: suggestion(for: folder, among: known).map { "did you mean '\($0)'?" }
                                                  ?? "content folders: " + known.joined(separator: ", ")))
                continue
            }
            if entry.linksOutsideRoot {
                diagnostics.append(linkOutside(entry.path))
                continue
            }
            jobs.append((entry.path, kind))
        }

        // Reading and parsing is most of the work; files are independent, so
        // they are spread over the cores and gathered back in path order.
        let results = Parallel.map(jobs) { read($0.path) }
        var config: SourceFile?
        var records: [RecordKind: [SourceFile]] = [:]
        var texts: [(path: String, text: String)] = []
        for (job, result) in zip(jobs, results) {
            diagnostics += result.diagnostics
            if let text = result.text { texts.append((job.path, text)) }
            guard let source = result.source else { continue }
            if let kind = job.kind { records[kind, default: []].append(source) } else { config = source }
        }
        return LoadedProject(config: config, records: records, diagnostics: diagnostics, texts: texts, fileCount: fileCount)
    }

    private func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    private func linkOutside(_ path: String) -> Diagnostic {
        Diagnostic(.error, SourceLocation(file: path), "this is a link to a file outside the project folder; it is not read",
                   hint: "copy the file into the project instead of linking to it")
    }

    /// One file's outcome: the parsed file, its text (kept even when the YAML
    /// is broken, for the personal-number search), and what went wrong.
    struct FileResult {
        var source: SourceFile?
        var text: String?
        var diagnostics: [Diagnostic] = []
    }

    /// Reads, decodes and parses one file.
    func read(_ path: String) -> FileResult {
        var result = FileResult()
        let source = parse(path, into: &result)
        result.source = source
        return result
    }

    private func parse(_ path: String, into result: inout FileResult) -> SourceFile? {
        let here = SourceLocation(file: path)
        if let size = files.size(of: path), size > Loader.maxFileBytes {
            result.diagnostics.append(Diagnostic(.error, here, "the file is \(size) bytes; the limit is \(Loader.maxFileBytes) bytes (1 MiB)",
                                          hint: "split it into several files, one record each"))
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try files.read(path)
        } catch FileAccessError.linksOutsideRoot {
            result.diagnostics.append(linkOutside(path))
            return nil
        } catch {
            result.diagnostics.append(Diagnostic(.error, here, "the file cannot be read: \(error)"))
            return nil
        }
        guard bytes.count <= Loader.maxFileBytes else {
            result.diagnostics.append(Diagnostic(.error, here, "the file is larger than \(Loader.maxFileBytes) bytes (1 MiB)",
                                          hint: "split it into several files, one record each"))
            return nil
        }
        guard let text = TextDecoding.utf8(bytes) else {
            let line = TextDecoding.lineOfFirstInvalidByte(bytes)
            result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: line, column: 1),
                                          "the file is not valid UTF-8",
                                          hint: "save it as UTF-8 (in most editors: Save with encoding → UTF-8)"))
            return nil
        }
        result.text = text
        do {
            let root = try YAMLComposer.compose(text, maxValues: Loader.maxExpandedValues)
            return SourceFile(path: path, text: text, root: root)
        } catch {
            result.diagnostics.append(YAMLErrorTranslation.diagnostic(for: error, file: path, text: text))
            return nil
        }
    }
}

enum TextDecoding {
    /// UTF-8 text with a leading byte-order mark removed; nil when the bytes are not UTF-8.
    static func utf8(_ bytes: [UInt8]) -> String? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        return String(validating: body, as: UTF8.self)
    }

    /// 1-based line of the first byte that is not valid UTF-8.
    static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int {
        var line = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1 }
        }
        return line
    }
}
