/**
 * British spellings and their American forms, so that "colour" and "color"
 * are one word to the classifier and to keywords. Suffix rules alone would
 * turn "four" into "for" or "promise" into "promize", so the "-our", "-re"
 * and doubled-l words are listed; only "-ise" and "-yse" have a rule, with
 * the words it must leave alone.
 */
const britishToAmerican = new Map<string, string>(
  Object.entries({
    aeroplane: "airplane",
    aeroplanes: "airplanes",
    ageing: "aging",
    aluminium: "aluminum",
    analyse: "analyze",
    analysed: "analyzed",
    analysing: "analyzing",
    behaviour: "behavior",
    behaviours: "behaviors",
    cancelled: "canceled",
    cancelling: "canceling",
    catalogue: "catalog",
    catalogues: "catalogs",
    centre: "center",
    centres: "centers",
    cheque: "check",
    cheques: "checks",
    chequebook: "checkbook",
    colour: "color",
    colours: "colors",
    coloured: "colored",
    cosy: "cozy",
    counsellor: "counselor",
    defence: "defense",
    dialled: "dialed",
    dialling: "dialing",
    endeavour: "endeavor",
    enquire: "inquire",
    enquired: "inquired",
    enquiries: "inquiries",
    enquiry: "inquiry",
    enrol: "enroll",
    enrolment: "enrollment",
    favour: "favor",
    favourite: "favorite",
    favourites: "favorites",
    fibre: "fiber",
    flavour: "flavor",
    flavours: "flavors",
    fuelled: "fueled",
    fulfil: "fulfill",
    fulfilment: "fulfillment",
    grey: "gray",
    harbour: "harbor",
    honour: "honor",
    humour: "humor",
    instalment: "installment",
    instalments: "installments",
    jewellery: "jewelry",
    judgement: "judgment",
    labelled: "labeled",
    labour: "labor",
    licence: "license",
    litre: "liter",
    litres: "liters",
    manoeuvre: "maneuver",
    marvellous: "marvelous",
    metre: "meter",
    metres: "meters",
    modelling: "modeling",
    mould: "mold",
    neighbour: "neighbor",
    neighbours: "neighbors",
    offence: "offense",
    paediatric: "pediatric",
    pyjamas: "pajamas",
    programme: "program",
    programmes: "programs",
    rumour: "rumor",
    savour: "savor",
    sceptical: "skeptical",
    storey: "story",
    theatre: "theater",
    travelled: "traveled",
    traveller: "traveler",
    travellers: "travelers",
    travelling: "traveling",
    tyre: "tire",
    tyres: "tires",
    vapour: "vapor",
    paralyse: "paralyze",
    // "cancelation" is a common misspelling of the word both sides of the Atlantic write the same.
    cancelation: "cancellation",
  }),
);

/** Words ending in "-ise" that are not the British form of an "-ize" verb. */
const trueIseWords = new Set([
  "advertise",
  "advise",
  "chastise",
  "comprise",
  "compromise",
  "concise",
  "despise",
  "devise",
  "disguise",
  "enterprise",
  "exercise",
  "expertise",
  "franchise",
  "improvise",
  "merchandise",
  "noise",
  "otherwise",
  "praise",
  "precise",
  "premise",
  "promise",
  "raise",
  "revise",
  "rise",
  "sunrise",
  "supervise",
  "surmise",
  "surprise",
  "televise",
  "wise",
  "likewise",
  "clockwise",
  "cruise",
  "bruise",
  "poise",
  "guise",
  "treatise",
  "arise",
  "demise",
  "excise",
  "incise",
  "reprise",
  "paradise",
]);

const iseEndings: readonly (readonly [string, string])[] = [
  ["isations", "izations"],
  ["isation", "ization"],
  ["ising", "izing"],
  ["ised", "ized"],
  ["ises", "izes"],
  ["iser", "izer"],
  ["ise", "ize"],
];

function americanizeIse(word: string): string {
  for (const [british, american] of iseEndings) {
    if (!word.endsWith(british)) continue;
    const stem = word.slice(0, -british.length);
    // Short stems ("rise", "wise", "arise") are never the British "-ize".
    if (stem.length < 3 || trueIseWords.has(`${stem}ise`)) return word;
    return stem + american;
  }
  return word;
}

/** The American spelling of a lowercase English word, or the word itself. */
export function americanSpelling(word: string): string {
  return britishToAmerican.get(word) ?? americanizeIse(word);
}
