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
    public func run(asOf: Day, strict: Bool = false, lastChanged: Day? = nil,
                    progress: (String) -> Void = { _ in }) -> Result {
        var result = Result()
        let writer = SiteWriter(root: root, output: output)
        // A dangerous output folder is refused before any work.
        if let refusal = writer.refusal() {
            result.refusal = refusal.description
            return result
        }
        let outcome = Pipeline(files: DiskFiles(root: root)).run(asOf: asOf, strict: strict)
        result.diagnostics = outcome.diagnostics
        result.fileCount = outcome.fileCount
        progress("read and checked \(outcome.fileCount) files")
        guard let project = outcome.project, let report = outcome.report else { return result }
        let content = SiteRenderer.content(RenderInput(project: project, report: report, lastChanged: lastChanged), logo: outcome.logo)
        let pages = content.paths.filter { $0.hasSuffix(".html") }.count
        progress("computed and laid out \(pages) pages")
        do {
            try writer.write(content)
            progress("rendered and wrote \(content.paths.count) files to \(output.path)")
        } catch {
            result.writeError = "\(error)"
            return result
        }
        result.asOf = report.asOf
        result.pagesWritten = pages
        result.filesWritten = content.paths.count
        if keepsMemoryUntilExit { KeptUntilExit.keep([outcome, content]) }
        return result
    }
}

/// Values deliberately never released (see `SiteBuild.keepsMemoryUntilExit`).
private enum KeptUntilExit {
    private final class Box {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }

    static func keep(_ values: [Any]) {
        _ = Unmanaged.passRetained(Box(values))
    }
}
