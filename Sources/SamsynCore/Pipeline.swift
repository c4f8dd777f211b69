/// The named steps, in the one direction data flows:
/// load → validate → compute → render → write.
/// Each step reads only what the step before produced.
public struct Pipeline: Sendable {
    public let files: any FileAccess
    public let cache: BuildCache?
    public let changed: ChangedPaths

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
    }

    /// Load and validate; with `strict`, warnings count as errors and stop the
    /// build. Compute runs only on a project without errors.
    public func run(asOf: Day, strict: Bool = false, compute: Bool = true) -> Outcome {
        let loaded = Loader(files: files, cache: cache?.files, changed: changed).load()
        let validated = Validator.validate(loaded, asOf: asOf, cache: cache?.records)
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
            return Outcome(project: nil, report: nil, diagnostics: diagnostics, fileCount: loaded.fileCount)
        }
        let report = compute ? Indicators.compute(project, asOf: asOf) : nil
        return Outcome(project: project, report: report, diagnostics: diagnostics, fileCount: loaded.fileCount, logo: logo)
    }
}
