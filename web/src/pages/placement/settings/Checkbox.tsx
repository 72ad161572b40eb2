import type { ReactNode } from "react";

/** A checkbox with its label beside it, as the settings form lays it out. */
export function Checkbox({
  id,
  checked,
  onChange,
  label,
  disabled,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  disabled?: boolean;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox kwm-pl-checkbox">
      <input
        type="checkbox"
        id={id}
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
