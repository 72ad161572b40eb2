import { createContext, useContext } from "react";
import type { Role, User } from "./api/types";
import { PEOPLE_PATH, personPath } from "./paths";

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
export type Area =
  | "organisation"
  | "team"
  | "people"
  | "person"
  | "import"
  | "audit"
  // Competency management (issue 3): the hub and rounds; frameworks and profiles; setting rounds up; results of
  // single people; a person's report; the employee's own assessments.
  | "competence"
  | "competence-setup"
  | "competence-admin"
  | "competence-results"
  | "competence-report"
  | "my-assessments"
  // Selection and placement (issue 4): reorganisations; each page narrows further by role.
  | "placement";

const competenceAdmin: Area[] = [
  "competence",
  "competence-setup",
  "competence-admin",
  "competence-results",
  "competence-report",
];

const areasByRole: Record<Role, Area[]> = {
  admin: ["organisation", "team", "people", "person", "import", "audit", ...competenceAdmin, "placement"],
  hr: ["organisation", "team", "people", "person", "import", "audit", ...competenceAdmin, "placement"],
  manager: [
    "organisation",
    "team",
    "people",
    "person",
    "competence",
    "competence-setup",
    "competence-results",
    "competence-report",
  ],
  works_council: ["organisation", "team", "competence", "competence-setup", "placement"],
  employee: ["person", "my-assessments", "competence-report", "placement"],
  external: ["people", "person"],
  assessor: ["competence"],
};

export function mayOpen(user: User, area: Area): boolean {
  return areasByRole[user.role].includes(area);
}

/** Where a user lands after logging in or when opening a page the role cannot use. */
export function homePath(user: User): string {
  if (mayOpen(user, "organisation")) return "/";
  if (user.role === "employee" && user.person_id != null) return personPath(user.person_id);
  if (mayOpen(user, "people")) return PEOPLE_PATH;
  if (user.role === "assessor") return "/competenties/rondes";
  return "/";
}
