/// Where a problem is: a file relative to the project root, and a 1-based line and column.
/// Line 0 means "the file as a whole" (for example a file that is too large to read).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        return (a.line, a.column) < (b.line, b.column)
    }

    /// `file:line:column`, the form editors and CI systems recognise.
    public var description: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }
}

/// One problem found in the input: an error stops the build, a warning is
/// legal-but-probably-wrong input (promoted to an error by `--strict`).
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// One line on how to fix it, when there is something useful to say.
    public var hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The order every report uses: by file, line, column, then errors first, then text.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }
}

/// Collects diagnostics while one step runs. Steps are single-threaded, so a
/// plain reference type keeps call sites short (`problems.error(...)`).
public final class DiagnosticLog {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(.error, location, message, hint: hint))
    }

    public func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(.warning, location, message, hint: hint))
    }

    public func append(contentsOf diagnostics: [Diagnostic]) {
        all.append(contentsOf: diagnostics)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Takes back diagnostics that a more precise one replaces.
    func withdraw(_ superseded: [Diagnostic]) {
        all.removeAll { superseded.contains($0) }
    }

    /// Runs `body` and also returns the diagnostics it logged, so a follow-up
    /// check can stay quiet when the real problem was already reported.
    func noting<T>(_ body: () -> T) -> (T, [Diagnostic]) {
        let before = all.count
        let result = body()
        return (result, Array(all[before...]))
    }
}

extension Array where Element == Diagnostic {
    /// Sorted for reporting, with exact duplicates removed.
    public func sortedForReport() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }.sorted(by: Diagnostic.reportOrder)
    }

    /// `--strict`: every warning becomes an error.
    public func promotingWarnings() -> [Diagnostic] {
        map { var d = $0; d.severity = .error; return d }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
