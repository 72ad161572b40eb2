import { Fieldset, Paragraph } from "../../../components";
import { NumberField } from "../../../components/Fields";
import { ordinal } from "../labels";
import { Checkbox } from "./Checkbox";
import type { SettingsSectionProps } from "./draft";

/** The number fields of the settings form: ids are the API's field paths, so a server error lands on its field. */
function numberFieldOf({ errors, closed }: SettingsSectionProps) {
  return (id: string, label: string, value: string, onChange: (value: string) => void, description?: string) => (
    <NumberField
      key={id}
      id={id}
      label={label}
      description={description}
      error={errors[id]}
      value={value}
      onChange={onChange}
      disabled={closed}
    />
  );
}

/** How suitability weighs competencies, the interview and the last appraisal. */
export function WeightsFieldset(props: SettingsSectionProps) {
  const { draft, change, errors } = props;
  const numberField = numberFieldOf(props);
  return (
    <Fieldset className="kwm-pl-fieldset" legend="Weging van de geschiktheid">
      <Paragraph className="kwm-hint" id="weights-help">
        De gewichten worden naar verhouding gebruikt: 0,5 / 0,3 / 0,2 betekent 50, 30 en 20 procent. Een onderdeel dat
        bij iemand ontbreekt, telt niet mee; zijn gewicht gaat naar de andere.
      </Paragraph>
      {errors["settings.weights"] && (
        <Paragraph className="utrecht-form-field-error-message" id="weights-error">
          {errors["settings.weights"]}
        </Paragraph>
      )}
      {numberField("settings.weights.competency", "Competenties (selectieassessment)", draft.competency, (competency) =>
        change({ competency }),
      )}
      {numberField("settings.weights.interview", "Selectiegesprek", draft.interview, (interview) =>
        change({ interview }),
      )}
      {numberField("settings.weights.appraisal", "Laatste beoordeling", draft.appraisal, (appraisal) =>
        change({ appraisal }),
      )}
    </Fieldset>
  );
}

/** Points on top of suitability in the preference round, one per rank. */
export function BonusFieldset(props: SettingsSectionProps & { bonus: string[] }) {
  const { bonus, change } = props;
  const numberField = numberFieldOf(props);
  return (
    <Fieldset className="kwm-pl-fieldset" legend="Voorkeursbonus">
      <Paragraph className="kwm-hint">
        Punten bovenop de geschiktheid in de voorkeursronde, per rang van de voorkeur.
      </Paragraph>
      {bonus.map((value, i) =>
        numberField(
          `settings.preference_bonus[${i}]`,
          `Bonus voor de ${ordinal(i + 1)} voorkeur (punten)`,
          value,
          (v) => change({ bonus: bonus.map((b, k) => (k === i ? v : b)) }),
        ),
      )}
    </Fieldset>
  );
}

/** What rules a placement out, whatever the score. */
export function ConditionsFieldset(props: SettingsSectionProps) {
  const { draft, change, closed } = props;
  const numberField = numberFieldOf(props);
  return (
    <Fieldset className="kwm-pl-fieldset" legend="Harde voorwaarden">
      <Checkbox
        id="settings-require-education"
        checked={draft.require_education}
        onChange={(require_education) => change({ require_education })}
        label="Het opleidingsniveau van de functie is vereist"
        disabled={closed}
      />
      <Checkbox
        id="settings-exclude-critical"
        checked={draft.exclude_critical_gaps}
        onChange={(exclude_critical_gaps) => change({ exclude_critical_gaps })}
        label="Niet plaatsen bij een kritieke competentie met oordeel 'voldoet niet'"
        disabled={closed}
      />
      {numberField(
        "settings.hours_tolerance",
        "Urentolerantie (fte)",
        draft.hours_tolerance,
        (hours_tolerance) => change({ hours_tolerance }),
        "Hoeveel fte de omvang van een plaats mag afwijken van de huidige omvang van de medewerker.",
      )}
    </Fieldset>
  );
}
