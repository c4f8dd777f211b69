import Testing
@testable import SamsynCore

/// Each indicator rule on a project built in code: no files involved.
@Suite struct IndicatorRuleTests {
    static let config = SiteConfig(
        name: "Test", start: .t("2024-01-01"), end: .t("2025-12-31"),
        organisations: [Organisation(id: "fk", name: "FK", trainingTarget: 8),
                        Organisation(id: "kn", name: "Kommunen", trainingTarget: 0),
                        Organisation(id: "rs", name: "Regionen")],
        subprojects: [Subproject(id: "alfa", name: "Alfa", start: .t("2024-01-01"), end: .t("2025-12-31"), partners: ["fk", "kn", "rs"]),
                      Subproject(id: "beta", name: "Beta", start: .t("2025-09-01"), end: .t("2025-12-31"), partners: [])])

    func meeting(_ id: String, _ date: String, _ type: Activity.MeetingType = .caseworker, subprojects: [String] = []) -> Activity {
        Activity(kind: .meeting, id: id, title: id, date: .t(date), subprojects: subprojects, meetingType: type)
    }

    @Test func agreementInForceBoundariesAreInclusive() {
        let a = Agreement(id: "a", title: "A", parties: ["fk", "kn"], status: .signed, signed: .t("2024-03-01"),
                          validUntil: .t("2024-12-31"), terminated: .t("2024-06-30"))
        #expect(!a.isInForce(on: .t("2024-02-29")))
        #expect(a.isInForce(on: .t("2024-03-01")))
        #expect(a.isInForce(on: .t("2024-06-30")), "the earlier of valid_until and terminated ends it, inclusive")
        #expect(!a.isInForce(on: .t("2024-07-01")))
        let draft = Agreement(id: "d", title: "D", parties: ["fk", "kn"], status: .draft, validFrom: .t("2024-01-01"))
        #expect(!draft.isInForce(on: .t("2024-06-01")))
        let open = Agreement(id: "o", title: "O", parties: ["fk", "kn"], status: .signed, signed: .t("2024-01-10"),
                             validFrom: .t("2024-02-01"))
        #expect(!open.isInForce(on: .t("2024-01-31")), "valid_from wins over signed")
        #expect(open.isInForce(on: .t("2099-01-01")))
    }

    @Test func expiringWindowIncludesBothEnds() {
        let d = Day.t("2025-01-01")
        let agreements = [89, 90, 91, 0].map { days in
            Agreement(id: "e\(days)", title: "E", parties: ["fk", "kn"], status: .signed, signed: .t("2024-01-01"),
                      validUntil: d.adding(days: days))
        }
        let report = Indicators.agreements(Project(config: Self.config, agreements: agreements), asOf: d)
        #expect(report.expiring == ["e0", "e89", "e90"])
    }

    @Test func coverageCountsWholeProjectAgreementsAndGapsListMissingPartners() {
        let agreements = [
            Agreement(id: "whole", title: "W", parties: ["fk", "kn"], status: .signed, signed: .t("2024-01-01")),
            Agreement(id: "beta-only", title: "B", parties: ["rs", "kn"], subprojects: ["beta"], status: .signed, signed: .t("2024-01-01")),
            Agreement(id: "ended", title: "X", parties: ["rs", "fk"], subprojects: ["alfa"], status: .terminated,
                      signed: .t("2024-01-01"), terminated: .t("2024-05-01")),
        ]
        let report = Indicators.agreements(Project(config: Self.config, agreements: agreements), asOf: .t("2024-06-01"))
        #expect(report.coverage == ["alfa": ["fk", "kn"], "beta": ["fk", "kn", "rs"]])
        #expect(report.gaps == ["alfa": ["rs"], "beta": []])
        #expect(report.signedByYear == ["2024": 3])
        #expect(report.byStatus == [.draft: 0, .signed: 2, .terminated: 1])
    }

    @Test func caseworkerOnTrackUsesTheExactShareOfTheYear() {
        // Target 3 in a leap year: by day 122 (1 May) 3·122/366 = 1 exactly, so one meeting is on track.
        let meetings = [meeting("m1", "2024-02-01", subprojects: ["alfa"])]
        let project = Project(config: Self.config, activities: meetings)
        #expect(Indicators.caseworkerMeetings(Self.config, held: project.activities, asOf: .t("2024-05-01"))["alfa"]?.onTrack == true)
        #expect(Indicators.caseworkerMeetings(Self.config, held: project.activities, asOf: .t("2024-05-02"))["alfa"]?.onTrack == false)
        // A meeting listing no subprojects applies to every subproject.
        let all = [meeting("m2", "2024-02-01"), meeting("t", "2024-02-02", .team)]
        let result = Indicators.caseworkerMeetings(Self.config, held: all, asOf: .t("2024-03-01"))
        #expect(result["beta"]?.thisYear == 1)
        #expect(result["beta"]?.byYear == ["2024": 1])
    }

