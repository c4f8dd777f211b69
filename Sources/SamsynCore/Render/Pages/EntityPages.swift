/// Organisationer and Delprojekt: an index each, and one page per
/// organisation or subproject with everything above filtered to it.
enum OrganisationPages {
    static func pages(_ c: PageContext) -> [PagePlan] {
        [PagePlan(path: "organisations/index.html") { listPage(c) }]
            + c.project.config.organisations.map { org in PagePlan(path: "organisations/\(org.id).html") { organisation(org, c) } }
    }

    static func listPage(_ c: PageContext) -> Page {
        let l = c.l, path = "organisations/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.organisations"], section: "nav.organisations")
        let orgs = c.project.config.organisations
        let rows: [[Cell]] = orgs.map { org in
            let figures = c.report.competence[org.id]
            let agreements = (c.agreementsByParty[org.id] ?? []).filter { $0.isInForce(on: c.asOf) }.count
            return [Part.cell(org.name, href: link.organisation(org.id), header: true), Part.cell(l.orgType(org.type)),
                    Part.cell(l.number(agreements), numeric: true),
                    Part.cell(l.number(figures?.attendances ?? 0), numeric: true),
                    Part.cell(figures?.target.map(l.number) ?? l["dash"], numeric: true),
                    Part.cell(figures?.share.map(l.percent) ?? l["dash"], numeric: true)]
        }
        page.blocks = [Part.table(caption: l["nav.organisations"],
                                  head: [(l["name"], false), (l["type"], false), (l["inForce"], true), (l["participants"], true),
                                         (l["target"], true), (l["share"], true)],
                                  rows: rows, sortable: true, filterable: true, id: "organisations-table")]
        return page
    }

    static func organisation(_ org: Organisation, _ c: PageContext) -> Page {
        let l = c.l, path = "organisations/\(org.id).html", link = Linker(pagePath: path)
        var page = Page(path: path, title: org.name, section: "nav.organisations", parent: (l["nav.organisations"], "organisations/index.html"))
        let figures = c.report.competence[org.id]
        var facts: [(String, [Fact.Part])] = [(l["type"], [(l.orgType(org.type), nil)])]
        if let number = org.orgNumber { facts.append(("Org.nr", [(number, nil)])) }
        facts.append((l["participants"], [(l.number(figures?.attendances ?? 0), nil)]))
        if let target = figures?.target { facts.append((l["target"], [(l.number(target), nil)])) }
        if let share = figures?.share { facts.append((l["share"], [(l.percent(share), nil)])) }
        let partnerIn = c.project.config.subprojects.filter { $0.partners.contains(org.id) }
        facts.append((l["org.partnerIn"], partnerIn.map { ($0.name, link.subproject($0.id)) }))
        page.blocks = [Part.facts(facts), Part.note(l["competence.note"])]

        let agreements = c.agreementsByParty[org.id] ?? []
        let activities = c.activitiesByOrganisation[org.id] ?? []
        page.sections = [
            Part.section(l["org.agreements"], id: "agreements", [agreementList(agreements, c, link)]),
            Part.section(l["org.activities"], id: "activities", [
                activities.isEmpty ? Part.paragraph(l["none"].capitalizedFirst)
                    : ActivityPages.table(activities, caption: l["org.activities"], id: "org-activities", c, link),
            ]),
        ]
        return page
    }

    static func agreementList(_ agreements: [Agreement], _ c: PageContext, _ link: Linker) -> Block {
        let l = c.l, w = c.agreementWords
        guard !agreements.isEmpty else { return Part.paragraph(l["none"].capitalizedFirst) }
        return Part.list(agreements.map { a in
            let inForce = a.isInForce(on: c.asOf)
            return Part.item(a.title, href: link.agreement(a.id),
                             after: "(\(w.statuses[a.status]!), \(a.effectiveEnd.map(l.date) ?? w.openEnded))",
                             status: inForce ? w.inForce : w.notInForce, statusClass: inForce ? "met" : "info")
        })
    }
}

enum SubprojectPages {
    /// Up to this many whole-project agreements and activities together are
    /// listed on each subproject page.
    static let wholeProjectListLimit = 200

    static func pages(_ c: PageContext) -> [PagePlan] {
        [PagePlan(path: "subprojects/index.html") { listPage(c) }]
            + c.project.config.subprojects.map { sub in PagePlan(path: "subprojects/\(sub.id).html") { subproject(sub, c) } }
    }

