/**
 * Kinds of names customers mention, one kind per line (a kind may take
 * several lines), written for Parley (not taken from any data set): "text
 * Kendra" and "text Jason" are the same request, and so are "weather in
 * Oregon" and "weather in Spain". Names that are also common words ("bill",
 * "mark", "grace", "may", "turkey", "jam") are left out.
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
place africa america asia australia europe european canada mexico brazil argentina chile peru colombia china
place japan korea india pakistan russia ukraine germany france spain italy portugal greece egypt israel
place england britain ireland scotland netherlands belgium sweden norway denmark finland poland switzerland
place austria thailand vietnam indonesia philippines singapore malaysia dubai
place alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
place indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
place missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
place washington wisconsin wyoming
place london paris berlin madrid rome lisbon tokyo beijing shanghai bangkok sydney toronto vancouver montreal
place chicago boston seattle miami denver atlanta dallas houston phoenix portland detroit orlando vegas
place nashville philadelphia baltimore brooklyn manhattan san_francisco los_angeles new_york new_orleans
place san_diego hong_kong mumbai delhi cairo moscow istanbul amsterdam dublin
place albuquerque anchorage austin charlotte cincinnati cleveland columbus honolulu indianapolis jacksonville
place kansas_city las_vegas louisville memphis milwaukee minneapolis newark oakland omaha pittsburgh raleigh
place richmond sacramento salt_lake_city san_antonio san_jose st_louis tampa tucson tulsa
place barcelona venice florence milan munich vienna prague budapest warsaw athens zurich geneva brussels
place copenhagen stockholm oslo helsinki edinburgh glasgow manchester liverpool seoul taipei hanoi manila
place jakarta sydney melbourne auckland rio sao_paulo buenos_aires lima bogota santiago havana cancun
place lagos nairobi johannesburg cape_town marrakech morocco kenya nigeria jamaica cuba iceland new_zealand
place hong_kong antarctica south_america north_america middle_east caribbean
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
currency usd eur euro euros cad gbp jpy yen peso pesos rupee rupees yuan bitcoin krona won rand ruble
bankname chase wells_fargo citibank bank_of_america capital_one barclays hsbc santander td_bank pnc
bankname us_bank navy_federal ally schwab fidelity vanguard discover_card american_express
storename walmart target costco amazon ebay ikea kroger safeway walgreens cvs home_depot best_buy trader_joes
storename whole_foods aldi etsy
carmake ford toyota honda chevy chevrolet nissan bmw audi tesla subaru hyundai kia volkswagen mazda jeep dodge
carmake lexus mercedes volvo porsche buick cadillac chrysler
airline delta united_airlines american_airlines southwest jetblue lufthansa british_airways air_france emirates
airline ryanair easyjet alaska_airlines spirit_airlines frontier_airlines
service netflix spotify hulu youtube pandora itunes apple_music disney_plus hbo prime_video
language english spanish french german italian chinese japanese russian portuguese arabic korean hindi
language mandarin cantonese dutch swedish norwegian danish finnish polish greek turkish hebrew thai
language vietnamese indonesian tagalog swahili latin irish urdu bengali punjabi persian farsi
`;
