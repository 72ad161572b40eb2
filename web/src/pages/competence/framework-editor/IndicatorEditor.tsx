import { Button } from "../../../components";
import { InputField, TextareaField } from "../../../components/Fields";
import type { Competency } from "../model";
import { ids } from "./document";

interface IndicatorEditorProps {
  competency: Competency;
  competencyIndex: number;
  index: number;
  errorFor: (id: string) => string | undefined;
  onChange: (patch: Partial<{ code: string; text: string }>) => void;
  onRemove: () => void;
}

/** One behavioural indicator of a competency: its code and the behaviour in words. */
export function IndicatorEditor({
  competency,
  competencyIndex: i,
  index: j,
  errorFor,
  onChange,
  onRemove,
}: IndicatorEditorProps) {
  const indicator = competency.indicators[j];
  const codeId = ids.indicator(i, j, "code");
  const textId = ids.indicator(i, j, "text");
  return (
    <li className="kwm-indicator-editor__row">
      <InputField
        id={codeId}
        label={
          <>
            Code<span className="kwm-visually-hidden"> van gedragsindicator {j + 1}</span>
          </>
        }
        error={errorFor(codeId)}
        fieldClassName="kwm-indicator-editor__code"
        value={indicator.code}
        onChange={(code) => onChange({ code })}
        autoComplete="off"
        spellCheck={false}
      />
      <TextareaField
        id={textId}
        label={`Gedragsindicator ${j + 1}`}
        error={errorFor(textId)}
        fieldClassName="kwm-indicator-editor__text"
        rows={3}
        value={indicator.text}
        onChange={(text) => onChange({ text })}
      />
      <Button appearance="subtle" disabled={competency.indicators.length === 1} onClick={onRemove}>
        Verwijderen
        <span className="kwm-visually-hidden">
          {" "}
          (gedragsindicator {j + 1} van {competency.name})
        </span>
      </Button>
    </li>
  );
}
