// Shapes of the competency routes (docs/api.md, "Competencies") and the Dutch words the pages use for them.
import type { EducationLevel } from "../../api/types";

export type CompetencyKind = "technical" | "social_normative" | "knowledge";
export type Purpose = "development" | "selection";
export type RatingSource = "self" | "manager" | "external" | "peer";
export type Verdict = "meets" | "trainable" | "does_not_meet" | "incomplete";
export type ProgressStatus = "not_started" | "in_progress" | "complete";
export type ProfileMatch = "exchangeable" | "equivalent" | "suitable" | "none";
export type FrameworkOutcome = "created" | "unchanged" | "same_version" | "new_version";

export interface Scale {
  min: number;
  max: number;
  anchors: Record<string, string>;
}

export interface Indicator {
  code: string;
  text: string;
}

export interface Competency {
  code: string;
  name: string;
  definition: string;
  kind: CompetencyKind;
  indicators: Indicator[];
}

/** The framework file format of docs/frameworks.md. */
export interface FrameworkDocument {
  code: string;
  name: string;
  version: number;
  scale: Scale;
  competencies: Competency[];
}

export interface Framework extends FrameworkDocument {
  status: "current" | "superseded";
  in_use: boolean;
  versions: number[];
}

export interface FrameworkSummary {
  code: string;
  name: string;
  version: number;
  status: "current";
  in_use: boolean;
  versions: number[];
  competencies: number;
  knowledge_areas: number;
}

export interface FrameworkChange {
  outcome: FrameworkOutcome;
  framework: Framework;
  diff: {
    added: string[];
    removed: string[];
    changed: string[];
    name_changed: boolean;
    scale_changed: boolean;
    reordered: boolean;
  };
}

export interface ReferenceFramework {
  code: string;
  name: string;
  competencies: number;
  kinds: CompetencyKind[];
}

export interface Requirement {
  competency_code: string;
  framework_code: string | null;
  name: string;
  required: number;
  critical: boolean;
}

export interface Profile {
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  education_level: EducationLevel | null;
  competencies: Requirement[];
  knowledge_areas: Requirement[];
  updated_at: string | null;
}

export interface ProfileSummary {
  function_id: number;
  function_code: string;
  function_name: string;
  level: string;
  education_level: EducationLevel | null;
  competencies: number;
  knowledge_areas: number;
  critical: number;
}

export interface RequirementSide {
  required: number;
  critical: boolean;
}

export interface RequirementDifference {
  competency_code: string;
  name: string;
  from: RequirementSide | null;
  to: RequirementSide | null;
  level_change: number;
}

export interface ProfileComparison {
  from: Profile;
  to: Profile;
  overlap: number;
  shared: number;
  match: ProfileMatch;
  reasons: string[];
  differences: RequirementDifference[];
}

export interface CareerStep {
  from_level: string;
  to_level: string;
  from_education: EducationLevel | null;
  to_education: EducationLevel | null;
  added: RequirementDifference[];
  raised: RequirementDifference[];
  lowered: RequirementDifference[];
  removed: RequirementDifference[];
  became_critical: RequirementDifference[];
  no_longer_critical: RequirementDifference[];
}

export interface CareerPath {
  function_code: string;
  levels: string[];
  /** The profile of every level, in path order (the server sends them along). */
  profiles?: Profile[];
  steps: CareerStep[];
}

export interface Consent {
  recorded_at: string;
  recorded_by: string;
}

export interface Round {
  code: string;
  name: string;
  purpose: Purpose;
  purpose_text: string;
  status: "open" | "closed";
  deadline: string;
  target_date: string | null;
  frameworks: { code: string; version: number; name: string }[];
  profiles: { function_code: string; level: string }[];
  sources: RatingSource[];
  weights: Record<RatingSource, number>;
  tolerance: number;
  trainable_step: number;
  spread_threshold: number;
  participants: number;
  created_at: string;
  closed_at: string | null;
}

export interface Participant {
  personnel_number: string;
  name: string;
  unit_code: string;
  function_code: string;
  level: string;
  engagement: string;
  organisation: string;
  consent: Consent | null;
}

export interface SourceProgress {
  status: ProgressStatus;
  rated: number;
  expected: number;
  last_rated_at: string | null;
}

export interface RoundProgress {
  round: string;
  deadline: string;
  sources: RatingSource[];
  people: {
    personnel_number: string;
    name: string;
    unit_code: string;
    sources: Partial<Record<RatingSource, SourceProgress>>;
  }[];
  totals: Partial<Record<RatingSource, { complete: number; in_progress: number; not_started: number }>>;
}

export interface FormCompetency {
  code: string;
  name: string;
  definition: string;
  kind: CompetencyKind;
  framework_code: string;
  scale: Scale;
  indicators: (Indicator & { score: number | null })[];
}

export interface RatingFormData {
  round: {
    code: string;
    name: string;
    purpose: Purpose;
    purpose_text: string;
    deadline: string;
    status: "open" | "closed";
  };
  person: { personnel_number: string; name: string; unit_code: string; function_code: string; level: string };
  source: RatingSource;
  editable: boolean;
  consent: Consent | null;
  competencies: FormCompetency[];
  rated: number;
  expected: number;
  complete: boolean;
}

