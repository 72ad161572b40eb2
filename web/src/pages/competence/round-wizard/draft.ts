// What the round wizard collects before it creates a round, and where a server error sends the user back to.
import { ApiError } from "../../../api/client";
import type { Purpose, RatingSource } from "../model";

export interface Draft {
  purpose: Purpose | null;
  name: string;
  code: string;
  codeTouched: boolean;
  profiles: string[];
  sources: RatingSource[];
  weights: Record<RatingSource, string>;
  tolerance: string;
  trainableStep: string;
  spreadThreshold: string;
  units: string[];
  people: string;
  deadline: string;
  targetDate: string;
}

export const initialDraft: Draft = {
  purpose: null,
  name: "",
  code: "",
  codeTouched: false,
  profiles: [],
  sources: ["self", "manager", "external"],
  weights: { self: "1", manager: "2", external: "2", peer: "1" },
  tolerance: "1",
  trainableStep: "1",
  spreadThreshold: "2",
  units: [],
  people: "",
  deadline: "",
  targetDate: "",
};

/** What every step gets: the draft, a way to change it, and the message for a control. */
export interface StepProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errorFor: (id: string) => string | undefined;
}

export const parseNumber = (text: string) => Number(text.replace(",", "."));

export const personnelNumbers = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/** `list` with `item` added or taken out. */
export function toggled<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/** The body of POST /assessment-rounds. */
export function roundBody(draft: Draft) {
  const weights: Partial<Record<RatingSource, number>> = {};
  for (const source of draft.sources) weights[source] = parseNumber(draft.weights[source]);
  return {
    code: draft.code,
    name: draft.name.trim(),
    purpose: draft.purpose,
    deadline: draft.deadline,
    target_date: draft.targetDate,
    profiles: draft.profiles.map((key) => {
      const [function_code, level] = key.split("/");
      return { function_code, level };
    }),
    sources: draft.sources,
    weights,
    tolerance: parseNumber(draft.tolerance),
    trainable_step: parseNumber(draft.trainableStep),
    spread_threshold: parseNumber(draft.spreadThreshold),
    units: draft.units,
    people: personnelNumbers(draft.people),
  };
}

/** Which step and control a server error belongs to (docs/api.md, POST /assessment-rounds). */
export function placeOf(error: ApiError): { step: number; target?: string } {
  const field = error.field ?? "";
  if (field === "purpose") return { step: 0, target: "round-purpose-development" };
  if (field === "code" || error.code === "round_exists") return { step: 1, target: "round-code" };
  if (field === "name") return { step: 1, target: "round-name" };
  if (field.startsWith("profiles") || error.code === "profile_missing" || error.code === "ambiguous_competency")
    return { step: 1, target: "round-profiles" };
  if (field.startsWith("weights.")) return { step: 2, target: `round-weight-${field.slice(8)}` };
  if (field.startsWith("sources") || field === "") {
    if (["no_sources", "duplicate_source"].includes(error.code)) return { step: 2, target: "round-source-self" };
  }
  if (field === "tolerance" || error.code === "invalid_tolerance") return { step: 2, target: "round-tolerance" };
  if (field === "trainable_step" || error.code === "invalid_trainable_step")
    return { step: 2, target: "round-trainable-step" };
  if (field === "spread_threshold" || error.code === "invalid_spread_threshold")
    return { step: 2, target: "round-spread" };
  if (field.startsWith("units")) return { step: 3, target: "round-units" };
  if (field.startsWith("people") || ["no_participants", "organisation_not_agreed"].includes(error.code))
    return { step: 3, target: "round-people" };
  if (field === "deadline") return { step: 4, target: "round-deadline" };
  if (field === "target_date" || error.code === "missing_target_date") return { step: 4, target: "round-target-date" };
  return { step: 5 };
}
