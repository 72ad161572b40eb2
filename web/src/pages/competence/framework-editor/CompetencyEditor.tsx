import { Button, Fieldset, Heading } from "../../../components";
import { InputField, SelectField, TextareaField } from "../../../components/Fields";
import { codeFromName, kindLabels, type Competency, type CompetencyKind } from "../model";
import { ids, type FrameworkEditing } from "./document";
import { IndicatorEditor } from "./IndicatorEditor";

interface CompetencyEditorProps {
  competency: Competency;
  /** Its place in the framework, from 0. */
  index: number;
  count: number;
  editing: FrameworkEditing;
}

/** One competency or knowledge area: name, code, kind, definition and its behavioural indicators. */
export function CompetencyEditor({ competency, index: i, count, editing }: CompetencyEditorProps) {
  const { errorFor, update, focusNext } = editing;
  const change = (patch: Partial<Competency>) =>
    update((d) => ({ ...d, competencies: d.competencies.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  const move = (by: -1 | 1) => {
    update((d) => {
      const list = [...d.competencies];
      const [moved] = list.splice(i, 1);
      list.splice(i + by, 0, moved);
      return { ...d, competencies: list };
    });
    focusNext(ids.competency(i + by, by < 0 ? "up" : "down"));
  };
  const addIndicator = () => {
    const used = new Set(competency.indicators.map((indicator) => indicator.code));
    let n = competency.indicators.length + 1;
    while (used.has(`i${n}`)) n++;
    change({ indicators: [...competency.indicators, { code: `i${n}`, text: "" }] });
    focusNext(ids.indicator(i, competency.indicators.length, "text"));
  };
  const remove = () => {
    update((d) => ({ ...d, competencies: d.competencies.filter((_, k) => k !== i) }));
    focusNext(ids.addCompetency);
  };
  const field = (name: "name" | "code" | "definition" | "kind") => ({
    id: ids.competency(i, name),
    error: errorFor(ids.competency(i, name)),
  });

  return (
    <Fieldset legend={`${i + 1}. ${competency.name.trim() || "Nieuwe competentie"}`} className="kwm-competency-editor">
      <div className="kwm-inline-fields">
        <InputField
          {...field("name")}
          label="Naam"
          value={competency.name}
          onChange={(name) =>
            change({
              name,
              code:
                competency.code === "" || competency.code === codeFromName(competency.name)
                  ? codeFromName(name)
                  : competency.code,
            })
          }
        />
        <InputField
          {...field("code")}
          label="Code"
          value={competency.code}
          onChange={(code) => change({ code })}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id={ids.competency(i, "kind")}
          label="Soort"
          value={competency.kind}
          onChange={(kind) => change({ kind: kind as CompetencyKind })}
        >
          {(Object.keys(kindLabels) as CompetencyKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField
        {...field("definition")}
        label="Omschrijving"
        rows={2}
        value={competency.definition}
        onChange={(definition) => change({ definition })}
      />
      <Heading level={3} className="utrecht-heading-4">
        Gedragsindicatoren van {competency.name.trim() || `competentie ${i + 1}`}
      </Heading>
      <ol className="kwm-indicator-editor">
        {competency.indicators.map((_, j) => (
          <IndicatorEditor
            key={j}
            competency={competency}
            competencyIndex={i}
            index={j}
            errorFor={errorFor}
            onChange={(patch) =>
              change({ indicators: competency.indicators.map((x, k) => (k === j ? { ...x, ...patch } : x)) })
            }
            onRemove={() => {
              change({ indicators: competency.indicators.filter((_, k) => k !== j) });
              focusNext(ids.competency(i, "add-indicator"));
            }}
          />
        ))}
      </ol>
      <div className="utrecht-button-group">
        <Button id={ids.competency(i, "add-indicator")} onClick={addIndicator}>
          Gedragsindicator toevoegen<span className="kwm-visually-hidden"> aan {competency.name}</span>
        </Button>
        <Button id={ids.competency(i, "up")} appearance="subtle" disabled={i === 0} onClick={() => move(-1)}>
          Omhoog<span className="kwm-visually-hidden"> ({competency.name})</span>
        </Button>
        <Button id={ids.competency(i, "down")} appearance="subtle" disabled={i === count - 1} onClick={() => move(1)}>
          Omlaag<span className="kwm-visually-hidden"> ({competency.name})</span>
        </Button>
        <Button appearance="subtle" onClick={remove}>
          Competentie verwijderen<span className="kwm-visually-hidden"> ({competency.name})</span>
        </Button>
      </div>
    </Fieldset>
  );
}
