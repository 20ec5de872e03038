/**
 * More words for the same idea across the everyday domains an assistant
 * meets, written for Parley (not taken from any data set), in the format of
 * english-synonyms-support.ts: one group per line, the first word naming the
 * group (a long group goes on over lines that start with its name), "_"
 * joining the words of an entry of two or three words. Words for the groups
 * of the other files are in those files.
 *
 * Each group holds words a customer would use in place of one another for
 * the same request. A word with several common senses stays out ("check",
 * "charge", "room", "interest"), and so does a word whose stem is another
 * word's ("tired" is "tire" to the stemmer): it would tie requests that have
 * nothing to do with each other.
 */

/** Banking, cards, credit, bills and taxes. */
const money = `
checkingaccount checking_account current_account everyday_account
savingsaccount savings_account saving_account nest_egg
routingnumber routing_number aba_number transit_number sort_code
checkbook checkbooks check_book paper_checks
atm atms cash_machine cashpoint
transaction transactions account_activity recent_activity card_activity
statement statements bank_statement account_statement monthly_statement
overdraft overdrafts overdrawn overdraw insufficient_funds
paymentapp venmo zelle paypal cash_app apple_pay google_pay
autopay auto_pay automatic_payment automatic_payments recurring_payment direct_debit
deadline due due_date due_by cutoff last_day
creditline credit_limit spending_limit credit_line line_of_credit
creditreport credit_report credit_history credit_file credit_rating credit_score fico_score
retirement retirement_account pension ira roth_ira 401k 403b
taxform w2 w4 tax_form tax_forms wage_statement tax_document tax_documents
healthplan health_insurance health_plan medical_plan dental_plan vision_plan health_coverage health_benefits medical_coverage
deductible deductibles copay copays co_pay out_of_pocket
dispute disputed disputing
reissue reissued replacement_card new_card
enable enabled activate activated activation
redeem redemption cash_in use_my_points spend_points
invest investment investments stock_market brokerage portfolio mutual_fund
harm harmful ruin ruined ding dinged
`;

/** Travel, flights, hotels and getting around. */
const travel = `
ticket tickets fare fares airfare plane_ticket plane_tickets
roundtrip round_trip return_trip return_ticket
oneway one_way single_ticket
layover layovers stopover stop_over connecting_flight
nonstop non_stop direct_flight
gate concourse
landing land landed touch_down touchdown
sightseeing sights attraction attractions landmark landmarks tourist_spot tourist_spots must_see points_of_interest
sightseeing entertainment museum museums gallery galleries zoo aquarium
embassy consulate consular
foreign international overseas abroad
carryon carry_on carry_ons hand_luggage cabin_bag cabin_baggage personal_item overhead_bin
trip getaway excursion
destination destinations
lodging hotel_room place_to_stay somewhere_to_stay
transit bus buses subway metro public_transit public_transportation on_foot
`;

/** Cars: maintenance, fuel, tires and parking. */
const cars = `
maintenance servicing serviced tune_up tuneup checkup check_up inspection
mechanic mechanics auto_shop repair_shop body_shop car_shop dealership
motoroil motor_oil engine_oil lube synthetic_oil
oilchange oil_change oil_changed oil_changes lube_job oil_service
engine motor check_engine engine_light
brake brakes braking brake_pads rotors
wiper wipers windshield windscreen
tirepressure pressure psi air_pressure inflate inflated underinflated pump pump_up air_up
tank gas_tank fuel_tank fuel_level gas_level fuel_gauge gas_gauge
parking parking_lot parking_spot parking_space
`;

/** Home, utilities and devices. */
const home = `
heat heating heater furnace radiator
aircon ac air_conditioning air_conditioner
turnon turn_on switch_on power_on
turnoff turn_off switch_off power_off shut_off
brightness dim dimmer brighten brighter
appliance appliances dishwasher washer dryer washing_machine stove toaster blender fan fans ceiling_fan
wifi wireless broadband router modem hotspot internet_connection
outage outages blackout power_outage power_cut downtime offline
plumbing plumber leak leaking leaky pipe pipes faucet drain clogged
garbage trash rubbish recycling waste
lawn yard mow mowing
door doorbell door_bell knocking front_door
setup set_up configure
disconnect unsync unpair unlink
speaker speakers headphones earphones earbuds headset airpods
screen monitor touchscreen
charger chargers charging_cable power_cord
printer ink toner scanner
`;

/** Cooking, food and eating out. */
const food = `
ingredient ingredients component components made_of made_from consist_of goes_into
spice spices seasoning seasonings herb herbs
leftover leftovers
shelflife shelf_life stay_fresh stays_fresh keep_fresh still_good go_bad goes_bad gone_bad spoil spoils spoiled rotten stale
dietary vegetarian vegan plant_based meatless gluten_free dairy_free keto paleo
allergy allergic allergies intolerance intolerant
drink drinks beverage beverages
alcohol alcoholic booze liquor cocktail cocktails
dessert desserts sweets
tasty delicious yummy flavorful
takeout take_out takeaway carryout
ethnicfood italian_food chinese_food mexican_food thai_food indian_food japanese_food french_food greek_food korean_food vietnamese_food
eatout eat_out eating_out dine_out dining_out place_to_eat somewhere_to_eat
mealidea what_to_eat what_to_cook what_to_make dinner_ideas meal_ideas
`;

/** Work, school, calendars, lists and reminders. */
const work = `
timesheet timesheets time_card timecard hours_worked clock_in clock_out
colleague colleagues coworker coworkers teammate teammates
personnel human_resources
meetingroom meeting_room conference_room boardroom meeting_space
usedup used_up gone_through depleted burned_through
school college university homework semester
event events occasion occasions engagement engagements
reschedule rescheduled postpone postponed push_back
planner diary datebook
upcoming coming_up forthcoming approaching
early earlier ahead_of_time beforehand in_advance
often frequently how_often frequency regularly
usually typically normally generally on_average
finish finished mark_done check_off
readout read_out read_back go_over run_through recite what_is_on
note notes jot_down write_down take_note
procedure procedures steps
`;

/** Shopping, music, films and kinds of things. */
const everyday = `
cart basket shopping_cart
restock reorder replenish stock_up
gift gifts gift_card giftcard
postage shipping_cost shipping_fee delivery_fee shipping_charge
clothes clothing apparel outfit shirt shirts pants dress jacket coat sweater
genre genres jazz hip_hop rap classical blues reggae techno punk
movie movies film films cinema
kind kinds type types sort sorts variety varieties
topic topics subject subjects
gender male female man_voice woman_voice
sleep sleeping asleep nap bedtime
`;

/** Talking with the assistant. */
const conversation = `
clever intelligent genius brilliant
insult stupid dumb idiot useless moron
apology apologize apologies apologise
confused confusing puzzled baffled
lonely alone lonesome
rename renamed change_name new_name
quiet shush hush shh be_quiet shut_up stop_talking
giggle chuckle crack_me_up
holdon hang_on one_moment one_second just_a_moment
continue resume keep_going proceed
`;

export const generalSynonyms = [money, travel, cars, home, food, work, everyday, conversation].join("\n");
