import Foundation

/// One complete build, from the project folder to the site folder: the five
/// steps in order. Used by `samsyn build` and by every rebuild of `samsyn serve`.
public struct SiteBuild: Sendable {
    public let root: URL
    public let output: URL
    /// For a command that exits right after the build: the project and the
    /// site's plan are kept to the end instead of being freed object by object
    /// (about a second at 100 000 records), since the operating system takes
    /// back the whole process at once. `samsyn serve` builds again and again, so it frees.
    public var keepsMemoryUntilExit = false
    /// For repeated builds (`samsyn serve`): files that did not change are not parsed or validated again.
    public var cache: BuildCache?

    public init(root: URL, output: URL) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var fileCount = 0
        /// Set when the output folder is not Samsyn's to write.
        public var refusal: String?
        /// Set when writing failed after a successful check.
        public var writeError: String?
        public var pagesWritten = 0
        public var filesWritten = 0
        public var asOf: Day?

        public var succeeded: Bool { refusal == nil && writeError == nil && diagnostics.errorCount == 0 && asOf != nil }
    }

    /// `progress` hears one line per step (files read, pages rendered, site written).
    /// `lastChanged` is asked for only once the data has been checked, so that
    /// a caller can find it out (from git) while the files are being read.
    public func run(asOf: Day, strict: Bool = false, lastChanged: @autoclosure () -> Day? = nil,
                    progress: (String) -> Void = { _ in }) -> Result {
        run(asOf: asOf, strict: strict, lastChanged: { _ in lastChanged() }, progress: progress)
    }

    /// `lastChanged` hears the newest modification time of the files read
    /// (nanoseconds since 1970; nil when unknown), for a project dated by its
    /// files' times rather than by git.
    public func run(asOf: Day, strict: Bool = false, lastChanged: (_ newestFile: Int64?) -> Day?,
                    progress: (String) -> Void = { _ in }) -> Result {
        let prepared = prepare(asOf: asOf, strict: strict, lastChanged: lastChanged, progress: progress)
        guard let content = prepared.content else { return prepared.result }
        let result = write(content, prepared.result, progress: progress)
        if keepsMemoryUntilExit { KeptUntilExit.keep([prepared.outcome as Any, content]) }
        return result
    }

    /// A site checked, computed and planned, but not yet written: `content`
    /// renders any file on demand (nil when the data has errors).
    public struct Prepared: Sendable {
        public var result: Result
        public var content: SiteContent?
        var outcome: Pipeline.Outcome?
    }

    /// Load, validate, compute and plan every file, writing nothing. With
    /// `checkingOutput` a dangerous output folder is refused before any work
    /// (a previous site of Samsyn's is not listed file by file here);
    /// `write` checks it again in full in any case, so `serve`, which shows a
    /// rebuild before writing it, skips this first look.
    /// `changed`: what changed since the last build with this `cache`.
    public func prepare(asOf: Day, strict: Bool = false, lastChanged: @autoclosure () -> Day? = nil, checkingOutput: Bool = true,
                        changed: ChangedPaths = .unknown, progress: (String) -> Void = { _ in }) -> Prepared {
        prepare(asOf: asOf, strict: strict, lastChanged: { _ in lastChanged() }, checkingOutput: checkingOutput,
                changed: changed, progress: progress)
    }

    /// `prepare`, with `lastChanged` as in `run`.
    public func prepare(asOf: Day, strict: Bool = false, lastChanged: (_ newestFile: Int64?) -> Day?, checkingOutput: Bool = true,
                        changed: ChangedPaths = .unknown, progress: (String) -> Void = { _ in }) -> Prepared {
        var result = Result()
        if checkingOutput, let refusal = SiteWriter(root: root, output: output).refusal(listingEveryFile: false) {
            result.refusal = refusal.description
            return Prepared(result: result)
        }
        // The indicators are computed below, beside the pages' indexes.
        var pipeline = Pipeline(files: DiskFiles(root: root), cache: cache, changed: changed)
        pipeline.keepsLoadedFilesUntilExit = keepsMemoryUntilExit
        let outcome = pipeline.run(asOf: asOf, strict: strict, compute: false)
        result.diagnostics = outcome.diagnostics
        result.fileCount = outcome.fileCount
        progress("read and checked \(outcome.fileCount) files")
        guard let project = outcome.project else { return Prepared(result: result, outcome: outcome) }
        let input = RenderInput.computing(project, asOf: asOf, lastChanged: lastChanged(outcome.newestModification))
        let content = SiteRenderer.content(input, logo: outcome.logo)
        result.asOf = input.report.asOf
        result.pagesWritten = content.pageCount
        result.filesWritten = content.paths.count
        progress("computed and laid out \(result.pagesWritten) pages")
        return Prepared(result: result, content: content, outcome: outcome)
    }

    /// Renders and writes a prepared site; `prepared` is the result of `prepare`.
    public func write(_ content: SiteContent, _ prepared: Result, progress: (String) -> Void = { _ in }) -> Result {
        var result = prepared
        do {
            let report = try SiteWriter(root: root, output: output).write(content)
            progress("rendered \(content.paths.count) files into \(output.path): \(report.knownByStamp) unchanged by their stamps, "
                + "\(report.sameBytes) unchanged on reading, \(report.written) written"
                + (PageStamp.hashing ? "" : " (no page stamps: libxxhash.so.0 was not found, so every unchanged page is read back; install Debian's libxxhash0)"))
        } catch let refusal as SiteWriter.Refusal {
            result.refusal = refusal.description
        } catch {
            result.writeError = "\(error)"
        }
        if !result.succeeded { result.asOf = nil; result.pagesWritten = 0; result.filesWritten = 0 }
        return result
    }
}
