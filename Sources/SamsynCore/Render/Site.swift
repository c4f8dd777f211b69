/// What the pages need besides the project and its computed figures.
public struct RenderInput: Sendable {
    public var project: Project
    public var report: IndicatorReport
    public var overview: Overview
    public var trends: [TrendPoint]
    /// When the data last changed (from git or file times), if known.
    public var lastChanged: Day?

    /// The indexes of the records that the pages look things up in (built
    /// from the project alone, so they can be built beside the indicators).
    let indexes: RecordIndexes

    public init(project: Project, report: IndicatorReport, lastChanged: Day? = nil) {
        self.init(project: project, report: report, lastChanged: lastChanged,
                  indexes: RecordIndexes(project), trends: Trends.compute(project, asOf: report.asOf))
    }

    init(project: Project, report: IndicatorReport, lastChanged: Day?, indexes: RecordIndexes, trends: [TrendPoint]) {
        self.project = project
        self.report = report
        self.overview = Overview.compute(project, report)
        self.trends = trends
        self.lastChanged = lastChanged
        self.indexes = indexes
    }

    /// The indicators, and what the pages need from the project alone (the
    /// indexes and the trends): pieces of work that need only the checked
    /// project, handed to whichever core is free, the longest first (as
    /// measured at 100 000 records: the indexes, the indicators' three
    /// largest pieces, the trends, the rest). The result is the same as one
    /// after the other. (The indicators' own two halves side by side, inside
    /// a pair with the indexes, ran on one core, see `Parallel`; with the
    /// indicators in two halves, one core still worked alone at the end for
    /// some 50–75 ms at 100 000 records.)
    public static func computing(_ project: Project, asOf: Day, lastChanged: Day?) -> RenderInput {
        enum Work: Sendable { case indexes, trends, indicators(Indicators.Piece) }
        enum Part: Sendable { case indexes(RecordIndexes), trends([TrendPoint]), indicators(Indicators.Part) }
        let largest: [Indicators.Piece] = [.attendance, .assessments, .agreements]
        let work: [Work] = [.indexes] + largest.map(Work.indicators) + [.trends]
            + Indicators.Piece.allCases.filter { !largest.contains($0) }.map(Work.indicators)
        var indicators: [Indicators.Part] = [], indexes: RecordIndexes?, trends: [TrendPoint]?
        for part in Parallel.map(work, { work -> Part in
            switch work {
            case .indexes: .indexes(RecordIndexes(project))
            case .trends: .trends(Trends.compute(project, asOf: asOf))
            case .indicators(let piece): .indicators(Indicators.piece(piece, project, asOf: asOf))
            }
        }) {
            switch part {
            case .indicators(let value): indicators.append(value)
            case .indexes(let value): indexes = value
            case .trends(let value): trends = value
            }
        }
        let report = Indicators.report(project, asOf: asOf, indicators)
        return RenderInput(project: project, report: report, lastChanged: lastChanged, indexes: indexes!, trends: trends!)
    }
}

/// One page: where it goes, its title, and its content.
struct Page: Sendable {
    var path: String
    var title: String
    /// The navigation entry it belongs to (highlighted as the current page).
    var section: String
    var intro: [String] = []
    var blocks: [Block] = []
    var sections: [Section] = []
    /// For record pages: the list page they belong to.
    var parent: (label: String, path: String)?
}

/// A page whose path is known now and whose content is laid out when it is
/// written: on whichever core writes it, and only while it is being written,
/// so a national site's pages are never all in memory at once.
struct PagePlan: Sendable {
    let path: String
    let layout: @Sendable () -> Page
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

    static func pages(_ input: RenderInput) -> [PagePlan] {
        let context = PageContext(input)
        let groups = [OverviewPage.pages(context), AgreementPages.pages(context), ActivityPages.pages(context),
                      AssessmentPages.pages(context), OrganisationPages.pages(context), SubprojectPages.pages(context),
                      InfoPages.pages(context)]
        // Each plan copied once: joined with `+`, the first groups' plans
        // were copied again at every step (80 000 plans, on one core).
        var plans: [PagePlan] = []
        plans.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for group in groups { plans += group }
        return plans
    }

    /// One page, written: its bytes are in the writer returned.
    static func write(_ page: Page, frames: FrameMaker) -> HTMLWriter {
        let (frame, pieces) = frames.frame(for: page)
        return PageWriter.write(page, frame: frame, pieces: pieces, breadcrumb: page.parent.map { ($0.label, frame.root + $0.path) })
    }
}

/// The parts every page shares — navigation, header and footer — worked out
/// once per site: only the links (which depend on how deep the page lies)
/// and the highlighted navigation entry differ from page to page, so each
/// combination is written once (`FramePieces`) and copied into its pages.
struct FrameMaker: Sendable {
    private let base: Frame
    /// Every page of the site lies at most this many folders down; deeper ones are worked out per page.
    private static let deepest = 2
    /// By depth, then by the index of the page's own navigation entry (the
    /// last one for a page outside the navigation).
    private let made: [[(frame: Frame, pieces: FramePieces)]]

