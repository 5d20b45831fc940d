/// The small, valid site every fuzz input is put into (a copy of the tests' bad-data base).
enum FuzzBaseSite {
    static let files: [String: String] = [
        "content/guide/aims.md": #"""
        ---
        title: Mål
        question: aims
        assessment: "Är målen tydliga?"
        order: 1
        ---
        """#,
        "content/guide/index.md": #"""
        ---
        title: Frågor
        ---
        """#,
        "content/guide/reach.md": #"""
        ---
        title: Räckvidd
        question: reach
        assessment: "Nådde arbetet rätt personer?"
        order: 2
        ---
        """#,
        "content/index.md": #"""
        ---
        title: Start
        ---

        Testsajt.
        """#,
        "content/key-figures.yaml": #"""
        - id: heltid
          name: Andel som arbetar heltid
          perspective: Medarbetare
          measure: percent
          better: higher
          groups: [women, men]
          years:
            2025: {value: {women: 68, men: 83}, target: {women: 70, men: 85}}
        - id: besok
          name: Besök på fritidsgården
          perspective: Medborgare
          measure: count
          better: higher
          groups: [girls, boys]
        - id: kostnad
          name: Kostnad per brukare
          perspective: Ekonomi
          measure: number
          unit: kr
          better: lower
          groups: [total]
        """#,
        "content/process/index.md": #"""
        ---
        title: Processen
        ---
        """#,
        "content/process/plan.md": #"""
        ---
        title: Planera
        step: plan
        order: 2
        ---

        ## Före
        """#,
        "content/process/start.md": #"""
        ---
        title: Start
        step: start
        order: 1
        ---

        ## Före
        """#,
        "content/site.yaml": #"""
        title: Testsajt
        organisation: Testby kommun
        language: sv
        perspectives: [Medborgare, Medarbetare, Ekonomi]
        rating_scale: {min: 1, max: 10}
        self_assessment_max: 60
        min_group_size: 5
        """#,
        "content/units/good.yaml": #"""
        name: Förskolan Solrosen
        department: Barn- och utbildningsförvaltningen
        manager: Anna Andersson
        team: [Anna Andersson, Bo Berg]
        years:
          2026:
            steps:
              start: {status: done, date: 2026-02-10}
              plan: {status: in_progress, date: 2026-03-15}
            self_assessment: 38
            stamp: 2026-04-02
            key_figures:
              heltid:
                value: {women: 71, men: 90}
                n: {women: 24, men: 8}
                target: {women: 75, men: 90}
              besok: {value: {girls: 120, boys: 140}}
              kostnad: {value: {total: 2150.5}}
            activity_plans:
              - title: Scheman som gör heltid möjlig
                key_figure: heltid
                responsible: Bo Berg
                status: in_progress
                due: 2026-10-01
            program_logic:
              resources: [{id: r1, text: Tid på arbetsplatsträffar}]
              activities: [{id: a1, text: Ny schemamodell, uses: [r1], leads_to: [res1], done: true}]
              results: [{id: res1, text: Fler erbjuds heltid, leads_to: [e1], achieved: partly}]
              effects: [{id: e1, text: Lika villkor för kvinnor och män}]
            learning_follow_up:
              date: 2026-11-12
              ratings: {aims: [6, 7, 5, 8], reach: [3, 9]}
              agreed: {aims: 6, reach: 5}
            interim_report: |
              Det går bra.
            follow_up:
              done: Vi har infört nya scheman.
              tips: Börja i liten skala.
        """#,
    ]
}
