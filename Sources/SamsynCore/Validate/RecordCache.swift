import Foundation

/// What validation found in each record file, kept from one build to the next
/// by `samsyn serve`: a file whose text is the same, read against the same
/// config/site.yaml and as-of date, gives the same records and diagnostics,
/// so it is not read again. Cross-file checks (unique ids) always run.
public final class RecordCache: @unchecked Sendable {
    private struct Entry {
        var text: String
        var context: String
        var value: Any
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// `context` names everything besides the file that the result depends on.
    func value<V>(for path: String, text: String, context: String, as type: V.Type) -> V? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path], entry.context == context, entry.text == text else { return nil }
        return entry.value as? V
    }

    func store<V>(_ value: V, for path: String, text: String, context: String) {
        lock.lock()
        entries[path] = Entry(text: text, context: context, value: value)
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
