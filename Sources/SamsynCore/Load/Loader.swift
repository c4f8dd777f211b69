import Yams

/// The kinds of record file under `content/`, by folder.
public enum RecordKind: String, CaseIterable, Sendable {
    case agreements, trainings, themeDays = "theme-days", meetings, assessments

    public var folder: String { "content/" + rawValue }
}

/// One YAML file, read and parsed: its text (for the personal-number scan)
/// and its node tree, where every value keeps its line and column.
public struct SourceFile {
    public var path: String
    public var text: String
    /// Nil for an empty file (or one holding only comments).
    public var root: Node?
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
        if let problem = AliasKeyGuard.problem(in: text) {
            result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: problem.line, column: problem.column),
                                          "a YAML alias (*name) cannot be used in a key here; the file is refused",
                                          hint: "write keys out as plain words; aliases may only stand for values"))
            return nil
        }
        do {
            // The basic resolver: Samsyn reads every scalar's text and style itself, and
            // the default one runs regular expressions on each key as Yams hashes it.
            let root = try Yams.compose(yaml: text, .basic, .default, .utf8)
            if let root, let problem = ExpansionBudget.check(root, limit: Loader.maxExpandedValues) {
                result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), problem,
                                              hint: "write the values out instead of repeating them with YAML anchors (&) and aliases (*)"))
                return nil
            }
            return SourceFile(path: path, text: text, root: root)
        } catch let error as YamlError {
            result.diagnostics.append(YAMLErrorTranslation.diagnostic(for: error, file: path, text: text))
            return nil
        } catch {
            result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), "the YAML cannot be read: \(error)"))
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

/// Counts the values of a parsed tree with aliases expanded, stopping as soon
/// as the limit is passed (so the count itself can never explode).
enum ExpansionBudget {
    static func check(_ root: Node, limit: Int) -> String? {
        var remaining = limit
        return visit(root, &remaining)
            ? nil
            : "the file expands to more than \(limit) values (YAML aliases repeat data); it is refused"
    }

    private static func visit(_ node: Node, _ remaining: inout Int) -> Bool {
        remaining -= 1
        guard remaining >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let sequence):
            for item in sequence where !visit(item, &remaining) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping where !visit(key, &remaining) || !visit(value, &remaining) { return false }
            return true
        }
    }
}

/// Yams checks every mapping for duplicate keys by hashing the keys, and an
/// alias used as a key can stand for a tree of billions of values: hashing it
/// would hang. Keys in Samsyn's files are always plain words, so when a file
/// uses aliases at all, anything that could put one into a key — an alias
/// followed by ':', an explicit '?' key, or a bracketed key — is refused before
/// parsing. The check is on the text and errs on the side of refusing.
enum AliasKeyGuard {
    static func problem(in text: String) -> (line: Int, column: Int)? {
        // No "*", no alias: the common case costs one scan of the bytes.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard lines.contains(where: { line in line.indices.contains { isAliasStart(line, $0) } }) else { return nil }
        for (number, line) in lines.enumerated() {
            for index in line.indices {
                let c = line[index]
                if isAliasStart(line, index) {
                    var end = index + 1
                    while end < line.count, isAnchorCharacter(line[end]) { end += 1 }
                    if colonFollows(line, from: end) { return (number + 1, index + 1) }
                } else if c == "?", atTokenStart(line, index), index + 1 == line.count || line[index + 1] == " " {
                    return (number + 1, index + 1)
                } else if c == "]" || c == "}", colonFollows(line, from: index + 1) {
                    return (number + 1, index + 1)
                }
            }
        }
        return nil
    }

    private static func isAnchorCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    private static func atTokenStart(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        index == 0 || [" ", "\t", "[", "{", ",", "-", ":"].contains(line[index - 1])
    }

    private static func isAliasStart(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        line[index] == "*" && atTokenStart(line, index) && index + 1 < line.count && isAnchorCharacter(line[index + 1])
    }

    /// Whether `:` follows (after spaces) as a key indicator: then a space, a flow
    /// indicator or the end of the line.
    private static func colonFollows(_ line: [Unicode.Scalar], from start: Int) -> Bool {
        var i = start
        while i < line.count, line[i] == " " { i += 1 }
        guard i < line.count, line[i] == ":" else { return false }
        return i + 1 == line.count || [" ", ",", "]", "}"].contains(line[i + 1])
    }
}
