import { Fieldset } from "../../../components";
import { InputField, TextareaField } from "../../../components/Fields";
import type { FrameworkDocument } from "../model";
import { ids, type FrameworkEditing } from "./document";

/** The lowest and highest point of the scale, and an anchor text for every point between them. */
export function ScaleEditor({ scale, editing }: { scale: FrameworkDocument["scale"]; editing: FrameworkEditing }) {
  const { errorFor, update } = editing;
  const setScale = (min: number, max: number) =>
    update((d) => {
      const anchors: Record<string, string> = {};
      for (let point = min; point <= max && max - min <= 10; point++)
        anchors[String(point)] = d.scale.anchors[String(point)] ?? "";
      return { ...d, scale: { min, max, anchors } };
    });
  const setAnchor = (point: string, text: string) =>
    update((d) => ({ ...d, scale: { ...d.scale, anchors: { ...d.scale.anchors, [point]: text } } }));
  return (
    <Fieldset legend="Schaal" className="kwm-scale-editor">
      <div className="kwm-inline-fields">
        <InputField
          id={ids.min}
          label="Laagste punt"
          error={errorFor(ids.min)}
          type="number"
          inputMode="numeric"
          min={0}
          max={9}
          value={String(scale.min)}
          onChange={(min) => setScale(Number(min), scale.max)}
        />
        <InputField
          id={ids.max}
          label="Hoogste punt"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={String(scale.max)}
          onChange={(max) => setScale(scale.min, Number(max))}
        />
      </div>
      {Object.keys(scale.anchors)
        .sort((a, b) => Number(a) - Number(b))
        .map((point) => (
          <TextareaField
            key={point}
            id={ids.anchor(point)}
            label={`Omschrijving van punt ${point}`}
            error={errorFor(ids.anchor(point))}
            rows={2}
            value={scale.anchors[point]}
            onChange={(text) => setAnchor(point, text)}
          />
        ))}
    </Fieldset>
  );
}
