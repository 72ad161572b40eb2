import type { ComponentProps, HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./classes";

export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cx("utrecht-table", className)} {...rest} />;
}

/**
 * Wide tables scroll on their own instead of the page; the region is focusable
 * and named so keyboard users can scroll it too.
 */
export function TableContainer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      className="utrecht-table-container utrecht-table-container--overflow-inline kwm-table-scroll"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}

export function TableCaption({ className, ...rest }: HTMLAttributes<HTMLTableCaptionElement>) {
  return <caption className={cx("utrecht-table__caption", className)} {...rest} />;
}

export function TableHeader(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className="utrecht-table__header" {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody className="utrecht-table__body" {...props} />;
}

export function TableRow({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("utrecht-table__row", className)} {...rest} />;
}

export function TableHeaderCell({
  numeric,
  className,
  scope = "col",
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cx("utrecht-table__header-cell", numeric && "utrecht-table__header-cell--numeric-column", className)}
      {...rest}
    />
  );
}

export function TableCell({
  numeric,
  className,
  ...rest
}: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      className={cx(
        "utrecht-table__cell",
        numeric && "utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data",
        className,
      )}
      {...rest}
    />
  );
}
