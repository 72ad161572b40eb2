import { forwardRef, type HTMLAttributes } from "react";
import { cx } from "./classes";

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3 | 4 | 5 | 6;
}

export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading(
  { level, className, ...rest },
  ref,
) {
  const Tag = `h${level}` as const;
  return <Tag ref={ref} className={cx(`utrecht-heading-${level}`, className)} {...rest} />;
});

export function Paragraph({ lead, className, ...rest }: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean }) {
  return <p className={cx("utrecht-paragraph", lead && "utrecht-paragraph--lead", className)} {...rest} />;
}
