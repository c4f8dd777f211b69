/// Kompetensutveckling, Temadagar och principer, Möten — and one page per
/// training, theme day and meeting.
enum ActivityPages {
    static func pages(_ c: PageContext) -> [PagePlan] {
        let records = c.activitiesInOrder
        return [PagePlan(path: listPath(.training).path) { competence(c) },
                PagePlan(path: listPath(.themeDay).path) { themeDays(c) },
                PagePlan(path: listPath(.meeting).path) { meetings(c) }]
            // On both cores: at 100 000 records making the paths alone kept one core busy for 80 ms.
            + Parallel.map(records) { a in
                let path = path(of: a)
                return PagePlan(path: path) { recordPage(a, at: path, c) }
            }
    }

    static func path(of a: Activity) -> String { Linker.recordPath(a.kind.folder, a.id) }

    static func listPath(_ kind: Activity.Kind) -> (key: String, path: String) {
        switch kind {
        case .training: return ("nav.competence", "competence/index.html")
        case .themeDay: return ("nav.themeDays", "theme-days/index.html")
        case .meeting: return ("nav.meetings", "meetings/index.html")
        }
    }

    /// A sortable, filterable table of activities, given by their places in
    /// `activitiesInOrder`. The type column is for tables that mix meetings
    /// of different types with other activities.
    static func table(_ positions: [Int], caption: String, id: String, _ c: PageContext, _ link: Linker,
                      showType: Bool = false) -> Block {
        let l = c.l
        var head: [(String, Bool)] = [(l["title"], false), (l["date"], false), (l["status"], false)]
        if showType { head.append((l["meetingType"], false)) }
        head += [(l["subprojects"], false), (l["principles"], false), (l["participants"], true)]
        return Part.table(caption: caption, head: head, writtenRows: positions.map { c.activityRows.row($0, link, showType: showType) },
                          sortable: true, filterable: true, id: id)
    }

    /// Each activity's row in the tables of activities, written once per
    /// site: an activity is listed on its kind's page and again on the page
    /// of each organisation and subproject it names, and every one of those
    /// pages lies one folder down, so the rows (links included) are the same
    /// bytes on all of them. Building each row anew cost about 6 000
    /// instructions, and writing its cells again on every table that lists
    /// it (three to four times an activity) some 3 % of a build.
    struct Rows: Sendable {
        /// Where the meeting type stands, for tables that leave it out.
        static let typeColumn = 3
        private let maker: Maker
        /// The row of each activity of `activitiesInOrder`, for a page one folder down.
        private let oneFolderDown: [WrittenHTML]
        /// The same rows without the meeting type.
        private let oneFolderDownWithoutType: [WrittenHTML]

        init(_ input: RenderInput, _ l: Localization, _ words: Words) {
            let maker = Maker(activities: input.indexes.activitiesInOrder, words: words, l: l, asOf: input.report.asOf,
                              subprojects: input.indexes.subprojects)
            let link = Linker(pagePath: "folder/page.html")
            self.maker = maker
            let rows = Parallel.map(maker.activities) { activity -> (WrittenHTML, WrittenHTML) in
                let written = PageWriter.written(row: maker.cells(activity, link), leavingOut: Rows.typeColumn)
                return (written.whole, written.without)
            }
            oneFolderDown = rows.map(\.0)
            oneFolderDownWithoutType = rows.map(\.1)
        }

        /// The row of the activity at `position` of `activitiesInOrder`, with
        /// its links relative to `link`'s page, with or without the meeting type.
        func row(_ position: Int, _ link: Linker, showType: Bool) -> WrittenHTML {
            if link.root == "../" { return showType ? oneFolderDown[position] : oneFolderDownWithoutType[position] }
            let cells = maker.cells(maker.activities[position], link)
            return PageWriter.written(row: showType ? cells : Rows.withoutType(cells))
        }

        private static func withoutType(_ row: [Cell]) -> [Cell] {
            var cells = row
            cells.remove(at: typeColumn)
            return cells
        }

        private struct Maker: Sendable {
            let activities: [Activity]
            let words: Words
            let l: Localization
            let asOf: Day
            let subprojects: [String: Subproject]

            func cells(_ a: Activity, _ link: Linker) -> [Cell] {
                var cells: [Cell] = []
                cells.reserveCapacity(7)
                cells.append(Part.cell(a.title, href: link.activity(a), header: true))
                cells.append(Part.cell(l.date(a.date), sortKey: a.date.description))
                cells.append(Part.cell(a.isHeld(asOf: asOf) ? words.held : words.planned))
                cells.append(Part.cell(a.meetingType.map { words.meetingTypes[$0]! } ?? words.dash))
                cells.append(Part.cell(a.subprojects.isEmpty ? words.wholeProject
                                       : a.subprojects.map { subprojects[$0]?.name ?? $0 }.joined(separator: ", ")))
                cells.append(Part.cell(a.principles.isEmpty ? words.dash
                                       : a.principles.map { words.principleNames[$0]! }.joined(separator: ", ")))
                cells.append(Part.cell(l.number(a.participantCount), numeric: true, sortKey: String(a.participantCount)))
                return cells
            }
        }
    }

