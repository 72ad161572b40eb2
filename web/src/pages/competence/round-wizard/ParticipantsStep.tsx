import { Fieldset, Paragraph } from "../../../components";
import { CheckboxOption } from "../../../components/Checkbox";
import { TextareaField } from "../../../components/Fields";
import type { UnitOption } from "../../../hooks/useUnitOptions";
import type { WizardProblem } from "../../../hooks/useWizard";
import { personnelNumbers, toggled, type Draft, type StepProps } from "./draft";

export function participantsProblems(draft: Draft): WizardProblem[] {
  if (draft.units.length > 0 || personnelNumbers(draft.people).length > 0) return [];
  return [{ target: "round-units", message: "Kies minstens één eenheid of vul personeelsnummers in." }];
}

/** Step 4: whole units (with the units below them) and single people by personnel number. */
export function ParticipantsStep({ draft, set, errorFor, units }: StepProps & { units: UnitOption[] }) {
  return (
    <>
      <Fieldset legend="Eenheden">
        <Paragraph className="kwm-hint">
          Iedereen in de gekozen eenheden (met de eenheden eronder) met een van de gekozen functieprofielen doet mee.
        </Paragraph>
        {errorFor("round-units") && <p className="kwm-inline-error">{errorFor("round-units")}</p>}
        <div className="kwm-check-list" id="round-units" tabIndex={-1}>
          {units.map((unit) => (
            <CheckboxOption
              key={unit.code}
              id={`round-unit-${unit.code}`}
              className={`kwm-depth-${Math.min(unit.depth, 8)}`}
              checked={draft.units.includes(unit.code)}
              onChange={(e) => set({ units: toggled(draft.units, unit.code, e.target.checked) })}
              label={`${unit.name} (${unit.code})`}
            />
          ))}
        </div>
      </Fieldset>
      <TextareaField
        id="round-people"
        label="Losse medewerkers (personeelsnummers)"
        description="Gescheiden door komma's, spaties of regels. Zij worden beoordeeld tegen het profiel van hun eigen functieniveau."
        error={errorFor("round-people")}
        rows={3}
        value={draft.people}
        onChange={(people) => set({ people })}
      />
    </>
  );
}
