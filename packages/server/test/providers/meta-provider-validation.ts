/**
 * What Meta's Cloud API refuses in `POST /{phone number id}/messages`, written from its
 * documentation and independently of the adapter, so a test that sends through this server
 * catches the adapter breaking a limit. Lengths are counted in characters (code points), as
 * Meta counts them.
 */

type Json = Record<string, unknown>;

export interface RefusedMessage {
  code: number;
  /** Meta's title for the code, which its `message` repeats after "(#code)". */
  title: string;
  /** What `error_data.details` says: the field and the rule. */
  details: string;
}

/** An approved template the test server knows, to check names and parameter counts. */
export interface ApprovedTemplate {
  name: string;
  language: string;
  bodyParameters: number;
}

const invalidValue = (details: string): RefusedMessage => ({
  code: 131009,
  title: "Parameter value is not valid",
  details,
});
const missing = (parameter: string): RefusedMessage => ({
  code: 100,
  title: `The parameter ${parameter} is required.`,
  details: `The parameter ${parameter} is required.`,
});

function characters(text: string): number {
  return [...text].length;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lengthRule(value: unknown, field: string, minimum: number, maximum: number): RefusedMessage | null {
  if (typeof value !== "string") return minimum > 0 ? missing(field) : null;
  const length = characters(value);
  if (length < minimum || length > maximum) {
    return invalidValue(`${field} length invalid. Min length: ${minimum}, Max length: ${maximum}`);
  }
  return null;
}

function firstRefusal(checks: Array<() => RefusedMessage | null>): RefusedMessage | null {
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  return null;
}

function duplicates(values: unknown[], what: string): RefusedMessage | null {
  return new Set(values).size === values.length ? null : invalidValue(`${what} must be unique`);
}

function checkButtons(action: Json): RefusedMessage | null {
  const buttons = action.buttons;
  if (!Array.isArray(buttons) || buttons.length === 0) return missing("interactive.action.buttons");
  if (buttons.length > 3) return invalidValue("Buttons count invalid. Min: 1, Max: 3");
  const replies = buttons.map((button) => (isObject(button) && isObject(button.reply) ? button.reply : {}));
  return firstRefusal([
    ...buttons.map(
      (button) => () => (isObject(button) && button.type === "reply" ? null : missing("button.type")),
    ),
    ...replies.map((reply) => () => lengthRule(reply.id, "Button id", 1, 256)),
    ...replies.map((reply) => () => lengthRule(reply.title, "Button title", 1, 20)),
    () =>
      duplicates(
        replies.map((reply) => reply.id),
        "Button ids",
      ),
    () =>
      duplicates(
        replies.map((reply) => reply.title),
        "Button titles",
      ),
  ]);
}

function checkList(action: Json): RefusedMessage | null {
  const sections = action.sections;
  if (!Array.isArray(sections) || sections.length === 0) return missing("interactive.action.sections");
  if (sections.length > 10) return invalidValue("Sections count invalid. Min: 1, Max: 10");
  const rows = sections.flatMap((section) =>
    isObject(section) && Array.isArray(section.rows) ? section.rows : [],
  );
  const rowObjects = rows.map((row) => (isObject(row) ? row : {}));
  return firstRefusal([
    () => lengthRule(action.button, "Button label", 1, 20),
    () => (rows.length === 0 ? missing("interactive.action.sections.rows") : null),
    () => (rows.length > 10 ? invalidValue("Total row count exceed max allowed count: 10") : null),
    ...sections.map(
      (section) => () =>
        sections.length > 1 || (isObject(section) && section.title !== undefined)
          ? lengthRule(isObject(section) ? section.title : undefined, "Section title", 1, 24)
          : null,
    ),
    ...rowObjects.map((row) => () => lengthRule(row.id, "Row id", 1, 200)),
    ...rowObjects.map((row) => () => lengthRule(row.title, "Row title", 1, 24)),
    ...rowObjects.map((row) => () => lengthRule(row.description, "Row description", 0, 72)),
    () =>
      duplicates(
        rowObjects.map((row) => row.id),
        "Row ids",
      ),
  ]);
}

function checkInteractive(interactive: unknown): RefusedMessage | null {
  if (!isObject(interactive)) return missing("interactive");
  const body = isObject(interactive.body) ? interactive.body.text : undefined;
  const action = isObject(interactive.action) ? interactive.action : null;
  if (interactive.type !== "button" && interactive.type !== "list") {
    return invalidValue("interactive.type must be button or list here");
  }
  return firstRefusal([
    () => lengthRule(body, "Body text", 1, 1024),
    () => (isObject(interactive.footer) ? lengthRule(interactive.footer.text, "Footer text", 1, 60) : null),
    () => (action ? null : missing("interactive.action")),
    () => (action && interactive.type === "button" ? checkButtons(action) : null),
    () => (action && interactive.type === "list" ? checkList(action) : null),
  ]);
}

function checkMedia(type: string, media: unknown): RefusedMessage | null {
  if (!isObject(media)) return missing(type);
  if (typeof media.link !== "string" && typeof media.id !== "string")
    return missing(`${type}.link or ${type}.id`);
  if (typeof media.link === "string" && !/^https?:\/\//.test(media.link)) {
    return invalidValue(`${type}.link must be an http or https URL`);
  }
  if (media.caption !== undefined && (type === "audio" || type === "sticker")) {
    return invalidValue(`${type} messages take no caption`);
  }
  return lengthRule(media.caption, "Caption", 0, 1024);
}

function checkTemplate(
  template: unknown,
  approved: readonly ApprovedTemplate[] | undefined,
): RefusedMessage | null {
  if (!isObject(template) || typeof template.name !== "string") return missing("template.name");
  const language = isObject(template.language) ? template.language.code : undefined;
  if (typeof language !== "string") return missing("template.language.code");
  const components = Array.isArray(template.components) ? template.components.filter(isObject) : [];
  const body = components.find((component) => component.type === "body");
  const parameters = body && Array.isArray(body.parameters) ? body.parameters.filter(isObject) : [];
  for (const parameter of parameters) {
    if (parameter.type !== "text" || typeof parameter.text !== "string") return missing("parameter.text");
    if (/[\n\t]| {5,}/.test(parameter.text)) {
      return invalidValue("Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
    }
    const tooLong = lengthRule(parameter.text, "Param text", 1, 1024);
    if (tooLong) return tooLong;
  }
  if (!approved) return null;
  const known = approved.find((each) => each.name === template.name && each.language === language);
  if (!known) {
    return {
      code: 132001,
      title: "Template name does not exist in the translation",
      details: `template name (${template.name}) does not exist in ${language}`,
    };
  }
  if (known.bodyParameters !== parameters.length) {
    return {
      code: 132000,
      title: "Number of parameters does not match the expected number of params",
      details: `body: number of localizable_params (${parameters.length}) does not match the expected number of params (${known.bodyParameters})`,
    };
  }
  return null;
}

const sendableTypes = new Set([
  "text",
  "interactive",
  "image",
  "video",
  "document",
  "audio",
  "sticker",
  "template",
]);

/** Null when Meta would accept the message, else why not. */
export function refusalOf(body: unknown, templates?: readonly ApprovedTemplate[]): RefusedMessage | null {
  if (!isObject(body)) return invalidValue("The request body must be a JSON object");
  if (body.messaging_product !== "whatsapp") return missing("messaging_product");
  if (typeof body.to !== "string" || body.to.trim() === "") return missing("to");
  const type = body.type ?? "text";
  if (typeof type !== "string" || !sendableTypes.has(type))
    return invalidValue(`Unsupported message type ${type}`);
  if (type === "text") {
    const text = isObject(body.text) ? body.text.body : undefined;
    return typeof text === "string" ? lengthRule(text, "Message body", 1, 4096) : missing("text.body");
  }
  if (type === "interactive") return checkInteractive(body.interactive);
  if (type === "template") return checkTemplate(body.template, templates);
  return checkMedia(type, body[type]);
}
