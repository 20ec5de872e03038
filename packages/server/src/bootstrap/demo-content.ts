import type { Transaction } from "../database/connection.ts";

/**
 * The demo organization's content: a brand, teams, a business schedule and the
 * published tutorial and respond-with-AI assistants.
 */
export async function createDemoContent(_transaction: Transaction, _organizationId: string): Promise<void> {
  // Filled in once the data model and assistant stores exist (issue 3, in progress).
}
