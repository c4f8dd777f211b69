import Foundation

/// What validation found in each record file, kept from one build to the next
/// by `samsyn serve`: a file whose text is the same, read against the same
/// config/site.yaml and as-of date, gives the same records and diagnostics,
/// so it is not read again. Cross-file checks (unique ids) always run.
public final class RecordCache: @unchecked Sendable {
    /// What one file gave: from the cache, or from a build's reading of
    /// the file right after parsing it (`Validator.recordCheck`, handed
    /// through the loader as `any Sendable` and cast back once per file).
    enum Found: Sendable {
        case agreements([(Agreement, SourceLocation)], [Diagnostic])
        case activities([(Activity, SourceLocation)], [Diagnostic])
        case assessments([(SelfAssessment, SourceLocation)], [Diagnostic])
        case personalNumbers([PersonalNumbers.Hit])
    }

    struct Entry {
        /// The file's text (its UTF-8 bytes).
        var text: [UInt8]
        /// The number of everything besides the file that the result depends on (`context(for:)`).
        var context: Int
        var found: Found
    }

    /// By path: what each record file gave.
    let files = SnapshotCache<Entry>()
    /// By path: what the personal-number search found in each file's text.
    let personalNumbers = SnapshotCache<Entry>()

    /// The context (config text and as-of date) of the last validation, and its number (under `lock`).
    private let lock = NSLock()
    private var lastContext = ""
    private var lastNumber = 0

    public init() {}

    /// A number that stays the same while `context` does: entries compare it
    /// instead of the config's whole text, once per file.
    func number(for context: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if lastNumber == 0 || context != lastContext {
            lastContext = context
            lastNumber += 1
        }
        return lastNumber
    }

    /// The context of what depends on the file alone (the personal-number search).
    static let fileOnly = 0
}

extension [String: RecordCache.Entry] {
    /// What a file gave last time, if its text and context are the same.
    func found(_ key: String, text: [UInt8], context: Int) -> RecordCache.Found? {
        guard let entry = self[key], entry.context == context, entry.text == text else { return nil }
        return entry.found
    }
}

/// Everything `samsyn serve` keeps between builds: parsed files and what
/// validation found in them. A one-shot build uses none.
public final class BuildCache: Sendable {
    public let files = LoadCache()
    public let records = RecordCache()
    /// The last check's project and diagnostics, when it found no error (see `SavedFiles`).
    let last = Locked<SavedFiles.LastCheck?>(nil)

    public init() {}
}