    init(_ input: RenderInput, _ l: Localization, logoPath: String?) {
        let config = input.project.config
        let base = Frame(
            lang: config.language.rawValue,
            projectName: config.name,
            reference: config.reference,
            root: "",
            logo: logoPath,
            accentStylesheet: config.appearance.accent != nil,
            period: l.period(config.start, config.end),
            asOf: l.date(input.report.asOf),
            changed: input.lastChanged.map(l.date),
            footerText: config.appearance.footer,
            footerAsOf: l.format("footer.asOf", l.date(input.report.asOf)),
            footerChanged: input.lastChanged.map { l.format("footer.changed", l.date($0)) },
            navigation: HTMLSite.navigation.map { (href: $0.path, label: l[$0.key], current: false) },
            words: .init(skip: l["skip"], navLabel: l["nav.label"], reference: l["reference"], period: l["period"],
                         asOf: l["asOf"], changed: l["changed"], accessibility: l["nav.accessibility"], data: l["nav.data"],
                         tableData: l["table.data"]))
        self.base = base
        made = (0...FrameMaker.deepest).map { depth in
            (0...HTMLSite.navigation.count).map { current in
                let frame = FrameMaker.frame(base, root: String(repeating: "../", count: depth), current: current)
                return (frame, FramePieces(frame))
            }
        }
    }

    func frame(for page: Page) -> (Frame, FramePieces) {
        let root = Linker(pagePath: page.path).root
        let depth = root.utf8.count / 3
        let current = HTMLSite.navigation.firstIndex { $0.key == page.section } ?? HTMLSite.navigation.count
        if depth <= FrameMaker.deepest { return made[depth][current] }
        let frame = FrameMaker.frame(base, root: root, current: current)
        return (frame, FramePieces(frame))
    }

    /// The frame of a page `root` below the site's top whose own navigation entry is `current`.
    private static func frame(_ base: Frame, root: String, current: Int) -> Frame {
        var frame = base
        frame.root = root
        for index in frame.navigation.indices {
            frame.navigation[index].href = root + HTMLSite.navigation[index].path
            frame.navigation[index].current = index == current
        }
        return frame
    }
}

/// Indexes of the records, built once from the project so that no page
/// scans every record (a national project has hundreds of organisations and
/// 100 000 records).
struct RecordIndexes: Sendable {
    let organisationPlaces: OrganisationPlaces
    let subprojects: [String: Subproject]
    let agreements: [String: Agreement]
    let agreementsByParty: [String: [Agreement]]
    /// Activities are listed by their place in `activitiesInOrder`: a page's
    /// table then takes each row worked out once per site (`ActivityPages.Rows`),
    /// and merging two lists in order is a sort of numbers.
    let activitiesByOrganisation: [String: [Int]]
    /// Records naming each subproject; whole-project records are kept apart
    /// (`wholeProject…`), since they apply to every subproject at once.
    let agreementsBySubproject: [String: [Agreement]]
    let activitiesBySubproject: [String: [Int]]
    let wholeProjectAgreements: [Agreement]
    let wholeProjectActivities: [Int]
    /// Every activity by date, then id: the order of every list of activities.
    let activitiesInOrder: [Activity]

    init(_ project: Project) {
        let places = OrganisationPlaces(project.config.organisations)
        organisationPlaces = places
        subprojects = Dictionary(uniqueKeysWithValues: project.config.subprojects.map { ($0.id, $0) })
        agreements = Dictionary(uniqueKeysWithValues: project.agreements.map { ($0.id, $0) })
        let sortedAgreements = project.agreements.sorted { byteOrder($0.id, $1.id) }
        // Places sorted, then the activities taken in that order: sorting the
        // records themselves moved every record a dozen times.
        let activities = project.activities
        let sortedActivities = Activity.chronologicalPlaces(activities).map { activities[$0] }
        activitiesInOrder = sortedActivities
        var byParty: [String: [Agreement]] = [:], bySub: [String: [Agreement]] = [:]
        for agreement in sortedAgreements {
            for party in agreement.parties { byParty[party, default: []].append(agreement) }
            for sub in agreement.subprojects { bySub[sub, default: []].append(agreement) }
        }
        // Gathered by the organisation's place, then named: hashing each
        // participation's id was a third of these indexes.
        var byPlace = [[Int]](repeating: [], count: places.organisations.count)
        var byOrganisation: [String: [Int]] = [:], activitiesBySub: [String: [Int]] = [:]
        for (position, activity) in sortedActivities.enumerated() {
            let participants = activity.participants
            // Each participation's place found once, and an organisation named
            // twice in one activity (the reader warned) found by its place:
            // comparing each id with the ones before it was half of these indexes.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: participants.count) { found in
                for index in participants.indices {
                    let place = places.place(of: participants[index]) ?? -1
                    found[index] = place
                    let named = place >= 0
                        ? found[..<index].contains(place)
                        : participants[..<index].indices.contains { found[$0] < 0 && participants[$0].organisation == participants[index].organisation }
                    if named { continue }
                    if place >= 0 {
                        byPlace[place].append(position)
                    } else {
                        byOrganisation[participants[index].organisation, default: []].append(position)
                    }
                }
            }
            for sub in activity.subprojects { activitiesBySub[sub, default: []].append(position) }
        }
        for (place, organisation) in places.organisations.enumerated() where !byPlace[place].isEmpty {
            byOrganisation[organisation.id] = byPlace[place]
        }
        agreementsByParty = byParty
        agreementsBySubproject = bySub
        wholeProjectAgreements = sortedAgreements.filter { $0.subprojects.isEmpty }
        wholeProjectActivities = sortedActivities.indices.filter { sortedActivities[$0].subprojects.isEmpty }
        activitiesByOrganisation = byOrganisation
        activitiesBySubproject = activitiesBySub
    }

    /// The activity of this kind, id and date, looked up in
    /// `activitiesInOrder` by its date and id: the overview names a few, and
    /// a table of every activity by kind and id was 10 % of these indexes.
    func activity(_ kind: Activity.Kind, id: String, date: Day) -> Activity? {
        let all = activitiesInOrder
        var low = 0, high = all.count
        while low < high {
            let middle = (low + high) / 2
            if all[middle].date < date || (all[middle].date == date && byteOrder(all[middle].id, id)) { low = middle + 1 } else { high = middle }
        }
        // Ids are unique per kind only: the same date and id may follow for another kind.
        while low < all.count, all[low].date == date, all[low].id.utf8.elementsEqual(id.utf8) {
            if all[low].kind == kind { return all[low] }
            low += 1
        }
        return nil
    }
}

