import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cx } from "./classes";

export interface FormFieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}

/** Label, help text and error for one control; the control itself gets its ids via fieldDescribedBy. */
export function FormField({ id, label, description, error, children, className }: FormFieldProps) {
  return (
    <div
      className={cx(
        "utrecht-form-field",
        "utrecht-form-field--text",
        error && "utrecht-form-field--invalid",
        className,
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message utrecht-form-field__error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/** The aria-describedby value matching what FormField renders. */
export function fieldDescribedBy(id: string, hasDescription: boolean, hasError: boolean): string | undefined {
  const ids = [hasDescription && `${id}-description`, hasError && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export interface TextboxProps extends InputHTMLAttributes<HTMLInputElement> {
  invalid?: boolean;
}

export const Textbox = forwardRef<HTMLInputElement, TextboxProps>(function Textbox(
  { invalid, className, type = "text", ...rest },
  ref,
) {
  return (
    <input
      ref={ref}
      type={type}
      aria-invalid={invalid || undefined}
      className={cx("utrecht-textbox", "utrecht-textbox--html-input", invalid && "utrecht-textbox--invalid", className)}
      {...rest}
    />
  );
});

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  invalid?: boolean;
}

export function Select({ invalid, className, ...rest }: SelectProps) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={cx("utrecht-select", "utrecht-select--html-select", invalid && "utrecht-select--invalid", className)}
      {...rest}
    />
  );
}

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  invalid?: boolean;
}

export function Textarea({ invalid, className, ...rest }: TextareaProps) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={cx(
        "utrecht-textarea",
        "utrecht-textarea--html-textarea",
        invalid && "utrecht-textarea--invalid",
        className,
      )}
      {...rest}
    />
  );
}

export function Fieldset({
  legend,
  children,
  className,
}: {
  legend: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={cx("utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", className)}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

export interface RadioOptionProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: ReactNode;
}

export function RadioOption({ id, label, className, ...rest }: RadioOptionProps) {
  return (
    <div className={cx("utrecht-form-field", "utrecht-form-field--radio", className)}>
      <div className="utrecht-form-field__input">
        <input type="radio" id={id} className="utrecht-radio-button utrecht-radio-button--html-input" {...rest} />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
