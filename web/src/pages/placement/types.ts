// Shapes of the placement procedure's routes, as docs/api.md ("Placement") describes them.

import type { Contract, EducationLevel, PositionKind } from "../../api/types";

export type RoundKind = "follows_function" | "preference" | "suitable";
export type TieBreak = "seniority" | "preference_rank";
export type FunctionMatch = "exchangeable" | "equivalent" | "suitable" | "none";

export interface RoundSetting {
  kind: RoundKind;
  name: string;
}

export interface Settings {
  weights: { competency: number; interview: number; appraisal: number };
  preference_bonus: number[];
  hours_tolerance: number;
  require_education: boolean;
  exclude_critical_gaps: boolean;
  tie_breaks: TieBreak[];
  rounds: RoundSetting[];
  slots: { position_id: number; slots: number }[];
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface ByWhom {
  by: string;
  at: string;
}

export type ReorganisationStatus = "preparing" | "confirmed";

/** What employees and the works council see of a reorganisation. */
export interface ReorganisationHeadline {
  id: number;
  code: string;
  name: string;
  status: ReorganisationStatus;
  preference_deadline: string;
  effective_date: string;
  max_preferences: number;
}

/** The full record, for HR and admin. */
export interface Reorganisation extends ReorganisationHeadline {
  old_unit: UnitRef;
  new_unit: UnitRef;
  assessment_round: string | null;
  settings: Settings;
  mapping_confirmed: ByWhom | null;
  confirmed_run_id: number | null;
  employees: number;
  positions: number;
  responded: number;
  created_by: string;
  created_at: string;
}

export function isFull(reorganisation: ReorganisationHeadline): reorganisation is Reorganisation {
  return "settings" in reorganisation;
}

export interface ReorganisationInput {
  code: string;
  name: string;
  old_unit_id: number;
  new_unit_id: number;
  preference_deadline: string;
  effective_date: string;
  max_preferences: number;
  assessment_round: string | null;
  settings?: Settings;
}

export interface ScopeEmployee {
  person_id: number;
  personnel_number: string;
  name: string;
  unit_code: string;
  unit_name: string;
  function_id: number | null;
  function_code: string | null;
  function_name: string | null;
  level: string | null;
  fte: number;
  contract: Contract | null;
  education_level: EducationLevel | null;
  hire_date: string | null;
}

export interface ScopePosition {
  position_id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  education_level: EducationLevel | null;
  fte: number;
  kind: PositionKind;
  end_date: string | null;
  slots: number;
  slot_fte: number;
}

export interface Scope {
  employees: ScopeEmployee[];
  positions: ScopePosition[];
}

export interface NewFunction {
  function_id: number;
  code: string;
  name: string;
  level: string;
  education_level: EducationLevel | null;
  positions: number;
  slots: number;
  fte: number;
  novelty: "new" | "continued";
}

export interface FunctionMapping {
  confirmed: ByWhom | null;
  old_functions: { function_id: number; code: string; name: string; level: string; employees: number }[];
  new_functions: { function_id: number; code: string; name: string; level: string; novelty: "new" | "continued" }[];
  pairs: {
    old_function_id: number;
    new_function_id: number;
    proposed: FunctionMatch;
    overlap: number | null;
    reasons: string[];
    match: FunctionMatch;
  }[];
}

export interface Preference {
  rank: number;
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  motivation: string;
}

export interface MyPreferences {
  reorganisation_id: number;
  deadline: string;
  open: boolean;
  max_preferences: number;
  preferences: Preference[];
  updated_at: string | null;
}

export interface PreferenceStatus {
  responded: number;
  not_responded: number;
  employees: {
    person_id: number;
    personnel_number: string;
    name: string;
    unit_code: string;
    responded: boolean;
    updated_at: string | null;
    preferences: Preference[];
  }[];
}

export interface InterviewScore {
  person_id: number;
  personnel_number: string;
  name: string;
  function_id: number;
  function_code: string;
  level: string;
  score: number;
  note: string;
  entered_by: string;
  entered_at: string;
}

export interface Appraisal {
  person_id: number;
  personnel_number: string;
  name: string;
  score: number;
  date: string | null;
  entered_by: string;
  entered_at: string;
}

export type ComponentKind = "competency" | "interview" | "appraisal";

export interface ScoreComponent {
  kind: ComponentKind;
  status: "present" | "missing" | "refused";
  value: number | null;
  scaled: number | null;
  weight: number;
  share: number;
  contribution: number;
  text: string;
}

export type ConstraintKind = "education" | "critical_competency" | "hours" | "excluded_by_hr";

export interface Constraint {
  kind: ConstraintKind;
  met: boolean;
  text: string;
}

export type Verdict = "meets" | "trainable" | "does_not_meet" | "incomplete";

export interface Suitability {
  person_id: number;
  personnel_number: string;
  name: string;
  position_id: number;
  unit_code: string;
  unit_name?: string;
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  score: number;
  components: ScoreComponent[];
  verdict: Verdict | null;
  suitable: boolean;
  suitable_basis: "verdict" | "function_match";
  constraints: Constraint[];
  eligible: boolean;
  function_match: FunctionMatch;
  preference_rank: number | null;
  locked: boolean;
  rounds: {
    index: number;
    kind: RoundKind | "lock";
    name: string;
    candidate: boolean;
    bonus: number;
    points: number | null;
    text: string;
  }[];
}

export type Decision = "lock" | "forbid";

export interface PairDecision {
  id: number;
  person_id: number;
  personnel_number: string;
  name: string;
  position_id: number;
  unit_code: string;
  function_code: string;
  level: string;
  decision: Decision;
  reason: string;
  decided_by: string;
  decided_at: string;
}

export interface Placement {
  person_id: number;
  personnel_number: string;
  name: string;
  position_id: number;
  unit_code: string;
  unit_name: string;
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  round: number;
  round_name: string;
  points: number;
  suitability: number;
  bonus: number;
  preference_rank: number | null;
  locked: boolean;
}

export interface NearMiss {
  position_id: number;
  unit_code: string;
  function_code: string;
  function_name: string;
  level: string;
  round: number;
  round_name: string;
  points_short: number | null;
  text: string;
}

export interface Figures {
  employees: number;
  placed: number;
  surplus: number;
  on_preference: number[];
  share_on_preference: number[];
  average_suitability: number | null;
  open_slots: number;
}

export type RunStatus = "proposal" | "confirmed";

export interface RunHeadline {
  id: number;
  number: number;
  status: RunStatus;
  note: string;
  created_by: string;
  created_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  figures: Figures;
}

export interface OpenSlot {
  position_id: number;
  unit_code: string;
  function_code: string;
  function_name: string;
  level: string;
  kind: PositionKind;
  end_date: string | null;
  slots: number;
  fte: number;
}

export interface Run extends RunHeadline {
  confirmation_note: string;
  settings: Settings;
  rounds: {
    index: number;
    kind: RoundKind | "lock";
    name: string;
    candidates: number;
    placed: number;
    points: number;
  }[];
  placements: Placement[];
  surplus: {
    person_id: number;
    personnel_number: string;
    name: string;
    unit_code: string;
    function_code: string | null;
    function_name: string | null;
    level: string | null;
    near_misses: NearMiss[];
  }[];
  open_slots: OpenSlot[];
}

export interface Group {
  key: string;
  label: string;
  employees: number | null;
  placed: number | null;
  surplus: number | null;
  on_first_preference: number | null;
  on_preference: number | null;
  average_suitability: number | null;
  suppressed: boolean;
}

export type GroupDimension = "unit" | "hours" | "contract" | "education";

export interface Summary {
  run_id: number;
  number: number;
  status: RunStatus;
  figures: Figures;
  groups: Record<GroupDimension, Group[]>;
}

export type PreferenceOutcome = "granted" | "not_granted" | "lower_than_granted";
export type NotGrantedReason =
  "placed_earlier" | "no_place_left" | "higher_candidate" | "better_overall" | "not_eligible" | "no_preference_round";

export interface Explanation {
  run_id: number;
  person_id: number;
  personnel_number: string;
  name: string;
  outcome: "placed" | "surplus";
  round: { index: number; name: string } | null;
  position: {
    position_id: number;
    unit_code: string;
    unit_name: string;
    function_code: string;
    function_name: string;
    level: string;
  } | null;
  score: {
    points: number;
    suitability: number;
    bonus: number;
    components: ScoreComponent[];
    constraints: Constraint[];
  } | null;
  preferences: {
    rank: number;
    function_id: number;
    function_code: string;
    function_name: string;
    level: string;
    status: PreferenceOutcome;
    reason: NotGrantedReason | null;
    points_short: number | null;
    text: string;
  }[];
  near_misses: NearMiss[];
  text: string;
  confirmed: ByWhom | null;
}

export type VacancyStage = "internal" | "partners" | "external" | "filled" | "withdrawn";

export interface Vacancy {
  id: number;
  position_id: number;
  unit_code: string;
  function_code: string;
  function_name: string;
  level: string;
  slots: number;
  fte: number;
  kind: PositionKind;
  end_date: string | null;
  stage: VacancyStage;
  partners: string[];
  updated_by: string;
  updated_at: string;
}

export type ObjectionStatus = "received" | "in_review" | "upheld" | "rejected" | "withdrawn";

export interface Objection {
  id: number;
  person_id: number;
  personnel_number: string;
  name: string;
  run_id: number;
  grounds: string;
  status: ObjectionStatus;
  response: string;
  explanation: Explanation;
  registered_by: string;
  registered_at: string;
  updated_by: string;
  updated_at: string;
}

export interface Items<T> {
  items: T[];
}
