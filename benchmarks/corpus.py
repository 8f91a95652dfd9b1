"""The words the benchmark catalogue is written with.

Each archetype is a kind of intervention that Swedish municipalities, agencies, regions and associations
really offer newcomers, with its own titles, sentences, keywords and typical settings. Descriptions are
composed from an archetype's sentences and from shared sentences about language, audience, practicalities,
cost and how to apply, so that words follow a natural spread: "svenska" is in most descriptions, a word
like "simundervisning" only in the rare swimming archetype.

Templates use these slots: {ort} (the municipality's name), {kommunen} ("Kiruna kommun"), {lan}
("Norrbottens län"), {lokal} (the venue, definite form), {dagar} ("tisdagar och torsdagar"), {tid}
("kl. 17.30–20.30"), {antal} (group size), {sprak} (the languages other than Swedish, "arabiska och
dari"), {manad} (a month), {malgrupp} (the first target group, "vuxna"), {anordnare} (the provider),
{pris} (a price in kronor), and {yrken}, {amnen}, {besok}, {aktiviteter} and {aktivitet}: words drawn from lists with
falling weights (OCCUPATIONS, TOPICS, VISITS), which give the catalogue a wide vocabulary with a few
frequent and many rare words, as real text has. English and Arabic templates use {ort} only.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Texts:
    """Title, summary and description material in one language."""

    titles: tuple[str, ...]
    summaries: tuple[str, ...]
    sentences: tuple[str, ...] = ()


@dataclass(frozen=True)
class EligibilityPreset:
    min_age: tuple[int, ...] = ()
    max_age: tuple[int, ...] = ()
    gender: str | None = None
    residence: tuple[str, ...] = ()
    months_max: tuple[int, ...] = ()
    months_min: tuple[int, ...] = ()


@dataclass(frozen=True)
class Archetype:
    key: str
    weight: float
    categories: tuple[str, ...]
    target_groups: tuple[str, ...]
    # "kommun", "region", an agency's owner slug, or an association's owner slug.
    owners: tuple[str, ...]
    units: tuple[str, ...]
    venues: tuple[str, ...]
    titles: tuple[str, ...]
    summaries: tuple[str, ...]
    opening: tuple[str, ...]
    details: tuple[str, ...]
    bullets: tuple[str, ...]
    keywords: tuple[str, ...]
    roles: tuple[str, ...]
    referrals: tuple[str, ...]
    # "sv": Swedish only; "support": Swedish with help in other languages; "native": in other languages.
    languages: str
    en: Texts
    ar: Texts
    eligibility: EligibilityPreset = field(default_factory=EligibilityPreset)
    documents: tuple[str, ...] = ()


SETTLED = ("uppehallstillstand-etablering", "uppehallstillstand", "anhorig", "tillfalligt-skydd")
ALL_STATUSES = ("asylsokande", *SETTLED, "ensamkommande")

# Venue key: (the venue in a sentence, the name of the location, with {ort}).
VENUES: dict[str, tuple[str, str]] = {
    "vux": ("vuxenutbildningens lokaler", "Vuxenutbildningen i {ort}"),
    "bibliotek": ("biblioteket", "{ort} bibliotek"),
    "medborgarhus": ("medborgarhuset", "Medborgarhuset i {ort}"),
    "folketshus": ("Folkets hus", "Folkets hus {ort}"),
    "kulturhus": ("kulturhuset", "Kulturhuset i {ort}"),
    "forsamling": ("församlingshemmet", "Församlingshemmet i {ort}"),
    "familjecentral": ("familjecentralen", "Familjecentralen {ort}"),
    "simhall": ("simhallen", "Simhallen i {ort}"),
    "sporthall": ("sporthallen", "Sporthallen i {ort}"),
    "af": ("Arbetsförmedlingens kontor", "Arbetsförmedlingen {ort}"),
    "servicecenter": ("Statens servicecenter", "Statens servicecenter {ort}"),
    "vardcentral": ("vårdcentralen", "Vårdcentralen {ort}"),
    "studieforbund": ("studieförbundets lokaler", "Studieförbundets lokaler i {ort}"),
    "fritidsgard": ("fritidsgården", "Fritidsgården i {ort}"),
    "skola": ("skolan", "{ort} skola"),
    "medborgarkontor": ("medborgarkontoret", "Medborgarkontoret i {ort}"),
    "stadshus": ("kommunhuset", "Kommunhuset i {ort}"),
}

WEEKDAY_NAMES = {
    "mon": "måndagar", "tue": "tisdagar", "wed": "onsdagar", "thu": "torsdagar", "fri": "fredagar",
    "sat": "lördagar", "sun": "söndagar",
}
MONTHS = ("januari", "februari", "mars", "april", "augusti", "september", "oktober")

# In order of how often they are drawn (weight 1/rank).
STREETS = (
    "Storgatan", "Kyrkogatan", "Drottninggatan", "Skolgatan", "Järnvägsgatan", "Torggatan", "Stationsvägen",
    "Parkvägen", "Nygatan", "Sjögatan", "Tullgatan", "Hantverkargatan", "Bibliotekstorget", "Östra Långgatan",
    "Västra vägen", "Kungsgatan", "Trädgårdsgatan", "Fabriksgatan", "Centrumvägen", "Vasagatan",
    "Köpmangatan", "Rådhusgatan", "Södra Esplanaden", "Norra Strandgatan", "Bruksgatan", "Prästgårdsvägen",
    "Björkvägen", "Tallvägen", "Granvägen", "Ekvägen", "Lindvägen", "Almvägen", "Lönnvägen", "Aspvägen",
    "Smedjegatan", "Möllevägen", "Sågverksvägen", "Hamngatan", "Strandvägen", "Folkets husgatan", "Idrottsvägen",
    "Sjukhusvägen", "Lasarettsgatan", "Gymnasievägen", "Verkstadsgatan", "Gruvvägen", "Älvgatan", "Forsvägen",
    "Åsgatan", "Backvägen", "Ängsvägen", "Hagvägen", "Gärdesvägen", "Skogsvägen", "Bergsgatan", "Dalvägen",
    "Kvarngatan", "Mejerivägen", "Banvägen", "Postgatan",
)
ACCESSIBILITY = (
    "Entré i gatuplan och hiss till alla våningar.",
    "Ramp vid huvudentrén. Hörslinga i samlingssalen.",
    "Tillgängligt med rullstol. Handikapptoalett finns.",
    "Trappa till entrén; ring på klockan vid sidodörren så öppnar vi den tillgängliga entrén.",
    "Automatisk dörröppnare, hiss och ledstråk i golvet.",
)
DOCUMENTS = (
    "LMA-kort", "Uppehållstillståndskort", "Personbevis", "Legitimation eller pass",
    "Beslut om etableringsprogram", "Betyg och intyg från tidigare utbildning", "Remiss från handläggare",
    "Samordningsnummer eller personnummer",
)
FUNDING = (
    "Kommunens budget", "Statsbidrag", "Europeiska socialfonden", "Länsstyrelsens § 37 a-medel",
    "Arbetsförmedlingens anslag", "Allmänna arvsfonden", "Föreningens egna medel", "Folkbildningsrådets statsbidrag",
    "Regionens budget", "Kollekter och gåvor",
)
REVIEWERS = (
    "Enhetschef", "Verksamhetsutvecklare", "Integrationssamordnare", "Rektor", "Verksamhetsansvarig",
    "Samordnare", "Avdelningschef", "Kvalitetsansvarig",
)
SCHEDULE_TEXTS = (
    "Start i augusti och januari. Ingen verksamhet under sommarlovet.",
    "Löpande start hela året.",
    "Varje vecka utom under skollov och röda dagar.",
    "En ny grupp startar varje termin och pågår i tio veckor.",
    "Träffarna pågår i åtta veckor. Nästa omgång börjar i {manad}.",
    "Öppet hela året, även under sommaren.",
)
PRICE_OTHER = (
    "Invånare i andra kommuner betalar enligt avtal mellan kommunerna.",
    "Samma villkor för invånare i grannkommunerna.",
    "Andra kommuner betalar en interkommunal ersättning.",
)

# --- shared Swedish sentences ------------------------------------------------------------------

LANGUAGE_SWEDISH = (
    "Vi pratar svenska hela tiden, men i lugn takt och med enkla ord.",
    "Du behöver inte kunna mycket svenska för att vara med, det viktiga är att du vill lära dig.",
    "All information ges på svenska, och vi förklarar gärna igen om något är svårt att förstå.",
    "Det här är ett bra tillfälle att öva den svenska du har lärt dig på SFI.",
    "Ledarna talar tydlig svenska och använder bilder och exempel när det behövs.",
)
LANGUAGE_SUPPORT = (
    "Vi pratar svenska, och det finns ledare som också talar {sprak}.",
    "Informationen ges på svenska och {sprak}.",
    "Du kan få stöd på {sprak} om något är svårt att förstå på svenska.",
    "Det går bra att ställa frågor på {sprak}, men vi försöker prata så mycket svenska som möjligt.",
    "Skriftligt material finns på svenska och på {sprak}.",
)
LANGUAGE_NATIVE = (
    "Allt ges på {sprak}, så du behöver inte kunna svenska för att delta.",
    "Samtalen leds av en person som talar {sprak} och som själv kom till Sverige som vuxen.",
    "Träffarna hålls på {sprak}. Vill du ha information på ett annat språk kan du fråga oss.",
)
AUDIENCE = (
    "Insatsen vänder sig till {malgrupp} som är nya i Sverige och bor i {kommunen}.",
    "Du är välkommen oavsett hur länge du har gått i skolan.",
    "Det spelar ingen roll hur länge du har bott i Sverige.",
    "Du som har fått uppehållstillstånd under de senaste åren är särskilt välkommen.",
    "Många av deltagarna har kommit till Sverige under det senaste året, men alla är välkomna.",
    "Du kan delta även om du bor i en annan kommun i {lan}, om det finns plats.",
    "Vi har lång erfarenhet av att arbeta med nyanlända i {ort}.",
)
PRACTICAL = (
    "Vi träffas {dagar} {tid} i {lokal}.",
    "Lokalen ligger nära busshållplatsen och är lätt att hitta.",
    "Ta gärna med dig något att skriva med och ett anteckningsblock.",
    "Det bjuds på kaffe, te och frukt.",
    "Barnpassning finns för barn från tre år om du säger till i förväg.",
    "Det går bra att komma även om du har missat några gånger.",
    "Under sommaren har vi uppehåll, och vi börjar igen i {manad}.",
    "Det finns plats för {antal} deltagare i varje grupp.",
    "Gruppen är liten, så att alla hinner komma till tals.",
    "Om du inte kan komma vill vi gärna att du hör av dig, så att någon annan kan få din plats.",
    "Lokalen är tillgänglig med rullstol och det finns hörslinga.",
)
COST_FREE = ("Det är gratis att delta.", "Insatsen är kostnadsfri.", "Du betalar ingenting för att vara med.")
COST_PAID = (
    "Det kostar {pris} kronor per termin, och du kan söka nedsatt avgift.",
    "Du betalar {pris} kronor för material vid första träffen.",
)
APPLY = {
    "self": (
        "Du anmäler dig själv via e-post eller telefon.",
        "Du behöver inte anmäla dig, det är bara att komma.",
        "Anmäl dig på vår webbplats eller ring oss.",
    ),
    "caseworker": (
        "Prata med din handläggare om du vill delta.",
        "Din handläggare på socialtjänsten eller Arbetsförmedlingen hjälper dig med anmälan.",
    ),
    "arbetsformedlingen": (
        "Du anvisas av Arbetsförmedlingen. Fråga din handläggare om insatsen passar dig.",
        "Insatsen ingår i etableringsprogrammet, och din handläggare gör anvisningen.",
    ),
    "municipality": (
        "Kontakta kommunens kontaktcenter så hjälper de dig vidare.",
        "Du ansöker via kommunens e-tjänst eller med en blankett som du får på medborgarkontoret.",
    ),
}
FOLLOW_UP = (
    "Efteråt kan du gå vidare till andra insatser i {kommunen}, till exempel SFI, praktik eller en yrkesutbildning.",
    "Många som har deltagit säger att de har fått nya vänner och känner sig tryggare i vardagen.",
    "Vi samarbetar med Arbetsförmedlingen, vuxenutbildningen och föreningar i {ort}.",
    "Har du frågor är du välkommen att höra av dig till oss.",
    "{anordnare} har ordnat liknande verksamhet i flera år.",
    "Vi följer upp hur det har gått för dig några månader efteråt.",
)
ELIGIBILITY_TEXTS = {
    "resident": "Du ska vara folkbokförd i {kommunen}.",
    "min_age": "Du ska ha fyllt {min_age} år.",
    "age_range": "Insatsen är för dig som är mellan {min_age} och {max_age} år.",
    "months": "Du ska ha bott i Sverige högst {months} månader.",
    "women": "Gruppen är bara för kvinnor.",
    "asylum": "Du som väntar på beslut om asyl är också välkommen.",
}
# Sentences that carry the drawn words; one or two go into most descriptions.
VARIETY = (
    "Tidigare deltagare arbetar i dag bland annat som {yrken}.",
    "Under terminen tar vi upp ämnen som {amnen}.",
    "Vi gör också studiebesök, till exempel på {besok}.",
    "Många deltagare har erfarenhet som {yrken} från sina hemländer.",
    "Önskemål från deltagarna har gjort att vi har pratat om {amnen}.",
    "Hos oss finns också {aktiviteter}.",
    "Efter den här insatsen kan du fortsätta i vår {aktivitet}.",
)
# Activities are Swedish compounds of a first and a last part (språkcafé, cykelverkstad, läsecirkel); the
# ordering of all combinations is shuffled once with a fixed seed before weights 1/rank are given.
ACTIVITY_FIRST = (
    "språk", "kvälls", "helg", "familje", "ungdoms", "kvinno", "hälso", "jobb", "studie", "läx", "sy", "mat",
    "kultur", "idrotts", "natur", "data", "musik", "dans", "konst", "teater", "film", "läse", "skriv", "samtals",
    "föräldra", "senior", "barn", "trädgårds", "cykel", "schack", "stick", "foto", "sång", "promenad", "vandrings",
)
ACTIVITY_LAST = ("café", "grupp", "cirkel", "kurs", "träff", "verkstad", "klubb", "kväll", "stund", "skola", "dag", "resa")
# In order of how often they are drawn (weight 1/rank).
OCCUPATIONS = (
    "undersköterska", "barnskötare", "lärare", "busschaufför", "kock", "lagerarbetare", "städare", "elektriker",
    "snickare", "sjuksköterska", "personlig assistent", "frisör", "målare", "svetsare", "mekaniker",
    "lastbilschaufför", "ingenjör", "läkare", "tandläkare", "apotekstekniker", "bagare", "skräddare",
    "sömmerska", "redovisningsekonom", "programmerare", "rörmokare", "plattsättare", "murare", "kassabiträde",
    "butikssäljare", "fastighetsskötare", "trädgårdsarbetare", "lantbrukare", "fiskare", "taxichaufför",
    "servitör", "diskare", "vaktmästare", "tolk", "journalist", "farmaceut", "fysioterapeut", "biomedicinsk analytiker",
    "tandsköterska", "förskollärare", "fritidspedagog", "socionom", "arkitekt", "veterinär", "agronom",
    "lokförare", "kranförare", "betongarbetare", "takläggare", "glasmästare", "urmakare", "guldsmed", "optiker",
    "skomakare", "tapetserare", "möbelsnickare", "konditor", "slaktare", "florist", "väktare", "brandman",
    "ambulanssjukvårdare", "barnmorska", "bibliotekarie", "ekonomiassistent", "kundtjänstmedarbetare",
    "logistiker", "montör", "plåtslagare", "ventilationstekniker", "kylmontör", "hovslagare", "skogsarbetare",
)
TOPICS = (
    "arbetsmiljö", "hyreskontrakt", "vårdcentralen", "föräldraledighet", "skolans betyg", "körkort",
    "allemansrätten", "val och demokrati", "jämställdhet", "barns rättigheter", "pension", "skatter",
    "fackföreningar", "kollektivavtal", "a-kassa", "sjukskrivning", "tandvård", "kost och motion",
    "sömn och stress", "källsortering", "brandskydd", "trafikregler", "vinterkläder", "bankärenden",
    "bedrägerier på nätet", "mobbning", "diskriminering", "religionsfrihet", "yttrandefrihet", "kommunens budget",
    "föreningslivet", "idrottsföreningar", "svampplockning", "midsommar", "lucia", "högtider", "svensk historia",
    "samernas rättigheter", "nationella minoriteter", "landsbygdens arbetsmarknad", "skogsbruk", "fjällvandring",
    "isvett", "badvett", "sjukvårdsupplysningen", "vaccinationer", "mödravården", "barnavårdscentralen",
    "förskoleklass", "gymnasievalet", "högskoleprovet", "studiemedel", "bostadsbidrag", "underhållsstöd",
    "äktenskapsbalken", "arvsrätt", "vårdnad", "god man", "medborgarskap", "pass och id-kort",
)
VISITS = (
    "biblioteket", "kommunhuset", "brandstationen", "vårdcentralen", "polisstationen", "återvinningscentralen",
    "museet", "tingsrätten", "en förskola", "ett äldreboende", "en byggarbetsplats", "ett lantbruk",
    "en industri", "sjukhuset", "Arbetsförmedlingen", "en folkhögskola", "ett sågverk", "hamnen",
    "en kyrka och en moské", "kommunfullmäktige", "ett naturreservat", "ett bryggeri", "ett bageri",
)

BULLET_INTRO = ("Det här ingår:", "Du får:", "Under träffarna:", "Exempel på vad vi gör:")

# --- shared English and Arabic sentences ----------------------------------------------------------

ENGLISH = (
    "We speak Swedish slowly and with simple words, and you can ask questions in your own language.",
    "You do not need to know much Swedish to take part.",
    "It is free to take part.",
    "We meet once or twice a week in {ort}.",
    "Childcare is available for children over three if you tell us in advance.",
    "The group is small, so everyone has time to speak.",
    "Contact us by e-mail or phone if you have questions.",
    "Many participants say that they have made new friends and feel more confident in everyday life.",
    "We work together with the Public Employment Service, adult education and local associations in {ort}.",
    "If you cannot come, please let us know so that someone else can have your place.",
    "The premises are accessible by wheelchair and have a hearing loop.",
    "There is a break in the summer, and we start again in August.",
    "You are welcome regardless of how long you went to school.",
    "You are welcome whether you arrived last year or several years ago.",
)
ARABIC = (
    "المشاركة مجانية.",
    "لا تحتاج إلى معرفة الكثير من اللغة السويدية لكي تشارك.",
    "نلتقي مرة أو مرتين في الأسبوع في {ort}.",
    "تتوفر رعاية للأطفال من عمر ثلاث سنوات إذا أخبرتنا مسبقاً.",
    "المجموعة صغيرة، لذلك يجد الجميع وقتاً للحديث.",
    "تواصل معنا بالبريد الإلكتروني أو بالهاتف إذا كانت لديك أسئلة.",
    "يقول كثير من المشاركين إنهم تعرّفوا على أصدقاء جدد وأصبحوا أكثر ثقة في حياتهم اليومية.",
    "نتعاون مع مكتب العمل وتعليم الكبار والجمعيات المحلية في {ort}.",
    "إذا لم تتمكن من الحضور، نرجو أن تخبرنا لكي يحصل شخص آخر على مكانك.",
    "المكان مناسب للكراسي المتحركة وفيه حلقة سمعية.",
    "نتوقف خلال الصيف ونبدأ من جديد في أغسطس.",
    "أنت مرحب بك بغض النظر عن عدد سنوات دراستك.",
    "أنت مرحب بك سواء وصلت في العام الماضي أو قبل عدة سنوات.",
    "نتحدث اللغة السويدية ببطء وبكلمات بسيطة، ويمكنك أن تسأل بلغتك.",
)

# --- the archetypes ---------------------------------------------------------------------------

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        key="sfi", weight=8, categories=("sfi", "utbildning"), target_groups=("vuxna", "kort-utbildning", "akademiker"),
        owners=("kommun",), units=("vuxenutbildningen", "SFI-skolan"), venues=("vux", "skola"),
        titles=("SFI – svenska för invandrare i {ort}", "SFI studieväg 1 för dig med kort skolbakgrund",
                "SFI studieväg 2 och 3 i {ort}", "SFI på dagtid i {ort}"),
        summaries=("Lär dig svenska på SFI i {ort}. Du börjar på den nivå som passar dig och kan kombinera studierna "
                   "med praktik eller arbete.",
                   "Grundläggande svenska för vuxna som har ett annat modersmål. Undervisningen är gratis och du kan "
                   "börja när som helst under året."),
        opening=("SFI är kommunens utbildning i svenska för vuxna som har ett annat modersmål än svenska.",
                 "På SFI lär du dig att prata, läsa och skriva svenska, och du får kunskaper som du behöver i vardagen "
                 "och på jobbet.",
                 "Vill du lära dig svenska så snabbt som möjligt? Då är SFI i {ort} en bra början."),
        details=("Utbildningen är uppdelad i tre studievägar och fyra kurser, A, B, C och D.",
                 "Studieväg 1 passar dig som har gått kort tid i skolan, och studieväg 3 passar dig som är van att "
                 "studera.",
                 "Innan du börjar gör du ett kort samtal och ett nivåtest, så att du hamnar i rätt grupp.",
                 "Du läser ungefär femton timmar i veckan i klassrummet och gör uppgifter hemma mellan lektionerna.",
                 "Lärarna följer upp hur det går för dig, och du kan byta grupp om takten inte passar.",
                 "När du är klar med kurs D får du ett betyg och kan läsa vidare på komvux.",
                 "Många kombinerar SFI med praktik, och då anpassar vi schemat efter arbetsplatsen.",
                 "Du får använda en lärplattform i mobilen eller datorn där du kan lyssna, läsa och öva uttal.",
                 "Det finns extra stöd för dig som har dyslexi, nedsatt syn eller andra svårigheter med att läsa."),
        bullets=("Undervisning i svenska på din nivå", "Samtal med studie- och yrkesvägledare",
                 "Betyg när du har klarat en kurs", "Digitalt material som du kan använda hemma",
                 "Studiebesök på arbetsplatser i {ort}"),
        keywords=("sfi", "svenska för invandrare", "svenskkurs", "lära sig svenska", "komvux", "språkkurs", "nivåtest"),
        roles=("Studie- och yrkesvägledare SFI", "Antagningen vuxenutbildningen", "Expedition SFI"),
        referrals=("self", "municipality"), languages="sv",
        eligibility=EligibilityPreset(min_age=(16, 18, 20), residence=SETTLED),
        documents=("Personbevis", "Betyg och intyg från tidigare utbildning"),
        en=Texts(("SFI – Swedish for immigrants in {ort}", "Swedish for immigrants, daytime classes in {ort}"),
                 ("Learn Swedish at SFI in {ort}. You start at the level that suits you and can combine your studies "
                  "with work or a work placement.",),
                 ("SFI is the municipality's Swedish course for adults whose first language is not Swedish.",
                  "Before you start you have a short interview and a level test so that you join the right group.",
                  "When you have finished course D you receive a grade and can continue at komvux.")),
        ar=Texts(("اللغة السويدية للمهاجرين (SFI) في {ort}",),
                 ("تعلّم اللغة السويدية في SFI في {ort}. تبدأ في المستوى المناسب لك ويمكنك الجمع بين الدراسة والعمل "
                  "أو التدريب.",),
                 ("SFI هو تعليم البلدية للغة السويدية للبالغين الذين لغتهم الأم ليست السويدية.",
                  "قبل أن تبدأ تجري مقابلة قصيرة واختبار مستوى لكي توضع في المجموعة المناسبة.")),
    ),
    Archetype(
        key="sfi-flex", weight=3, categories=("sfi",), target_groups=("vuxna", "foraldrar"),
        owners=("kommun",), units=("vuxenutbildningen",), venues=("vux", "bibliotek"),
        titles=("SFI på kvällstid i {ort}", "SFI på distans", "SFI för dig som arbetar"),
        summaries=("SFI två kvällar i veckan för dig som arbetar eller har praktik på dagen.",
                   "Läs SFI på distans med lärarledda lektioner på nätet och träffar på plats en gång i veckan."),
        opening=("Har du jobb, praktik eller små barn hemma på dagarna? Då kan du läsa SFI på kvällen eller på distans "
                 "i stället.",
                 "Den här SFI-gruppen är till för dig som behöver studera på andra tider än dagtid."),
        details=("Undervisningen följer samma kursplan som dagtid, så du får samma betyg.",
                 "Mellan träffarna gör du uppgifter på lärplattformen i mobilen eller datorn.",
                 "Läraren lägger extra tid på svenska du möter på jobbet, som att läsa ett schema och skriva ett kort "
                 "mejl till chefen.",
                 "Gruppen passar bäst om du redan har kommit en bit, alltså kurs B eller högre.",
                 "Det behövs ungefär fem timmars egen studietid i veckan utöver lektionerna.",
                 "Du kan låna en dator från skolan om du inte har någon egen."),
        bullets=("Lektioner två kvällar i veckan", "Uppgifter på lärplattformen", "Samma betyg som på dagtid",
                 "Lån av dator vid behov"),
        keywords=("sfi kväll", "kvällskurs", "distansstudier", "jobba och plugga", "svenska på distans"),
        roles=("Samordnare SFI kvällsundervisning", "Studie- och yrkesvägledare"),
        referrals=("self",), languages="sv",
        eligibility=EligibilityPreset(min_age=(16, 18), residence=SETTLED),
        en=Texts(("Evening SFI in {ort}", "SFI distance learning"),
                 ("Swedish for immigrants two evenings a week for people who work or have a placement during the day.",),
                 ("The teaching follows the same syllabus as the daytime classes, so you receive the same grades.",
                  "Between the lessons you do exercises on the learning platform on your phone or computer.")),
        ar=Texts(("SFI في المساء في {ort}",),
                 ("دروس اللغة السويدية للمهاجرين مساءين في الأسبوع لمن يعمل أو يتدرب خلال النهار.",),
                 ("يتبع التعليم نفس المنهج الدراسي للدروس النهارية، لذلك تحصل على نفس الدرجات.",)),
    ),
    Archetype(
        key="samhallsorientering", weight=5, categories=("samhallsorientering",), target_groups=("vuxna",),
        owners=("kommun",), units=("samhällsorienteringen", "integrationsenheten"), venues=("medborgarhus", "vux"),
        titles=("Samhällsorientering på ditt modersmål", "Samhällsorientering i {ort}",
                "Samhällsorientering för nyanlända"),
        summaries=("En kurs om hur det svenska samhället fungerar, på ditt eget språk. Du lär dig om rättigheter, "
                   "skyldigheter, arbete, skola och vård.",
                   "Samhällsorientering är en del av etableringsprogrammet och ges med samhällskommunikatörer på "
                   "flera språk."),
        opening=("Samhällsorientering är en kurs om hur det svenska samhället fungerar.",
                 "På samhällsorienteringen får du kunskaper som gör det lättare att leva och arbeta i Sverige."),
        details=("Kursen är minst 100 timmar och tar upp demokrati, mänskliga rättigheter, arbetsmarknad, skola, "
                 "vård och privatekonomi.",
                 "Undervisningen leds av samhällskommunikatörer som talar ditt språk och som själva har kommit till "
                 "Sverige.",
                 "Vi gör studiebesök, till exempel på biblioteket, vårdcentralen och kommunhuset.",
                 "Du får ett intyg när du har gått kursen.",
                 "Det finns tid för frågor och samtal i varje träff, och inga frågor är för små.",
                 "Kursen kan kombineras med SFI och andra aktiviteter i etableringsprogrammet.",
                 "Vi pratar om hur man hyr en bostad, hur skatten fungerar och vad man gör om man blir sjuk."),
        bullets=("Att bo i Sverige", "Att försörja sig och utvecklas i Sverige", "Individens rättigheter och "
                 "skyldigheter", "Att bilda familj och leva med barn i Sverige", "Att påverka i Sverige",
                 "Att vårda sin hälsa i Sverige"),
        keywords=("samhällsorientering", "samhällskommunikatör", "modersmål", "demokrati", "rättigheter",
                  "etableringsprogrammet"),
        roles=("Samordnare samhällsorientering", "Samhällskommunikatör"),
        referrals=("arbetsformedlingen", "municipality", "self"), languages="native",
        eligibility=EligibilityPreset(min_age=(18,), residence=("uppehallstillstand-etablering", "anhorig",
                                                                "tillfalligt-skydd"), months_max=(36,)),
        en=Texts(("Civic orientation in your mother tongue", "Civic orientation in {ort}"),
                 ("A course about how Swedish society works, in your own language: rights, duties, work, school "
                  "and health care.",),
                 ("The course is at least 100 hours and covers democracy, human rights, the labour market, school "
                  "and health care.",
                  "The teachers are civic communicators who speak your language.")),
        ar=Texts(("التوجيه المجتمعي بلغتك الأم",),
                 ("دورة عن كيفية عمل المجتمع السويدي بلغتك: الحقوق والواجبات والعمل والمدرسة والرعاية الصحية.",),
                 ("تستمر الدورة مئة ساعة على الأقل وتتناول الديمقراطية وحقوق الإنسان وسوق العمل والمدرسة والرعاية "
                  "الصحية.",)),
    ),
    Archetype(
        key="sprakcafe", weight=8, categories=("sprakstod", "natverk"), target_groups=("vuxna", "unga", "aldre"),
        owners=("kommun", "roda-korset", "svenska-kyrkan", "abf", "sensus"), units=("biblioteken",),
        venues=("bibliotek", "forsamling", "kulturhus", "studieforbund"),
        titles=("Språkcafé i {ort}", "Språkcafé på biblioteket", "Prata svenska – språkcafé",
                "Kvällscafé för språkträning"),
        summaries=("Öva svenska över en kopp kaffe tillsammans med frivilliga samtalsledare. Ingen anmälan behövs.",
                   "Ett öppet språkcafé där du pratar svenska i små grupper om vardagliga saker."),
        opening=("På språkcaféet träffas vi för att prata svenska i en avslappnad miljö.",
                 "Vill du prata mer svenska? Kom till språkcaféet i {ort}."),
        details=("Vi sitter i små grupper med en frivillig samtalsledare vid varje bord.",
                 "Vi pratar om vardagliga saker som mat, väder, familj, jobb och det som händer i {ort}.",
                 "Samtalsledarna är frivilliga som tycker om att träffa nya människor.",
                 "Alla nivåer är välkomna, från nybörjare till dig som redan pratar ganska bra.",
                 "Ibland har vi ett tema, till exempel att gå till läkaren eller att söka jobb.",
                 "Du kan också låna lättlästa böcker och ljudböcker på svenska.",
                 "Det är ett bra sätt att lära känna nya människor och få vänner i {ort}."),
        bullets=("Samtal i små grupper", "Kaffe och fika", "Tips om lättlästa böcker", "Nya kontakter i {ort}"),
        keywords=("språkcafé", "prata svenska", "samtalsgrupp", "fika", "öva svenska", "bibliotek"),
        roles=("Bibliotekarie", "Samordnare språkcaféet", "Volontärsamordnare"),
        referrals=("self",), languages="sv",
        en=Texts(("Language café in {ort}", "Swedish conversation café"),
                 ("Practise Swedish over a cup of coffee with volunteer conversation leaders. No need to register.",),
                 ("We sit in small groups with a volunteer conversation leader at each table.",
                  "We talk about everyday things such as food, weather, family and work.")),
        ar=Texts(("مقهى اللغة في {ort}",),
                 ("تدرّب على اللغة السويدية مع فنجان قهوة بصحبة متطوعين. لا حاجة للتسجيل.",),
                 ("نجلس في مجموعات صغيرة مع متطوع يدير الحديث على كل طاولة.",)),
    ),
    Archetype(
        key="sprakvan", weight=3, categories=("sprakstod", "mentorskap"), target_groups=("vuxna", "unga"),
        owners=("kommun", "roda-korset", "svenska-kyrkan"), units=("integrationsenheten", "kultur och fritid"),
        venues=("bibliotek", "medborgarhus"),
        titles=("Språkvän i {ort}", "Bli matchad med en språkvän", "Språkvänner – träffa någon som bor här"),
        summaries=("Vi matchar dig med en person som har bott länge i {ort}. Ni träffas och pratar svenska på er "
                   "fritid.",),
        opening=("En språkvän är en person som har bott i Sverige länge och som vill träffa dig för att prata svenska.",
                 "Genom språkvänsprogrammet får du en kontakt i {ort} att träffa regelbundet."),
        details=("Vi matchar er utifrån intressen, ålder och var ni bor.",
                 "Ni bestämmer själva när och var ni träffas, till exempel på ett café, på en promenad eller på "
                 "biblioteket.",
                 "Vi rekommenderar att ni ses minst en gång varannan vecka under ett halvår.",
                 "Många språkvänner fortsätter att ses långt efter att programmet är slut.",
                 "Vi ordnar också gemensamma träffar för alla språkvänner några gånger per termin.",
                 "Alla språkvänner har träffat oss för ett samtal innan matchningen."),
        bullets=("Matchning utifrån intressen", "Gemensamma träffar varje termin", "Stöd från samordnaren"),
        keywords=("språkvän", "språkvänner", "matchning", "prata svenska", "kontaktperson"),
        roles=("Samordnare språkvän",), referrals=("self",), languages="sv",
        en=Texts(("Language buddy in {ort}",),
                 ("We match you with someone who has lived in {ort} for a long time, and you meet to speak Swedish.",),
                 ("We match you by interests, age and where you live.",)),
        ar=Texts(("صديق اللغة في {ort}",),
                 ("نربطك بشخص يعيش في {ort} منذ زمن طويل لتلتقيا وتتحدثا بالسويدية.",),
                 ("نختار لك الشريك حسب الاهتمامات والعمر ومكان السكن.",)),
    ),
    Archetype(
        key="laxhjalp", weight=5, categories=("utbildning",), target_groups=("barn", "unga", "ensamkommande"),
        owners=("kommun", "roda-korset", "radda-barnen", "abf", "ibn-rushd"), units=("biblioteken", "fritidsgårdarna"),
        venues=("bibliotek", "fritidsgard", "studieforbund"),
        titles=("Läxhjälp i {ort}", "Läxläsning för högstadiet och gymnasiet", "Läxhjälp på biblioteket"),
        summaries=("Gratis läxhjälp för elever i grundskolan och gymnasiet, med frivilliga som kan matte, svenska "
                   "och engelska.",),
        opening=("Behöver du hjälp med skolarbetet? Kom till läxhjälpen i {ort}.",
                 "Läxhjälpen är en lugn plats där du kan göra dina läxor med stöd av vuxna."),
        details=("Frivilliga läxhjälpare hjälper dig med matematik, svenska, engelska och de andra ämnena.",
                 "Du kan plugga inför prov, skriva uppsatser eller få hjälp att förstå en uppgift.",
                 "Många av läxhjälparna är studenter eller pensionerade lärare.",
                 "Det finns datorer och skrivare som du kan använda.",
                 "Föräldrar är välkomna att följa med och ställa frågor om skolan.",
                 "Vi samarbetar med skolorna i {ort} så att vi vet vad ni arbetar med."),
        bullets=("Hjälp med matematik, svenska och engelska", "Datorer och skrivare", "Lugn studiemiljö",
                 "Fika i pausen"),
        keywords=("läxhjälp", "läxläsning", "matte", "skola", "högstadiet", "gymnasiet"),
        roles=("Samordnare läxhjälp", "Fritidsledare"), referrals=("self",), languages="support",
        eligibility=EligibilityPreset(min_age=(10, 12, 13), max_age=(18, 19, 20)),
        en=Texts(("Homework help in {ort}",),
                 ("Free homework help for pupils in compulsory school and upper secondary school.",),
                 ("Volunteers help you with maths, Swedish, English and the other subjects.",)),
        ar=Texts(("المساعدة في الواجبات المدرسية في {ort}",),
                 ("مساعدة مجانية في الواجبات المدرسية لتلاميذ المدرسة الأساسية والثانوية.",),
                 ("يساعدك متطوعون في الرياضيات والسويدية والإنجليزية والمواد الأخرى.",)),
    ),
    Archetype(
        key="praktik", weight=4, categories=("arbete",), target_groups=("vuxna", "unga"),
        owners=("kommun", "arbetsformedlingen"), units=("arbetsmarknadsenheten",), venues=("af", "stadshus"),
        titles=("Praktik i {ort}", "Språkpraktik på en arbetsplats", "Arbetsträning med handledare"),
        summaries=("Praktik på en arbetsplats i {ort} där du lär dig ett yrke och tränar svenska samtidigt.",),
        opening=("Praktik är ett bra sätt att lära känna svensk arbetsplatskultur och att träna svenska i verkligheten.",
                 "Genom praktiken får du arbetslivserfarenhet och referenser som hjälper dig att få jobb."),
        details=("Vi hjälper dig att hitta en praktikplats som passar dina erfarenheter och mål.",
                 "Du har en handledare på arbetsplatsen som visar dig arbetsuppgifterna.",
                 "Praktiken är oftast tre till sex månader, och du kan kombinera den med SFI.",
                 "Exempel på praktikplatser är förskolor, äldreboenden, lager, restauranger och butiker.",
                 "Vi följer upp praktiken regelbundet med dig och handledaren.",
                 "Efter praktiken kan det finnas möjlighet till en anställning med lönestöd."),
        bullets=("En handledare på arbetsplatsen", "Uppföljning varannan vecka", "Intyg efter praktiken",
                 "Stöd med cv och ansökan"),
        keywords=("praktik", "arbetsträning", "språkpraktik", "arbetsplats", "handledare", "jobb"),
        roles=("Arbetsmarknadskonsulent", "Handläggare etablering"),
        referrals=("arbetsformedlingen", "caseworker"), languages="sv",
        eligibility=EligibilityPreset(min_age=(18, 20), residence=("uppehallstillstand-etablering", "uppehallstillstand")),
        documents=("Beslut om etableringsprogram",),
        en=Texts(("Work placement in {ort}",),
                 ("A work placement in {ort} where you learn a job and practise Swedish at the same time.",),
                 ("You have a supervisor at the workplace who shows you the tasks.",)),
        ar=Texts(("تدريب عملي في {ort}",),
                 ("تدريب في مكان عمل في {ort} تتعلم فيه مهنة وتتدرب على اللغة السويدية في الوقت نفسه.",),
                 ("لديك مشرف في مكان العمل يشرح لك المهام.",)),
    ),
    Archetype(
        key="arbetsmarknadsutbildning", weight=3, categories=("arbete", "utbildning"), target_groups=("vuxna",),
        owners=("arbetsformedlingen",), units=(), venues=("vux", "af"),
        titles=("Arbetsmarknadsutbildning inom lager och logistik", "Arbetsmarknadsutbildning till barnskötare",
                "Yrkesutbildning inom bygg och anläggning", "Utbildning till busschaufför"),
        summaries=("En yrkesutbildning för arbetssökande som leder till jobb i en bransch där det behövs folk.",),
        opening=("En arbetsmarknadsutbildning är en yrkesutbildning för dig som är inskriven på Arbetsförmedlingen.",
                 "Utbildningen är framtagen tillsammans med arbetsgivare i {lan} som behöver anställa."),
        details=("Utbildningen är på heltid och pågår i fyra till nio månader.",
                 "Du varvar teori i klassrummet med praktik på en arbetsplats.",
                 "Undervisningen innehåller yrkessvenska, så att du lär dig orden du behöver i arbetet.",
                 "Du kan få aktivitetsstöd eller etableringsersättning under utbildningen.",
                 "Efter utbildningen får du ett branschcertifikat som arbetsgivare känner igen.",
                 "Många deltagare får jobb hos praktikplatsen efter utbildningen."),
        bullets=("Teori och praktik", "Yrkessvenska", "Branschcertifikat", "Kontakt med arbetsgivare"),
        keywords=("arbetsmarknadsutbildning", "yrkesutbildning", "truckkort", "lager", "barnskötare", "certifikat"),
        roles=("Arbetsförmedlare",), referrals=("arbetsformedlingen",), languages="sv",
        eligibility=EligibilityPreset(min_age=(18, 20, 25), residence=("uppehallstillstand-etablering",
                                                                       "uppehallstillstand")),
        documents=("Beslut om etableringsprogram",),
        en=Texts(("Labour market training",),
                 ("Vocational training for jobseekers that leads to work in a sector that needs staff.",),
                 ("The training is full time and lasts four to nine months.",)),
        ar=Texts(("تدريب مهني لسوق العمل",),
                 ("تعليم مهني للباحثين عن عمل يؤدي إلى وظيفة في قطاع يحتاج إلى موظفين.",),
                 ("التدريب بدوام كامل ويستمر من أربعة إلى تسعة أشهر.",)),
    ),
    Archetype(
        key="yrkessvenska", weight=3, categories=("sfi", "arbete"), target_groups=("vuxna",),
        owners=("kommun",), units=("vuxenutbildningen",), venues=("vux",),
        titles=("Yrkessvenska för vård och omsorg", "SFI med yrkesinriktning mot restaurang",
                "Yrkessvenska för förskolan", "Svenska för fordonsbranschen"),
        summaries=("SFI kombinerat med en yrkesutbildning, så att du lär dig svenska och ett yrke samtidigt.",),
        opening=("På yrkessvenskan läser du SFI och en yrkesutbildning parallellt.",
                 "Här lär du dig svenska med ord och situationer från ett yrke där det finns jobb i {ort}."),
        details=("Lärarna i svenska och yrkeslärarna planerar undervisningen tillsammans.",
                 "Du tränar på att förstå instruktioner, dokumentera och prata med kunder eller patienter.",
                 "En del av utbildningen sker på en arbetsplats med handledare.",
                 "Du behöver ha klarat kurs B på SFI eller ha motsvarande kunskaper.",
                 "Utbildningen ger betyg både i svenska och i yrkeskurserna."),
        bullets=("SFI och yrkeskurser", "Arbetsplatsförlagt lärande", "Betyg i båda delarna"),
        keywords=("yrkessvenska", "yrkes-sfi", "sfi", "vård och omsorg", "undersköterska", "restaurang"),
        roles=("Studie- och yrkesvägledare",), referrals=("self", "arbetsformedlingen"), languages="sv",
        eligibility=EligibilityPreset(min_age=(18,), residence=SETTLED),
        en=Texts(("Swedish for work in health and social care",),
                 ("SFI combined with vocational training, so that you learn Swedish and a profession at the same "
                  "time.",), ()),
        ar=Texts(("اللغة السويدية المهنية",), ("دروس SFI مع تدريب مهني لتتعلم اللغة والمهنة في الوقت نفسه.",), ()),
    ),
    Archetype(
        key="validering", weight=2, categories=("utbildning", "arbete"), target_groups=("akademiker", "vuxna"),
        owners=("arbetsformedlingen", "kommun"), units=("vuxenutbildningen",), venues=("vux", "af"),
        titles=("Validering av yrkeskunskaper", "Validering inom vård och omsorg", "Få din utbildning bedömd"),
        summaries=("Validering visar vad du redan kan, så att du slipper läsa om det du har lärt dig i ditt "
                   "hemland.",),
        opening=("Har du arbetat eller studerat i ett annat land? Genom validering kan du få dina kunskaper "
                 "bedömda och intygade.",),
        details=("En bedömare går igenom dina kunskaper genom samtal, praktiska uppgifter och prov.",
                 "Det du redan kan får du betyg eller intyg på.",
                 "Resultatet visar vilka kurser du behöver läsa för att bli behörig i Sverige.",
                 "Utländska högskoleexamina bedöms av Universitets- och högskolerådet, och vi hjälper dig att ansöka.",
                 "Valideringen tar oftast några veckor."),
        bullets=("Kartläggning av kunskaper", "Praktisk bedömning", "Intyg eller betyg", "Plan för kompletterande "
                 "studier"),
        keywords=("validering", "bedömning", "utländsk utbildning", "intyg", "uhr", "kompetens"),
        roles=("Valideringssamordnare",), referrals=("arbetsformedlingen", "self"), languages="support",
        eligibility=EligibilityPreset(min_age=(18,), residence=SETTLED),
        documents=("Betyg och intyg från tidigare utbildning",),
        en=Texts(("Validation of your skills",), ("Validation shows what you already know, so you do not have to "
                                                   "study it again.",), ()),
        ar=Texts(("تقييم المؤهلات المهنية",), ("يُظهر التقييم ما تعرفه مسبقاً حتى لا تضطر إلى دراسته من جديد.",), ()),
    ),
    Archetype(
        key="jobbcoachning", weight=4, categories=("arbete", "radgivning"), target_groups=("vuxna", "unga"),
        owners=("arbetsformedlingen", "kommun"), units=("arbetsmarknadsenheten", "jobbtorget"), venues=("af", "stadshus"),
        titles=("Jobbcoachning i {ort}", "Rusta och matcha", "Stöd att söka jobb", "Jobbspår för nyanlända"),
        summaries=("En coach hjälper dig att skriva cv, söka jobb och förbereda dig för anställningsintervjuer.",),
        opening=("Vill du ha hjälp att komma ut på arbetsmarknaden? En jobbcoach stöttar dig hela vägen.",
                 "Jobbcoachningen är individuellt stöd för dig som söker arbete i {ort} med omnejd."),
        details=("Tillsammans gör ni en plan utifrån dina erfarenheter och vad du vill arbeta med.",
                 "Du får hjälp att skriva ett cv och personliga brev på svenska.",
                 "Vi tränar på anställningsintervjuer och pratar om vad arbetsgivare förväntar sig.",
                 "Coachen har kontakter med arbetsgivare och kan tipsa om lediga jobb.",
                 "Ni träffas en till två gånger i veckan, och ibland i grupp med andra deltagare.",
                 "Stödet fortsätter en tid efter att du har fått jobb."),
        bullets=("Cv och personligt brev", "Intervjuträning", "Kontakt med arbetsgivare", "Stöd efter anställning"),
        keywords=("jobbcoach", "söka jobb", "cv", "intervju", "arbetssökande", "rusta och matcha"),
        roles=("Jobbcoach", "Arbetsförmedlare", "Arbetsmarknadskonsulent"),
        referrals=("arbetsformedlingen", "caseworker"), languages="support",
        eligibility=EligibilityPreset(min_age=(18,), residence=SETTLED),
        en=Texts(("Job coaching in {ort}",), ("A coach helps you write a CV, apply for jobs and prepare for "
                                              "interviews.",),
                 ("Together you make a plan based on your experience and what you want to work with.",)),
        ar=Texts(("التدريب على البحث عن عمل في {ort}",), ("يساعدك مدرب على كتابة السيرة الذاتية والتقديم على "
                                                          "الوظائف والاستعداد للمقابلات.",), ()),
    ),
    Archetype(
        key="starta-eget", weight=1.5, categories=("arbete", "radgivning"), target_groups=("vuxna", "akademiker"),
        owners=("arbetsformedlingen", "abf", "kommun"), units=("näringslivsenheten",), venues=("bibliotek", "stadshus"),
        titles=("Starta eget företag i Sverige", "Företagarkurs för nyanlända"),
        summaries=("En kurs för dig som vill starta eget företag: affärsplan, skatter, bokföring och tillstånd.",),
        opening=("Drömmer du om att starta ett eget företag? Kursen ger dig grunderna.",),
        details=("Du lär dig att skriva en affärsplan och räkna på vad företaget behöver för att gå runt.",
                 "Vi går igenom F-skatt, moms, bokföring och vilka tillstånd som behövs.",
                 "Du får träffa företagare som själva har startat företag efter att ha kommit till Sverige.",
                 "Efter kursen kan du få en mentor från näringslivet i {ort}."),
        bullets=("Affärsplan", "Skatter och bokföring", "Träffa företagare", "Mentor efter kursen"),
        keywords=("starta eget", "företag", "affärsplan", "f-skatt", "entreprenör", "nyföretagare"),
        roles=("Näringslivsutvecklare", "Kursledare"), referrals=("self", "arbetsformedlingen"), languages="support",
        en=Texts(("Start your own business in Sweden",), ("A course for people who want to start a business: business "
                                                          "plan, taxes, bookkeeping and permits.",), ()),
        ar=Texts(("ابدأ مشروعك الخاص في السويد",), ("دورة لمن يريد أن يبدأ شركة: خطة العمل والضرائب والمحاسبة "
                                                   "والتصاريح.",), ()),
    ),
    Archetype(
        key="mentorskap", weight=3, categories=("mentorskap", "arbete"), target_groups=("akademiker", "unga", "kvinnor"),
        owners=("kommun", "roda-korset", "vuxenskolan"), units=("integrationsenheten",), venues=("bibliotek", "medborgarhus"),
        titles=("Mentorprogram för nyanlända akademiker", "Mentorskap för unga i {ort}", "Yrkesmentor"),
        summaries=("Få en mentor som arbetar i ditt yrke och kan ge dig råd, kontakter och inblick i svenskt "
                   "arbetsliv.",),
        opening=("I mentorprogrammet träffar du en mentor som har erfarenhet av det yrke du vill arbeta inom.",),
        details=("Ni träffas ungefär en gång i månaden under ett år.",
                 "Mentorn kan hjälpa dig att förstå hur branschen fungerar i Sverige och vilka vägar som finns.",
                 "Många mentorer delar med sig av sitt nätverk och introducerar dig för kollegor.",
                 "Alla mentorer har gått en kort utbildning innan de börjar.",
                 "Programmet avslutas med en gemensam träff där deltagarna berättar om sina erfarenheter."),
        bullets=("En personlig mentor", "Träffar varje månad", "Nätverksträffar", "Avslutning med diplom"),
        keywords=("mentor", "mentorskap", "nätverk", "akademiker", "yrkesliv", "kontakter"),
        roles=("Projektledare mentorprogrammet",), referrals=("self",), languages="sv",
        en=Texts(("Mentoring programme for newcomers",), ("Get a mentor who works in your profession and can give you "
                                                          "advice and contacts.",), ()),
        ar=Texts(("برنامج الإرشاد للقادمين الجدد",), ("احصل على مرشد يعمل في مهنتك ويقدّم لك النصائح والعلاقات.",), ()),
    ),
    Archetype(
        key="vagledning", weight=3, categories=("radgivning", "utbildning"), target_groups=("vuxna", "unga"),
        owners=("kommun",), units=("vuxenutbildningen", "vägledningscentrum"), venues=("vux", "bibliotek"),
        titles=("Studie- och yrkesvägledning", "Vägledning om utbildning och jobb", "Drop-in vägledning i {ort}"),
        summaries=("Samtal med en studie- och yrkesvägledare om vilka utbildningar och yrken som passar dig.",),
        opening=("Vet du inte vad du ska göra efter SFI? En studie- och yrkesvägledare hjälper dig att planera.",),
        details=("Vägledaren berättar om komvux, yrkesutbildningar, folkhögskola och högskola.",
                 "Ni pratar om dina tidigare studier, dina erfarenheter och vad du vill göra.",
                 "Du får hjälp att söka utbildning och studiemedel från CSN.",
                 "Samtalen är kostnadsfria och vägledaren har tystnadsplikt.",
                 "Du kan boka ett samtal eller komma på drop-in."),
        bullets=("Information om utbildningar", "Hjälp med ansökan", "Information om CSN"),
        keywords=("studievägledning", "syv", "komvux", "folkhögskola", "csn", "utbildning"),
        roles=("Studie- och yrkesvägledare",), referrals=("self",), languages="support",
        en=Texts(("Study and career guidance",), ("Talk to a guidance counsellor about which courses and jobs suit "
                                                  "you.",), ()),
        ar=Texts(("الإرشاد الدراسي والمهني",), ("تحدّث مع مرشد دراسي ومهني عن الدراسات والمهن المناسبة لك.",), ()),
    ),
    Archetype(
        key="foraldraskap", weight=4, categories=("foraldraskap",), target_groups=("foraldrar", "familjer"),
        owners=("kommun", "radda-barnen"), units=("socialtjänsten", "familjecentralen"),
        venues=("familjecentral", "medborgarhus"),
        titles=("Föräldraskap i Sverige", "Föräldragrupp för nyanlända", "Föräldrastöd på ditt språk"),
        summaries=("En föräldragrupp där du pratar med andra föräldrar om barns rättigheter, skola och att vara "
                   "förälder i ett nytt land.",),
        opening=("Att bli förälder i ett nytt land väcker många frågor. I föräldragruppen kan du prata om dem.",),
        details=("Gruppen träffas tio gånger och leds av två utbildade gruppledare.",
                 "Vi pratar om barns utveckling, gränssättning utan våld och hur förskolan och skolan fungerar.",
                 "Du får träffa andra föräldrar och dela erfarenheter.",
                 "Barnkonventionen är lag i Sverige, och vi pratar om vad det betyder för familjen.",
                 "Det finns barnpassning under träffarna.",
                 "Gruppen bygger på programmet Föräldraskap i Sverige som används i hela landet."),
        bullets=("Barns utveckling och behov", "Skola och förskola", "Samarbete med skolan", "Barns rättigheter"),
        keywords=("föräldraskap", "föräldrastöd", "föräldragrupp", "barnkonventionen", "familj", "uppfostran"),
        roles=("Familjebehandlare", "Samordnare föräldrastöd"), referrals=("self", "caseworker"),
        languages="native",
        en=Texts(("Parenting in Sweden",), ("A parent group where you talk with other parents about children's rights, "
                                            "school and being a parent in a new country.",), ()),
        ar=Texts(("الوالدية في السويد",), ("مجموعة للوالدين تتحدث فيها مع آباء وأمهات آخرين عن حقوق الأطفال والمدرسة "
                                           "وعن كونك أباً أو أماً في بلد جديد.",), ()),
    ),
    Archetype(
        key="oppen-forskola", weight=2, categories=("foraldraskap", "natverk"), target_groups=("familjer", "barn"),
        owners=("kommun", "svenska-kyrkan"), units=("familjecentralen",), venues=("familjecentral", "forsamling"),
        titles=("Öppen förskola i {ort}", "Babycafé", "Sång och lek för små barn"),
        summaries=("Kom och lek med ditt barn och träffa andra föräldrar. Öppen förskola för barn upp till sex år.",),
        opening=("Öppna förskolan är en mötesplats för föräldrar och barn som inte går i förskolan.",),
        details=("Vi sjunger, leker och läser sagor tillsammans.",
                 "Förskollärare finns på plats och svarar på frågor om barns utveckling.",
                 "Du kan också få information om hur du ansöker om förskoleplats.",
                 "Barnmorska och sjuksköterska från barnavårdscentralen kommer på besök ibland."),
        bullets=("Sång och lek", "Sagostund", "Information om förskolan", "Fika för vuxna"),
        keywords=("öppen förskola", "babycafé", "småbarn", "lek", "föräldraledig", "bvc"),
        roles=("Förskollärare",), referrals=("self",), languages="support",
        eligibility=EligibilityPreset(max_age=(6,)),
        en=Texts(("Open preschool in {ort}",), ("Play with your child and meet other parents.",), ()),
        ar=Texts(("الروضة المفتوحة في {ort}",), ("العب مع طفلك وتعرّف على آباء وأمهات آخرين.",), ()),
    ),
    Archetype(
        key="halsa", weight=3, categories=("halsa",), target_groups=("vuxna", "kvinnor", "aldre"),
        owners=("region",), units=(), venues=("vardcentral", "medborgarhus", "bibliotek"),
        titles=("Hälsoskola för nyanlända", "Hälsokommunikatörer berättar om vården", "Hälsoinformation på ditt språk"),
        summaries=("Hälsokommunikatörer berättar på ditt språk om hur vården fungerar, om egenvård och om psykisk "
                   "hälsa.",),
        opening=("Hur fungerar vården i Sverige? I hälsoskolan får du svar på dina frågor, på ditt eget språk.",),
        details=("Vi berättar om vårdcentralen, 1177, akutmottagningen och tandvården.",
                 "Du får veta vad det kostar att gå till läkaren och vad högkostnadsskyddet är.",
                 "Vi pratar om kost, motion, sömn och stress.",
                 "Hälsokommunikatörerna är utbildade inom vården och talar flera språk.",
                 "Du kan ställa frågor anonymt om du vill."),
        bullets=("Vården i Sverige", "Egenvård", "Psykisk hälsa", "Tandvård"),
        keywords=("hälsa", "vårdcentral", "1177", "hälsokommunikatör", "egenvård", "tandvård"),
        roles=("Hälsokommunikatör", "Samordnare hälsokommunikation"), referrals=("self",), languages="native",
        en=Texts(("Health school for newcomers",), ("Health communicators explain in your language how health care "
                                                    "works.",), ()),
        ar=Texts(("مدرسة الصحة للقادمين الجدد",), ("يشرح لك مرشدون صحيون بلغتك كيف تعمل الرعاية الصحية في السويد.",),
                 ("نتحدث عن المركز الصحي ورقم 1177 وقسم الطوارئ ورعاية الأسنان.",)),
    ),
    Archetype(
        key="psykisk-halsa", weight=2, categories=("halsa",), target_groups=("vuxna", "unga", "ensamkommande"),
        owners=("region", "roda-korset"), units=(), venues=("vardcentral", "medborgarhus"),
        titles=("Samtalsstöd vid oro och trauma", "Stöd för dig som har varit med om krig eller flykt",
                "Stresshantering för nyanlända"),
        summaries=("Samtal med en terapeut eller i grupp för dig som mår dåligt efter krig, flykt eller tortyr.",),
        opening=("Många som har flytt bär på svåra minnen. Du behöver inte bära dem ensam.",),
        details=("Vi erbjuder enskilda samtal och samtal i grupp.",
                 "Du kan lära dig övningar för bättre sömn och mindre stress.",
                 "Samtalen sker med tolk om det behövs, och alla har tystnadsplikt.",
                 "Det är vanligt att få mardrömmar, ont i kroppen och svårt att koncentrera sig efter trauman.",
                 "Vi kan hänvisa dig vidare till specialistvården om du behöver mer hjälp."),
        bullets=("Enskilda samtal", "Samtalsgrupper", "Övningar mot stress", "Tolk vid behov"),
        keywords=("trauma", "psykisk hälsa", "stress", "sömnproblem", "krig", "samtalsstöd"),
        roles=("Psykolog", "Kurator"), referrals=("self", "caseworker"), languages="support",
        eligibility=EligibilityPreset(min_age=(16, 18), residence=ALL_STATUSES),
        en=Texts(("Support for trauma and stress",), ("Talks with a therapist or in a group for people who feel unwell "
                                                      "after war or flight.",), ()),
        ar=Texts(("دعم نفسي بعد الصدمات",), ("جلسات مع معالج أو في مجموعة لمن يعاني بعد الحرب أو اللجوء.",), ()),
    ),
    Archetype(
        key="bostad", weight=3, categories=("bostad", "radgivning"), target_groups=("vuxna", "familjer"),
        owners=("kommun",), units=("bostadsenheten", "socialtjänsten"), venues=("medborgarkontor", "stadshus"),
        titles=("Boendeskola", "Bostadsrådgivning för nyanlända", "Att hyra en bostad i Sverige"),
        summaries=("Lär dig om hyreskontrakt, bostadskö, grannar och ditt ansvar som hyresgäst.",),
        opening=("Att hitta en bostad kan vara svårt. Boendeskolan ger dig kunskap och tips.",),
        details=("Vi går igenom hur bostadskön fungerar och hur du skriver en intresseanmälan.",
                 "Du lär dig om förstahandskontrakt, andrahandskontrakt och vad du ska tänka på innan du skriver "
                 "under.",
                 "Vi pratar om tvättstugan, sophantering, brandskydd och att vara en bra granne.",
                 "Du får veta vart du vänder dig om något går sönder i lägenheten.",
                 "Boendeskolan avslutas med ett intyg som en del hyresvärdar tittar på."),
        bullets=("Bostadskön", "Hyreskontrakt", "Rättigheter och skyldigheter", "Intyg efter kursen"),
        keywords=("bostad", "boendeskola", "hyreskontrakt", "bostadskö", "hyresgäst", "lägenhet"),
        roles=("Bostadssamordnare",), referrals=("self", "municipality"), languages="support",
        en=Texts(("Housing school",), ("Learn about tenancy agreements, housing queues, neighbours and your duties as a "
                                       "tenant.",), ()),
        ar=Texts(("مدرسة السكن",), ("تعلّم عن عقود الإيجار وطابور السكن والجيران وواجباتك كمستأجر.",), ()),
    ),
    Archetype(
        key="ekonomi", weight=2, categories=("radgivning",), target_groups=("vuxna", "familjer"),
        owners=("kommun",), units=("budget- och skuldrådgivningen",), venues=("medborgarkontor", "bibliotek"),
        titles=("Budget- och skuldrådgivning", "Kurs i privatekonomi", "Hjälp med räkningar och budget"),
        summaries=("Få hjälp att göra en budget, förstå dina räkningar och undvika skulder.",),
        opening=("Har du svårt att få pengarna att räcka? Budget- och skuldrådgivningen hjälper dig.",),
        details=("Vi gör en budget tillsammans och går igenom dina räkningar.",
                 "Du lär dig om bankkonto, BankID, autogiro och att betala räkningar i tid.",
                 "Vi berättar om Kronofogden och vad som händer om en räkning inte betalas.",
                 "Rådgivningen är gratis och rådgivaren har tystnadsplikt."),
        bullets=("Budget", "Räkningar och autogiro", "Bank och BankID", "Skulder"),
        keywords=("budget", "skuldrådgivning", "privatekonomi", "räkningar", "kronofogden", "bankid"),
        roles=("Budget- och skuldrådgivare",), referrals=("self",), languages="support",
        en=Texts(("Budget and debt advice",), ("Get help to make a budget, understand your bills and avoid debt.",), ()),
        ar=Texts(("استشارات الميزانية والديون",), ("احصل على مساعدة في وضع ميزانية وفهم فواتيرك وتجنب الديون.",), ()),
    ),
    Archetype(
        key="etableringsersattning", weight=1.5, categories=("radgivning",), target_groups=("vuxna", "familjer"),
        owners=("forsakringskassan",), units=(), venues=("servicecenter",),
        titles=("Informationsmöte om etableringsersättning", "Så fungerar ersättningen i etableringsprogrammet"),
        summaries=("Försäkringskassan förklarar hur etableringsersättningen fungerar och hur du rapporterar dina "
                   "aktiviteter.",),
        opening=("När du deltar i etableringsprogrammet kan du få etableringsersättning från Försäkringskassan.",),
        details=("Vi går igenom hur mycket du kan få och hur du rapporterar dina aktiviteter varje månad.",
                 "Vi berättar om etableringstillägg för dig som har barn och om bostadsersättning.",
                 "Du får veta vad som händer om du är sjuk eller inte kan delta i en aktivitet.",
                 "Vill du prata om ditt eget ärende kan du boka ett personligt möte samma dag."),
        bullets=("Etableringsersättning", "Etableringstillägg", "Bostadsersättning", "Tidrapport på Mina sidor"),
        keywords=("etableringsersättning", "försäkringskassan", "etableringstillägg", "tidrapport", "mina sidor"),
        roles=("Försäkringskassans kundmöten",), referrals=("self",), languages="native",
        eligibility=EligibilityPreset(residence=("uppehallstillstand-etablering", "anhorig"), months_max=(24, 36)),
        en=Texts(("Information meeting about the introduction benefit",), ("The Social Insurance Agency explains how "
                                                                           "the introduction benefit works.",), ()),
        ar=Texts(("لقاء إعلامي حول تعويض التأسيس",), ("يشرح صندوق التأمينات الاجتماعية كيف يعمل تعويض التأسيس.",), ()),
    ),
    Archetype(
        key="etableringsprogrammet", weight=2, categories=("arbete", "samhallsorientering"), target_groups=("vuxna",),
        owners=("arbetsformedlingen",), units=(), venues=("af",),
        titles=("Etableringsprogrammet", "Introduktion till etableringsprogrammet i {ort}"),
        summaries=("Arbetsförmedlingens program för nyanlända: SFI, samhällsorientering och arbetsförberedande "
                   "aktiviteter under två år.",),
        opening=("Etableringsprogrammet ska hjälpa dig att lära dig svenska och komma i arbete eller studier.",),
        details=("Programmet pågår i högst två år och planeras tillsammans med din handläggare.",
                 "I programmet ingår SFI, samhällsorientering och aktiviteter som förbereder dig för arbete.",
                 "Du har rätt till etableringsersättning när du deltar i programmet.",
                 "Handläggaren följer upp din plan regelbundet."),
        bullets=("SFI", "Samhällsorientering", "Praktik", "Etableringsersättning"),
        keywords=("etableringsprogrammet", "etableringsplan", "arbetsförmedlingen", "handläggare"),
        roles=("Arbetsförmedlare",), referrals=("arbetsformedlingen",), languages="support",
        eligibility=EligibilityPreset(min_age=(20,), max_age=(64, 65), residence=("uppehallstillstand-etablering",
                                                                                  "anhorig"), months_max=(24, 36)),
        en=Texts(("The establishment programme",), ("The Public Employment Service's two-year programme for "
                                                    "newcomers.",), ()),
        ar=Texts(("برنامج التأسيس",), ("برنامج مكتب العمل للقادمين الجدد لمدة سنتين.",), ()),
    ),
    Archetype(
        key="asylradgivning", weight=1.5, categories=("radgivning",), target_groups=("asylsokande", "vuxna"),
        owners=("migrationsverket", "roda-korset"), units=(), venues=("medborgarhus", "forsamling"),
        titles=("Rådgivning för asylsökande", "Information om asylprocessen", "Juridisk rådgivning om uppehållstillstånd"),
        summaries=("Få svar på frågor om asylprocessen, ditt ärende och dina rättigheter som asylsökande.",),
        opening=("Att vänta på beslut om asyl kan kännas osäkert. Här får du information och stöd.",),
        details=("Vi förklarar hur asylprocessen går till och vad som händer efter ett beslut.",
                 "Du kan få hjälp att förstå brev från Migrationsverket.",
                 "Vi berättar om LMA-kortet, dagersättning och rätten till vård.",
                 "Juristen ger råd men kan inte företräda dig i ditt ärende."),
        bullets=("Asylprocessen", "LMA-kort och dagersättning", "Hjälp med brev", "Vård för asylsökande"),
        keywords=("asyl", "migrationsverket", "lma-kort", "uppehållstillstånd", "juridisk rådgivning"),
        roles=("Rådgivare asyl",), referrals=("self",), languages="native",
        eligibility=EligibilityPreset(residence=("asylsokande",)),
        documents=("LMA-kort",),
        en=Texts(("Advice for asylum seekers",), ("Get answers to questions about the asylum process and your "
                                                  "rights.",), ()),
        ar=Texts(("استشارات لطالبي اللجوء",), ("احصل على إجابات عن أسئلتك حول إجراءات اللجوء وحقوقك.",), ()),
    ),
    Archetype(
        key="folkbokforing", weight=1, categories=("radgivning",), target_groups=("vuxna", "familjer"),
        owners=("skatteverket",), units=(), venues=("servicecenter",),
        titles=("Folkbokföring och personnummer", "Id-kort och folkbokföring för nyanlända"),
        summaries=("Information om folkbokföring, personnummer och id-kort för dig som är ny i Sverige.",),
        opening=("När du har fått uppehållstillstånd ska du folkbokföra dig och få ett personnummer.",),
        details=("Vi förklarar hur du anmäler flytt till Sverige och vilka handlingar du behöver.",
                 "Du får veta hur du ansöker om id-kort och vad det kostar.",
                 "Personnumret behövs för bank, vård, skola och arbete.",
                 "Handläggarna kan ta emot din ansökan direkt på servicecentret."),
        bullets=("Folkbokföring", "Personnummer", "Id-kort", "Flyttanmälan"),
        keywords=("folkbokföring", "personnummer", "id-kort", "skatteverket", "samordningsnummer"),
        roles=("Skatteverkets servicecenter",), referrals=("self",), languages="support",
        documents=("Legitimation eller pass", "Uppehållstillståndskort"),
        en=Texts(("Population registration and personal identity number",), ("Information about registration, "
                                                                              "personal identity numbers and ID "
                                                                              "cards.",), ()),
        ar=Texts(("التسجيل السكاني والرقم الشخصي",), ("معلومات عن التسجيل السكاني والرقم الشخصي وبطاقة الهوية.",), ()),
    ),
    Archetype(
        key="kvinnogrupp", weight=3, categories=("natverk",), target_groups=("kvinnor",),
        owners=("kommun", "abf", "svenska-kyrkan", "roda-korset"), units=("integrationsenheten", "kultur och fritid"),
        venues=("medborgarhus", "forsamling", "studieforbund"),
        titles=("Kvinnogrupp i {ort}", "Mötesplats för kvinnor", "Sycirkel för kvinnor"),
        summaries=("En trygg mötesplats för kvinnor där vi pratar svenska, syr, lagar mat och lär känna varandra.",),
        opening=("Kvinnogruppen är en mötesplats för kvinnor som vill träffa andra och prata svenska.",),
        details=("Vi syr, stickar, lagar mat och pratar om det som är viktigt för oss.",
                 "Ibland bjuder vi in gäster som berättar om hälsa, arbete eller föreningslivet.",
                 "Många deltagare har fått vänner för livet i gruppen.",
                 "Det finns lekhörna för barn under träffarna."),
        bullets=("Sömnad och handarbete", "Matlagning", "Gästföreläsare", "Utflykter"),
        keywords=("kvinnogrupp", "kvinnor", "sycirkel", "mötesplats", "gemenskap"),
        roles=("Cirkelledare", "Verksamhetsledare"), referrals=("self",), languages="support",
        eligibility=EligibilityPreset(gender="women", min_age=(18,)),
        en=Texts(("Women's group in {ort}",), ("A safe meeting place for women where we speak Swedish, sew, cook and "
                                               "get to know each other.",), ()),
        ar=Texts(("مجموعة النساء في {ort}",), ("مكان آمن للقاء النساء نتحدث فيه السويدية ونخيط ونطبخ ونتعارف.",), ()),
    ),
    Archetype(
        key="idrott", weight=3, categories=("idrott-fritid",), target_groups=("unga", "barn", "vuxna"),
        owners=("rf-sisu", "kommun"), units=("kultur och fritid",), venues=("sporthall", "fritidsgard"),
        titles=("Fotboll för alla i {ort}", "Prova på idrott", "Träning för tjejer", "Öppen idrottshall"),
        summaries=("Prova på fotboll, basket och andra idrotter tillsammans med föreningar i {ort}.",),
        opening=("Idrott är ett bra sätt att må bra, lära känna nya människor och lära sig svenska.",),
        details=("Föreningarna i {ort} bjuder in till gratis träning varje vecka.",
                 "Du behöver ingen egen utrustning, vi lånar ut skor och bollar.",
                 "Ledarna är utbildade och vana vid nybörjare.",
                 "Efter några gånger kan du bli medlem i en förening om du vill."),
        bullets=("Fotboll", "Basket", "Innebandy", "Styrketräning"),
        keywords=("idrott", "fotboll", "träning", "förening", "basket", "innebandy"),
        roles=("Idrottskonsulent", "Fritidsledare"), referrals=("self",), languages="sv",
        eligibility=EligibilityPreset(min_age=(7, 10, 13), max_age=(18, 25)),
        en=Texts(("Football for everyone in {ort}",), ("Try football, basketball and other sports with local clubs in "
                                                       "{ort}.",), ()),
        ar=Texts(("كرة القدم للجميع في {ort}",), ("جرّب كرة القدم وكرة السلة ورياضات أخرى مع الأندية في {ort}.",), ()),
    ),
    Archetype(
        key="cykelskola", weight=1, categories=("idrott-fritid",), target_groups=("kvinnor", "vuxna"),
        owners=("kommun", "abf"), units=("kultur och fritid",), venues=("sporthall", "medborgarhus"),
        titles=("Cykelskola för vuxna", "Lär dig cykla i {ort}"),
        summaries=("Lär dig cykla i lugn takt med erfarna cykellärare. Vi lånar ut cykel och hjälm.",),
        opening=("Cykeln gör det lättare att ta sig till jobbet, skolan och affären.",),
        details=("Vi börjar med balansövningar på en skolgård och går vidare till att cykla på cykelbanor.",
                 "Du lär dig trafikregler och hur du cyklar säkert i mörker och på vintern.",
                 "Cykellärarna är kvinnor, och gruppen är bara för vuxna nybörjare."),
        bullets=("Lån av cykel och hjälm", "Balansövningar", "Trafikregler"),
        keywords=("cykelskola", "cykla", "cykel", "trafik"),
        roles=("Cykellärare",), referrals=("self",), languages="support",
        eligibility=EligibilityPreset(min_age=(18,)),
        en=Texts(("Cycling school for adults",), ("Learn to ride a bicycle at your own pace.",), ()),
        ar=Texts(("مدرسة ركوب الدراجات للكبار",), ("تعلّم ركوب الدراجة بالسرعة التي تناسبك.",), ()),
    ),
    Archetype(
        key="simundervisning", weight=0.35, categories=("idrott-fritid",), target_groups=("barn", "vuxna", "kvinnor"),
        owners=("kommun", "livraddningssallskapet"), units=("kultur och fritid",), venues=("simhall",),
        titles=("Simundervisning för nyanlända", "Simskola för vuxna i {ort}", "Simundervisning för kvinnor"),
        summaries=("Simundervisning i små grupper för dig som inte har fått lära dig simma. Badkläder finns att "
                   "låna.",),
        opening=("Att kunna simma kan rädda liv. Simundervisningen är för dig som aldrig har fått lära dig.",),
        details=("Simundervisningen sker i små grupper i den grunda bassängen.",
                 "Vi börjar med att vänja oss vid vattnet och lär oss sedan flyta och simma.",
                 "Simlärarna är utbildade av Svenska Livräddningssällskapet.",
                 "Efter simundervisningen kan du ta simborgarmärket.",
                 "Vissa grupper är bara för kvinnor och har kvinnliga simlärare."),
        bullets=("Vattenvana", "Flyta och glida", "Simtag", "Livräddning och säkerhet vid vatten"),
        keywords=("simundervisning", "simskola", "simma", "simhall", "badhus"),
        roles=("Simlärare", "Badmästare"), referrals=("self",), languages="support",
        en=Texts(("Swimming lessons for newcomers",), ("Swimming lessons in small groups for people who never learned "
                                                      "to swim.",), ()),
        ar=Texts(("دروس السباحة للقادمين الجدد",), ("دروس سباحة في مجموعات صغيرة لمن لم يتعلم السباحة.",), ()),
    ),
    Archetype(
        key="digital", weight=2, categories=("utbildning",), target_groups=("vuxna", "aldre"),
        owners=("kommun", "abf", "vuxenskolan"), units=("biblioteken",), venues=("bibliotek", "studieforbund"),
        titles=("Dator och mobil för nybörjare", "Digital hjälp på biblioteket", "BankID och e-tjänster"),
        summaries=("Lär dig använda mobilen och datorn för BankID, e-post, 1177 och myndigheternas e-tjänster.",),
        opening=("Många ärenden i Sverige görs digitalt. Här får du hjälp att komma igång.",),
        details=("Vi visar hur du skaffar BankID och loggar in på myndigheternas webbplatser.",
                 "Du lär dig skicka e-post med bifogade filer och boka tider på 1177.",
                 "Ta med din egen mobil om du har en, annars lånar vi ut surfplattor.",
                 "Vi pratar också om hur du skyddar dig mot bedrägerier på nätet."),
        bullets=("BankID", "E-post", "1177 och e-tjänster", "Säkerhet på nätet"),
        keywords=("dator", "mobil", "bankid", "digital", "e-tjänster", "it-hjälp"),
        roles=("Bibliotekarie", "Cirkelledare"), referrals=("self",), languages="support",
        en=Texts(("Computer and phone for beginners",), ("Learn to use your phone and computer for BankID, e-mail and "
                                                        "public e-services.",), ()),
        ar=Texts(("الكمبيوتر والهاتف للمبتدئين",), ("تعلّم استخدام الهاتف والكمبيوتر لـ BankID والبريد الإلكتروني "
                                                    "والخدمات الإلكترونية.",), ()),
    ),
    Archetype(
        key="korkort", weight=1.5, categories=("utbildning",), target_groups=("vuxna", "unga"),
        owners=("abf", "ibn-rushd", "vuxenskolan"), units=(), venues=("studieforbund",),
        titles=("Körkortsteori på arabiska och dari", "Körkortsteori för nyanlända", "Teorikurs inför körkort"),
        summaries=("Studiecirkel i körkortsteori med en ledare som förklarar på ditt språk.",),
        opening=("Körkort gör det lättare att få jobb, särskilt utanför de stora städerna.",),
        details=("I studiecirkeln går vi igenom trafikregler, vägmärken och riskbedömning.",
                 "Ledaren förklarar på ditt språk, men provet skrivs på svenska eller med ljudstöd.",
                 "Du får öva på provfrågor på datorn i lokalen.",
                 "Cirkeln träffas en gång i veckan i tolv veckor."),
        bullets=("Trafikregler", "Vägmärken", "Provfrågor", "Riskbedömning"),
        keywords=("körkort", "körkortsteori", "teoriprov", "trafikregler", "b-körkort"),
        roles=("Cirkelledare",), referrals=("self",), languages="native",
        eligibility=EligibilityPreset(min_age=(16, 18)),
        en=Texts(("Driving theory for newcomers",), ("A study circle in driving theory with a leader who explains in "
                                                     "your language.",), ()),
        ar=Texts(("نظرية رخصة القيادة",), ("حلقة دراسية في نظرية القيادة مع مرشد يشرح بلغتك.",), ()),
    ),
    Archetype(
        key="ensamkommande", weight=1.5, categories=("natverk", "radgivning"), target_groups=("ensamkommande", "unga"),
        owners=("kommun", "radda-barnen"), units=("socialtjänsten",), venues=("fritidsgard", "medborgarhus"),
        titles=("Stöd för ensamkommande unga", "Ungdomsgrupp för ensamkommande", "Kontaktperson för unga"),
        summaries=("Stöd och gemenskap för dig som kom till Sverige utan dina föräldrar.",),
        opening=("Du som kom till Sverige som ensamkommande kan få stöd även efter att du har fyllt 18 år.",),
        details=("Vi träffas varje vecka för att laga mat, prata och göra aktiviteter tillsammans.",
                 "Du kan få hjälp med myndighetskontakter, skola och boende.",
                 "Personalen har lång erfarenhet av att arbeta med unga som har flytt.",
                 "Du kan också få en egen kontaktperson att prata med."),
        bullets=("Gemenskap", "Stöd med myndigheter", "Kontaktperson", "Aktiviteter"),
        keywords=("ensamkommande", "unga", "stöd", "kontaktperson", "gemenskap"),
        roles=("Socialsekreterare", "Fritidsledare"), referrals=("self", "caseworker"), languages="support",
        eligibility=EligibilityPreset(min_age=(15, 16), max_age=(21, 25), residence=("ensamkommande",)),
        en=Texts(("Support for unaccompanied young people",), ("Support and community for young people who came to "
                                                               "Sweden without their parents.",), ()),
        ar=Texts(("دعم للشباب غير المصحوبين",), ("دعم ومجتمع للشباب الذين وصلوا إلى السويد بدون والديهم.",), ()),
    ),
    Archetype(
        key="lovaktiviteter", weight=2, categories=("idrott-fritid",), target_groups=("barn", "unga"),
        owners=("kommun", "rf-sisu", "svenska-kyrkan"), units=("kultur och fritid",),
        venues=("fritidsgard", "sporthall", "skola"),
        titles=("Sommarlovsaktiviteter i {ort}", "Lovaktiviteter för barn och unga", "Sommarkul"),
        summaries=("Gratis aktiviteter för barn och unga under sommarlovet: idrott, utflykter, simskola och "
                   "skapande.",),
        opening=("Under loven ordnar vi gratis aktiviteter för barn och unga i {ort}.",),
        details=("Det finns idrott, dans, utflykter till naturen och skapande verksamhet.",
                 "Vissa dagar åker vi på utflykt till badplatser och nationalparker.",
                 "Alla aktiviteter leds av utbildade ledare.",
                 "Programmet finns på flera språk på kommunens webbplats."),
        bullets=("Idrott och dans", "Utflykter", "Pyssel och skapande", "Simskola"),
        keywords=("sommarlov", "lovaktiviteter", "barn", "utflykt", "sommarkul"),
        roles=("Fritidsledare",), referrals=("self",), languages="sv",
        eligibility=EligibilityPreset(min_age=(6, 7), max_age=(15, 16, 18)),
        en=Texts(("Summer holiday activities in {ort}",), ("Free activities for children and young people during the "
                                                           "summer holiday.",), ()),
        ar=Texts(("أنشطة العطلة الصيفية في {ort}",), ("أنشطة مجانية للأطفال والشباب خلال العطلة الصيفية.",), ()),
    ),
    Archetype(
        key="aldre", weight=1, categories=("natverk",), target_groups=("aldre",),
        owners=("kommun", "svenska-kyrkan"), units=("äldreomsorgen",), venues=("forsamling", "medborgarhus"),
        titles=("Träffpunkt för äldre nyanlända", "Seniorcafé på flera språk"),
        summaries=("En mötesplats för äldre som är nya i Sverige, med fika, samtal och information om äldreomsorgen.",),
        opening=("Träffpunkten är till för dig som är äldre och ny i Sverige.",),
        details=("Vi fikar, pratar och gör korta promenader tillsammans.",
                 "Ibland kommer någon från äldreomsorgen och berättar om hemtjänst och färdtjänst.",
                 "Du får veta hur pensionen fungerar och vart du vänder dig med frågor."),
        bullets=("Fika och samtal", "Information om äldreomsorgen", "Pension"),
        keywords=("äldre", "pensionär", "seniorer", "hemtjänst", "färdtjänst"),
        roles=("Anhörigkonsulent", "Diakon"), referrals=("self",), languages="support",
        eligibility=EligibilityPreset(min_age=(60, 65)),
        en=Texts(("Meeting place for older newcomers",), ("A meeting place for older people who are new in Sweden.",),
                 ()),
        ar=Texts(("ملتقى لكبار السن القادمين الجدد",), ("مكان لقاء لكبار السن الجدد في السويد.",), ()),
    ),
    Archetype(
        key="funktionsnedsattning", weight=1, categories=("halsa", "radgivning"),
        target_groups=("funktionsnedsattning", "familjer"), owners=("kommun", "region"), units=("LSS-enheten",),
        venues=("medborgarkontor", "vardcentral"),
        titles=("Stöd för nyanlända med funktionsnedsättning", "Information om LSS och habilitering"),
        summaries=("Information och stöd för dig som är ny i Sverige och har en funktionsnedsättning, eller har "
                   "ett barn med funktionsnedsättning.",),
        opening=("Har du eller ditt barn en funktionsnedsättning? Här får du veta vilket stöd som finns.",),
        details=("Vi berättar om LSS, habiliteringen och hjälpmedel.",
                 "Du får hjälp att ansöka om stöd och att förstå besluten.",
                 "Vi samarbetar med habiliteringen i {lan}."),
        bullets=("LSS", "Habilitering", "Hjälpmedel"),
        keywords=("funktionsnedsättning", "lss", "habilitering", "hjälpmedel"),
        roles=("LSS-handläggare", "Kurator"), referrals=("self", "caseworker"), languages="support",
        en=Texts(("Support for newcomers with disabilities",), ("Information and support for newcomers with "
                                                                "disabilities and their families.",), ()),
        ar=Texts(("دعم القادمين الجدد ذوي الإعاقة",), ("معلومات ودعم للقادمين الجدد ذوي الإعاقة وعائلاتهم.",), ()),
    ),
    Archetype(
        key="medborgarkontor", weight=2, categories=("radgivning",), target_groups=("vuxna", "familjer", "aldre"),
        owners=("kommun",), units=("medborgarkontoret", "kontaktcenter"), venues=("medborgarkontor", "bibliotek"),
        titles=("Medborgarkontoret i {ort}", "Samhällsvägledning", "Hjälp med blanketter och myndigheter"),
        summaries=("Få hjälp att fylla i blanketter, förstå brev från myndigheter och hitta rätt i kommunen.",),
        opening=("På medborgarkontoret får du hjälp med frågor om kommunen och myndigheterna.",),
        details=("Samhällsvägledarna hjälper dig att förstå brev och fylla i blanketter.",
                 "Du kan få hjälp att boka tid hos Migrationsverket, Skatteverket och Försäkringskassan.",
                 "Det finns datorer och skrivare som du kan använda gratis.",
                 "Du kan komma utan att boka tid."),
        bullets=("Hjälp med blanketter", "Förklaring av brev", "Datorer och skrivare"),
        keywords=("medborgarkontor", "samhällsvägledning", "blanketter", "myndigheter", "brev"),
        roles=("Samhällsvägledare",), referrals=("self",), languages="support",
        en=Texts(("Citizens' office in {ort}",), ("Get help to fill in forms, understand letters from authorities "
                                                  "and find your way in the municipality.",), ()),
        ar=Texts(("مكتب المواطنين في {ort}",), ("احصل على مساعدة في ملء الاستمارات وفهم رسائل السلطات.",), ()),
    ),
)

# Associations and agencies that own entries across the country: folder slug -> (name, type, short name).
NATIONAL_OWNERS: dict[str, tuple[str, str, str]] = {
    "arbetsformedlingen": ("Arbetsförmedlingen", "myndighet", "Arbetsförmedlingen"),
    "forsakringskassan": ("Försäkringskassan", "myndighet", "Försäkringskassan"),
    "migrationsverket": ("Migrationsverket", "myndighet", "Migrationsverket"),
    "skatteverket": ("Skatteverket", "myndighet", "Skatteverket"),
    "roda-korset": ("Svenska Röda Korset", "ideell", "Röda Korset"),
    "radda-barnen": ("Rädda Barnen", "ideell", "Rädda Barnen"),
    "abf": ("ABF, Arbetarnas bildningsförbund", "ideell", "ABF"),
    "vuxenskolan": ("Studieförbundet Vuxenskolan", "ideell", "Vuxenskolan"),
    "sensus": ("Sensus studieförbund", "ideell", "Sensus"),
    "ibn-rushd": ("Studieförbundet Ibn Rushd", "ideell", "Ibn Rushd"),
    "svenska-kyrkan": ("Svenska kyrkan", "ideell", "Svenska kyrkan"),
    "rf-sisu": ("RF-SISU", "ideell", "RF-SISU"),
    "livraddningssallskapet": ("Svenska Livräddningssällskapet", "ideell", "Livräddningssällskapet"),
}
# Suppliers that Arbetsförmedlingen buys services from (fictitious names).
SUPPLIERS = ("Kompetensbron AB", "Vägen in AB", "Jobbsteget AB", "Nya steg i arbetslivet AB", "Framtidsporten AB")
