import { type AttributeType, type ConditionScope, standardAttributes } from "@parley/model";
import { useMemo } from "react";
import { type Klass, type KlassAttribute, useKlasses } from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";

/**
 * What forms pick attributes from: the organization's Klasses as /v1/klasses labels them, plus the
 * two condition scopes that are not Klasses (the customer's message and the web page's session).
 */
export interface AttributeCatalog {
  klasses: Klass[];
  loading: boolean;
  error: Error | null;
}

const text = strings.interactions;

function scopeKlass(scope: "message" | "session"): Klass {
  return {
    name: scope,
    label: text.scopes[scope] ?? scope,
    standard: true,
    attributes: Object.entries(standardAttributes[scope]).map(([name, type]) => ({
      name,
      label: text.scopeAttributes[scope]?.[name] ?? name,
      type,
      standard: true,
    })),
  };
}

export function useAttributeCatalog(): AttributeCatalog {
  const klasses = useKlasses();
  return useMemo(
    () => ({
      klasses: [...(klasses.data ?? []), scopeKlass("message"), scopeKlass("session")],
      loading: klasses.isPending,
      error: klasses.error,
    }),
    [klasses.data, klasses.isPending, klasses.error],
  );
}

export function klassOf(catalog: AttributeCatalog, name: string): Klass | undefined {
  return catalog.klasses.find((klass) => klass.name === name);
}

export function attributeOf(
  catalog: AttributeCatalog,
  klass: string,
  name: string,
): KlassAttribute | undefined {
  return klassOf(catalog, klass)?.attributes.find((attribute) => attribute.name === name);
}

/** The type a condition or update works with: the Klass's, or the standard table's before it loads. */
export function attributeTypeIn(
  catalog: AttributeCatalog,
  klass: string,
  name: string,
): AttributeType | undefined {
  return (
    attributeOf(catalog, klass, name)?.type ??
    standardAttributes[klass as ConditionScope]?.[name] ??
    undefined
  );
}
