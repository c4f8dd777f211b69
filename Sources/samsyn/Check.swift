import ArgumentParser
import Foundation
import SamsynCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the project and report every problem, without building anything.",
        discussion: """
        Problems are printed as path:line:column: error: message, with a hint line below.
        Examples:
          samsyn check
          samsyn check --root ../iris2 --strict
          samsyn check --format github     (annotations in GitHub Actions)
        """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var asOf: AsOfOption

    @OptionGroup var reporting: ReportingOptions

    func validate() throws { try project.validateRoot() }

    func run() throws {
        Allocator.keepFreedPages()
        var pipeline = Pipeline(files: DiskFiles(root: project.rootURL))
        // The command exits right after: freeing a national project object by
        // object took one core most of a second, the operating system takes
        // the whole process back at once.
        pipeline.keepsLoadedFilesUntilExit = true
        let outcome = pipeline.run(asOf: try asOf.day(), strict: reporting.strict, compute: false)
        KeptUntilExit.keep([outcome])
        Report.print(outcome, format: reporting.format)
        if outcome.diagnostics.errorCount > 0 { throw ExitCode(1) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the indicators document (JSON) to standard output.",
        discussion: """
        The same document that build writes to site/data/indicators.json.
        Example:
          samsyn export --as-of 2025-06-30 > indicators.json
        """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var asOf: AsOfOption

    func validate() throws { try project.validateRoot() }

    func run() throws {
        Allocator.keepFreedPages()
        var pipeline = Pipeline(files: DiskFiles(root: project.rootURL))
        pipeline.keepsLoadedFilesUntilExit = true  // as in `check`
        let outcome = pipeline.run(asOf: try asOf.day())
        KeptUntilExit.keep([outcome])
        guard let report = outcome.report else {
            Report.print(outcome, format: .text)
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(IndicatorsDocument.json(report).serialized().utf8))
    }
}