/// Shared look-ups for the page builders; `c.agreementsByParty` and the
/// other indexes are read from `RecordIndexes` (dynamic member lookup by key
/// path: checked by the compiler like any property).
/// A class: each of the site's page plans captures the context, and a
/// reference is one retain where the struct was a copy of every figure and
/// index (about 1 800 instructions a page).
@dynamicMemberLookup
final class PageContext: Sendable {
    let input: RenderInput
    let l: Localization
    let activityWords: ActivityPages.Words
    let activityRows: ActivityPages.Rows
    let agreementWords: AgreementPages.Words
    /// Each organisation's link from a page one folder down (every record
    /// page), by its place in the config, made once per site: an activity
    /// page made one for each participation, some 600 instructions each.
    private let organisationHrefsOneDown: [String]
    /// The start of a participants row on an activity's page (one folder
    /// down): `<tr>` and the organisation's linked name as a row header, by
    /// the organisation's place, written once per site instead of a cell
    /// made, escaped and freed for every participation.
    private let participantRowStartsOneDown: [WrittenHTML]

    init(_ input: RenderInput) {
        self.input = input
        self.l = Localization(input.project.config.language)
        self.activityWords = ActivityPages.Words(l)
        self.activityRows = ActivityPages.Rows(input, l, activityWords)
        self.agreementWords = AgreementPages.Words(l)
        let oneDown = Linker(pagePath: "folder/page.html")
        let organisations = input.indexes.organisationPlaces.organisations
        let hrefs = organisations.map { oneDown.organisation($0.id) }
        self.organisationHrefsOneDown = hrefs
        self.participantRowStartsOneDown = organisations.indices.map { place in
            var w = HTMLWriter(capacity: 256)
            PageWriter.write(rowStart: organisations[place].name, href: hrefs[place], &w)
            return w.written
        }
    }

    /// The start of `participation`'s row in an activity page's participants
    /// table (see `participantRowStartsOneDown`); nil for a page elsewhere,
    /// or an organisation not in the config.
    func participantRowStart(of participation: Activity.Participation, _ link: Linker) -> WrittenHTML? {
        guard link.root == "../", let place = input.indexes.organisationPlaces.place(of: participation) else { return nil }
        return participantRowStartsOneDown[place]
    }

    subscript<T>(dynamicMember index: KeyPath<RecordIndexes, T>) -> T { input.indexes[keyPath: index] }

    var project: Project { input.project }
    var report: IndicatorReport { input.report }
    var asOf: Day { input.report.asOf }

    func orgName(_ id: String) -> String {
        let places = input.indexes.organisationPlaces
        return places.place(of: id).map { places.organisations[$0].name } ?? id
    }
    /// A participation's organisation: its name, and its link from a page that `link` makes links for.
    func organisation(of participation: Activity.Participation, _ link: Linker) -> (text: String, href: String?) {
        organisation(participation.organisation, at: input.indexes.organisationPlaces.place(of: participation), link)
    }

    /// An organisation named by its id (an agreement's parties, a subproject's partners), the same way.
    func organisation(_ id: String, _ link: Linker) -> (text: String, href: String?) {
        organisation(id, at: input.indexes.organisationPlaces.place(of: id), link)
    }

    private func organisation(_ id: String, at place: Int?, _ link: Linker) -> (text: String, href: String?) {
        guard let place else { return (id, link.organisation(id)) }
        let href = link.root == "../" ? organisationHrefsOneDown[place] : link.organisation(id)
        return (input.indexes.organisationPlaces.organisations[place].name, href)
    }
    func subName(_ id: String) -> String { input.indexes.subprojects[id]?.name ?? id }

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
