/** One line of an evaluation file: a customer text and the intent it means, or null when it is out of scope. */
export interface LabeledLine {
  text: string;
  intent: string | null;
}