export interface OwnRound extends Round {
  self: { status: ProgressStatus; rated: number; expected: number };
  consent: Consent | null;
}

export interface CompetencyResult {
  code: string;
  name: string;
  required: number;
  critical: boolean;
  state: "scored" | "not_assessed";
  combined: number | null;
  gap: number | null;
  spread: number | null;
  spread_flagged: boolean;
  sources: { source: RatingSource; score: number; ratings: number }[];
  missing_sources: RatingSource[];
}

export interface PersonResult {
  personnel_number: string;
  name: string;
  unit_code: string;
  function_code: string;
  level: string;
  verdict: Verdict;
  target_date: string | null;
  explanation: string;
  non_critical_gap_total: number;
  largest_gap: number;
  reasons: { code: string; gap: number; critical: boolean; beyond_trainable_step: boolean }[];
  not_assessed: string[];
  competencies: CompetencyResult[];
}

export interface PersonReport extends PersonResult {
  round: Round;
}

export interface TeamCell {
  state: "scored" | "not_assessed";
  required: number;
  critical: boolean;
  combined: number | null;
  gap: number | null;
  spread_flagged: boolean;
}

export interface TeamHeatmap {
  unit: string;
  competencies: { code: string; name: string }[];
  people: { personnel_number: string; name: string }[];
  cells: (TeamCell | null)[][];
}

export interface UnitCell {
  people: number | null;
  not_assessed: number | null;
  average_gap: number | null;
  share_meeting: number | null;
  suppressed: boolean;
}

export interface OrganisationHeatmap {
  competencies: { code: string; name: string }[];
  units: { code: string; name: string; depth: number }[];
  cells: UnitCell[][];
}

export interface CoverageRow {
  code: string;
  name: string;
  people: number | null;
  meeting: number | null;
  not_assessed: number | null;
  share_meeting: number | null;
  suppressed: boolean;
}

export interface Coverage {
  unit: string | null;
  rows: CoverageRow[];
}

export interface GrowthCompetency {
  code: string;
  name: string;
  people: number | null;
  average_before: number | null;
  average_after: number | null;
  average_change: number | null;
  improved: number | null;
  suppressed: boolean;
}

export interface Growth {
  from: string;
  to: string;
  competencies: GrowthCompetency[];
  people: { personnel_number: string; competency_code: string; before: number; after: number; change: number }[];
}

export const kindLabels: Record<CompetencyKind, string> = {
  technical: "Kennis en vaardigheden (technisch-instrumenteel)",
  social_normative: "Houding (sociaal-normatief)",
  knowledge: "Kennisgebied",
};

export const purposeLabels: Record<Purpose, string> = {
  development: "Ontwikkelassessment",
  selection: "Selectieassessment",
};

export const sourceLabels: Record<RatingSource, string> = {
  self: "Zelfbeoordeling",
  manager: "Leidinggevende",
  external: "Extern assessor",
  peer: "Collega's",
};

export const allSources: RatingSource[] = ["self", "manager", "external", "peer"];

export const verdictLabels: Record<Verdict, string> = {
  meets: "Voldoet",
  trainable: "Trainbaar",
  does_not_meet: "Voldoet niet",
  incomplete: "Nog geen oordeel",
};

export const progressLabels: Record<ProgressStatus, string> = {
  complete: "Klaar",
  in_progress: "Bezig",
  not_started: "Niet begonnen",
};

export const matchLabels: Record<ProfileMatch, string> = {
  exchangeable: "Uitwisselbaar",
  equivalent: "Gelijkwaardig",
  suitable: "Passend",
  none: "Geen passende functie",
};

export const roundStatusLabels: Record<Round["status"], string> = {
  open: "Open",
  closed: "Gesloten",
};

const scoreFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const changeFormat = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 2,
  signDisplay: "exceptZero",
});

/** A score, level or gap on the scale: one or two decimals, "–" when there is none. */
export const formatScore = (value: number | null | undefined) => (value == null ? "–" : scoreFormat.format(value));
const levelFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
/** A required level: "3", or "3,5" when it is not a whole point. */
export const formatLevel = (value: number) => levelFormat.format(value);
/** A change with its sign: +0,5 or −0,25. */
export const formatChange = (value: number | null | undefined) => (value == null ? "–" : changeFormat.format(value));

export const profileKey = (functionCode: string, level: string) => `${functionCode}/${level}`;

export const profilePath = (functionCode: string, level: string) =>
  `/competenties/profielen/${encodeURIComponent(functionCode)}/${encodeURIComponent(level)}`;

export const roundPath = (code: string, rest = "") => `/competenties/rondes/${encodeURIComponent(code)}${rest}`;

export const reportPath = (round: string, personnelNumber: string) =>
  roundPath(round, `/personen/${encodeURIComponent(personnelNumber)}`);

export const formPath = (round: string, personnelNumber: string, source: RatingSource) =>
  roundPath(round, `/beoordelen/${encodeURIComponent(personnelNumber)}/${source}`);

export const frameworkPath = (code: string) => `/competenties/kaders/${encodeURIComponent(code)}`;

/** A code from a name, by the code rule of docs/frameworks.md: lower case, digits, "-" and "_". */
export function codeFromName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
