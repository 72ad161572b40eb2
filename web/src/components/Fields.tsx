// Form fields with their label, help text and error wired up, so a page names a field once instead of repeating
// FormField, control and aria-describedby.
import type { ReactNode } from "react";
import { FormField, Select, Textarea, Textbox, fieldDescribedBy, type SelectProps, type TextboxProps } from "./Form";

interface FieldFrame {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  /** A class for the field around the control (label, help text, error). */
  fieldClassName?: string;
}

interface FieldValue {
  value: string;
  onChange: (value: string) => void;
}

/** Splits a field's props into the frame (label, help text, error), the control's wiring, and the rest. */
function splitField<P extends FieldFrame & FieldValue>(props: P) {
  const { id, label, description, error, fieldClassName, value, onChange, ...rest } = props;
  const frame = { id, label, description, error, className: fieldClassName };
  const control = {
    id,
    value,
    invalid: Boolean(error),
    "aria-describedby": fieldDescribedBy(id, Boolean(description), Boolean(error)),
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return { frame, control, rest };
}

export type InputFieldProps = FieldFrame &
  FieldValue &
  Omit<TextboxProps, "id" | "value" | "onChange" | "invalid" | "children">;

/** A one-line text input in its form field. */
export function InputField(props: InputFieldProps) {
  const { frame, control, rest } = splitField(props);
  return (
    <FormField {...frame}>
      <Textbox {...control} {...rest} />
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

export type TextareaFieldProps = FieldFrame & FieldValue & { rows?: number; disabled?: boolean; required?: boolean };

/** Several lines of text in their form field. */
export function TextareaField(props: TextareaFieldProps) {
  const { frame, control, rest } = splitField(props);
  return (
    <FormField {...frame}>
      <Textarea {...control} {...rest} />
    </FormField>
  );
}

export type SelectFieldProps = FieldFrame &
  FieldValue &
  Omit<SelectProps, "id" | "value" | "onChange" | "invalid"> & { children: ReactNode };

/** A drop-down list in its form field; the options are the children. */
export function SelectField(props: SelectFieldProps) {
  const { frame, control, rest } = splitField(props);
  return (
    <FormField {...frame}>
      <Select {...control} {...rest} />
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

export type CellInputProps = FieldValue &
  Omit<TextboxProps, "id" | "value" | "onChange" | "invalid" | "aria-label"> & {
    id: string;
    /** The accessible name; in a table the row and column say what it is, so there is no visible label. */
    label: string;
    error?: string;
  };

/** A text input in a table cell, with its error right below it. */
export function CellInput({ id, label, error, value, onChange, ...input }: CellInputProps) {
  return (
    <>
      <Textbox
        id={id}
        aria-label={label}
        value={value}
        invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
      {error && (
        <span className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
}
