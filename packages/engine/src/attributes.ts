import type { Turn } from "./turn-context.ts";

export function storedAttributeKey(klass: string, attribute: string): string {
  return `${klass}.${attribute}`;
}

/**
 * Reads an attribute: what the assistant saved in this conversation first, then
 * what the caller passed in the environment. `message.text` is the customer's
 * latest text.
 */
export function readAttribute(turn: Turn, scope: string, attribute: string): unknown {
  if (scope === "message") {
    if (attribute === "text") return turn.state.lastCustomerText ?? undefined;
    return undefined;
  }
  const saved = turn.state.attributes[storedAttributeKey(scope, attribute)];
  if (saved !== undefined) return saved;
  const values = turn.environment.attributes;
  const scoped =
    scope === "conversation"
      ? values?.conversation
      : scope === "customer"
        ? values?.customer
        : scope === "company"
          ? values?.company
          : scope === "session"
            ? values?.session
            : undefined;
  const value = scoped?.[attribute];
  if (value !== undefined) return value;
  // Authentication is known from the session (a verified customer token) when the customer record says nothing.
  if (scope === "customer" && attribute === "authenticated") return values?.session?.authenticated;
  return undefined;
}

export { isSet } from "@parley/model";
