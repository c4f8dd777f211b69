/// The named steps, in the one direction data flows:
/// load → validate → compute → render → write.
/// Each step reads only what the step before produced.
public struct Pipeline: Sendable {
    public let files: any FileAccess

    public init(files: any FileAccess) {
        self.files = files
    }

    public struct Outcome: Sendable {
        public var project: Project?
        public var report: IndicatorReport?
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
    }

    /// Load and validate; with `strict`, warnings count as errors and stop the
    /// build. Compute runs only on a project without errors.
    public func run(asOf: Day, strict: Bool = false, compute: Bool = true) -> Outcome {
        let loaded = Loader(files: files).load()
        let validated = Validator.validate(loaded, asOf: asOf)
        let diagnostics = strict ? validated.diagnostics.promotingWarnings() : validated.diagnostics
        guard diagnostics.errorCount == 0, let project = validated.project else {
            return Outcome(project: nil, report: nil, diagnostics: diagnostics, fileCount: loaded.fileCount)
        }
        let report = compute ? Indicators.compute(project, asOf: asOf) : nil
        return Outcome(project: project, report: report, diagnostics: diagnostics, fileCount: loaded.fileCount)
    }
}
