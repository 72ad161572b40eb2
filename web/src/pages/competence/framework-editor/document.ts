// The framework being edited: a blank one, the document the API takes, the ids of its controls, and the problems
// the editor can see before sending.
import { CODE_PATTERN, type Competency, type FrameworkChange, type FrameworkDocument } from "../model";
import type { FieldError } from "../shared";

const DEFAULT_ANCHORS: Record<string, string> = {
  "1": "Laat dit gedrag niet of nauwelijks zien.",
  "2": "Laat dit gedrag af en toe zien, vooral in eenvoudige situaties.",
  "3": "Laat dit gedrag zelfstandig en regelmatig zien.",
  "4": "Laat dit gedrag ook zien in ingewikkelde of nieuwe situaties.",
  "5": "Laat dit gedrag vanzelfsprekend zien en is er een voorbeeld in.",
};

export const emptyCompetency = (): Competency => ({
  code: "",
  name: "",
  definition: "",
  kind: "social_normative",
  indicators: [{ code: "i1", text: "" }],
});

export const blankFramework = (): FrameworkDocument => ({
  code: "",
  name: "",
  version: 1,
  scale: { min: 1, max: 5, anchors: { ...DEFAULT_ANCHORS } },
  competencies: [emptyCompetency()],
});

/** The document the API takes: only the fields of the file format, since unknown fields are refused. */
export function documentOf(framework: FrameworkDocument): FrameworkDocument {
  const { code, name, version, scale, competencies } = framework;
  return {
    code,
    name,
    version,
    scale: { min: scale.min, max: scale.max, anchors: { ...scale.anchors } },
    competencies: competencies.map(({ code, name, definition, kind, indicators }) => ({
      code,
      name,
      definition,
      kind,
      indicators: indicators.map(({ code, text }) => ({ code, text })),
    })),
  };
}

// Control ids follow the API's JSON paths, so a server error lands on its own field.
export const ids = {
  code: "fw-code",
  name: "fw-name",
  min: "fw-scale-min",
  max: "fw-scale-max",
  anchor: (point: number | string) => `fw-anchor-${point}`,
  competency: (i: number, field: string) => `fw-c${i}-${field}`,
  indicator: (i: number, j: number, field: string) => `fw-c${i}-i${j}-${field}`,
  addCompetency: "fw-add-competency",
};

export function fieldTarget(path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path === "code") return ids.code;
  if (path === "name") return ids.name;
  if (path === "scale.min" || path === "scale") return ids.min;
  if (path === "scale.max") return ids.max;
  const anchor = /^scale\.anchors\.(\d+)$/.exec(path);
  if (anchor) return ids.anchor(anchor[1]);
  const indicator = /^competencies\[(\d+)\]\.indicators\[(\d+)\](?:\.(code|text))?/.exec(path);
  if (indicator) return ids.indicator(Number(indicator[1]), Number(indicator[2]), indicator[3] ?? "text");
  const indicators = /^competencies\[(\d+)\]\.indicators$/.exec(path);
  if (indicators) return ids.competency(Number(indicators[1]), "add-indicator");
  const competency = /^competencies\[(\d+)\](?:\.(code|name|definition|kind))?/.exec(path);
  if (competency) return ids.competency(Number(competency[1]), competency[2] ?? "code");
  if (path === "competencies") return ids.addCompetency;
  return undefined;
}

