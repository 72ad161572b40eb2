// Form fields with their label, help text and error wired up, so a page names a field once instead of repeating
// FormField, control and aria-describedby.
import type { ReactNode } from "react";
import { FormField, Select, Textarea, Textbox, fieldDescribedBy, type SelectProps, type TextboxProps } from "./Form";

interface FieldFrame {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
}

interface FieldValue {
  value: string;
  onChange: (value: string) => void;
}

/** What every control in a field gets: its id, whether it is invalid, what describes it, and its value. */
function controlOf({ id, description, error, value, onChange }: Omit<FieldFrame, "label"> & FieldValue) {
  return {
    id,
    value,
    invalid: Boolean(error),
    "aria-describedby": fieldDescribedBy(id, Boolean(description), Boolean(error)),
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
}

export type InputFieldProps = FieldFrame &
  FieldValue &
  Omit<TextboxProps, "id" | "value" | "onChange" | "invalid" | "children">;

/** A one-line text input in its form field. */
export function InputField({ id, label, description, error, value, onChange, ...input }: InputFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error}>
      <Textbox {...controlOf({ id, description, error, value, onChange })} {...input} />
    </FormField>
  );
}

/** A decimal number typed as text, so "1,5" is kept as typed; the caller parses it. */
export function NumberField(props: InputFieldProps) {
  return <InputField inputMode="decimal" className="kwm-number-input" {...props} />;
}

/** A date as YYYY-MM-DD through the browser's date picker. */
export function DateField(props: InputFieldProps) {
  return <InputField type="date" {...props} />;
}

export type TextareaFieldProps = FieldFrame & FieldValue & { rows?: number; disabled?: boolean };

/** Several lines of text in their form field. */
export function TextareaField({ id, label, description, error, value, onChange, rows, disabled }: TextareaFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error}>
      <Textarea {...controlOf({ id, description, error, value, onChange })} rows={rows} disabled={disabled} />
    </FormField>
  );
}

export type SelectFieldProps = FieldFrame &
  FieldValue &
  Omit<SelectProps, "id" | "value" | "onChange" | "invalid"> & { children: ReactNode };

/** A drop-down list in its form field; the options are the children. */
export function SelectField({ id, label, description, error, value, onChange, children, ...select }: SelectFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error}>
      <Select {...controlOf({ id, description, error, value, onChange })} {...select}>
        {children}
      </Select>
    </FormField>
  );
}

/** One option per entry of a label table (value → Dutch text), in the table's order. */
export function LabelOptions({ labels }: { labels: Record<string, string> }) {
  return Object.entries(labels).map(([value, text]) => (
    <option key={value} value={value}>
      {text}
    </option>
  ));
}
