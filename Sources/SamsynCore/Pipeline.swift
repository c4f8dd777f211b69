/// The named steps, in the one direction data flows:
/// load → validate → compute → render → write.
/// Each step reads only what the step before produced.
public struct Pipeline: Sendable {
    public let files: any FileAccess
    public let cache: BuildCache?
    public let changed: ChangedPaths
    /// Keep every file's text (and any tree still held) until the process
    /// ends instead of freeing them piece by piece after validation (see
    /// `SiteBuild.keepsMemoryUntilExit`).
    public var keepsLoadedFilesUntilExit = false

    /// `cache`: for repeated builds of one project (`samsyn serve`), which
    /// also knows what `changed` since the last of them.
    public init(files: any FileAccess, cache: BuildCache? = nil, changed: ChangedPaths = .unknown) {
        self.files = files
        self.cache = cache
        self.changed = changed
    }

    public struct Outcome: Sendable {
        public var project: Project?
        public var report: IndicatorReport?
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        /// The configured logo's bytes, when there is one.
        public var logo: [UInt8]? = nil
        /// How many files were read again when only the saved files were
        /// checked (`samsyn serve`); nil after a check of the whole project.
        public var reread: Int? = nil
        /// The newest modification time of the files read (nanoseconds since
        /// 1970), when the file system gave one; nil after a check of saved files only.
        public var newestModification: Int64? = nil
    }

    /// Load and validate; with `strict`, warnings count as errors and stop the
    /// build. Compute runs only on a project without errors.
    public func run(asOf: Day, strict: Bool = false, compute: Bool = true) -> Outcome {
        let validated = check(asOf: asOf)
        var diagnostics = strict ? validated.diagnostics.promotingWarnings() : validated.diagnostics
        // The logo is a file the config names; it must exist inside the project.
        var logo: [UInt8]?
        if let project = validated.project, let path = project.config.appearance.logo {
            if files.fileExists(path), let bytes = try? files.read(path), bytes.count <= Loader.maxFileBytes {
                logo = bytes
            } else {
                diagnostics.append(Diagnostic(.error, project.config.appearance.logoLocation ?? SourceLocation(file: Loader.configPath),
                                              "the logo file '\(path)' does not exist in the project (or is over 1 MiB)",
                                              hint: "give the path from the project folder, such as config/logo.svg"))
            }
        }
        guard diagnostics.errorCount == 0, let project = validated.project else {
            return Outcome(project: nil, report: nil, diagnostics: diagnostics, fileCount: validated.fileCount, reread: validated.reread,
                           newestModification: validated.newestModification)
        }
        let report = compute ? Indicators.compute(project, asOf: asOf) : nil
        return Outcome(project: project, report: report, diagnostics: diagnostics, fileCount: validated.fileCount, logo: logo,
                       reread: validated.reread, newestModification: validated.newestModification)
    }

    /// Load and validate: only the saved files when that settles it (see
    /// `SavedFiles`), or else every file. A check without errors is kept for the next save.
    private func check(asOf: Day) -> (project: Project?, diagnostics: [Diagnostic], fileCount: Int, reread: Int?, newestModification: Int64?) {
        if let cache, case .only(let paths) = changed,
           let saved = SavedFiles(files: files, cache: cache).check(paths, asOf: asOf) {
            cache.last.value = SavedFiles.LastCheck(asOf: asOf, project: saved.project, diagnostics: saved.diagnostics,
                                                    fileCount: saved.fileCount)
            return (saved.project, saved.diagnostics, saved.fileCount, saved.reread, nil)
        }
        let loader = Loader(files: files, cache: cache?.files, changed: changed)
        // Each record file is read, and each file's text searched for
        // personal numbers, on the core that parsed it, right after
        // (`Validator.recordCheck`, `Validator.personalNumberScan`);
        // `samsyn serve`'s caches keep what each file gave instead, so that
        // a save reads only the saved files.
        let loaded = cache == nil
            ? loader.load(checkingEach: { Validator.recordCheck(config: $0, asOf: asOf) }, scanningEach: Validator.personalNumberScan)
            : loader.load()
        let validated = Validator.validate(loaded, asOf: asOf, cache: cache?.records)
        // Freeing them took one core some 30 ms at 10 000 records while the
        // other waited (the trees then; now the config's tree, what each
        // file gave, and the texts when they were not searched as read).
        if keepsLoadedFilesUntilExit { KeptUntilExit.keep([loaded]) }
        cache?.last.value = validated.project.map {
            SavedFiles.LastCheck(asOf: asOf, project: $0, diagnostics: validated.diagnostics, fileCount: loaded.fileCount)
        }
        return (validated.project, validated.diagnostics, loaded.fileCount, nil, loaded.newestModification)
    }
}
