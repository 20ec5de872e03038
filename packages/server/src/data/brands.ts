import type { Executor } from "../database/connection.ts";
import { brands } from "../database/schema/index.ts";
import { dataLimits } from "./limits.ts";
import { type NamedRecordView, namedRecordStore } from "./named-records.ts";

export type BrandView = NamedRecordView;

const store = namedRecordStore(brands, "brand", "brands", dataLimits.brands);

/** Whether the organization has this brand; any other id, well-formed or not, is false. */
export function brandExists(executor: Executor, organizationId: string, brandId: string): Promise<boolean> {
  return store.exists(executor, organizationId, brandId);
}

export const {
  list: listBrands,
  find: findBrand,
  create: createBrand,
  replace: replaceBrand,
  remove: deleteBrand,
} = store;
