"""Benchmark corpora written from templates: diplomatic reports in the seeds' style, and a
mixed news stream where most articles are sport, markets and weather.

    .venv/bin/python bench/corpus.py diplomatic 500 -o diplomatic.jsonl
    .venv/bin/python bench/corpus.py mixed 2000 -o mixed.jsonl        # JSON Lines for `comity extract`

    from corpus import articles
    docs = articles("mixed", 1000)                # list[comity.model.Article], deterministic

Everything is invented (names, clubs, figures); the countries are real. Each report uses the
wire layout of ../shared/seeds (` date YYYY-MM-DD DATELINE — body — AGENCY`) and runs to
200-400 words, the length of the seeds and dev reports. The templates are written to read
like news, not to dodge comity's fast path: sport reports name national teams and say
"praised" and "meet", market reports name countries, governors and agreements, weather
reports name neighbouring states, as such reports do. Same kind, count and seed: same texts.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# the mixed stream: one diplomatic report in ten, the rest what a general news feed carries
MIX = (("diplomatic", 0.10), ("sport", 0.35), ("markets", 0.30), ("weather", 0.25))

# ---- diplomatic reports ----------------------------------------------------------------------------

# code, name as written, demonym, dateline capital, capital as written, defence minister, foreign minister
STATES = [
    ("VNM", "Việt Nam", "Vietnamese", "HÀ NỘI", "Hà Nội", "General Phan Văn Giang", "Bùi Thanh Sơn"),
    ("LAO", "Laos", "Lao", "VIENTIANE", "Vientiane", "Senior Lieutenant General Khamliang Outhakaysone",
     "Thongsavanh Phomvihane"),
    ("KHM", "Cambodia", "Cambodian", "PHNOM PENH", "Phnom Penh", "General Tea Seiha", "Sok Chenda Sophea"),
    ("IDN", "Indonesia", "Indonesian", "JAKARTA", "Jakarta", "Sjafrie Sjamsoeddin", "Sugiono"),
    ("JPN", "Japan", "Japanese", "TOKYO", "Tokyo", "Gen Nakatani", "Takeshi Iwaya"),
    ("IND", "India", "Indian", "NEW DELHI", "New Delhi", "Rajnath Singh", "Subrahmanyam Jaishankar"),
    ("KOR", "South Korea", "South Korean", "SEOUL", "Seoul", "Kim Yong-hyun", "Cho Tae-yul"),
    ("MYS", "Malaysia", "Malaysian", "KUALA LUMPUR", "Kuala Lumpur", "Mohamed Khaled Nordin",
     "Mohamad Hasan"),
    ("PHL", "the Philippines", "Philippine", "MANILA", "Manila", "Gilberto Teodoro Jr.", "Enrique Manalo"),
    ("AUS", "Australia", "Australian", "CANBERRA", "Canberra", "Richard Marles", "Penny Wong"),
    ("THA", "Thailand", "Thai", "BANGKOK", "Bangkok", "Phumtham Wechayachai", "Maris Sangiampongsa"),
    ("SGP", "Singapore", "Singaporean", "SINGAPORE", "Singapore", "Chan Chun Sing", "Vivian Balakrishnan"),
    ("FRA", "France", "French", "PARIS", "Paris", "Sébastien Lecornu", "Jean-Noël Barrot"),
    ("RUS", "Russia", "Russian", "MOSCOW", "Moscow", "Andrei Belousov", "Sergei Lavrov"),
]
AGENCY = {"VNM": "VNS", "LAO": "KPL", "KHM": "AKP", "IDN": "Antara", "JPN": "Kyodo", "IND": "PTI",
          "KOR": "Yonhap", "MYS": "Bernama", "PHL": "PNA", "AUS": "AAP", "THA": "TNA", "SGP": "CNA",
          "FRA": "AFP", "RUS": "TASS"}
DOMAINS = ["military and defence law", "defence industry", "search and rescue at sea", "military medicine",
           "peacekeeping", "cyber security", "training of officers", "border management", "maritime security",
           "humanitarian assistance and disaster relief"]
DIPLOMATIC_EXTRA = [
    "The two sides stressed the importance of maintaining peace, stability, security and freedom of navigation "
    "and overflight in the region, and of settling disputes by peaceful means on the basis of international law.",
    "Over the past decades, the relationship between {a} and {b} has grown from exchanges of delegations to "
    "regular consultations at every level, and the two governments now describe each other as reliable partners.",
    "The {db} side briefed its hosts on preparations for the regional summit it will chair next year and on "
    "its priorities for economic recovery, connectivity and food security in the region.",
    "{a} has expanded its {field} ties with partners in the region in recent years, and officials say the "
    "exchanges of students, cadets and experts have been among the most valued parts of that work.",
    "Both ministers said the people-to-people exchanges, tourism and education links between the two "
    "countries provided a solid foundation for the relationship, and called for more direct flights.",
    "The {da} side highlighted the role of the two countries' border provinces in keeping the shared border "
    "peaceful and in fighting smuggling, drug trafficking and illegal migration.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "11th", "12th"]


def _date(rng: random.Random) -> dt.date:
    return dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))


def _surname(name: str) -> str:
    return name.split()[-1].rstrip(".") if not name.endswith("Jr.") else name.split()[-2]


def diplomatic_report(rng: random.Random, n: int) -> str:
    a, b = rng.sample(STATES, 2)
    published = _date(rng)
    day = published.strftime("%B ") + str(published.day)
    weekday = WEEKDAYS[published.weekday() % 5]
    when = rng.choice([f"on {day}", f"on {weekday}", "on Tuesday", "yesterday"])
    defence = rng.random() < 0.7
    office = "Defence Minister" if defence else "Foreign Minister"
    name_a, name_b = (a[5], b[5]) if defence else (a[6], b[6])
    sa, sb = _surname(name_a), _surname(name_b)
    field = "defence" if defence else "bilateral"
    y = published.year
    kind = rng.choice(["talks", "talks", "call", "visit"])
    paras = []
    if kind == "call":
        paras.append(f"{a[2]} {office} {name_a} held a phone conversation {when} with his {b[2]} counterpart "
                     f"{name_b}, during which the two ministers agreed to maintain high-level exchanges and to "
                     f"deepen the traditional ties between their countries.")
    elif kind == "visit":
        paras.append(f"{office} {name_a} arrived in {b[4]} {when} for a three-day official visit to {b[1]} at "
                     f"the invitation of his {b[2]} counterpart {name_b}.")
        paras.append(f"During the visit, {sa} held talks with {sb} and called on the {b[2]} Prime Minister.")
    else:
        paras.append(f"{office} {name_a} held talks with his {b[2]} counterpart {name_b} in {a[4]} {when} "
                     f"during the latter's official visit to {a[1]}.")
    paras.append(rng.choice([
        f"{sa} congratulated {b[1]} on its successful organisation of the ASEAN Defence Ministers' Meeting and "
        f"other related meetings, saying they had contributed to the region's solidarity and standing.",
        f"{sa} extended his congratulations to {b[1]} on the {rng.choice(ORDINALS)} anniversary of the "
        f"establishment of diplomatic relations between the two countries.",
        f"{sb} thanked {a[1]} for its support and expressed his sympathy for the losses caused by recent "
        f"storms and floods in {a[1]}.",
        f"The two ministers reviewed the outcomes of {field} cooperation over the past year and exchanged views "
        f"on regional and international issues of mutual concern.",
    ]))
    paras.append(rng.choice([
        f"Both sides acknowledged that {a[1]}-{b[1]} {field} cooperation, particularly the implementation of "
        f"the protocol on {field} cooperation for the {y - 4}–{str(y)[2:]} period, has yielded substantive "
        f"outcomes in recent years.",
        f"Both sides noted that the {field} cooperation plan for {y} had been carried out effectively, with "
        f"delegation exchanges, training courses and joint exercises completed on schedule.",
        "Highlights include a higher level of political trust, stronger solidarity between the armed forces "
        "of both countries, more diverse cooperation mechanisms and greater focus on human resource training.",
    ]))
    paras.append(rng.choice([
        f"Looking ahead, the two ministers agreed to carry out the {field} cooperation plan for {y + 1} and to "
        f"enhance the effectiveness of the {field} policy dialogue mechanism.",
        f"The two sides agreed to hold the {rng.choice(ORDINALS)} {a[1]}-{b[1]} strategic defence dialogue in "
        f"{b[4]} later this year and to step up cooperation in {rng.choice(DOMAINS)}.",
        f"{sb} invited {sa} to visit {b[1]} at a convenient time, and {sa} accepted the invitation with "
        f"pleasure.",
        "The ministers pledged to coordinate closely at multilateral forums, including the ADMM-Plus and the "
        "Shangri-La Dialogue, and to support each other's candidacies at international organisations.",
    ]))
    paras.append(rng.choice([
        "Collaboration on political work will be strengthened, with an emphasis on promoting awareness of the "
        "history and significance of the special relationship between the two peoples.",
        "The region faces rising tensions at sea, competition among major powers and the effects of climate "
        "change, which call for dialogue, restraint and respect for international law.",
        "Trade between the two countries reached a record last year, and both governments want investment in "
        "energy, logistics and digital technology to grow further.",
    ]))
    paras += [t.format(a=a[1], b=b[1], da=a[2], db=b[2], field=field) for t in rng.sample(DIPLOMATIC_EXTRA, 2)]
    if kind != "call" and rng.random() < 0.6:
        paras.append(f"Following the talks, the two ministers signed a Memorandum of Understanding on "
                     f"cooperation in {rng.choice(DOMAINS)}.")
    if rng.random() < 0.5:
        paras.append(f"Earlier, {sb} laid a wreath at a monument to fallen soldiers and visited a training "
                     f"centre of the {a[2]} army.")
    body = "\n\n".join(paras)
    return f" date {published.isoformat()} {a[3]} — {body} — {AGENCY[a[0]]}"


# ---- sport ----------------------------------------------------------------------------------------

CLUBS = ["Riverside United", "Northport City", "Eastfield Rovers", "Harbour Town", "Kingsbridge Athletic",
         "Westmoor Wanderers", "Lakeside FC", "Ironbridge Albion", "Southgate Rangers", "Hillcrest Villa"]
FIRST = ["Marco", "Luis", "Kenji", "Daniel", "Ahmed", "Tomas", "Jonas", "Rafael", "Minh", "Samuel", "Yusuf",
         "Pedro", "Hugo", "Ivan", "Oscar", "Ryo", "Ali", "Nikola"]
LAST = ["Alvarez", "Brennan", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Santos",
        "Petrov", "Nguyen", "Eriksen", "Mendes", "Fischer", "Costa", "Ward", "Ibrahim", "Rossi"]
NATIONS = ["Brazil", "Argentina", "Japan", "South Korea", "Thailand", "Australia", "France", "Spain",
           "Germany", "Italy", "Mexico", "Morocco", "Indonesia", "Việt Nam", "Saudi Arabia", "Nigeria"]
CITIES = ["Riverside", "Northport", "Eastfield", "Harbour Town", "Kingsbridge", "Westmoor"]


SPORT_EXTRA = [
    "The match was played in heavy rain, and the pitch cut up badly in the second half, which slowed the "
    "passing game both sides prefer and led to a string of late tackles and yellow cards.",
    "Statistics compiled by the league showed the home side had 58 percent of possession and 14 shots, five of "
    "them on target, against eight shots and three on target for the visitors.",
    "The result leaves the title race wide open with ten rounds to go: four points separate the top four, and "
    "the leaders still have to play all three of their closest rivals away from home.",
    "Supporters unveiled a giant banner before kick-off to mark the club's centenary, and former players were "
    "introduced to the crowd at half-time to a standing ovation.",
    "The referee was criticised by both benches after a penalty appeal was turned down in stoppage time, and "
    "the league said it would review the incident with the video assistant on Monday.",
    "Fitness has been a concern all season: the squad has had more than a dozen muscle injuries since August, "
    "and the medical staff have changed the training schedule to cut the risk.",
]
MARKETS_EXTRA = [
    "Volumes in the derivatives market picked up in the afternoon as traders rolled over positions ahead of "
    "the monthly expiry, and implied volatility on index options rose to a three-week high.",
    "Smaller companies underperformed, with the small-cap gauge down for a fourth straight session as "
    "borrowing costs weigh on firms that rely on bank credit.",
    "Copper and aluminium prices rose on the metals exchange on hopes of stronger construction activity, "
    "helping mining shares recover part of last week's losses.",
    "Among the day's biggest movers, a shipping group slumped after warning that freight rates had fallen "
    "faster than expected, while a software maker rallied on a new contract with a regional bank.",
    "Foreign investors sold a net 120 million dollars' worth of shares, extending their selling streak to "
    "seven sessions, exchange figures showed.",
    "Consumer prices rose 2.8 percent from a year earlier in the latest reading, slightly above the median "
    "forecast, as food and transport costs climbed.",
]
WEATHER_EXTRA = [
    "Forecasters said visibility on mountain passes could drop below 50 metres in the early morning, and "
    "drivers were advised to avoid night travel on the main highway until conditions improve.",
    "Water levels on the main rivers are rising and are expected to peak on Sunday at about half a metre "
    "below the first alert level, the hydrological service said.",
    "Authorities in several districts have opened schools and community halls as temporary shelters and "
    "stocked them with drinking water, rice and medicine.",
    "The weather service said the average temperature this month has been 1.4 degrees above the long-term "
    "norm, continuing a run of unusually warm months.",
    "Air quality in the capital worsened to unhealthy levels as the still air trapped dust and smoke from "
    "crop burning, and residents were advised to wear masks outdoors.",
    "Ferry services to the islands were suspended and about 300 passengers were stranded at the port "
    "overnight, the port authority said.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sport_report(rng: random.Random, n: int) -> str:
    published = _date(rng)
    kind = rng.choice(["league", "league", "league", "international", "tennis"])
    p1, p2, coach = _person(rng), _person(rng), _person(rng)
    m1, m2 = rng.randint(5, 44), rng.randint(46, 89)
    paras = []
    if kind == "international":
        h, v = rng.sample(NATIONS, 2)
        dateline = "SYDNEY" if rng.random() < 0.5 else "DOHA"
        paras.append(f"{h} came from behind to beat {v} 2-1 in an international friendly last night, extending "
                     f"the hosts' unbeaten run to {rng.randint(3, 9)} matches.")
        paras.append(f"The visitors took the lead in the {m1}th minute when winger {p1} cut inside from the left "
                     f"and curled a shot past the goalkeeper.")
        paras.append(f"{h} pressed hard after the break. Substitute striker {p2} headed home from a corner in "
                     f"the {m2}th minute, and the winner came from the edge of the box with eight minutes left.")
        paras.append(f"Head coach {coach} praised his players' fighting spirit and said the match had been a "
                     f"useful test ahead of the continental championship later this year.")
        paras.append("The two teams are due to meet again in a second friendly on Friday.")
    elif kind == "tennis":
        dateline = rng.choice(["MELBOURNE", "PARIS", "LONDON", "NEW YORK"])
        paras.append(f"Top seed {p1} reached the quarter-finals with a 6-3 7-6 win over {p2} on a hot afternoon "
                     f"on the main court, his {rng.randint(10, 25)}th straight win of the season.")
        paras.append(f"The world number {rng.randint(1, 5)} dropped serve only once and saved four break points "
                     f"in the second set before clinching the tie-break 7-4.")
        paras.append("\"It was tough out there, the ball was flying and I had to stay patient,\" he told "
                     "reporters. \"I'm happy with how I handled the big points.\"")
        paras.append("He will face either a qualifier or the 12th seed for a place in the semi-finals, and "
                     "has not lost a set at the tournament.")
    else:
        home, away = rng.sample(CLUBS, 2)
        dateline = rng.choice(CITIES).upper()
        g1, g2 = rng.randint(0, 4), rng.randint(0, 3)
        paras.append(f"{home} {'beat' if g1 > g2 else 'drew with' if g1 == g2 else 'lost to'} {away} {g1}-{g2} "
                     f"on Saturday in front of a crowd of {rng.randint(12, 60)},000, "
                     f"{'moving up to' if g1 >= g2 else 'staying'} {rng.choice(['third', 'fifth', 'seventh'])} "
                     f"in the league table.")
        paras.append(f"{p1} opened the scoring in the {m1}th minute with a low shot into the far corner after a "
                     f"quick exchange of passes on the edge of the area.")
        paras.append(f"{away} had chances to level before half-time, but the goalkeeper made two fine saves and "
                     f"a header from {p2} struck the crossbar.")
        paras.append(f"Coach {coach} said his side had shown character. \"We knew it would be a hard game, the "
                     f"players stuck to the plan and the fans pushed us on,\" he said.")
        paras.append(f"The club confirmed that defender {_person(rng)} would miss the next three matches with a "
                     f"hamstring injury picked up in training on Thursday.")
        paras.append(f"{home} travel to {rng.choice(CITIES)} next weekend, while {away} host the league leaders "
                     f"on Sunday.")
    paras += rng.sample(SPORT_EXTRA, 2)
    paras.append(rng.choice([
        "Ticket sales for the rest of the season have risen sharply, the organisers said, and several matches "
        "are already sold out.",
        "Broadcasters reported record audiences for the round, with streaming figures up by a fifth on last "
        "season.",
        "Attendance figures have recovered to their highest level in a decade after a renovation of the stands.",
    ]))
    return f" date {published.isoformat()} {dateline} — " + "\n\n".join(paras) + f" — {rng.choice(['AFP', 'Reuters', 'AP'])}"


# ---- markets --------------------------------------------------------------------------------------

INDICES = ["the benchmark index", "the blue-chip index", "the broader market", "the technology index"]
SECTORS = ["banks", "miners", "energy stocks", "property developers", "chipmakers", "retailers", "airlines"]
COMPANIES = ["Northwind Holdings", "Bluewater Energy", "Silverline Bank", "Apex Semiconductors",
             "Greenfield Retail", "Summit Airways", "Orion Mining", "Harbor Logistics"]
ECONOMIES = ["China", "Japan", "Germany", "India", "South Korea", "Brazil", "Indonesia", "Australia"]


def markets_report(rng: random.Random, n: int) -> str:
    published = _date(rng)
    up = rng.random() < 0.5
    pct = f"{rng.uniform(0.2, 2.5):.1f}"
    company = rng.choice(COMPANIES)
    economy = rng.choice(ECONOMIES)
    paras = [
        f"Shares {'rose' if up else 'fell'} on {WEEKDAYS[published.weekday() % 5]}, with {rng.choice(INDICES)} "
        f"closing {pct} percent {'higher' if up else 'lower'} as investors weighed fresh inflation data and "
        f"the outlook for interest rates.",
        f"{rng.choice(SECTORS).capitalize()} led the {'gains' if up else 'losses'}, while "
        f"{rng.choice(SECTORS)} moved {'lower' if up else 'higher'} against the trend. Trading volumes were "
        f"about {rng.randint(5, 30)} percent below the 30-day average.",
        f"{company} jumped {rng.uniform(2, 12):.1f} percent after reporting quarterly profit well above analysts' "
        f"forecasts and raising its dividend, its chief executive citing strong demand and lower costs.",
        f"Oil prices {'climbed' if up else 'slipped'} to {rng.uniform(65, 90):.2f} dollars a barrel on "
        f"expectations of {'tighter' if up else 'looser'} supply, and gold traded near "
        f"{rng.randint(2300, 2900)} dollars an ounce.",
    ]
    paras.append(rng.choice([
        f"Data released earlier showed factory output in {economy} grew at its fastest pace in "
        f"{rng.randint(3, 18)} months, easing worries about global demand.",
        "The central bank kept its policy rate unchanged at its meeting last week, and its governor said "
        "further cuts would depend on how quickly price pressures eased.",
        f"Exporters gained after the currency weakened to a {rng.randint(3, 12)}-month low against the dollar, "
        f"which makes their goods cheaper abroad.",
        f"Analysts said a trade agreement between the European Union and {economy} announced last month was "
        f"already lifting shipping and logistics shares.",
    ]))
    paras.append(rng.choice([
        "Bond yields edged down, with the ten-year yield falling three basis points.",
        "Government bond yields were little changed ahead of an auction of five-year notes on Thursday.",
        "The yield on ten-year bonds rose to its highest level since March.",
    ]))
    paras.append(rng.choice([
        "\"The market is looking for direction, and until the inflation picture is clearer, rallies will be "
        "short-lived,\" said a strategist at a brokerage in the city.",
        "Fund managers said they were adding to positions in defensive sectors such as utilities and "
        "healthcare, expecting volatility to stay high into the end of the quarter.",
        "Retail investors were net buyers for a fifth straight session, according to exchange data.",
    ]))
    paras[4:4] = rng.sample(MARKETS_EXTRA, 2)
    dateline = rng.choice(["SINGAPORE", "HONG KONG", "LONDON", "NEW YORK", "TOKYO", "SYDNEY"])
    return f" date {published.isoformat()} {dateline} — " + "\n\n".join(paras) + f" — {rng.choice(['Reuters', 'Bloomberg', 'AFP'])}"


# ---- weather --------------------------------------------------------------------------------------

REGIONS = ["the northern provinces", "the central highlands", "the coastal districts", "the southern plains",
           "the mountain areas", "the river delta"]


def weather_report(rng: random.Random, n: int) -> str:
    published = _date(rng)
    region, other = rng.sample(REGIONS, 2)
    kind = rng.choice(["rain", "heat", "cold", "storm"])
    if kind == "rain":
        lead = (f"Heavy rain is forecast to continue over {region} until the end of the week, with "
                f"{rng.randint(100, 300)} millimetres expected in some places, the national weather service "
                f"said yesterday.")
        more = ("Flash floods and landslides are possible on steep slopes, and residents of low-lying areas "
                "have been told to move livestock and belongings to higher ground.")
    elif kind == "heat":
        lead = (f"Temperatures in {region} are expected to reach {rng.randint(37, 42)} degrees Celsius on "
                f"Thursday as a heatwave tightens its grip, forecasters said.")
        more = ("Hospitals reported a rise in cases of heatstroke among outdoor workers, and schools have "
                "shortened afternoon classes until the heat eases.")
    elif kind == "cold":
        lead = (f"A strong cold air mass moving south is expected to reach {region} tonight, sending temperatures "
                f"down to between {rng.randint(4, 8)} and {rng.randint(9, 12)} degrees Celsius by Friday.")
        more = ("Frost could form in the high mountains, and farmers have been urged to cover seedbeds and keep "
                "cattle in sheltered stalls.")
    else:
        lead = (f"Tropical storm {rng.choice(['Kalmaegi', 'Noru', 'Yagi', 'Trami', 'Bualoi'])} strengthened "
                f"overnight and is expected to make landfall over {region} on {WEEKDAYS[rng.randrange(5)]}, "
                f"bringing winds of up to {rng.randint(90, 150)} kilometres an hour.")
        more = ("Fishing boats have been ordered back to port, and flights at two regional airports were "
                "cancelled as a precaution.")
    paras = [lead, more]
    paras.append(rng.choice([
        f"Rainfall in {other} has been about {rng.randint(20, 60)} percent below average this season, and "
        f"reservoir levels remain low.",
        f"In {other}, skies will stay mostly clear, with light winds and cool mornings.",
        f"Conditions in {other} are expected to improve from the weekend as the system weakens.",
    ]))
    paras.append(rng.choice([
        "The weather system is similar to those that hit neighbouring Thailand and Laos last week, causing "
        "widespread flooding there.",
        "Meteorologists said the pattern was linked to warmer than usual sea surface temperatures in the "
        "western Pacific.",
        "Forecasters said the cold front would meet a band of moist easterly winds, bringing drizzle and fog "
        "for most of the week.",
        "The disaster management agency said rescue teams and supplies had been positioned in the districts "
        "most at risk.",
    ]))
    paras.append(rng.choice([
        "Tourism operators reported cancellations at beach resorts, but mountain towns saw strong bookings.",
        "Electricity demand hit a record on Tuesday afternoon as households ran air conditioners.",
        "Farmers said the weather had delayed the harvest by about two weeks.",
    ]))
    paras[2:2] = rng.sample(WEATHER_EXTRA, 3)
    paras.append("The conditions are expected to last until early next week.")
    dateline = rng.choice(["HÀ NỘI", "BANGKOK", "MANILA", "JAKARTA", "TAIPEI"])
    return f" date {published.isoformat()} {dateline} — " + "\n\n".join(paras) + f" — {rng.choice(['VNS', 'AFP', 'Xinhua'])}"


WRITERS = {"diplomatic": diplomatic_report, "sport": sport_report, "markets": markets_report,
           "weather": weather_report}


def texts(kind: str, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) pairs: `kind` is diplomatic, sport, markets, weather, or mixed (see MIX)."""
    rng = random.Random(f"{kind}:{seed}")
    out = []
    for n in range(count):
        if kind == "mixed":
            roll, this = rng.random(), MIX[-1][0]
            for name, share in MIX:
                if roll < share:
                    this = name
                    break
                roll -= share
        else:
            this = kind
        if this not in WRITERS:
            raise ValueError(f"unknown corpus kind {kind!r}; use one of {', '.join([*WRITERS, 'mixed'])}")
        out.append((f"{this}-{n:05d}", WRITERS[this](rng, n)))
    return out


def articles(kind: str, count: int, seed: int = 7) -> list:
    """comity Articles read from the texts exactly as `comity extract` would read them."""
    from comity.ingest.plaintext import read_text

    return [read_text(text, id=id) for id, text in texts(kind, count, seed)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=[*WRITERS, "mixed"])
    ap.add_argument("count", type=int)
    ap.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: standard output)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    for id, text in texts(args.kind, args.count, args.seed):
        out.write(json.dumps({"id": id, "text": text}, ensure_ascii=False) + "\n")
    if args.output:
        out.close()


if __name__ == "__main__":
    main()
