export type EventHandler = (payload?: unknown) => void;

export interface EventEmitter {
  on(name: string, handler: EventHandler): void;
  off(name: string, handler: EventHandler): void;
  emit(name: string, payload?: unknown): void;
}

/** The site's handlers run inside the widget: one that throws must not stop the chat or the other handlers. */
export function createEventEmitter(report: (error: unknown) => void = console.error): EventEmitter {
  const handlers = new Map<string, Set<EventHandler>>();
  return {
    on(name, handler) {
      if (typeof handler !== "function") return;
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
      }
      set.add(handler);
    },
    off(name, handler) {
      handlers.get(name)?.delete(handler);
    },
    emit(name, payload) {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          report(error);
        }
      }
    },
  };
}
