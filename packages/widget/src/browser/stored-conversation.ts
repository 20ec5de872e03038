/** What survives a page reload, per brand, so the customer returns to the same conversation. */
export interface StoredConversation {
  conversationId: string;
  visitorToken: string;
  /** The highest sequence number shown; the socket resumes after it. */
  lastSequence: number;
}

/** The part of `Storage` the widget uses, so tests can pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function storageKey(brandId: string): string {
  return `parley:${brandId}`;
}

function isStoredConversation(value: unknown): value is StoredConversation {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.conversationId === "string" &&
    candidate.conversationId !== "" &&
    typeof candidate.visitorToken === "string" &&
    candidate.visitorToken !== "" &&
    typeof candidate.lastSequence === "number" &&
    Number.isInteger(candidate.lastSequence) &&
    candidate.lastSequence >= 0
  );
}

// Storage throws when the browser blocks it (private modes, sandboxed frames, a full quota):
// the chat then still works, it just does not survive a reload.

export function readStoredConversation(
  storage: KeyValueStorage | null,
  brandId: string,
): StoredConversation | null {
  try {
    const raw = storage?.getItem(storageKey(brandId));
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (!isStoredConversation(value)) return null;
    return {
      conversationId: value.conversationId,
      visitorToken: value.visitorToken,
      lastSequence: value.lastSequence,
    };
  } catch {
    return null;
  }
}

export function writeStoredConversation(
  storage: KeyValueStorage | null,
  brandId: string,
  conversation: StoredConversation,
): void {
  try {
    storage?.setItem(storageKey(brandId), JSON.stringify(conversation));
  } catch {
    // See above: not remembering is the only consequence.
  }
}

export function clearStoredConversation(storage: KeyValueStorage | null, brandId: string): void {
  try {
    storage?.removeItem(storageKey(brandId));
  } catch {
    // See above.
  }
}

/**
 * A storage that holds one conversation, and only for this page: an attached conversation (see
 * WidgetOptions.conversation) is restored from it like a stored one, and never written to the
 * browser's storage, where it would outlive the page that owns it.
 */
export function storageHolding(brandId: string, conversation: StoredConversation): KeyValueStorage {
  const values = new Map([[storageKey(brandId), JSON.stringify(conversation)]]);
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}
