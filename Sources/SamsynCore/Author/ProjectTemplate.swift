/// The files `samsyn init` writes for a new project: a config with
/// commented placeholders that passes `samsyn check` as it is, empty content
/// folders, a .gitignore, CI workflows and a short README for the people
/// who keep the data, and the JSON Schemas that editors check the files with.
public enum ProjectTemplate {
    public static func files(name: String, today: Day) -> [String: String] {
        var files: [String: String] = [:]
        for (name, schema) in Schemas.all() { files["schemas/" + name] = schema.serialized() }
        files["config/site.yaml"] = config(name: name, today: today)
        for kind in RecordTemplate.Kind.allCases {
            // Files starting with "." are skipped by Samsyn; this one only keeps the folder in git.
            files["content/\(kind.folder)/.gitkeep"] = ""
        }
        files[".gitignore"] = "# Samsyn writes the site here; it is published by CI, not committed.\nsite/\npublic/\n"
            + "# Kept beside the site to make the next build quick (the site a build replaced, the stamps of its pages) and a build's temporary folder.\n.site.samsyn-*/\n.public.samsyn-*/\n"
        files["README.md"] = readme(name: name)
        files[".github/workflows/pages.yml"] = CITemplates.github
        files[".gitlab-ci.yml"] = CITemplates.gitlab
        return files
    }

    static func config(name: String, today: Day) -> String {
        """
        \(RecordTemplate.schemaLine("site.schema.json", depth: 1))# Projektets grunduppgifter. Byt ut exemplen mot era egna och kör `samsyn check`.
        # Hela formatet beskrivs i Samsyns docs/data-format.md.
        project:
          name: \(name)                  # projektets namn
          reference:                      # diarienummer, t.ex. 22-002-S11
          owner: forbundet                # projektägaren: ett id från listan nedan
          start: \(today)                 # projektperiodens första dag
          end: \(today.adding(months: 36))                   # projektperiodens sista dag

        language: sv                      # webbplatsens språk: sv eller en

        organisations:                    # alla organisationer som deltar
          - id: forbundet                 # kort id: a–z, siffror och -
            name: Samordningsförbundet    # organisationens namn
            type: coordination-association   # state-agency | region | municipality | coordination-association | other
            training_target: 1            # planerat antal i kompetensutveckling (frivilligt)
        #  - id: fk
        #    name: Försäkringskassan
        #    type: state-agency
        #    training_target: 30

        subprojects:                      # delprojekten
          - id: delprojekt-1
            name: Delprojekt 1
            partners: [forbundet]         # organisationer som ska omfattas av samverkansöverenskommelser

        targets:                          # mål (standardvärden visas)
          caseworker_meetings_per_year: 3
          theme_days_per_year: 2
          agreement_expiry_warning_days: 90
          assessment_interval_months: 6

        # site:                           # utseende och tillgänglighetsredogörelse (frivilligt)
        #   logo: config/logo.svg
        #   accent: "#1f5c99"
        #   footer: "Projektet drivs med stöd från Europeiska socialfonden (ESF+)."
        #   accessibility:
        #     contact_email: info@exempel.se

        """
    }

    static func readme(name: String) -> String {
        """
        # \(name)

        Här finns projektets uppföljning av strukturella förändringar: samverkansöverenskommelser,
        utbildningar, temadagar, möten och BIP-självskattningar, som små textfiler (YAML).
        Programmet Samsyn kontrollerar filerna och bygger en webbplats för styrgruppen.

        ## Så lägger du till något

        ```sh
        samsyn new training        # också: agreement, theme-day, meeting, assessment
        samsyn check               # kontrollera alla filer
        samsyn serve               # förhandsvisa på http://127.0.0.1:8000
        ```

        Fyll i den nya filen, kör `samsyn check` tills inga fel återstår och spara ändringen i git.
        Webbplatsen byggs och publiceras sedan automatiskt.

        ## Skriv aldrig

        - namn på deltagare eller personal – bara antal,
        - personnummer eller samordningsnummer (bygget stoppas om ett sådant finns, också i kommentarer).

        ## Mappar

        - `config/site.yaml` – projektet, organisationerna, delprojekten och målen
        - `content/` – en fil per överenskommelse, utbildning, temadag, möte och självskattning
        - `schemas/` – hjälper redigeringsprogram att kontrollera filerna medan du skriver
        - `site/` – den byggda webbplatsen (skapas av Samsyn, sparas inte i git)

        """
    }
}
