import { createApiClient, RequestError } from "./api-client.ts";
import { createChatSession } from "./chat-session.ts";
import { createChatWindow } from "./chat-window.ts";
import { accentColor } from "./color.ts";
import { createEventEmitter } from "./event-emitter.ts";
import { checkFile, uploadProblem } from "./file-check.ts";
import { fillPlaceholders, widgetStrings } from "./localization.ts";
import { renderMessage, renderPendingMessage } from "./message-view.ts";
import { answerControlSelector } from "./option-controls.ts";
import { pageSession } from "./page-session.ts";
import { createProactiveBubble } from "./proactive-bubble.ts";
import { startProactivePolling } from "./proactive-polling.ts";
import { proactivePreview } from "./proactive-preview.ts";
import type { BrandSettings, ChoiceOption, MessageBody, OutgoingMessage, StoredFile } from "./protocol.ts";
import type { ParleyApi } from "./public-api.ts";
import type { WidgetOptions } from "./script-options.ts";
import { type KeyValueStorage, storageHolding } from "./stored-conversation.ts";

const proactiveIntervalMilliseconds = 10_000;
const proactiveDurationMilliseconds = 3 * 60_000;
/** A typing frame says "active" once; without a message or another frame it fades after this long. */
const typingTimeoutMilliseconds = 8000;
const typingThrottleMilliseconds = 3000;
/** Short drops are normal (a proxy recycling the socket); the banner is for real outages. */
const reconnectingNoticeDelayMilliseconds = 2000;

