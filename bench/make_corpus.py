#!/usr/bin/env python3
"""Write a synthetic municipality for Valgrund's benchmark: every kind of content a real one has.

OUT/content/ gets what docs/content-format.md describes, every key filled in:

  site.yaml                  every setting, accessibility statement included
  index.md                   the start page (quotes generated figures: {% units %} …)
  handbook/                  the six process steps (`step:`), the folder's index.md
  follow-up/                 the learning follow-up guide: background pages and nine questions
                             (`question:`, `part:`, `assessment:`) in three parts
  <section>/<folder>/…       the rest of --pages: handbook pages in nested folders, an index.md
                             in every folder, `order` front matter, headings, nested lists,
                             quotes, emphasis, code, pictures, links to other pages and to
                             their headings (`../a/b.md#rubrik`), Swedish prose with å, ä, ö
  key-figures.yaml           the key-figure catalogue: every measure, every kind of group,
                             a distribution, units of measure, four years of outcomes and targets
  units/<id>.yaml            --units unit files, every section of a year filled: steps, the
                             self-assessment, the stamp, prioritised key figures with values,
                             sizes and targets per group, activity plans, the program logic,
                             the interim report, the learning follow-up's ratings, the follow-up
  examples/<name>.md         good examples (a fifth as many as units), with units, key figures,
                             tags and annual-report years
  annual-report/<year>.md    the annual report's own text for each year

--pages counts the site's Markdown pages outside the data folders (the start page, every
index.md, steps and questions included). The same arguments always give the same bytes: each
page, unit and example draws from its own random stream, seeded by --seed and its index.

With --hugo-out DIR it also writes a Hugo site over the same Markdown pages that does comparable
work: the page's title, a nav of its siblings and of the folders above, a table of contents,
the content, and `.md` links (with their fragments) resolved to the built pages.

Standard library only. Example (from the repository root):

    python3 bench/make_corpus.py --pages 1000 --units 100 --out /tmp/corpus-1k --hugo-out /tmp/hugo-1k
    .build/release/valgrund build --source /tmp/corpus-1k --output /tmp/site-1k --as-of 2026-11-25
"""

from __future__ import annotations

import argparse
import math
import os
import posixpath
import random
import shutil
import sys
import unicodedata

AS_OF_YEAR = 2026
YEARS = [2024, 2025, 2026]
CATALOGUE_YEARS = [2023, 2024, 2025, 2026]
MIN_PAGES = 30
PAGES_PER_FOLDER = 20
BRANCHING = 6

# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------

SUBJECTS = [
    "Arbetsgruppen", "Enhetschefen", "Mångfaldsstrategen", "Förvaltningsledningen", "Varje medarbetare",
    "Skyddsombudet", "Ledningsgruppen", "Nämnden", "Controllern", "Personalavdelningen", "Enheten",
    "Rektorn", "Verksamhetsutvecklaren", "Hela arbetsplatsen", "Samordnaren", "Fritidsledarna",
]
VERBS_PRESENT = [
    "går igenom", "tar fram", "följer upp", "jämför", "beskriver", "prioriterar", "stämmer av",
    "dokumenterar", "lyfter fram", "granskar", "sammanställer", "förankrar", "diskuterar", "väljer ut",
]
VERBS_INFINITIVE = [
    "gå igenom", "ta fram", "följa upp", "jämföra", "beskriva", "prioritera", "stämma av",
    "dokumentera", "lyfta fram", "granska", "sammanställa", "förankra", "diskutera", "välja ut",
]
THINGS = [
    "könsuppdelad statistik", "årets nyckeltal", "aktivitetsplanen", "programlogiken", "självskattningen",
    "brukarnas synpunkter", "schemat för hösten", "fördelningen av resurser", "målen för året",
    "resultaten från enkäten", "skillnaderna mellan kvinnor och män", "skillnaderna mellan flickor och pojkar",
    "de viktigaste lärdomarna", "underlaget till delårsavstämningen", "rutinerna för bemötande",
    "tidsplanen", "ansvarsfördelningen", "budgetens fördelning", "rekryteringsprocessen",
    "lokalernas tillgänglighet", "informationen till vårdnadshavare", "vad som har fungerat",
]
WHEN = [
    "på nästa arbetsplatsträff", "före sommaren", "under hösten", "i samband med budgetarbetet",
    "varje månad", "efter delårsavstämningen", "innan året är slut", "på workshopen", "i årshjulet",
    "tillsammans med strategen", "när statistiken har kommit", "minst två gånger om året",
]
WHY = [
    "så att alla ser samma siffror", "för att arbetet inte ska hänga på en person",
    "eftersom det som mäts också blir gjort", "så att ingen grupp hamnar utanför",
    "för att kunna se om insatsen gör skillnad", "så att nästa år börjar på rätt nivå",
    "eftersom skillnaderna annars förblir osynliga", "så att brukarna får lika god service",
]
QUALITIES = ["tydlig", "konkret", "realistisk", "gemensam", "mätbar", "enkel", "långsiktig", "öppen"]
OPENERS = [
    "Därför", "I praktiken", "Efter mötet", "Samtidigt", "Första året", "Under hösten", "För det mesta",
    "I en mindre enhet", "I en större förvaltning", "Enligt erfarenheten",
]
EXTERNAL_LINKS = [
    ("Jämställdhetsmyndigheten", "https://www.jamstalldhetsmyndigheten.se/"),
    ("SKR:s stöd för jämställdhetsintegrering", "https://skr.se/demokratiledningstyrning/manskligarattigheter/jamstalldhet.html"),
    ("Kolada", "https://www.kolada.se/"),
    ("mångfaldsstrategen", "mailto:strategen@exempelby.example"),
]
CODE_SPANS = ["status: done", "self_assessment: 38", "key_figures:", "valgrund check", "order: 2"]

HEADINGS = [
    "Bakgrund", "Så här gör ni", "Ansvar och roller", "Tidsplan", "Underlag", "Vanliga frågor",
    "Nyckeltal att följa", "Aktiviteter på hemmaplan", "Resultat och effekter", "Förutsättningar",
    "Dokumentation", "Lärdomar", "Nästa steg", "Tips från andra enheter", "Checklista",
    "Mål för året", "Så följer ni upp", "Delaktighet", "Kommunikation", "Bemötande i vardagen",
    "Fördelning av resurser", "Statistik uppdelad på kön", "Årshjulet", "Vem gör vad?",
    "Exempel från förskolan", "Exempel från äldreomsorgen", "Exempel från skolan", "Risker och hinder",
    "Stöd från förvaltningen", "Jämlikhet och tillgänglighet", "Utvärdering", "Begrepp",
]
SUBHEADINGS = ["för chefer", "för medarbetare", "i små enheter", "i stora enheter", "första året", "andra året"]
TOPICS = [
    "Heltid som norm", "Jämställd schemaläggning", "Likabehandling", "Medarbetarsamtal", "Lönekartläggning",
    "Brukarundersökningen", "Föreningsbidrag", "Fritidsgårdarnas öppettider", "Förskolans lärmiljö",
    "Trygghet i skolan", "Hemtjänstens insatser", "Handläggning av bistånd", "Rekrytering",
    "Introduktion av nyanställda", "Arbetsmiljö", "Sjukfrånvaro", "Kompetensutveckling",
    "Könsuppdelad statistik", "Tillgänglig information", "Medborgardialog", "Upphandling",
    "Budget och resursfördelning", "Nyckeltal i praktiken", "Aktivitetsplaner", "Språkstöd",
    "Föräldrasamverkan", "Biblioteket för alla", "Idrottshallarnas tider", "Ekonomiskt bistånd",
]
TOPIC_SUFFIXES = ["", "", "steg för steg", "i vardagen", "för chefer", "– frågor och svar", "i praktiken",
                  "på hemmaplan", "och uppföljning"]

