import Foundation

/// What validation found in each record file, kept from one build to the next
/// by `samsyn serve`: a file whose text is the same, read against the same
/// config/site.yaml and as-of date, gives the same records and diagnostics,
/// so it is not read again. Cross-file checks (unique ids) always run.
public final class RecordCache: @unchecked Sendable {
    /// What one file gave (typed, so that taking it back needs no dynamic cast).
    enum Found {
        case agreements([(Agreement, SourceLocation)], [Diagnostic])
        case activities([(Activity, SourceLocation)], [Diagnostic])
        case assessments([(SelfAssessment, SourceLocation)], [Diagnostic])
        case personalNumbers([PersonalNumbers.Hit])
    }

    private struct Entry {
        var text: String
        var context: String
        var found: Found
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// `context` names everything besides the file that the result depends on.
    func found(for path: String, text: String, context: String) -> Found? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path], entry.context == context, entry.text == text else { return nil }
        return entry.found
    }

    func store(_ found: Found, for path: String, text: String, context: String) {
        lock.lock()
        entries[path] = Entry(text: text, context: context, found: found)
        lock.unlock()
    }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        lock.unlock()
    }
}

/// Everything `samsyn serve` keeps between builds: parsed files and what
/// validation found in them. A one-shot build uses none.
public final class BuildCache: Sendable {
    public let files = LoadCache()
    public let records = RecordCache()

    public init() {}
}
