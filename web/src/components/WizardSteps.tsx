import { cx } from "./classes";

/** The numbered steps of a wizard, with the current one marked and the finished ones ticked. */
export function WizardSteps({ titles, current }: { titles: readonly string[]; current: number }) {
  return (
    <ol className="kwm-steps" aria-label="Stappen">
      {titles.map((title, i) => (
        <li
          key={title}
          className={cx(
            "kwm-steps__item",
            i === current && "kwm-steps__item--current",
            i < current && "kwm-steps__item--done",
          )}
          aria-current={i === current ? "step" : undefined}
        >
          <span className="kwm-steps__number" aria-hidden="true">
            {i < current ? "✓" : i + 1}
          </span>
          <span className="kwm-steps__title">
            {title}
            {i < current && <span className="kwm-visually-hidden"> (klaar)</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
