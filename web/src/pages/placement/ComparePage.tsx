import { Fragment, useEffect, useState, type FormEvent } from "react";
import { query } from "../../api/client";
import {
  Alert,
  Button,
  Fieldset,
  Heading,
  LoadError,
  Loading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../components";
import { formatCount } from "../../format";
import { navigate, useLocation } from "../../router";
import { useApi } from "../../useApi";
import { dimensionLabels, formatPercent, formatPoints, ordinal, runStatusLabels } from "./labels";
import { ReorganisationFrame, reorganisationPath } from "./shared";
import type { Figures, Group, GroupDimension, Items, ReorganisationHeadline, RunHeadline, Summary } from "./types";

const DIMENSIONS: GroupDimension[] = ["unit", "hours", "contract", "education"];
/** A group whose share placed differs this much from the run's total is pointed out… */
const NOTABLE_GAP = 0.1;
/** …when it is large enough for a share to mean something. */
const NOTABLE_MIN_EMPLOYEES = 5;

export function ComparePage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Voorstellen vergelijken">
      {(reorganisation) => <Compare reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function parseRuns(text: string | null): number[] {
  if (!text) return [];
  return text
    .split(",")
    .map((part) => Number(part))
    .filter((n) => Number.isInteger(n) && n > 0);
}

function Compare({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const location = useLocation();
  const asked = parseRuns(location.search.get("voorstellen"));
  const runs = useApi<Items<RunHeadline>>(`/reorganisations/${reorganisation.id}/runs`);
  // Without a choice: the latest three runs, oldest first.
  const chosen = asked.length > 0 ? asked : (runs.data?.items.slice(-3).map((run) => run.id) ?? []);
  const comparison = useApi<{ runs: Summary[] }>(
    chosen.length > 0
      ? `/reorganisations/${reorganisation.id}/run-comparison${query({ runs: chosen.join(",") })}`
      : null,
  );
  const [draft, setDraft] = useState<number[]>(chosen);
  const chosenKey = chosen.join(",");
  useEffect(() => setDraft(parseRuns(chosenKey)), [chosenKey]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ordered = (runs.data?.items ?? []).map((run) => run.id).filter((runId) => draft.includes(runId));
    navigate(`${reorganisationPath(reorganisation.id, "vergelijken")}${query({ voorstellen: ordered.join(",") })}`);
  };

  if (runs.loading && !runs.data) return <Loading what="Voorstellen" />;
  if (runs.error) return <LoadError error={runs.error} />;
  if (runs.data && runs.data.items.length === 0)
    return <Paragraph className="kwm-empty">Er is nog geen voorstel berekend om te vergelijken.</Paragraph>;

  const summaries = comparison.data?.runs ?? [];
  return (
    <>
      <Paragraph>
        Leg voorstellen naast elkaar: hoeveel mensen geplaatst en boventallig zijn, hoe vaak een voorkeur is toegekend
        en hoe de uitkomst uitvalt per huidige eenheid, deeltijd en voltijd, soort contract en opleidingsniveau. Zo ziet
        u of een groep anders behandeld wordt. Groepen van minder dan vijf medewerkers worden niet getoond.
      </Paragraph>
      <form className="utrecht-form kwm-form" onSubmit={submit} aria-label="Voorstellen kiezen">
        <Fieldset legend="Welke voorstellen?">
          <div className="kwm-pl-checkbox-row">
            {runs.data?.items.map((run) => (
              <div key={run.id} className="utrecht-form-field utrecht-form-field--checkbox kwm-pl-checkbox">
                <input
                  type="checkbox"
                  id={`compare-run-${run.id}`}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={draft.includes(run.id)}
                  onChange={(event) =>
                    setDraft(event.target.checked ? [...draft, run.id] : draft.filter((runId) => runId !== run.id))
                  }
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`compare-run-${run.id}`}>
                  Voorstel {run.number} ({runStatusLabels[run.status].toLowerCase()})
                </label>
              </div>
            ))}
          </div>
        </Fieldset>
        <Button type="submit" appearance="primary" disabled={draft.length === 0}>
          Vergelijken
        </Button>
      </form>
      {comparison.loading && !comparison.data && <Loading what="Vergelijking" />}
      {comparison.error && <LoadError error={comparison.error} />}
      {summaries.length > 0 && (
        <>
          <section aria-labelledby="kerncijfers">
            <Heading level={2} id="kerncijfers">
              Kerncijfers naast elkaar
            </Heading>
            <FiguresComparison summaries={summaries} />
          </section>
          {DIMENSIONS.map((dimension) => (
            <section key={dimension} aria-labelledby={`groep-${dimension}`}>
              <Heading level={2} id={`groep-${dimension}`}>
                Uitkomst per {dimensionLabels[dimension].toLowerCase()}
              </Heading>
              <GroupComparison dimension={dimension} summaries={summaries} />
            </section>
          ))}
        </>
      )}
    </>
  );
}

const runTitle = (summary: Summary) =>
  `Voorstel ${summary.number}${summary.status === "confirmed" ? " (bevestigd)" : ""}`;

interface FigureRow {
  name: string;
  value: (f: Figures) => number | null;
  format: (value: number | null) => string;
  /** How a difference between two runs reads: counts and points signed, shares in percentage points. */
  difference: (value: number) => string;
}

const signed = (format: (value: number) => string) => (value: number) =>
  `${value > 0 ? "+" : value < 0 ? "−" : "±"}${format(Math.abs(value))}`;

function FiguresComparison({ summaries }: { summaries: Summary[] }) {
  const ranks = Math.max(...summaries.map((s) => s.figures.on_preference.length));
  const count = (value: number | null) => (value === null ? "–" : formatCount(value));
  const countDifference = signed(formatCount);
  const rows: FigureRow[] = [
    { name: "Medewerkers", value: (f) => f.employees, format: count, difference: countDifference },
    { name: "Geplaatst", value: (f) => f.placed, format: count, difference: countDifference },
    { name: "Boventallig", value: (f) => f.surplus, format: count, difference: countDifference },
    ...Array.from({ length: ranks }, (_, i): FigureRow[] => [
      {
        name: `Op ${ordinal(i + 1)} voorkeur`,
        value: (f) => f.on_preference[i] ?? null,
        format: count,
        difference: countDifference,
      },
      {
        name: `Aandeel op ${ordinal(i + 1)} voorkeur`,
        value: (f) => f.share_on_preference[i] ?? null,
        format: formatPercent,
        difference: percentagePoints,
      },
    ]).flat(),
    {
      name: "Gemiddelde geschiktheid",
      value: (f) => f.average_suitability,
      format: formatPoints,
      difference: signed(formatPoints),
    },
    { name: "Open plaatsen", value: (f) => f.open_slots, format: count, difference: countDifference },
  ];
  const pair = summaries.length === 2;
  return (
    <TableContainer label="Kerncijfers van de gekozen voorstellen">
      <Table>
        <TableCaption className="kwm-visually-hidden">Kerncijfers van de gekozen voorstellen</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Cijfer</TableHeaderCell>
            {summaries.map((s) => (
              <TableHeaderCell key={s.run_id} numeric>
                {runTitle(s)}
              </TableHeaderCell>
            ))}
            {pair && (
              <TableHeaderCell numeric>
                Verschil ({summaries[1].number} − {summaries[0].number})
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const values = summaries.map((s) => row.value(s.figures));
            const difference = pair && values[0] !== null && values[1] !== null ? values[1] - values[0] : null;
            return (
              <TableRow key={row.name}>
                <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                {values.map((value, i) => (
                  <TableCell key={summaries[i].run_id} numeric>
                    {row.format(value)}
                  </TableCell>
                ))}
                {pair && <TableCell numeric>{difference === null ? "–" : row.difference(difference)}</TableCell>}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const placedShare = (placed: number | null, employees: number | null) =>
  placed === null || employees === null || employees === 0 ? null : placed / employees;

/** A difference between two shares, in percentage points ("pp"), rounded to whole points. */
function percentagePoints(difference: number): string {
  const points = Math.round(difference * 100);
  return `${points > 0 ? "+" : points < 0 ? "−" : "±"}${Math.abs(points)} pp`;
}

function GroupComparison({ dimension, summaries }: { dimension: GroupDimension; summaries: Summary[] }) {
  // Every group that occurs in any of the runs, in the order of the first run that has it.
  const keys: { key: string; label: string }[] = [];
  for (const summary of summaries)
    for (const group of summary.groups[dimension])
      if (!keys.some((k) => k.key === group.key)) keys.push({ key: group.key, label: group.label });
  // Group label → the runs in which its share placed stands out.
  const notable = new Map<string, number[]>();

  const cells = (summary: Summary, group: Group | undefined) => {
    if (!group) return <TableCell colSpan={4}>–</TableCell>;
    if (group.suppressed)
      return (
        <TableCell colSpan={4} className="kwm-pl-suppressed">
          Minder dan 5 medewerkers: niet getoond
        </TableCell>
      );
    const share = placedShare(group.placed, group.employees);
    const total = placedShare(summary.figures.placed, summary.figures.employees);
    const gap = share !== null && total !== null ? share - total : null;
    const standsOut = gap !== null && Math.abs(gap) >= NOTABLE_GAP && (group.employees ?? 0) >= NOTABLE_MIN_EMPLOYEES;
    if (standsOut) notable.set(group.label, [...(notable.get(group.label) ?? []), summary.number]);
    return (
      <>
        <TableCell numeric>
          {formatCount(group.placed ?? 0)} van {formatCount(group.employees ?? 0)}
        </TableCell>
        <TableCell numeric className={standsOut ? "kwm-pl-notable" : undefined}>
          {formatPercent(share)}
          {gap !== null && <span className="kwm-pl-gap"> ({percentagePoints(gap)})</span>}
        </TableCell>
        <TableCell numeric>
          {group.on_first_preference === null ? "–" : formatCount(group.on_first_preference)}
        </TableCell>
        <TableCell numeric>{formatPoints(group.average_suitability)}</TableCell>
      </>
    );
  };

  const rows = keys.map(({ key, label }) => (
    <TableRow key={key}>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      {summaries.map((summary) => (
        <Fragment key={summary.run_id}>
          {cells(
            summary,
            summary.groups[dimension].find((g) => g.key === key),
          )}
        </Fragment>
      ))}
    </TableRow>
  ));

  return (
    <>
      <TableContainer label={`Uitkomst per ${dimensionLabels[dimension].toLowerCase()}`}>
        <Table className="kwm-pl-compare-table">
          <TableCaption className="kwm-visually-hidden">
            Uitkomst per {dimensionLabels[dimension].toLowerCase()}, per voorstel
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell rowSpan={2}>{dimensionLabels[dimension]}</TableHeaderCell>
              {summaries.map((s) => (
                <TableHeaderCell key={s.run_id} colSpan={4} scope="colgroup" className="kwm-pl-run-group">
                  {runTitle(s)}
                </TableHeaderCell>
              ))}
            </TableRow>
            <TableRow>
              {summaries.map((s) => (
                <Fragment key={s.run_id}>
                  <TableHeaderCell numeric className="kwm-pl-run-group">
                    Geplaatst
                  </TableHeaderCell>
                  <TableHeaderCell numeric>
                    Aandeel (verschil met totaal, <abbr title="procentpunt">pp</abbr>)
                  </TableHeaderCell>
                  <TableHeaderCell numeric>Op 1e voorkeur</TableHeaderCell>
                  <TableHeaderCell numeric>Gem. geschiktheid</TableHeaderCell>
                </Fragment>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>{rows}</TableBody>
        </Table>
      </TableContainer>
      {notable.size > 0 && (
        <Alert type="warning">
          <Paragraph>
            Let op: bij deze groepen van vijf of meer medewerkers wijkt het aandeel geplaatsten 10 procentpunt of meer
            af van het totaal. Ga na of daar een goede reden voor is.
          </Paragraph>
          <ul className="kwm-pl-compact-list">
            {[...notable].map(([groupLabel, numbers]) => (
              <li key={groupLabel}>
                {groupLabel}: voorstel {numbers.join(" en ")}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
