"""Mistakes editors make, each with what `insatsbas validate` tells them and what their VS Code says.

Every mistake is a change to one valid entry (conftest's VALID_ENTRY), saved as FILE. `messages` are the
lines `insatsbas validate` prints for it, exactly; `verdict` is "fel" when the entry is refused, "varning"
when it passes with a warning, "ok" when it passes silently. `editor` is what yaml-language-server (the
YAML support in VS Code) underlines, when that is one of the schema's Swedish messages; None where the
language server has its own English words (YAML syntax, a missing or unknown field, a number's range),
and then only its verdict is compared.

The same list drives tests/test_editor_mistakes.py: through the command line, and through the real
yaml-language-server with the committed schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from insatsbas.sources import schema as schemas
from tests.conftest import VALID_ENTRY

FILE = "catalogue/huddinge/sprakcafe.yml"


@dataclass(frozen=True)
class Mistake:
    kind: str  # Word paste, indrag, koder, datum, tider, citattecken, tal
    name: str
    text: str
    verdict: str
    messages: tuple[str, ...]
    editor: tuple[str, ...] | None = None


def changed(old: str, new: str) -> str:
    assert VALID_ENTRY.count(old) == 1, old
    return VALID_ENTRY.replace(old, new)


def added(text: str) -> str:
    return VALID_ENTRY + text


def at(line: int, column: int, severity: str, message: str) -> str:
    return f"{FILE}:{line}:{column}: {severity}: {message}"


EMAIL = "  email: bibliotek.huddinge@example.org"
HOURS = "schedule:\n  hours:\n    - days: [tue]\n      opens: {opens}\n      closes: {closes}\n"
PASTED = ("Texten används rensad, med vanliga mellanslag och bindestreck och utan osynliga tecken; `insatsbas format` "
          "eller webbredigeraren skriver den rensade texten i filen.")
LANGUAGES = schemas.CODE_MESSAGE.format(values=(
    "sv (Svenska), en (Engelska), ar (Arabiska), prs (Dari), so (Somaliska), ti (Tigrinja), fa (Persiska), "
    "uk (Ukrainska), ku (Kurdiska), ru (Ryska), tr (Turkiska), am (Amhariska), ps (Pashto), es (Spanska), "
    "fr (Franska), bs (Bosniska), pl (Polska), syr (Syrianska)"))

MISTAKES: list[Mistake] = [
    # --- Word paste ---------------------------------------------------------------------------------
    Mistake("Word paste", "hårt mellanslag i ett telefonnummer inom citattecken",
            changed(EMAIL, '  phone: "08-123\u00a045 67"'), "varning", (
                at(18, 17, "varning", "«contact.phone» innehåller tecken från inklistrad text: ett hårt mellanslag "
                   f"(U+00A0). {PASTED}"),)),
    Mistake("Word paste", "tankstreck i ett telefonnummer", changed(EMAIL, '  phone: "08 – 123 45 67"'), "varning", (
        at(18, 14, "varning", "«contact.phone» innehåller tecken från inklistrad text: ett tankstreck (–, U+2013). "
           f"{PASTED}"),)),
    Mistake("Word paste", "hårt mellanslag i ett postnummer",
            added('locations:\n  - name: Biblioteket\n    postal_code: "141\u00a030"\n'), "varning", (
                at(23, 22, "varning", "«locations[0].postal_code» innehåller tecken från inklistrad text: ett hårt "
                   f"mellanslag (U+00A0). {PASTED}"),)),
    Mistake("Word paste", "osynligt mellanslag i titeln",
            changed("title: Språkcafé på", "title: Språk\u200bcafé på"), "varning", (
                at(1, 13, "varning", "«title» innehåller tecken från inklistrad text: ett osynligt mellanslag "
                   f"(U+200B). {PASTED}"),)),
    Mistake("Word paste", "mjukt bindestreck och ordbindningstecken i beskrivningen",
            changed("pratar svenska", "pratar sven\u00adska\u2060"), "varning", (
                at(4, 57, "varning", "«description» innehåller tecken från inklistrad text: ett mjukt bindestreck "
                   f"(U+00AD), ett osynligt ordbindningstecken (U+2060). {PASTED}"),)),
    Mistake("Word paste", "BOM-tecken mitt i sammanfattningen",
            changed("summary: Öva svenska", "summary: Öva \ufeffsvenska"), "varning", (
                at(2, 14, "varning", "«summary» innehåller tecken från inklistrad text: ett osynligt BOM-tecken "
                   f"(U+FEFF). {PASTED}"),)),
    Mistake("Word paste", "nollbreddsfogare i dari är inget misstag",
            added("translations:\n  prs:\n    title: کافه زبان\n    summary: می\u200cخواهم سوئدی صحبت کنم.\n"
                  "    description: هر سه\u200cشنبه.\n"), "ok", ()),
    Mistake("Word paste", "hårda mellanslag som indrag",
            changed("  name: Huddinge kommun, biblioteken\n  type: kommun",
                    "\u00a0\u00a0name: Huddinge kommun, biblioteken\n\u00a0\u00a0type: kommun"), "fel", (
                at(7, 1, "fel", "Raden börjar med ett hårt mellanslag (U+00A0), som YAML inte räknar som indrag. "
                   "Ersätt det med vanliga mellanslag."),
                at(8, 1, "fel", "Raden börjar med ett hårt mellanslag (U+00A0), som YAML inte räknar som indrag. "
                   "Ersätt det med vanliga mellanslag."))),
    Mistake("Word paste", "hårt mellanslag efter kolon", changed("title: Språkcafé", "title:\u00a0Språkcafé"), "fel", (
        at(1, 7, "fel", "Efter kolonet står ett hårt mellanslag (U+00A0), men YAML kräver ett vanligt mellanslag efter "
           "kolon. Ersätt det med vanliga mellanslag."),)),
    Mistake("Word paste", "hårt mellanslag i ett fältnamn", changed("status: active", "status\u00a0: active"), "fel", (
        at(1, 1, "fel", "Fältet «status» saknas. Det är obligatoriskt."),
        at(5, 1, "fel", "Fältnamnet «status\u00a0» innehåller ett hårt mellanslag (U+00A0). Ta bort tecknet och skriv "
           "namnet igen: status:"))),
    Mistake("Word paste", "osynligt mellanslag i en språkkod", changed("languages: [sv]", "languages: [sv\u200b]"),
            "fel", (at(12, 13, "fel", "«sv\u200b» i «languages[0]» innehåller ett osynligt mellanslag (U+200B). Ta bort "
                       "tecknet: sv"),), (LANGUAGES,)),
    Mistake("Word paste", "typografiska citattecken runt en tid", added(HOURS.format(opens="”09:00”", closes='"12:00"')),
            "fel", (at(24, 14, "fel", "Värdet står inom ett typografiskt citattecken (”, U+201D), som YAML inte läser som "
                       'citattecken. Skriv raka citattecken: opens: "09:00"'),), (schemas.TIME_MESSAGE,)),
    Mistake("Word paste", "ett rakt citattecken stängt med ett typografiskt",
            added(HOURS.format(opens='"09:00”', closes='"12:00"')), "fel", (
                at(24, 14, "fel", "Citattecknet här stängs med ett typografiskt citattecken (”, U+201D), som YAML inte "
                   'läser som citattecken. Skriv raka citattecken (") på båda sidor om värdet.'),)),
    Mistake("Word paste", "typografiska citattecken runt en text med kolon",
            changed("summary: Öva svenska över en kopp kaffe med frivilliga samtalsvärdar.",
                    "summary: ”Obs: ta med lånekortet”"), "fel", (
                at(2, 14, "fel", "Texten står inom ett typografiskt citattecken (”, U+201D), som YAML inte läser som "
                   "citattecken, och innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. Skriv "
                   'raka citattecken: summary: "Obs: ta med lånekortet"'),)),
    # --- indentation --------------------------------------------------------------------------------
    Mistake("indrag", "ett fält indraget ett mellanslag för lite", changed("  type: kommun", " type: kommun"), "fel", (
        at(8, 2, "fel", "Raden har 1 mellanslag i indrag, men raderna den kan höra ihop med har 2 (som «name:» på rad "
           "7) eller 0 mellanslag. Ge den samma indrag som fälten den hör ihop med."),)),
    Mistake("indrag", "ett fält indraget under ett fält som har ett värde", changed(EMAIL, "   email: a@example.org"),
            "fel", (at(18, 4, "fel", "Raden har 3 mellanslag i indrag, fler än «role:» på rad 17, som redan har ett "
                        "värde. Hör raden ihop med den, ge den samma indrag: 2 mellanslag."),)),
    Mistake("indrag", "ett fält utan indrag hamnar utanför sin grupp", changed("  type: kommun", "type: kommun"), "fel", (
        at(6, 1, "fel", "Fältet «provider.type» saknas. Det är obligatoriskt."),
        at(8, 1, "fel", "Fältet «type» hör till «provider». Dra in raden under provider:, lika mycket som gruppens "
           "andra fält."))),
    Mistake("indrag", "tabbtecken i indraget", changed("  name: Huddinge", "\tname: Huddinge"), "fel", (
        at(7, 1, "fel", "Tabbtecken i indraget. Använd mellanslag (två per nivå)."),)),
    Mistake("indrag", "ett fält i en plats indraget för lite",
            added("locations:\n  - name: Biblioteket\n   city: Huddinge\n"), "fel", (
                at(23, 4, "fel", "Raden har 3 mellanslag i indrag, men raderna den kan höra ihop med har 4 (som "
                   "«name:» på rad 22) eller 2 mellanslag. Ge den samma indrag som fälten den hör ihop med."),)),
    Mistake("indrag", "en rad i beskrivningen indragen för lite",
            changed("  Varje tisdag", "  Varje tisdag\n Kom gärna."), "fel", (
                at(5, 2, "fel", "Raden är mindre indragen än texten ovanför (efter «description:» på rad 3). Ge alla "
                   "rader i texten samma indrag."),)),
    Mistake("indrag", "kolon saknas efter fältnamnet", changed("reviewed_by: Bibliotekschef", "reviewed_by Bibliotekschef"),
            "fel", (at(20, 1, "fel", "Raden saknar kolon efter fältnamnet. Skriv «fält: värde». Är raden fortsättningen "
                        "på en text ovanför, dra in den lika mycket som texten, eller sätt hela texten inom "
                        "citattecken."),)),
    Mistake("indrag", "mellanslag saknas efter kolon", changed("title: Språkcafé", "title:Språkcafé"), "fel", (
        at(1, 7, "fel", "Efter kolonet i «title:» saknas ett mellanslag. Skriv: title: Språkcafé på biblioteket"),)),
    # --- codes --------------------------------------------------------------------------------------
    Mistake("koder", "status på svenska", changed("status: active", "status: aktiv"), "fel", (
        at(5, 9, "fel", "Okänt värde «aktiv» i «status». Menade du «active» (pågår)?"),),
        (schemas.CODE_MESSAGE.format(values="active (pågår), paused (tillfälligt uppehåll), ended (avslutad), "
                                            "draft (utkast, publiceras inte)"),)),
    Mistake("koder", "språkets namn i stället för koden", changed("languages: [sv]", "languages: [svenska, Arabic]"),
            "fel", (at(12, 13, "fel", "Okänt värde «svenska» i «languages[0]». Menade du «sv» (Svenska)?"),
                    at(12, 22, "fel", "Okänt värde «Arabic» i «languages[1]». Menade du «ar» (Arabiska)?")),
            (LANGUAGES,)),  # the language server shows one message for a line, however many values it is about
    Mistake("koder", "kommunens namn med stor bokstav", changed("municipality: huddinge", "municipality: Huddinge"),
            "fel", (at(9, 15, "fel", "Okänt värde «Huddinge» i «municipality». Menade du «huddinge»?"),),
            (schemas.CODE_MESSAGE.format(values="botkyrka, haninge, huddinge, nacka, nykvarn, nynashamn (Nynäshamn), "
                                                "salem, sodertalje (Södertälje), tyreso (Tyresö), varmdo (Värmdö)"),)),
    Mistake("koder", "veckodag på svenska", added(HOURS.format(opens='"09:00"', closes='"12:00"')
                                                 .replace("[tue]", "[ons, fredag]")), "fel", (
        at(23, 14, "fel", "Okänt värde «ons» i «schedule.hours[0].days[0]». Menade du «wed» (onsdag)?"),
        at(23, 19, "fel", "Okänt värde «fredag» i «schedule.hours[0].days[1]». Menade du «fri» (fredag)?")),
        (schemas.CODE_MESSAGE.format(values="mon (måndag), tue (tisdag), wed (onsdag), thu (torsdag), fri (fredag), "
                                            "sat (lördag), sun (söndag)"),)),
    Mistake("koder", "kategorins namn i stället för koden",
            changed("categories: [sprakstod]", "categories: [Språkstöd och språkcaféer]"), "fel", (
                at(10, 14, "fel", "Okänt värde «Språkstöd och språkcaféer» i «categories[0]». Menade du «sprakstod» "
                   "(Språkstöd och språkcaféer)?"),),
            (schemas.CODE_MESSAGE.format(values=(
                "sfi (SFI – svenska för invandrare), samhallsorientering (Samhällsorientering), sprakstod (Språkstöd "
                "och språkcaféer), utbildning (Utbildning och validering), arbete (Arbete och praktik), mentorskap, "
                "halsa (Hälsa och stöd), foraldraskap (Föräldraskap och familj), bostad, idrott-fritid (Idrott och "
                "fritid), radgivning (Rådgivning och vägledning), natverk (Mötesplatser och nätverk)")),)),
    Mistake("koder", "översättning med språkets namn som nyckel",
            added("translations:\n  engelska: {title: Language café, summary: Practise Swedish., description: Every Tuesday.}\n"),
            "fel", (at(22, 3, "fel", "Okänt värde «engelska» i «translations». Menade du «en» (Engelska)?"),),
            (LANGUAGES.replace("sv (Svenska), ", ""),)),
    Mistake("koder", "en uppehållsstatus som inte finns", added("eligibility:\n  residence_status: [flykting]\n"), "fel", (
        at(22, 22, "fel", "Okänt värde «flykting» i «eligibility.residence_status[0]». Giltiga värden: asylsokande "
           "(Asylsökande), uppehallstillstand-etablering (Uppehållstillstånd – i etableringsprogrammet), "
           "uppehallstillstand (Uppehållstillstånd – efter etableringsprogrammet), tillfalligt-skydd (Tillfälligt "
           "skydd (massflyktsdirektivet)), ensamkommande (Ensamkommande barn eller ungdom), anhorig (Anhörig till "
           "någon som bor här)."),),
        (schemas.CODE_MESSAGE.format(values=(
            "asylsokande (Asylsökande), uppehallstillstand-etablering (Uppehållstillstånd – i etableringsprogrammet), "
            "uppehallstillstand (Uppehållstillstånd – efter etableringsprogrammet), tillfalligt-skydd (Tillfälligt "
            "skydd (massflyktsdirektivet)), ensamkommande (Ensamkommande barn eller ungdom), anhorig (Anhörig till "
            "någon som bor här)")),)),
    # --- dates --------------------------------------------------------------------------------------
    Mistake("datum", "30 februari", changed("2026-06-01", "2026-02-30"), "fel", (
        at(19, 16, "fel", "Datumet 2026-02-30 finns inte. Skriv ett riktigt datum som ÅÅÅÅ-MM-DD."),),
        (schemas.DATE_MESSAGE,)),
    Mistake("datum", "29 februari ett år som inte är skottår", changed("2026-06-01", "2026-02-29"), "fel", (
                at(19, 16, "fel", "Datumet 2026-02-29 finns inte. Skriv ett riktigt datum som ÅÅÅÅ-MM-DD."),),
            (schemas.DATE_MESSAGE,)),
    Mistake("datum", "29 februari ett skottår", added("schedule:\n  valid_from: 2026-09-01\n  valid_to: 2028-02-29\n"),
            "ok", ()),
    Mistake("datum", "datumet i ord", changed("2026-06-01", "1 juni 2026"), "fel", (
        at(19, 16, "fel", "«last_reviewed» ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-15 (inte «1 juni "
           "2026»)."),), (schemas.DATE_MESSAGE,)),
    Mistake("datum", "månad och dag utan nolla", changed("2026-06-01", "2026-6-1"), "fel", (
        at(19, 16, "fel", "«last_reviewed» ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-15 (inte "
           "«2026-6-1»)."),), (schemas.DATE_MESSAGE,)),
    # --- times --------------------------------------------------------------------------------------
    Mistake("tider", "sluttiden före starttiden", added(HOURS.format(opens='"12:00"', closes='"09:00"')), "fel", (
        at(25, 15, "fel", "Sluttiden 09:00 måste vara efter starttiden 12:00."),), (schemas.CLOSES_MESSAGE,)),
    Mistake("tider", "sluttiden samma som starttiden", added(HOURS.format(opens='"18:30"', closes='"18:30"')), "fel", (
        at(25, 15, "fel", "Sluttiden 18:30 måste vara efter starttiden 18:30."),), (schemas.CLOSES_MESSAGE,)),
    Mistake("tider", "en minut före", added(HOURS.format(opens='"09:59"', closes='"09:58"')), "fel", (
        at(25, 15, "fel", "Sluttiden 09:58 måste vara efter starttiden 09:59."),), (schemas.CLOSES_MESSAGE,)),
    Mistake("tider", "tid utan inledande nolla", added(HOURS.format(opens="9:00", closes='"12:00"')), "fel", (
        at(24, 14, "fel", "«schedule.hours[0].opens» ska vara en tid som \"HH:MM\" inom citattecken, till exempel "
           "\"09:30\" (inte «9:00»)."),), (schemas.TIME_MESSAGE,)),
    Mistake("tider", "tid med punkt", added(HOURS.format(opens="10.30", closes='"12:00"')), "fel", (
        at(24, 14, "fel", "«schedule.hours[0].opens» ska vara text. Sätt värdet inom citattecken: opens: \"10.30\""),),
        (schemas.TIME_MESSAGE,)),
    Mistake("tider", "klockan 24", added(HOURS.format(opens='"20:00"', closes='"24:00"')), "fel", (
        at(25, 15, "fel", "«schedule.hours[0].closes» ska vara en tid som \"HH:MM\" inom citattecken, till exempel "
           "\"09:30\" (inte «24:00»)."),), (schemas.TIME_MESSAGE,)),
    # --- quoting ------------------------------------------------------------------------------------
    Mistake("citattecken", "kolon mitt i en text utan citattecken",
            changed("summary: Öva svenska över en kopp kaffe", "summary: Obs: öva svenska över en kopp kaffe"), "fel", (
                at(2, 13, "fel", "Texten innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. "
                   "Sätt hela texten inom citattecken: summary: \"Obs: öva svenska över en kopp kaffe med frivilliga "
                   "samtalsvärdar.\""),)),
    Mistake("citattecken", "citattecknet stängs aldrig", changed("title: Språkcafé på biblioteket",
                                                               'title: "Språkcafé på biblioteket'), "fel", (
        at(1, 8, "fel", 'Citattecknet (") här stängs aldrig. Avsluta värdet med samma citattecken på samma rad.'),)),
    Mistake("citattecken", "e-postadress som börjar med @", changed(EMAIL, "  email: @huddinge"), "fel", (
        at(18, 10, "fel", "Ett värde kan inte börja med «@» utan citattecken; tecknet betyder något särskilt i YAML. "
           'Sätt hela värdet inom citattecken: email: "@huddinge"'),)),
    Mistake("citattecken", "HTML i sammanfattningen", changed("summary: Öva", "summary: <b>Öva</b>"), "fel", (
        at(2, 10, "fel", "Sammanfattningen ska vara ren text, utan HTML. Lägg formatering i description."),),
        (schemas.HTML_MESSAGE,)),
    Mistake("citattecken", "tom titel inom citattecken", changed("title: Språkcafé på biblioteket", 'title: ""'), "fel", (
        at(1, 8, "fel", "«title» får inte vara tomt."),), (schemas.BLANK_MESSAGE,)),
    # --- numbers ------------------------------------------------------------------------------------
    Mistake("tal", "telefonnummer utan citattecken", changed(EMAIL, "  phone: 0860670000"), "fel", (
        at(18, 10, "fel", "«contact.phone» ska vara text. Sätt värdet inom citattecken: phone: \"0860670000\""),),
        (schemas.PHONE_MESSAGE,)),
    Mistake("tal", "postnummer utan citattecken", added("locations:\n  - name: Biblioteket\n    postal_code: 14130\n"),
            "fel", (at(23, 18, "fel", "«locations[0].postal_code» ska vara text. Sätt värdet inom citattecken: "
                        "postal_code: \"14130\""),), (schemas.POSTAL_CODE_MESSAGE,)),
    Mistake("tal", "lägsta ålder över högsta", added("eligibility:\n  min_age: 65\n  max_age: 18\n"), "fel", (
        at(23, 12, "fel", "min_age (65) är större än max_age (18)."),), (schemas.AGES_MESSAGE,)),
    Mistake("tal", "tid i Sverige: min över max", added("eligibility:\n  months_in_sweden: {min: 36, max: 24}\n"),
            "fel", (at(22, 36, "fel", "min (36) är större än max (24)."),), (schemas.MONTHS_MESSAGE,)),
    Mistake("tal", "tid i Sverige över tio år", added("eligibility:\n  months_in_sweden: {max: 200}\n"), "fel", (
        at(22, 27, "fel", "«eligibility.months_in_sweden.max» (200) ska ligga inom 0–120."),)),
    Mistake("tal", "antal platser i ord", added("capacity: tjugo\n"), "fel", (
        at(21, 11, "fel", "«capacity» ska vara ett heltal, till exempel capacity: 18."),), (schemas.INTEGER_MESSAGE,)),
    Mistake("tal", "ja i stället för true", added("cost:\n  free: ja\n"), "fel", (
        at(22, 9, "fel", "«cost.free» ska vara true eller false."),), (schemas.BOOLEAN_MESSAGE,)),
    Mistake("tal", "decimalkomma i latitud", added("locations:\n  - name: Biblioteket\n    latitude: 59,2365\n"), "fel", (
        at(23, 15, "fel", "«locations[0].latitude» ska vara ett tal med decimalpunkt, till exempel latitude: 59.2365."),),
        (schemas.NUMBER_MESSAGE,)),
    Mistake("tal", "tomma valfria fält", added("service_area:\ncapacity:\ncost:\n  free: true\n  description:\n"), "ok", ()),
]
