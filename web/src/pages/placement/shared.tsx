// Pieces every page of the placement procedure uses: the reorganisation frame with its
// own navigation, form submission with the server's field errors, and small displays.

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { ApiError, request } from "../../api/client";
import type { Role } from "../../api/types";
import { Alert, Heading, LoadError, Loading, Paragraph } from "../../components";
import { cx } from "../../components/classes";
import { formatDate, formatDateTime } from "../../format";
import { RouterLink, useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { REORGANISATIONS_PATH } from "../../paths";
import { usePageTitle } from "../usePageTitle";
import { NotFoundPage } from "../NotFoundPage";
import { functionText, reorganisationStatusLabels } from "./labels";
import type { ByWhom, ReorganisationHeadline, ScopeEmployee, ScopePosition } from "./types";

export const HR_ROLES: Role[] = ["admin", "hr"];
export const AGGREGATE_ROLES: Role[] = ["admin", "hr", "works_council"];
export const EMPLOYEE_ROLES: Role[] = ["employee"];

export const isHr = (role: Role) => HR_ROLES.includes(role);

/** Renders the page only for the roles the API serves it to; others get the same "no access" page as elsewhere. */
export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!roles.includes(user.role)) return <NotFoundPage forbidden />;
  return <>{children}</>;
}

/** The web address of a placement page; the API's paths stay /reorganisations/... */
export const reorganisationPath = (id: number | string, sub = "") =>
  `${REORGANISATIONS_PATH}/${id}${sub ? `/${sub}` : ""}`;

interface SubPage {
  sub: string;
  label: string;
  roles: Role[];
}

const subPages: SubPage[] = [
  { sub: "", label: "Overzicht", roles: AGGREGATE_ROLES },
  { sub: "instellingen", label: "Instellingen", roles: HR_ROLES },
  { sub: "functiekoppeling", label: "Functiekoppeling", roles: AGGREGATE_ROLES },
  { sub: "voorkeuren", label: "Voorkeuren", roles: HR_ROLES },
  { sub: "selectiegegevens", label: "Selectiegegevens", roles: HR_ROLES },
  { sub: "geschiktheid", label: "Geschiktheid", roles: HR_ROLES },
  { sub: "vastzetten", label: "Vastzetten en uitsluiten", roles: HR_ROLES },
  { sub: "voorstellen", label: "Voorstellen", roles: HR_ROLES },
  { sub: "vergelijken", label: "Vergelijken", roles: AGGREGATE_ROLES },
  { sub: "vacatures", label: "Vacatures", roles: AGGREGATE_ROLES },
  { sub: "bezwaren", label: "Bezwaren", roles: HR_ROLES },
  { sub: "mijn-voorkeuren", label: "Mijn voorkeuren", roles: EMPLOYEE_ROLES },
  { sub: "mijn-uitkomst", label: "Mijn uitkomst", roles: EMPLOYEE_ROLES },
];

