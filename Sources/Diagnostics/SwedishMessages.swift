/// The Swedish text of every message, keyed by its English template (`Message.template`: the
/// literal text with `{1}`, `{2}` … where values go). A translation may put the values in another
/// order but keeps every one. `MessageCatalogueTests` fails for a message of the sources or of the
/// bad-data corpus that is missing here. Keys, ids, file names and the values people write stay
/// as written; so do the words of the content format (`title:`, `planned`, `percent`).
public enum SwedishMessages {
    public static let catalogue: [String: String] = [
        // Shared pieces
        "{1} and {2}":
            "{1} och {2}",
        " (did you mean '{1}'?)":
            " (menade du '{1}'?)",
        // Load: files under content/
        "an editor's backup file":
            "en reservkopia från ett redigeringsprogram",
        "an editor's swap file":
            "en växlingsfil från ett redigeringsprogram",
        "a temporary file":
            "en tillfällig fil",
        "an editor's autosave file":
            "en autosparad fil från ett redigeringsprogram",
        "an editor's lock file":
            "en låsfil från ett redigeringsprogram",
        "an office program's lock file":
            "en låsfil från ett kontorsprogram",
        "a file the operating system leaves in folders":
            "en fil som operativsystemet lägger i mappar",
        "ignored: {1}; it is not published":
            "hoppas över: {1}; den publiceras inte",
        "images":
            "bilder",
        "PDF":
            "PDF-filer",
        "office documents":
            "kontorsdokument",
        "media":
            "ljud- och videofiler",
        "fonts":
            "typsnitt",
        "a file ending in '.{1}'":
            "en fil som slutar på '.{1}'",
        "a file without an extension":
            "en fil utan filändelse",
        "this file is not published: {1} is not copied into the site, only {2} (docs/content-format.md lists their kinds)":
            "filen publiceras inte: {1} kopieras inte till webbplatsen, bara {2} (docs/content-format.md listar vilka slag)",
        "this data file is not used: only site.yaml and key-figures.yaml are read here":
            "datafilen används inte: här läses bara site.yaml och key-figures.yaml",
        "this file is neither read nor published: {1}":
            "filen varken läses eller publiceras: {1}",
        "content/{1}/ holds only unit files (<unit-id>.yaml)":
            "content/{1}/ innehåller bara enhetsfiler (<enhets-id>.yaml)",
        "content/{1}/ holds only examples (<name>.md); put pictures and documents beside the handbook's pages":
            "content/{1}/ innehåller bara goda exempel (<namn>.md); lägg bilder och dokument bredvid handbokens sidor",
        "content/{1}/ holds only the annual report's text (<year>.md); put pictures and documents beside the handbook's pages":
            "content/{1}/ innehåller bara årsrapportens text (<år>.md); lägg bilder och dokument bredvid handbokens sidor",
        "Valgrund does not read content/{1}/ yet":
            "Valgrund läser inte content/{1}/ ännu",
        "a page that size is too long to read on a phone":
            "en så stor sida är för lång att läsa i en mobil",
        "a data file that size is not written by hand":
            "en så stor datafil är inte skriven för hand",
        "cannot read this folder":
            "kan inte läsa mappen",
        "this is a link to '{1}', outside SOURCE; links may only point inside it":
            "detta är en länk till '{1}', utanför SOURCE; länkar får bara peka inom den",
        "this is a link to '{1}', a folder that holds the link itself, which makes a loop; remove the link":
            "detta är en länk till '{1}', en mapp som innehåller själva länken, vilket blir en slinga; ta bort länken",
        "this link points to nothing":
            "länken pekar inte på något",
        "ignored: this is not a file but a pipe, socket or device":
            "hoppas över: detta är ingen vanlig fil utan en pipe, en socket eller en device-fil",
        "this file is missing":
            "filen saknas",
        "cannot read this file":
            "kan inte läsa filen",
        "this file is larger than the {1} MB Valgrund reads ({2}); split it into smaller files":
            "filen är större än de {1} MB som Valgrund läser ({2}); dela upp den i mindre filer",
        "this file is empty":
            "filen är tom",
        "the front matter that starts here has no closing '---' line":
            "front matter som börjar här saknar en avslutande rad '---'",
        "no content/ folder here: SOURCE must be the folder that holds content/":
            "ingen mapp content/ här: SOURCE måste vara mappen som innehåller content/",
        "this file and {1}/{2} are both the unit '{3}' (a unit's id is its file's name); keep one of them":
            "den här filen och {1}/{2} är båda enheten '{3}' (en enhets id är dess filnamn); behåll en av dem",
        "this file holds a NUL byte; it looks like a binary file, not text":
            "filen innehåller en NUL-byte; den ser ut som en binärfil, inte text",
        "this file is not UTF-8 text; save it as UTF-8":
            "filen är inte UTF-8-text; spara den som UTF-8",
        // Load: YAML
        " ({1} at line {2})":
            " ({1} som börjar på rad {2})",
        "YAML syntax error: {1}{2}":
            "syntaxfel i YAML: {1}{2}",
        "'{1}' is written twice here; it was already given at line {2}":
            "'{1}' står två gånger här; den angavs redan på rad {2}",
        "'{1}' is written twice in this mapping":
            "'{1}' står två gånger i den här mappningen",
        "cannot read the file: {1}":
            "kan inte läsa filen: {1}",
        "YAML error: {1}":
            "YAML-fel: {1}",
        "the aliases (`*name`) in this file repeat their anchors' values into more than {1} values; write the values out instead":
            "aliasen (`*namn`) i filen upprepar sina ankares värden till fler än {1} värden; skriv ut värdena i stället",
        "cannot read YAML: {1}":
            "kan inte läsa YAML: {1}",
        // Load: libyaml's own words (a YAML syntax error's problem and context)
        "did not find expected key":
            "här väntades en nyckel",
        "did not find expected node content":
            "här väntades ett värde",
        "did not find expected ',' or ']'":
            "här väntades ',' eller ']'",
        "did not find expected ',' or '}'":
            "här väntades ',' eller '}'",
        "did not find expected '-' indicator":
            "här väntades ett '-'",
        "could not find expected ':'":
            "här väntades ett ':'",
        "did not find expected <document start>":
            "här väntades början på ett dokument (---)",
        "did not find expected comment or line break":
            "här väntades en kommentar eller ett radslut",
        "did not find expected whitespace or line break":
            "här väntades ett mellanslag eller ett radslut",
        "did not find expected whitespace":
            "här väntades ett mellanslag",
        "did not find expected alphabetic or numeric character":
            "här väntades en bokstav eller en siffra",
        "did not find expected tag URI":
            "här väntades en tagg-URI",
        "did not find URI escaped octet":
            "här väntades en URI-kodad byte",
        "did not find expected '!'":
            "här väntades ett '!'",
        "did not find the expected '>'":
            "här väntades ett '>'",
        "did not find expected hexdecimal number":
            "här väntades ett hexadecimalt tal",
        "did not find expected digit or '.' character":
            "här väntades en siffra eller '.'",
        "did not find expected version number":
            "här väntades ett versionsnummer",
        "could not find expected directive name":
            "här väntades namnet på ett direktiv",
        "mapping values are not allowed in this context":
            "ett värde efter ':' är inte tillåtet här",
        "mapping keys are not allowed in this context":
            "en nyckel är inte tillåten här",
        "block sequence entries are not allowed in this context":
            "en listpunkt ('- ') är inte tillåten här",
        "found character that cannot start any token":
            "hittade ett tecken som inte kan inleda något i YAML",
        "found a tab character that violates indentation":
            "hittade ett tabbtecken som bryter indraget",
        "found a tab character where an indentation space is expected":
            "hittade ett tabbtecken där ett mellanslag för indrag väntades",
        "found unexpected end of stream":
            "filen tar slut för tidigt",
        "found unexpected ':'":
            "hittade ett oväntat ':'",
        "found undefined tag handle":
            "hittade en odefinierad tagg",
        "found unknown escape character":
            "hittade ett okänt escape-tecken",
        "found unexpected document indicator":
            "hittade en oväntad dokumentmarkering",
        "found an indentation indicator equal to 0":
            "hittade en indragsmarkering som är 0",
        "found invalid Unicode character escape code":
            "hittade en ogiltig escape-kod för ett Unicode-tecken",
        "found undefined alias":
            "hittade ett alias utan ankare",
        "but found another document":
            "men hittade ett dokument till",
        "expected a single document in the stream":
            "i filen, som ska innehålla ett enda dokument,",
        "while parsing a block mapping":
            "i mappningen",
        "while parsing a flow mapping":
            "i mappningen inom {}",
        "while parsing a flow sequence":
            "i listan inom []",
        "while parsing a block collection":
            "i listan",
        "while parsing a block node":
            "i värdet",
        "while parsing a flow node":
            "i värdet",
        "while parsing a node":
            "i värdet",
        "while parsing a quoted scalar":
            "i texten inom citattecken",
        "while scanning a quoted scalar":
            "i texten inom citattecken",
        "while scanning a plain scalar":
            "i värdet",
        "while scanning a block scalar":
            "i textblocket",
        "while scanning a simple key":
            "i nyckeln",
        "while scanning an alias":
            "i aliaset",
        "while scanning an anchor":
            "i ankaret",
        "while scanning a tag":
            "i taggen",
        "while parsing a tag":
            "i taggen",
        "while scanning for the next token":
            "i texten",
        "while scanning a directive":
            "i direktivet",
        // Model: names a file share can hold
        "Windows reserves the name '{1}' for a device":
            "Windows reserverar namnet '{1}' för en systemenhet",
        "that address is {1} bytes long, more than the {2} an address in the site may have to fit a file share's limit on a whole path, so the site could not be copied to a Windows file share":
            "adressen är {1} byte lång, mer än de {2} som en adress i webbplatsen får ha för att rymmas inom en filresurs gräns för en hel sökväg, så webbplatsen skulle inte kunna kopieras till en Windows-filresurs",
        "{1}, so the site could not be copied to a Windows file share":
            "{1}, så webbplatsen skulle inte kunna kopieras till en Windows-filresurs",
        "a space":
            "ett mellanslag",
        "it holds {1}, and an address holds only plain ASCII letters, digits, '-', '_' and '.', since mail clients, intranet platforms and file shares break other addresses":
            "den innehåller {1}, och en adress får bara innehålla ASCII-bokstäver, siffror, '-', '_' och '.', eftersom e-postprogram, intranätplattformar och filresurser förstör andra adresser",
        "the name '{1}…' is {2} bytes long, more than the {3} a file's name may have":
            "namnet '{1}…' är {2} byte långt, mer än de {3} som ett filnamn får ha",
        "the control character U+{1}":
            "styrtecknet U+{1}",
        "the character '{1}'":
            "tecknet '{1}'",
        "a file share cannot hold {1} in a name":
            "en filresurs kan inte ha {1} i ett namn",
        "a file share cannot hold a name that ends in a dot":
            "en filresurs kan inte ha ett namn som slutar med punkt",
        "a file share cannot hold a name that ends in a space":
            "en filresurs kan inte ha ett namn som slutar med mellanslag",
        // Plan: addresses
        "this file cannot be published: {1}, so the site could not be copied to a Windows file share; rename it":
            "filen kan inte publiceras: {1}, så webbplatsen skulle inte kunna kopieras till en Windows-filresurs; byt namn på den",
        "this file":
            "den här filen",
        "this page":
            "den här sidan",
        "the start page":
            "startsidan",
        "the folder {1}/":
            "mappen {1}/",
        "the page '{1}'":
            "sidan '{1}'",
        "the page not found":
            "404-sidan",
        "rename it":
            "byt namn på den",
        "rename it or give it a `slug`":
            "byt namn på den eller ge den en `slug`",
        "a generated page":
            "en genererad sida",
        "rename one of them":
            "byt namn på en av dem",
        "give one of them another `slug`":
            "ge en av dem en annan `slug`",
        "{1} would get the address {2}, but {3}; {4}":
            "{1} skulle få adressen {2}, men {3}; {4}",
        "{1} would get the address {2}, which {3} already has; {4}":
            "{1} skulle få adressen {2}, som {3} redan har; {4}",
        "'print' lists '{1}', which is neither a folder nor a page in content/":
            "'print' listar '{1}', som varken är en mapp eller en sida i content/",
        // Render: links, generated figures, theme
        "the link '{1}' points to a heading '#{2}' that the page does not have{3}":
            "länken '{1}' pekar på en rubrik '#{2}' som sidan inte har{3}",
        "'{1}' after the figure's name: only a year may stand there, e.g. `{% {2} {3} %}`":
            "'{1}' efter uppgiftens namn: där får bara ett år stå, t.ex. `{% {2} {3} %}`",
        "no generated figure '{1}'{2}; the figures are {3}":
            "ingen genererad uppgift '{1}'{2}; uppgifterna är {3}",
        "the link '{1}' starts with '/', which breaks when the site is opened from disk or under a sub-path; write it relative to this page":
            "länken '{1}' börjar med '/', vilket går sönder när webbplatsen öppnas från disk eller under en undersökväg; skriv den relativt den här sidan",
        "the link '{1}' leads outside content/":
            "länken '{1}' leder utanför content/",
        "the link '{1}' points to a draft, which this build leaves out; build with --drafts or link elsewhere":
            "länken '{1}' pekar på ett utkast, som det här bygget utelämnar; bygg med --drafts eller länka någon annanstans",
        "the link '{1}' points to {2}, which does not exist{3}":
            "länken '{1}' pekar på {2}, som inte finns{3}",
        "the link uses the '{1}:' scheme, which could run code or hide content in the reader's browser; link to a page or an https:// address instead":
            "länken använder schemat '{1}:', som kan köra kod eller dölja innehåll i läsarens webbläsare; länka till en sida eller en https://-adress i stället",
        "the theme has no template templates/{1}.mustache":
            "temat har ingen mall templates/{1}.mustache",
        "the partials are nested more than {1} deep at '{2}'":
            "partials är nästlade mer än {1} nivåer djupt vid '{2}'",
        "the partial '{1}' includes itself ({2}) inside a section whose data does not end: partials nested more than {3} deep":
            "partialen '{1}' tar med sig själv ({2}) i en sektion vars data aldrig tar slut: partials nästlade mer än {3} nivåer djupt",
        "the partial '{1}' includes itself ({2}), which never ends":
            "partialen '{1}' tar med sig själv ({2}), vilket aldrig tar slut",
        "the partials are nested {1} deep ({2} > …); at most {3} levels":
            "partials är nästlade {1} nivåer djupt ({2} > …); högst {3} nivåer",
        "template error: a partial whose name comes from the data ({{>*…}}) cannot be checked for recursion; name the partial":
            "mallfel: en partial vars namn kommer från data ({{>*…}}) kan inte kontrolleras för rekursion; skriv ut partialens namn",
        "this strings file is not UTF-8 text":
            "strängfilen är inte UTF-8-text",
        "a strings file must be a mapping of keys to text":
            "en strängfil måste vara en mappning från nycklar till text",
        "cannot read the strings: {1}":
            "kan inte läsa strängarna: {1}",
        "this template is not UTF-8 text":
            "mallen är inte UTF-8-text",
        "template error: {1}":
            "mallfel: {1}",
        "this file would be copied to {1}, but {2}; rename it":
            "filen skulle kopieras till {1}, men {2}; byt namn på den",
        "template error: this template cannot be read once its partials are numbered by depth ({1})":
            "mallfel: mallen går inte att läsa när dess partials numreras efter djup ({1})",
        "the theme '{1}' has no template templates/{2}.mustache":
            "temat '{1}' har ingen mall templates/{2}.mustache",
        "template error: this {{/…}} closes a different section than the one that is open":
            "mallfel: den här {{/…}} stänger en annan sektion än den som är öppen",
        "template error: a tag is not closed with }}":
            "mallfel: en tagg stängs inte med }}",
        "template error: a section {{#…}} or {{^…}} is never closed with {{/…}}":
            "mallfel: en sektion {{#…}} eller {{^…}} stängs aldrig med {{/…}}",
        "template error: the delimiter tag {{=… …=}} is malformed":
            "mallfel: avgränsartaggen {{=… …=}} är felskriven",
        "template error: a transform cannot be applied to an inherited section":
            "mallfel: en transform kan inte användas på en ärvd sektion",
        "template error: inside {{<…}} only block overrides {{$…}} may stand":
            "mallfel: inuti {{<…}} får bara blockersättningar {{$…}} stå",
        "template error: unknown configuration tag {{% … }}":
            "mallfel: okänd konfigurationstagg {{% … }}",
        "cannot write the {1} export: {2}":
            "kan inte skriva exporten som {1}: {2}",
        // Serve
        "Valgrund: the content has errors; this is the last good site.":
            "Valgrund: innehållet har fel; detta är den senaste felfria versionen av webbplatsen.",
        // Site: bookkeeping, export, new unit
        "cannot keep what this build remembers for the next one here ({1}); the next build renders every page again":
            "kan inte spara det som bygget minns till nästa gång här ({1}); nästa bygge renderar alla sidor igen",
        "it is inside {1}, a site Valgrund built, which the next build replaces; write the export beside it":
            "den ligger i {1}, en webbplats som Valgrund har byggt och som nästa bygge ersätter; skriv exporten bredvid den",
        "there are: {1}":
            "det finns: {1}",
        "there are none":
            "det finns inga",
        "there is no annual report for {1} (content/annual-report/{2}.md); {3}":
            "det finns ingen årsrapport för {1} (content/annual-report/{2}.md); {3}",
        "there is no section '{1}'{2}; the sections are: {3}":
            "det finns inget avsnitt '{1}'{2}; avsnitten är: {3}",
        "the report":
            "rapporten",
        "the section '{1}'":
            "avsnittet '{1}'",
        "{1} holds no table, so there is no {2} of it; it can be exported as {3}":
            "{1} innehåller ingen tabell och kan därför inte exporteras som {2}; det går att exportera som {3}",
        "will not write the export to {1}: {2}":
            "skriver inte exporten till {1}: {2}",
        "cannot write {1}: {2}":
            "kan inte skriva {1}: {2}",
        "that names a folder; give the name of the file to write, e.g. {1}arsrapport.docx":
            "det är namnet på en mapp; ange namnet på filen som ska skrivas, t.ex. {1}arsrapport.docx",
        "{1} is the file that marks a folder as a site Valgrund built":
            "{1} är filen som märker en mapp som en webbplats byggd av Valgrund",
        "there is no folder {1} to write it in":
            "det finns ingen mapp {1} att skriva den i",
        "that is a folder; an export replaces only a file, never a folder":
            "det är en mapp; en export ersätter bara en fil, aldrig en mapp",
        "that is a symbolic link; give the path of the file itself, or another name":
            "det är en symbolisk länk; ange sökvägen till själva filen eller ett annat namn",
        "that is not a regular file":
            "det är ingen vanlig fil",
        "it is inside SOURCE's {1}/ folder, which holds what people write":
            "den ligger i SOURCE:s mapp {1}/, som innehåller det som människor skriver",
        "'{1}' cannot be a unit id: {2}; e.g. {3}":
            "'{1}' kan inte vara ett enhets-id: {2}; t.ex. {3}",
        "{1} already exists; Valgrund does not overwrite it":
            "{1} finns redan; Valgrund skriver inte över den",
        // Validate: values of every kind
        "'{1}' must be text, not {2}":
            "'{1}' måste vara text, inte {2}",
        "'{1}' has no value":
            "'{1}' har inget värde",
        "'{1}' must be a whole number, not {2}":
            "'{1}' måste vara ett heltal, inte {2}",
        "'{1}' must be between {2} and {3}, not {4}":
            "'{1}' måste vara mellan {2} och {3}, inte {4}",
        "'{1}' must be a number, not {2}":
            "'{1}' måste vara ett tal, inte {2}",
        "'{1}' is too large a number: {2}":
            "'{1}' är ett för stort tal: {2}",
        "'{1}' must be a number written with a decimal point: {2}":
            "'{1}' måste vara ett tal skrivet med decimalpunkt: {2}",
        "'{1}' must be true or false, not {2}":
            "'{1}' måste vara true eller false, inte {2}",
        "'{1}' must be a date written YYYY-MM-DD, not {2}":
            "'{1}' måste vara ett datum skrivet ÅÅÅÅ-MM-DD, inte {2}",
        "'{1}' must be a list, like [{2}]":
            "'{1}' måste vara en lista, som [{2}]",
        "'{1}' must be a list, not {2}":
            "'{1}' måste vara en lista, inte {2}",
        "nothing":
            "ingenting",
        "a mapping":
            "en mappning",
        "a list":
            "en lista",
        "an alias":
            "ett alias",
        "{1} must be a mapping of keys and values (like `key: value`), not {2}":
            "{1} måste vara en mappning av nycklar och värden (som `nyckel: värde`), inte {2}",
        "a key must be a plain word, not {1}":
            "en nyckel måste vara ett enkelt ord, inte {1}",
        "unknown key '{1}' in {2}{3}":
            "okänd nyckel '{1}' i {2}{3}",
        "'{1}' has no value: {2}":
            "'{1}' har inget värde: {2}",
        "'{1}' is missing: {2}":
            "'{1}' saknas: {2}",
        "'{1}' is empty: {2}":
            "'{1}' är tom: {2}",
        "'{1}' must be one of {2}, not '{3}'{4}":
            "'{1}' måste vara något av {2}, inte '{3}'{4}",
        "'years' must map each year to its data, like `2026: {…}`":
            "'years' måste ge varje år dess uppgifter, som `2026: {…}`",
        "'{1}' is not a year; write the year as four digits, e.g. `2026:`":
            "'{1}' är inget år; skriv året med fyra siffror, t.ex. `2026:`",
        "the year {1} is written twice here; it was already given at line {2}":
            "året {1} står två gånger här; det angavs redan på rad {2}",
        // Validate: site.yaml
        "site.yaml":
            "site.yaml",
        "the site's title, e.g. `title: Välgrundad verksamhet`":
            "webbplatsens titel, t.ex. `title: Välgrundad verksamhet`",
        "the municipality's name, e.g. `organisation: Hedemora kommun`":
            "kommunens namn, t.ex. `organisation: Hedemora kommun`",
        "'url' must be a full address starting with https:// (or http://)":
            "'url' måste vara en fullständig adress som börjar med https:// (eller http://)",
        "'theme' must be the name of a folder in themes/, not a path":
            "'theme' måste vara namnet på en mapp i themes/, inte en sökväg",
        "the theme has no strings for the language '{1}'; it has: {2}{3}":
            "temat har inga strängar för språket '{1}'; det har: {2}{3}",
        "there is no theme '{1}': add the folder themes/{2}/ or write `theme: default`":
            "det finns inget tema '{1}': lägg till mappen themes/{2}/ eller skriv `theme: default`",
        "the perspective '{1}' is listed twice":
            "perspektivet '{1}' står två gånger",
        "'rating_scale'":
            "'rating_scale'",
        "the lowest rating, e.g. `min: 1`":
            "det lägsta värdet på skalan, t.ex. `min: 1`",
        "the highest rating, e.g. `max: 10`":
            "det högsta värdet på skalan, t.ex. `max: 10`",
        "'max' must be greater than 'min' ({1})":
            "'max' måste vara större än 'min' ({1})",
        "the scale may span at most {1} steps, not {2} ({3} to {4})":
            "skalan får omfatta högst {1} steg, inte {2} ({3} till {4})",
        "'folders'":
            "'folders'",
        "'{1}' must be the name of one folder directly in content/":
            "'{1}' måste vara namnet på en mapp direkt i content/",
        "'accessibility'":
            "'accessibility'",
        "'search'":
            "'search'",
        "'search: weights'":
            "'search: weights'",
        "'{1}' must be a weight from {2} to {3} (the default is {4}), not {5}":
            "'{1}' måste vara en vikt från {2} till {3} (standard är {4}), inte {5}",
        "'paths' must be a mapping like `units: enheter`":
            "'paths' måste vara en mappning som `units: enheter`",
        "'{1}' must be one URL segment of plain ASCII letters, digits and hyphens{2}":
            "'{1}' måste vara ett enda URL-segment av ASCII-bokstäver, siffror och bindestreck{2}",
        "'slug' must be one URL segment of plain ASCII letters, digits and hyphens{1}":
            "'slug' måste vara ett enda URL-segment av ASCII-bokstäver, siffror och bindestreck{1}",
        " (å, ä, ö and other letters break addresses in mail clients and on file shares), e.g. `{1}`":
            " (å, ä, ö och andra bokstäver förstör adresser i e-postprogram och på filresurser), t.ex. `{1}`",
        "'contact'":
            "'contact'",
        "the contact's name (a person or a function), e.g. `name: Emelie Berg`":
            "kontaktens namn (en person eller en funktion), t.ex. `name: Emelie Berg`",
        "'email' must be an e-mail address like `namn@kommun.se`, not '{1}'":
            "'email' måste vara en e-postadress som `namn@kommun.se`, inte '{1}'",
        "'phone' must be a phone number of digits, spaces and hyphens (a leading + for abroad), e.g. `0225-341 51`, not '{1}'":
            "'phone' måste vara ett telefonnummer av siffror, mellanslag och bindestreck (ett inledande + för utlandet), t.ex. `0225-341 51`, inte '{1}'",
        ": write the address alone, without 'mailto:'":
            ": skriv bara adressen, utan 'mailto:'",
        ", not '{1}'":
            ", inte '{1}'",
        "'feedback' must be an e-mail address (`synpunkter@kommun.se`) or a web address starting with https:// (or http://){1}":
            "'feedback' måste vara en e-postadress (`synpunkter@kommun.se`) eller en webbadress som börjar med https:// (eller http://){1}",
        // Validate: key-figures.yaml
        "key-figures.yaml must be a list of key figures, each starting with `- id: …`":
            "key-figures.yaml måste vara en lista med nyckeltal som vart och ett börjar med `- id: …`",
        "the key figure id '{1}' is already used at line {2}":
            "nyckeltals-id:t '{1}' används redan på rad {2}",
        "a key figure":
            "ett nyckeltal",
        "every key figure needs an id that units refer to, e.g. `id: heltid`":
            "varje nyckeltal behöver ett id som enheterna hänvisar till, t.ex. `id: heltid`",
        "the key figure's name, e.g. `name: Andel som arbetar heltid`":
            "nyckeltalets namn, t.ex. `name: Andel som arbetar heltid`",
        "one of site.yaml's perspectives":
            "ett av perspektiven i site.yaml",
        "percent, count or number":
            "percent, count eller number",
        "higher or lower":
            "higher eller lower",
        "unknown group '{1}'{2}; the groups are {3}":
            "okänd grupp '{1}'{2}; grupperna är {3}",
        "the group '{1}' is listed twice":
            "gruppen '{1}' står två gånger",
        "the groups the figure is split by, e.g. `groups: [women, men]`":
            "grupperna som nyckeltalet delas upp på, t.ex. `groups: [women, men]`",
        "'id' must be lowercase letters, digits and hyphens, e.g. `id: {1}`":
            "'id' måste bestå av små bokstäver, siffror och bindestreck, t.ex. `id: {1}`",
        "site.yaml has {1}":
            "site.yaml har {1}",
        "site.yaml lists none":
            "site.yaml listar inga",
        "unknown perspective '{1}'{2}; {3}":
            "okänt perspektiv '{1}'{2}; {3}",
        "a key figure's year":
            "ett år för ett nyckeltal",
        "'{1}' must map each group to a number, like {{2}}":
            "'{1}' måste ge varje grupp ett tal, som {{2}}",
        "the key figure '{1}' has no group '{2}'; its groups are {3}":
            "nyckeltalet '{1}' har ingen grupp '{2}'; dess grupper är {3}",
        "a whole number, at least 0":
            "ett heltal, minst 0",
        "a whole number of people":
            "ett helt antal personer",
        "'{1}' in '{2}' must be {3}, not {4}":
            "'{1}' i '{2}' måste vara {3}, inte {4}",
        "'{1}' in '{2}' must be between {3} and {4}, not {5}":
            "'{1}' i '{2}' måste vara mellan {3} och {4}, inte {5}",
        // Validate: pages, examples, the annual report
        "the page has no front matter: start it with a `---` line, `title: …` and another `---` line":
            "sidan har ingen front matter: börja den med en rad `---`, `title: …` och ännu en rad `---`",
        "the front matter":
            "front matter",
        "every page needs a title, e.g. `title: Uppstart`":
            "varje sida behöver en titel, t.ex. `title: Uppstart`",
        "a question page needs the question people rate, e.g. `assessment: I vilken mån …?`":
            "en frågesida behöver frågan som man skattar, t.ex. `assessment: I vilken mån …?`",
        "'{1}' belongs on question pages: add `question: <id>` or remove it":
            "'{1}' hör hemma på frågesidor: lägg till `question: <id>` eller ta bort den",
        "a page is either a step or a question, not both":
            "en sida är antingen ett steg eller en fråga, inte båda",
        "'{1}' must be an id of lowercase letters, digits and hyphens, e.g. `{2}: {3}`":
            "'{1}' måste vara ett id av små bokstäver, siffror och bindestreck, t.ex. `{2}: {3}`",
        ", e.g. `uppstart`":
            ", t.ex. `uppstart`",
        "it is empty":
            "det är tomt",
        "the capital '{1}'":
            "versalen '{1}'",
        "it holds {1}, and an id holds only lowercase letters, digits and hyphens":
            "det innehåller {1}, och ett id innehåller bara små bokstäver, siffror och bindestreck",
        "it starts with '{1}', and an id starts with a lowercase letter or a digit":
            "det börjar med '{1}', och ett id börjar med en liten bokstav eller en siffra",
        "it has {1} characters, and an id has at most {2}":
            "det har {1} tecken, och ett id har högst {2}",
        "step id":
            "steg-id:t",
        "question id":
            "fråge-id:t",
        "the {1} '{2}' is already used by {3}":
            "{1} '{2}' används redan av {3}",
        "a good example starts with front matter: `---`, `title: …`, `date: …` and another `---`":
            "ett gott exempel börjar med front matter: `---`, `title: …`, `date: …` och ännu en `---`",
        "a good example's front matter":
            "ett gott exempels front matter",
        "every example needs a title":
            "varje exempel behöver en titel",
        "the date the example was published, e.g. `date: 2026-10-01`":
            "datumet då exemplet publicerades, t.ex. `date: 2026-10-01`",
        "no unit '{1}'{2}; units are named by their file in units/":
            "ingen enhet '{1}'{2}; enheter heter som sin fil i units/",
        "no key figure '{1}' in key-figures.yaml{2}":
            "inget nyckeltal '{1}' i key-figures.yaml{2}",
        "an annual report's file is named after its year, e.g. 2026.md":
            "en årsrapports fil heter som sitt år, t.ex. 2026.md",
        "the report starts with front matter: `---`, `title: …` and another `---`":
            "rapporten börjar med front matter: `---`, `title: …` och ännu en `---`",
        "the report's front matter":
            "rapportens front matter",
        "the report's title, e.g. `title: Välgrundad verksamhet {1}`":
            "rapportens titel, t.ex. `title: Välgrundad verksamhet {1}`",
        "the tag '{1}' is written '{2}' elsewhere; both are the topic '{3}' (write it one way)":
            "taggen '{1}' skrivs '{2}' på andra ställen; båda är ämnet '{3}' (skriv den på ett sätt)",
        "two examples would get the address '{1}': this one and {2}; give one a `slug`":
            "två exempel skulle få adressen '{1}': det här och {2}; ge ett av dem en `slug`",
        // Validate: unit files
        "the file name is the unit's id and cannot be '{1}': {2}; rename the file, e.g. {3}.yaml":
            "filnamnet är enhetens id och kan inte vara '{1}': {2}; byt namn på filen, t.ex. {3}.yaml",
        "Windows reserves the name '{1}' for a device, so the site could not be copied to a Windows file share":
            "Windows reserverar namnet '{1}' för en systemenhet, så webbplatsen skulle inte kunna kopieras till en Windows-filresurs",
        "a unit file":
            "en enhetsfil",
        "the unit's name, e.g. `name: Förskolan Solrosen`":
            "enhetens namn, t.ex. `name: Förskolan Solrosen`",
        "the unit's department (förvaltning)":
            "enhetens förvaltning",
        "'{1}' is what `valgrund new unit` writes: name the unit's department (förvaltning); until then the unit is left out of the site's counts, charts and report":
            "'{1}' är det som `valgrund new unit` skriver: ange enhetens förvaltning; till dess räknas enheten inte med i webbplatsens antal, diagram och rapport",
        "the year {1} has no data yet":
            "året {1} har inga uppgifter ännu",
        "the year {1}":
            "året {1}",
        "'follow_up'":
            "'follow_up'",
        "{1} holds only what `valgrund new unit` writes: fill in the steps' status (in_progress, done) or dates, the self-assessment, key-figure values or the learning follow-up; until then the unit is left out of the counts, charts and report for {2}":
            "{1} innehåller bara det som `valgrund new unit` skriver: fyll i stegens status (in_progress, done) eller datum, självskattningen, nyckeltalens värden eller den lärande uppföljningen; till dess räknas enheten inte med i antal, diagram och rapport för {2}",
        "'steps' must map step ids to their status, like `uppstart: {status: done, date: {1}-02-10}`":
            "'steps' måste ge varje steg-id dess status, som `uppstart: {status: done, date: {1}-02-10}`",
        "the steps are {1}":
            "stegen är {1}",
        "the handbook has no step pages":
            "handboken har inga stegsidor",
        "no step '{1}'{2}; {3}":
            "inget steg '{1}'{2}; {3}",
        "the step '{1}'":
            "steget '{1}'",
        "planned, in_progress or done":
            "planned, in_progress eller done",
        "the step '{1}' is planned for {2}, in a year that has passed":
            "steget '{1}' är planerat till {2}, ett år som har passerat",
        "'key_figures' must map key-figure ids to values, like `heltid: {value: {women: 71, men: 90}}`":
            "'key_figures' måste ge varje nyckeltals-id dess värden, som `heltid: {value: {women: 71, men: 90}}`",
        "the key figure '{1}'":
            "nyckeltalet '{1}'",
        "the perspective {1}":
            "perspektivet {1}",
        "the perspectives {1}":
            "perspektiven {1}",
        "{1}: no prioritised key figure for {2}; the handbook asks for at least one per perspective":
            "{1}: inget prioriterat nyckeltal för {2}; handboken ber om minst ett per perspektiv",
        "'activity_plans' must be a list, each plan starting with `- title: …`":
            "'activity_plans' måste vara en lista där varje plan börjar med `- title: …`",
        "{1} activity plans in one year; a unit has a handful, and Valgrund takes at most {2}":
            "{1} aktivitetsplaner på ett år; en enhet har en handfull, och Valgrund tar emot högst {2}",
        "an activity plan":
            "en aktivitetsplan",
        "what the plan is, e.g. `title: Scheman som gör heltid möjlig`":
            "vad planen gäller, t.ex. `title: Scheman som gör heltid möjlig`",
        "'learning_follow_up'":
            "'learning_follow_up'",
        "the ratings of '{1}' must be a list with one number per participant, like [6, 7, 5]":
            "skattningarna för '{1}' måste vara en lista med ett tal per deltagare, som [6, 7, 5]",
        "'{1}' must map question ids to ratings":
            "'{1}' måste ge varje fråge-id dess skattningar",
        "the questions are {1}":
            "frågorna är {1}",
        "the guide has no question pages":
            "vägledningen har inga frågesidor",
        "no question '{1}'{2}; {3}":
            "ingen fråga '{1}'{2}; {3}",
        "'program_logic'":
            "'program_logic'",
        "a resource":
            "en resurs",
        "an activity":
            "en aktivitet",
        "a result":
            "ett resultat",
        "an effect":
            "en effekt",
        "what the resource is":
            "vad resursen är",
        "what the activity is":
            "vad aktiviteten är",
        "what the result is":
            "vad resultatet är",
        "what the effect is":
            "vad effekten är",
        "no resource '{1}' in this program logic{2}":
            "ingen resurs '{1}' i den här programlogiken{2}",
        "no activity '{1}' in this program logic{2}":
            "ingen aktivitet '{1}' i den här programlogiken{2}",
        "no result '{1}' in this program logic{2}":
            "inget resultat '{1}' i den här programlogiken{2}",
        "no effect '{1}' in this program logic{2}":
            "ingen effekt '{1}' i den här programlogiken{2}",
        "'{1}' must be a list, each item like `- {id: x1, text: …}`":
            "'{1}' måste vara en lista där varje punkt ser ut som `- {id: x1, text: …}`",
        "every box needs an id that the others can point to, e.g. `id: {1}1`":
            "varje ruta behöver ett id som de andra kan peka på, t.ex. `id: {1}1`",
        "the id '{1}' is already used at line {2} of this program logic":
            "id:t '{1}' används redan på rad {2} i den här programlogiken",
        // Write: the output folder
        "will not write the site to {1}: {2}":
            "skriver inte webbplatsen till {1}: {2}",
        "cannot put the new site in place of {1}: {2}":
            "kan inte sätta den nya webbplatsen i stället för {1}: {2}",
        "refused to write the file '{1}' outside the output folder":
            "vägrade skriva filen '{1}' utanför utmappen",
        "that is the root folder":
            "det är rotmappen",
        "that is your home folder":
            "det är din hemmapp",
        "that is SOURCE itself":
            "det är SOURCE själv",
        "SOURCE is inside it":
            "SOURCE ligger i den",
        "it is inside SOURCE's {1}/ folder":
            "den ligger i SOURCE:s mapp {1}/",
        "that is Valgrund's own {1}/ folder":
            "det är Valgrunds egen mapp {1}/",
        "it is a file, not a folder":
            "det är en fil, inte en mapp",
        "the folder is not empty and Valgrund did not make it (it has no {1} file); choose another --output or empty it":
            "mappen är inte tom och Valgrund har inte skapat den (den har ingen fil {1}); välj en annan --output eller töm den",
        "there is no earlier site to take it from":
            "det finns ingen tidigare webbplats att ta den från",
        // The command line
        "--source {1}: no such folder":
            "--source {1}: mappen finns inte",
        "--audience must be intranet or public, not '{1}'":
            "--audience måste vara intranet eller public, inte '{1}'",
        "--as-of must be a date written YYYY-MM-DD, not '{1}'":
            "--as-of måste vara ett datum skrivet ÅÅÅÅ-MM-DD, inte '{1}'",
        "--port must be between 0 and 65535":
            "--port måste vara mellan 0 och 65535",
        "--format must be one of {1}, not '{2}'":
            "--format måste vara något av {1}, inte '{2}'",
        "1 error; nothing was written":
            "1 fel; ingenting skrevs",
        "{1} errors; nothing was written":
            "{1} fel; ingenting skrevs",
        "No errors: {1} pages checked":
            "Inga fel: {1} sidor kontrollerade",
        "Built {1} pages into {2} in {3} s ({4} rendered, {5})":
            "Byggde {1} sidor till {2} på {3} s ({4} renderade, {5})",
        "{1} is up to date ({2} pages; nothing changed) in {3} s":
            "{1} är aktuell ({2} sidor; inget ändrades) på {3} s",
        "1 file changed":
            "1 fil ändrad",
        "{1} files changed":
            "{1} filer ändrade",
        "Created {1}: fill it in, then run `valgrund check`":
            "Skapade {1}: fyll i den och kör sedan `valgrund check`",
        "Wrote {1}":
            "Skrev {1}",
        "cannot listen on 127.0.0.1:{1}: {2}":
            "kan inte lyssna på 127.0.0.1:{1}: {2}",
        "1 change":
            "1 ändring",
        "{1} changes":
            "{1} ändringar",
        "changes the watcher could not list":
            "ändringar som bevakningen inte kunde räkna upp",
        "Rebuilt after {1} in {2} ms: {3} of {4} pages rendered, {5}":
            "Byggde om efter {1} på {2} ms: {3} av {4} sidor renderade, {5}",
        "Serving {1} at http://127.0.0.1:{2}/ (Ctrl-C to stop)":
            "Visar {1} på http://127.0.0.1:{2}/ (Ctrl-C avslutar)",
        "Stopped":
            "Stoppad",
        // Figures declared in a page (```cycle, ```flow)
        "this item is empty: write its text after '- '":
            "punkten är tom: skriv dess text efter '- '",
        "this item has {1} characters, and a figure's item at most {2}; shorten it and say the rest in the text":
            "punkten har {1} tecken, och en punkt i en figur högst {2}; korta den och säg resten i texten",
        "an item must follow a 'column:', 'above:' or 'below:' line that names its group":
            "en punkt måste komma efter en rad 'column:', 'above:' eller 'below:' som namnger dess grupp",
        "write each item on a line of its own starting with '- ', or a setting as `key: text` ({1})":
            "skriv varje punkt på en egen rad som börjar med '- ', eller en inställning som `nyckel: text` ({1})",
        "unknown setting '{1}' in a {2} figure{3}; it has {4}":
            "okänd inställning '{1}' i en figur av typen {2}{3}; den har {4}",
        "'{1}' has no text: write it after the colon":
            "'{1}' har ingen text: skriv den efter kolonet",
        "'{1}' has {2} characters, and a figure's text at most {3}; shorten it":
            "'{1}' har {2} tecken, och en text i en figur högst {3}; korta den",
        "'{1}' is written twice in this figure (first on line {2})":
            "'{1}' står två gånger i figuren (första gången på rad {2})",
        "a cycle has {1} to {2} items, one on each line starting with '- '; this one has {3}":
            "en cykel har {1} till {2} punkter, en på varje rad som börjar med '- '; den här har {3}",
        "a flow has {1} to {2} columns, each started by a line `column: title`; this one has {3}":
            "ett flöde har {1} till {2} kolumner, var och en inledd av en rad `column: rubrik`; det här har {3}",
        "the band '{1}' has {2} items, and a band {3} to {4}":
            "bandet '{1}' har {2} punkter, och ett band ska ha {3} till {4}",
        "the column '{1}' has {2} items, and a column at most {3}":
            "kolumnen '{1}' har {2} punkter, och en kolumn högst {3}",
        "the setting {1}":
            "inställningen {1}",
        "the settings {1}":
            "inställningarna {1}",
        // Worksheets (front matter `worksheet:`)
        "the worksheet '{1}' of this page":
            "arbetsunderlaget '{1}' på den här sidan",
        "the form's title, e.g. `title: Arbetsunderlag för programlogik`":
            "formulärets rubrik, t.ex. `title: Arbetsunderlag för programlogik`",
        "the form's columns, e.g. `columns: [{title: Resurser}, {title: Planerade aktiviteter}]`":
            "formulärets kolumner, t.ex. `columns: [{title: Resurser}, {title: Planerade aktiviteter}]`",
        "the column's heading, e.g. `title: Resurser`":
            "kolumnens rubrik, t.ex. `title: Resurser`",
        "a column of 'worksheet'":
            "en kolumn i 'worksheet'",
        "'columns' must list {1} to {2} columns, not {3}":
            "'columns' ska ha {1} till {2} kolumner, inte {3}",
        "'columns' must be a list of columns, like `- {title: Resurser, prompt: …}`, not {1}":
            "'columns' ska vara en lista med kolumner, som `- {title: Resurser, prompt: …}`, inte {1}",
        // Schemas
        "the report's title":
            "rapportens rubrik",
        "cannot write the schemas into {1}: {2}":
            "kan inte skriva scheman till {1}: {2}",
        // Kolada in site.yaml, key-figures.yaml and unit files
        "the Kolada id of a municipality (\"1982\"), the country (\"0000\") or a municipality group (\"G124026\")":
            "Kolada-id för en kommun (\"1982\"), hela riket (\"0000\") eller en kommungrupp (\"G124026\")",
        "the name pages show, e.g. `name: Riket`":
            "namnet som sidorna visar, t.ex. `name: Riket`",
        "a 'compare' entry":
            "en post i 'compare'",
        "the municipality's four-digit Kolada id, e.g. `municipality: \"2083\"`":
            "kommunens fyrsiffriga Kolada-id, t.ex. `municipality: \"2083\"`",
        "'municipality' must be the municipality's four-digit Kolada id, e.g. \"2083\", not '{1}'":
            "'municipality' ska vara kommunens fyrsiffriga Kolada-id, t.ex. \"2083\", inte '{1}'",
        "'compare' must be a list of municipalities and groups, like `- {id: \"0000\", name: Riket}`":
            "'compare' ska vara en lista med kommuner och grupper, som `- {id: \"0000\", name: Riket}`",
        "'id' must be a Kolada id of a municipality (four digits, \"1982\"; \"0000\" is the whole country) or a municipality group (\"G124026\"), not '{1}'":
            "'id' ska vara Kolada-id för en kommun (fyra siffror, \"1982\"; \"0000\" är hela riket) eller en kommungrupp (\"G124026\"), inte '{1}'",
        "'{1}' is the municipality itself, which pages show anyway":
            "'{1}' är kommunen själv, som sidorna ändå visar",
        "'{1}' is already compared at line {2}":
            "'{1}' jämförs redan på rad {2}",
        "'{1}' must be a Kolada KPI id, a capital letter and five digits (e.g. N00206), not '{2}'":
            "'{1}' ska vara ett nyckeltals-id i Kolada, en versal och fem siffror (t.ex. N00206), inte '{2}'",
        "Kolada's values are for women or girls (K), men or boys (M) and in total (T); the key figure '{1}' has none of these groups":
            "Koladas värden gäller kvinnor eller flickor (K), män eller pojkar (M) och totalt (T); nyckeltalet '{1}' har ingen av de grupperna",
        "'kolada' needs the municipality's Kolada id in site.yaml, e.g. `kolada: {municipality: \"2083\"}`":
            "'kolada' kräver kommunens Kolada-id i site.yaml, t.ex. `kolada: {municipality: \"2083\"}`",
        "'kolada' must be the unit's Kolada id (an organisational unit: V and capital letters or digits, e.g. V15E208300101), not '{1}'":
            "'kolada' ska vara enhetens Kolada-id (en organisatorisk enhet: V följt av versaler eller siffror, t.ex. V15E208300101), inte '{1}'",
        // valgrund kolada urls|fetch
        "--api must be an http or https address without ?query or #fragment, such as {1}, not '{2}'":
            "--api ska vara en http- eller https-adress utan ?fråga eller #fragment, till exempel {1}, inte '{2}'",
        "The content asks Kolada for nothing: no key figure has `kolada:` (with site.yaml's `kolada:`) or `kolada_unit:` (with units that have `kolada:`)":
            "Innehållet hämtar inget från Kolada: inget nyckeltal har `kolada:` (med `kolada:` i site.yaml) eller `kolada_unit:` (med enheter som har `kolada:`)",
        "{1}; use a shorter --api":
            "{1}; använd en kortare --api",
        "--timeout must be more than 0 and at most 3600 seconds":
            "--timeout ska vara mer än 0 och högst 3600 sekunder",
        "--retries must be between 0 and 10":
            "--retries ska vara mellan 0 och 10",
        "{1}; content/kolada/ was left as it was":
            "{1}; content/kolada/ lämnades som den var",
        "1 error; nothing was asked of Kolada":
            "1 fel; inget hämtades från Kolada",
        "{1} errors; nothing was asked of Kolada":
            "{1} fel; inget hämtades från Kolada",
        "Fetched into content/kolada/: {1} response pages, {2} values, {3} addresses asked":
            "Hämtat till content/kolada/: {1} svarssidor, {2} värden, {3} adresser frågade",
        "{1}; kept {2}":
            "{1}; behöll {2}",
        "{1}: 1 value from {2}":
            "{1}: 1 värde från {2}",
        "{1}: {2} values from {3}":
            "{1}: {2} värden från {3}",
        "HTTP {1} {2}":
            "HTTP {1} {2}",
        "{1} (asked {2} times)":
            "{1} (frågade {2} gånger)",
        "the request was cancelled":
            "förfrågan avbröts",
        "the answer is not HTTP":
            "svaret är inte HTTP",
        "no complete answer within {1} s (--timeout)":
            "inget fullständigt svar inom {1} s (--timeout)",
        "cannot connect to the server":
            "kan inte ansluta till servern",
        "cannot find the server (no such host, or no network)":
            "hittar inte servern (ingen sådan värd, eller inget nätverk)",
        "the connection was lost: the answer was cut off":
            "anslutningen bröts: svaret blev avklippt",
        "the answer was cut off ({1})":
            "svaret blev avklippt ({1})",
        "the request failed: {1}":
            "förfrågan misslyckades: {1}",
        "cannot fetch {1}: {2}":
            "kan inte hämta {1}: {2}",
        "this is not an address":
            "det här är ingen adress",
        "its 'next_page' ({1}) leads back to a page already fetched":
            "dess 'next_page' ({1}) leder tillbaka till en sida som redan hämtats",
        "it goes on for more than {1} pages":
            "den fortsätter i mer än {1} sidor",
        "its 'next_page' ({1}) is not an address on the same server":
            "dess 'next_page' ({1}) är ingen adress på samma server",
        "the address {1} is longer than the {2} characters an address to Kolada may have":
            "adressen {1} är längre än de {2} tecken en adress till Kolada får ha",
        "the answer is not JSON (cut off or damaged; {1} bytes arrived)":
            "svaret är inte JSON (avklippt eller skadat; {1} byte kom fram)",
        // content/kolada/*.json: the JSON reader
        "an object":
            "ett objekt",
        "a string":
            "en sträng",
        "a number":
            "ett tal",
        "true or false":
            "true eller false",
        "the end of the text":
            "textens slut",
        "a byte {1}":
            "en byte {1}",
        "the text ends where a value should be":
            "texten tar slut där ett värde ska stå",
        "{1} where a value should be":
            "{1} där ett värde ska stå",
        "{1} where a key in quotes should be":
            "{1} där en nyckel inom citattecken ska stå",
        "{1} where ':' should follow the key \"{2}\"":
            "{1} där ':' ska följa nyckeln \"{2}\"",
        "{1} where {2} should be":
            "{1} där {2} ska stå",
        "objects and lists are nested more than {1} deep":
            "objekt och listor är nästlade mer än {1} nivåer djupt",
        "the text ends inside {1}":
            "texten tar slut inuti {1}",
        "{1} where ',' or '{2}' should be":
            "{1} där ',' eller '{2}' ska stå",
        "a ',' before '{1}': JSON allows no comma after the last item":
            "ett ',' före '{1}': JSON tillåter inget kommatecken efter det sista elementet",
        "{1} where a string should be":
            "{1} där en sträng ska stå",
        "the text ends inside the string that starts here":
            "texten tar slut inuti strängen som börjar här",
        "a control character inside a string; write it as an escape such as \\n":
            "ett styrtecken inuti en sträng; skriv det som en escape-sekvens, t.ex. \\n",
        "the string that starts here is not UTF-8":
            "strängen som börjar här är inte UTF-8",
        "the text ends inside an escape":
            "texten tar slut inuti en escape-sekvens",
        "a \\u escape of half a character (a lone surrogate)":
            "en \\u-sekvens för ett halvt tecken (ett ensamt surrogat)",
        "'\\{1}' is no escape JSON knows":
            "'\\{1}' är ingen escape-sekvens som JSON känner till",
        "the text ends inside a \\u escape":
            "texten tar slut inuti en \\u-sekvens",
        "a \\u escape needs four hexadecimal digits":
            "en \\u-sekvens behöver fyra hexadecimala siffror",
        "{1} where a number should be":
            "{1} där ett tal ska stå",
        "a number with a leading zero":
            "ett tal med en inledande nolla",
        "a number needs digits after its decimal point":
            "ett tal behöver siffror efter decimalpunkten",
        "a number needs digits in its exponent":
            "ett tal behöver siffror i exponenten",
        "a number Valgrund cannot read":
            "ett tal som Valgrund inte kan läsa",
        "{1} where true or false should be":
            "{1} där true eller false ska stå",
        "{1} where null should be":
            "{1} där null ska stå",
        "{1} after the end of the JSON value":
            "{1} efter JSON-värdets slut",
        // content/kolada/*.json: Kolada's responses
        "content/{1}/ holds only Kolada's responses (<name>.json) and notes about them (<name>.md)":
            "content/{1}/ innehåller bara Koladas svar (<namn>.json) och anteckningar om dem (<namn>.md)",
        "Kolada's answers come in pages of about a megabyte":
            "Koladas svar kommer i sidor på ungefär en megabyte",
        "not JSON: {1}":
            "inte JSON: {1}",
        "not a Kolada data response: the file must be an object with a list of `values` (`{\"values\": [...]}`), not {1}":
            "inget datasvar från Kolada: filen ska vara ett objekt med en lista `values` (`{\"values\": [...]}`), inte {1}",
        "not a Kolada data response: 'values' must be a list of entries, not {1}":
            "inget datasvar från Kolada: 'values' ska vara en lista med poster, inte {1}",
        "not a Kolada data response: it has no list of `values` (is it an answer about KPIs or municipalities rather than their data?)":
            "inget datasvar från Kolada: det har ingen lista `values` (är det ett svar om nyckeltal eller kommuner i stället för deras data?)",
        "an entry of 'values' must be an object with kpi, municipality or ou, period and values, not {1}":
            "en post i 'values' ska vara ett objekt med kpi, municipality eller ou, period och values, inte {1}",
        "this entry has no {1}; a data response's entries have kpi, municipality or ou, period and values":
            "posten saknar {1}; ett datasvars poster har kpi, municipality eller ou, period och values",
        "this entry has neither 'municipality' nor 'ou': whose values are they?":
            "posten har varken 'municipality' eller 'ou': vems värden är det?",
        "this entry has both 'municipality' and 'ou'; a data response's entries have one of them":
            "posten har både 'municipality' och 'ou'; ett datasvars poster har en av dem",
        "'values' must be a list of values by gender (`[{\"gender\": \"K\", \"value\": 68.2}, …]`), not {1}":
            "'values' ska vara en lista med värden per kön (`[{\"gender\": \"K\", \"value\": 68.2}, …]`), inte {1}",
        "a value by gender must be an object like {\"gender\": \"K\", \"value\": 68.2}, not {1}":
            "ett värde per kön ska vara ett objekt som {\"gender\": \"K\", \"value\": 68.2}, inte {1}",
        "unknown gender '{1}'; Kolada's are K (women), M (men) and T (total)":
            "okänt kön '{1}'; Koladas är K (kvinnor), M (män) och T (totalt)",
        "this value has no 'gender' (K, M or T)":
            "värdet har ingen 'gender' (K, M eller T)",
        "'{1}' must be a string, not {2}":
            "'{1}' ska vara en sträng, inte {2}",
        "'{1}' must be a number or null, not {2}":
            "'{1}' ska vara ett tal eller null, inte {2}",
        "'{1}' is too large a number":
            "'{1}' är ett för stort tal",
        "'period' must be a year from {1} to {2} written as a number (`\"period\": 2025`), not {3}":
            "'period' ska vara ett år från {1} till {2} skrivet som ett tal (`\"period\": 2025`), inte {3}",
        "site.yaml has no `kolada:`, so no values from Kolada are used":
            "site.yaml har ingen `kolada:`, så inga värden från Kolada används",
        "no key figure in key-figures.yaml has `kolada: {1}`, so this file's values of {2} for municipalities are not used":
            "inget nyckeltal i key-figures.yaml har `kolada: {1}`, så filens värden för {2} för kommuner används inte",
        "'{1}' is neither site.yaml's `kolada: municipality` nor one of its `compare` ids, so this file's values for it are not used":
            "'{1}' är varken `kolada: municipality` i site.yaml eller ett av dess `compare`-id, så filens värden för den används inte",
        "no key figure in key-figures.yaml has `kolada_unit: {1}`, so this file's values of {2} for units are not used":
            "inget nyckeltal i key-figures.yaml har `kolada_unit: {1}`, så filens värden för {2} för enheter används inte",
        "no unit file has `kolada: {1}`, so this file's values for it are not used":
            "ingen enhetsfil har `kolada: {1}`, så filens värden för den används inte",
        "{1} for '{2}' in {3} is already given at {4}:{5}; this entry is not used":
            "{1} för '{2}' {3} finns redan på {4}:{5}; den här posten används inte",
        "'next_page' must be the next page's address or null, not {1}":
            "'next_page' ska vara nästa sidas adress eller null, inte {1}",
        "the answer is not a data response: {1}:{2}: {3}":
            "svaret är inget datasvar: {1}:{2}: {3}",
        "the answer is not a data response: an entry has 'ou' where an answer about municipalities has 'municipality'":
            "svaret är inget datasvar: en post har 'ou' där ett svar om kommuner har 'municipality'",
        "the answer is not a data response: an entry has 'municipality' where an answer about units has 'ou'":
            "svaret är inget datasvar: en post har 'municipality' där ett svar om enheter har 'ou'",
    ]
}
