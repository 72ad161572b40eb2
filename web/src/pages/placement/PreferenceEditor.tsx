// Up to N ranked preferences for new function levels, each with a motivation; reordered with
// buttons so it works from the keyboard. Used by employees themselves and by HR from a paper form.

import { useRef, useState, type FormEvent } from "react";
import { Button, ButtonGroup, Paragraph } from "../../components";
import { SelectField, TextareaField } from "../../components/Fields";
import { ReorderableList } from "../../components/ReorderableList";
import { formatCount } from "../../format";
import { functionText, ordinal } from "./labels";
import { FormErrorSummary, type Submission } from "./shared";
import type { NewFunction, Preference } from "./types";

export const MOTIVATION_MAX = 2000;

interface Row {
  key: string;
  function_id: string;
  motivation: string;
}

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

export function rowsFrom(preferences: Preference[]): Row[] {
  return [...preferences]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({ key: newKey(), function_id: String(p.function_id), motivation: p.motivation }));
}

interface PreferenceEditorProps {
  idPrefix: string;
  initial: Preference[];
  functions: NewFunction[];
  max: number;
  submission: Submission;
  /** Saves the list in this order (first is rank 1); an empty list says "no preference", which is a response too. */
  onSave: (preferences: { function_id: number; motivation: string }[]) => Promise<void>;
  saveLabel: string;
}

export function PreferenceEditor({
  idPrefix,
  initial,
  functions,
  max,
  submission,
  onSave,
  saveLabel,
}: PreferenceEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(initial));
  const formRef = useRef<HTMLFormElement>(null);
  const byId = new Map(functions.map((f) => [String(f.function_id), f]));

  const update = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const add = () => {
    const row = { key: newKey(), function_id: "", motivation: "" };
    setRows([...rows, row]);
    // Move to the new preference's function list, so the next keystrokes fill it in.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLSelectElement>(`#${idPrefix}-${row.key}-function`)?.focus(),
    );
  };

  const remove = (index: number) => {
    setRows(rows.filter((_, i) => i !== index));
    // The removed preference's buttons are gone: continue at "add", or at the first button left.
    requestAnimationFrame(() =>
      (
        formRef.current?.querySelector<HTMLElement>("[data-add-preference]") ??
        formRef.current?.querySelector<HTMLElement>("button")
      )?.focus(),
    );
  };

  const move = (from: number, to: number) => {
    const next = [...rows];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row);
    setRows(next);
  };

  // An error belongs to a preference, not to a place in the list, so it moves along when the list is
  // reordered. Our own checks key errors by row; the server names the place of the list it was sent
  // ("preferences[1].motivation"), which `sent` turns back into the row.
  const [sent, setSent] = useState<string[]>([]);
  const fieldError = (row: Row, field: "function_id" | "motivation") => {
    const own = submission.fieldErrors[`${row.key}.${field}`];
    if (own) return own;
    const index = sent.indexOf(row.key);
    return index < 0 ? undefined : submission.fieldErrors[`preferences[${index}].${field}`];
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = preferenceErrors(rows, max);
    if (!submission.setClientErrors(errors)) return;
    setSent(rows.map((row) => row.key));
    await onSave(rows.map((row) => ({ function_id: Number(row.function_id), motivation: row.motivation.trim() })));
  };

  return (
    <>
      <FormErrorSummary submission={submission} title="Uw voorkeuren zijn niet opgeslagen" />
      <form ref={formRef} className="utrecht-form kwm-form" onSubmit={submit} noValidate aria-label="Voorkeuren">
        {rows.length === 0 ? (
          <Paragraph className="kwm-empty">Er zijn nog geen voorkeuren opgegeven.</Paragraph>
        ) : (
          <ReorderableList
            label="Voorkeuren in volgorde: de eerste is uw eerste voorkeur"
            items={rows}
            itemKey={(row) => row.key}
            itemName={(row) => {
              const chosen = byId.get(row.function_id);
              return chosen ? `Voorkeur ${functionText(chosen.name, chosen.level)}` : "Voorkeur zonder functie";
            }}
            onMove={move}
            className="kwm-pl-preferences"
            renderItem={(row, index) => (
              <PreferenceRow
                idPrefix={idPrefix}
                row={row}
                index={index}
                functions={functions}
                chosen={byId.get(row.function_id)}
                errorOf={(field) => fieldError(row, field)}
                onChange={(patch) => update(index, patch)}
                onRemove={() => remove(index)}
              />
            )}
          />
        )}
        {submission.fieldErrors.preferences && (
          <Paragraph className="utrecht-form-field-error-message">{submission.fieldErrors.preferences}</Paragraph>
        )}
        <ButtonGroup>
          {rows.length < max && (
            <Button data-add-preference onClick={add}>
              Voorkeur toevoegen
            </Button>
          )}
          <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
            {saveLabel}
          </Button>
        </ButtonGroup>
        <Paragraph className="kwm-hint">
          U kunt {max === 1 ? "één voorkeur" : `${max} voorkeuren`} opgeven. Met de knoppen Hoger en Lager zet u ze in
          volgorde; de bovenste is uw eerste voorkeur. Slaat u een lege lijst op, dan geeft u aan dat u geen voorkeur
          heeft; ook dat telt als reactie.
        </Paragraph>
      </form>
    </>
  );
}