    // MARK: Kompetensutveckling

    static func competence(_ c: PageContext) -> Page {
        let l = c.l, path = "competence/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.competence"], section: "nav.competence")
        page.blocks = [Part.note(l["competence.note"])]
        let t = c.report.trainings

        let summary = Part.facts([
            (l["competence.held"], [(l.number(t.held), nil)]),
            (l["competence.planned"], [(l.number(t.planned), nil)]),
            (l["competence.attendances"], [(l.number(t.participants), nil)]),
            (l["competence.hours"], [(l.decimal(t.participantHours), nil)]),
            (l["competence.gender"], [("\(l["women"]) \(l.number(t.women)), \(l["men"]) \(l.number(t.men)), \(l["nonBinary"]) \(l.number(t.nonBinary))", nil)]),
        ])

        let orgs = c.project.config.organisations
        let bars: [Charts.Bar] = orgs.compactMap { org in
            guard let figures = c.report.competence[org.id] else { return nil }
            let share = figures.share.map { " (\(l.percent($0)))" } ?? ""
            return Charts.Bar(label: org.name, value: figures.attendances, target: figures.target,
                              valueText: l.number(figures.attendances) + share)
        }
        let withTarget = orgs.filter { ($0.trainingTarget ?? 0) > 0 }
        let met = withTarget.filter { (c.report.competence[$0.id]?.attendances ?? 0) >= ($0.trainingTarget ?? 0) }.count
        let (chart, data) = Charts.bars(bars, nameHead: l["name"], valueHead: l["participants"], l: l)
        let figure = Part.figure(.bars(chart), data: data, id: "competence-by-org", title: l["competence.byOrg"],
                                 caption: l.format("competence.byOrg.caption", l.number(met), l.number(withTarget.count)) + " " + l["competence.note"])

        let trainingPositions = c.activitiesInOrder.indices.filter { c.activitiesInOrder[$0].kind == .training }
        let trainings = trainingPositions.map { c.activitiesInOrder[$0] }
        var methodRows: [[Cell]] = []
        for method in Activity.Method.allCases {
            let count = trainings.filter { $0.isHeld(asOf: c.asOf) && $0.methods.contains(method) }.count
            if count > 0 { methodRows.append([Part.cell(l.method(method), header: true), Part.cell(l.number(count), numeric: true)]) }
        }
        page.sections = [
            Part.section(l["competence.summary"], id: "summary", [summary]),
            Part.section(l["competence.byOrg"], id: "by-organisation", [figure]),
            Part.section(l["competence.trainings"], id: "trainings",
                         [table(trainingPositions, caption: l["competence.trainings"], id: "trainings-table", c, link)]),
            Part.section(l["competence.byMethod"], id: "by-method",
                         [Part.table(caption: l["competence.byMethod"], head: [(l["methods"], false), (l["count"], true)], rows: methodRows)]),
        ]
        return page
    }

    // MARK: Temadagar och horisontella principer

    static func themeDays(_ c: PageContext) -> Page {
        let l = c.l, path = "theme-days/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.themeDays"], section: "nav.themeDays")
        let p = c.report.principles
        let uncovered = p.uncoveredThisYear.isEmpty
            ? Part.paragraph(l["themeDays.allCovered"])
            : Part.list(p.uncoveredThisYear.map { Part.item(l.principle($0).capitalizedFirst, status: l["measure.behind"], statusClass: "behind") })

        // Activities per principle per year, over held activities of all kinds.
        let held = c.project.activities.filter { $0.isHeld(asOf: c.asOf) }
        let years = Set(held.map(\.date.year)).sorted()
        let rows: [[Cell]] = Principle.allCases.map { principle in
            [Part.cell(l.principle(principle).capitalizedFirst, header: true)] + years.map { year in
                Part.cell(l.number(held.filter { $0.date.year == year && $0.principles.contains(principle) }.count), numeric: true)
            } + [Part.cell(l.number(p.byPrinciple[principle] ?? 0), numeric: true)]
        }
        let perPrinciple = Part.table(caption: l["themeDays.byPrinciple.caption"],
                                      head: [(l["principles"], false)] + years.map { (String($0), true) } + [(l["total"], true)], rows: rows)

        let target = c.project.config.targets.themeDaysPerYear
        let perYear = Part.table(caption: l.format("themeDays.perYear", l.number(target)),
                                 head: [(l["year"], false), (l["count"], true), (l["target"], true)],
                                 rows: p.themeDaysByYear.keys.sorted().map { year in
                                     [Part.cell(year, header: true), Part.cell(l.number(p.themeDaysByYear[year] ?? 0), numeric: true),
                                      Part.cell(l.number(target), numeric: true)]
                                 })
        let list = c.activitiesInOrder.indices.filter { c.activitiesInOrder[$0].kind == .themeDay }
        page.sections = [
            Part.section(l["themeDays.uncovered"], id: "uncovered", [uncovered]),
            Part.section(l["themeDays.byPrinciple"], id: "by-principle", [perPrinciple, perYear]),
            Part.section(l["themeDays.list"], id: "theme-days", [table(list, caption: l["themeDays.list"], id: "theme-days-table", c, link)]),
        ]
        return page
    }

    // MARK: Möten

    static func meetings(_ c: PageContext) -> Page {
        let l = c.l, path = "meetings/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.meetings"], section: "nav.meetings")
        let subs = c.project.config.subprojects
        let target = c.project.config.targets.caseworkerMeetingsPerYear
        let years = Set(subs.flatMap { c.report.caseworkerMeetings[$0.id]?.byYear.keys.map { $0 } ?? [] }).sorted()
        let rows: [[Cell]] = subs.map { sub in
            let m = c.report.caseworkerMeetings[sub.id]
            let onTrack = m?.onTrack ?? false
            return [Part.cell(sub.name, href: link.subproject(sub.id), header: true)]
                + years.map { Part.cell(l.number(m?.byYear[$0] ?? 0), numeric: true) }
                + [Part.cell(onTrack ? l["measure.on-track"] : l["measure.behind"], symbol: onTrack ? "✓" : "!",
                             className: "status status-\(onTrack ? "met" : "behind")")]
        }
        let onTrack = subs.filter { c.report.caseworkerMeetings[$0.id]?.onTrack == true }.count
        let bars: [Charts.Bar] = subs.map { sub in
            let n = c.report.caseworkerMeetings[sub.id]?.thisYear ?? 0
            return Charts.Bar(label: sub.name, value: n, target: target, valueText: l.number(n))
        }
        let caption = l.format("meetings.caseworker.caption", l.number(target), l.number(onTrack), l.number(subs.count))
        let (chart, data) = Charts.bars(bars, nameHead: l["subproject"], valueHead: l["meetings.thisYear"], l: l)
        let barFigure = Part.figure(.bars(chart), data: data, id: "caseworker-this-year",
                                    title: l["meetings.thisYear"] + " (\(c.asOf.year))", caption: caption)
        let all = c.activitiesInOrder.indices.filter { c.activitiesInOrder[$0].kind == .meeting }
        page.sections = [
            Part.section(l["meetings.caseworker"], id: "caseworker", [
                Part.table(caption: caption, head: [(l["subproject"], false)] + years.map { ($0, true) } + [(l["meetings.onTrack"], false)],
                           rows: rows),
                barFigure,
            ]),
            Part.section(l["meetings.all"], id: "all", [table(all, caption: l["meetings.all"], id: "meetings-table", c, link, showType: true)]),
        ]
        return page
    }

    // MARK: One page per activity

    /// `path` is the page plan's: made once per page.
    static func recordPage(_ a: Activity, at path: String, _ c: PageContext) -> Page {
        let l = c.l, w = c.activityWords, link = Linker(pagePath: path)
        var page = Page(path: path, title: a.title, section: listPath(a.kind).key, parent: w.list[a.kind]!)
        // The facts written here, each label as written once per site: a
        // page made ten facts, each with a list of parts, to write and free.
        let starts = w.factStarts
        var facts = HTMLWriter(capacity: 1024)
        facts.markup("<dl class=\"facts\">\n")
        // A meeting's joined name made once per site (only a meeting is read with a type).
        let kind = a.meetingType.map { a.kind == .meeting ? w.meetingKinds[$0]! : w.kinds[a.kind]! + " – " + w.meetingTypes[$0]! }
        PageWriter.write(fact: starts.kind, [(kind ?? w.kinds[a.kind]!, nil)], &facts)
        PageWriter.write(fact: starts.date, [(a.endDate.map { l.period(a.date, $0) } ?? l.date(a.date), nil)], &facts)
        PageWriter.write(fact: starts.status, [(a.isHeld(asOf: c.asOf) ? w.held : w.planned, nil)], &facts)
        PageWriter.write(fact: starts.subprojects, a.subprojects.isEmpty ? [(w.wholeProject, nil)]
                                                    : a.subprojects.map { (c.subName($0), link.subproject($0)) }, &facts)
        if let provider = a.provider { PageWriter.write(fact: starts.provider, [(provider, nil)], &facts) }
        if let hours = a.hours { PageWriter.write(fact: starts.hours, [(l.decimal(hours.rounded(decimals: 2)), nil)], &facts) }
        PageWriter.write(fact: starts.methods, a.methods.map { (w.methodNames[$0]!, nil) }, &facts)
        PageWriter.write(fact: starts.principles, a.principles.map { (w.principleNames[$0]!, nil) }, &facts)
        if let notes = a.notes { PageWriter.write(fact: starts.notes, [(notes, nil)], &facts) }
        PageWriter.write(fact: starts.id, [(a.id, nil)], &facts)
        facts.markup("</dl>")
        page.blocks = [.written(facts.written)]
        if !a.participants.isEmpty {
            // Rows written here, each starting with its organisation's row
            // header as written once per site: a national site has a quarter
            // of a million participations, and each was five cells made,
            // escaped, written and freed.
            let dash = w.dash
            var rows = HTMLWriter(capacity: 160 * a.participants.count)
            for p in a.participants {
                if let start = c.participantRowStart(of: p, link) {
                    rows.append(start)
                } else {
                    let organisation = c.organisation(of: p, link)
                    PageWriter.write(rowStart: organisation.text, href: organisation.href, &rows)
                }
                PageWriter.write(numberCell: l.number(p.count), &rows)
                PageWriter.write(numberCell: p.women.map(l.number) ?? dash, &rows)
                PageWriter.write(numberCell: p.men.map(l.number) ?? dash, &rows)
                PageWriter.write(numberCell: p.nonBinary.map(l.number) ?? dash, &rows)
                rows.markup("</tr>\n")
            }
            page.sections = [Part.section(w.participants, id: "participants", [
                Part.table(caption: w.participants, head: [(w.organisation, false), (w.participants, true), (w.women, true),
                                                          (w.men, true), (w.nonBinary, true)], writtenRows: [rows.written]),
            ])]
        }
        return page
    }

    /// The words of an activity's page, looked up once per site: a page asked
    /// the catalogue some twenty times, each time hashing the key, and a
    /// national site has tens of thousands of these pages.
    struct Words: Sendable {
        let kind, date, status, held, planned, subprojects, wholeProject, provider, hours, methods, principles, notes, id,
            dash, participants, organisation, women, men, nonBinary: String
        /// The list page each kind belongs to, as a parent link (label, path).
        let list: CaseTable<Activity.Kind, (String, String)>
        /// Each kind's name, starting with a capital: "Möte".
        let kinds: CaseTable<Activity.Kind, String>
        let meetingTypes: CaseTable<Activity.MeetingType, String>
        /// A meeting's kind with its type, as its page names it: "Möte – team".
        let meetingKinds: CaseTable<Activity.MeetingType, String>
        let methodNames: CaseTable<Activity.Method, String>
        let principleNames: CaseTable<Principle, String>
        /// Each fact's label as written before its value (`PageWriter.factStart`).
        let factStarts: FactStarts

        struct FactStarts: Sendable {
            let kind, date, status, subprojects, provider, hours, methods, principles, notes, id: WrittenHTML
        }

        init(_ l: Localization) {
            kind = l["kind"]; date = l["date"]; status = l["status"]; held = l["held"]; planned = l["planned"]
            subprojects = l["subprojects"]; wholeProject = l["whole-project"]; provider = l["provider"]; hours = l["hours"]
            methods = l["methods"]; principles = l["principles"]; notes = l["notes"]; id = l["id"]; dash = l["dash"]
            participants = l["participants"]; organisation = l["organisation"]; women = l["women"]; men = l["men"]
            nonBinary = l["nonBinary"]
            list = Localization.everyCase { kind in let list = ActivityPages.listPath(kind); return (l[list.key], list.path) }
            kinds = Localization.everyCase { l.kind($0).capitalizedFirst }
            meetingTypes = Localization.everyCase(l.meetingType)
            meetingKinds = Localization.everyCase { [kinds, meetingTypes] in kinds[.meeting]! + " – " + meetingTypes[$0]! }
            methodNames = Localization.everyCase(l.method)
            principleNames = Localization.everyCase(l.principle)
            factStarts = FactStarts(kind: PageWriter.factStart(kind), date: PageWriter.factStart(date),
                                    status: PageWriter.factStart(status), subprojects: PageWriter.factStart(subprojects),
                                    provider: PageWriter.factStart(provider), hours: PageWriter.factStart(hours),
                                    methods: PageWriter.factStart(methods), principles: PageWriter.factStart(principles),
                                    notes: PageWriter.factStart(notes), id: PageWriter.factStart(id))
        }
    }
}

extension String {
    /// "genomförd" → "Genomförd", for words used at the start of a label.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
