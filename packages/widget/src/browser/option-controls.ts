import { element } from "./dom.ts";
import type { Card, ChoiceOption } from "./protocol.ts";
import { safeWebUrl } from "./safe-url.ts";

export type ChooseOption = (option: ChoiceOption) => void;

/** Every control that answers a message; the widget disables them once the message is answered. */
export const answerControlSelector = "button.option, button.list-toggle";

function optionButton(option: ChoiceOption, choose: ChooseOption, className = "option"): HTMLButtonElement {
  const button = element(
    "button",
    { type: "button", class: className },
    element("span", { class: "option-label" }, option.label),
    option.description ? element("span", { class: "option-description" }, option.description) : null,
  );
  button.addEventListener("click", () => choose(option));
  return button;
}

export function optionButtons(
  options: readonly ChoiceOption[],
  choose: ChooseOption,
  extraClass = "",
): HTMLElement {
  return element(
    "div",
    { class: `options ${extraClass}`.trim() },
    ...options.map((option) => optionButton(option, choose)),
  );
}

/** A list selector: one button opens the rows, like a select, but every row stays a real button. */
export function optionList(
  buttonLabel: string,
  options: readonly ChoiceOption[],
  choose: ChooseOption,
  listId: string,
): HTMLElement {
  const rows = element(
    "ul",
    { class: "list-options", id: listId, hidden: true },
    ...options.map((option) => element("li", null, optionButton(option, choose))),
  );
  const toggle = element(
    "button",
    { type: "button", class: "list-toggle", "aria-expanded": "false", "aria-controls": listId },
    buttonLabel,
  );
  toggle.addEventListener("click", () => {
    const expanded = rows.hidden;
    rows.hidden = !expanded;
    toggle.setAttribute("aria-expanded", String(expanded));
    if (expanded) rows.querySelector("button")?.focus();
  });
  return element("div", { class: "list" }, toggle, rows);
}

export function cardButtons(cards: readonly Card[], choose: ChooseOption, base: string): HTMLElement {
  return element(
    "div",
    { class: "cards" },
    ...cards.map((card) => {
      const image = card.imageUrl ? safeWebUrl(card.imageUrl, base) : null;
      const button = optionButton(card, choose, "option card");
      // The label names the card; the picture adds nothing a screen reader needs.
      if (image) button.prepend(element("img", { src: image, alt: "", loading: "lazy" }));
      return button;
    }),
  );
}
