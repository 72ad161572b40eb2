import { forwardRef, type ReactNode } from "react";
import { cx } from "./classes";

export type AlertType = "info" | "ok" | "warning" | "error";

export interface AlertProps {
  type: AlertType;
  children: ReactNode;
  /** Announce the alert when it appears; errors interrupt, other news waits its turn. */
  live?: boolean;
  className?: string;
  id?: string;
  tabIndex?: number;
  "aria-labelledby"?: string;
}

export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type, children, live = false, className, ...rest },
  ref,
) {
  const role = live ? (type === "error" ? "alert" : "status") : undefined;
  return (
    <div ref={ref} className={cx("utrecht-alert", `utrecht-alert--${type}`, className)} role={role} {...rest}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
});
