import Foundation

/// What validation found in each record file, kept from one build to the next
/// by `samsyn serve`: a file whose text is the same, read against the same
/// config/site.yaml and as-of date, gives the same records and diagnostics,
/// so it is not read again. Cross-file checks (unique ids) always run.
public final class RecordCache: Sendable {
    /// What one file gave (typed, so that taking it back needs no dynamic cast).
    enum Found {
        case agreements([(Agreement, SourceLocation)], [Diagnostic])
        case activities([(Activity, SourceLocation)], [Diagnostic])
        case assessments([(SelfAssessment, SourceLocation)], [Diagnostic])
        case personalNumbers([PersonalNumbers.Hit])
    }

    struct Entry {
        var text: String
        /// Everything besides the file that the result depends on.
        var context: String
        var found: Found
    }

    let files = SnapshotCache<Entry>()

    public init() {}
}

extension [String: RecordCache.Entry] {
    /// What a file gave last time, if its text and context are the same.
    func found(_ key: String, text: String, context: String) -> RecordCache.Found? {
        guard let entry = self[key], entry.context == context, entry.text == text else { return nil }
        return entry.found
    }
}

/// Everything `samsyn serve` keeps between builds: parsed files and what
/// validation found in them. A one-shot build uses none.
public final class BuildCache: Sendable {
    public let files = LoadCache()
    public let records = RecordCache()

    public init() {}
}
