/**
 * Everyday words for the same idea, one group per line, written for Parley
 * (not taken from any data set). The first word names the group; "_" joins
 * the words of a two-word entry. Words about money and orders are in
 * english-synonyms-support.ts.
 */
export const everydaySynonyms = `
good great nice excellent fine awesome fantastic amazing cool best superb decent
bad poor terrible awful horrible worst lousy dreadful negative sucks
time hour hours clock minute minutes o_clock
date day calendar
schedule appointment arrange plan booking
reservation reserve booking book table seat seats seated
meeting meet appointment conference session
remind reminder remember forget forgot recall memo bear_in_mind keep_in_mind
list checklist items agenda
todo task tasks chore chores errand errands to_do
music song songs tune tunes playlist album artist band singer
play put_on listen
next skip following
repeat again pardon rephrase say_again come_again
volume loud louder quiet quieter sound mute softer
speed faster slower pace quicker speedier
language english spanish french german italian chinese japanese russian portuguese arabic korean hindi mandarin
translate translation interpret say_in
meaning mean means definition define defined denote signify
name nickname
bot robot ai machine chatbot siri alexa cortana artificial automated virtual_assistant
create created creator maker develop developed developer design designed designer invent invented inventor manufacture manufacturer
job employer boss employed company office career superior supervisor manager
weather rain rainy snow snowy sunny forecast temperature hot cold cloudy storm wind windy humid umbrella
travel trip journey tour tourist abroad visit traveling
vacation holiday pto leave time_off day_off days_off
safe safety safely danger dangerous risk risky secure security threat advisory
flight fly flying plane airplane airline airport departure depart landing takeoff boarding_pass plane_ticket
hotel motel inn lodging accommodation resort hostel
car vehicle auto automobile truck suv van sedan
rent rental hire lease
gas gasoline fuel petrol diesel unleaded octane
tire tires wheel wheels flat_tire
food meal dinner lunch breakfast eat dish cuisine snack supper brunch eating
cook cooking bake baking roast grill fry boil microwave oven
recipe instructions how_to_make
restaurant eatery diner cafe bistro pub
substitute substitution replace replacement swap switch instead alternative interchangeable
health healthy nutrition nutritional calories calorie fat protein sugar carbs vitamins diet sodium
expire expiry expiration expired spoil spoiled rotten stale go_bad
distance far away miles kilometers mile how_far
directions direction route navigate navigation map get_to
location where whereabouts gps coordinates position
share send give
phone cell cellphone mobile smartphone iphone android
device tablet laptop gadget
connect pair sync link bluetooth hook_up synchronize
reset restore default factory reboot restart
light lights lamp bulb thermostat heating air_conditioning furnace heater
measure measurement inch inches feet foot meter meters centimeter pound pounds kilogram kg ounce ounces cup cups gallon liter unit celsius fahrenheit pint pints quart quarts gram grams teaspoon teaspoons tablespoon tablespoons
calculate calculation calculator compute math plus minus divided multiply subtract square_root percent divisible
random flip coin toss heads tails roll dice choose
joke jokes funny laugh humor hilarious pun comedy
fact facts trivia tidbit fun_fact
hello hi hey greetings howdy good_morning good_evening good_afternoon hiya wassup sup yo hola aloha bonjour salutations
goodbye bye farewell see_you ciao goodnight good_night peace_out adios tootles
thanks thank thx appreciate appreciated grateful gratitude cheers gracias merci obliged
yes yeah yep yup sure correct true affirmative absolutely certainly okay ok indeed exactly agreed accepted
no nope nah negative incorrect false never nay negatory naw nada
maybe perhaps possibly unsure uncertain unclear might not_sure idk dunno no_idea no_clue
age old older birthday born
origin hometown homeland native grew_up come_from
pet pets dog dogs cat cats animal animals puppy kitten creature creatures companion elephant horse bird
hobby hobbies leisure pastime free_time spare_time
purpose meaning reason existence exist
busy crowded packed wait_time crowd queue
traffic congestion jam commute road roads highway
holiday holidays christmas thanksgiving easter halloween
ride uber lyft taxi cab pickup
alarm wake wake_up
timer countdown stopwatch
whisper quietly softly
accent voice pronunciation dialect
spell spelling spelled letters
visa passport immigration permit
vaccine vaccination shot shots immunization inoculation
plug outlet socket adapter converter voltage
luggage bag bags baggage suitcase suitcases carry_on backpack
shopping groceries grocery store supermarket
clean wash cleaning laundry vacuum dishes
word term phrase expression
sick ill illness disease symptom symptoms pain hurt
doctor physician clinic hospital nurse medical dentist
home house apartment
kid kids child children son daughter baby
family mother father mom dad parent parents wife husband brother sister
friend friends buddy pal mate
week weekend weekly monday tuesday wednesday thursday friday saturday sunday
month monthly january february march april may june july august september october november december
today tonight tomorrow yesterday now currently
morning afternoon evening night
small little tiny
big large huge bigger
easy simple easily
hard difficult tough
happy glad pleased delighted
sad unhappy sorry
explain describe clarify
start begin launch activate
stop end quit pause halt
broken not_work out_of_order
most highest maximum largest greatest
coordinates latitude longitude gps
mileage mpg fuel_economy fuel_efficiency miles_per_gallon
prefer preferred preference favorite
like love enjoy fond
able capable ability abilities capabilities
know knowledge aware familiar
answer reply respond response
hear listen
keep store preserve
fridge freezer refrigerator
battery dead jumpstart jump_start
tv television telly
city town
nearest closest nearby near close_by local
understand comprehend
boring dull
hungry starving
country nation
year annual yearly
game games video_game video_games playstation xbox nintendo
household detergent kleenex tissues paper_towels toilet_paper soap shampoo toothpaste supplies
timezone time_zone time_zones gmt utc
celebration birthday anniversary wedding party celebrate graduation
medicine medication prescription pill pills drug drugs
`;
