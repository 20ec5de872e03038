import { importSPKI, type JWTPayload, errors as joseErrors, jwtVerify } from "jose";

type VerificationKey = Awaited<ReturnType<typeof importSPKI>> | Uint8Array;

import { eq } from "drizzle-orm";
import { upsertCustomer } from "../../data/customers.ts";
import { isUuid } from "../../data/identifiers.ts";
import type { Executor } from "../../database/connection.ts";
import { brands } from "../../database/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";

export type BrandRow = typeof brands.$inferSelect;

export async function findBrand(executor: Executor, brandId: string): Promise<BrandRow> {
  if (!isUuid(brandId)) throw notFound("Brand", brandId);
  const [brand] = await executor.select().from(brands).where(eq(brands.id, brandId));
  if (!brand) throw notFound("Brand", brandId);
  return brand;
}

function refused(reason: string): ApiError {
  return new ApiError(401, "invalid_customer_token", `The customer token was refused: ${reason}.`, {
    problems: [{ in: "body", path: "/customerToken", code: "invalid_customer_token", message: reason }],
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "it has expired";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return "its signature does not match the brand's key";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim ${error.claim} ${error.reason}`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return "it is signed with an algorithm the brand does not use";
  if (error instanceof joseErrors.JOSEError) return "it is not a valid JWT";
  return "it could not be verified";
}

/**
 * Verifies a JWT signed by the brand's site (HS256 with its secret, or RS256 with the
 * private key matching its public key) and returns its claims. `sub` names the
 * customer (their external id); `exp` is required so a leaked token stops working.
 */
export async function verifyCustomerToken(
  brand: BrandRow,
  token: string,
): Promise<JWTPayload & { sub: string }> {
  const keys: Array<{ key: VerificationKey; algorithm: string }> = [];
  if (brand.chatJwtSecret)
    keys.push({ key: new TextEncoder().encode(brand.chatJwtSecret), algorithm: "HS256" });
  if (brand.chatJwtPublicKey) {
    keys.push({ key: await importSPKI(brand.chatJwtPublicKey, "RS256"), algorithm: "RS256" });
  }
  if (keys.length === 0) throw refused("the brand has no key for customer tokens");
  let lastError: unknown = null;
  for (const { key, algorithm } of keys) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [algorithm],
        requiredClaims: ["sub", "exp"],
        clockTolerance: 30,
      });
      if (typeof payload.sub !== "string" || payload.sub.length > 255)
        throw refused("sub must be a string of at most 255 characters");
      return payload as JWTPayload & { sub: string };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      lastError = error;
      // A token for the other algorithm is tried against the other key; any other failure is final.
      if (!(error instanceof joseErrors.JOSEAlgNotAllowed)) break;
    }
  }
  throw refused(reasonOf(lastError));
}

function stringClaim(payload: JWTPayload, name: string, maximum: number): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value.length > 0 && value.length <= maximum ? value : undefined;
}

/** The customer record a verified token names, created on first sight. */
export async function customerOfToken(executor: Executor, brand: BrandRow, token: string): Promise<string> {
  const payload = await verifyCustomerToken(brand, token);
  const email = stringClaim(payload, "email", 320);
  const name = stringClaim(payload, "name", 200);
  const phone = stringClaim(payload, "phone", 32);
  try {
    const { customer } = await executor.transaction((savepoint) =>
      upsertCustomer(savepoint, brand.organizationId, {
        externalId: payload.sub,
        ...(email ? { email } : {}),
        ...(name ? { name } : {}),
        ...(phone ? { phone } : {}),
      }),
    );
    return customer.id;
  } catch (error) {
    if (error instanceof ApiError)
      throw refused(`its claims do not fit a customer record (${error.message})`);
    throw error;
  }
}