/** The checks the server makes too, keyed by row so an error follows its preference when the list is reordered. */
function preferenceErrors(rows: Row[], max: number): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row) => {
    if (!row.function_id) errors[`${row.key}.function_id`] = "Kies een functie.";
    else if (seen.has(row.function_id))
      errors[`${row.key}.function_id`] = "Deze functie staat al eerder in uw lijst. Kies een andere functie.";
    seen.add(row.function_id);
    if (!row.motivation.trim()) errors[`${row.key}.motivation`] = "Schrijf kort waarom u deze functie wilt.";
    else if (row.motivation.length > MOTIVATION_MAX)
      errors[`${row.key}.motivation`] = `Gebruik ten hoogste ${formatCount(MOTIVATION_MAX)} tekens.`;
  });
  if (rows.length > max) errors.preferences = `U kunt ten hoogste ${max} voorkeuren opgeven.`;
  return errors;
}

interface PreferenceRowProps {
  idPrefix: string;
  row: Row;
  index: number;
  functions: NewFunction[];
  chosen: NewFunction | undefined;
  errorOf: (field: "function_id" | "motivation") => string | undefined;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}

/** One preference: the function level wanted, why, and a button to take it out of the list. */
function PreferenceRow({ idPrefix, row, index, functions, chosen, errorOf, onChange, onRemove }: PreferenceRowProps) {
  const count = row.motivation.length ? `; nu ${formatCount(row.motivation.length)}` : "";
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kwm-pl-preference">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {ordinal(index + 1)} voorkeur
      </legend>
      <SelectField
        id={`${idPrefix}-${row.key}-function`}
        label="Functie"
        error={errorOf("function_id")}
        value={row.function_id}
        onChange={(function_id) => onChange({ function_id })}
        required
      >
        <option value="">Kies een functie</option>
        {functions.map((f) => (
          <option key={f.function_id} value={f.function_id}>
            {functionText(f.name, f.level)} – {f.education_level ?? "geen opleidingseis"},{" "}
            {f.slots === 1 ? "1 plaats" : `${f.slots} plaatsen`}
            {f.novelty === "new" ? " (nieuwe functie)" : ""}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${idPrefix}-${row.key}-motivation`}
        label="Motivatie"
        description={`Waarom deze functie bij u past. Ten hoogste ${formatCount(MOTIVATION_MAX)} tekens${count}.`}
        error={errorOf("motivation")}
        rows={4}
        value={row.motivation}
        onChange={(motivation) => onChange({ motivation })}
        required
      />
      <Button appearance="subtle" onClick={onRemove}>
        {ordinal(index + 1)} voorkeur verwijderen
        {chosen ? <span className="kwm-visually-hidden"> ({functionText(chosen.name, chosen.level)})</span> : null}
      </Button>
    </fieldset>
  );
}
