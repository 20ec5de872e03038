import { retryDelay } from "./backoff.ts";
import type { ServerFrame } from "./protocol.ts";

/** Close codes after which trying again cannot help: a wrong token, an unknown conversation. */
const finalCloseCodes = new Set([4401, 4404]);

export interface SocketConnectionOptions {
  /** Asked at every (re)connect, so a reconnect resumes after the last message shown. */
  url(): string;
  onFrame(frame: ServerFrame): void;
  onConnectedChange(connected: boolean): void;
  /** The server refused the conversation for good (4401, 4404). */
  onRejected(code: number): void;
}

export interface SocketConnection {
  send(frame: unknown): void;
  close(): void;
}

/** A socket that comes back by itself, with backoff, until it is closed or refused. */
export function connectSocket(options: SocketConnectionOptions): SocketConnection {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const reconnectNow = () => {
    if (closed || socket || timer === null) return;
    clearTimeout(timer);
    timer = null;
    open();
  };

  function scheduleReconnect() {
    if (closed || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      open();
    }, retryDelay(attempt));
    attempt += 1;
  }

  function open() {
    if (closed) return;
    let current: WebSocket;
    try {
      current = new WebSocket(options.url());
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      attempt = 0;
      options.onConnectedChange(true);
    };
    current.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      try {
        options.onFrame(JSON.parse(event.data) as ServerFrame);
      } catch (error) {
        console.error("Parley: could not handle a frame", error);
      }
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      options.onConnectedChange(false);
      if (closed) return;
      if (finalCloseCodes.has(event.code)) {
        closed = true;
        options.onRejected(event.code);
        return;
      }
      scheduleReconnect();
    };
  }

  // A laptop waking up or a phone finding the network again should not wait out a long backoff.
  window.addEventListener("online", reconnectNow);
  open();

  return {
    send(frame) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    },
    close() {
      closed = true;
      window.removeEventListener("online", reconnectNow);
      if (timer !== null) clearTimeout(timer);
      const current = socket;
      socket = null;
      current?.close(1000);
    },
  };
}
