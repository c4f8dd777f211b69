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
            if case let .personalNumbers(hits)? = scannedBefore?.found(file.path, text: file.bytes, context: RecordCache.fileOnly) {
                return (hits, nil)
            }
            let hits = PersonalNumbers.find(in: file.bytes)
            return (hits, scannedBefore == nil ? nil : RecordCache.Entry(text: file.bytes, context: RecordCache.fileOnly, found: .personalNumbers(hits)))
        }
        func report(_ hits: [PersonalNumbers.Hit], in path: String) {
            for hit in hits {
                log.error(SourceLocation(file: path, line: hit.line, column: hit.column),
                          "this looks like a personal identity number (personnummer or samordningsnummer); the site is not built",
                          hint: "remove it: Samsyn keeps counts, never data about individuals")
            }
        }
        // By place, not by pairs: a copy of every file's path and text, and
        // its release, took one core some 25 ms at 100 000 records.
        for index in scanned.indices {
            if let entry = scanned[index].fresh { fresh.append((loaded.texts[index].path, entry)) }
            report(scanned[index].hits, in: loaded.texts[index].path)
        }
        // The files searched as they were read (`personalNumberScan`).
        for index in loaded.scans.indices {
            guard let hits = loaded.scans[index].found as? [PersonalNumbers.Hit] else {
                preconditionFailure("\(loaded.scans[index].path) was scanned for something else")
            }
            report(hits, in: loaded.scans[index].path)
        }

        scannedBefore = nil  // the cache is then the only owner and is updated in place, not copied
        cache?.personalNumbers.update(fresh, liveCount: loaded.texts.count) { Set(loaded.texts.map(\.path)) }
        guard let configFile = loaded.config, let config = ConfigReader(log: log).read(configFile) else {
            return Result(project: nil, diagnostics: log.all.sortedForReport())
        }
        let context = ProjectContext(config: config, asOf: asOf)

        // Each folder's files on both cores first, then each folder's
        // records gathered in path order and their ids checked, the five
        // folders side by side (see `Folder`). In a closure, so that the
        // cache's snapshot and what each file gave are gone before the
        // cache is updated (it is then the only owner, and is not copied).
        let folders = { () -> (agreements: FolderRecords<Agreement>, activities: [FolderRecords<Activity>],
                               assessments: FolderRecords<SelfAssessment>) in
            // A record file's outcome depends on the file, the config and the as-of date only.
            let reading = FileReading(context: context, known: cache?.files.snapshot(),
                                      key: cache?.number(for: configFile.text + "\u{0}" + asOf.description) ?? 0)
            let agreements = reading.read(.agreements, loaded.records[.agreements], named: "agreement") {
                if case let .agreements(records, diagnostics) = $0 { return (records, diagnostics) } else { return nil }
            }
            let activities = activityKinds.map { folder, kind in
                reading.read(folder, loaded.records[folder], named: kind.rawValue) {
                    if case let .activities(records, diagnostics) = $0 { return (records, diagnostics) } else { return nil }
                }
            }
            let assessments = reading.read(.assessments, loaded.records[.assessments], named: "self-assessment") {
                if case let .assessments(records, diagnostics) = $0 { return (records, diagnostics) } else { return nil }
            }
            return Folders(agreements: agreements, activities: activities, assessments: assessments).gathered()
        }()

        var project = Project(config: config)
        project.agreements = folders.agreements.records
        project.activities = Array(folders.activities.map(\.records).joined())
        project.assessments = folders.assessments.records
        var freshFiles: [(key: String, entry: RecordCache.Entry)] = []
        let notes = [(folders.agreements.diagnostics, folders.agreements.fresh)] + folders.activities.map { ($0.diagnostics, $0.fresh) }
            + [(folders.assessments.diagnostics, folders.assessments.fresh)]
        for (diagnostics, fresh) in notes {
            log.append(contentsOf: diagnostics)
            freshFiles += fresh
        }
        let recordFiles = loaded.records.values.joined()
        cache?.files.update(freshFiles, liveCount: recordFiles.count) { Set(recordFiles.map(\.path)) }

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

    /// The search `Loader.load(scanningEach:)` runs on each file's text as
    /// it reads it: `validate` then reports what it found instead of
    /// searching a text kept for it (see `LoadedProject.scans`).
    public static let personalNumberScan: Loader.Scan = { text in
        let hits = PersonalNumbers.find(in: text)
        return hits.isEmpty ? nil : hits
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
    private struct FileReading: Sendable {
        let context: ProjectContext
        /// The cache's entries when validation began (nil without a cache).
        let known: [String: RecordCache.Entry]?
        /// What besides the file decides its outcome (the config's text and the as-of date).
        let key: Int

        /// What each file of one folder gives, in path order, read on both
        /// cores. `unwrap` takes the records out of what a file gave
        /// (`RecordCache.Found`), which is what the cache keeps too.
        func read<R: Sendable>(_ kind: RecordKind, _ files: [SourceFile]?, named name: String,
                               _ unwrap: @escaping @Sendable (RecordCache.Found) -> ([(R, SourceLocation)], [Diagnostic])?) -> Folder<R> {
            let context = self.context, known = self.known, key = self.key
            let files = files ?? []
            // Each file's fields are read in place: a copy of every file
            // (path, text, check) and its release took one core some 50 ms
            // at 100 000 records while the other waited.
            let results = Parallel.map(count: files.count) { index -> Folder<R>.FileResult in
                if let found = known?.found(files[index].path, text: files[index].bytes, context: key), let cached = unwrap(found) {
                    return .init(records: cached.0, diagnostics: cached.1, fresh: nil)
                }
                // Read right after parsing (`recordCheck`), or else now.
                let found = files[index].checked as? RecordCache.Found
                    ?? RecordReader(log: DiagnosticLog(), context: context).records(of: kind, in: files[index])
                guard let read = unwrap(found) else { preconditionFailure("\(files[index].path) was read as another kind of record") }
                return .init(records: read.0, diagnostics: read.1, fresh: known == nil ? nil : found)
            }
            return Folder(name: name, files: files, results: results, key: key)
        }
    }

    /// One folder's records: what each file gave, then (`gathered`) the
    /// records in path order with their ids checked. Ids are unique per
    /// record type, and each folder holds one type, so the folders are
    /// gathered side by side: gathering 100 000 records one folder after
    /// the other held one core for some 100 ms while the other waited.
    private struct Folder<R: Sendable>: Sendable {
        struct FileResult: Sendable {
            var records: [(R, SourceLocation)]
            var diagnostics: [Diagnostic]
            var fresh: RecordCache.Found?
        }
        let name: String
        let files: [SourceFile]
        let results: [FileResult]
        let key: Int

        /// The records in path order with their ids checked, the
        /// diagnostics of their files and of their ids, and the files read
        /// afresh, for the cache.
        func gathered() -> FolderRecords<R> where R: Identifiable, R.ID == String {
            var gathered = Gathered<R>()
            var fresh: [(key: String, entry: RecordCache.Entry)] = []
            let log = DiagnosticLog()
            for index in files.indices {
                for (record, location) in results[index].records {
                    gathered.records.append(record)
                    gathered.locations.append(location)
                }
                log.append(contentsOf: results[index].diagnostics)
                if let found = results[index].fresh {
                    fresh.append((files[index].path, RecordCache.Entry(text: files[index].bytes, context: key, found: found)))
                }
            }
            let records = Validator.unique(gathered, named: name, log: log)
            return FolderRecords(records: records, diagnostics: log.all, fresh: fresh)
        }
    }

    /// What gathering one folder gave.
    private struct FolderRecords<R: Sendable>: Sendable {
        var records: [R]
        var diagnostics: [Diagnostic]
        var fresh: [(key: String, entry: RecordCache.Entry)]
    }

    /// The five folders, gathered as five pieces of work handed to whichever
    /// core is free, the largest first.
    private struct Folders: Sendable {
        var agreements: Folder<Agreement>
        var activities: [Folder<Activity>]
        var assessments: Folder<SelfAssessment>

        /// Each folder's records, activities in the order of `activityKinds`.
        func gathered() -> (agreements: FolderRecords<Agreement>, activities: [FolderRecords<Activity>],
                            assessments: FolderRecords<SelfAssessment>) {
            enum Which: Sendable { case agreements, assessments, activity(Int) }
            enum Piece: Sendable {
                case agreements(FolderRecords<Agreement>), activity(Int, FolderRecords<Activity>), assessments(FolderRecords<SelfAssessment>)
            }
            // The folders by their file count, largest first.
            let sized: [(files: Int, which: Which)] = [(self.agreements.files.count, .agreements), (self.assessments.files.count, .assessments)]
                + self.activities.indices.map { (self.activities[$0].files.count, .activity($0)) }
            let order = sized.enumerated().sorted { ($0.element.files, -$0.offset) > ($1.element.files, -$1.offset) }.map(\.element.which)
            let folders = self
            var agreements: FolderRecords<Agreement>?, assessments: FolderRecords<SelfAssessment>?
            var activities = [FolderRecords<Activity>?](repeating: nil, count: self.activities.count)
            for piece in Parallel.map(order, { which -> Piece in
                switch which {
                case .agreements: .agreements(folders.agreements.gathered())
                case .assessments: .assessments(folders.assessments.gathered())
                case .activity(let index): .activity(index, folders.activities[index].gathered())
                }
            }) {
                switch piece {
                case .agreements(let records): agreements = records
                case .assessments(let records): assessments = records
                case .activity(let index, let records): activities[index] = records
                }
            }
            return (agreements!, activities.map { $0! }, assessments!)
        }
    }

    /// The records of one type, in path order, beside where each was read:
    /// two arrays, not one of pairs, so that the records themselves are
    /// handed on as they are when no id comes twice (a copy of every record,
    /// and the release of the pairs, was some 100 ms at 100 000 records).
    private struct Gathered<R: Sendable>: Sendable {
        var records: [R] = []
        var locations: [SourceLocation] = []
    }

    /// Ids are unique per record type across all files: the second use is an error.
    private static func unique<R: Identifiable>(_ gathered: Gathered<R>, named kind: String, log: DiagnosticLog) -> [R] where R.ID == String {
        var repeated: Set<Int> = []
        var first: [String: Int] = [:]
        first.reserveCapacity(gathered.records.count)
        // Files are read in byte order, so "first" is well defined.
        for index in gathered.records.indices {
            let id = gathered.records[index].id
            // One look-up per record: the first place stays where an id comes again.
            guard let earlier = first.updateValue(index, forKey: id) else { continue }
            first[id] = earlier
            log.error(gathered.locations[index], "the \(kind) id '\(id)' is already used in \(gathered.locations[earlier])",
                      hint: "give each \(kind) its own id (the file name is the id when there is no id: line)")
            repeated.insert(index)
        }
        if repeated.isEmpty { return gathered.records }
        return gathered.records.indices.filter { !repeated.contains($0) }.map { gathered.records[$0] }
    }
}
