/// The text of "Om indikatorerna": what each indicator means, how it is
/// computed, why it matters, and how the data is updated.
enum AboutText {
    struct Section {
        var heading: String
        var paragraphs: [String]
    }

    static func sections(_ language: Language) -> [Section] {
        language == .sv ? sv : en
    }

    static let sv: [Section] = [
        Section(heading: "Varför strukturella indikatorer", paragraphs: [
            "Projektet ska visa att det förändrar strukturer, inte bara hjälper enskilda deltagare. Den danska BIP-studien visade att tre saker i organisationerna hänger ihop med att deltagare kommer närmare arbete: att personalen tror på deltagarens möjligheter, att parallella insatser samordnas och att deltagaren får behålla samma personal (kontinuitet). Indikatorerna följer det som bär upp detta: skriftlig samverkan, kompetens, möten och organisationens egen bedömning.",
            "Alla siffror räknas per ett och samma datum (beräkningsdatumet) och av samma regler varje gång. Samma uppgifter och samma datum ger alltid exakt samma siffror.",
        ]),
        Section(heading: "Samverkansöverenskommelser", paragraphs: [
            "En överenskommelse är i kraft när den är undertecknad (eller avslutad), har börjat gälla och ännu inte upphört: från giltighetsdatum, som annars är dagen den undertecknades, till och med det tidigaste av slutdatum och avslutsdatum. Utkast är aldrig i kraft.",
            "Täckning visar, för varje delprojekt, vilka organisationer som är part i minst en överenskommelse i kraft som gäller delprojektet eller hela projektet. En lucka är en förväntad part (partners i konfigurationen) som inte omfattas. Överenskommelser som gäller oberoende av enskilda handläggare räknas särskilt: det är de som gör samverkan till struktur.",
            "Överenskommelser som löper ut inom 90 dagar (går att ändra) lyfts fram, så att de kan förnyas i tid.",
        ]),
        Section(heading: "Kompetensutveckling", paragraphs: [
            "För varje organisation summeras deltagarna i genomförda utbildningar och temadagar och jämförs med organisationens mål. Siffrorna är deltagartillfällen, inte antal olika personer: den som går två utbildningar räknas två gånger.",
            "Deltagartimmar är timmar per deltagare gånger antalet deltagare, för de aktiviteter där längden är angiven.",
        ]),
        Section(heading: "Horisontella principer och temadagar", paragraphs: [
            "ESF+ kräver att projektet arbetar med jämställdhet, tillgänglighet och icke-diskriminering. Här räknas genomförda utbildningar, temadagar och möten som tar upp varje princip, år för år, och de principer som ännu inte haft någon aktivitet i år. Temadagar jämförs med målet per år.",
        ]),
        Section(heading: "Handläggarträffar", paragraphs: [
            "Handläggarträffar räknas per delprojekt och kalenderår; en träff som inte anger delprojekt gäller alla. Ett delprojekt är i fas när antalet träffar i år är minst målet gånger den andel av året som har gått: med målet 3 behövs en träff den 1 maj, två den 31 augusti och tre från den 1 september.",
        ]),
        Section(heading: "BIP-självskattning", paragraphs: [
            "Varje delprojekt skattar sig på BIP-studiens sex organisatoriska frågor, på en skala från 1 till 5. Sidan visar medelvärdet per fråga i varje omgång, ett index (medelvärdet av frågornas medelvärden), förändringen sedan förra omgången och det svagaste området. Enskilda svar publiceras aldrig.",
            "En självskattning är försenad när delprojektet har startat och den senaste omgången är äldre än sex månader (går att ändra) räknat från beräkningsdatumet.",
            "Medelvärden och andelar räknas exakt och avrundas en gång, till närmaste värde med hälften bort från noll: 3,125 blir 3,13.",
        ]),
        Section(heading: "Så uppdateras uppgifterna", paragraphs: [
            "Uppgifterna finns som små textfiler i projektets arkiv: en fil per överenskommelse, utbildning, temadag, möte och självskattning. Projektledaren ändrar eller lägger till en fil, kontrollerar den med samsyn check och sparar ändringen. Webbplatsen byggs sedan om automatiskt. Filerna innehåller aldrig namn eller personnummer, bara antal.",
        ]),
    ]

    static let en: [Section] = [
        Section(heading: "Why structural indicators", paragraphs: [
            "The project must show that it changes structures, not only helps individual participants. The Danish BIP study found three things in organisations that go with participants moving closer to work: staff who believe in the participant's chances, parallel services that are coordinated, and participants keeping the same staff (continuity). The indicators follow what supports this: written collaboration, competence, meetings and the organisations' own assessment.",
            "Every figure is computed as of one date (the as-of date) by the same rules each time. The same data and the same date always give exactly the same figures.",
        ]),
        Section(heading: "Collaboration agreements", paragraphs: [
            "An agreement is in force when it is signed (or terminated), has taken effect and has not yet ended: from its valid-from date, otherwise the signing date, up to and including the earlier of its end date and termination date. Drafts are never in force.",
            "Coverage shows, for each subproject, which organisations are party to at least one agreement in force that applies to the subproject or to the whole project. A gap is an expected party (partners in the configuration) that is not covered. Agreements that apply regardless of individual case workers are counted separately: they are what turns collaboration into structure.",
            "Agreements expiring within 90 days (configurable) are highlighted so that they can be renewed in time.",
        ]),
        Section(heading: "Competence development", paragraphs: [
            "For each organisation, participants in held trainings and theme days are added up and compared with the organisation's target. The figures are attendances, not distinct people: someone attending two trainings counts twice.",
            "Participant hours are hours per participant times participants, for activities that give their length.",
        ]),
        Section(heading: "Horizontal principles and theme days", paragraphs: [
            "ESF+ requires the project to work on gender equality, accessibility and non-discrimination. Held trainings, theme days and meetings covering each principle are counted year by year, and the principles with no activity yet this year are listed. Theme days are compared with the yearly target.",
        ]),
        Section(heading: "Case-worker meetings", paragraphs: [
            "Case-worker meetings are counted per subproject and calendar year; a meeting naming no subproject applies to all. A subproject is on track when this year's meetings are at least the target times the share of the year that has passed: with a target of 3, one meeting is needed by 1 May, two by 31 August and three from 1 September.",
        ]),
        Section(heading: "BIP self-assessment", paragraphs: [
            "Each subproject rates itself on the BIP study's six organisational questions on a scale from 1 to 5. The page shows the mean per question in each round, an index (the mean of the question means), the change since the previous round and the weakest area. Individual answers are never published.",
            "A self-assessment is overdue when the subproject has started and its latest round is more than six months (configurable) before the as-of date.",
            "Means and shares are computed exactly and rounded once, half away from zero: 3.125 becomes 3.13.",
        ]),
        Section(heading: "How the data is updated", paragraphs: [
            "The data is kept as small text files in the project's repository: one file per agreement, training, theme day, meeting and self-assessment. The project leader edits or adds a file, checks it with samsyn check and saves the change. The site is then rebuilt automatically. The files never hold names or personal identity numbers, only counts.",
        ]),
    ]
}
