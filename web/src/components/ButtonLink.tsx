import type { AnchorHTMLAttributes } from "react";
import { RouterLink } from "../router";
import { cx } from "./classes";

export interface ButtonLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  appearance?: "primary" | "secondary";
}

/** A link to another page that looks like a button, for the main action of a page. */
export function ButtonLink({ appearance = "secondary", className, ...rest }: ButtonLinkProps) {
  return (
    <RouterLink
      className={cx(
        "utrecht-button-link",
        "utrecht-button-link--html-a",
        appearance === "primary" ? "utrecht-button-link--primary-action" : "utrecht-button-link--secondary-action",
        className,
      )}
      {...rest}
    />
  );
}
