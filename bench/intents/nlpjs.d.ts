// nlp.js ships no types; these cover what the benchmark calls.
declare module "@nlpjs/nlp" {
  export class Nlp {
    constructor(settings?: Record<string, unknown>);
  }
}

declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
}
