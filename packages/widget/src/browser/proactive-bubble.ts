import { closeIcon, element, icon } from "./dom.ts";
import type { WidgetStrings } from "./localization.ts";
import { optionButtons } from "./option-controls.ts";
import type { ProactivePreview } from "./proactive-preview.ts";
import type { ChoiceOption } from "./protocol.ts";

export interface ProactiveBubbleCallbacks {
  choose(option: ChoiceOption): void;
  openChat(): void;
}

export interface ProactiveBubble {
  show(preview: ProactivePreview): void;
  hide(): void;
}

/** The pop-up above the launcher that opens a proactive conversation; it lives in a polite live region. */
export function createProactiveBubble(
  slot: HTMLElement,
  strings: WidgetStrings,
  callbacks: ProactiveBubbleCallbacks,
): ProactiveBubble {
  const hide = () => slot.replaceChildren();
  return {
    show(preview) {
      const dismiss = element(
        "button",
        { type: "button", class: "icon-button dismiss", "aria-label": strings.dismiss },
        icon(closeIcon),
      );
      dismiss.addEventListener("click", hide);
      const text = preview.text ? element("p", { class: "text" }, preview.text) : null;
      // The launcher opens the chat for keyboards; clicking the words is a shortcut for pointers.
      text?.addEventListener("click", () => callbacks.openChat());
      const popup = element(
        "div",
        { class: "popup", role: "group", "aria-label": strings.newMessage },
        dismiss,
        text,
        preview.options.length > 0 ? optionButtons(preview.options, callbacks.choose) : null,
      );
      popup.addEventListener("keydown", (event) => {
        if (event.key === "Escape") hide();
      });
      slot.replaceChildren(popup);
    },
    hide,
  };
}
