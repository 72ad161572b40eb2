// Shapes of the JSON API, as described in docs/api.md.

// assessor: an external assessor's account, limited to the people of its assessment rounds.
export type Role = "admin" | "hr" | "manager" | "employee" | "works_council" | "external" | "assessor";

export interface User {
  id: number;
  username: string;
  role: Role;
  municipality: { code: string; name: string };
  person_id: number | null;
  organisation: string;
  unit_ids: number[];
}

export interface SessionAnswer {
  user: User;
  csrf_token: string;
}

export type Pillar = "care" | "youth" | "participation";
export type UnitKind =
  | "department"
  | "sector"
  | "team"
  | "district_team"
  | "youth_team"
  | "front_office"
  | "back_office"
  | "policy"
  | "purchasing"
  | "work_income"
  | "project"
  | "flex_pool";
export type Direction = "municipality" | "contractor";
export type Location = "fixed" | "network";
export type TeamType = 1 | 2 | 3 | 4;

export interface Unit {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  kind: UnitKind;
  pillars: Pillar[];
  direction: Direction | null;
  contractor: string | null;
  location: Location | null;
  team_type: TeamType | null;
}

export interface Formation {
  budgeted_fte: number;
  filled_fte: number;
  vacant_fte: number;
  external_fte: number;
  temporary_fte: number;
  external_share: number;
  temporary_share: number;
  people: number;
  externals: number;
}

export interface TreeUnit extends Unit {
  formation: Formation;
  total: Formation;
  children_ids: number[];
}

export interface UnitDetail extends Unit {
  formation: Formation;
  total: Formation;
  children: (Unit & { total: Formation })[];
}

export type Engagement = "employee" | "secondment" | "hired";
export type Contract = "permanent" | "temporary";
export type PositionKind = "structural" | "temporary";
export type EducationLevel = "mbo" | "hbo" | "wo";

export interface Position {
  id: number;
  unit_id: number;
  unit_code: string;
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  fte: number;
  kind: PositionKind;
  end_date: string | null;
}

/** A member on the team page: the person record as everywhere else. */
export type TeamMember = Person;

export interface Team {
  unit: Unit;
  formation: Formation;
  team_type: TeamType | null;
  team_type_reason: string;
  members: TeamMember[];
  positions: Position[];
  /** Temporary positions ending within six months, including those already past their end date. */
  expiring_positions: Position[];
  /** Members whose temporary contract ends within six months; empty for the works council. */
  expiring_contracts: TeamMember[];
}

export interface Person {
  id: number;
  personnel_number: string;
  name: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  function_id: number | null;
  function_code: string | null;
  function_name: string | null;
  level: string | null;
  fte: number;
  contract: Contract | null;
  contract_end: string | null;
  hire_date: string | null;
  education_level: EducationLevel | null;
  engagement: Engagement;
  organisation: string;
}

export type AuditAction = "create" | "update" | "delete" | "import";

export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  action: AuditAction;
  entity: string;
  entity_key: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export type ImportKind = "units" | "functions" | "positions" | "people";

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  imported: number;
}
