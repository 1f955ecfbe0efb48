"""Compass and journey text the generator draws from (see words.py for the block format).

Compass ids are unique across NEEDS, CAST_NEEDS, WANTS, CAST_WANTS, STEREOTYPES and
EMOTIONS, so a persona's four compass lists never clash.
"""

from __future__ import annotations

from benchmarks.words import pairs, split

NEEDS = pairs("""
hydration: Water and shade in the afternoon heat | restrooms: Clean restrooms near the rides
rest: A place to sit down and rest | wayfinding: Clear signs to find the way
meals: Affordable food at regular times | first-aid: Quick help when someone is hurt
child-safety: Keeping the children in sight | step-free: Step-free routes for a wheelchair
charging: Somewhere to charge a phone | find-car: Finding the car at the end of the day
clear-prices: Knowing the full price up front | safe-rides: Rides that feel safe
quiet-space: A quiet space away from the noise | allergen-info: Reliable allergen information
baby-care: Somewhere to feed and change a baby | weather-cover: Cover when it rains
""")
CAST_NEEDS = pairs("""
shift-schedule: A clear shift schedule a week ahead | radio: A radio that works
break-room: A break room close to the post | briefing: A briefing before the gates open
spare-stock: Spare stock before the rush | backup: Backup when the queue grows
""")
WANTS = pairs("""
bottled-water: Cold bottled water on every corner | short-waits: Big rides without long queues
mobile-order: Ordering food from the phone | photo-spots: Good spots for family photos
front-parking: Parking close to the entrance | character-time: Unhurried time with characters
fast-exit: A quick way out after the fireworks | live-waits: Live wait times in the app
healthy-food: Healthy options for the kids | stroller-parking: Safe stroller parking
souvenir-delivery: Souvenirs delivered to the hotel | reserved-seats: Reserved parade seats
""")
CAST_WANTS = pairs("""
shorter-shifts: Shorter shifts in the summer | app-alerts: Alerts on the work phone
recognition: Recognition from the lead | swap-shifts: Swapping shifts easily
""")
STEREOTYPES = pairs("""
nickel-and-dime: Parks nickel-and-dime you | long-lines: You spend the day in lines
not-for-adults: Theme parks are only for kids | overcrowded: It is always overcrowded
bad-food: Park food is bland and overpriced | magic: Everything just works like magic
friendly-cast: The cast are always friendly | exhausting: A park day is exhausting
""")
POSITIVE_STEREOTYPES = split("magic | friendly-cast")
EMOTIONS = pairs("""
anticipation: Excited but anxious about planning | delight: Delighted by the small touches
relief: Relieved when things go smoothly | pride: Proud to give the family this day
wonder: Full of wonder at the show | belonging: Feeling welcome and looked after
frustration: Frustrated by waiting | fatigue: Tired and hot by mid afternoon
confusion: Confused about where to go | worry: Worried about the cost
overwhelm: Overwhelmed by the crowds
""")
NEGATIVE_EMOTIONS = split("frustration | fatigue | confusion | worry | overwhelm")
DOING = split("""
Checking the app for wait times | Pushing a stroller through the crowd
Reading the map at a signpost | Counting heads before moving on | Standing in a long line
Looking for a place to sit | Juggling bags and drinks | Taking photos of the kids
Asking a cast member for directions | Paying with a phone | Comparing prices on the menu
""")
CAST_DOING = split("""
Radioing the lead for backup | Restocking before the rush | Reading the shift briefing
Counting guests at the load point | Clearing the path for the parade | Logging an incident
""")
CONTEXTS = split("""
in the midday heat | with a tired toddler | while it starts to rain | after a long day
with friends in tow | in a hurry | just before closing time | on a quiet morning
""")
GOOD_THOUGHTS = split("""
The kids are going to love this. | This is exactly what I pictured.
We have to come back next year. | That was easier than I expected.
I could stay here all day. | They thought of everything.
""")
BAD_THOUGHTS = split("""
Is this worth the price? | Where is the nearest restroom? | We should have booked earlier.
How much longer do we have to wait? | I hope we can find the car later.
Did we miss the parade? | I wish someone had told us sooner.
""")
CAST_GOOD_THOUGHTS = split("This shift is going smoothly. | The guests look happy today.")
CAST_BAD_THOUGHTS = split("""
I need another pair of hands here. | Nobody told me the ride was down.
I hope the stock lasts until close.
""")
PAINS = split("""
Queue longer than the posted time | No shade in the line | Signs point the wrong way
Prices not shown until the till | App crashed at the gate | Restroom closed for cleaning
Nowhere to sit while waiting | Tram arrives full | Cannot recall the parking row
Menu has no allergen details | Staff could not answer the question | Lost the group in the crowd
""")
OPPORTUNITIES = split("""
Show live wait times at the entrance | Add misting fans to the queue
Print the parking row on the ticket | Post prices beside the menu | Offer a quiet room
Send a reminder before the parade | Train cast on allergen questions
Add benches along the route | Run an extra tram after the fireworks
Let guests save their spot in the app
""")
WOWS = split("""
A cast member walks the family to their car | A free sticker for the birthday child
A character waves from the balcony | Cold water handed out in the line
A custodial artist draws in water on the path | A surprise upgrade to the parade seats
""")
LEVELS = split("low | medium | high")
