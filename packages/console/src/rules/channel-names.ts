import { type Channel, channels } from "@parley/model";
import { strings } from "../strings/index.ts";

/** The console names channels once (the editor's words), so the Rules tab says them the same way. */
export function channelName(channel: Channel): string {
  return strings.editor.page.channels[channel] ?? channel;
}

export const channelOptions = channels.map((channel) => ({ value: channel, label: channelName(channel) }));
