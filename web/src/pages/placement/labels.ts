// Dutch words for the placement procedure's codes, and number formats for its scores.

import type {
  ComponentKind,
  ConstraintKind,
  Decision,
  FunctionMatch,
  GroupDimension,
  NotGrantedReason,
  ObjectionStatus,
  PreferenceOutcome,
  ReorganisationStatus,
  RoundKind,
  RunStatus,
  TieBreak,
  VacancyStage,
  Verdict,
} from "./types";

export const reorganisationStatusLabels: Record<ReorganisationStatus, string> = {
  preparing: "In voorbereiding",
  confirmed: "Uitkomst bevestigd",
};

export const matchLabels: Record<FunctionMatch, string> = {
  exchangeable: "Uitwisselbaar",
  equivalent: "Gelijkwaardig",
  suitable: "Passend",
  none: "Geen koppeling",
};

export const matchDescriptions: Record<FunctionMatch, string> = {
  exchangeable: "vrijwel dezelfde functie: de medewerker volgt de functie (mens-volgt-functie)",
  equivalent: "vergelijkbaar werk en niveau",
  suitable: "passend met enige scholing",
  none: "geen plaatsing op grond van de huidige functie",
};

export const roundKindLabels: Record<RoundKind | "lock", string> = {
  lock: "Vastgezet door HR",
  follows_function: "Mens-volgt-functie",
  preference: "Voorkeur",
  suitable: "Passende functie",
};

export const roundKindDescriptions: Record<RoundKind, string> = {
  follows_function: "medewerkers op een uitwisselbare nieuwe functie van hun huidige functie",
  preference: "opgegeven voorkeuren, met een bonus per rang",
  suitable: "elke plaats waarvoor de medewerker geschikt of trainbaar is",
};

export const tieBreakLabels: Record<TieBreak, string> = {
  seniority: "Diensttijd (langste dienstverband gaat voor)",
  preference_rank: "Rang van de voorkeur (hogere voorkeur gaat voor)",
};

export const componentLabels: Record<ComponentKind, string> = {
  competency: "Competenties (selectieassessment)",
  interview: "Selectiegesprek",
  appraisal: "Laatste beoordeling",
};

export const componentStatusLabels = {
  present: "Aanwezig",
  missing: "Ontbreekt",
  refused: "Niet gebruikt (doel van het assessment)",
} as const;

export const constraintLabels: Record<ConstraintKind, string> = {
  education: "Opleidingsniveau",
  critical_competency: "Kritieke competenties",
  hours: "Uren",
  excluded_by_hr: "Uitsluiting door HR",
};

export const verdictLabels: Record<Verdict, string> = {
  meets: "Voldoet",
  trainable: "Trainbaar",
  does_not_meet: "Voldoet niet",
  incomplete: "Onvolledig beoordeeld",
};

export const decisionLabels: Record<Decision, string> = {
  lock: "Vastgezet",
  forbid: "Uitgesloten",
};

export const runStatusLabels: Record<RunStatus, string> = {
  proposal: "Voorstel",
  confirmed: "Bevestigd",
};

export const preferenceOutcomeLabels: Record<PreferenceOutcome, string> = {
  granted: "Toegekend",
  not_granted: "Niet toegekend",
  lower_than_granted: "Niet nodig: een hogere voorkeur is toegekend",
};

export const reasonLabels: Record<NotGrantedReason, string> = {
  placed_earlier: "al eerder geplaatst",
  no_place_left: "geen plaats meer over",
  higher_candidate: "een kandidaat met een hogere geschiktheidsscore",
  better_overall: "een betere verdeling voor iedereen samen",
  not_eligible: "niet aan alle harde voorwaarden voldaan",
  no_preference_round: "er is geen voorkeursronde",
};

export const vacancyStageLabels: Record<VacancyStage, string> = {
  internal: "Intern",
  partners: "Samenwerkende gemeenten",
  external: "Extern",
  filled: "Vervuld",
  withdrawn: "Ingetrokken",
};

export const objectionStatusLabels: Record<ObjectionStatus, string> = {
  received: "Ontvangen",
  in_review: "In behandeling",
  upheld: "Gegrond",
  rejected: "Ongegrond",
  withdrawn: "Ingetrokken",
};

export const dimensionLabels: Record<GroupDimension, string> = {
  unit: "Huidige eenheid",
  hours: "Deeltijd en voltijd",
  contract: "Soort contract",
  education: "Opleidingsniveau",
};

const pointsFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const weightFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const shareFormat = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 });

export const formatPoints = (value: number | null | undefined) => (value == null ? "–" : pointsFormat.format(value));
export const formatWeight = (value: number | null | undefined) => (value == null ? "–" : weightFormat.format(value));
/** A share with one decimal, so small differences between groups and runs stay visible. */
export const formatPercent = (value: number | null | undefined) => (value == null ? "–" : shareFormat.format(value));

/** "1e", "2e", "3e": Dutch ordinals as used for preference ranks. */
export const ordinal = (rank: number) => `${rank}e`;

export const functionText = (name: string | null, level: string | null) =>
  [name, level && level !== name ? `(${level})` : null].filter(Boolean).join(" ") || "–";

/**
 * How a round is named to people: HR's locks are a round of their own without a number; the social plan's
 * rounds count from 1, as the explanations the server writes count them ("geen plaats meer na ronde 1").
 */
export function roundTitle(rounds: { index: number; kind: string; name: string }[], index: number): string {
  const round = rounds.find((r) => r.index === index);
  if (!round) return `Ronde ${index + 1}`;
  if (round.kind === "lock") return round.name;
  const locks = rounds.some((r) => r.kind === "lock") ? 1 : 0;
  return `Ronde ${index + 1 - locks}: ${round.name}`;
}
