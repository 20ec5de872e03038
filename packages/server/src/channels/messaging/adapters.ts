import type { MessagingAdapter, MessagingProvider } from "./messaging-adapter.ts";

/** Every provider's adapter, by the name connections store. */
export const messagingAdapters = {} as Record<MessagingProvider, MessagingAdapter>;
