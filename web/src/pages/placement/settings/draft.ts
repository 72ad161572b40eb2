// The settings of a reorganisation as a form holds them (text as typed), checked and turned into the API's body.
import type { GeneralDraft } from "../GeneralFields";
import { roundKindLabels } from "../labels";
import type { FieldErrors } from "../shared";
import type { Reorganisation, RoundKind, Settings, TieBreak } from "../types";

const ROUND_KINDS: RoundKind[] = ["follows_function", "preference", "suitable"];
const TIE_BREAKS: TieBreak[] = ["seniority", "preference_rank"];

export interface RoundDraft {
  kind: RoundKind;
  name: string;
  enabled: boolean;
}

export interface TieBreakDraft {
  kind: TieBreak;
  enabled: boolean;
}

export interface SettingsDraft {
  competency: string;
  interview: string;
  appraisal: string;
  bonus: string[];
  hours_tolerance: string;
  require_education: boolean;
  exclude_critical_gaps: boolean;
  rounds: RoundDraft[];
  tie_breaks: TieBreakDraft[];
  slots: Record<number, string>;
}

const number = (value: number) => String(value);

export function draftFrom(settings: Settings): SettingsDraft {
  const rounds: RoundDraft[] = settings.rounds.map((r) => ({ ...r, enabled: true }));
  for (const kind of ROUND_KINDS)
    if (!rounds.some((r) => r.kind === kind)) rounds.push({ kind, name: roundKindLabels[kind], enabled: false });
  const tieBreaks: TieBreakDraft[] = settings.tie_breaks.map((kind) => ({ kind, enabled: true }));
  for (const kind of TIE_BREAKS) if (!tieBreaks.some((t) => t.kind === kind)) tieBreaks.push({ kind, enabled: false });
  return {
    competency: number(settings.weights.competency),
    interview: number(settings.weights.interview),
    appraisal: number(settings.weights.appraisal),
    bonus: settings.preference_bonus.map(number),
    hours_tolerance: number(settings.hours_tolerance),
    require_education: settings.require_education,
    exclude_critical_gaps: settings.exclude_critical_gaps,
    rounds,
    tie_breaks: tieBreaks,
    slots: Object.fromEntries(settings.slots.map((s) => [s.position_id, number(s.slots)])),
  };
}

const decimal = (text: string) => Number(text.replace(",", "."));

export function validate(draft: SettingsDraft, maxPreferences: number): FieldErrors {
  const errors: FieldErrors = {};
  const weight = (key: "competency" | "interview" | "appraisal") => {
    const value = decimal(draft[key]);
    if (draft[key].trim() === "" || !Number.isFinite(value) || value < 0)
      errors[`settings.weights.${key}`] = "Vul een getal van 0 of meer in.";
    return value;
  };
  const total = weight("competency") + weight("interview") + weight("appraisal");
  if (
    !errors["settings.weights.competency"] &&
    !errors["settings.weights.interview"] &&
    !errors["settings.weights.appraisal"] &&
    total <= 0
  )
    errors["settings.weights"] = "Minstens één onderdeel moet meetellen: geef het een gewicht groter dan 0.";
  draft.bonus.slice(0, maxPreferences).forEach((text, i) => {
    const value = decimal(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < 0)
      errors[`settings.preference_bonus[${i}]`] = "Vul een aantal punten van 0 of meer in.";
  });
  const tolerance = decimal(draft.hours_tolerance);
  if (draft.hours_tolerance.trim() === "" || !Number.isFinite(tolerance) || tolerance < 0)
    errors["settings.hours_tolerance"] = "Vul een aantal fte van 0 of meer in.";
  const enabled = draft.rounds.filter((r) => r.enabled);
  if (enabled.length === 0) errors["settings.rounds"] = "Kies minstens één ronde.";
  draft.rounds.forEach((r) => {
    if (r.enabled && !r.name.trim()) errors[`round-${r.kind}`] = "Geef de ronde een naam.";
  });
  for (const [positionId, text] of Object.entries(draft.slots)) {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 50)
      errors[`slots-${positionId}`] = "Vul een heel getal van 0 tot en met 50 in.";
  }
  return errors;
}

export function settingsBody(draft: SettingsDraft, maxPreferences: number): Settings {
  return {
    weights: {
      competency: decimal(draft.competency),
      interview: decimal(draft.interview),
      appraisal: decimal(draft.appraisal),
    },
    preference_bonus: draft.bonus.slice(0, maxPreferences).map(decimal),
    hours_tolerance: decimal(draft.hours_tolerance),
    require_education: draft.require_education,
    exclude_critical_gaps: draft.exclude_critical_gaps,
    tie_breaks: draft.tie_breaks.filter((t) => t.enabled).map((t) => t.kind),
    rounds: draft.rounds.filter((r) => r.enabled).map((r) => ({ kind: r.kind, name: r.name.trim() })),
    slots: Object.entries(draft.slots).map(([positionId, slots]) => ({
      position_id: Number(positionId),
      slots: Number(slots),
    })),
  };
}

export function generalFrom(r: Reorganisation): GeneralDraft {
  return {
    code: r.code,
    name: r.name,
    old_unit_id: String(r.old_unit.id),
    new_unit_id: String(r.new_unit.id),
    preference_deadline: r.preference_deadline,
    effective_date: r.effective_date,
    max_preferences: String(r.max_preferences),
    assessment_round: r.assessment_round ?? "",
  };
}

/** The server names fields as "settings.weights.interview"; the general fields have no prefix. */
export function generalErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith("settings.")));
}

export function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** What every part of the settings form gets. */
export interface SettingsSectionProps {
  draft: SettingsDraft;
  change: (patch: Partial<SettingsDraft>) => void;
  errors: FieldErrors;
  /** A confirmed reorganisation is read only. */
  closed: boolean;
}
