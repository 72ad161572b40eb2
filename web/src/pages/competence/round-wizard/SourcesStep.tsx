import { Fieldset, Paragraph } from "../../../components";
import { CheckboxOption } from "../../../components/Checkbox";
import { NumberField } from "../../../components/Fields";
import type { WizardProblem } from "../../../hooks/useWizard";
import { allSources, sourceLabels } from "../model";
import { parseNumber, toggled, type Draft, type StepProps } from "./draft";

/** The rules for the verdict, with their defaults in the summary line. */
const rules: { id: string; key: "tolerance" | "trainableStep" | "spreadThreshold"; label: string }[] = [
  {
    id: "round-tolerance",
    key: "tolerance",
    label: "Tolerantie: grootste som van tekorten op niet-kritieke competenties die nog voldoet",
  },
  { id: "round-trainable-step", key: "trainableStep", label: "Trainbare stap: grootste tekort dat nog trainbaar is" },
  { id: "round-spread", key: "spreadThreshold", label: "Spreiding: verschil tussen bronnen dat wordt gemarkeerd" },
];

export function sourcesProblems(draft: Draft): WizardProblem[] {
  const problems: WizardProblem[] = [];
  if (draft.sources.length === 0) problems.push({ target: "round-source-self", message: "Kies minstens één bron." });
  for (const source of draft.sources) {
    if (!(parseNumber(draft.weights[source]) > 0))
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
  return problems;
}

/** Step 3: who rates and how much each source weighs, and the rules for the verdict. */
export function SourcesStep({ draft, set, errorFor }: StepProps) {
  return (
    <>
      <Fieldset legend="Wie beoordelen, en hoe zwaar telt elke bron?">
        <Paragraph className="kwm-hint">
          De gecombineerde score is het gewogen gemiddelde van de bronnen die een score gaven. Een ontbrekende bron telt
          niet als 0.
        </Paragraph>
        {allSources.map((source) => (
          <div key={source} className="kwm-source-row">
            <CheckboxOption
              id={`round-source-${source}`}
              checked={draft.sources.includes(source)}
              onChange={(e) => set({ sources: toggled(draft.sources, source, e.target.checked) })}
              label={sourceLabels[source] + (source === "peer" ? " (alleen via import)" : "")}
            />
            {draft.sources.includes(source) && (
              <NumberField
                id={`round-weight-${source}`}
                label={`Gewicht ${sourceLabels[source].toLowerCase()}`}
                error={errorFor(`round-weight-${source}`)}
                value={draft.weights[source]}
                onChange={(weight) => set({ weights: { ...draft.weights, [source]: weight } })}
              />
            )}
          </div>
        ))}
      </Fieldset>
      <details className="kwm-details" open={rules.some((rule) => errorFor(rule.id) !== undefined)}>
        <summary>Regels voor het oordeel (standaard: tolerantie 1, trainbare stap 1, spreiding 2)</summary>
        {rules.map((rule) => (
          <NumberField
            key={rule.id}
            id={rule.id}
            label={rule.label}
            value={draft[rule.key]}
            error={errorFor(rule.id)}
            onChange={(value) => set({ [rule.key]: value })}
          />
        ))}
      </details>
    </>
  );
}
