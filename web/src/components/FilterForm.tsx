import type { FormEvent, ReactNode } from "react";
import { Button } from "./Button";
import { cx } from "./classes";

export interface FilterFormProps {
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  onSubmit: () => void;
  /** A search landmark (role="search") rather than a plain form. */
  search?: boolean;
  className?: string;
  /** Buttons after the submit button, e.g. "Filters wissen". */
  actions?: ReactNode;
  children: ReactNode;
}

/** Filters above a list, side by side, with one submit button; the list follows the URL, not the draft. */
export function FilterForm({ label, submitLabel, onSubmit, search, className, actions, children }: FilterFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      role={search ? "search" : undefined}
      className={cx("kwm-filters", className)}
      onSubmit={submit}
      noValidate
      aria-label={label}
    >
      {children}
      <div className="kwm-filters__actions">
        <Button type="submit" appearance="primary">
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