    static func listPage(_ c: PageContext) -> Page {
        let l = c.l, path = "subprojects/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.subprojects"], section: "nav.subprojects")
        let subs = c.project.config.subprojects
        let rows: [[Cell]] = subs.map { sub in
            let gaps = c.report.agreements.gaps[sub.id] ?? []
            let meetings = c.report.caseworkerMeetings[sub.id]
            let assessment = c.report.assessments[sub.id]
            return [Part.cell(sub.name, href: link.subproject(sub.id), header: true),
                    Part.cell(l.period(sub.start, sub.end)),
                    Part.cell(l.number(gaps.count), numeric: true),
                    Part.cell(l.number(meetings?.thisYear ?? 0), numeric: true),
                    Part.cell(assessment?.rounds.last?.index.map(l.decimal) ?? l["dash"], numeric: true)]
        }
        page.blocks = [Part.table(caption: l["nav.subprojects"],
                                  head: [(l["name"], false), (l["period"], false), (l["sub.gaps"], true),
                                         (l["meetings.thisYear"], true), (l["assessments.index"], true)],
                                  rows: rows, sortable: true, id: "subprojects-table")]
        return page
    }

    static func subproject(_ sub: Subproject, _ c: PageContext) -> Page {
        let l = c.l, path = "subprojects/\(sub.id).html", link = Linker(pagePath: path)
        var page = Page(path: path, title: sub.name, section: "nav.subprojects", parent: (l["nav.subprojects"], "subprojects/index.html"))
        let covered = c.report.agreements.coverage[sub.id] ?? [], gaps = c.report.agreements.gaps[sub.id] ?? []
        page.blocks = [Part.facts([
            (l["sub.period"], [(l.period(sub.start, sub.end), nil)]),
            (l["partners"], sub.partners.map { c.organisation($0, link) }),
        ])]
        let meetings = c.report.caseworkerMeetings[sub.id]
        let meetingRows: [[Cell]] = (meetings?.byYear ?? [:]).keys.sorted().map { year in
            [Part.cell(year, header: true), Part.cell(l.number(meetings?.byYear[year] ?? 0), numeric: true),
             Part.cell(l.number(meetings?.target ?? 0), numeric: true)]
        }
        let onTrack = meetings?.onTrack ?? false
        // Whole-project records apply here too. Listed on every subproject page
        // while they are few; in a national project there are thousands, and
        // listing them on each of hundreds of pages would grow with the square
        // of the data, so they are then counted and left to the overall lists.
        let limit = SubprojectPages.wholeProjectListLimit
        let listWhole = (c.wholeProjectAgreements.count + c.wholeProjectActivities.count) <= limit
        let agreements = ((c.agreementsBySubproject[sub.id] ?? []) + (listWhole ? c.wholeProjectAgreements : []))
            .sorted { byteOrder($0.id, $1.id) }
        let activities = ((c.activitiesBySubproject[sub.id] ?? []) + (listWhole ? c.wholeProjectActivities : [])).sorted()
        let wholeNote: [Block] = listWhole ? [] : [Part.note(l.format("sub.wholeProject", l.number(c.wholeProjectAgreements.count),
                                                                       l.number(c.wholeProjectActivities.count)))]
        page.sections = [
            Part.section(l["sub.coverage"], id: "coverage", [Part.facts([
                (l["sub.covered"], covered.isEmpty ? [(l["none"], nil)] : covered.map { c.organisation($0, link) }),
                (l["sub.gaps"], gaps.isEmpty ? [(l["none"], nil)] : gaps.map { c.organisation($0, link) }),
            ])]),
            Part.section(l["sub.agreements"], id: "agreements", wholeNote + [OrganisationPages.agreementList(agreements, c, link)]),
            Part.section(l["sub.meetings"], id: "meetings", [
                Part.list([Part.item(l["meetings.thisYear"] + ": " + l.number(meetings?.thisYear ?? 0) + " / " + l.number(meetings?.target ?? 0),
                                     status: onTrack ? l["measure.on-track"] : l["measure.behind"], statusClass: onTrack ? "met" : "behind")]),
                Part.table(caption: l["sub.meetings"], head: [(l["year"], false), (l["count"], true), (l["target"], true)], rows: meetingRows),
            ]),
            Part.section(l["nav.assessments"], id: "assessment", AssessmentPages.subproject(sub, c, link)),
            Part.section(l["sub.activities"], id: "activities", [
                ActivityPages.table(activities, caption: l["sub.activities"], id: "sub-activities", c, link, showType: true),
            ]),
        ]
        return page
    }
}
