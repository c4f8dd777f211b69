import ArgumentParser
import Foundation
import SamsynCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write JSON Schemas of the YAML files, for editors that check YAML as you type.",
        discussion: """
        Writes site.schema.json, agreement.schema.json, training.schema.json, theme-day.schema.json,
        meeting.schema.json and assessment.schema.json, and nothing else; it never deletes a file.
        An editor with a YAML extension (yaml-language-server) then flags unknown keys, wrong values and
        malformed dates while you type, with help on hover. samsyn check remains the full check: a schema
        cannot see references, compare dates or find personal identity numbers.
        The assessment schema lists the questions of config/site.yaml (the six BIP questions by default).
        Examples:
          samsyn schema
          samsyn schema --root ../iris2 --output ../iris2/.vscode/schemas
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Where to write the schemas; default ROOT/schemas. Example: --output .vscode/schemas", valueName: "DIR"))
    var output: String?

    func validate() throws { try project.validateRoot() }

    func run() throws {
        let root = project.rootURL
        let folder = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("schemas")
        // Project questions when config/site.yaml reads cleanly; otherwise the
        // BIP ones, said out loud so a broken config is not silently ignored.
        let questionnaire = Schemas.questionnaire(of: DiskFiles(root: root))
        if questionnaire == nil {
            FileHandle.standardError.write(Data(
                "warning: config/site.yaml is missing or has errors (see samsyn check); the assessment schema lists the six BIP questions\n".utf8))
        }
        let schemas = Schemas.all(questionnaire: questionnaire ?? .bip)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, schema) in schemas {
                try Data(schema.serialized().utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            FileHandle.standardError.write(Data("error: could not write the schemas: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("Wrote \(schemas.count) schemas to \(folder.path)\n".utf8))
    }
}
