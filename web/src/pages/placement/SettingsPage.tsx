import { useState, type FormEvent, type ReactNode } from "react";
import {
  Button,
  Fieldset,
  FormField,
  Heading,
  LoadError,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
  fieldDescribedBy,
} from "../../components";
import { ReorderableList } from "../../components/ReorderableList";
import { formatFte } from "../../format";
import { useApi } from "../../useApi";
import { GeneralFields, generalBody, validateGeneral, type GeneralDraft } from "./GeneralFields";
import { functionText, ordinal, roundKindDescriptions, roundKindLabels, tieBreakLabels } from "./labels";
import {
  ClosedNotice,
  FormErrorSummary,
  ReorganisationFrame,
  SuccessMessage,
  useSubmission,
  type FieldErrors,
} from "./shared";
import type { Reorganisation, RoundKind, Scope, Settings, TieBreak } from "./types";

const ROUND_KINDS: RoundKind[] = ["follows_function", "preference", "suitable"];
const TIE_BREAKS: TieBreak[] = ["seniority", "preference_rank"];

export function SettingsPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame<Reorganisation> id={id} title="Instellingen">
      {(reorganisation, reload) => <SettingsForm reorganisation={reorganisation} onSaved={reload} />}
    </ReorganisationFrame>
  );
}

interface RoundDraft {
  kind: RoundKind;
  name: string;
  enabled: boolean;
}

interface TieBreakDraft {
  kind: TieBreak;
  enabled: boolean;
}

interface SettingsDraft {
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

function draftFrom(settings: Settings): SettingsDraft {
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

function validate(draft: SettingsDraft, maxPreferences: number): FieldErrors {
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

function settingsBody(draft: SettingsDraft, maxPreferences: number): Settings {
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

function generalFrom(r: Reorganisation): GeneralDraft {
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
function generalErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith("settings.")));
}

function SettingsForm({ reorganisation, onSaved }: { reorganisation: Reorganisation; onSaved: () => void }) {
  const closed = reorganisation.status === "confirmed";
  const [general, setGeneral] = useState<GeneralDraft>(() => generalFrom(reorganisation));
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(reorganisation.settings));
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();
  const scope = useApi<Scope>(`/reorganisations/${reorganisation.id}/scope`);
  const errors = submission.fieldErrors;
  const maxPreferences = Math.min(10, Math.max(1, Number(general.max_preferences) || reorganisation.max_preferences));
  const bonus = Array.from({ length: maxPreferences }, (_, i) => draft.bonus[i] ?? "0");

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    const next = { ...draft, bonus };
    const clientErrors = { ...validateGeneral(general, false), ...validate(next, maxPreferences) };
    if (!submission.setClientErrors(clientErrors)) return;
    const saved = await submission.submit<Reorganisation>("PUT", `/reorganisations/${reorganisation.id}`, {
      ...generalBody(general),
      settings: settingsBody(next, maxPreferences),
    });
    if (saved) {
      setGeneral(generalFrom(saved));
      setDraft(draftFrom(saved.settings));
      setSuccess("De instellingen zijn opgeslagen. Ze gelden voor het volgende voorstel dat u berekent.");
      onSaved();
    }
  };

  // The server counts only the rounds that are switched on: settings.rounds[i] is the i-th of those.
  const roundError = (round: RoundDraft) => {
    const index = draft.rounds.filter((r) => r.enabled).indexOf(round);
    return (
      errors[`round-${round.kind}`] ??
      errors[`settings.rounds[${index}].name`] ??
      errors[`settings.rounds[${index}].kind`]
    );
  };

  const numberField = (
    id: string,
    label: ReactNode,
    value: string,
    onChange: (value: string) => void,
    description?: string,
  ) => (
    <FormField id={id} label={label} description={description} error={errors[id]}>
      <Textbox
        id={id}
        inputMode="decimal"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        invalid={Boolean(errors[id])}
        aria-describedby={fieldDescribedBy(id, Boolean(description), Boolean(errors[id]))}
        disabled={closed}
        className="kwm-pl-number-input"
      />
    </FormField>
  );

