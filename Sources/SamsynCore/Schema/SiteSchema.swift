/// The schema of `config/site.yaml`, key for key as `ConfigReader` reads it.
enum SiteSchema {
    typealias P = SchemaPart

    static func document(name: String) -> JSONValue {
        let site = P.object(
            "Projektets grunduppgifter: projektet, organisationerna, delprojekten, målen, självskattningens frågor "
                + "och webbplatsens utseende. Alla andra filer hänvisar till det som står här.",
            required: ["project", "organisations"], [
                "project": project,
                "language": P.choice("Språket på webbplatsen som byggs. Standard sv.", Language.self, label: languageName),
                "organisations": P.list("Alla organisationer i projektet, minst en. Andra filer hänvisar till dem med deras id.",
                                        of: organisation, minItems: 1),
                "subprojects": P.list("Delprojekten.", of: subproject),
                "targets": targets,
                "assessment": assessment,
                "site": appearance,
            ])
        return Schemas.document(name: name, title: "Samsyn: config/site.yaml", root: site)
    }

    static let project = P.object("Projektets grunduppgifter: namn, diarienummer, projektägare och projektperiod.",
                                  required: ["name", "start", "end"], [
        "name": P.text("Projektets namn, till exempel IRIS 2."),
        "reference": P.text("Diarienummer, till exempel hos Svenska ESF-rådet: 22-002-S11."),
        "owner": P.id("Projektägaren: id för en av organisationerna under organisations."),
        "start": P.date("Projektperiodens första dag."),
        "end": P.date("Projektperiodens sista dag, inte före start."),
    ])

    static let organisation = P.object("En organisation.", required: ["id", "name"], [
        "id": P.id("Organisationens id, till exempel fk: små bokstäver a–z, siffror och bindestreck, högst 64 tecken. "
                   + "Varje organisation har sitt eget id."),
        "name": P.text("Organisationens namn."),
        "type": P.choice("Slags organisation. Standard other.", Organisation.Kind.self, label: Localization(.sv).orgType),
        "training_target": P.integer("Planerat antal personer i kompetensutveckling (heltal, 0 eller mer)."),
        "org_number": P.text("Organisationsnummer, till exempel 202100-5521."),
    ])

    static let subproject = P.object("Ett delprojekt.", required: ["id", "name"], [
        "id": P.id("Delprojektets id, till exempel vsb: små bokstäver a–z, siffror och bindestreck, högst 64 tecken."),
        "name": P.text("Delprojektets namn."),
        "start": P.date("När delprojektet startar. Standard project.start."),
        "end": P.date("När delprojektet slutar, inte före start. Standard project.end."),
        "partners": P.list("De organisationer (id) som delprojektet förväntas ha samverkansavtal med.",
                           of: P.id("En organisations id.")),
    ])

    static let targets = P.object("Projektets mål och gränser. Alla är frivilliga.", [
        "caseworker_meetings_per_year": P.integer("Antal handläggarträffar per delprojekt och kalenderår. Standard 3."),
        "theme_days_per_year": P.integer("Antal temadagar per kalenderår för hela projektet. Standard 2."),
        "agreement_expiry_warning_days": P.integer("Hur många dagar i förväg ett avtal som löper ut lyfts fram. Standard 90."),
        "assessment_interval_months": P.integer("Hur ofta varje delprojekt förväntas göra BIP-självskattningen, "
                                                + "i månader (1 eller mer). Standard 6.", minimum: 1),
    ])

    static let assessment = P.object("Självskattningens skala och frågor. Utelämnas blocket gäller skalan 1–5 och de sex BIP-frågorna.", [
        "scale": P.object("Svarsskalan, till exempel { min: 1, max: 5 }. min måste vara mindre än max.", [
            "min": P.integer("Skalans lägsta värde (heltal). Standard 1.", minimum: -P.largest),
            "max": P.integer("Skalans högsta värde (heltal). Standard 5.", minimum: -P.largest),
        ]),
        "questions": P.list("Frågorna, minst en. De ersätter de sex BIP-frågorna.", of: question, minItems: 1),
    ])

    static let question = P.object("En fråga.", required: ["id", "text"], [
        "id": P.id("Frågans id, som självskattningsfilerna använder: små bokstäver a–z, siffror, - och _, högst 64 tecken.",
                   pattern: P.questionIDPattern),
        "text": P.text("Frågan på svenska."),
        "text_en": P.text("Frågan på engelska (för en webbplats med language: en)."),
    ])

    static let appearance = P.object("Webbplatsens utseende och tillgänglighetsredogörelse.", [
        "logo": logo,
        "accent": P.described("Accentfärg för länkar och markeringar, skriven #rrggbb inom citattecken (# inleder annars "
                              + "en kommentar). Den måste ha minst 4,5:1 i kontrast mot vitt.",
                              [("type", .string("string")), ("pattern", .string("^#[0-9a-fA-F]{6}$"))]),
        "footer": P.text("Text i sidfoten på varje sida."),
        "accessibility": accessibility,
    ])

    /// `ConfigReader.readAppearance`: an .svg or .png path inside the project.
    static let logo = P.described(
        "Logotyp i sidhuvudet: en .svg- eller .png-fil i projektet, räknad från projektmappen, till exempel config/logo.svg.",
        [("type", .string("string")), ("pattern", .string("\\.([sS][vV][gG]|[pP][nN][gG])$")),
         // Not an absolute path, and no ".." step out of the project.
         ("not", .object([("anyOf", .array([.object([("pattern", .string("^/"))]),
                                             .object([("pattern", .string("(^|/)\\.\\.(/|$)"))])]))]))])

    static let accessibility = P.object("Uppgifterna till tillgänglighetsredogörelsen, som lagen om tillgänglighet till "
                                        + "digital offentlig service kräver.", [
        "organisation": P.text("Vem som står bakom webbplatsen. Standard projektägarens namn."),
        "compliance": P.choice("Hur väl webbplatsen uppfyller kraven. Standard partial.", AccessibilityStatement.Compliance.self,
                               label: complianceName),
        "known_issues": P.list("Innehåll som inte är tillgängligt, en text per brist.",
                               of: P.described("En brist.", [("type", P.types("string", "number", "boolean"))])),
        "contact_email": P.text("E-postadress för den som behöver innehållet i annat format eller vill rapportera brister. "
                                + "Använd en funktionsadress, inte en persons."),
        "contact_phone": P.text("Telefonnummer för samma ärenden."),
        "assessed": P.date("När webbplatsen senast bedömdes."),
        "method": P.text("Hur den bedömdes, till exempel egen bedömning."),
        "updated": P.date("När redogörelsen senast uppdaterades. Standard beräkningsdatumet."),
    ])

    static func languageName(_ language: Language) -> String {
        switch language {
        case .sv: return "svenska"
        case .en: return "engelska"
        }
    }

    static func complianceName(_ compliance: AccessibilityStatement.Compliance) -> String {
        switch compliance {
        case .full: return "helt förenlig"
        case .partial: return "delvis förenlig"
        case .none: return "inte förenlig"
        }
    }
}
