export * from "./effects.ts";
export * from "./environment.ts";
export * from "./events.ts";
export * from "./messages.ts";
export * from "./state.ts";
export * from "./status.ts";
export * from "./turn.ts";
