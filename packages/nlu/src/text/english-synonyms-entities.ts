/**
 * Kinds of names customers mention, one kind per line (a kind may take
 * several lines), written for Parley (not taken from any data set): "text
 * Kendra" and "text Jason" are the same request, and so are "weather in
 * Oregon" and "weather in Spain". Names that are also common words ("bill",
 * "mark", "grace", "may", "turkey", "jam") are left out, and so are names
 * that the stemmer makes another word ("citi" is "city" to it).
 * The first word of a line names the kind and is matched like the others,
 * so it is no common word: "placename", not "place".
 */
export const entitySynonyms = `
firstname aaron adam alan alex alexander alice amanda amy andrew angela anna anne anthony ashley barbara ben
firstname benjamin betty bob brandon brian carl carla carol caroline charles charlie chris christopher chuck
firstname daniel david deborah dennis diana donald donna dorothy edward elizabeth emily emma eric gary george
firstname greg hannah harry helen henry jacob james jane jason jeff jennifer jerry jessica jim joe john
firstname jonathan joseph joshua julia justin karen kate katie kelly kevin kim larry laura linda lisa lucas
firstname lucy maria matt matthew megan melissa michael michelle mike nancy nathan nick nicole olivia
firstname pamela patricia patrick paul peter rachel rebecca richard robert ron ryan sam samantha sandra sarah
firstname scott sean sharon sophia stephanie steve steven susan thomas tim timothy tom tony tyler victoria
firstname william zoe abigail adrian aiden allison amber andrea angel anita arthur austin barry becky bella
firstname beth blake bradley brenda brett brittany bruce caleb cameron carlos carmen carrie cathy chad chelsea
firstname chloe christina cindy claire colin connor craig crystal cynthia dale dana danielle darren dave
firstname dean debbie derek diane doug dylan eddie elena eli ella ellen emma eva evan fiona francis gabriel
firstname gavin gina glenn gloria gordon hailey heather holly howard ian isaac isabel ivan jackie jade
firstname jake jamie janet jared jasmine jay jean jenny jeremy jesse jill joan joanna joel jordan jose
firstname josh juan judy karl kathy keith ken kendra kenneth kyle lance leah lee leo leon liam
firstname lily logan lori louis luis luke lynn madison maggie marcus margaret marie marilyn mario marissa
firstname marty mason maya melanie mia miguel molly monica morgan natalie neil nina noah norman oliver
firstname oscar owen pedro phil philip phillip priya rafael ralph randy raymond rebekah ricardo
firstname rick rita roger ronald rosa ross roy ruby russell ruth sally sara seth shane shannon shawn
firstname sheila shirley simon sofia sonia stacy stanley stella stuart sydney tammy tara taylor teresa
firstname terry tessa theresa todd tracy travis trevor troy valerie vanessa vince vincent wade walter wanda
firstname wayne wendy wesley zach zachary
firstname abby ada agnes alana albert alexis alfred alicia alison allen alma alyssa amelia ana andre
firstname andy angelina annie antonio ariana ariel arnold audrey ava avery barb bernard beverly bianca
firstname billy bobby bonnie brad brady brendan briana bridget brooke bryan byron calvin camila candace carlos
firstname casey cassandra catherine cecilia cedric charlotte cheryl chester christian christine claudia clara
firstname clarence clayton clint cody colleen courtney curtis daisy damon danny darlene darryl deanna debra
firstname delilah denise derrick desmond devin diego dominic doris douglas dustin dwight edgar edith eileen
firstname elaine eleanor elijah elise eliza ellie elliot elsa emilio enrique erica erin ernest esther ethan
firstname eugene evelyn felix fernando florence francesca francisco frankie fred freddie gabriela gail garrett
firstname georgia gilbert giovanni giselle gwen hank harold harvey hector heidi herbert holly hugo ingrid
firstname irene isaiah isabella jackson jacqueline jacob javier jeanette jeffrey jenna jerome jillian jimmy
firstname joanne jocelyn johnny jonah jorge josephine joyce julian justine kaitlyn
firstname kara karen katherine kathleen kayla kendall kimberly kristen kristin kurt lana laurie lauren lawrence
firstname leonard leslie lillian lindsay lloyd lorenzo loretta louise lucia luna lydia mabel mackenzie madeline
firstname malcolm mandy manuel marcia marco marcy margo maria mariah marian marianne marilyn marlene martha
firstname martin marvin maureen maxine melvin meredith micah mildred mindy miranda mitchell monique
firstname muriel myra nadia naomi natasha nathaniel neal nelson nora norma olga omar oliver pablo paige pamela
firstname patsy paula pauline penelope percy perry peggy preston quentin quinn rachael ramon randall raquel
firstname raul regina renee reuben rhonda ricky riley roberta robin rodney roland ronnie rosemary roxanne
firstname rudy rylee sabrina sadie salvador sammy santiago savannah selena serena sergio sherry sidney silvia
firstname sonya spencer stacey stephen susie sylvia tabitha tamara tanya ted teddy terrence thelma
firstname tiffany timmy tina toby tommy tonya trent trisha ursula vera vernon veronica vicky victor viola
firstname virginia vivian wallace warren whitney wilbur willie winston xavier yolanda yvonne zane zelda
placename africa america asia australia europe european canada mexico brazil argentina chile peru colombia china
placename japan korea india pakistan russia ukraine germany france spain italy portugal greece egypt israel
placename england britain ireland scotland netherlands belgium sweden norway denmark finland poland switzerland
placename austria thailand vietnam indonesia philippines singapore malaysia dubai
placename alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
placename indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
placename missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
placename washington wisconsin wyoming
placename london paris berlin madrid rome lisbon tokyo beijing shanghai bangkok sydney toronto vancouver montreal
placename chicago boston seattle miami denver atlanta dallas houston phoenix portland detroit orlando vegas
placename nashville philadelphia baltimore brooklyn manhattan san_francisco los_angeles new_york new_orleans
placename san_diego hong_kong mumbai delhi cairo moscow istanbul amsterdam dublin
placename afghanistan albania algeria angola armenia azerbaijan bahamas bahrain bangladesh barbados belarus
placename belize bhutan bolivia bosnia botswana bulgaria cambodia cameroon costa_rica croatia cyprus czech_republic
placename czechia dominican_republic ecuador el_salvador estonia ethiopia fiji ghana guatemala haiti honduras
placename hungary iran iraq kazakhstan kuwait laos latvia lebanon libya lithuania luxembourg madagascar malta
placename mongolia montenegro mozambique myanmar namibia nepal nicaragua north_korea south_korea oman panama
placename paraguay puerto_rico qatar romania rwanda saudi_arabia senegal serbia slovakia slovenia somalia
placename sri_lanka sudan syria taiwan tanzania tunisia uganda united_states united_kingdom uruguay uzbekistan
placename venezuela yemen zambia zimbabwe tahiti bali bermuda aruba greenland sicily sardinia crete tasmania
placename new_hampshire new_jersey new_mexico north_carolina north_dakota south_carolina south_dakota rhode_island
placename west_virginia puerto_vallarta
placename akron albany allentown arlington asheville bakersfield baton_rouge birmingham boise boulder
placename burlington cambridge charleston chattanooga cheyenne colorado_springs corpus_christi dayton des_moines
placename durham el_paso eugene fargo fort_worth fresno grand_rapids greensboro hartford knoxville lansing
placename laredo lexington lincoln little_rock long_beach madison lubbock mesa modesto montgomery naperville
placename norfolk oklahoma_city orlando pasadena plano providence reno riverside rochester san_bernardino
placename santa_barbara santa_fe savannah scottsdale spokane springfield stamford syracuse tacoma tallahassee
placename toledo topeka trenton tempe wichita wilmington worcester yonkers juneau boise anaheim irvine
placename ottawa calgary edmonton winnipeg quebec halifax guadalajara monterrey tijuana acapulco
placename marseille lyon bordeaux frankfurt cologne naples seville valencia porto krakow
placename belgrade bucharest sofia kiev kyiv riga tallinn vilnius reykjavik bruges rotterdam antwerp salzburg
placename dubrovnik santorini mykonos accra casablanca tunis addis_ababa dar_es_salaam kampala
placename kathmandu dhaka karachi lahore islamabad bangalore chennai kolkata hyderabad colombo kuala_lumpur
placename phuket chiang_mai ho_chi_minh saigon osaka kyoto busan shenzhen guangzhou chengdu macau perth
placename brisbane adelaide wellington christchurch quito caracas montevideo medellin cartagena cusco
placename albuquerque anchorage austin charlotte cincinnati cleveland columbus honolulu indianapolis jacksonville
placename kansas_city las_vegas louisville memphis milwaukee minneapolis newark oakland omaha pittsburgh raleigh
placename richmond sacramento salt_lake_city san_antonio san_jose st_louis tampa tucson tulsa
placename barcelona venice florence milan munich vienna prague budapest warsaw athens zurich geneva brussels
placename copenhagen stockholm oslo helsinki edinburgh glasgow manchester liverpool seoul taipei hanoi manila
placename jakarta sydney melbourne auckland rio sao_paulo buenos_aires lima bogota santiago havana cancun
placename lagos nairobi johannesburg cape_town marrakech morocco kenya nigeria jamaica cuba iceland new_zealand
placename hong_kong antarctica south_america north_america middle_east caribbean
foodstuff pizza pasta burger hamburger sandwich salad soup steak chicken beef pork fish salmon tuna shrimp
foodstuff rice bread cheese egg eggs milk butter sugar salt pepper flour potato potatoes tomato onion garlic
foodstuff apple apples banana grapes fruit vegetables carrots beans noodles tacos sushi curry chocolate cake
foodstuff cookies pie ice_cream yogurt coffee tea beer wine juice cereal bacon ham sausage mustard ketchup
foodstuff mayonnaise vinegar honey peanut donut donuts fries dumplings oranges waffles pancakes muffin bagel
foodstuff lasagna spaghetti ravioli burrito enchilada quesadilla nachos salsa guacamole hummus falafel kebab
foodstuff ramen pho tofu lamb veal duck lobster crab oyster clams scallops cod tilapia broccoli spinach lettuce
foodstuff cucumber zucchini mushroom mushrooms corn peas avocado lemon lime strawberry strawberries blueberries
foodstuff peach pear pineapple mango watermelon cherries raisins almonds walnuts oatmeal granola cinnamon
foodstuff vanilla ginger basil oregano cream yogurt brownie brownies cupcake cupcakes cheesecake casserole
foodstuff meatloaf meatballs chili stew omelet toast biscuits gravy cornbread smoothie soda lemonade
foodstuff pierogi gumbo jambalaya paella risotto gnocchi fettuccine alfredo carbonara pesto lasagne
foodstuff macaroni mac_and_cheese meatloaf pot_roast brisket ribs pulled_pork fried_chicken chicken_wings
foodstuff hot_dog hotdog cheeseburger quiche frittata crepe crepes croissant baguette scone scones biscotti
foodstuff tiramisu pudding custard flan mousse sorbet gelato popsicle fudge caramel marshmallow cookie
foodstuff jello granola_bar pretzel pretzels popcorn crackers tortilla tortillas taco enchiladas
foodstuff fajitas tamales chimichanga empanada ceviche kimchi bibimbap bulgogi teriyaki tempura udon soba
foodstuff pad_thai fried_rice egg_rolls spring_rolls dim_sum wonton lo_mein chow_mein kung_pao tikka_masala
foodstuff naan biryani samosa dal couscous tabbouleh shawarma gyro pita baklava borscht goulash schnitzel
foodstuff bratwurst sauerkraut fondue poutine chowder bisque gazpacho minestrone coleslaw potato_salad
foodstuff asparagus cauliflower cabbage celery kale eggplant beets radish squash pumpkin sweet_potato yam
foodstuff apricot plum kiwi papaya coconut cranberries raspberries blackberries grapefruit tangerine
foodstuff cashews pecans pistachios hazelnuts quinoa barley lentils chickpeas oats tofu tempeh
foodstuff turkey_breast chicken_breast pork_chop pork_chops sirloin ribeye filet_mignon meatball
foodstuff mozzarella cheddar parmesan feta brie ricotta cream_cheese sour_cream buttermilk margarine
foodstuff syrup maple_syrup molasses nutmeg paprika cumin thyme parsley cilantro dill
foodstuff baking_soda baking_powder yeast cornstarch gelatin cocoa espresso latte cappuccino milkshake
restaurantname olive_garden applebees red_lobster outback ihop mcdonalds burger_king
restaurantname taco_bell kfc starbucks dominos pizza_hut papa_johns chipotle panera dunkin arbys popeyes
restaurantname cheesecake_factory texas_roadhouse buffalo_wild_wings tgi_fridays cracker_barrel waffle_house
restaurantname in_n_out shake_shack chick_fil_a panda_express red_robin longhorn
restaurantname ruth_chris pf_changs dairy_queen little_caesars jimmy_johns jersey_mikes qdoba del_taco
restaurantname carls_jr hardees whataburger white_castle krispy_kreme tim_hortons sonic_drive_in
bankname usaa bmo truist suntrust keybank fifth_third huntington_bank citizens_bank regions_bank
bankname synchrony sofi credit_karma
storename macys nordstrom kohls jcpenney sears lowes rite_aid dollar_general dollar_tree sams_club publix
storename wegmans hyvee meijer heb old_navy gamestop petsmart petco office_depot
storename sephora ulta marshalls tj_maxx ross_stores foot_locker dicks_sporting_goods
airline klm qantas air_canada aeromexico virgin_atlantic singapore_airlines cathay_pacific turkish_airlines
airline hawaiian_airlines allegiant sun_country westjet
currency usd eur euro euros cad gbp jpy yen peso pesos rupee rupees yuan bitcoin krona won rand ruble
bankname chase wells_fargo citibank bank_of_america capital_one barclays hsbc santander td_bank pnc
bankname us_bank navy_federal ally schwab fidelity vanguard discover_card american_express
storename walmart target costco amazon ebay ikea kroger safeway walgreens cvs home_depot best_buy trader_joes
storename whole_foods aldi etsy
carmake ford toyota honda chevy chevrolet nissan bmw audi tesla subaru hyundai kia volkswagen mazda jeep dodge
carmake lexus mercedes volvo porsche buick cadillac chrysler
airline delta united_airlines american_airlines southwest jetblue lufthansa british_airways air_france emirates
airline ryanair easyjet alaska_airlines spirit_airlines frontier_airlines
streamingservice netflix spotify hulu youtube pandora itunes apple_music disney_plus hbo prime_video
language english spanish french german italian chinese japanese russian portuguese arabic korean hindi
language mandarin cantonese dutch swedish norwegian danish finnish polish greek turkish hebrew thai
language vietnamese indonesian tagalog swahili latin irish urdu bengali punjabi persian farsi
`;
