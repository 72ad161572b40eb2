// The placement procedure's pages under /reorganisaties. App.tsx asks this module first;
// each page is gated by the roles the API serves its data to.

import type { ReactNode } from "react";
import { matchPath } from "../../router";
import { ComparePage } from "./ComparePage";
import { DecisionsPage } from "./DecisionsPage";
import { MappingPage } from "./MappingPage";
import { MyExplanationPage, ObjectionsPage } from "./ObjectionsPages";
import { OverviewPage } from "./OverviewPage";
import { MyPreferencesPage, PreferenceStatusPage, PreferencesOnBehalfPage } from "./PreferencesPages";
import { NewReorganisationPage, ReorganisationsPage } from "./ReorganisationsPage";
import { RunExplanationPage, RunPage, RunsPage } from "./RunsPages";
import { SelectionInputPage } from "./SelectionInputPage";
import { SettingsPage } from "./SettingsPage";
import { AGGREGATE_ROLES, EMPLOYEE_ROLES, HR_ROLES, RoleGate } from "./shared";
import { SuitabilityPage } from "./SuitabilityPage";
import { VacanciesPage } from "./VacanciesPage";
import "./placement.css";

type Params = Record<string, string>;

interface PlacementRoute {
  pattern: string;
  roles: typeof HR_ROLES;
  page: (params: Params) => ReactNode;
}

const routes: PlacementRoute[] = [
  { pattern: "/reorganisaties", roles: [...AGGREGATE_ROLES, ...EMPLOYEE_ROLES], page: () => <ReorganisationsPage /> },
  { pattern: "/reorganisaties/nieuw", roles: HR_ROLES, page: () => <NewReorganisationPage /> },
  {
    pattern: "/reorganisaties/:id",
    roles: [...AGGREGATE_ROLES, ...EMPLOYEE_ROLES],
    page: (p) => <OverviewPage id={p.id} />,
  },
  { pattern: "/reorganisaties/:id/instellingen", roles: HR_ROLES, page: (p) => <SettingsPage id={p.id} /> },
  { pattern: "/reorganisaties/:id/functiekoppeling", roles: AGGREGATE_ROLES, page: (p) => <MappingPage id={p.id} /> },
  { pattern: "/reorganisaties/:id/voorkeuren", roles: HR_ROLES, page: (p) => <PreferenceStatusPage id={p.id} /> },
  {
    pattern: "/reorganisaties/:id/voorkeuren/:personId",
    roles: HR_ROLES,
    page: (p) => <PreferencesOnBehalfPage id={p.id} personId={p.personId} />,
  },
  { pattern: "/reorganisaties/:id/selectiegegevens", roles: HR_ROLES, page: (p) => <SelectionInputPage id={p.id} /> },
  { pattern: "/reorganisaties/:id/geschiktheid", roles: HR_ROLES, page: (p) => <SuitabilityPage id={p.id} /> },
  { pattern: "/reorganisaties/:id/vastzetten", roles: HR_ROLES, page: (p) => <DecisionsPage id={p.id} /> },
  { pattern: "/reorganisaties/:id/voorstellen", roles: HR_ROLES, page: (p) => <RunsPage id={p.id} /> },
  {
    pattern: "/reorganisaties/:id/voorstellen/:runId",
    roles: HR_ROLES,
    page: (p) => <RunPage id={p.id} runId={p.runId} />,
  },
  {
    pattern: "/reorganisaties/:id/voorstellen/:runId/uitleg/:personId",
    roles: HR_ROLES,
    page: (p) => <RunExplanationPage id={p.id} runId={p.runId} personId={p.personId} />,
  },
  { pattern: "/reorganisaties/:id/vergelijken", roles: AGGREGATE_ROLES, page: (p) => <ComparePage id={p.id} /> },
  { pattern: "/reorganisaties/:id/vacatures", roles: AGGREGATE_ROLES, page: (p) => <VacanciesPage id={p.id} /> },
  { pattern: "/reorganisaties/:id/bezwaren", roles: HR_ROLES, page: (p) => <ObjectionsPage id={p.id} /> },
  {
    pattern: "/reorganisaties/:id/mijn-voorkeuren",
    roles: EMPLOYEE_ROLES,
    page: (p) => <MyPreferencesPage id={p.id} />,
  },
  {
    pattern: "/reorganisaties/:id/mijn-uitkomst",
    roles: EMPLOYEE_ROLES,
    page: (p) => <MyExplanationPage id={p.id} />,
  },
];

/**
 * The page for a path under /reorganisaties, or null when the path is not one of ours.
 * A fixed segment ("nieuw") is tried before a parameter, so the list order above decides.
 */
export function placementPage(pathname: string): (() => ReactNode) | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (!params) continue;
    if (route.pattern.includes(":id") && !/^\d+$/.test(params.id)) continue;
    // Remount on a new id so no state of the previous reorganisation or run lingers.
    return () => (
      <RoleGate key={pathname} roles={route.roles}>
        {route.page(params)}
      </RoleGate>
    );
  }
  return null;
}