/** The problems the editor can see before sending; the server checks the rest (ascriptive traits, usage). */
export function draftProblems(draft: FrameworkDocument, isNew: boolean): FieldError[] {
  const problems: FieldError[] = [];
  if (isNew && !CODE_PATTERN.test(draft.code))
    problems.push({
      target: ids.code,
      message: "Code van het kader: kleine letters, cijfers, - en _, beginnend met een letter of cijfer.",
    });
  if (!draft.name.trim()) problems.push({ target: ids.name, message: "Geef het kader een naam." });
  const { min, max } = draft.scale;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min < max && max <= 10))
    problems.push({
      target: ids.min,
      message: "De schaal loopt van een laagste tot een hoogste punt, tussen 0 en 10.",
    });
  else
    for (let point = min; point <= max; point++)
      if (!draft.scale.anchors[String(point)]?.trim())
        problems.push({ target: ids.anchor(point), message: `Schaalpunt ${point} heeft nog geen omschrijving.` });
  if (draft.competencies.length === 0)
    problems.push({ target: ids.addCompetency, message: "Een kader heeft minstens één competentie of kennisgebied." });
  const seen = new Set<string>();
  draft.competencies.forEach((competency, i) => {
    const label = competency.name.trim() || `Competentie ${i + 1}`;
    if (!CODE_PATTERN.test(competency.code))
      problems.push({
        target: ids.competency(i, "code"),
        message: `${label}: de code bestaat uit kleine letters, cijfers, - en _.`,
      });
    else if (seen.has(competency.code))
      problems.push({
        target: ids.competency(i, "code"),
        message: `${label}: de code ${competency.code} komt al eerder voor.`,
      });
    seen.add(competency.code);
    if (!competency.name.trim())
      problems.push({ target: ids.competency(i, "name"), message: `${label}: vul een naam in.` });
    if (!competency.definition.trim())
      problems.push({ target: ids.competency(i, "definition"), message: `${label}: vul een omschrijving in.` });
    const indicatorCodes = new Set<string>();
    competency.indicators.forEach((indicator, j) => {
      if (!CODE_PATTERN.test(indicator.code) || indicatorCodes.has(indicator.code))
        problems.push({
          target: ids.indicator(i, j, "code"),
          message: `${label}, gedragsindicator ${j + 1}: de code moet uniek zijn en bestaat uit kleine letters, cijfers, - en _.`,
        });
      indicatorCodes.add(indicator.code);
      if (!indicator.text.trim())
        problems.push({
          target: ids.indicator(i, j, "text"),
          message: `${label}, gedragsindicator ${j + 1}: beschrijf het gedrag.`,
        });
    });
    if (competency.indicators.length === 0)
      problems.push({
        target: ids.competency(i, "add-indicator"),
        message: `${label}: voeg minstens één gedragsindicator toe.`,
      });
  });
  return problems;
}

export function outcomeText(change: FrameworkChange, previousVersion: number): string {
  const version = change.framework.version;
  switch (change.outcome) {
    case "created":
      return `Het kader is opgeslagen als versie ${version}.`;
    case "unchanged":
      return `Er was niets gewijzigd. Versie ${version} blijft zoals hij was.`;
    case "same_version":
      return `Opgeslagen in versie ${version}. Deze versie werd nog door geen enkele ronde gebruikt, dus er was geen nieuwe versie nodig.`;
    case "new_version":
      return `Er is een nieuwe versie gemaakt: versie ${version}. Versie ${previousVersion} is in gebruik door een beoordelingsronde en blijft daarvoor ongewijzigd bewaard.`;
  }
}

export function diffText(change: FrameworkChange): string[] {
  const { diff } = change;
  const lines: string[] = [];
  if (diff.added.length) lines.push(`Toegevoegd: ${diff.added.join(", ")}`);
  if (diff.removed.length) lines.push(`Verwijderd: ${diff.removed.join(", ")}`);
  if (diff.changed.length) lines.push(`Gewijzigd: ${diff.changed.join(", ")}`);
  if (diff.name_changed) lines.push("De naam van het kader is gewijzigd.");
  if (diff.scale_changed) lines.push("De schaal of de omschrijvingen van de schaalpunten zijn gewijzigd.");
  if (diff.reordered) lines.push("De volgorde is gewijzigd.");
  return lines;
}

/** What the parts of the editor share: the draft's errors, a way to change it, and where the keyboard goes next. */
export interface FrameworkEditing {
  errorFor: (id: string) => string | undefined;
  update: (change: (draft: FrameworkDocument) => FrameworkDocument) => void;
  /** Puts the keyboard on this control after the next render (after adding, moving or removing a part). */
  focusNext: (id: string) => void;
}
