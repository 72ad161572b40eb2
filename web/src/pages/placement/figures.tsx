// Headline figures of a run, as tiles and as a table of runs.

import { useMemo } from "react";
import { DataTable, Link, columnHelper } from "../../components";
import { formatCount, formatDateTime } from "../../format";
import { formatPercent, formatPoints, ordinal, runStatusLabels } from "./labels";
import { StatusBadge, reorganisationPath } from "./shared";
import type { Figures, RunHeadline } from "./types";

export function FigureTiles({ figures, label }: { figures: Figures; label?: string }) {
  const tiles: [string, string][] = [
    ["Medewerkers", formatCount(figures.employees)],
    ["Geplaatst", formatCount(figures.placed)],
    ["Boventallig", formatCount(figures.surplus)],
    ...figures.on_preference.map((count, i): [string, string] => [
      `Op ${ordinal(i + 1)} voorkeur`,
      `${formatCount(count)} (${formatPercent(figures.share_on_preference[i])})`,
    ]),
    ["Gemiddelde geschiktheid", formatPoints(figures.average_suitability)],
    ["Open plaatsen", formatCount(figures.open_slots)],
  ];
  return (
    <dl className="kwm-key-figures" aria-label={label}>
      {tiles.map(([name, value]) => (
        <div key={name} className="kwm-key-figures__item">
          <dt className="kwm-key-figures__name">{name}</dt>
          <dd className="kwm-key-figures__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function runColumns(reorganisationId: number, linkRuns: boolean) {
  const helper = columnHelper<RunHeadline>();
  return helper.columns([
    helper.accessor("number", {
      header: "Voorstel",
      meta: { rowHeader: true },
      cell: (info) =>
        linkRuns ? (
          <Link href={reorganisationPath(reorganisationId, `voorstellen/${info.row.original.id}`)}>
            Voorstel {info.getValue()}
          </Link>
        ) : (
          `Voorstel ${info.getValue()}`
        ),
    }),
    helper.accessor("status", {
      header: "Status",
      cell: (info) => {
        const run = info.row.original;
        return (
          <StatusBadge tone={run.status === "confirmed" ? "done" : "neutral"}>
            {runStatusLabels[run.status]}
            {run.status === "confirmed" && run.confirmed_by ? ` door ${run.confirmed_by}` : ""}
          </StatusBadge>
        );
      },
    }),
    helper.accessor("created_at", {
      header: "Berekend",
      cell: (info) => `${formatDateTime(info.getValue())} door ${info.row.original.created_by}`,
    }),
    helper.accessor((run) => run.figures.placed, {
      id: "placed",
      header: "Geplaatst",
      meta: { numeric: true },
      cell: (info) => formatCount(info.getValue()),
    }),
    helper.accessor((run) => run.figures.surplus, {
      id: "surplus",
      header: "Boventallig",
      meta: { numeric: true },
      cell: (info) => formatCount(info.getValue()),
    }),
    helper.accessor((run) => run.figures.share_on_preference[0] ?? null, {
      id: "first",
      header: "Op 1e voorkeur",
      meta: { numeric: true },
      cell: (info) => formatPercent(info.getValue()),
    }),
    helper.accessor((run) => run.figures.average_suitability, {
      id: "suitability",
      header: "Gem. geschiktheid",
      meta: { numeric: true },
      cell: (info) => formatPoints(info.getValue()),
    }),
    helper.accessor("note", { header: "Toelichting", cell: (info) => info.getValue() || "–" }),
  ]);
}

export function RunsTable({
  reorganisationId,
  runs,
  linkRuns,
}: {
  reorganisationId: number;
  runs: RunHeadline[];
  linkRuns: boolean;
}) {
  const columns = useMemo(() => runColumns(reorganisationId, linkRuns), [reorganisationId, linkRuns]);
  return (
    <DataTable
      caption="Berekende voorstellen"
      captionHidden
      columns={columns}
      data={runs}
      rowKey={(run) => run.id}
      empty="Er is nog geen voorstel berekend."
    />
  );
}