SECTIONS = [  # top-level folders of the handbook's other pages: (folder, title)
    ("styrning", "Styrning och uppföljning"), ("personal", "Personal och arbetsmiljö"),
    ("forskola-och-skola", "Förskola och skola"), ("omsorg", "Vård och omsorg"),
    ("kultur-och-fritid", "Kultur och fritid"), ("samhallsbyggnad", "Samhällsbyggnad"),
    ("ekonomi", "Ekonomi och upphandling"), ("kommunikation", "Kommunikation och bemötande"),
]
SUBFOLDERS = [  # (folder stem, title): a subfolder is "<stem>-<n>", "<title> <n>"
    ("arbetssatt", "Arbetssätt"), ("malgrupper", "Målgrupper"), ("verktyg", "Verktyg"),
    ("rutiner", "Rutiner"), ("analys", "Analys"), ("samverkan", "Samverkan"), ("larande", "Lärande"),
    ("kvalitet", "Kvalitet"), ("dialog", "Dialog"), ("planering", "Planering"),
]

STEPS = [  # id, title, month and day when it is held, summary
    ("uppstart", "Uppstart", (1, 20), "Chefen och arbetsgruppen lägger upp årets arbete och gör självskattningen."),
    ("nu-och-framat", "Nu & framåt", (2, 17), "Hela enheten tar fram aktivitetsplaner på en workshop."),
    ("hemmaplan-1", "Aktiviteter på hemmaplan, omgång 1", (5, 19), "Aktivitetsplanerna genomförs i vardagen under våren."),
    ("delarsavstamning", "Delårsavstämning", (9, 8), "Ni stämmer av läget och styr om vid behov."),
    ("hemmaplan-2", "Aktiviteter på hemmaplan, omgång 2", (10, 20), "Arbetet fortsätter under hösten."),
    ("uppfoljning", "Uppföljning", (11, 17), "Ni utvärderar året med den lärande uppföljningen."),
]
STEP_HEADINGS = ["Mål och syfte", "Före", "Under", "Efter"]

PARTS = ["Del 1 – Uppföljningsfrågor utifrån programlogik", "Del 2 – Strukturer och processer",
         "Del 3 – Samlad bedömning"]
QUESTIONS = [  # id, title, part index, what the assessment asks about
    ("utgangspunkt", "Utgångspunkter", 0, "utgångspunkterna för arbetet tydliga och realistiska"),
    ("effekter", "Förväntade effekter", 0, "de förväntade effekterna realistiska"),
    ("resultat", "Förväntade resultat", 0, "de förväntade resultaten möjliga att nå under året"),
    ("formedlande-instanser", "Förmedlande instanser", 0, "de förmedlande instanserna delaktiga i arbetet"),
    ("aktiviteter", "Planerade aktiviteter", 0, "de planerade aktiviteterna genomförda"),
    ("resurser", "Resurser", 0, "resurserna i proportion till aktiviteterna"),
    ("struktur", "Struktur", 1, "arbetet inbyggt i verksamhetens ordinarie strukturer"),
    ("process", "Process", 1, "arbetet en del av verksamhetens processer"),
    ("samlad-bedomning", "Samlad bedömning", 2, "arbetet sammantaget på väg mot målen"),
]
BACKGROUND = [  # the follow-up folder's pages before the questions
    ("vad-ar-larande-uppfoljning", "Vad är lärande uppföljning?"),
    ("programlogik", "Programlogik"),
    ("att-leda-samtalet", "Att leda samtalet"),
]

PERSPECTIVES = ["Medborgare", "Medarbetare", "Verksamhet", "Ekonomi"]
# id, name, perspective, measure, better, groups, range of values, unit, distribution, source
KEY_FIGURES = [
    ("trygghet", "Andel elever som känner sig trygga i skolan", "Medborgare", "percent", "higher",
     ["girls", "boys"], (70, 96), None, False, "Elevenkäten"),
    ("nojdhet-hemtjanst", "Andel brukare som är nöjda med hemtjänsten", "Medborgare", "percent", "higher",
     ["women", "men"], (78, 97), None, False, "Brukarundersökningen"),
    ("lovaktiviteter", "Antal deltagare i lovaktiviteter", "Medborgare", "count", "higher",
     ["girls", "boys", "non_binary"], (5, 400), None, False, "Fritidsgårdarnas närvarolistor"),
    ("bidrag-fordelning", "Andel av aktivitetsbidraget som går till flickors och pojkars aktiviteter",
     "Medborgare", "percent", "higher", ["girls", "boys"], (35, 65), None, True, "Föreningsregistret"),
    ("nyanlanda", "Andel nyanlända i arbete eller studier", "Medborgare", "percent", "higher",
     ["women", "men"], (25, 70), None, False, "Etableringsuppföljningen"),
    ("heltid", "Andel tillsvidareanställda som arbetar heltid", "Medarbetare", "percent", "higher",
     ["women", "men"], (55, 95), None, False, "Personalsystemet"),
    ("sjukfranvaro", "Sjukfrånvaro bland medarbetare", "Medarbetare", "percent", "lower",
     ["women", "men"], (3, 11), None, False, "Personalsystemet"),
    ("hme", "HME-index för hållbart medarbetarengagemang", "Medarbetare", "number", "higher",
     ["women", "men", "total"], (65, 88), None, False, "Medarbetarenkäten"),
    ("chefer-fordelning", "Andel av cheferna som är kvinnor och män", "Medarbetare", "percent", "higher",
     ["women", "men"], (30, 70), None, True, "Personalsystemet"),
    ("utbildningstimmar", "Antal timmar kompetensutveckling per medarbetare", "Medarbetare", "count", "higher",
     ["women", "men"], (4, 40), None, False, "Kompetensportalen"),
    ("behorighet", "Andel elever i årskurs 9 som är behöriga till gymnasiet", "Verksamhet", "percent", "higher",
     ["girls", "boys"], (70, 97), None, False, "Betygsstatistiken"),
    ("konsuppdelad-statistik", "Andel av individstatistiken som är könsuppdelad", "Verksamhet", "percent",
     "higher", ["total"], (50, 100), None, False, "Verksamhetsplanerna"),
    ("utbildning-jamstalldhet", "Andel medarbetare som gått utbildning i jämställdhetsintegrering",
     "Verksamhet", "percent", "higher", ["women", "men"], (20, 95), None, False, "Kompetensportalen"),
    ("elevenkat-exempelby", "Exempelbys elevenkät: andel elever som får vara med och påverka", "Verksamhet",
     "percent", "higher", ["girls", "boys", "non_binary", "total"], (40, 85), None, False, "Exempelbys elevenkät"),
    ("handlaggningstid", "Handläggningstid för ansökan om bistånd", "Verksamhet", "number", "lower",
     ["women", "men"], (8, 40), "dagar", False, "Verksamhetssystemet"),
    ("kostnad-per-brukare", "Kostnad per brukare i hemtjänsten", "Ekonomi", "number", "lower",
     ["women", "men"], (180000, 260000), "kr", False, "Ekonomisystemet"),
    ("loneskillnad", "Kvinnors lön i procent av mäns lön", "Ekonomi", "percent", "higher",
     ["total"], (88, 100), None, False, "Lönekartläggningen"),
    ("bidrag-per-deltagare", "Föreningsbidrag per deltagare", "Ekonomi", "number", "higher",
     ["girls", "boys"], (300, 900), "kr", False, "Föreningsregistret"),
    ("forsorjningsstod", "Utbetalt försörjningsstöd per hushåll och månad", "Ekonomi", "number", "lower",
     ["women", "men"], (6000, 14000), "kr", False, "Ekonomisystemet"),
]
GROUP_WORDS = {"women": "kvinnor", "men": "män", "girls": "flickor", "boys": "pojkar",
               "non_binary": "icke-binära", "total": "totalt"}

