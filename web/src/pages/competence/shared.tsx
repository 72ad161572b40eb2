// Pieces every competency page uses: the purpose banner, verdict labels, error summaries and the round's sub
// navigation.
import { forwardRef, type ReactNode } from "react";
import { ApiError } from "../../api/client";
import type { Role, User } from "../../api/types";
import { Alert, Heading, Paragraph } from "../../components";
import { cx } from "../../components/classes";
import { RouterLink } from "../../router";
import { useApi } from "../../useApi";
import { purposeLabels, roundPath, verdictLabels, type Purpose, type Round, type Verdict } from "./model";
import { formatDate } from "../../format";

const writers: Role[] = ["admin", "hr"];
const individualReaders: Role[] = ["admin", "hr", "manager"];

/** HR and admin write frameworks, profiles and rounds; everyone else reads. */
export const mayWrite = (user: User) => writers.includes(user.role);
/** Who may see results of single people (the works council sees aggregates only). */
export const seesIndividuals = (user: User) => individualReaders.includes(user.role);

/** The purpose of a round, shown to every participant and fixed once the round exists (purpose limitation). */
export function PurposeBanner({
  purpose,
  text,
  compact = false,
}: {
  purpose: Purpose;
  text: string;
  compact?: boolean;
}) {
  return (
    <Alert type={purpose === "selection" ? "warning" : "info"} className={cx("kwm-purpose", `kwm-purpose--${purpose}`)}>
      <Paragraph className="kwm-purpose__title">
        <strong>Doel: {purposeLabels[purpose]}</strong>
      </Paragraph>
      <Paragraph>{text}</Paragraph>
      {!compact && (
        <Paragraph className="kwm-hint">
          Het doel is vastgelegd bij het aanmaken van de ronde en verandert niet meer.
        </Paragraph>
      )}
    </Alert>
  );
}

const verdictMarks: Record<Verdict, string> = {
  meets: "✓",
  trainable: "↗",
  does_not_meet: "✗",
  incomplete: "…",
};

/** A verdict as words with a mark before it; the colour only repeats what the words say. */
export function VerdictLabel({ verdict, targetDate }: { verdict: Verdict; targetDate?: string | null }) {
  return (
    <span className={cx("kwm-verdict", `kwm-verdict--${verdict}`)}>
      <span aria-hidden="true" className="kwm-verdict__mark">
        {verdictMarks[verdict]}
      </span>{" "}
      {verdictLabels[verdict]}
      {verdict === "trainable" && targetDate ? ` vóór ${formatDate(targetDate)}` : ""}
    </span>
  );
}

export interface FieldError {
  /** The id of the control to jump to, when there is one. */
  target?: string;
  message: string;
}

/** The list of problems above a form, focused when it appears, each linking to its control. */
export const ErrorSummary = forwardRef<HTMLDivElement, { title: string; errors: FieldError[] }>(function ErrorSummary(
  { title, errors },
  ref,
) {
  if (errors.length === 0) return null;
  return (
    <div className="kwm-error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <Alert type="error" live>
        <Heading level={2} id="error-summary-title" className="utrecht-heading-3">
          {title}
        </Heading>
        <ul className="kwm-error-list">
          {errors.map((error, i) => (
            <li key={i}>
              {error.target ? (
                <a
                  href={`#${error.target}`}
                  className="utrecht-link"
                  onClick={(event) => {
                    const target = document.getElementById(error.target!);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }}
                >
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
});

/** A failed call as a sentence, keeping the server's Dutch message. */
export function errorMessage(cause: unknown, fallback: string): string {
  if (cause instanceof ApiError) return cause.message;
  return cause instanceof Error && cause.message ? cause.message : fallback;
}

interface RoundNavItem {
  href: string;
  label: string;
  key: RoundSection;
}

export type RoundSection = "overview" | "results" | "organisation" | "team" | "coverage" | "growth";

/** The parts of one round the caller may open; the current one is marked. */
export function RoundNav({ round, user, current }: { round: Pick<Round, "code">; user: User; current: RoundSection }) {
  const items: RoundNavItem[] = [
    {
      key: "overview",
      href: roundPath(round.code),
      label: seesIndividuals(user) ? "Overzicht en voortgang" : "Overzicht",
    },
  ];
  if (seesIndividuals(user))
    items.push({ key: "results", href: roundPath(round.code, "/resultaten"), label: "Oordelen" });
  if (user.role !== "assessor") {
    items.push({ key: "organisation", href: roundPath(round.code, "/organisatie"), label: "Heatmap organisatie" });
    if (seesIndividuals(user)) items.push({ key: "team", href: roundPath(round.code, "/team"), label: "Heatmap team" });
    items.push({ key: "coverage", href: roundPath(round.code, "/dekking"), label: "Dekking kritieke competenties" });
    items.push({ key: "growth", href: roundPath(round.code, "/groei"), label: "Groei" });
  }
  if (items.length < 2) return null;
  return (
    <nav className="kwm-subnav" aria-label="Onderdelen van deze ronde">
      <ul role="list">
        {items.map((item) => (
          <li key={item.key}>
            <RouterLink
              href={item.href}
              className={cx("kwm-subnav__link", item.key === current && "kwm-subnav__link--current")}
              aria-current={item.key === current ? "page" : undefined}
            >
              {item.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A breadcrumb trail; the last item is the current page. */
export function Breadcrumbs({ items }: { items: { href?: string; label: ReactNode }[] }) {
  return (
    <nav className="kwm-breadcrumbs" aria-label="Kruimelpad">
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.href && i < items.length - 1 ? (
              <RouterLink href={item.href} className="utrecht-link">
                {item.label}
              </RouterLink>
            ) : (
              <span aria-current={i === items.length - 1 ? "page" : undefined}>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The round a page belongs to, with the trail back to the list of rounds. */
export function useRound(code: string) {
  return useApi<Round>(`/assessment-rounds/${encodeURIComponent(code)}`);
}