/** Wires the window, the conversation and the page's API together. */
export function createWidget(
  options: WidgetOptions,
  storage: KeyValueStorage | null,
): Omit<ParleyApi, "push"> {
  const strings = widgetStrings[options.language];
  const attached = options.conversation;
  // An attached conversation is keyed by its own id: there may be no brand, and it is stored nowhere else.
  const storageName = attached ? attached.conversationId : (options.brandId ?? "");
  const conversationStorage = attached
    ? storageHolding(storageName, { ...attached, lastSequence: 0 })
    : storage;
  const events = createEventEmitter();
  const api = createApiClient(options.origin);
  let brand: BrandSettings | null = null;
  let unread = 0;
  let lastTypingSent = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnectingTimer: ReturnType<typeof setTimeout> | undefined;
  let stopProactive: () => void = () => {};
  /** The customer's messages on their way, by the sequence number the server gave them. */
  const pendingBySequence = new Map<number, HTMLElement>();
  /** Those still waiting for that number, with what the stored message will show (see `shownKey`). */
  const unnumberedPending = new Map<HTMLElement, string>();

  const ui = createChatWindow(strings, {
    onOpenChange: (open) => (open ? openChat() : closeChat()),
    onSubmit: (text) => {
      ui.setComposerText("");
      void deliver({ text }, text, null);
    },
    onFiles: (files) => void attachFiles(files),
    onStartNew: () => {
      // The page that attached the conversation starts the next one: it knows what to start.
      if (attached) return events.emit("restart");
      session.forget();
      void ensureConversation();
    },
    onTyping: () => {
      if (Date.now() - lastTypingSent < typingThrottleMilliseconds) return;
      lastTypingSent = Date.now();
      session.sendTyping();
    },
  });
  const bubble = createProactiveBubble(ui.popupSlot, strings, {
    choose: (option) => {
      openChat();
      void deliver({ optionId: option.id }, option.label, null);
    },
    openChat: () => openChat(),
  });

  const assistantName = () =>
    session.conversation?.assistant?.publicName ?? brand?.assistant?.publicName ?? brand?.brand.name ?? "";

  const viewContext = {
    strings,
    get assistantName() {
      return assistantName();
    },
    pageUrl: location.href,
    choose(option: ChoiceOption, messageElement: HTMLElement) {
      const controls = [...messageElement.querySelectorAll<HTMLButtonElement>(answerControlSelector)];
      for (const control of controls) control.disabled = true;
      ui.keepFocusInside();
      void deliver({ optionId: option.id }, option.label, controls);
    },
  };

  const session = createChatSession({
    api,
    brandId: storageName,
    storage: conversationStorage,
    listener: {
      message(message, index, live) {
        pendingBySequence.get(message.sequence)?.remove();
        pendingBySequence.delete(message.sequence);
        if (message.author === "customer") replaceUnnumberedPending(shownKey(message.body));
        else ui.setDraft(null);
        ui.insertMessage(renderMessage(message, viewContext), index);
        if (message.author === "customer") ui.disableAnswersBefore(message.sequence);
        else if (message.author === "assistant" || message.author === "agent") showTyping(null);
        if (!live) return;
        if (!ui.isOpen() && message.author !== "customer") ui.setUnread(++unread);
        events.emit("message", message);
      },
      conversation(conversation) {
        ui.setTitle(assistantName() || strings.chat);
        ui.setEnded(conversation.status === "ended");
        if (conversation.status === "ended") showTyping(null);
        events.emit("conversation", conversation);
      },
      typing(author, active) {
        showTyping(active ? (author === "assistant" ? assistantName() || strings.bot : strings.agent) : null);
      },
      draft(text) {
        showTyping(null);
        ui.setDraft(text);
      },
      connected(connected) {
        clearTimeout(reconnectingTimer);
        if (connected) ui.setReconnecting(false);
        else
          reconnectingTimer = setTimeout(() => ui.setReconnecting(true), reconnectingNoticeDelayMilliseconds);
      },
      reset() {
        ui.clearMessages();
        ui.setDraft(null);
        pendingBySequence.clear();
        unnumberedPending.clear();
        ui.setEnded(false);
        ui.setReconnecting(false);
        showTyping(null);
      },
    },
  });

  /** What tells a customer's message apart from the others on their way: its text, option label or first file. */
  function shownKey(body: MessageBody): string | undefined {
    if ("text" in body) return body.text;
    if ("label" in body) return body.label;
    return "attachments" in body ? body.attachments[0]?.url : undefined;
  }

  /**
   * The socket may bring the customer's message before the send request
   * answers with its number; the pending copy with the same text goes then,
   * or the message would show twice until the answer came.
   */
  function replaceUnnumberedPending(key: string | undefined) {
    for (const [pending, pendingKey] of unnumberedPending) {
      if (pendingKey !== key) continue;
      pending.remove();
      unnumberedPending.delete(pending);
      return;
    }
  }

  function showTyping(name: string | null) {
    clearTimeout(typingTimer);
    ui.setTyping(name === null ? null : fillPlaceholders(strings.typing, { name }));
    if (name !== null) typingTimer = setTimeout(() => ui.setTyping(null), typingTimeoutMilliseconds);
  }

  function describeFailure(error: unknown, sentText: string | null): string {
    if (!(error instanceof RequestError) || error.status === 0) return strings.sendFailed;
    if (error.status === 429) return strings.tooManyMessages;
    // The box already stops at the limit; the server is the judge of what "too long" means.
    if (error.status === 413 || (error.status === 400 && sentText !== null)) return strings.tooLong;
    return strings.unavailable;
  }

  let restoring: Promise<boolean> = Promise.resolve(false);

  async function ensureConversation(): Promise<boolean> {
    await restoring;
    if (!session.hasConversation() && (attached || !options.brandId)) {
      ui.setNotice(strings.unavailable);
      return false;
    }
    if (!session.hasConversation()) {
      stopProactive();
      try {
        await session.start(pageSession());
        ui.setNotice(null);
      } catch (error) {
        const rateLimited = error instanceof RequestError && error.status === 429;
        ui.setNotice(rateLimited ? strings.tooManyMessages : strings.unavailable);
        return false;
      }
    }
    return session.hasConversation();
  }

  /**
   * Shows the customer's message at once, sends it, and swaps it for the
   * numbered message when that arrives. On failure the text goes back into
   * the box (or the options come back) so nothing the customer did is lost.
   * `pending` is the message already showing, for a file that was uploading.
   */
  async function deliver(
    message: OutgoingMessage,
    shownText: string,
    controls: HTMLButtonElement[] | null,
    pending = renderPendingMessage(shownText, strings),
  ) {
    ui.addPending(pending);
    // Keyed as shownKey will read the stored message, so the socket's copy finds this one.
    unnumberedPending.set(
      pending,
      "attachments" in message ? (message.attachments[0]?.url ?? "") : shownText,
    );
    const sentText = "text" in message ? message.text : null;
    try {
      if (!(await ensureConversation())) throw new RequestError(503, "unavailable", "No conversation.");
      const { sequence } = await session.send(message);
      unnumberedPending.delete(pending);
      ui.setNotice(null);
      // No sequence: the event added nothing to the transcript, so nothing will replace the pending message.
      if (sequence === null || session.has(sequence)) pending.remove();
      else pendingBySequence.set(sequence, pending);
    } catch (error) {
      pending.remove();
      unnumberedPending.delete(pending);
      for (const control of controls ?? []) control.disabled = false;
      if (error instanceof RequestError && error.code === "conversation_ended") return;
      if (sentText !== null && !ui.composerText()) ui.setComposerText(sentText);
      ui.setNotice(describeFailure(error, sentText));
    }
  }

  /** One file after another, so they arrive in the order the customer chose them. */
  async function attachFiles(files: File[]) {
    for (const file of files) await attach(file);
  }

  /**
   * Checks the file, uploads it under an "Uploading…" message, then sends it
   * as an attachment message through `deliver`, with its retries. A refused
   * file is explained and nothing is uploaded.
   */
  async function attach(file: File) {
    const check = checkFile(file);
    if (check.problem !== null) {
      ui.setNotice(strings[check.problem]);
      return;
    }
    const name = file.name || strings.attachment;
    const pending = renderPendingMessage(fillPlaceholders(strings.uploading, { name }), strings);
    ui.addPending(pending);
    let stored: StoredFile;
    try {
      // A failed start has already said why on the notice line.
      if (!(await ensureConversation())) {
        pending.remove();
        return;
      }
      stored = await session.upload(file, check.mediaType, name);
    } catch (error) {
      pending.remove();
      ui.setNotice(strings[uploadProblem(error instanceof RequestError ? error.status : 0)]);
      return;
    }
    const attachment = { url: options.origin + stored.url, mediaType: stored.mediaType, name: stored.name };
    await deliver({ attachments: [attachment] }, name, null, pending);
  }

  function openChat() {
    if (ui.isOpen()) return;
    bubble.hide();
    ui.setOpen(true);
    unread = 0;
    ui.setUnread(0);
    events.emit("open");
    void ensureConversation();
  }

  function closeChat() {
    if (!ui.isOpen()) return;
    ui.setOpen(false);
    events.emit("close");
  }

  async function checkProactive(): Promise<boolean> {
    if (session.hasConversation() || session.isStarting()) return true;
    let result: Awaited<ReturnType<typeof api.proactive>>;
    try {
      result = await api.proactive(session.startRequest(pageSession()));
    } catch (error) {
      // Only a network failure or a rate limit is worth asking again about.
      if (error instanceof RequestError && error.status !== 0 && error.status !== 429) return true;
      throw error;
    }
    if (!result.match) return false;
    // The customer opened the chat while the server decided: their conversation wins.
    if (session.hasConversation() || session.isStarting()) return true;
    session.adopt(result);
    const preview = proactivePreview(
      result.messages.filter((message) => message.author !== "customer").map((message) => message.body),
    );
    if (preview && !ui.isOpen()) bubble.show(preview);
    return true;
  }

  function applyBrand(settings: BrandSettings) {
    brand = settings;
    ui.setAppearance(
      accentColor(settings.settings.accentColor),
      settings.settings.position === "left" ? "left" : "right",
    );
    ui.setConsent(options.consentText ?? settings.settings.consentText ?? null);
    ui.setTitle(assistantName() || strings.chat);
    ui.setVisible(true);
  }

  ui.setConsent(options.consentText);
  if (options.brandId) loadBrand(options.brandId);
  else ui.setVisible(true);
  restoring = session.restore().then((restored) => {
    if (!restored && !attached) {
      stopProactive = startProactivePolling({
        check: checkProactive,
        intervalMilliseconds: proactiveIntervalMilliseconds,
        durationMilliseconds: proactiveDurationMilliseconds,
      });
    }
    return restored;
  });

  function loadBrand(brandId: string) {
    api.brand(brandId).then(applyBrand, (error: unknown) => {
      if (error instanceof RequestError && error.status === 404) {
        console.warn(`Parley: no brand ${brandId}; check the data-brand attribute.`);
        return;
      }
      // Out of reach for now: the chat still works with the default look, and start reports any real problem.
      ui.setVisible(true);
    });
  }

  return {
    open: openChat,
    close: closeChat,
    toggle: () => (ui.isOpen() ? closeChat() : openChat()),
    identify(customerToken) {
      if (typeof customerToken === "string" && customerToken) session.identify(customerToken);
    },
    on: events.on,
    off: events.off,
  };
}