DEPARTMENTS = [  # department, the kinds of unit it has, the key figures its units tend to prioritise
    ("Barn- och utbildningsförvaltningen", ["Förskolan", "Skolan", "Fritidshemmet"],
     ["trygghet", "behorighet", "elevenkat-exempelby"]),
    ("Vård- och omsorgsförvaltningen", ["Hemtjänsten", "Boendet", "Dagverksamheten"],
     ["nojdhet-hemtjanst", "kostnad-per-brukare"]),
    ("Kultur- och fritidsförvaltningen", ["Fritidsgården", "Biblioteket", "Simhallen"],
     ["lovaktiviteter", "bidrag-fordelning", "bidrag-per-deltagare"]),
    ("Socialförvaltningen", ["Försörjningsstödet", "Familjeenheten", "Arbetsmarknadsenheten"],
     ["nyanlanda", "handlaggningstid", "forsorjningsstod"]),
    ("Kommunledningsförvaltningen", ["HR-avdelningen", "Ekonomiavdelningen", "Kommunikationsenheten"],
     ["chefer-fordelning", "loneskillnad", "konsuppdelad-statistik"]),
    ("Samhällsbyggnadsförvaltningen", ["Bygglovsenheten", "Gatuenheten", "Kostenheten"],
     ["handlaggningstid", "konsuppdelad-statistik"]),
]
PLACES = [
    "Solrosen", "Blåklockan", "Ekbacken", "Tallmon", "Vitsippan", "Björkhagen", "Åsen", "Älvdalen",
    "Östergården", "Sjöviken", "Granlunden", "Lärkan", "Måsen", "Källbacken", "Norr", "Söder",
    "Väster", "Centrum", "Hästbo", "Långshyttan", "Vikmanshyttan", "Dala-Husby", "Garpenberg", "Backa",
]
FIRST_NAMES = ["Anna", "Bo", "Cecilia", "Dragan", "Elin", "Fatima", "Göran", "Hanna", "Ibrahim", "Jenny",
               "Kalle", "Lejla", "Mats", "Nora", "Olof", "Petra", "Rami", "Sofia", "Tove", "Ulf", "Åsa", "Örjan"]
LAST_NAMES = ["Ahmadi", "Berg", "Dahlström", "Ek", "Fors", "Hedlund", "Jönsson", "Karlsson", "Lindgren",
              "Mattsson", "Nyberg", "Olsson", "Persson", "Ström", "Wikström", "Åkesson", "Öhman"]
PLAN_TITLES = [
    "Scheman som gör heltid möjlig", "Könsuppdela all statistik om brukare", "Samtal om bemötande på varje APT",
    "Fördela de långa passen lika", "Öppettider som passar både flickor och pojkar", "Enkät till vårdnadshavare",
    "Mentorer för nyanställda", "Se över hur bidragen fördelas", "Utbildning i jämställdhetsintegrering för alla",
    "Tillgänglig information på lätt svenska", "Rastaktiviteter som flickorna har valt",
    "Jämför handläggningstider för kvinnor och män", "Friskvård för alla yrkesgrupper",
]
RESOURCES = ["En timme i månaden på arbetsplatsträffarna", "Mångfaldsstrategens stöd", "Två medarbetare med avsatt tid",
             "20 000 kr ur enhetens budget", "Elevhälsans personal", "Statistik från verksamhetssystemet"]
RESULTS = ["Fler kvinnor arbetar heltid", "Lika väntetider för kvinnor och män", "Fler flickor besöker verksamheten",
           "Statistiken redovisas uppdelad på kön", "Medarbetarna känner till målen", "Färre kränkningar på rasterna"]
EFFECTS = ["Kvinnor och män får lika god service", "Flickor och pojkar har samma möjligheter till fritid",
           "Lika villkor för kvinnor och män på arbetsplatsen", "Verksamheten fördelar resurserna efter behov"]
TAGS = ["heltid", "schema", "trygghet", "statistik", "fritid", "bemötande", "delaktighet", "rekrytering",
        "lön", "arbetsmiljö", "föräldrar", "språk", "tillgänglighet"]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

def slug(text: str) -> str:
    """The address and heading id Valgrund makes of a text (docs/content-format.md): base letters
    in lowercase ASCII (å, ä → a, ö → o), every other run of characters one hyphen."""
    out, hyphen = [], False
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            if hyphen and out:
                out.append("-")
            out.append(ch.lower())
            hyphen = False
        else:
            hyphen = True
    return "".join(out)


def quoted(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stream(seed: int, kind: str, index: int | str) -> random.Random:
    """Each page, unit and example has its own stream, so one does not change when another's
    size changes. String seeds are hashed the same in every run (not by PYTHONHASHSEED)."""
    return random.Random(f"valgrund:{seed}:{kind}:{index}")


def front_matter(pairs: list[tuple[str, object]]) -> str:
    lines = ["---"]
    for key, value in pairs:
        if value is None:
            continue
        if isinstance(value, Raw):
            lines.append(f"{key}: {value}")
        elif isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key}: {value}")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        else:
            lines.append(f"{key}: {quoted(str(value))}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def day(year: int, month: int, dom: int) -> str:
    return f"{year:04d}-{month:02d}-{dom:02d}"


# ---------------------------------------------------------------------------------------------
# The plan: every page's path, title, order and headings, known before any body is written,
# so that a page can link to another page's headings.
# ---------------------------------------------------------------------------------------------

class Raw(str):
    """A front-matter value written as it is (a date), not quoted."""


class Page:
    def __init__(self, path: str, title: str, order: int, kind: str, headings: list[str], summary: str):
        self.path = path          # relative to content/
        self.title = title
        self.order = order
        self.kind = kind          # start, folder, step, question, background, page
        self.headings = headings  # level-2 and level-3 heading texts, unique ids
        self.summary = summary
        self.extra: dict = {}

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.path)


