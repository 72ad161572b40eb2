import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "./classes";

export interface CheckboxOptionProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: ReactNode;
}

/** One checkbox with its label after it, in the Utrecht form field layout. */
export function CheckboxOption({ id, label, className, ...rest }: CheckboxOptionProps) {
  return (
    <div className={cx("utrecht-form-field", "utrecht-form-field--checkbox", "kwm-checkbox", className)}>
      <div className="utrecht-form-field__input">
        <input type="checkbox" id={id} className="utrecht-checkbox utrecht-checkbox--html-input" {...rest} />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
