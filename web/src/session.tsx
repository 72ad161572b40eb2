import { createContext, useContext } from "react";
import type { Role, User } from "./api/types";

export interface SessionState {
  user: User;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a logged-in session");
  return session;
}

// What each role may open in the web app; the server checks the same on every
// endpoint, this only keeps the navigation from offering dead ends.
export type Area = "organisation" | "team" | "people" | "person" | "import" | "audit";

const areasByRole: Record<Role, Area[]> = {
  admin: ["organisation", "team", "people", "person", "import", "audit"],
  hr: ["organisation", "team", "people", "person", "import", "audit"],
  manager: ["organisation", "team", "people", "person"],
  works_council: ["organisation", "team"],
  employee: ["person"],
  external: ["people", "person"],
};

export function mayOpen(user: User, area: Area): boolean {
  return areasByRole[user.role].includes(area);
}

/** Where a user lands after logging in or when opening a page the role cannot use. */
export function homePath(user: User): string {
  if (mayOpen(user, "organisation")) return "/";
  if (user.role === "employee" && user.person_id != null) return `/people/${user.person_id}`;
  if (mayOpen(user, "people")) return "/people";
  return "/";
}
