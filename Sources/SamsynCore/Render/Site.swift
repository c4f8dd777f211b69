import Mustache

/// What the pages need besides the project and its computed figures.
public struct RenderInput: Sendable {
    public var project: Project
    public var report: IndicatorReport
    public var overview: Overview
    public var trends: [TrendPoint]
    /// When the data last changed (from git or file times), if known.
    public var lastChanged: Day?

    public init(project: Project, report: IndicatorReport, lastChanged: Day? = nil) {
        self.project = project
        self.report = report
        self.overview = Overview.compute(project, report)
        self.trends = Trends.compute(project, asOf: report.asOf)
        self.lastChanged = lastChanged
    }
}

/// One page: where it goes, its title, and its content model.
struct Page {
    var path: String
    var title: String
    /// The navigation entry it belongs to (highlighted as the current page).
    var section: String
    var intro: [String] = []
    var blocks: [Model] = []
    var sections: [Model] = []
    /// For record pages: the list page they belong to.
    var parent: (label: String, path: String)?
}

/// Renders every HTML page of the site from the computed figures.
enum HTMLSite {
    static let navigation: [(key: String, path: String)] = [
        ("nav.overview", "index.html"), ("nav.agreements", "agreements/index.html"),
        ("nav.competence", "competence/index.html"), ("nav.themeDays", "theme-days/index.html"),
        ("nav.meetings", "meetings/index.html"), ("nav.assessments", "assessments/index.html"),
        ("nav.organisations", "organisations/index.html"), ("nav.subprojects", "subprojects/index.html"),
        ("nav.about", "about/index.html"),
    ]

    static func pages(_ input: RenderInput) -> [Page] {
        let context = PageContext(input)
        return OverviewPage.pages(context) + AgreementPages.pages(context) + ActivityPages.pages(context)
            + AssessmentPages.pages(context) + OrganisationPages.pages(context) + SubprojectPages.pages(context)
            + InfoPages.pages(context)
    }

    static func library() -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            // The templates are part of the program: a parse error is a programming error caught by every test run.
            try! library.register(text, named: name)
        }
        return library
    }

    static func render(_ input: RenderInput, logoPath: String?) -> [String: [UInt8]] {
        let library = library()
        let l = Localization(input.project.config.language)
        var files: [String: [UInt8]] = [:]
        for page in pages(input) {
            var model = frame(page, input, l)
            if let logoPath { model["logo"] = logoPath }
            let html = library.render(model, withTemplate: "page") ?? ""
            files[page.path] = Array(html.utf8)
        }
        return files
    }

    /// The parts every page shares: navigation, header and footer.
    static func frame(_ page: Page, _ input: RenderInput, _ l: Localization) -> Model {
        let link = Linker(pagePath: page.path)
        let config = input.project.config
        var model: Model = [
            "lang": config.language.rawValue,
            "pageTitle": page.title,
            "projectName": config.name,
            "root": link.root,
            "period": l.period(config.start, config.end),
            "asOf": l.date(input.report.asOf),
            "intro": page.intro,
            "blocks": page.blocks,
            "sections": page.sections,
            "footerAsOf": l.format("footer.asOf", l.date(input.report.asOf)),
            "words": ["skip": l["skip"], "navLabel": l["nav.label"], "reference": l["reference"], "period": l["period"],
                      "asOf": l["asOf"], "changed": l["changed"], "accessibility": l["nav.accessibility"], "data": l["nav.data"]],
            "nav": navigation.map { entry -> Model in
                ["href": link.href(entry.path), "label": l[entry.key], "current": entry.key == page.section]
            },
        ]
        if let reference = config.reference { model["reference"] = reference }
        if let footer = config.appearance.footer { model["footerText"] = footer }
        if config.appearance.accent != nil { model["accentFile"] = true }
        if let changed = input.lastChanged {
            model["changed"] = l.date(changed)
            model["footerChanged"] = l.format("footer.changed", l.date(changed))
        }
        if let parent = page.parent { model["breadcrumb"] = ["label": parent.label, "href": link.href(parent.path)] }
        return model
    }
}

/// Shared look-ups for the page builders.
struct PageContext {
    let input: RenderInput
    let l: Localization
    let organisations: [String: Organisation]
    let subprojects: [String: Subproject]
    let agreements: [String: Agreement]

    init(_ input: RenderInput) {
        self.input = input
        self.l = Localization(input.project.config.language)
        organisations = Dictionary(uniqueKeysWithValues: input.project.config.organisations.map { ($0.id, $0) })
        subprojects = Dictionary(uniqueKeysWithValues: input.project.config.subprojects.map { ($0.id, $0) })
        agreements = Dictionary(uniqueKeysWithValues: input.project.agreements.map { ($0.id, $0) })
    }

    var project: Project { input.project }
    var report: IndicatorReport { input.report }
    var asOf: Day { input.report.asOf }

    func orgName(_ id: String) -> String { organisations[id]?.name ?? id }
    func subName(_ id: String) -> String { subprojects[id]?.name ?? id }

    /// Question text in the site's language.
    func questionText(_ question: Questionnaire.Question) -> String {
        l.language == .en ? (question.textEn ?? question.text) : question.text
    }

    /// A short label for a question axis: a catalogue word for the BIP questions,
    /// otherwise the id made readable ("own_question" → "own question").
    func questionLabel(_ id: String) -> String {
        let word = l["q." + id]
        return word == "q." + id ? id.replacingOccurrences(of: "_", with: " ") : word
    }
}
