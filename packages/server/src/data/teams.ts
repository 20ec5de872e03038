import type { Executor } from "../database/connection.ts";
import { teams } from "../database/schema/index.ts";
import { dataLimits } from "./limits.ts";
import { type NamedRecordView, namedRecordStore } from "./named-records.ts";

export type TeamView = NamedRecordView;

// The two tables have the same columns; only their names differ.
const store = namedRecordStore(
  teams as unknown as Parameters<typeof namedRecordStore>[0],
  "team",
  "teams",
  dataLimits.teams,
);

/** Whether the organization has this team; any other id, well-formed or not, is false. */
export function teamExists(executor: Executor, organizationId: string, teamId: string): Promise<boolean> {
  return store.exists(executor, organizationId, teamId);
}

export const {
  list: listTeams,
  find: findTeam,
  create: createTeam,
  replace: replaceTeam,
  remove: deleteTeam,
} = store;
