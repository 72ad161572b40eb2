// The general fields of a reorganisation (name, old and new formation, dates), shared by the
// "new reorganisation" page and the settings page.

import { DateField, InputField, SelectField } from "../../components/Fields";
import { UnitField } from "../../components/UnitFilter";
import { useUnitOptions } from "../../hooks/useUnitOptions";
import { useApi } from "../../useApi";
import type { FieldErrors } from "./shared";

export interface GeneralDraft {
  code: string;
  name: string;
  old_unit_id: string;
  new_unit_id: string;
  preference_deadline: string;
  effective_date: string;
  max_preferences: string;
  assessment_round: string;
}

interface AssessmentRoundSummary {
  code: string;
  name: string;
  purpose: "development" | "selection";
  status: "open" | "closed";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** The checks the server makes too, done first so the user hears of every mistake at once. */
export function validateGeneral(draft: GeneralDraft, withCode: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (withCode && !CODE.test(draft.code))
    errors.code = "Vul een code in van 1 tot 32 tekens: letters, cijfers, '-' en '_'.";
  if (!draft.name.trim()) errors.name = "Vul een naam in.";
  if (!draft.old_unit_id) errors.old_unit_id = "Kies de eenheid waarvan de medewerkers de oude formatie vormen.";
  if (!draft.new_unit_id) errors.new_unit_id = "Kies de eenheid met de formatieplaatsen van de nieuwe formatie.";
  if (!DATE.test(draft.preference_deadline)) errors.preference_deadline = "Vul een datum in.";
  if (!DATE.test(draft.effective_date)) errors.effective_date = "Vul een datum in.";
  else if (DATE.test(draft.preference_deadline) && draft.effective_date < draft.preference_deadline)
    errors.effective_date = "De ingangsdatum ligt niet vóór de deadline voor de voorkeuren.";
  const max = Number(draft.max_preferences);
  if (!Number.isInteger(max) || max < 1 || max > 10)
    errors.max_preferences = "Vul een heel getal van 1 tot en met 10 in.";
  return errors;
}

export function generalBody(draft: GeneralDraft) {
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    old_unit_id: Number(draft.old_unit_id),
    new_unit_id: Number(draft.new_unit_id),
    preference_deadline: draft.preference_deadline,
    effective_date: draft.effective_date,
    max_preferences: Number(draft.max_preferences),
    assessment_round: draft.assessment_round || null,
  };
}

interface GeneralFieldsProps {
  draft: GeneralDraft;
  onChange: (draft: GeneralDraft) => void;
  errors: FieldErrors;
  /** The code is chosen once and never changes. */
  codeEditable: boolean;
  disabled?: boolean;
}

export function GeneralFields({ draft, onChange, errors, codeEditable, disabled }: GeneralFieldsProps) {
  const { options: units } = useUnitOptions();
  const rounds = useApi<{ items: AssessmentRoundSummary[] }>("/assessment-rounds");
  const set = (key: keyof GeneralDraft) => (value: string) => onChange({ ...draft, [key]: value });
  const common = (key: keyof GeneralDraft) => ({
    id: `reorg-${key}`,
    value: draft[key],
    onChange: set(key),
    error: errors[key],
    disabled,
  });
  const unitField = (key: "old_unit_id" | "new_unit_id", label: string, description: string) => (
    <UnitField
      {...common(key)}
      label={label}
      description={description}
      units={units}
      valueBy="id"
      showCode
      emptyLabel="Kies een eenheid"
      required
    />
  );
  const roundsError = rounds.error ? `De rondes konden niet worden geladen: ${rounds.error.message}` : undefined;

  return (
    <>
      <InputField
        {...common("name")}
        label="Naam"
        description="Bijvoorbeeld: Herinrichting sociaal domein 2027."
        required
      />
      {codeEditable && (
        <InputField
          {...common("code")}
          label="Code"
          description="Korte, unieke code: letters, cijfers, '-' en '_'. Kan later niet meer veranderen."
          required
        />
      )}
      {unitField(
        "old_unit_id",
        "Oude formatie",
        "De medewerkers in dienst van deze eenheid en alles eronder worden geplaatst.",
      )}
      {unitField(
        "new_unit_id",
        "Nieuwe formatie",
        "De formatieplaatsen van deze eenheid en alles eronder. Bij een reorganisatie binnen één eenheid kiest u dezelfde eenheid.",
      )}
      <DateField
        {...common("preference_deadline")}
        label="Deadline voorkeuren"
        description="Tot en met deze dag kunnen medewerkers hun voorkeuren opgeven."
        required
      />
      <DateField {...common("effective_date")} label="Ingangsdatum nieuwe formatie" required />
      <InputField
        {...common("max_preferences")}
        label="Aantal voorkeuren per medewerker"
        description="Volgens het sociaal plan; meestal 3."
        type="number"
        min={1}
        max={10}
        step={1}
        inputMode="numeric"
        required
      />
      <SelectField
        {...common("assessment_round")}
        label="Assessmentronde voor de competenties"
        description="Alleen een selectieronde, of een ontwikkelronde voor wie daarvoor toestemming gaf. Zonder ronde telt het onderdeel competenties niet mee."
        error={errors.assessment_round ?? roundsError}
      >
        <option value="">Geen assessmentronde</option>
        {rounds.data?.items.map((round) => (
          <option key={round.code} value={round.code}>
            {round.name} ({round.code}, {round.purpose === "selection" ? "selectie" : "ontwikkeling"})
          </option>
        ))}
        {draft.assessment_round && !rounds.data?.items.some((round) => round.code === draft.assessment_round) && (
          <option value={draft.assessment_round}>{draft.assessment_round}</option>
        )}
      </SelectField>
    </>
  );
}
