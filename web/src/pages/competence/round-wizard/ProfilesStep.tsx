import { Fieldset, Paragraph } from "../../../components";
import { CheckboxOption } from "../../../components/Checkbox";
import { InputField } from "../../../components/Fields";
import type { WizardProblem } from "../../../hooks/useWizard";
import { formatCount } from "../../../format";
import { CODE_PATTERN, codeFromName, profileKey, type ProfileSummary } from "../model";
import { toggled, type Draft, type StepProps } from "./draft";

export function profilesProblems(draft: Draft): WizardProblem[] {
  const problems: WizardProblem[] = [];
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
  return problems;
}

/** Step 2: name, code and the function profiles the round assesses against (only profiles with requirements). */
export function ProfilesStep({
  draft,
  set,
  errorFor,
  usable,
  loaded,
}: StepProps & { usable: ProfileSummary[]; loaded: boolean }) {
  return (
    <>
      <InputField
        id="round-name"
        label="Naam van de ronde"
        error={errorFor("round-name")}
        value={draft.name}
        onChange={(name) => set({ name, code: draft.codeTouched ? draft.code : codeFromName(name) })}
      />
      <InputField
        id="round-code"
        label="Code"
        description="Voor bestanden en adressen: kleine letters, cijfers, - en _."
        error={errorFor("round-code")}
        value={draft.code}
        onChange={(code) => set({ code, codeTouched: true })}
        autoComplete="off"
        spellCheck={false}
      />
      <Fieldset legend="Tegen welke functieprofielen beoordeelt de ronde?">
        {errorFor("round-profiles") && <p className="kwm-inline-error">{errorFor("round-profiles")}</p>}
        {usable.length === 0 && loaded && (
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
                onChange={(e) => set({ profiles: toggled(draft.profiles, key, e.target.checked) })}
                label={`${p.function_name}, ${p.level} (${formatCount(p.competencies + p.knowledge_areas)} eisen)`}
              />
            );
          })}
        </div>
      </Fieldset>
    </>
  );
}
