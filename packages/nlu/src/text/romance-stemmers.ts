/**
 * Light suffix strippers for Spanish and Portuguese, on lowercase words whose
 * accents are already gone. They fold plurals, gender and the common
 * derivations ("cancelación", "cancelar", "cancelado" share "cancel") without
 * the full Snowball rules, which keywords and the quality review do not need.
 */

const spanishSuffixes = [
  "amientos",
  "imientos",
  "amiento",
  "imiento",
  "aciones",
  "uciones",
  "idades",
  "amente",
  "acion",
  "ucion",
  "mente",
  "idad",
  "ables",
  "ibles",
  "istas",
  "able",
  "ible",
  "ista",
  "osos",
  "osas",
  "ando",
  "iendo",
  "ados",
  "idos",
  "adas",
  "idas",
  "oso",
  "osa",
  "ado",
  "ido",
  "ada",
  "ida",
  "ar",
  "er",
  "ir",
  "es",
  "os",
  "as",
  "s",
  "o",
  "a",
  "e",
];

const portugueseSuffixes = [
  "amentos",
  "imentos",
  "amento",
  "imento",
  "idades",
  "amente",
  "acoes",
  "icoes",
  "mente",
  "idade",
  "aveis",
  "iveis",
  "istas",
  "acao",
  "icao",
  "avel",
  "ivel",
  "ista",
  "osos",
  "osas",
  "ando",
  "endo",
  "indo",
  "ados",
  "idos",
  "adas",
  "idas",
  "oes",
  "aes",
  "oso",
  "osa",
  "ado",
  "ido",
  "ada",
  "ida",
  "ar",
  "er",
  "ir",
  "es",
  "os",
  "as",
  "s",
  "o",
  "a",
  "e",
];

/** Longer suffixes need a longer stem, so "pedido" keeps "pedid" rather than "ped". */
function shortestStem(suffix: string): number {
  return suffix.length >= 3 ? 4 : 3;
}

function stripSuffix(word: string, suffixes: readonly string[]): string {
  if (!/^[a-z]+$/.test(word)) return word;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= shortestStem(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

export function stemSpanish(word: string): string {
  return stripSuffix(word, spanishSuffixes);
}

export function stemPortuguese(word: string): string {
  return stripSuffix(word, portugueseSuffixes);
}
