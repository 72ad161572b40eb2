import { Alert, Fieldset, Paragraph, RadioOption } from "../../../components";
import type { WizardProblem } from "../../../hooks/useWizard";
import { purposeLabels, type Purpose } from "../model";
import type { Draft, StepProps } from "./draft";

export const purposeHelp: Record<Purpose, string> = {
  development:
    "Voor de ontwikkeling van medewerkers. De uitkomsten mogen niet worden gebruikt voor selectie of plaatsing, tenzij een medewerker daar zelf uitdrukkelijk toestemming voor geeft.",
  selection:
    "Voor selectie en plaatsing, bijvoorbeeld in een reorganisatie. Iedere deelnemer ziet dat de uitkomsten daarvoor worden gebruikt.",
};

export function purposeProblems(draft: Draft): WizardProblem[] {
  if (draft.purpose) return [];
  return [{ target: "round-purpose-development", message: "Kies het doel van de ronde: ontwikkeling of selectie." }];
}

/** Step 1: development or selection, fixed once the round exists. */
export function PurposeStep({ draft, set }: StepProps) {
  return (
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
  );
}

/** The chosen purpose, repeated above every later step. */
export function PurposeReminder({ purpose }: { purpose: Purpose }) {
  return (
    <Alert type={purpose === "selection" ? "warning" : "info"} className="kwm-purpose">
      <Paragraph>
        <strong>Doel: {purposeLabels[purpose]}.</strong> {purposeHelp[purpose]} Het doel ligt vast zodra de ronde is
        aangemaakt.
      </Paragraph>
    </Alert>
  );
}
