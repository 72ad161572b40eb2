// Setting up an assessment round in six steps. The purpose comes first and is shown on every step, because it
// is fixed once the round exists and decides what its results may be used for.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiError, request } from "../../api/client";
import {
  Alert,
  Button,
  DataList,
  Fieldset,
  FormField,
  Heading,
  LoadError,
  Loading,
  Paragraph,
  RadioOption,
  Textarea,
  Textbox,
  fieldDescribedBy,
} from "../../components";
import { CheckboxOption } from "../../components/Checkbox";
import { formatCount, formatDate } from "../../format";
import { navigate } from "../../router";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  CODE_PATTERN,
  allSources,
  codeFromName,
  formatLevel,
  formatScore,
  profileKey,
  purposeLabels,
  roundPath,
  sourceLabels,
  type ProfileSummary,
  type Purpose,
  type RatingSource,
  type Round,
} from "./model";
import { Breadcrumbs, ErrorSummary, errorMessage, useUnitOptions, type FieldError } from "./shared";

const STEPS = ["Doel", "Ronde en profielen", "Bronnen", "Deelnemers", "Planning", "Controleren"] as const;

const purposeHelp: Record<Purpose, string> = {
  development:
    "Voor de ontwikkeling van medewerkers. De uitkomsten mogen niet worden gebruikt voor selectie of plaatsing, tenzij een medewerker daar zelf uitdrukkelijk toestemming voor geeft.",
  selection:
    "Voor selectie en plaatsing, bijvoorbeeld in een reorganisatie. Iedere deelnemer ziet dat de uitkomsten daarvoor worden gebruikt.",
};

const defaultWeights: Record<RatingSource, number> = { self: 1, manager: 2, external: 2, peer: 1 };

