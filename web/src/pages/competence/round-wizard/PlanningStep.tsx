import { DateField } from "../../../components/Fields";
import type { WizardProblem } from "../../../hooks/useWizard";
import type { Draft, StepProps } from "./draft";

export function planningProblems(draft: Draft): WizardProblem[] {
  const problems: WizardProblem[] = [];
  if (!draft.deadline) problems.push({ target: "round-deadline", message: "Vul de deadline in." });
  if (!draft.targetDate) problems.push({ target: "round-target-date", message: "Vul de streefdatum in." });
  if (draft.deadline && draft.targetDate && draft.targetDate < draft.deadline)
    problems.push({
      target: "round-target-date",
      message: "De streefdatum moet op of na de deadline liggen: wie trainbaar is, heeft tijd nodig om te groeien.",
    });
  return problems;
}

/** Step 5: until when ratings can be given, and by when whoever is trainable should meet the profile. */
export function PlanningStep({ draft, set, errorFor }: StepProps) {
  return (
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
  );
}
