import type { SupportedLanguage } from "./languages.ts";

/**
 * Words that say nothing about what a customer wants. Question words
 * ("how", "when", "where") and negations stay out of these lists: "how do I
 * change the oil" and "when do I change the oil" are different intents, and
 * "not" turns a request around.
 */
const english = `a an the of to in on at for from by with about as into onto over under up out off
i me my mine myself we us our ours you your yours yourself he him his she her hers it its they them their
this that these those there here
is are am be been being was were do does did doing done have has had having
will would shall should can could may might must
and or but if then so than too very just also only really
please pls plz
some any all each every such own same other another
again further once`;

const spanish = `a al ante con contra de del desde en entre hacia hasta para por segun sin sobre tras
el la los las lo un una unos unas
yo me mi mis mio tu te ti tus usted ustedes su sus nos nuestro nuestra vos os el ella ellos ellas le les se
este esta estos estas ese esa esos esas aquel aquella esto eso
es son soy eres somos ser era fue estar esta estoy estan estaba he ha han hay habia
y e o u pero si sino que muy mas tambien ya
por favor hola gracias`;

const portuguese = `a ao aos as o os um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas
para com sem sobre entre ate desde
eu me mim meu minha meus minhas tu te ti voce voces seu sua seus suas nos nosso nossa ele ela eles elas lhe lhes se
este esta estes estas esse essa esses essas aquele aquela isto isso
e sou es somos sao ser era foi estar estou esta estao estava tenho tem ha havia
ou mas que muito mais tambem ja
por favor ola oi obrigado obrigada`;

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word !== ""));
}

const stopWords: Record<SupportedLanguage, ReadonlySet<string>> = {
  en: wordSet(english),
  es: wordSet(spanish),
  pt: wordSet(portuguese),
};

/** Whether a lowercase, accent-free word is a stop word of the language; no language, no stop words. */
export function isStopWord(word: string, language: SupportedLanguage | null): boolean {
  return language !== null && stopWords[language].has(word);
}
