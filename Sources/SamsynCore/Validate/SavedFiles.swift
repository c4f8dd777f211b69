/// Steps 1 and 2 for one save in `samsyn serve`: when the watcher names the
/// files that changed and they are record files that were, and still are,
/// part of a project without errors, only those files are read and checked
/// again, and their records take the place of the ones they held before.
///
/// Why: every other file would give exactly what it gave last time, yet
/// going through ten thousand of them — a cache look-up, a copy and a
/// gather each — took some 50 ms of a save's 120. The answer must be the
/// one a full check gives, so anything this cannot settle alone — a file
/// added, removed or moved, an id changed, an error, a personal number,
/// the config — returns nil and the full check runs (tested against it).
struct SavedFiles {
    /// What the last check of the project found, when it found no error.
    struct LastCheck: Sendable {
        var asOf: Day
        var project: Project
        var diagnostics: [Diagnostic]
        var fileCount: Int
    }

    let files: any FileAccess
    let cache: BuildCache

    func check(_ changed: Set<String>, asOf: Day) -> (project: Project, diagnostics: [Diagnostic], fileCount: Int, reread: Int)? {
        guard let last = cache.last.value, last.asOf == asOf,
              let before = cache.files.listing.value else { return nil }
        let loader = Loader(files: files, cache: cache.files, changed: .only(changed))
        // Kept as the last listing whatever happens next: the full check would make the same update.
        guard let now = loader.updatedListing(changed), now.count == before.count else { return nil }
        if let logo = last.project.config.appearance.logo, changed.contains(logo) { return nil }

        var saved: [(path: String, kind: RecordKind, entry: FileEntry)] = []
        for path in changed.sorted(by: byteOrder) {
            guard hasBytes(path, prefix: "content/") else { return nil }
            let listed = entry(path, in: now)
            // Neither added nor removed; hidden files and other file types are never read.
            guard (entry(path, in: before) != nil) == (listed != nil) else { return nil }
            guard let listed, Loader.isYAML(path) else { continue }
            guard let kind = RecordKind.of(path), !listed.linksOutsideRoot else { return nil }
            saved.append((path, kind, listed))
        }

        var project = last.project
        var diagnostics = last.diagnostics.filter { diagnostic in !saved.contains { $0.path == diagnostic.location.file } }
        let context = ProjectContext(config: project.config, asOf: asOf)
        for file in saved {
            let read = loader.readAfresh(file.path)
            guard read.diagnostics.isEmpty, let source = read.source,
                  PersonalNumbers.find(in: source.bytes).isEmpty else { return nil }
            let log = DiagnosticLog()
            let reader = RecordReader(log: log, context: context)
            let replaced: Bool
            switch file.kind {
            case .agreements:
                replaced = Self.replace(in: &project.agreements, file: file.path, with: reader.agreements(in: source))
            case .assessments:
                replaced = Self.replace(in: &project.assessments, file: file.path, with: reader.assessments(in: source))
            case .trainings, .themeDays, .meetings:
                let kind = Validator.activityKinds.first { $0.0 == file.kind }!.1
                replaced = Self.replace(in: &project.activities, file: file.path,
                                        with: reader.activities(in: source, kind: kind), kind: kind)
            }
            guard replaced, !log.hasErrors else { return nil }
            diagnostics += log.all
        }
        return (project, diagnostics.sortedForReport(), last.fileCount, saved.count)
    }

    private func entry(_ path: String, in listing: [FileEntry]) -> FileEntry? {
        let at = ListingUpdate.insertionIndex(of: path, in: listing)
        return at < listing.count && listing[at].path == path ? listing[at] : nil
    }

    /// Puts a file's new records where its old ones were. False when the file
    /// now holds other ids, or another number of records: whether ids are
    /// unique across files must then be checked again, by the full check.
    /// Records are in path order (activities within their kind, see
    /// `Validator.activityKinds`), so the old ones are found by bisection.
    static func replace<R: Located>(in records: inout [R], file: String, with new: [(R, SourceLocation)],
                                    kind: Activity.Kind? = nil) -> Bool {
        var segment = 0..<records.count
        if let kind, let rank = Validator.activityKinds.firstIndex(where: { $0.1 == kind }) {
            let ranks = Validator.activityKinds.map(\.1)
            func rankOf(_ record: R) -> Int { ranks.firstIndex(of: record.activityKind!)! }
            segment = bisect(records, segment) { rankOf($0) < rank } ..< bisect(records, segment) { rankOf($0) <= rank }
        }
        let first = bisect(records, segment) { byteOrder($0.source.file, file) }
        let end = bisect(records, first..<segment.upperBound) { !byteOrder(file, $0.source.file) }
        guard records[first..<end].map(\.id) == new.map({ $0.0.id }) else { return false }
        for (offset, record) in new.enumerated() { records[first + offset] = record.0 }
        return true
    }
}

/// A record that knows the file it came from (and, for an activity, its kind).
protocol Located {
    var id: String { get }
    var source: SourceLocation { get }
    var activityKind: Activity.Kind? { get }
}

extension Agreement: Located { var activityKind: Activity.Kind? { nil } }
extension SelfAssessment: Located { var activityKind: Activity.Kind? { nil } }
extension Activity: Located { var activityKind: Activity.Kind? { kind } }