function ReorganisationNav({ id }: { id: number }) {
  const { user } = useSession();
  const { pathname } = useLocation();
  const base = reorganisationPath(id);
  const items = subPages.filter((page) => page.roles.includes(user.role));
  return (
    <nav className="kwm-pl-subnav" aria-label="Onderdelen van deze reorganisatie">
      <ul className="kwm-pl-subnav__list" role="list">
        {items.map((page) => {
          const href = reorganisationPath(id, page.sub);
          // A run's own page and an explanation belong to "Voorstellen".
          const current = page.sub === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={page.sub} className="kwm-pl-subnav__item">
              <RouterLink
                href={href}
                className={cx("kwm-pl-subnav__link", current && "kwm-pl-subnav__link--current")}
                aria-current={current ? "page" : undefined}
              >
                {page.label}
              </RouterLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface FrameProps<R extends ReorganisationHeadline> {
  id: string;
  title: string;
  children: (reorganisation: R, reload: () => void) => ReactNode;
}

/**
 * The common top of every reorganisation page: heading, the reorganisation's name and status,
 * and its own navigation. Loads the reorganisation once and hands it to the page.
 */
export function ReorganisationFrame<R extends ReorganisationHeadline = ReorganisationHeadline>({
  id,
  title,
  children,
}: FrameProps<R>) {
  const validId = /^\d+$/.test(id);
  const reorganisation = useApi<R>(validId ? `/reorganisations/${id}` : null);
  const data = reorganisation.data;
  usePageTitle(data ? `${title} – ${data.name}` : title);

  if (!validId) return <NotFoundPage />;
  return (
    <>
      <Paragraph className="kwm-pl-back">
        <RouterLink href={REORGANISATIONS_PATH} className="utrecht-link utrecht-link--html-a">
          Alle reorganisaties
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {data && (
        <Paragraph lead className="kwm-pl-reorganisation-lead">
          {data.name} <span className="kwm-hint">({data.code})</span>{" "}
          <StatusBadge tone={data.status === "confirmed" ? "done" : "open"}>
            {reorganisationStatusLabels[data.status]}
          </StatusBadge>
        </Paragraph>
      )}
      {data && <ReorganisationNav id={data.id} />}
      {reorganisation.loading && !data && <Loading what="Reorganisatie" />}
      {reorganisation.error && <LoadError error={reorganisation.error} />}
      {data && <div className="kwm-pl-page">{children(data, reorganisation.reload)}</div>}
    </>
  );
}

export function StatusBadge({
  tone,
  children,
}: {
  tone: "open" | "done" | "warning" | "neutral";
  children: ReactNode;
}) {
  return <span className={cx("kwm-pl-badge", `kwm-pl-badge--${tone}`)}>{children}</span>;
}

export function WhoWhen({ value, prefix }: { value: ByWhom; prefix: string }) {
  return (
    <>
      {prefix} <strong>{value.by}</strong> op {formatDateTime(value.at)}
    </>
  );
}

export const deadlineText = (deadline: string) => `tot en met ${formatDate(deadline)}`;

export type FieldErrors = Record<string, string>;

export interface Submission {
  busy: boolean;
  /** A message for the whole form (also set when a field is at fault, so the summary names it). */
  error: string | undefined;
  fieldErrors: FieldErrors;
  /** Runs one write; the server's `field` becomes a field error. Returns the answer, or undefined on failure. */
  submit: <T>(method: string, path: string, body?: unknown) => Promise<T | undefined>;
  /** Runs one write whose answer does not matter (e.g. a DELETE answering 204); true when it succeeded. */
  perform: (method: string, path: string, body?: unknown) => Promise<boolean>;
  setClientErrors: (errors: FieldErrors) => boolean;
  clear: () => void;
}

export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const attempt = useCallback(async <T,>(method: string, path: string, body?: unknown) => {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const value = await request<T>(method, path, { body: method === "DELETE" ? undefined : (body ?? {}) });
      return { value };
    } catch (cause) {
      if (cause instanceof ApiError) {
        setError(cause.message);
        if (cause.field) setFieldErrors({ [cause.field]: cause.message });
      } else {
        setError("Het opslaan is mislukt. Probeer het opnieuw.");
      }
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const submit = useCallback(
    async <T,>(method: string, path: string, body?: unknown) => (await attempt<T>(method, path, body))?.value,
    [attempt],
  );
  const perform = useCallback(
    async (method: string, path: string, body?: unknown) => (await attempt<unknown>(method, path, body)) !== null,
    [attempt],
  );

  const setClientErrors = useCallback((errors: FieldErrors) => {
    setFieldErrors(errors);
    const count = Object.keys(errors).length;
    setError(
      count === 0
        ? undefined
        : count === 1
          ? "Eén veld is niet goed ingevuld."
          : `${count} velden zijn niet goed ingevuld.`,
    );
    return count === 0;
  }, []);

  const clear = useCallback(() => {
    setError(undefined);
    setFieldErrors({});
  }, []);

  return { busy, error, fieldErrors, submit, perform, setClientErrors, clear };
}

/** The form's error, announced and focused so keyboard users land on it. */
export function FormErrorSummary({ submission, title }: { submission: Submission; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (submission.error) ref.current?.focus();
  }, [submission.error]);
  if (!submission.error) return null;
  return (
    <Alert type="error" live ref={ref} tabIndex={-1} className="kwm-outcome">
      {title && <Heading level={2}>{title}</Heading>}
      <Paragraph>{submission.error}</Paragraph>
    </Alert>
  );
}

/** A confirmation of a completed action, announced politely and focused. */
export function SuccessMessage({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <Alert type="ok" live ref={ref} tabIndex={-1} className="kwm-outcome">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function ClosedNotice({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  if (reorganisation.status !== "confirmed") return null;
  return (
    <Alert type="info">
      <Paragraph>
        De uitkomst van deze reorganisatie is bevestigd. Instellingen, koppeling, voorkeuren, scores en beslissingen
        liggen daarmee vast.
      </Paragraph>
    </Alert>
  );
}

/** The positions of the new formation as options of a drop-down list, with how many places each offers. */
export function PositionOptions({ positions }: { positions: ScopePosition[] | undefined }) {
  return positions?.map((p) => (
    <option key={p.position_id} value={p.position_id}>
      {functionText(p.function_name, p.level)}, {p.unit_name} ({p.slots === 1 ? "1 plaats" : `${p.slots} plaatsen`})
    </option>
  ));
}

/** The employees of the old formation as options of a drop-down list: name and personnel number. */
export function EmployeeOptions({ employees }: { employees: ScopeEmployee[] | undefined }) {
  return employees?.map((e) => (
    <option key={e.person_id} value={e.person_id}>
      {e.name} ({e.personnel_number})
    </option>
  ));
}