    @Test func competenceShareIsNullWithoutAPositiveTarget() {
        let training = Activity(kind: .training, id: "t", title: "T", date: .t("2024-02-01"),
                                participants: [.init(organisation: "fk", count: 5), .init(organisation: "kn", count: 2)])
        let meetingWithPeople = Activity(kind: .meeting, id: "m", title: "M", date: .t("2024-02-01"), meetingType: .team,
                                         participants: [.init(organisation: "fk", count: 9)])
        let result = Indicators.competence(Self.config.organisations, held: [training, meetingWithPeople])
        #expect(result["fk"] == Competence(target: 8, attendances: 5, share: Exact(5, 8).rounded(decimals: 3)))
        #expect(result["fk"]?.share?.text() == "0.625")
        #expect(result["kn"] == Competence(target: 0, attendances: 2, share: nil))
        #expect(result["rs"] == Competence(target: nil, attendances: 0, share: nil))
    }

    /// The reader notes where each participation's organisation stands in the
    /// config; a place that no longer names it (a record read against another
    /// config) must not count for the organisation now in that place.
    @Test func competenceCountsByTheOrganisationNotByAStalePlace() {
        let noted = Activity(kind: .training, id: "a", title: "A", date: .t("2024-02-01"),
                             participants: [.init(organisation: "kn", count: 2, organisationPlace: 1)])
        let stale = Activity(kind: .training, id: "b", title: "B", date: .t("2024-02-02"),
                             participants: [.init(organisation: "rs", count: 3, organisationPlace: 0),
                                            .init(organisation: "fk", count: 4, organisationPlace: 99)])
        let unknown = Activity(kind: .training, id: "c", title: "C", date: .t("2024-02-03"),
                               participants: [.init(organisation: "nowhere", count: 7)])
        let result = Indicators.competence(Self.config.organisations, held: [noted, stale, unknown])
        #expect(result["fk"]?.attendances == 4)
        #expect(result["kn"]?.attendances == 2)
        #expect(result["rs"]?.attendances == 3)
        #expect(result["nowhere"] == nil)
    }

    /// An organisation's pages list each of its activities once, however
    /// often the activity names it, by a noted place, a stale one or none,
    /// and also when the id is not in the config.
    @Test func organisationsListEachActivityOnce() {
        let twice = Activity(kind: .training, id: "a", title: "A", date: .t("2024-02-01"),
                             participants: [.init(organisation: "fk", count: 2, organisationPlace: 0),
                                            .init(organisation: "kn", count: 1),
                                            .init(organisation: "fk", count: 3, organisationPlace: 7),
                                            .init(organisation: "nowhere", count: 1),
                                            .init(organisation: "nowhere", count: 1)])
        let once = Activity(kind: .training, id: "b", title: "B", date: .t("2024-02-02"),
                            participants: [.init(organisation: "rs", count: 3, organisationPlace: 0),
                                           .init(organisation: "fk", count: 4)])
        var project = Project(config: Self.config)
        project.activities = [once, twice]
        let indexes = RecordIndexes(project)
        #expect(indexes.activitiesInOrder.map(\.id) == ["a", "b"])
        #expect(indexes.activitiesByOrganisation["fk"] == [0, 1])
        #expect(indexes.activitiesByOrganisation["kn"] == [0])
        #expect(indexes.activitiesByOrganisation["rs"] == [1])
        #expect(indexes.activitiesByOrganisation["nowhere"] == [0])
    }

    @Test func countByYearCountsEachYearOfTheSpanAndNamesOnlyYearsWithDays() {
        let days: [Day] = [.t("2026-05-01"), .t("2023-01-01"), .t("2026-12-31"), .t("2023-06-30"), .t("2026-01-01")]
        #expect(Indicators.countByYear(days) == ["2023": 2, "2026": 3])
        #expect(Indicators.countByYear([]) == [:])
    }

    @Test func participantHoursAreExactThenRounded() {
        let a = Activity(kind: .training, id: "a", title: "A", date: .t("2024-02-01"), hours: Exact(decimal: "1.25"),
                         participants: [.init(organisation: "fk", count: 3, women: 2, men: 1)])
        let b = Activity(kind: .training, id: "b", title: "B", date: .t("2024-02-02"),
                         participants: [.init(organisation: "fk", count: 4)])
        let planned = Activity(kind: .training, id: "c", title: "C", date: .t("2024-03-01"), hours: Exact(10),
                               participants: [.init(organisation: "fk", count: 4)])
        let result = Indicators.activities([a, b, planned], asOf: .t("2024-02-29"))
        #expect(result.participantHours.text() == "3.8")  // 3 × 1.25 = 3.75 → 3.8; b gives no hours
        #expect(result.participants == 7)
        #expect(result.women == 2 && result.men == 1 && result.nonBinary == 0)
        #expect(result.held == 2 && result.planned == 1)
        #expect(result.heldByType == nil)
    }