def unique_headings(rng: random.Random, count: int) -> list[str]:
    """Level-2 headings, some followed by level-3 ones ("### …" marked by a leading '#'); their ids
    are unique within the page, so a link's fragment names exactly one heading."""
    chosen = rng.sample(HEADINGS, count)
    out: list[str] = []
    seen: set[str] = set()
    for heading in chosen:
        out.append(heading)
        seen.add(slug(heading))
        if rng.random() < 0.3:
            sub = f"#{heading} {rng.choice(SUBHEADINGS)}"
            if slug(sub) not in seen:
                seen.add(slug(sub))
                out.append(sub)
    return out


def summary_sentence(rng: random.Random, topic: str) -> str:
    return f"Hur {rng.choice(SUBJECTS).lower()} arbetar med {topic.lower()} {rng.choice(WHEN)}."


def folder_tree(count: int) -> list[tuple[str, str]]:
    """Folders for `count` pages at about PAGES_PER_FOLDER a folder: the sections, then subfolders
    BRANCHING wide, as deep as the size needs. Returns (path, title) in creation order."""
    wanted = max(1, round(count / PAGES_PER_FOLDER))
    folders: list[tuple[str, str]] = []
    level = [(name, title) for name, title in SECTIONS[:min(len(SECTIONS), wanted)]]
    folders += level
    number = 0
    while len(folders) < wanted:
        next_level = []
        for parent, _title in level:
            for k in range(BRANCHING):
                if len(folders) >= wanted:
                    break
                number += 1
                stem, title = SUBFOLDERS[(number + k) % len(SUBFOLDERS)]
                entry = (f"{parent}/{stem}-{number}", f"{title} {number}")
                folders.append(entry)
                next_level.append(entry)
        level = next_level
    return folders


def plan_pages(total: int, seed: int) -> list[Page]:
    pages: list[Page] = []
    rng = stream(seed, "plan", "fixed")
    pages.append(Page("index.md", "Välgrundad verksamhet", 0, "start",
                      ["Vad är Välgrundad verksamhet?", "Var börjar jag?", "Årets arbete i siffror"],
                      "Stödet som hjälper varje enhet i Exempelby kommun att väva in jämställdhet i det vanliga arbetet."))
    pages.append(Page("handbook/index.md", "Handboken", 1, "folder", ["De sex stegen", "Så använder du handboken"],
                      "Så arbetar enheten med Välgrundad verksamhet under ett år, steg för steg."))
    pages[-1].extra["slug"] = "handbok"
    for n, (step_id, title, _when, summary) in enumerate(STEPS, start=1):
        page = Page(f"handbook/{step_id}.md", title, n, "step", list(STEP_HEADINGS), summary)
        page.extra["step"] = step_id
        pages.append(page)
    pages.append(Page("follow-up/index.md", "Lärande uppföljning", 2, "folder",
                      ["Vem är guiden till för?", "Så är guiden uppbyggd"] + PARTS,
                      "En samtalsguide för att reflektera över årets arbete och bedöma hur det kan bli bättre."))
    pages[-1].extra["slug"] = "larande-uppfoljning"
    for n, (name, title) in enumerate(BACKGROUND, start=1):
        pages.append(Page(f"follow-up/{name}.md", title, n, "background", unique_headings(rng, 4),
                          summary_sentence(rng, title)))
    for n, (question_id, title, part, about) in enumerate(QUESTIONS, start=11):
        page = Page(f"follow-up/{question_id}.md", title, n, "question", ["Frågor att samtala om", "Bedömning"],
                    f"Frågorna om {title.lower()} och bedömningen av dem.")
        page.extra.update(question=question_id, part=PARTS[part], assessment=f"I vilken mån är {about}?")
        pages.append(page)

    rest = total - len(pages)
    folders = folder_tree(rest)
    # Every folder has its index.md; the other pages go round the folders, so every folder
    # holds some and the deepest are as full as the rest.
    for n, (path, title) in enumerate(folders):
        local = stream(seed, "folder", n)
        section = n < len(SECTIONS) and "/" not in path
        pages.append(Page(f"{path}/index.md", title, 10 + n if section else n % 7 + 1, "folder",
                          unique_headings(local, 2), summary_sentence(local, title)))
    remaining = rest - len(folders)
    per_folder: dict[str, int] = {}
    for i in range(remaining):
        local = stream(seed, "outline", i)
        folder = folders[i % len(folders)][0]
        order = per_folder.get(folder, 0) + 1
        per_folder[folder] = order
        topic = local.choice(TOPICS)
        suffix = local.choice(TOPIC_SUFFIXES)
        title = f"{topic} {suffix}".strip() if suffix else topic
        # A few file names are written with Swedish letters; the address is made plain ASCII.
        stem = f"{title.lower().replace(' ', '-').replace('–', '').replace('--', '-')}-{i + 1}" \
            if local.random() < 0.05 else f"{slug(title)}-{i + 1}"
        page = Page(f"{folder}/{stem}.md", title, order, "page", unique_headings(local, local.randint(3, 7)),
                    summary_sentence(local, topic))
        page.extra["picture"] = local.random() < 0.1
        pages.append(page)
    return pages


# ---------------------------------------------------------------------------------------------
# Prose
# ---------------------------------------------------------------------------------------------

