import { SegmentedMessage } from "sms-segments-calculator";

export interface SmsSegments {
  encoding: "GSM-7" | "UCS-2";
  segments: number;
}

/**
 * What an SMS costs: GSM-7 160 characters alone or 153 per part, UCS-2 70 or 67; one character
 * outside GSM-7 (an emoji, "á", a curly quote) switches the whole message to UCS-2, and the
 * extension characters ^ { } [ ] ~ | € \ take two places. Counted by Twilio's own calculator, so
 * the number shown matches what the operator bills.
 */
export function smsSegmentsOf(text: string): SmsSegments {
  const message = new SegmentedMessage(text);
  return { encoding: message.encodingName, segments: message.segmentsCount };
}
