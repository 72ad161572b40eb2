import { RouterLink } from "../router";
import { cx } from "./classes";
import { formatCount } from "../format";

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  label?: string;
}

/** Page numbers to show: the first, the last and two around the current one, with gaps marked by null. */
export function visiblePages(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  pages.forEach((n, i) => {
    if (i > 0 && n - pages[i - 1] > 1) result.push(null);
    result.push(n);
  });
  return result;
}

export function Pagination({ page, pageSize, total, hrefFor, label = "Paginering" }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="utrecht-pagination utrecht-pagination--distanced kwm-pagination" aria-label={label}>
      <p className="utrecht-paragraph kwm-pagination__summary">
        {formatCount(first)}–{formatCount(last)} van {formatCount(total)}
      </p>
      <ul className="kwm-pagination__list" role="list">
        <li>
          {page > 1 ? (
            <RouterLink
              href={hrefFor(page - 1)}
              rel="prev"
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
            >
              Vorige<span className="kwm-visually-hidden"> pagina</span>
            </RouterLink>
          ) : (
            <span
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--disabled"
              aria-hidden="true"
            >
              Vorige
            </span>
          )}
        </li>
        {visiblePages(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="kwm-pagination__gap">
              …
            </li>
          ) : (
            <li key={n}>
              <RouterLink
                href={hrefFor(n)}
                className={cx("utrecht-pagination__page-link", n === page && "utrecht-pagination__page-link--current")}
                aria-current={n === page ? "page" : undefined}
                aria-label={`Pagina ${n}`}
              >
                {n}
              </RouterLink>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <RouterLink
              href={hrefFor(page + 1)}
              rel="next"
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
            >
              Volgende<span className="kwm-visually-hidden"> pagina</span>
            </RouterLink>
          ) : (
            <span
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--disabled"
              aria-hidden="true"
            >
              Volgende
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
