/// Om indikatorerna, Data and Tillgänglighetsredogörelse.
enum InfoPages {
    static func pages(_ c: PageContext) -> [PagePlan] {
        [PagePlan(path: "about/index.html") { about(c) },
         PagePlan(path: "data/index.html") { data(c) },
         PagePlan(path: "accessibility/index.html") { accessibility(c) }]
    }

    static func about(_ c: PageContext) -> Page {
        let l = c.l
        var page = Page(path: "about/index.html", title: l["nav.about"], section: "nav.about")
        page.intro = [l["about.intro"]]
        page.sections = AboutText.sections(l.language).enumerated().map { index, section in
            Part.section(section.heading, id: "about-\(index + 1)", section.paragraphs.map(Part.paragraph))
        }
        return page
    }

    static func data(_ c: PageContext) -> Page {
        let l = c.l, link = Linker(pagePath: "data/index.html")
        var page = Page(path: "data/index.html", title: l["nav.data"], section: "nav.data")
        page.intro = [l["data.intro"]]
        page.blocks = [Part.list([
            Part.item(l["data.json"], href: link.href("data/indicators.json"), after: "(indicators.json)"),
            Part.item(l["data.agreements"], href: link.href("data/agreements.csv"), after: "(agreements.csv)"),
            Part.item(l["data.activities"], href: link.href("data/activities.csv"), after: "(activities.csv)"),
            Part.item(l["data.competence"], href: link.href("data/competence.csv"), after: "(competence.csv)"),
            Part.item(l["data.assessments"], href: link.href("data/assessments.csv"), after: "(assessments.csv)"),
        ], className: "links")]
        return page
    }

    /// The statement the DOS act (lag 2018:1937) requires, with the parts DIGG's
    /// model statement asks for, filled from `site.accessibility` in config.
    static func accessibility(_ c: PageContext) -> Page {
        let l = c.l, config = c.project.config, statement = config.appearance.accessibility
        var page = Page(path: "accessibility/index.html", title: l["nav.accessibility"], section: "nav.accessibility")
        let organisation = statement.organisation
            ?? config.organisations.first { $0.id == config.owner }?.name ?? config.name
        page.intro = [l.format("a11y.intro", organisation)]
        var contact: [String] = []
        if let email = statement.contactEmail { contact.append(l.format("a11y.email", email)) }
        if let phone = statement.contactPhone { contact.append(l.format("a11y.phone", phone)) }
        if contact.isEmpty { contact.append(l.format("a11y.contact.owner", organisation)) }
        var sections = [
            Part.section(l["a11y.how"], id: "how", [Part.paragraph(l["a11y.compliance." + statement.compliance.rawValue])]),
            Part.section(l["a11y.help"], id: "help", [Part.paragraph(l["a11y.help.text"])] + contact.map(Part.paragraph)),
            Part.section(l["a11y.report"], id: "report", [Part.paragraph(l["a11y.report.text"])] + contact.map(Part.paragraph)),
            Part.section(l["a11y.enforcement"], id: "enforcement", [
                Part.paragraph(l["a11y.enforcement.text"]),
                Part.list([Part.item(l["a11y.enforcement.link"], href: "https://www.digg.se/tdosanmalan")]),
            ]),
            Part.section(l["a11y.technical"], id: "technical", [Part.paragraph(l["a11y.technical." + statement.compliance.rawValue])]),
        ]
        if !statement.knownIssues.isEmpty {
            sections.append(Part.section(l["a11y.issues"], id: "issues", [Part.list(statement.knownIssues.map { Part.item($0) })]))
        }
        var tested = [l["a11y.tested.automatic"]]
        if let assessed = statement.assessed {
            tested.append(l.format("a11y.tested.manual", l.date(assessed), statement.method ?? l["a11y.method.self"]))
        }
        sections.append(Part.section(l["a11y.tested"], id: "tested", tested.map(Part.paragraph)))
        let updated = statement.updated ?? c.asOf
        sections.append(Part.section(l["a11y.updated"], id: "updated", [Part.paragraph(l.format("a11y.updated.text", l.date(updated)))]))
        page.sections = sections
        return page
    }
}
