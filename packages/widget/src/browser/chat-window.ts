import { textColorOn } from "./color.ts";
import { attachIcon, chatIcon, closeIcon, element, icon, sendIcon } from "./dom.ts";
import { attachableMediaTypes } from "./file-check.ts";
import { fillPlaceholders, type WidgetStrings } from "./localization.ts";
import { answerControlSelector } from "./option-controls.ts";
import { styles } from "./styles.ts";

export const maximumTextLength = 4096;

export interface ChatWindowCallbacks {
  onOpenChange(open: boolean): void;
  onSubmit(text: string): void;
  /** Files chosen with the attach button, pasted, or dropped on the window. */
  onFiles(files: File[]): void;
  onStartNew(): void;
  onTyping(): void;
}

export interface ChatWindow {
  /** Where the proactive pop-up goes, inside the same shadow root. */
  popupSlot: HTMLElement;
  isOpen(): boolean;
  setOpen(open: boolean): void;
  setVisible(visible: boolean): void;
  setTitle(title: string): void;
  setAppearance(accent: string, position: "right" | "left"): void;
  setConsent(text: string | null): void;
  /** Puts a numbered message at its place among the numbered ones, before any pending message. */
  insertMessage(view: HTMLElement, index: number): void;
  addPending(view: HTMLElement): void;
  clearMessages(): void;
  /** Options of messages the customer has since answered can no longer be chosen. */
  disableAnswersBefore(sequence: number): void;
  setTyping(text: string | null): void;
  /** An AI answer as it is written, after the numbered messages; null removes it. */
  setDraft(text: string | null): void;
  setNotice(text: string | null): void;
  setReconnecting(reconnecting: boolean): void;
  setEnded(ended: boolean): void;
  setUnread(count: number): void;
  composerText(): string;
  setComposerText(text: string): void;
  /** Back to the message box when the focused control goes away (an option just chosen gets disabled). */
  keepFocusInside(): void;
}

