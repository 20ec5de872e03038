import { messagebirdAdapter } from "../messagebird/messagebird-adapter.ts";
import { metaWhatsappAdapter } from "../meta-whatsapp/meta-whatsapp-adapter.ts";
import { twilioAdapter } from "../twilio/twilio-adapter.ts";
import type { MessagingAdapter, MessagingProvider } from "./messaging-adapter.ts";

/** Every provider's adapter, by the name connections store. */
export const messagingAdapters: Record<MessagingProvider, MessagingAdapter> = {
  twilio: twilioAdapter,
  meta: metaWhatsappAdapter,
  messagebird: messagebirdAdapter,
};
