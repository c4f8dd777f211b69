/// Samverkansöverenskommelser: the table of all agreements, the coverage
/// matrix, the validity timeline, and one page per agreement.
enum AgreementPages {
    static func pages(_ c: PageContext) -> [PagePlan] {
        let agreements = c.project.agreements.sorted { byteOrder($0.id, $1.id) }
        return [PagePlan(path: "agreements/index.html") { listPage(c, agreements) }]
            + Parallel.map(agreements) { a in
                let path = path(of: a)
                return PagePlan(path: path) { recordPage(a, at: path, c) }
            }
    }

    static func path(of a: Agreement) -> String { Linker.recordPath("agreements", a.id) }

    static func listPage(_ c: PageContext, _ agreements: [Agreement]) -> Page {
        let l = c.l, path = "agreements/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.agreements"], section: "nav.agreements")
        page.intro = [l.format("agreements.intro", l.number(agreements.count), l.number(c.report.agreements.inForce), l.date(c.asOf))]

        let w = c.agreementWords
        let rows: [[Cell]] = agreements.map { a in
            let inForce = a.isInForce(on: c.asOf)
            return [Part.cell(a.title, href: link.agreement(a.id), header: true),
                    Part.cell(w.statuses[a.status]!),
                    Part.cell(inForce ? w.yes : w.no, symbol: inForce ? "✓" : "–"),
                    Part.cell(a.signed.map(l.date) ?? w.dash, sortKey: a.signed?.description ?? ""),
                    Part.cell(a.effectiveEnd.map(l.date) ?? w.openEnded, sortKey: a.effectiveEnd?.description ?? "9999"),
                    Part.cell(a.parties.map(c.orgName).joined(separator: ", ")),
                    Part.cell(a.subprojects.isEmpty ? w.wholeProject : a.subprojects.map(c.subName).joined(separator: ", ")),
                    Part.cell(a.independentOfIndividuals ? w.yes : w.no)]
        }
        let table = Part.table(caption: l["agreements.all"],
                               head: [(l["title"], false), (l["status"], false), (l["inForce"], false), (l["signed"], false),
                                      (l["validUntil"], false), (l["parties"], false), (l["subprojects"], false), (l["independent"], false)],
                               rows: rows, sortable: true, filterable: true, id: "agreements-table")

        page.sections = [
            Part.section(l["agreements.all"], id: "all", [table]),
            Part.section(l["agreements.matrix"], id: "coverage", [matrix(c, link)]),
            Part.section(l["agreements.timeline"], id: "timeline", [timeline(c, agreements, link)]),
        ]
        return page
    }

    /// Subprojects × organisations: covered, gap, covered but not expected, or
    /// not expected — each with a word and a symbol, never colour alone.
    /// The matrix grows as subprojects times organisations (a national site
    /// has a hundred thousand cells), so each row is worked out by column
    /// number, from the subproject's partners and coverage, and the four
    /// kinds of cell are made once, not looked up and hashed per cell.
    static func matrix(_ c: PageContext, _ link: Linker) -> Block {
        let l = c.l
        let orgs = c.project.config.organisations
        let column = Dictionary(orgs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let covered = Part.cell(l["cell.covered"], symbol: "✓", className: "cell-covered")
        let gap = Part.cell(l["cell.gap"], symbol: "✗", className: "cell-gap")
        let extra = Part.cell(l["cell.extra"], symbol: "+", className: "cell-extra")
        let none = Part.cell(l["cell.none"], symbol: "·", className: "cell-none")
        var gaps = 0
        let rows: [[Cell]] = c.project.config.subprojects.map { sub in
            var expected = [Bool](repeating: false, count: orgs.count), isCovered = expected
            for id in sub.partners { if let i = column[id] { expected[i] = true } }
            for id in c.report.agreements.coverage[sub.id] ?? [] { if let i = column[id] { isCovered[i] = true } }
            var row = [Part.cell(sub.name, href: link.subproject(sub.id), header: true)]
            row.reserveCapacity(orgs.count + 1)
            for i in orgs.indices {
                switch (expected[i], isCovered[i]) {
                case (true, true): row.append(covered)
                case (true, false): gaps += 1; row.append(gap)
                case (false, true): row.append(extra)
                case (false, false): row.append(none)
                }
            }
            return row
        }
        return Part.table(caption: l.format("agreements.matrix.caption", l.date(c.asOf), l.number(gaps)),
                          head: [(l["subproject"], false)] + orgs.map { ($0.name, false) }, rows: rows, id: "coverage-matrix")
    }

    static func timeline(_ c: PageContext, _ agreements: [Agreement], _ link: Linker) -> Block {
        let l = c.l
        let spans: [Charts.Span] = agreements.compactMap { a in
            guard let start = a.effectiveStart, a.status != .draft else { return nil }
            return Charts.Span(label: a.id, start: start, end: a.effectiveEnd, inForce: a.isInForce(on: c.asOf))
        }
        let chart = Charts.timeline(spans, from: c.project.config.start, to: c.project.config.end, asOf: c.asOf)
        let data = DataTable(head: [l["id"], l["validFrom"], l["validUntil"], l["inForce"]],
                             rows: spans.map { s in
                                 (s.label, [l.date(s.start), s.end.map(l.date) ?? l["open-ended"], s.inForce ? l["yes"] : l["no"]])
                             })
        return Part.figure(.timeline(chart), data: data, id: "timeline-chart", title: l["agreements.timeline"],
                           caption: l.format("agreements.timeline.caption", l.date(c.asOf)))
    }

    /// `path` is the page plan's: made once per page.
    static func recordPage(_ a: Agreement, at path: String, _ c: PageContext) -> Page {
        let l = c.l, w = c.agreementWords, link = Linker(pagePath: path)
        var page = Page(path: path, title: a.title, section: "nav.agreements", parent: (w.agreements, "agreements/index.html"))
        let inForce = a.isInForce(on: c.asOf)
        // Written as they are worked out, each label as written once per
        // site (see the activity pages' facts).
        let starts = w.factStarts
        var facts = HTMLWriter(capacity: 1024)
        facts.markup("<dl class=\"facts\">\n")
        PageWriter.write(fact: starts.status, [(w.statuses[a.status]! + " – " + (inForce ? w.inForceAfterStatus : w.notInForceAfterStatus), nil)],
                         &facts)
        PageWriter.write(fact: starts.parties, a.parties.map { c.organisation($0, link) }, &facts)
        PageWriter.write(fact: starts.subprojects, a.subprojects.isEmpty ? [(w.wholeProject, nil)]
                                                    : a.subprojects.map { (c.subName($0), link.subproject($0)) }, &facts)
        if let signed = a.signed { PageWriter.write(fact: starts.signed, [(l.date(signed), nil)], &facts) }
        if let start = a.effectiveStart { PageWriter.write(fact: starts.valid, [(l.period(start, a.effectiveEnd), nil)], &facts) }
        if let ended = a.terminated { PageWriter.write(fact: starts.terminated, [(l.date(ended), nil)], &facts) }
        PageWriter.write(fact: starts.scope, a.scope.map { (w.scopes[$0]!, nil) }, &facts)
        PageWriter.write(fact: starts.independent, [(a.independentOfIndividuals ? w.yes : w.no, nil)], &facts)
        if let notes = a.notes { PageWriter.write(fact: starts.notes, [(notes, nil)], &facts) }
        PageWriter.write(fact: starts.id, [(a.id, nil)], &facts)
        facts.markup("</dl>")
        page.blocks = [.written(facts.written)]
        return page
    }

    /// The words of an agreement's page and of its line in lists, looked up
    /// once per site, as the activities' are: each page asked the catalogue
    /// a dozen times, building some of the keys first ("status." + …).
    struct Words: Sendable {
        let agreements, status, inForce, notInForce, parties, subprojects, wholeProject, signed, valid, terminated, scope,
            independent, yes, no, notes, id, dash, openEnded: String
        /// "i kraft" and "inte i kraft" as they follow a status: "aktiv – i kraft".
        let inForceAfterStatus, notInForceAfterStatus: String
        let statuses: CaseTable<Agreement.Status, String>
        let scopes: CaseTable<Agreement.Scope, String>
        /// Each fact's label as written before its value (`PageWriter.factStart`).
        let factStarts: FactStarts

        struct FactStarts: Sendable {
            let status, parties, subprojects, signed, valid, terminated, scope, independent, notes, id: WrittenHTML
        }

        init(_ l: Localization) {
            agreements = l["nav.agreements"]; status = l["status"]; inForce = l["inForce"]; notInForce = l["notInForce"]
            parties = l["parties"]; subprojects = l["subprojects"]; wholeProject = l["whole-project"]; signed = l["signed"]
            valid = l["valid"]; terminated = l["terminated"]; scope = l["scope"]; independent = l["independent"]
            yes = l["yes"]; no = l["no"]; notes = l["notes"]; id = l["id"]; dash = l["dash"]; openEnded = l["open-ended"]
            inForceAfterStatus = inForce.lowercased()
            notInForceAfterStatus = notInForce.lowercased()
            statuses = Localization.everyCase(l.status)
            scopes = Localization.everyCase(l.scope)
            factStarts = FactStarts(status: PageWriter.factStart(status), parties: PageWriter.factStart(parties),
                                    subprojects: PageWriter.factStart(subprojects), signed: PageWriter.factStart(signed),
                                    valid: PageWriter.factStart(valid), terminated: PageWriter.factStart(terminated),
                                    scope: PageWriter.factStart(scope), independent: PageWriter.factStart(independent),
                                    notes: PageWriter.factStart(notes), id: PageWriter.factStart(id))
        }
    }
}
