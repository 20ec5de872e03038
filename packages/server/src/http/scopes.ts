/**
 * What an API key or a user may do. The three spec 16 names are kept as they
 * are, so a key made for a migration guide works here unchanged.
 */
export const scopes = {
  /** Read assistants, intents, rules, the data model and knowledge bases. */
  read: "org.read",
  /** Create, edit, publish and delete assistants (spec 16), and the custom intents they map. */
  assistantsWrite: "org.permission.assistant.update",
  /**
   * Organization set-up: brands, teams, Klasses, schedules, snippets, rules, webhooks (spec 16), and
   * knowledge bases with their articles.
   */
  organizationWrite: "org.admin.apps.write",
  /** Customer, company and custom object records (spec 16). */
  recordsWrite: "org.permission.apps.update",
  /** Users and API keys. */
  accessWrite: "org.admin.access.write",
  /** Read-only reporting. */
  reportsRead: "org.reporting.read",
  /** Agents: conversations, the handoff queue, replies. */
  agent: "org.agent",
} as const;

export type Scope = (typeof scopes)[keyof typeof scopes];
export const allScopes = Object.values(scopes) as Scope[];

export const roles = ["admin", "manager", "agent"] as const;
export type Role = (typeof roles)[number];

/** What each role's browser session may do. */
export const roleScopes: Record<Role, readonly Scope[]> = {
  admin: allScopes,
  manager: [scopes.read, scopes.reportsRead, scopes.agent],
  agent: [scopes.read, scopes.agent],
};