interface Draft {
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

const initialDraft: Draft = {
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

const parseNumber = (text: string) => Number(text.replace(",", "."));
const personnelNumbers = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/** Which step and control a server error belongs to (docs/api.md, POST /assessment-rounds). */
function placeOf(error: ApiError): { step: number; target?: string } {
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

function problemsOf(step: number, draft: Draft): FieldError[] {
  const problems: FieldError[] = [];
  if (step === 0 && !draft.purpose)
    problems.push({
      target: "round-purpose-development",
      message: "Kies het doel van de ronde: ontwikkeling of selectie.",
    });
  if (step === 1) {
    if (!draft.name.trim()) problems.push({ target: "round-name", message: "Geef de ronde een naam." });
    if (!CODE_PATTERN.test(draft.code))
      problems.push({
        target: "round-code",
        message: "De code bestaat uit kleine letters, cijfers, - en _, en begint met een letter of cijfer.",
      });
    if (draft.profiles.length === 0)
      problems.push({
        target: "round-profiles",
        message: "Kies minstens één functieprofiel waartegen de ronde beoordeelt.",
      });
  }
  if (step === 2) {
    if (draft.sources.length === 0) problems.push({ target: "round-source-self", message: "Kies minstens één bron." });
    for (const source of draft.sources) {
      const weight = parseNumber(draft.weights[source]);
      if (!(weight > 0))
        problems.push({
          target: `round-weight-${source}`,
          message: `Het gewicht van ${sourceLabels[source].toLowerCase()} is een getal groter dan 0.`,
        });
    }
    if (!(parseNumber(draft.tolerance) >= 0))
      problems.push({ target: "round-tolerance", message: "De tolerantie is 0 of meer." });
    if (!(parseNumber(draft.trainableStep) >= 0))
      problems.push({ target: "round-trainable-step", message: "De trainbare stap is 0 of meer." });
    if (!(parseNumber(draft.spreadThreshold) > 0))
      problems.push({ target: "round-spread", message: "De spreidingsgrens is groter dan 0." });
  }
  if (step === 3 && draft.units.length === 0 && personnelNumbers(draft.people).length === 0)
    problems.push({ target: "round-units", message: "Kies minstens één eenheid of vul personeelsnummers in." });
  if (step === 4) {
    if (!draft.deadline) problems.push({ target: "round-deadline", message: "Vul de deadline in." });
    if (!draft.targetDate) problems.push({ target: "round-target-date", message: "Vul de streefdatum in." });
    if (draft.deadline && draft.targetDate && draft.targetDate < draft.deadline)
      problems.push({
        target: "round-target-date",
        message: "De streefdatum moet op of na de deadline liggen: wie trainbaar is, heeft tijd nodig om te groeien.",
      });
  }
  return problems;
}

export function RoundWizardPage() {
  usePageTitle("Nieuwe beoordelingsronde");
  const profiles = useApi<{ items: ProfileSummary[] }>("/profiles");
  const { options: units } = useUnitOptions();
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (problems.length) summaryRef.current?.focus();
    else stepHeading.current?.focus();
  }, [step, problems]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorFor = (id: string) => problems.find((p) => p.target === id)?.message;
  const usable = useMemo(
    () => (profiles.data?.items ?? []).filter((p) => p.competencies + p.knowledge_areas > 0),
    [profiles.data],
  );

  const go = (next: number) => {
    moved.current = true;
    setProblems([]);
    setStep(next);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = problemsOf(step, draft);
    if (found.length) {
      moved.current = true;
      setProblems(found);
      return;
    }
    if (step < STEPS.length - 1) {
      go(step + 1);
      return;
    }
    setBusy(true);
    try {
      const weights: Partial<Record<RatingSource, number>> = {};
      for (const source of draft.sources) weights[source] = parseNumber(draft.weights[source]);
      const round = await request<Round>("POST", "/assessment-rounds", {
        body: {
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
        },
      });
      navigate(`${roundPath(round.code)}?aangemaakt=1`);
    } catch (cause) {
      const place = cause instanceof ApiError ? placeOf(cause) : { step: 5 };
      moved.current = true;
      setStep(place.step);
      setProblems([
        {
          target: "target" in place ? place.target : undefined,
          message: errorMessage(cause, "De ronde is niet aangemaakt."),
        },
      ]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { label: "Nieuwe ronde" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Nieuwe beoordelingsronde
      </Heading>
      <ol className="kwm-steps" aria-label="Stappen">
        {STEPS.map((title, i) => (
          <li
            key={title}
            className={
              i === step
                ? "kwm-steps__item kwm-steps__item--current"
                : i < step
                  ? "kwm-steps__item kwm-steps__item--done"
                  : "kwm-steps__item"
            }
            aria-current={i === step ? "step" : undefined}
          >
            <span className="kwm-steps__number" aria-hidden="true">
              {i < step ? "✓" : i + 1}
            </span>
            <span className="kwm-steps__title">
              {title}
              {i < step && <span className="kwm-visually-hidden"> (klaar)</span>}
            </span>
          </li>
        ))}
      </ol>
      {draft.purpose && step > 0 && (
        <Alert type={draft.purpose === "selection" ? "warning" : "info"} className="kwm-purpose">
          <Paragraph>
            <strong>Doel: {purposeLabels[draft.purpose]}.</strong> {purposeHelp[draft.purpose]} Het doel ligt vast zodra
            de ronde is aangemaakt.
          </Paragraph>
        </Alert>
      )}
      {profiles.loading && <Loading what="Functieprofielen" />}
      {profiles.error && <LoadError error={profiles.error} />}
      <form className="kwm-form kwm-wizard" onSubmit={submit} noValidate aria-labelledby="wizard-step-title">
        <Heading level={2} id="wizard-step-title" ref={stepHeading} tabIndex={-1}>
          Stap {step + 1} van {STEPS.length}: {STEPS[step]}
        </Heading>
        <ErrorSummary ref={summaryRef} title="Controleer deze stap" errors={problems} />

        {step === 0 && (
          <Fieldset legend="Waarvoor is deze ronde?">
            <Alert type="warning">
              <Paragraph>Het doel kan na het aanmaken niet meer worden gewijzigd. Iedere deelnemer ziet het.</Paragraph>
            </Alert>
            <div className="kwm-choice-list">
              {(["development", "selection"] as Purpose[]).map((purpose) => (
                <div key={purpose} className="kwm-choice">
                  <RadioOption
                    id={`round-purpose-${purpose}`}
                    name="purpose"
                    value={purpose}
                    checked={draft.purpose === purpose}
                    onChange={() => set({ purpose })}
                    label={<strong>{purposeLabels[purpose]}</strong>}
                    aria-describedby={`round-purpose-${purpose}-help`}
                  />
                  <p className="utrecht-paragraph kwm-hint kwm-choice__help" id={`round-purpose-${purpose}-help`}>
                    {purposeHelp[purpose]}
                  </p>
                </div>
              ))}
            </div>
          </Fieldset>
        )}

        {step === 1 && (
          <>
            <FormField id="round-name" label="Naam van de ronde" error={errorFor("round-name")}>
              <Textbox
                id="round-name"
                value={draft.name}
                invalid={Boolean(errorFor("round-name"))}
                aria-describedby={fieldDescribedBy("round-name", false, Boolean(errorFor("round-name")))}
                onChange={(e) =>
                  set({ name: e.target.value, code: draft.codeTouched ? draft.code : codeFromName(e.target.value) })
                }
              />
            </FormField>
            <FormField
              id="round-code"
              label="Code"
              description="Voor bestanden en adressen: kleine letters, cijfers, - en _."
              error={errorFor("round-code")}
            >
              <Textbox
                id="round-code"
                value={draft.code}
                invalid={Boolean(errorFor("round-code"))}
                aria-describedby={fieldDescribedBy("round-code", true, Boolean(errorFor("round-code")))}
                onChange={(e) => set({ code: e.target.value, codeTouched: true })}
                autoComplete="off"
                spellCheck={false}
              />
            </FormField>
            <Fieldset legend="Tegen welke functieprofielen beoordeelt de ronde?">
              {errorFor("round-profiles") && <p className="kwm-inline-error">{errorFor("round-profiles")}</p>}
              {usable.length === 0 && profiles.data && (
                <Paragraph>Er zijn nog geen functieprofielen met eisen. Leg eerst een profiel vast.</Paragraph>
              )}
              <div className="kwm-check-list" id="round-profiles" tabIndex={-1}>
                {usable.map((p) => {
                  const key = profileKey(p.function_code, p.level);
                  return (
                    <CheckboxOption
                      key={key}
                      id={`round-profile-${p.function_code}-${p.level}`}
                      checked={draft.profiles.includes(key)}
                      onChange={(e) =>
                        set({
                          profiles: e.target.checked
                            ? [...draft.profiles, key]
                            : draft.profiles.filter((k) => k !== key),
                        })
                      }
                      label={`${p.function_name}, ${p.level} (${formatCount(p.competencies + p.knowledge_areas)} eisen)`}
                    />
                  );
                })}
              </div>
            </Fieldset>
          </>
        )}

        {step === 2 && (
          <>
            <Fieldset legend="Wie beoordelen, en hoe zwaar telt elke bron?">
              <Paragraph className="kwm-hint">
                De gecombineerde score is het gewogen gemiddelde van de bronnen die een score gaven. Een ontbrekende
                bron telt niet als 0.
              </Paragraph>
              {allSources.map((source) => (
                <div key={source} className="kwm-source-row">
                  <CheckboxOption
                    id={`round-source-${source}`}
                    checked={draft.sources.includes(source)}
                    onChange={(e) =>
                      set({
                        sources: e.target.checked
                          ? [...draft.sources, source]
                          : draft.sources.filter((s) => s !== source),
                      })
                    }
                    label={sourceLabels[source] + (source === "peer" ? " (alleen via import)" : "")}
                  />
                  {draft.sources.includes(source) && (
                    <FormField
                      id={`round-weight-${source}`}
                      label={`Gewicht ${sourceLabels[source].toLowerCase()}`}
                      error={errorFor(`round-weight-${source}`)}
                    >
                      <Textbox
                        id={`round-weight-${source}`}
                        inputMode="decimal"
                        value={draft.weights[source]}
                        invalid={Boolean(errorFor(`round-weight-${source}`))}
                        onChange={(e) => set({ weights: { ...draft.weights, [source]: e.target.value } })}
                        className="kwm-number-input"
                      />
                    </FormField>
                  )}
                </div>
              ))}
            </Fieldset>
            <details
              className="kwm-details"
              open={problems.some((p) =>
                ["round-tolerance", "round-trainable-step", "round-spread"].includes(p.target ?? ""),
              )}
            >
              <summary>Regels voor het oordeel (standaard: tolerantie 1, trainbare stap 1, spreiding 2)</summary>
              <NumberField
                id="round-tolerance"
                label="Tolerantie: grootste som van tekorten op niet-kritieke competenties die nog voldoet"
                value={draft.tolerance}
                error={errorFor("round-tolerance")}
                onChange={(tolerance) => set({ tolerance })}
              />
              <NumberField
                id="round-trainable-step"
                label="Trainbare stap: grootste tekort dat nog trainbaar is"
                value={draft.trainableStep}
                error={errorFor("round-trainable-step")}
                onChange={(trainableStep) => set({ trainableStep })}
              />
              <NumberField
                id="round-spread"
                label="Spreiding: verschil tussen bronnen dat wordt gemarkeerd"
                value={draft.spreadThreshold}
                error={errorFor("round-spread")}
                onChange={(spreadThreshold) => set({ spreadThreshold })}
              />
            </details>
          </>
        )}

        {step === 3 && (
          <>
            <Fieldset legend="Eenheden">
              <Paragraph className="kwm-hint">
                Iedereen in de gekozen eenheden (met de eenheden eronder) met een van de gekozen functieprofielen doet
                mee.
              </Paragraph>
              {errorFor("round-units") && <p className="kwm-inline-error">{errorFor("round-units")}</p>}
              <div className="kwm-check-list" id="round-units" tabIndex={-1}>
                {units.map((unit) => (
                  <CheckboxOption
                    key={unit.code}
                    id={`round-unit-${unit.code}`}
                    className={`kwm-depth-${Math.min(unit.depth, 8)}`}
                    checked={draft.units.includes(unit.code)}
                    onChange={(e) =>
                      set({
                        units: e.target.checked
                          ? [...draft.units, unit.code]
                          : draft.units.filter((u) => u !== unit.code),
                      })
                    }
                    label={`${unit.name} (${unit.code})`}
                  />
                ))}
              </div>
            </Fieldset>
            <FormField
              id="round-people"
              label="Losse medewerkers (personeelsnummers)"
              description="Gescheiden door komma's, spaties of regels. Zij worden beoordeeld tegen het profiel van hun eigen functieniveau."
              error={errorFor("round-people")}
            >
              <Textarea
                id="round-people"
                rows={3}
                value={draft.people}
                invalid={Boolean(errorFor("round-people"))}
                aria-describedby={fieldDescribedBy("round-people", true, Boolean(errorFor("round-people")))}
                onChange={(e) => set({ people: e.target.value })}
              />
            </FormField>
          </>
        )}

        {step === 4 && (
          <>
            <DateField
              id="round-deadline"
              label="Deadline: tot wanneer kunnen beoordelingen worden ingevuld?"
              value={draft.deadline}
              error={errorFor("round-deadline")}
              onChange={(deadline) => set({ deadline })}
            />
            <DateField
              id="round-target-date"
              label="Streefdatum: wanneer moet wie trainbaar is, voldoen?"
              value={draft.targetDate}
              error={errorFor("round-target-date")}
              onChange={(targetDate) => set({ targetDate })}
            />
          </>
        )}

        {step === 5 && (
          <Review
            draft={draft}
            profiles={profiles.data?.items ?? []}
            unitNames={new Map(units.map((u) => [u.code, u.name]))}
          />
        )}

        <div className="utrecht-button-group kwm-form-actions">
          {step > 0 && (
            <Button onClick={() => go(step - 1)} disabled={busy}>
              Vorige stap
            </Button>
          )}
          <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
            {step < STEPS.length - 1 ? "Volgende stap" : "Ronde aanmaken"}
          </Button>
        </div>
      </form>
    </>
  );
}

function NumberField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <FormField id={id} label={label} error={error}>
      <Textbox
        id={id}
        inputMode="decimal"
        className="kwm-number-input"
        value={value}
        invalid={Boolean(error)}
        aria-describedby={fieldDescribedBy(id, false, Boolean(error))}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}

function DateField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <FormField id={id} label={label} error={error}>
      <Textbox
        id={id}
        type="date"
        value={value}
        invalid={Boolean(error)}
        aria-describedby={fieldDescribedBy(id, false, Boolean(error))}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}

function Review({
  draft,
  profiles,
  unitNames,
}: {
  draft: Draft;
  profiles: ProfileSummary[];
  unitNames: Map<string, string>;
}) {
  const names = new Map(profiles.map((p) => [profileKey(p.function_code, p.level), `${p.function_name}, ${p.level}`]));
  const people = personnelNumbers(draft.people);
  const items: { key: string; value: ReactNode }[] = [
    { key: "Doel", value: <strong>{draft.purpose ? purposeLabels[draft.purpose] : "–"}</strong> },
    { key: "Naam", value: draft.name },
    { key: "Code", value: <span className="kwm-code">{draft.code}</span> },
    { key: "Functieprofielen", value: draft.profiles.map((k) => names.get(k) ?? k).join("; ") },
    {
      key: "Bronnen (gewicht)",
      value: draft.sources
        .map((s) => `${sourceLabels[s]} (${formatLevel(parseNumber(draft.weights[s]) || defaultWeights[s])})`)
        .join(", "),
    },
    {
      key: "Regels",
      value: `tolerantie ${formatScore(parseNumber(draft.tolerance))}, trainbare stap ${formatScore(parseNumber(draft.trainableStep))}, spreiding vanaf ${formatScore(parseNumber(draft.spreadThreshold))}`,
    },
    { key: "Eenheden", value: draft.units.length ? draft.units.map((u) => unitNames.get(u) ?? u).join(", ") : "Geen" },
    { key: "Losse medewerkers", value: people.length ? people.join(", ") : "Geen" },
    { key: "Deadline", value: formatDate(draft.deadline) },
    { key: "Streefdatum", value: formatDate(draft.targetDate) },
  ];
  return (
    <>
      <Paragraph>
        Controleer de gegevens. Na het aanmaken kunt u nog deelnemers toevoegen, maar het doel niet meer wijzigen.
      </Paragraph>
      <DataList items={items} />
    </>
  );
}