class Prose:
    """Swedish sentences, lists and links for one page, from that page's stream."""

    def __init__(self, rng: random.Random, page_folder: str, targets: list[Page]):
        self.rng = rng
        self.folder = page_folder
        self.targets = targets

    def link_to(self, target: Page, fragment: bool | None = None, text: str | None = None) -> str:
        rel = posixpath.relpath(target.path, self.folder or ".")
        if fragment is None:
            fragment = self.rng.random() < 0.4
        if fragment and target.headings:
            rel += "#" + slug(self.rng.choice(target.headings).lstrip("#"))
        return f"[{text or target.title}]({rel})"

    def link(self) -> str:
        rng = self.rng
        if rng.random() < 0.07:
            text, url = rng.choice(EXTERNAL_LINKS)
            return f"[{text}]({url})"
        return self.link_to(self.targets[rng.randrange(len(self.targets))])

    def thing(self) -> str:
        rng = self.rng
        thing = rng.choice(THINGS)
        r = rng.random()
        if r < 0.05:
            return f"*{thing}*"
        if r < 0.08:
            return f"**{thing}**"
        if r < 0.09:
            return f"`{rng.choice(CODE_SPANS)}`"
        return thing

    def sentence(self) -> str:
        rng = self.rng
        form = rng.randrange(9)  # form 4 links: about one sentence in nine, some five links a page
        if form == 0:
            text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS_PRESENT)} {self.thing()} {rng.choice(WHEN)}."
        elif form == 1:
            text = f"{rng.choice(OPENERS)} är det {rng.choice(SUBJECTS).lower()} som {rng.choice(VERBS_PRESENT)} {self.thing()}, {rng.choice(WHY)}."
        elif form == 2:
            text = f"Det är viktigt att {rng.choice(VERBS_INFINITIVE)} {self.thing()} {rng.choice(WHEN)}, {rng.choice(WHY)}."
        elif form == 3:
            text = f"En {rng.choice(QUALITIES)} plan gör det lättare att {rng.choice(VERBS_INFINITIVE)} {self.thing()}."
        elif form == 4 and self.targets:
            text = f"Läs mer i {self.link()} innan ni {rng.choice(VERBS_PRESENT)} {self.thing()}."
        elif form == 5:
            text = f"Har ni tänkt på hur {self.thing()} påverkar kvinnor och män, flickor och pojkar olika?"
        elif form == 6:
            text = f"{rng.choice(SUBJECTS)} och {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS_PRESENT)} {self.thing()} tillsammans."
        else:
            text = f"{rng.choice(OPENERS)} behöver {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS_INFINITIVE)} {self.thing()} {rng.choice(WHEN)}."
        return text

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def bullets(self, ordered: bool = False) -> str:
        rng = self.rng
        lines = []
        for n in range(rng.randint(3, 6)):
            marker = f"{n + 1}." if ordered else "-"
            item = self.sentence() if rng.random() < 0.5 else f"{rng.choice(VERBS_INFINITIVE).capitalize()} {self.thing()} {rng.choice(WHEN)}"
            lines.append(f"{marker} {item}")
            if rng.random() < 0.15:  # a nested list under the item
                indent = " " * (len(marker) + 1)
                for _ in range(rng.randint(2, 3)):
                    lines.append(f"{indent}- {rng.choice(THINGS)} {rng.choice(WHEN)}")
        return "\n".join(lines)

    def quote(self) -> str:
        return "\n".join(f"> {self.sentence()}" for _ in range(self.rng.randint(1, 2)))

    def section_blocks(self, budget: int) -> list[str]:
        rng = self.rng
        blocks = [self.paragraph()]
        size = len(blocks[0].encode())
        while size < budget:
            r = rng.random()
            if r < 0.25:
                block = self.bullets()
            elif r < 0.4:
                block = self.bullets(ordered=True)
            elif r < 0.47:
                block = self.quote()
            else:
                block = self.paragraph()
            blocks.append(block)
            size += len(block.encode())
        return blocks

    def body(self, headings: list[str], target: int) -> str:
        """An introduction, then each heading with its share of `target` bytes."""
        budget = max(200, target // max(1, len(headings)))
        blocks = [self.paragraph()]
        for heading in headings:
            marks = "###" if heading.startswith("#") else "##"
            blocks.append(f"{marks} {heading.lstrip('#')}")
            blocks += self.section_blocks(budget)
        return "\n\n".join(blocks) + "\n"


def picture_path(page: Page) -> str:
    section = page.path.split("/")[0]
    return posixpath.relpath(f"{section}/arshjul.svg", page.folder)


def page_markdown(page: Page, index: int, pages: list[Page], children: dict[str, list[Page]], seed: int,
                  order_key: str) -> str:
    rng = stream(seed, "page", index)
    prose = Prose(rng, page.folder, pages)
    fm: list[tuple[str, object]] = [("title", page.title), (order_key, page.order), ("summary", page.summary)]
    if "slug" in page.extra:
        fm.append(("slug", page.extra["slug"]))
    for key in ("step", "question", "part", "assessment"):
        if key in page.extra:
            fm.append((key, page.extra[key]))
    head = front_matter(fm)

    if page.kind == "start":
        handbook = next(p for p in pages if p.path == "handbook/index.md")
        guide = next(p for p in pages if p.path == "follow-up/index.md")
        sections = [p for p in pages if p.kind == "folder" and p.path.count("/") == 1 and p is not handbook and p is not guide]
        body = [prose.paragraph(), "## Vad är Välgrundad verksamhet?", prose.paragraph(),
                "## Var börjar jag?",
                f"1. Läs {prose.link_to(handbook, False)}: årets arbete i sex steg.\n"
                f"2. Använd {prose.link_to(guide, False)} när ni ska se tillbaka på året.\n"
                f"3. Läs vidare i avsnitten nedan.",
                "\n".join(f"- {prose.link_to(p, False)}" for p in sections),
                "## Årets arbete i siffror",
                "I år arbetar {% units %} enheter i {% departments %} förvaltningar med processen, mot "
                "{% units 2025 %} förra året. {% stamps %} enheter har fått Välgrundat-stämpeln, och "
                "{% steps_done.uppstart %} har gjort sin uppstart."]
        return head + "\n\n".join(body) + "\n"

    if page.kind == "folder":
        listed = children.get(page.folder, [])
        body = [prose.paragraph()]
        for n, heading in enumerate(page.headings):
            body.append(f"## {heading}")
            if n == 0 and listed:
                body.append("\n".join(f"{k + 1}. {prose.link_to(child, False)}: {child.summary}"
                                      for k, child in enumerate(listed)))
            else:
                body.append(prose.paragraph())
        return head + "\n\n".join(body) + "\n"

    if page.kind == "step":
        n = [s[0] for s in STEPS].index(page.extra["step"])
        blocks = [prose.paragraph()]
        for heading in STEP_HEADINGS:
            blocks.append(f"## {heading}")
            blocks += prose.section_blocks(rng.randint(300, 900))
        if n + 1 < len(STEPS):
            following = next(p for p in pages if p.extra.get("step") == STEPS[n + 1][0])
            blocks.append(f"Nästa steg är {prose.link_to(following, False)}.")
        return head + "\n\n".join(blocks) + "\n"

    if page.kind == "question":
        assessment = page.extra["assessment"]
        logic = next(p for p in pages if p.path == "follow-up/programlogik.md")
        blocks = [f"{prose.paragraph()} Frågan hör till {prose.link_to(logic, False, 'programlogiken')}.",
                  "## Frågor att samtala om", prose.bullets(),
                  "## Bedömning", f"Varje deltagare bedömer på skalan: *{assessment}*",
                  "Jämför era bedömningar och enas om en gemensam. Vad kan göras för att ni ska få ett högre värde nästa år?"]
        return head + "\n\n".join(blocks) + "\n"

    text = prose.body(page.headings, rng.randint(1500, 6500))
    if page.extra.get("picture"):
        picture = f"![Årshjulet för {page.path.split('/')[0].replace('-', ' ')}]({picture_path(page)})"
        first_break = text.index("\n\n")
        text = text[:first_break] + "\n\n" + picture + text[first_break:]
    return head + text


def picture_svg(title: str) -> str:
    months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    marks = "".join(f'<text x="{100 + 80 * math.sin(k * math.pi / 6):.1f}" '
                    f'y="{104 - 80 * math.cos(k * math.pi / 6):.1f}" text-anchor="middle" '
                    f'font-size="10">{m}</text>' for k, m in enumerate(months))
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" role="img">'
            f'<title>Årshjul: {title}</title><circle cx="100" cy="100" r="90" fill="none" stroke="#245"/>'
            f'{marks}</svg>\n')


# ---------------------------------------------------------------------------------------------
# Data: site settings, the key-figure catalogue, units, examples, annual reports
# ---------------------------------------------------------------------------------------------

