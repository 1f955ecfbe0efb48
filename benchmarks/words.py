"""Word lists the generator draws from: plain data in a fixed order (never sets).

A block holds items separated by newlines or `` | ``. ``id: text`` items become pairs;
a grouped block has ``key:`` lines, each followed by indented item lines.
"""

from __future__ import annotations


def split(block: str) -> tuple[str, ...]:
    """Items of a block, in order."""
    lines = block.strip().splitlines()
    return tuple(item.strip() for line in lines for item in line.split(" | "))


def pairs(block: str) -> tuple[tuple[str, str], ...]:
    """``id: text`` items of a block, in order."""
    return tuple((item.split(": ")[0], item.split(": ")[1]) for item in split(block))


def grouped(block: str) -> dict[str, tuple[str, ...]]:
    """A ``key:`` line, then indented lines of items; as a mapping in line order."""
    out: dict[str, tuple[str, ...]] = {}
    key = ""
    for line in block.strip().splitlines():
        if line.startswith(" "):
            out[key] += split(line)
        else:
            key = line.rstrip(":")
            out[key] = ()
    return out


STAGES = pairs("""
plan: Plan the visit | arrive: Arrive and park | in-park: In the park | dine: Eat and drink
depart: Head home | return: Come back again
""")
CHANNELS = split("in-person | app | web | phone | email | chat | social | signage | kiosk | mail")
KEYS = split("safety | courtesy | inclusion | show | efficiency")
SYSTEMS = split("cast | setting | process")
STAGE_CHANNELS = grouped("""
plan:
    web | app | phone | email | chat | social | mail
arrive:
    in-person | signage | kiosk | app
in-park:
    in-person | in-person | app | signage | kiosk
dine:
    in-person | app | kiosk
depart:
    in-person | signage | app
return:
    email | web | social | mail | app | phone
""")
ONSTAGE = grouped("""
plan:
    Browse ticket prices | Book a hotel package | Download the park app
    Link tickets to an account | Read the accessibility guide | Reserve dining online
    Call the reservations line | Compare annual passes | Watch the preview video
    Check the crowd calendar | Buy parking in advance | Chat with trip support
arrive:
    Pay at the parking toll | Follow parking signs | Ride the parking tram | Pass the bag check
    Scan tickets at the turnstile | Rent a stroller | Pick up a park map
    Ask at guest relations | Collect an access pass
in-park:
    Queue for the coaster | Join the virtual queue | Watch the parade | Meet a character
    Find a restroom | Refill a water bottle | Check wait times | Ride the flagship attraction
    Shop for souvenirs | Take a castle photo | Rest in the shade | Visit first aid
    Report a lost child | Watch the fireworks | Buy a ride photo
dine:
    Order on the mobile app | Wait for a table | Ask about allergens | Pick up a quick meal
    Buy a snack at a cart | Pay the bill | Find a food court seat
    Celebrate a birthday dinner
depart:
    Walk back to the car | Ride the tram to parking | Return the stroller
    Pick up packages at the exit | Leave through the main gate | Find the car in the lot
    Catch the resort bus
return:
    Answer the guest survey | Share photos online | Renew the annual pass | Plan the next visit
    Read the thank-you email | Redeem a return offer | Write a review
""")
BACKSTAGE = grouped("""
plan:
    Forecast daily attendance | Publish the crowd calendar | Load dining availability
    Train reservation agents
arrive:
    Dispatch parking trams | Staff bag check lanes | Open turnstiles on time
    Stock the stroller rental
in-park:
    Brief the attraction crew | Update the wait time feed | Restock water stations
    Clean restrooms on rounds | Clear the parade route | Dispatch the custodial team
    Radio a lost child alert
dine:
    Prep the kitchen before opening | Update the allergen database
    Route mobile orders to kitchens | Restock snack carts
depart:
    Sweep the parking lot | Run the tram schedule | Stage packages for pickup
return:
    Analyse survey results | Send thank-you emails | Review guest feedback
""")
PLACES = split("""
in Frontier Land | at Harbor Square | by the castle | at the west gate | at the resort hotel
in Tomorrow Land | near the lagoon | on busy days | after dark | for large parties
""")
OWNERS = split("""
parking-ops | guest-relations | attractions | food-beverage | custodial | entertainment
merchandise | digital | reservations | security | transport | marketing | resort-ops | health-safety
""")
SURNAMES = split("""
Ramirez | Okafor | Nguyen | Schmidt | Patel | Kowalski | Haddad | Tanaka | Johansson | Moreau
Silva | Murphy | Cohen | Rossi | Kim | Adeyemi
""")
GUEST_GROUPS = split("""
Thrill-seeking teens | Budget-minded grandparents | First-time visitors from abroad
Annual pass regulars | Honeymoon couple | Wheelchair user and partner | School group chaperones
Solo photographer | Parents with a newborn | Family with a sensory-sensitive child
Birthday party of ten | Local weekday visitors
""")
CAST_ROLES = split("""
Parking lot cast member | Night shift attraction operator | Quick-service kitchen lead
Custodial host in Frontier Land | Guest relations agent | Tram driver | Bag check security officer
Parade performer | Reservations call agent
""")
PARTIES = split("""
Two parents and three kids | A retired couple | Four teenage friends | A single parent with twins
Three generations of one family | A couple in their twenties | A teacher with thirty students
A grandmother and her grandson
""")
VISITS = split("""
on their first visit after a long drive | visiting every other weekend
back for the first time in ten years | on a once-in-a-lifetime trip
squeezing the park into a business trip | celebrating a special birthday
""")
MOTIVES = split("""
hoping to see every parade | determined to ride everything twice
trying to keep costs under control | wanting a calm and easy day
looking for the perfect family photo | worried about the crowds and the heat
""")
CAST_SUMMARIES = split("""
Works long shifts and needs the right information before guests ask for it.
Keeps the area safe and tidy while guests stream past all day.
Handles the rush between noon and two with a small crew.
Answers the questions no sign covers and fixes problems on the spot.
""")
QUOTES = split("""
We saved two years for this. | Just tell me how long the line is.
If the kids are happy, we are happy. | I want to see the castle lit up at night.
Every minute in a queue is a minute lost. | Give me the tools and I will make it magic.
""")
HOMES = split("local | in state | out of state | overseas")
VISIT_COUNTS = split("first | occasional | regular | annual pass")
BUDGETS = split("tight | moderate | generous")
ATTENTION = split("""
young-children | first-visit | mobility-aid | dietary-needs | hearing-loss | large-party | budget
celebration | non-native-speaker | sensory-sensitive
""")
