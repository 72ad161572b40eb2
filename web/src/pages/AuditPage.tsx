import { useMemo } from "react";
import { AUDIT_PATH } from "../paths";
import { LabelOptions, SelectField } from "../components/Fields";
import { query } from "../api/client";
import type { AuditEntry, Page } from "../api/types";
import { DataTable, Heading, LoadError, Loading, Pagination, Paragraph, columnHelper } from "../components";
import { auditActionLabels, formatCount, formatDateTime, label } from "../format";
import { navigate, useLocation } from "../router";
import { useApi } from "../useApi";
import { usePageTitle } from "./usePageTitle";

const PAGE_SIZE = 25;

// Entity names as the server writes them in the audit log; the filter offers these.
const entityLabels: Record<string, string> = {
  unit: "Eenheid",
  function: "Functie",
  position: "Formatieplaats",
  person: "Medewerker",
  user: "Gebruiker",
  municipality: "Gemeente",
  framework: "Competentiekader",
  profile: "Functieprofiel",
  assessment_round: "Beoordelingsronde",
  rating: "Beoordeling",
  consent: "Toestemming",
  external_organisation: "Externe organisatie",
  assessor: "Assessor",
};

// An import is logged once per file under the kind's plural name, besides an entry per changed record.
const importEntityLabels: Record<string, string> = {
  units: "Bestand eenheden",
  functions: "Bestand functies",
  positions: "Bestand formatieplaatsen",
  people: "Bestand medewerkers",
  profiles: "Bestand functieprofielen",
  assessments: "Bestand beoordelingen",
};

const entityLabel = (entity: string) => entityLabels[entity] ?? importEntityLabels[entity] ?? entity;

type Change = { field: string; before: string | undefined; after: string | undefined };

function show(value: unknown): string {
  if (value === null || value === undefined) return "leeg";
  if (typeof value === "string") return value === "" ? "leeg" : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The fields that differ between before and after; for a create or delete, every field of the one side. */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Change[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const result: Change[] = [];
  for (const field of fields) {
    const was = before && field in before ? show(before[field]) : undefined;
    const now = after && field in after ? show(after[field]) : undefined;
    if (before && after && was === now) continue;
    result.push({ field, before: was, after: now });
  }
  return result;
}

// An update shows its changed fields inline; a created, deleted or imported record folds its fields away.
const INLINE_FIELDS = 4;

function ChangeList({ entry }: { entry: AuditEntry }) {
  const list = changes(entry.before, entry.after);
  if (list.length === 0) return <>–</>;
  if (list.length <= INLINE_FIELDS && entry.action === "update") return <Changes list={list} />;
  const summary = entry.action === "update" ? `${list.length} gewijzigde velden` : `${list.length} velden`;
  return (
    <details className="kwm-changes-details">
      <summary>{summary}</summary>
      <Changes list={list} />
    </details>
  );
}

function Changes({ list }: { list: Change[] }) {
  return (
    <ul className="kwm-changes" role="list">
      {list.map((change) => (
        <li key={change.field}>
          <code className="kwm-code">{change.field}</code>:{" "}
          {change.before !== undefined && change.after !== undefined ? (
            <>
              <del className="kwm-changes__before">{change.before}</del>
              <span className="kwm-visually-hidden"> wordt </span>
              <span aria-hidden="true"> → </span>
              <ins className="kwm-changes__after">{change.after}</ins>
            </>
          ) : (
            <span>{change.after ?? change.before}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

const columns = (() => {
  const helper = columnHelper<AuditEntry>();
  return helper.columns([
    helper.accessor("at", {
      header: "Tijdstip",
      meta: { rowHeader: true },
      cell: (info) => formatDateTime(info.getValue()),
    }),
    helper.accessor("username", { header: "Gebruiker" }),
    helper.accessor("action", { header: "Actie", cell: (info) => label(auditActionLabels, info.getValue()) }),
    helper.accessor("entity", {
      header: "Gegevens",
      cell: (info) => (
        <>
          {entityLabel(info.getValue())}
          {info.row.original.entity_key && (
            <>
              {" "}
              <code className="kwm-code">{info.row.original.entity_key}</code>
            </>
          )}
        </>
      ),
    }),
    helper.display({
      id: "changes",
      header: "Wijziging (voor → na)",
      cell: (info) => <ChangeList entry={info.row.original} />,
    }),
  ]);
})();

export function AuditPage() {
  usePageTitle("Auditlog");
  const location = useLocation();
  const entity = location.search.get("soort") ?? "";
  const pageNumber = Math.max(1, Number(location.search.get("pagina")) || 1);
  const log = useApi<Page<AuditEntry>>(`/audit${query({ entity, page: pageNumber, page_size: PAGE_SIZE })}`);
  const hrefFor = useMemo(
    () => (n: number) => `${AUDIT_PATH}${query({ soort: entity, pagina: n > 1 ? n : null })}`,
    [entity],
  );

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Auditlog
      </Heading>
      <Paragraph lead>
        Elke wijziging: wie, wanneer, welke gegevens, en hoe ze waren en werden. Nieuwste eerst.
      </Paragraph>
      <form
        className="utrecht-form kwm-filters"
        aria-label="Auditlog filteren"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id="audit-entity"
          label="Soort gegevens"
          value={entity}
          onChange={(soort) => navigate(`${AUDIT_PATH}${query({ soort })}`, { replace: true })}
        >
          <option value="">Alle</option>
          <LabelOptions labels={entityLabels} />
        </SelectField>
      </form>
      <div aria-live="polite" className="kwm-result-count">
        {log.data && <Paragraph>{formatCount(log.data.total)} regels in het auditlog.</Paragraph>}
      </div>
      {log.loading && !log.data && <Loading what="Auditlog" />}
      {log.error && <LoadError error={log.error} />}
      {log.data && (
        <>
          <DataTable
            caption="Auditlog"
            captionHidden
            columns={columns}
            data={log.data.items}
            rowKey={(entry) => entry.id}
            empty="Er zijn nog geen wijzigingen vastgelegd."
          />
          <Pagination
            page={log.data.page}
            pageSize={log.data.page_size}
            total={log.data.total}
            hrefFor={hrefFor}
            label="Paginering auditlog"
          />
        </>
      )}
    </>
  );
}
