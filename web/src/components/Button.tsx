import type { ButtonHTMLAttributes } from "react";
import { cx } from "./classes";

export type ButtonAppearance = "primary" | "secondary" | "subtle";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  busy?: boolean;
}

export function Button({ appearance = "secondary", busy = false, type = "button", className, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      aria-busy={busy || undefined}
      className={cx(
        "utrecht-button",
        `utrecht-button--${appearance === "primary" ? "primary-action" : appearance === "secondary" ? "secondary-action" : "subtle"}`,
        type === "submit" && "utrecht-button--submit",
        busy && "utrecht-button--busy",
        className,
      )}
      {...rest}
    />
  );
}

export function ButtonGroup({ children, label }: { children: React.ReactNode; label?: string }) {
  return (
    <div className="utrecht-button-group" role={label ? "group" : undefined} aria-label={label}>
      {children}
    </div>
  );
}
