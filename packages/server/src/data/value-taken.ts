import { ApiError } from "../http/errors.ts";

/** A unique field of a record already belongs to another record of the organization (409). */
export function valueTaken(record: string, field: string, value?: string): ApiError {
  return new ApiError(
    409,
    `${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}_taken`,
    value === undefined
      ? `Another ${record} already has this ${field}.`
      : `Another ${record} already has the ${field} ${value}.`,
    {
      problems: [
        { in: "body", path: `/${field}`, code: "unique", message: `is already another ${record}'s ${field}` },
      ],
    },
  );
}
