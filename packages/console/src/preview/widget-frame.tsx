import { useEffect, useRef } from "react";
import { strings } from "../strings/index.ts";
import type { StartedPreview } from "./preview-api.ts";

/** The part of the widget's `window.Parley` (packages/widget, public-api.ts) the preview uses. */
interface ParleyApi {
  open(): void;
  on(name: string, handler: () => void): void;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A page of its own for the widget, so it runs exactly as on a shop's page (its own window,
 * `window.Parley`, fixed corner) and leaves nothing behind in the console. It is a srcdoc frame
 * of this origin: the console's policy lets it load /widget.js, and the console can reach its
 * `Parley` to open the chat and hear about new messages.
 */
function frameDocument(started: StartedPreview): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<style>html,body{margin:0;height:100%;background:#f1f3f5}</style></head><body>
<script src="/widget.js" data-conversation="${escapeAttribute(started.conversation.id)}" data-visitor-token="${escapeAttribute(started.visitorToken)}"></script>
</body></html>`;
}

export function WidgetFrame({
  started,
  onActivity,
  onRestart,
}: {
  started: StartedPreview;
  /** A message or a change of the conversation: the side panel reads the state again. */
  onActivity: () => void;
  /** The customer chose "Start a new conversation" in the widget. */
  onRestart: () => void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  // The frame's handlers are added once; these keep them calling the latest callbacks.
  const activity = useRef(onActivity);
  const restart = useRef(onRestart);
  useEffect(() => {
    activity.current = onActivity;
    restart.current = onRestart;
  });

  const connect = () => {
    const parley = (frame.current?.contentWindow as (Window & { Parley?: unknown }) | null)?.Parley;
    if (!parley || Array.isArray(parley)) return;
    const widget = parley as ParleyApi;
    widget.on("message", () => activity.current());
    widget.on("conversation", () => activity.current());
    widget.on("restart", () => restart.current());
    widget.open();
  };

  return (
    <iframe
      ref={frame}
      title={strings.preview.chatTitle}
      srcDoc={frameDocument(started)}
      onLoad={connect}
      style={{ width: "100%", height: "100%", border: 0, display: "block" }}
    />
  );
}