    @Test func principlesUncoveredThisYear() {
        let themeDay = Activity(kind: .themeDay, id: "td", title: "TD", date: .t("2024-05-01"), principles: [.genderEquality])
        let meeting = Activity(kind: .meeting, id: "m", title: "M", date: .t("2025-01-10"), principles: [.accessibility],
                               meetingType: .team)
        let result = Indicators.principles(held: [themeDay, meeting], asOf: .t("2025-03-01"))
        #expect(result.uncoveredThisYear == [.genderEquality, .nonDiscrimination])
        #expect(result.activitiesByYear == ["2024": 1, "2025": 1])
        #expect(result.themeDaysByYear == ["2024": 1])
        #expect(result.byPrinciple == [.accessibility: 1, .genderEquality: 1, .nonDiscrimination: 0])
    }

    @Test func assessmentMeansIndexChangeAndWeakest() {
        let first = SelfAssessment(id: "r1", subproject: "alfa", date: .t("2024-03-01"), answers: .scores(
            ["trust_culture": 3, "work_focus": 3, "parallel_services": 2, "no_breaks": 3, "continuity": 4, "progression_focus": 3]))
        let second = SelfAssessment(id: "r2", subproject: "alfa", date: .t("2024-09-01"), answers: .responses([
            ["trust_culture": 3, "work_focus": 4, "parallel_services": 2],
            ["trust_culture": 4, "work_focus": 4, "parallel_services": 2],
            ["trust_culture": 3, "work_focus": 3],
            ["trust_culture": 3, "work_focus": 4, "parallel_services": 2],
            ["trust_culture": 3, "work_focus": 4, "parallel_services": 2],
            ["trust_culture": 3, "work_focus": 4, "parallel_services": 2],
            ["trust_culture": 3, "work_focus": 4, "parallel_services": 2],
            ["trust_culture": 3, "work_focus": 4, "parallel_services": 2],
        ]))
        #expect(first.responseList[0]["continuity"] == 4 && second.responseList[2]["parallel_services"] == nil)
        #expect(second.responseList[2].answers.map(\.question) == ["trust_culture", "work_focus"], "in the order written")
        let project = Project(config: Self.config, assessments: [second, first])
        let history = Indicators.assessments(project, asOf: .t("2025-03-01"))["alfa"]!
        #expect(history.rounds.map(\.id) == ["r1", "r2"])
        let latest = history.rounds[1]
        #expect(latest.respondents == 8)
        #expect(latest.mean(of: "trust_culture")?.text() == "3.13")   // 25/8 = 3.125
        #expect(latest.mean(of: "work_focus")?.text() == "3.88")      // 31/8 = 3.875
        #expect(latest.mean(of: "parallel_services")?.text() == "2")  // 14/7
        #expect(latest.mean(of: "no_breaks") == nil)
        // index = (25/8 + 31/8 + 2) / 3 = 9/4... = (72/8)/3 = 3
        #expect(latest.index?.text() == "3")
        #expect(history.change == ["trust_culture": Exact(1, 8).rounded(decimals: 2), "work_focus": Exact(7, 8).rounded(decimals: 2),
                                   "parallel_services": Exact(0).rounded(decimals: 2)])
        #expect(history.change["trust_culture"]?.text() == "0.13")
        #expect(history.weakest == ["parallel_services"])
        #expect(history.latest == "r2")
        // 2024-09-01 + 6 months = 2025-03-01: due that day, not overdue; one day later it is.
        #expect(history.overdue == false)
        #expect(Indicators.assessments(project, asOf: .t("2025-03-02"))["alfa"]!.overdue == true)
        // Beta has no rounds: overdue once started, never before.
        #expect(Indicators.assessments(project, asOf: .t("2025-08-31"))["beta"]!.overdue == false)
        #expect(Indicators.assessments(project, asOf: .t("2025-09-01"))["beta"]!.overdue == true)
        #expect(Indicators.assessments(project, asOf: .t("2024-02-01"))["alfa"]!.latest == nil)
    }

    @Test func sameDayRoundsAreOrderedByID() {
        let a = SelfAssessment(id: "b-round", subproject: "alfa", date: .t("2024-03-01"), answers: .scores(["trust_culture": 1]))
        let b = SelfAssessment(id: "a-round", subproject: "alfa", date: .t("2024-03-01"), answers: .scores(["trust_culture": 5]))
        let history = Indicators.assessments(Project(config: Self.config, assessments: [a, b]), asOf: .t("2024-04-01"))["alfa"]!
        #expect(history.rounds.map(\.id) == ["a-round", "b-round"])
        #expect(history.change["trust_culture"]?.text() == "-4")
    }
}
