/**
 * Everyday words for the same idea, one group per line, written for Parley
 * (not taken from any data set). The first word names the group (a long
 * group goes on over lines that start with its name); "_" joins the words
 * of an entry of two or three words. Words about money and orders are in
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
repeat again pardon rephrase say_again come_again did_not_hear did_not_catch one_more_time
volume loud louder quiet quieter sound mute softer can_not_hear noise noisy unmute
speed faster slower pace quicker speedier
language english spanish french german italian chinese japanese russian portuguese arabic korean hindi mandarin
translate translation interpret say_in
meaning mean means definition define defined denote signify
name nickname known_as go_by refer_to referred_to introduce_yourself address_me address_you title
bot robot ai machine chatbot siri alexa cortana artificial automated virtual_assistant
create created creator maker develop developed developer design designed designer invent invented inventor manufacture manufacturer
create programmed programmer
job employer boss employed company office career superior supervisor manager employment
weather rain rainy snow snowy sunny forecast temperature hot cold cloudy storm wind windy humid umbrella
weather atmospheric meteorological chilly breezy foggy drizzle thunderstorm hurricane tornado hail sleet
weather raining snowing sunshine
travel trip journey tour tourist abroad visit traveling
vacation holiday pto leave time_off day_off days_off
vacation sick_day sick_days sick_leave personal_day personal_days paid_time_off
safe safety safely danger dangerous risk risky secure security threat advisory hazard hazards
flight fly flying plane airplane airline airport departure depart landing takeoff boarding_pass plane_ticket
flight boarding_time
hotel motel inn lodging accommodation resort hostel
car vehicle auto automobile truck suv van sedan
rent rental hire lease
gas gasoline fuel petrol diesel unleaded octane refuel refueling regular_gas premium_gas
tire tires wheel wheels flat_tire spare_tire tread treads puncture punctured blowout
food meal dinner lunch breakfast eat dish cuisine snack supper brunch eating
cook cooking bake baking roast grill fry boil microwave oven reheat heat_up prep preparation prepare
recipe instructions how_to_make
restaurant eatery diner cafe bistro pub steakhouse pizzeria
substitute substitution replace replacement swap switch instead alternative interchangeable sub_out use_instead
health healthy nutrition nutritional fat protein sugar carbs vitamins diet sodium nutrient nutrients nutritious
calorie calories kcal caloric
expire expiry expiration expired spoil spoiled rotten stale go_bad valid_until valid_through good_through
distance far away miles kilometers mile how_far travel_time drive_time driving_time
directions direction route navigate navigation map get_to quickest_way fastest_way best_route
location where whereabouts gps coordinates position
share send give
phone cell cellphone mobile smartphone iphone android
device tablet laptop gadget pc desktop
connect pair sync link bluetooth hook_up synchronize
reset restore default factory reboot restart revert go_back_to original originally factory_settings
light lights lamp bulb thermostat heating air_conditioning furnace heater
measure measurement inch inches feet foot meter meters centimeter pound pounds kilogram kg ounce ounces cup cups gallon liter unit celsius fahrenheit pint pints quart quarts gram grams teaspoon teaspoons tablespoon tablespoons
calculate calculation calculator compute math plus minus divided multiply subtract square_root percent divisible
calculate algebra arithmetic divide split_evenly equals equal_to
random flip coin toss heads tails roll dice choose
joke jokes funny laugh humor hilarious pun comedy
fact facts trivia tidbit fun_fact
hello hi hey greetings howdy good_morning good_evening good_afternoon hiya wassup sup yo hola aloha bonjour salutations
hello what_is_up how_are_you how_are_things how_have_you how_is_everything good_day are_you_well
hello doing_well how_is_life
goodbye bye farewell see_you ciao goodnight good_night peace_out adios tootles
goodbye see_ya see_you_later catch_you_later talk_later talk_soon take_care gotta_go have_to_go need_to_go
goodbye nice_talking nice_chatting sayonara ta_ta take_it_easy outta_here got_to_run gotta_run
thanks thank thx appreciate appreciated grateful gratitude cheers gracias merci obliged
thanks owe_you_one much_obliged good_job well_done nice_work great_job
yes yeah yep yup sure correct true affirmative absolutely certainly okay ok indeed exactly agreed accepted
yes uh_huh mhm all_right alright sounds_good that_works that_is_right you_got_it yeap
no nope nah negative incorrect false never nay negatory naw nada
no not_true not_right not_correct definitely_not not_really no_thanks no_thank_you
maybe perhaps unsure uncertain unclear might not_sure idk dunno no_idea no_clue
maybe either_one either_way think_about_it who_knows can_not_say hard_to_say it_depends depends
maybe drawing_a_blank no_earthly_idea
age old older birthday born birth birthdate date_of_birth
origin hometown homeland native grew_up come_from birthplace place_of_birth grow_up came_from nationality
pet pets dog dogs cat cats animal animals puppy kitten creature creatures companion elephant horse bird
hobby hobbies leisure pastime free_time spare_time interested_in your_interests
purpose meaning reason existence exist sentience point_of_life
busy crowded packed wait_time crowd queue busiest wait_times long_wait
traffic congestion jam commute road roads highway
holiday holidays christmas thanksgiving easter halloween
holiday long_weekend new_year new_years memorial_day labor_day independence_day fourth_of_july valentines
holiday presidents_day veterans_day hanukkah kwanzaa diwali ramadan passover
ride uber lyft taxi cab pickup rideshare ride_share carpool chauffeur
alarm wake wake_up get_up snooze
timer countdown stopwatch
whisper quietly softly indoor_voice inside_voice
accent voice pronunciation dialect british australian cockney southern_accent
spell spelling spelled letters
visa passport immigration permit
vaccine vaccination shot shots immunization inoculation
plug outlet socket adapter converter voltage
luggage bag bags baggage suitcase suitcases carry_on backpack
shopping groceries grocery store supermarket market
clean wash cleaning laundry vacuum dishes
word term phrase expression
sick ill illness disease symptom symptoms pain hurt
doctor physician clinic hospital nurse medical dentist
home house apartment
kid kids child children son daughter baby
family mother father mom dad parent parents wife husband brother sister
friend friends buddy pal mate
week weekend weekly monday tuesday wednesday thursday friday saturday sunday
month monthly january february march april june july august september october november december
today tonight tomorrow yesterday now currently
morning afternoon evening night
small little tiny
big large huge bigger
easy simple easily
hard difficult tough
happy glad delighted
sad unhappy sorry
explain describe clarify
start begin launch activate
stop end quit pause halt
broken not_work out_of_order
most highest maximum largest greatest
coordinates latitude longitude gps
mileage mpg fuel_economy fuel_efficiency miles_per_gallon fuel_consumption gas_mileage
prefer preferred preference favorite
like love enjoy fond
able capable ability abilities capabilities skill skills skillset
know knowledge aware familiar
answer reply respond response
hear listen
keep store preserve
fridge freezer refrigerator
battery dead jumpstart jump_start jumper_cables booster_cables will_not_start
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