  return (
    <>
      <ClosedNotice reorganisation={reorganisation} />
      <SuccessMessage message={success} />
      <FormErrorSummary submission={submission} title="De instellingen zijn niet opgeslagen" />
      <form
        className="utrecht-form kwm-form"
        onSubmit={submit}
        noValidate
        aria-label="Instellingen van de reorganisatie"
      >
        <Fieldset className="kwm-pl-fieldset" legend="Gegevens">
          <GeneralFields
            draft={general}
            onChange={setGeneral}
            errors={generalErrors(errors)}
            codeEditable={false}
            disabled={closed}
          />
        </Fieldset>

        <Fieldset className="kwm-pl-fieldset" legend="Weging van de geschiktheid">
          <Paragraph className="kwm-hint" id="weights-help">
            De gewichten worden naar verhouding gebruikt: 0,5 / 0,3 / 0,2 betekent 50, 30 en 20 procent. Een onderdeel
            dat bij iemand ontbreekt, telt niet mee; zijn gewicht gaat naar de andere.
          </Paragraph>
          {errors["settings.weights"] && (
            <Paragraph className="utrecht-form-field-error-message" id="weights-error">
              {errors["settings.weights"]}
            </Paragraph>
          )}
          {numberField("settings.weights.competency", "Competenties (selectieassessment)", draft.competency, (v) =>
            setDraft({ ...draft, competency: v }),
          )}
          {numberField("settings.weights.interview", "Selectiegesprek", draft.interview, (v) =>
            setDraft({ ...draft, interview: v }),
          )}
          {numberField("settings.weights.appraisal", "Laatste beoordeling", draft.appraisal, (v) =>
            setDraft({ ...draft, appraisal: v }),
          )}
        </Fieldset>

        <Fieldset className="kwm-pl-fieldset" legend="Voorkeursbonus">
          <Paragraph className="kwm-hint">
            Punten bovenop de geschiktheid in de voorkeursronde, per rang van de voorkeur.
          </Paragraph>
          {bonus.map((value, i) =>
            numberField(
              `settings.preference_bonus[${i}]`,
              `Bonus voor de ${ordinal(i + 1)} voorkeur (punten)`,
              value,
              (v) => {
                const next = [...bonus];
                next[i] = v;
                setDraft({ ...draft, bonus: next });
              },
            ),
          )}
        </Fieldset>

        <Fieldset className="kwm-pl-fieldset" legend="Harde voorwaarden">
          <Checkbox
            id="settings-require-education"
            checked={draft.require_education}
            onChange={(checked) => setDraft({ ...draft, require_education: checked })}
            label="Het opleidingsniveau van de functie is vereist"
            disabled={closed}
          />
          <Checkbox
            id="settings-exclude-critical"
            checked={draft.exclude_critical_gaps}
            onChange={(checked) => setDraft({ ...draft, exclude_critical_gaps: checked })}
            label="Niet plaatsen bij een kritieke competentie met oordeel 'voldoet niet'"
            disabled={closed}
          />
          {numberField(
            "settings.hours_tolerance",
            "Urentolerantie (fte)",
            draft.hours_tolerance,
            (v) => setDraft({ ...draft, hours_tolerance: v }),
            "Hoeveel fte de omvang van een plaats mag afwijken van de huidige omvang van de medewerker.",
          )}
        </Fieldset>

        <Fieldset className="kwm-pl-fieldset" legend="Rondes van het sociaal plan">
          <Paragraph className="kwm-hint">
            De rondes lopen in deze volgorde. Elke ronde ziet alleen wie nog niet geplaatst is en de plaatsen die nog
            open zijn. Wie na de laatste ronde geen plaats heeft, is boventallig.
          </Paragraph>
          {errors["settings.rounds"] && (
            <Paragraph className="utrecht-form-field-error-message">{errors["settings.rounds"]}</Paragraph>
          )}
          <ReorderableList
            label="Rondes in volgorde"
            items={draft.rounds}
            itemKey={(r) => r.kind}
            itemName={(r) => `Ronde ${r.name || roundKindLabels[r.kind]}`}
            onMove={(from, to) => setDraft({ ...draft, rounds: moved(draft.rounds, from, to) })}
            renderItem={(round, index) => (
              <div className="kwm-pl-setting-item">
                <Checkbox
                  id={`round-enabled-${round.kind}`}
                  checked={round.enabled}
                  disabled={closed}
                  onChange={(checked) =>
                    setDraft({
                      ...draft,
                      rounds: draft.rounds.map((r, i) => (i === index ? { ...r, enabled: checked } : r)),
                    })
                  }
                  label={
                    <>
                      <span className="kwm-pl-position">Ronde {index + 1}</span>{" "}
                      <strong>{roundKindLabels[round.kind]}</strong>: {roundKindDescriptions[round.kind]}
                    </>
                  }
                />
                <FormField id={`round-${round.kind}`} label="Naam van de ronde" error={roundError(round)}>
                  <Textbox
                    id={`round-${round.kind}`}
                    value={round.name}
                    disabled={closed || !round.enabled}
                    invalid={Boolean(roundError(round))}
                    aria-describedby={fieldDescribedBy(`round-${round.kind}`, false, Boolean(roundError(round)))}
                    onChange={(event) =>
                      setDraft({
                        ...draft,
                        rounds: draft.rounds.map((r, i) => (i === index ? { ...r, name: event.target.value } : r)),
                      })
                    }
                  />
                </FormField>
              </div>
            )}
          />
        </Fieldset>

        <Fieldset className="kwm-pl-fieldset" legend="Voorrangsregels bij gelijke score">
          <Paragraph className="kwm-hint">
            Scoren twee medewerkers precies gelijk, dan beslissen deze regels in deze volgorde, en nooit de volgorde van
            invoer.
          </Paragraph>
          <ReorderableList
            label="Voorrangsregels in volgorde"
            items={draft.tie_breaks}
            itemKey={(t) => t.kind}
            itemName={(t) => `Voorrangsregel ${tieBreakLabels[t.kind]}`}
            onMove={(from, to) => setDraft({ ...draft, tie_breaks: moved(draft.tie_breaks, from, to) })}
            renderItem={(tieBreak, index) => (
              <Checkbox
                id={`tie-break-${tieBreak.kind}`}
                checked={tieBreak.enabled}
                disabled={closed}
                onChange={(checked) =>
                  setDraft({
                    ...draft,
                    tie_breaks: draft.tie_breaks.map((t, i) => (i === index ? { ...t, enabled: checked } : t)),
                  })
                }
                label={
                  <>
                    <span className="kwm-pl-position">Regel {index + 1}</span> {tieBreakLabels[tieBreak.kind]}
                  </>
                }
              />
            )}
          />
        </Fieldset>

        <Fieldset className="kwm-pl-fieldset" legend="Plaatsen per formatieplaats">
          <Paragraph className="kwm-hint">
            Standaard biedt een formatieplaats van F fte het naar boven afgeronde aantal plaatsen. Hier past u dat aan;
            0 sluit de formatieplaats voor deze reorganisatie.
          </Paragraph>
          {scope.error && <LoadError error={scope.error} />}
          {scope.data && (
            <TableContainer label="Plaatsen per formatieplaats">
              <Table>
                <TableCaption className="kwm-visually-hidden">Plaatsen per formatieplaats</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Formatieplaats</TableHeaderCell>
                    <TableHeaderCell>Eenheid</TableHeaderCell>
                    <TableHeaderCell numeric>fte</TableHeaderCell>
                    <TableHeaderCell numeric>Plaatsen</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {scope.data.positions.map((p) => {
                    const fieldId = `slots-${p.position_id}`;
                    const error = errors[fieldId];
                    return (
                      <TableRow key={p.position_id}>
                        <TableHeaderCell scope="row">{functionText(p.function_name, p.level)}</TableHeaderCell>
                        <TableCell>{p.unit_name}</TableCell>
                        <TableCell numeric>{formatFte(p.fte)}</TableCell>
                        <TableCell numeric>
                          <Textbox
                            id={fieldId}
                            inputMode="numeric"
                            className="kwm-pl-number-input"
                            aria-label={`Plaatsen voor ${p.function_name} (${p.level}), ${p.unit_name}`}
                            value={draft.slots[p.position_id] ?? String(p.slots)}
                            disabled={closed}
                            invalid={Boolean(error)}
                            aria-describedby={error ? `${fieldId}-error` : undefined}
                            onChange={(event) =>
                              setDraft({ ...draft, slots: { ...draft.slots, [p.position_id]: event.target.value } })
                            }
                          />
                          {error && (
                            <span className="utrecht-form-field-error-message" id={`${fieldId}-error`}>
                              {error}
                            </span>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </Fieldset>

        {!closed && (
          <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
            Instellingen opslaan
          </Button>
        )}
      </form>
      <section aria-labelledby="uitleg-instellingen">
        <Heading level={2} id="uitleg-instellingen">
          Waarom deze instellingen?
        </Heading>
        <Paragraph>
          Rondes, weging en voorrangsregels komen uit het sociaal plan zoals dat met de ondernemingsraad is afgesproken.
          Elk voorstel bewaart de instellingen waarmee het berekend is, zodat later altijd na te gaan is waarom iemand
          waar geplaatst is.
        </Paragraph>
      </section>
    </>
  );
}

function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

function Checkbox({
  id,
  checked,
  onChange,
  label,
  disabled,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  disabled?: boolean;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox kwm-pl-checkbox">
      <input
        type="checkbox"
        id={id}
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