SITE_YAML = """# A synthetic municipality written by bench/make_corpus.py for Valgrund's benchmark.
title: Välgrundad verksamhet
organisation: Exempelby kommun
language: sv
url: https://intranat.exempelby.example/valgrundat/
theme: default
perspectives: [Medborgare, Medarbetare, Verksamhet, Ekonomi]
rating_scale: {min: 1, max: 10}
self_assessment_max: 60
min_group_size: 5
notice: "Testinnehåll: enheter, personer och siffror är påhittade."
allow_raw_html: false
print: [handbook, follow-up]
folders:
  units: units
  examples: examples
  annual_report: annual-report
paths:
  print: skriv-ut
  accessibility: tillganglighet
  assessment_form: personlig-bedomning
accessibility:
  contact: tillganglighet@exempelby.example
  reviewed: 2026-11-20
  known_issues: |
    Diagrammen har ännu ingen **tabell** bredvid sig i utskriften.

    - Årshjulens bilder beskrivs bara med sin rubrik.
"""


def number_text(value: float, measure: str, unit: str | None) -> str:
    if measure == "count" or (measure == "number" and unit == "kr"):
        return str(int(round(value)))
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def group_values(rng: random.Random, figure: tuple, base: dict[str, float] | None, drift: float) -> dict[str, str]:
    """One value per group of the figure, inside its range; a distribution's shares add up to 100."""
    _id, _name, _persp, measure, _better, groups, (low, high), unit, distribution, _src = figure
    if distribution:
        first = min(high, max(low, (base or {}).get(groups[0], rng.uniform(low, high)) + drift))
        first = round(first)
        return {groups[0]: str(first), groups[1]: str(100 - first)}
    values = {}
    for group in groups:
        start = (base or {}).get(group, rng.uniform(low, high))
        value = min(high, max(low, start + drift * (high - low) / 20 + rng.uniform(-1, 1) * (high - low) / 40))
        values[group] = number_text(value, measure, unit)
    return values


def flow(values: dict[str, str]) -> str:
    return "{" + ", ".join(f"{group}: {value}" for group, value in values.items()) + "}"


def key_figures_yaml(seed: int) -> str:
    lines = ["# Exempelby kommuns nyckeltalskatalog (kortleken), skriven av bench/make_corpus.py.", ""]
    for n, figure in enumerate(KEY_FIGURES):
        fid, name, perspective, measure, better, groups, _range, unit, distribution, source = figure
        rng = stream(seed, "key-figure", n)
        lines += [f"- id: {fid}", f"  name: {quoted(name)}"]
        if name.startswith("Exempelby"):
            lines.append(f"  name_in_sentence: {quoted(name)}")  # a proper noun keeps its capital in a sentence
        lines += [f"  perspective: {perspective}", f"  measure: {measure}", f"  better: {better}",
                  f"  groups: [{', '.join(groups)}]"]
        if unit:
            lines.append(f"  unit: {unit}")
        if distribution:
            lines.append("  distribution: true")
        lines += [f"  source: {source}",
                  f"  description: {quoted(f'{name} för hela kommunen, uppdelat på {join_words([GROUP_WORDS[g] for g in groups])}.')}",
                  "  years:"]
        base: dict[str, float] = {}
        for k, year in enumerate(CATALOGUE_YEARS):
            value = group_values(rng, figure, base or None, k * (1 if better == "higher" else -1))
            base = {g: float(v) for g, v in value.items()}
            target = group_values(rng, figure, {g: float(v) for g, v in value.items()}, 2 if better == "higher" else -2)
            parts = [f"target: {flow(target)}"]
            if year < AS_OF_YEAR or rng.random() < 0.5:
                parts.insert(0, f"value: {flow(value)}")
                if rng.random() < 0.5 and measure != "number":
                    parts.append(f"n: {flow({g: str(rng.randint(200, 3000)) for g in groups})}")
            lines.append(f"    {year}: {{{', '.join(parts)}}}")
        lines.append("")
    return "\n".join(lines)