/** The launcher and the chat window, in a shadow root at the end of the page. */
export function createChatWindow(strings: WidgetStrings, callbacks: ChatWindowCallbacks): ChatWindow {
  const badge = element("span", { class: "badge", "aria-hidden": "true", hidden: true });
  const launcher = element(
    "button",
    {
      type: "button",
      class: "launcher",
      "aria-label": strings.openChat,
      "aria-expanded": "false",
      "aria-controls": "parley-panel",
    },
    icon(chatIcon),
    badge,
  );
  const title = element("h2", { id: "parley-title" }, strings.chat);
  const closeButton = element(
    "button",
    { type: "button", class: "icon-button", "aria-label": strings.closeChat },
    icon(closeIcon),
  );
  // Live regions stay in the page and only change text: a region that appears with its text is not announced.
  const connection = element("div", { class: "connection", role: "status" });
  const log = element("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-label": strings.conversation,
    tabindex: "0",
  });
  const typing = element("div", { class: "typing", role: "status" });
  const notice = element("div", { class: "notice", role: "alert" });
  const startNewButton = element("button", { type: "button", class: "primary" }, strings.startNew);
  const ended = element(
    "div",
    { class: "ended", hidden: true },
    element("p", null, strings.conversationEnded),
    startNewButton,
  );
  const textarea = element("textarea", {
    rows: "1",
    maxlength: String(maximumTextLength),
    "aria-label": strings.typeMessage,
    placeholder: strings.typeMessage,
  });
  const fileInput = element("input", {
    type: "file",
    accept: attachableMediaTypes.join(","),
    multiple: true,
    hidden: true,
    tabindex: "-1",
  });
  const attachButton = element(
    "button",
    { type: "button", class: "icon-button attach", "aria-label": strings.attachFile },
    icon(attachIcon),
  );
  const composer = element(
    "form",
    { class: "composer" },
    attachButton,
    fileInput,
    textarea,
    element("button", { type: "submit", class: "primary", "aria-label": strings.send }, icon(sendIcon)),
  );
  const consent = element("p", { class: "consent", hidden: true });
  const panel = element(
    "div",
    { class: "panel", id: "parley-panel", role: "dialog", "aria-labelledby": "parley-title", hidden: true },
    element("div", { class: "header" }, title, closeButton),
    connection,
    log,
    typing,
    notice,
    ended,
    composer,
    consent,
  );
  const popupSlot = element("div", { "aria-live": "polite" });
  const container = element("div", { class: "root side-right", hidden: true }, popupSlot, panel, launcher);

  const host = element("div", { "data-parley-widget": "" });
  const shadow = host.attachShadow({ mode: "open" });
  shadow.append(element("style", null, styles), container);
  document.body.append(host);

  let open = false;
  launcher.addEventListener("click", () => callbacks.onOpenChange(!open));
  closeButton.addEventListener("click", () => callbacks.onOpenChange(false));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      callbacks.onOpenChange(false);
    }
  });
  startNewButton.addEventListener("click", () => callbacks.onStartNew());
  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (text) callbacks.onSubmit(text);
  });
  textarea.addEventListener("keydown", (event) => {
    // Enter sends and Shift+Enter starts a new line; not while an input method is composing a character.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  textarea.addEventListener("input", () => {
    textarea.style.height = "auto";
    textarea.style.height = `${Math.min(textarea.scrollHeight, 120)}px`;
    if (textarea.value) callbacks.onTyping();
  });

  attachButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const files = [...(fileInput.files ?? [])];
    // Emptied so that choosing the same file again still counts as a change.
    fileInput.value = "";
    if (files.length > 0) callbacks.onFiles(files);
  });
  panel.addEventListener("paste", (event) => {
    const data = event.clipboardData;
    // Office programs copy text along with a picture of it: the customer meant the text.
    if (composer.hidden || !data || data.types.includes("text/plain") || data.files.length === 0) return;
    event.preventDefault();
    callbacks.onFiles([...data.files]);
  });
  const carriesFiles = (event: DragEvent) =>
    !composer.hidden && (event.dataTransfer?.types.includes("Files") ?? false);
  panel.addEventListener("dragover", (event) => {
    if (!carriesFiles(event)) return;
    // Cancelling dragover is what lets the drop happen here rather than the browser opening the file.
    event.preventDefault();
    panel.classList.add("dropping");
  });
  panel.addEventListener("dragleave", (event) => {
    if (!(event.relatedTarget instanceof Node && panel.contains(event.relatedTarget))) {
      panel.classList.remove("dropping");
    }
  });
  panel.addEventListener("drop", (event) => {
    panel.classList.remove("dropping");
    if (!carriesFiles(event)) return;
    event.preventDefault();
    callbacks.onFiles([...(event.dataTransfer?.files ?? [])]);
  });

  const scrollToEnd = () => {
    log.scrollTop = log.scrollHeight;
  };
  const numbered = () => log.querySelectorAll<HTMLElement>(":scope > [data-sequence]");
  const focusInside = () => {
    if (!ended.hidden) startNewButton.focus();
    else textarea.focus();
  };

  return {
    popupSlot,
    isOpen: () => open,
    setOpen(next) {
      if (next === open) return;
      open = next;
      panel.hidden = !next;
      launcher.setAttribute("aria-expanded", String(next));
      launcher.setAttribute("aria-label", next ? strings.closeChat : strings.openChat);
      if (next) {
        scrollToEnd();
        focusInside();
      } else if (shadow.activeElement) {
        // Only when focus was in the chat: closing from the page's own code must not move the page's focus.
        launcher.focus();
      }
    },
    setVisible(visible) {
      container.hidden = !visible;
    },
    setTitle(text) {
      title.textContent = text;
    },
    setAppearance(accent, position) {
      container.style.setProperty("--accent", accent);
      container.style.setProperty("--on-accent", textColorOn(accent));
      container.className = `root side-${position}`;
    },
    setConsent(text) {
      consent.textContent = text ?? "";
      consent.hidden = !text;
    },
    insertMessage(view, index) {
      const following = numbered()[index] ?? log.querySelector(":scope > .pending");
      log.insertBefore(view, following);
      if (!following || following.classList.contains("pending")) scrollToEnd();
    },
    addPending(view) {
      log.append(view);
      scrollToEnd();
    },
    clearMessages() {
      log.replaceChildren();
    },
    disableAnswersBefore(sequence) {
      for (const view of numbered()) {
        if (Number(view.dataset.sequence) >= sequence) continue;
        for (const control of view.querySelectorAll<HTMLButtonElement>(answerControlSelector)) {
          control.disabled = true;
        }
      }
    },
    setTyping(text) {
      typing.textContent = text ?? "";
    },
    setDraft(text) {
      let draft = log.querySelector<HTMLElement>(":scope > .draft");
      if (text === null) {
        draft?.remove();
        return;
      }
      if (!draft) {
        draft = element(
          "div",
          { class: "message from-assistant draft", "aria-busy": "true" },
          element("div", { class: "bubble" }),
        );
        log.insertBefore(draft, log.querySelector(":scope > .pending"));
      }
      const bubble = draft.firstElementChild as HTMLElement;
      bubble.textContent = text;
      scrollToEnd();
    },
    setNotice(text) {
      notice.textContent = text ?? "";
    },
    setReconnecting(reconnecting) {
      connection.textContent = reconnecting ? strings.reconnecting : "";
    },
    setEnded(isEnded) {
      const hadFocus = shadow.activeElement !== null;
      ended.hidden = !isEnded;
      composer.hidden = isEnded;
      if (open && hadFocus) focusInside();
    },
    setUnread(count) {
      badge.textContent = String(count);
      badge.hidden = count === 0;
      const label = open ? strings.closeChat : strings.openChat;
      launcher.setAttribute(
        "aria-label",
        count === 0 ? label : `${label} (${fillPlaceholders(strings.unread, { count })})`,
      );
    },
    keepFocusInside() {
      const focused = shadow.activeElement;
      if (open && (!focused || (focused instanceof HTMLButtonElement && focused.disabled))) focusInside();
    },
    composerText: () => textarea.value,
    setComposerText(text) {
      textarea.value = text;
      textarea.style.height = "auto";
    },
  };
}
