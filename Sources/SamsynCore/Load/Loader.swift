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
        switch AliasKeyGuard.check(text) {
        case .safe:
            break
        case let .aliasInKey(line, column):
            result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: line, column: column),
                                          "a YAML alias (*name) cannot be used in a key here; the file is refused",
                                          hint: "write keys out as plain words; aliases may only stand for values"))
            return nil
        case let .invalid(error, standIn):
            result.diagnostics.append(YAMLErrorTranslation.diagnostic(for: error, file: path, text: text, standIn: standIn))
            return nil
        case .unchecked:
            result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1),
                                          "the file uses YAML aliases (*name) and every private-use character, so Samsyn cannot check where its aliases are; the file is refused",
                                          hint: "write the values out instead of repeating them with YAML anchors (&) and aliases (*)"))
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
/// would hang (an alias bomb that `ExpansionBudget` never gets to count). Keys
/// in Samsyn's files are always plain words, so a file with an alias anywhere
/// inside a key is refused before it is composed.
///
/// Where the aliases are is left to YAML itself rather than guessed from the
/// text (line breaks, flow mappings without ':', tabs and nested keys all
/// defeat a guess): the file is first composed with every '*' replaced by a
/// private-use character that does not occur in it. Each alias then becomes a
/// plain scalar starting with that character, at the same line and column (a
/// plain scalar may start wherever an alias may, and libyaml counts columns in
/// characters), nothing can expand, and the rest of the structure is the same.
/// A key holding such a scalar held an alias.
enum AliasKeyGuard {
    enum Outcome {
        /// No alias in a key: the file may be composed as it is.
        case safe
        /// Where the first alias inside a key is.
        case aliasInKey(line: Int, column: Int)
        /// The stand-in text is not valid YAML, so neither is the file; the
        /// error is reported as it is (the file itself is never composed,
        /// since a mapping closed before the error may have an alias bomb in a key).
        case invalid(YamlError, standIn: Unicode.Scalar)
        /// The file holds every private-use character: there is no stand-in.
        case unchecked
    }

    static func check(_ text: String) -> Outcome {
        guard text.unicodeScalars.contains("*") else { return .safe }
        guard let standIn = unusedPrivateUseScalar(in: text) else { return .unchecked }
        var replaced = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { replaced.append(scalar == "*" ? standIn : scalar) }
        do {
            guard let root = try Yams.compose(yaml: String(replaced), .basic, .default, .utf8) else { return .safe }
            if let mark = firstAliasInAKey(root, standIn: standIn) {
                return .aliasInKey(line: mark.line, column: mark.column)
            }
            return .safe
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context)
            where duplicates.contains(where: { $0.unicodeScalars.first == standIn }) {
            // Two aliases to the same anchor used as keys of one mapping.
            return .aliasInKey(line: context.mark.line, column: context.mark.column)
        } catch let error as YamlError {
            return .invalid(error, standIn: standIn)
        } catch {
            return .unchecked
        }
    }

    /// A character of a private-use area that the text does not contain.
    private static func unusedPrivateUseScalar(in text: String) -> Unicode.Scalar? {
        let used = Set(text.unicodeScalars.filter { $0.properties.generalCategory == .privateUse })
        let candidates = [0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD].joined()
        return candidates.lazy.compactMap(Unicode.Scalar.init).first { !used.contains($0) }
    }

    /// Every mapping key in the tree (at any depth) is searched for a former alias.
    private static func firstAliasInAKey(_ node: Node, standIn: Unicode.Scalar) -> Mark? {
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let mark = firstAliasInAKey(item, standIn: standIn) { return mark }
            }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let mark = firstFormerAlias(key, standIn: standIn) ?? firstAliasInAKey(value, standIn: standIn) {
                    return mark
                }
            }
            return nil
        }
    }

    /// The first plain scalar in the subtree that starts with the stand-in.
    private static func firstFormerAlias(_ node: Node, standIn: Unicode.Scalar) -> Mark? {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain && scalar.string.unicodeScalars.first == standIn ? scalar.mark : nil
        case .alias:
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let mark = firstFormerAlias(item, standIn: standIn) { return mark }
            }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let mark = firstFormerAlias(key, standIn: standIn) ?? firstFormerAlias(value, standIn: standIn) {
                    return mark
                }
            }
            return nil
        }
    }
}
