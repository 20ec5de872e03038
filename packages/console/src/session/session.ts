import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "manager" | "agent";
}

export interface Me {
  organizationId: string;
  scopes: string[];
  userId: string | null;
  user: SignedInUser | null;
}

/** The scopes the server grants (packages/server/src/http/scopes.ts), by what the console does with them. */
export const scopes = {
  read: "org.read",
  assistantsWrite: "org.permission.assistant.update",
  organizationWrite: "org.admin.apps.write",
  reportsRead: "org.reporting.read",
} as const;

export const meQueryKey = ["me"] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get<Me>("/v1/me", signal),
    retry: false,
    staleTime: 60_000,
  });
}

/**
 * Whether the signed-in user may do what a scope allows. Pages hide or disable what they
 * cannot change, so an agent or manager never meets a 403 they could not avoid.
 */
export function useCan(scope: string): boolean {
  const { data } = useMe();
  return data?.scopes.includes(scope) ?? false;
}

/**
 * Whether this tab was signed in: a 401 then means the session expired, and the sign-in page says
 * so. The session cookie itself is out of the page's reach (HttpOnly).
 */
const signedInKey = "parley.signedIn";
export const signedInMemory = {
  remember: () => sessionStorage.setItem(signedInKey, "1"),
  forget: () => sessionStorage.removeItem(signedInKey),
  signInPath: () => (sessionStorage.getItem(signedInKey) === "1" ? "/sign-in?expired=1" : "/sign-in"),
};
