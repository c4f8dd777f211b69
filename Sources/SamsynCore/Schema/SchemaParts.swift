/// Building blocks for the JSON Schemas. Each one mirrors a reader in
/// `MappingReader`, so that an editor flags exactly what `samsyn check` refuses
/// (where a schema can say it at all). Every block starts with its Swedish
/// description: editors show it as hover help.
enum SchemaPart {
    /// `ConfigReader.isValidRecordID`.
    static let idPattern = "^[a-z0-9][a-z0-9-]{0,63}$"
    /// `ConfigReader.isValidQuestionID`: question ids may also hold "_".
    static let questionIDPattern = "^[a-z0-9][a-z0-9_-]{0,63}$"
    /// `Day(iso:)`. `[0-9]` rather than `\d`, which in some regex engines
    /// (Python's) also matches the digits of other scripts.
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    /// `MappingReader.integer` reads at most nine digits.
    static let largest = 999_999_999

    static func described(_ description: String, _ fields: [(String, JSONValue)]) -> JSONValue {
        .object([("description", .string(description))] + fields)
    }

    /// Free text. Any scalar is text to the program (`title: 2024` is the
    /// text "2024"), but it must not be empty or only spaces.
    static func text(_ description: String) -> JSONValue {
        described(description, [("type", types("string", "number", "boolean")), ("pattern", .string("\\S"))])
    }

    /// A date `YYYY-MM-DD`; `format: date` also refuses impossible days such
    /// as 2024-02-30. A plain YAML date is a string to YAML 1.2 tools.
    static func date(_ description: String) -> JSONValue {
        described(description + " Skrivs ÅÅÅÅ-MM-DD, till exempel 2024-05-15.",
                  [("type", .string("string")), ("pattern", .string(datePattern)), ("format", .string("date"))])
    }

    /// A whole number written with digits (a quoted "6" is text and refused).
    static func integer(_ description: String, minimum: Int = 0, maximum: Int = largest) -> JSONValue {
        described(description, [("type", .string("integer")), ("minimum", .int(minimum)), ("maximum", .int(maximum))])
    }

    /// An id, or a reference to one. The program reads ids as text, so a
    /// plain number such as 2024 is a valid id too.
    static func id(_ description: String, pattern: String = idPattern) -> JSONValue {
        described(description, [("type", types("string", "integer")), ("pattern", .string(pattern)), ("minimum", .int(0))])
    }

    /// One value of a fixed vocabulary, taken from the Swift enum so the two
    /// cannot drift apart. The description lists the values with their meaning.
    static func choice<E: RawRepresentable & CaseIterable>(_ description: String, _: E.Type,
                                                           label: (E) -> String) -> JSONValue where E.RawValue == String {
        let values = E.allCases.map { value -> String in
            // "motiverande samtal (MI)" becomes "motiverande samtal, MI": no brackets in brackets.
            let word = label(value).replacingOccurrences(of: " (", with: ", ").replacingOccurrences(of: ")", with: "")
            return word.lowercased() == value.rawValue.replacingOccurrences(of: "-", with: " ") ? value.rawValue
                : "\(value.rawValue) (\(word))"
        }
        return described(description + " Värden: " + values.joined(separator: ", ") + ".",
                         [("type", .string("string")), ("enum", .array(E.allCases.map { .string($0.rawValue) }))])
    }

    /// A list. A single value where a list belongs is refused (`parties: fk`).
    static func list(_ description: String, of items: JSONValue, minItems: Int? = nil) -> JSONValue {
        described(description, [("type", .string("array"))] + (minItems.map { [("minItems", .int($0))] } ?? [])
                  + [("items", items)])
    }

    /// A mapping with exactly these keys (an unknown key is a typo). A key
    /// that is not required may be left empty (`key:`, `~`, `null`): the
    /// program treats that as absent. A required key left empty is missing.
    static func object(_ description: String, required: [String] = [], _ properties: KeyValuePairs<String, JSONValue>,
                       rules: [(String, JSONValue)] = []) -> JSONValue {
        object(description, required: required, fields: properties.map { ($0.key, $0.value) }, rules: rules)
    }

    static func object(_ description: String, required: [String] = [], fields properties: [(String, JSONValue)],
                       rules: [(String, JSONValue)] = []) -> JSONValue {
        let props = properties.map { name, schema in (name, required.contains(name) ? schema : schema.orNull) }
        var fields: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(props))]
        if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
        fields.append(("additionalProperties", .bool(false)))
        return described(description, fields + rules)
    }

    static func types(_ names: String...) -> JSONValue { .array(names.map(JSONValue.string)) }

    /// A condition on one key: "`key` is given and not empty". For if/then
    /// and anyOf/oneOf, where `required` alone would also accept `key: ~`.
    static func given(_ keys: String...) -> JSONValue {
        .object([("required", .array(keys.map(JSONValue.string))),
                 ("properties", .object(keys.map { ($0, .object([("not", .object([("type", .string("null"))]))])) }))])
    }

    /// "`key` is absent or empty".
    static func absent(_ keys: String...) -> JSONValue {
        .object([("properties", .object(keys.map { ($0, .object([("type", .string("null"))])) }))])
    }
}

extension JSONValue {
    /// The same schema, also allowing null (see `SchemaPart.object`).
    var orNull: JSONValue {
        guard case .object(let fields) = self else { return self }
        return .object(fields.map { key, value in
            switch (key, value) {
            case ("type", .string(let type)): return (key, .array([.string(type), .string("null")]))
            case ("type", .array(let types)): return (key, .array(types + [.string("null")]))
            case ("enum", .array(let values)): return (key, .array(values + [.null]))
            default: return (key, value)
            }
        })
    }
}
