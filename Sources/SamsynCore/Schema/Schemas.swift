/// JSON Schemas for the YAML files, so that an editor with a YAML extension
/// (yaml-language-server) checks keys, values and dates as they are typed and
/// shows Swedish help on hover. `samsyn check` stays the judge: a schema
/// cannot see references between files, compare dates or count, and says
/// nothing about personal identity numbers.
///
/// Draft-07, the draft yaml-language-server supports best. Written by
/// `samsyn schema`; the copies in the repository's `schemas/` folder are
/// tested to be byte-identical to this output.
public enum Schemas {
    public static let draft = "http://json-schema.org/draft-07/schema#"
    public static let baseID = "https://samsyn.invalid/schemas/"

    /// Every schema, by file name, in a fixed order. The assessment schema's
    /// keys and scale come from `questionnaire` (the six BIP questions unless
    /// a project defines its own).
    public static func all(questionnaire: Questionnaire = .bip) -> [(name: String, schema: JSONValue)] {
        func named(_ name: String, _ make: (String) -> JSONValue) -> (name: String, schema: JSONValue) { (name, make(name)) }
        return [named("site.schema.json", SiteSchema.document), named("agreement.schema.json", RecordSchemas.agreement)]
            + Activity.Kind.allCases.map { kind in named("\(kind.rawValue).schema.json") { RecordSchemas.activity(kind, name: $0) } }
            + [named("assessment.schema.json") { RecordSchemas.assessment(questionnaire, name: $0) }]
    }

    /// The questions (and scale) a project's assessment schema must list: those
    /// of its config/site.yaml, which are the six BIP questions unless it has an
    /// `assessment:` block. Nil when config/site.yaml is missing or has errors.
    public static func questionnaire(of files: any FileAccess) -> Questionnaire? {
        guard let file = Loader(files: files).load().config else { return nil }
        let log = DiagnosticLog()
        guard let config = ConfigReader(log: log).read(file), !log.hasErrors else { return nil }
        return config.questionnaire
    }

    /// A whole schema document around `root` (a mapping schema whose first field is its description).
    static func document(name: String, title: String, root: JSONValue, definitions: [(String, JSONValue)] = []) -> JSONValue {
        guard case .object(let fields) = root else { return root }
        var head: [(String, JSONValue)] = [
            ("$schema", .string(draft)),
            ("$id", .string(baseID + name)),
            ("$comment", .string("Skriven av `samsyn schema`. Ändra inte för hand: kör kommandot igen.")),
            ("title", .string(title)),
        ]
        if !definitions.isEmpty { head.append(("definitions", .object(definitions))) }
        return .object(head + fields)
    }

    /// A record file: one record, a list of records (each with its own id, as
    /// there is no file name to default to), or nothing but comments (which
    /// the program skips with a warning).
    static func recordFile(name: String, title: String, folder: String, plural: String, record: JSONValue) -> JSONValue {
        let listed = JSONValue.object([("allOf", .array([.object([("$ref", .string("#/definitions/record"))]),
                                                        SchemaPart.given("id")]))])
        let root = SchemaPart.described(
            "En fil i \(folder)/: en post, eller en lista med \(plural) där varje post har ett eget id.",
            [("oneOf", .array([
                .object([("$ref", .string("#/definitions/record"))]),
                SchemaPart.described("En lista med \(plural); varje post har ett eget id.",
                                     [("type", .string("array")), ("items", listed)]),
                SchemaPart.described("En tom fil (bara kommentarer) räknas inte.", [("type", .string("null"))]),
            ]))])
        return document(name: name, title: title, root: root, definitions: [("record", record)])
    }
}