def join_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def unit_identity(i: int) -> tuple[str, str, int]:
    """Name, id and department of unit i: each kind at each place once, then numbered rounds."""
    kinds = [(kind, d) for d, (_dep, unit_kinds, _figs) in enumerate(DEPARTMENTS) for kind in unit_kinds]
    kind, department = kinds[i % len(kinds)]
    place = PLACES[(i // len(kinds)) % len(PLACES)]
    rounds = i // (len(kinds) * len(PLACES))
    name = f"{kind} {place}" + (f" {rounds + 1}" if rounds else "")
    return name, slug(name), department


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def unit_yaml(i: int, seed: int) -> str:
    name, _uid, d = unit_identity(i)
    department, _kinds, favourites = DEPARTMENTS[d]
    rng = stream(seed, "unit", i)
    figures = {f[0]: f for f in KEY_FIGURES}
    team = sorted({person(rng) for _ in range(rng.randint(3, 5))})
    manager = team[0]
    first_year = rng.choices(YEARS, weights=[6, 3, 2])[0]
    # The prioritised figures: the department's favourites plus one per perspective they leave out.
    chosen = [fid for fid in favourites if rng.random() < 0.8] or favourites[:1]
    for perspective in PERSPECTIVES:
        if not any(figures[f][2] == perspective for f in chosen):
            chosen.append(rng.choice([f[0] for f in KEY_FIGURES if f[2] == perspective]))
    base: dict[str, dict[str, float]] = {}
    score = rng.randint(12, 30)

    out = [f"# {name}: en påhittad enhet (bench/make_corpus.py).", f"name: {quoted(name)}",
           f"department: {quoted(department)}", f"manager: {quoted(manager)}",
           f"team: [{', '.join(team)}]", "years:"]
    for year in [y for y in YEARS if y >= first_year]:
        current = year == AS_OF_YEAR
        reached = rng.randint(2, 6) if current else 6  # steps done this year
        out.append(f"  {year}:")
        out.append("    steps:")
        for k, (step_id, _title, (month, dom), _s) in enumerate(STEPS):
            status = "done" if k < reached else ("in_progress" if k == reached else "planned")
            date = day(year, month, dom + rng.randint(0, 8)) if status != "planned" or rng.random() < 0.7 else None
            if current and k == len(STEPS) - 1 and status == "planned" and date:
                date = day(year, 12, rng.randint(1, 15))
            out.append(f"      {step_id}: {{status: {status}" + (f", date: {date}}}" if date else "}"))
        score = min(60, score + rng.randint(0, 8))
        out.append(f"    self_assessment: {score}")
        if rng.random() < 0.35 and reached >= 2:
            out.append(f"    stamp: {day(year, 3, rng.randint(1, 28))}")
        out.append("    key_figures:")
        for fid in chosen:
            figure = figures[fid]
            if current and rng.random() < 0.08:
                out.append(f"      {fid}: {{}}")  # prioritised, values not known yet
                continue
            better = 1 if figure[4] == "higher" else -1
            value = group_values(rng, figure, base.get(fid), better)
            base[fid] = {g: float(v) for g, v in value.items()}
            target = group_values(rng, figure, base[fid], 2 * better)
            # Now and then a group too small to show (n below min_group_size), so suppression is exercised.
            n = {g: str(rng.randint(2, 4) if rng.random() < 0.06 else rng.randint(6, 140)) for g in value}
            out += [f"      {fid}:", f"        value: {flow(value)}", f"        n: {flow(n)}",
                    f"        target: {flow(target)}"]
        out.append("    activity_plans:")
        for title in rng.sample(PLAN_TITLES, rng.randint(2, 5)):
            status = rng.choice(["planned", "in_progress", "done", "dropped"]) if current else rng.choice(["done", "done", "dropped"])
            out += [f"      - title: {quoted(title)}", f"        key_figure: {rng.choice(chosen)}",
                    f"        responsible: {quoted(rng.choice(team))}", f"        status: {status}",
                    f"        due: {day(year, rng.randint(3, 12), rng.randint(1, 28))}"]
        out += program_logic(rng)
        if reached > 3:
            out += ["    interim_report: |",
                    f"      Vid delårsavstämningen hade vi **{rng.randint(1, 4)} av våra aktiviteter** i gång.",
                    f"      {Prose(rng, '', []).sentence()}",
                    "",
                    f"      - Fortsätter: {rng.choice(PLAN_TITLES).lower()}",
                    f"      - Nytt till hösten: {rng.choice(PLAN_TITLES).lower()}"]
        if reached >= 5:
            out += learning_follow_up(rng, year)
        if reached == 6:
            prose = Prose(rng, "", [])
            out.append("    follow_up:")
            for key in ("done", "went_well", "went_less_well", "lessons", "celebrate", "tips"):
                out.append(f"      {key}: {quoted(prose.paragraph(1, 2))}")
    return "\n".join(out) + "\n"


def program_logic(rng: random.Random) -> list[str]:
    resources = [f"r{k + 1}" for k in range(rng.randint(2, 4))]
    effects = [f"e{k + 1}" for k in range(rng.randint(1, 2))]
    results = [f"res{k + 1}" for k in range(rng.randint(1, 3))]
    activities = [f"a{k + 1}" for k in range(rng.randint(2, 5))]
    out = ["    program_logic:", "      resources:"]
    out += [f"        - {{id: {r}, text: {quoted(t)}}}" for r, t in zip(resources, rng.sample(RESOURCES, len(resources)))]
    out.append("      activities:")
    for a, title in zip(activities, rng.sample(PLAN_TITLES, len(activities))):
        uses = rng.sample(resources, rng.randint(1, len(resources)))
        # Now and then an activity that leads nowhere: a gap the unit's page shows.
        leads = rng.sample(results, rng.randint(1, len(results))) if rng.random() < 0.85 else []
        done = "true" if rng.random() < 0.6 else "false"
        out.append(f"        - {{id: {a}, text: {quoted(title)}, uses: [{', '.join(uses)}], "
                   f"leads_to: [{', '.join(leads)}], done: {done}}}")
    out.append("      results:")
    for r, text in zip(results, rng.sample(RESULTS, len(results))):
        out.append(f"        - {{id: {r}, text: {quoted(text)}, leads_to: [{rng.choice(effects)}], "
                   f"achieved: {rng.choice(['yes', 'partly', 'no'])}}}")
    out.append("      effects:")
    for e, text in zip(effects, rng.sample(EFFECTS, len(effects))):
        achieved = f", achieved: {rng.choice(['yes', 'partly', 'no'])}" if rng.random() < 0.3 else ""
        out.append(f"        - {{id: {e}, text: {quoted(text)}{achieved}}}")
    return out


def learning_follow_up(rng: random.Random, year: int) -> list[str]:
    # Fewer than min_group_size participants now and then: only the agreed value is shown.
    participants = rng.randint(3, 4) if rng.random() < 0.1 else rng.randint(5, 9)
    out = ["    learning_follow_up:", f"      date: {day(year, 11, rng.randint(1, 20))}", "      ratings:"]
    agreed = []
    for question_id, *_rest in QUESTIONS:
        centre = rng.randint(3, 8)
        ratings = [min(10, max(1, centre + rng.randint(-2, 2))) for _ in range(participants)]
        out.append(f"        {question_id}: [{', '.join(map(str, ratings))}]")
        agreed.append(f"        {question_id}: {round(sum(ratings) / len(ratings))}")
    return out + ["      agreed:"] + agreed


def example_markdown(j: int, seed: int, units: int, pages: list[Page]) -> tuple[str, str]:
    rng = stream(seed, "example", j)
    topic = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    title = f"{topic} – så gjorde {place}"
    year = rng.choice(YEARS)
    date = day(year, rng.randint(1, 10 if year == AS_OF_YEAR else 12), rng.randint(1, 28))
    steps = [p for p in pages if p.kind == "step"]
    figures = sorted(rng.sample([f[0] for f in KEY_FIGURES], rng.randint(1, 2)))
    name = f"{slug(title)}-{j + 1}"
    fm: list[tuple[str, object]] = [("title", title), ("date", Raw(date)), ("summary", summary_sentence(rng, topic))]
    if units:
        fm.append(("unit", unit_identity(rng.randrange(units))[1]))
    fm += [("key_figures", figures), ("tags", sorted(rng.sample(TAGS, rng.randint(1, 3)))),
           ("annual_report", year if rng.random() < 0.7 else None),
           ("draft", True if rng.random() < 0.03 else None),
           ("slug", f"exempel-{j + 1}" if rng.random() < 0.1 else None)]
    head = front_matter(fm)
    prose = Prose(rng, "examples", pages)
    body = [prose.paragraph(),
            "## Vad gjorde de?", prose.paragraph(),
            f"Arbetet började på workshopen {prose.link_to(rng.choice(steps), True)}.", prose.bullets(),
            "## Vad blev resultatet?", prose.paragraph(), prose.bullets(),
            "## Tips till andra", prose.bullets(ordered=True)]
    return name, head + "\n\n".join(body) + "\n"


def annual_report_markdown(year: int, seed: int, pages: list[Page]) -> str:
    rng = stream(seed, "annual-report", year)
    prose = Prose(rng, "annual-report", pages)
    handbook = next(p for p in pages if p.path == "handbook/index.md")
    before = f", mot {{% units {year - 1} %}} året innan" if year > YEARS[0] else ""
    head = front_matter([("title", f"Välgrundad verksamhet {year} – årsredovisning"),
                         ("summary", f"Under {year} arbetade {{% units %}} enheter med Välgrundad verksamhet.")])
    body = [f"Under {year} arbetade {{% units %}} enheter i {{% departments %}} förvaltningar med processen{before}. "
            f"{{% stamps %}} enheter fick Välgrundat-stämpeln och {{% units_with_learning_follow_up %}} höll den "
            f"lärande uppföljningen. Av kommunens {{% targets %}} målvärden med utfall nåddes {{% targets_met %}}.",
            prose.paragraph(),
            "- " + "\n- ".join(f"**{t}.** {prose.sentence()}" for t in rng.sample(TOPICS, 4)),
            f"{{% steps_done.uppstart %}} enheter gjorde sin uppstart och {{% steps_done.uppfoljning %}} sin uppföljning. "
            f"Den som vill börja hittar hela processen i {prose.link_to(handbook, False, 'handboken')}.",
            prose.paragraph()]
    return head + "\n\n".join(body) + "\n"


# ---------------------------------------------------------------------------------------------
# Hugo
# ---------------------------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://intranat.exempelby.example/"
languageCode = "sv"
defaultContentLanguage = "sv"
title = "Välgrundad verksamhet"
uglyURLs = true
relativeURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[markup.goldmark.parser]
autoHeadingIDType = "github-ascii"

[markup.goldmark.renderer]
unsafe = false

[markup.tableOfContents]
startLevel = 2
endLevel = 3
ordered = false
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<nav aria-label="Du är här"><ol>
{{- range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
<li aria-current="page">{{ .Title }}</li></ol></nav>
{{ $here := . }}
{{ with .CurrentSection }}
<nav aria-label="Avsnittet"><ul>
{{- range .Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
{{- range .RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}"{{ if eq . $here }} aria-current="page"{{ end }}>{{ .Title }}</a></li>{{ end -}}
</ul></nav>
{{ end }}
<main>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ if .TableOfContents }}<nav aria-label="Innehåll">{{ .TableOfContents }}</nav>{{ end }}
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}{{ .Content }}{{ end }}
"""

HUGO_LIST = """{{ define "main" }}{{ .Content }}
<ul>
{{- range .Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
{{- range .RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
</ul>
{{ end }}
"""

# A link to a `.md` file, relative to the page, goes to that page's address, fragment kept;
# index.md is the folder's _index.md here.
HUGO_RENDER_LINK = """{{- $dest := .Destination -}}
{{- $url := urls.Parse $dest -}}
{{- if and (not $url.Scheme) (strings.HasSuffix $url.Path ".md") -}}
  {{- $path := path.Join "/" .Page.File.Dir $url.Path -}}
  {{- if eq (path.Base $path) "index.md" }}{{ $path = path.Dir $path }}{{ end -}}
  {{- with site.GetPage $path -}}
    {{- $dest = .RelPermalink -}}{{- with $url.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
  {{- else -}}
    {{- errorf "%s: no page %s" $.Page.File.Path $path -}}
  {{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}">{{ .Text | safeHTML }}</a>
{{- /* no newline */ -}}
"""


def hugo_copy(path: str, text: str, order_key: str) -> tuple[str, str]:
    """The page's path and text in the Hugo site: index.md is the section's _index.md, `order` is `weight`."""
    if posixpath.basename(path) == "index.md":
        path = posixpath.join(posixpath.dirname(path), "_index.md")
    return path, text.replace(f"\n{order_key}: ", "\nweight: ", 1)


# ---------------------------------------------------------------------------------------------

def write(path: str, text: str) -> int:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help=f"Markdown pages outside the data folders (at least {MIN_PAGES})")
    ap.add_argument("--units", type=int, default=0, help="unit files")
    ap.add_argument("--examples", type=int, help="good examples (default: a fifth of --units, at least 2)")
    ap.add_argument("--seed", type=int, default=1, help="the same seed gives the same bytes (default 1)")
    ap.add_argument("--out", required=True, help="the folder to write; the content goes to OUT/content/")
    ap.add_argument("--hugo-out", help="also write a Hugo site over the same Markdown pages here")
    ap.add_argument("--order-key", default="order", help="the front-matter key of a page's sort order (Valgrund: order)")
    ap.add_argument("--force", action="store_true", help="replace the output folders when they exist")
    args = ap.parse_args(argv)
    if args.pages < MIN_PAGES:
        ap.error(f"--pages must be at least {MIN_PAGES} (the start page, the handbook and the question guide take 20)")
    examples = args.examples if args.examples is not None else max(2, args.units // 5)

    for folder in filter(None, [args.out, args.hugo_out]):
        if os.path.exists(folder) and os.listdir(folder):
            if not args.force:
                print(f"error: {folder} exists and is not empty (use --force)", file=sys.stderr)
                return 2
            shutil.rmtree(folder)

    content = os.path.join(args.out, "content")
    hugo = args.hugo_out
    pages = plan_pages(args.pages, args.seed)
    children: dict[str, list[Page]] = {}
    for page in pages:
        if page.kind == "start":
            continue
        parent = page.folder if posixpath.basename(page.path) != "index.md" else posixpath.dirname(page.folder)
        children.setdefault(parent, []).append(page)
    for listed in children.values():
        listed.sort(key=lambda p: (p.order, p.path))

    markdown_bytes = 0
    hugo_pages: list[tuple[str, str]] = []
    for index, page in enumerate(pages):
        text = page_markdown(page, index, pages, children, args.seed, args.order_key)
        markdown_bytes += write(os.path.join(content, page.path), text)
        hugo_pages.append(hugo_copy(page.path, text, args.order_key))
    sections = sorted({p.path.split("/")[0] for p in pages if p.kind == "page" and p.extra.get("picture")})
    for section in sections:
        svg = picture_svg(next(title for name, title in SECTIONS if name == section))
        write(os.path.join(content, section, "arshjul.svg"), svg)
        if hugo:
            write(os.path.join(hugo, "static", section, "arshjul.svg"), svg)

    write(os.path.join(content, "site.yaml"), SITE_YAML)
    write(os.path.join(content, "key-figures.yaml"), key_figures_yaml(args.seed))
    for i in range(args.units):
        write(os.path.join(content, "units", unit_identity(i)[1] + ".yaml"), unit_yaml(i, args.seed))
    for j in range(examples):
        name, text = example_markdown(j, args.seed, args.units, pages)
        markdown_bytes += write(os.path.join(content, "examples", name + ".md"), text)
        hugo_pages.append(hugo_copy(f"examples/{name}.md", text, args.order_key))
    for year in YEARS:
        text = annual_report_markdown(year, args.seed, pages)
        markdown_bytes += write(os.path.join(content, "annual-report", f"{year}.md"), text)
        hugo_pages.append(hugo_copy(f"annual-report/{year}.md", text, args.order_key))

    if hugo:
        write(os.path.join(hugo, "hugo.toml"), HUGO_CONFIG)
        write(os.path.join(hugo, "layouts", "_default", "baseof.html"), HUGO_BASEOF)
        write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
        write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
        write(os.path.join(hugo, "layouts", "_default", "_markup", "render-link.html"), HUGO_RENDER_LINK)
        for path, text in hugo_pages:
            write(os.path.join(hugo, "content", path), text)
        for folder in ("examples", "annual-report"):
            title = "Goda exempel" if folder == "examples" else "Årsredovisningar"
            write(os.path.join(hugo, "content", folder, "_index.md"), front_matter([("title", title)]))

    folders = sum(1 for p in pages if p.kind == "folder")
    print(f"{len(pages)} pages in {folders} folders, {examples} examples, {len(YEARS)} annual reports "
          f"({markdown_bytes:,} bytes of Markdown), {args.units} units, {len(KEY_FIGURES)} key figures -> {content}"
          + (f"; Hugo site -> {hugo}" if hugo else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
