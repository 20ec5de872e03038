import { z } from "zod";

/** Path parameters and response parts shared by the data routes. */
export const IdParameters = z.object({ id: z.uuid() });
export const Timestamps = { createdAt: z.string(), updatedAt: z.string() };
export const AttributeValuesSchema = z.record(z.string(), z.unknown());
/** External ids are the caller's own keys (a shop's customer or order number). */
export const ExternalId = z.string().trim().min(1).max(256);
export const DisplayName = z.string().trim().min(1).max(100);
