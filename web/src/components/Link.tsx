import type { AnchorHTMLAttributes } from "react";
import { RouterLink } from "../router";
import { cx } from "./classes";

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  /** A download or file link that must bypass the in-app router. */
  external?: boolean;
  current?: boolean;
}

export function Link({ external, current, className, ...rest }: LinkProps) {
  const classes = cx("utrecht-link", "utrecht-link--html-a", current && "utrecht-link--current", className);
  if (external || rest.download !== undefined) return <a className={classes} {...rest} />;
  return <RouterLink className={classes} aria-current={current ? "page" : undefined} {...rest} />;
}
