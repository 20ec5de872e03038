import { strings } from "../strings/index.ts";

const text = strings.versions;
const longest = 140;

function segmentsOf(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * A JSON pointer in the editor's words: "/settings/volumeControl/reminder/afterMinutes" reads
 * "Volume Control › Inactive customer reminder › After (minutes)", and a list position is
 * counted from 1 as the editor shows it ("interaction 2").
 */
export function pointerLabel(pointer: string): string {
  const words: string[] = [];
  for (const segment of segmentsOf(pointer)) {
    // "Assistant Settings" adds nothing to its sections' own names.
    if (segment === "settings" && words.length === 0) continue;
    const previous = words.at(-1);
    if (/^\d+$/.test(segment)) {
      const position = String(Number(segment) + 1);
      words[words.length - 1] = previous ? `${previous} ${position}` : position;
    } else {
      words.push(text.pointerWords[segment] ?? segment);
    }
  }
  return words.join(" › ");
}

/** Where an interaction sits inside its dialog: "/dialogs/2/interactions/0" reads "interaction 1". */
export function positionInDialog(pointer: string): string {
  return pointerLabel(pointer.replace(/^\/dialogs\/\d+/, ""));
}

/** A changed value as text: strings quoted and shortened, lists and objects as compact JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return text.compare.valueNone;
  if (typeof value === "string") {
    if (value === "") return text.compare.valueEmpty;
    return `"${value.length > longest ? `${value.slice(0, longest)}…` : value}"`;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const json = JSON.stringify(value);
  return json.length > longest ? `${json.slice(0, longest)}…` : json;
}

export function interactionKindLabel(kind: string): string {
  return text.interactionKinds[kind] ?? kind;
}
