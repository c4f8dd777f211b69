/// Step 2 of the pipeline: turn the parsed files into a `Project`, checking
/// every rule of the data format. All problems of all files are collected;
/// the project is returned only when there is no error at all.
public enum Validator {
    public struct Result {
        /// Nil when there was at least one error.
        public var project: Project?
        public var diagnostics: [Diagnostic]
    }

    /// `asOf` is used only for the warning about held activities without
    /// participants (a planned one naturally has none yet).
    /// `cache` (from `samsyn serve`) holds what unchanged files gave last time.
    public static func validate(_ loaded: LoadedProject, asOf: Day, cache: RecordCache? = nil) -> Result {
        let log = DiagnosticLog()
        log.append(contentsOf: loaded.diagnostics)

        // Personal data is searched for in every file's raw text first, so it
        // is reported even where the YAML around it is broken.
        // The cache is read without locks while the cores work; what is new is stored at the end.
        var scannedBefore = cache?.personalNumbers.snapshot()
        var fresh: [(key: String, entry: RecordCache.Entry)] = []
        let scanned = Parallel.map(loaded.texts) { [scannedBefore] file -> (hits: [PersonalNumbers.Hit], fresh: RecordCache.Entry?) in
            if case let .personalNumbers(hits)? = scannedBefore?.found(file.path, text: file.text, context: RecordCache.fileOnly) {
                return (hits, nil)
            }
            let hits = PersonalNumbers.find(in: file.text)
            return (hits, scannedBefore == nil ? nil : RecordCache.Entry(text: file.text, context: RecordCache.fileOnly, found: .personalNumbers(hits)))
        }
        // By place, not by pairs: a copy of every file's path and text, and
        // its release, took one core some 25 ms at 100 000 records.
        for index in scanned.indices {
            if let entry = scanned[index].fresh { fresh.append((loaded.texts[index].path, entry)) }
            for hit in scanned[index].hits {
                log.error(SourceLocation(file: loaded.texts[index].path, line: hit.line, column: hit.column),
                          "this looks like a personal identity number (personnummer or samordningsnummer); the site is not built",
                          hint: "remove it: Samsyn keeps counts, never data about individuals")
            }
        }

        scannedBefore = nil  // the cache is then the only owner and is updated in place, not copied
        cache?.personalNumbers.update(fresh, liveCount: loaded.texts.count) { Set(loaded.texts.map(\.path)) }
        guard let configFile = loaded.config, let config = ConfigReader(log: log).read(configFile) else {
            return Result(project: nil, diagnostics: log.all.sortedForReport())
        }
        let context = ProjectContext(config: config, asOf: asOf)

        // A record file's outcome depends on the file, the config and the as-of date only.
        var files = FileReading(context: context, log: log, known: cache?.files.snapshot(),
                                key: cache?.number(for: configFile.text + "\u{0}" + asOf.description) ?? 0)
        var agreements = Gathered<Agreement>(), activities = Gathered<Activity>(), assessments = Gathered<SelfAssessment>()
        files.gather(.agreements, loaded.records[.agreements], named: "agreement", into: &agreements) {
            if case let .agreements(records, diagnostics) = $0 { return (records, diagnostics) } else { return nil }
        }
        for (folder, kind) in activityKinds {
            files.gather(folder, loaded.records[folder], named: kind.rawValue, into: &activities) {
                if case let .activities(records, diagnostics) = $0 { return (records, diagnostics) } else { return nil }
            }
        }
        files.gather(.assessments, loaded.records[.assessments], named: "self-assessment", into: &assessments) {
            if case let .assessments(records, diagnostics) = $0 { return (records, diagnostics) } else { return nil }
        }
        let recordFiles = loaded.records.values.joined()
        // With the snapshots gone the cache is the only owner and is updated in place, not copied.
        files.known = nil
        cache?.files.update(files.fresh, liveCount: recordFiles.count) { Set(recordFiles.map(\.path)) }

        // Ids are unique per record type: agreements and self-assessments on
        // one core, activities (two thirds of the records) on the other. The
        // report is sorted, so the order the two logs are joined in does not show.
        var project = Project(config: config)
        let (others, activityRecords) = Parallel.both({ [agreements, assessments] in
            let own = DiagnosticLog()
            return (unique(agreements, log: own), unique(assessments, log: own), own.all)
        }, { [activities] in
            let own = DiagnosticLog()
            return (unique(activities, log: own), own.all)
        })
        (project.agreements, project.assessments) = (others.0, others.1)
        project.activities = activityRecords.0
        log.append(contentsOf: others.2)
        log.append(contentsOf: activityRecords.1)

        let diagnostics = log.all.sortedForReport()
        return Result(project: diagnostics.contains { $0.severity == .error } ? nil : project, diagnostics: diagnostics)
    }

    /// The check `Loader.load(checkingEach:)` runs on each record file right
    /// after parsing it: reading a record file needs only the file and
    /// config/site.yaml. `validate` then takes each file's result instead of
    /// reading its tree. Nil when the config is missing or wrong: `validate`
    /// reports why and reads no record.
    public static func recordCheck(config: SourceFile?, asOf: Day) -> Loader.Check? {
        guard let config, let read = ConfigReader(log: DiagnosticLog()).read(config) else { return nil }
        let context = ProjectContext(config: read, asOf: asOf)
        return { kind, file in
            RecordReader(log: DiagnosticLog(), context: context).records(of: kind, in: file)
        }
    }

    /// The folders of activities, in the order their records follow each
    /// other in `Project.activities` (and within a kind, in path order).
    static let activityKinds: [(RecordKind, Activity.Kind)] = [(.trainings, .training), (.themeDays, .themeDay), (.meetings, .meeting)]

    /// Just config/site.yaml, for commands that need the project's settings
    /// while records may still be unfinished (`samsyn new`).
    public static func config(_ loaded: LoadedProject) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        log.append(contentsOf: loaded.diagnostics.filter { $0.location.file == Loader.configPath })
        let config = loaded.config.flatMap { ConfigReader(log: log).read($0) }
        return (log.hasErrors ? nil : config, log.all.sortedForReport())
    }

    /// Once config is read, record files are independent: each is read with a
    /// log of its own on any core, and records and diagnostics are gathered in
    /// path order, exactly as one loop over the files would give them.
    private struct FileReading {
        let context: ProjectContext
        let log: DiagnosticLog
        /// The cache's entries when validation began (nil without a cache).
        var known: [String: RecordCache.Entry]?
        /// What besides the file decides its outcome (the config's text and the as-of date).
        let key: Int
        /// Files read afresh, for the cache.
        var fresh: [(key: String, entry: RecordCache.Entry)] = []

        /// The records of every file of one kind, in path order, added to
        /// `gathered`. `unwrap` takes them out of what a file gave
        /// (`RecordCache.Found`), which is what the cache keeps too.
        mutating func gather<R: Sendable>(_ kind: RecordKind, _ files: [SourceFile]?, named name: String, into gathered: inout Gathered<R>,
                                _ unwrap: @escaping @Sendable (RecordCache.Found) -> ([(R, SourceLocation)], [Diagnostic])?) {
            let context = self.context, known = self.known, key = self.key
            let files = files ?? []
            // Each file's fields are read in place: a copy of every file
            // (path, text, check) and its release took one core some 50 ms
            // at 100 000 records while the other waited.
            let results = Parallel.map(count: files.count) { index -> (records: [(R, SourceLocation)], diagnostics: [Diagnostic], fresh: RecordCache.Found?) in
                if let found = known?.found(files[index].path, text: files[index].text, context: key), let cached = unwrap(found) {
                    return (cached.0, cached.1, nil)
                }
                // Read right after parsing (`recordCheck`), or else now.
                let found = files[index].checked as? RecordCache.Found
                    ?? RecordReader(log: DiagnosticLog(), context: context).records(of: kind, in: files[index])
                guard let read = unwrap(found) else { preconditionFailure("\(files[index].path) was read as another kind of record") }
                return (read.0, read.1, known == nil ? nil : found)
            }
            let start = gathered.records.count
            for index in files.indices {
                for (record, location) in results[index].records {
                    gathered.records.append(record)
                    gathered.locations.append(location)
                }
                log.append(contentsOf: results[index].diagnostics)
                if let found = results[index].fresh {
                    fresh.append((files[index].path, RecordCache.Entry(text: files[index].text, context: key, found: found)))
                }
            }
            gathered.kinds.append((name, start ..< gathered.records.count))
        }
    }

    /// The records of one type, in path order, beside where each was read:
    /// two arrays, not one of pairs, so that the records themselves are
    /// handed on as they are when no id comes twice (a copy of every record,
    /// and the release of the pairs, was some 100 ms at 100 000 records).
    private struct Gathered<R: Sendable>: Sendable {
        var records: [R] = []
        var locations: [SourceLocation] = []
        /// Each folder's stretch of `records`, with the name its ids are unique under.
        var kinds: [(name: String, range: Range<Int>)] = []
    }

    /// Ids are unique per record type across all files: the second use is an error.
    private static func unique<R: Identifiable>(_ gathered: Gathered<R>, log: DiagnosticLog) -> [R] where R.ID == String {
        var repeated: Set<Int> = []
        for (kind, range) in gathered.kinds {
            var first: [String: Int] = [:]
            first.reserveCapacity(range.count)
            // Files are read in byte order, so "first" is well defined.
            for index in range {
                let id = gathered.records[index].id
                // One look-up per record: the first place stays where an id comes again.
                guard let earlier = first.updateValue(index, forKey: id) else { continue }
                first[id] = earlier
                log.error(gathered.locations[index], "the \(kind) id '\(id)' is already used in \(gathered.locations[earlier])",
                          hint: "give each \(kind) its own id (the file name is the id when there is no id: line)")
                repeated.insert(index)
            }
        }
        if repeated.isEmpty { return gathered.records }
        return gathered.records.indices.filter { !repeated.contains($0) }.map { gathered.records[$0] }
    }
}
