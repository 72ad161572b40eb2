// The heatmaps of a round: organisation (units × competencies, average gap and share meeting, with drill-down
// to a unit and from there to its people) and team (people × competencies). Every cell prints its figure; the
// table under each chart holds the same figures, with the links for keyboard and screen reader users.
import { Suspense, lazy, useCallback, useMemo } from "react";
import { query } from "../../api/client";
import {
  Heading,
  Link,
  LoadError,
  Loading,
  Paragraph,
  RadioOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../components";
import type { HeatmapCell } from "../../components/HeatmapChart";
import { ExportLinks } from "../../components/ExportLinks";
import { UnitFilter } from "../../components/UnitFilter";
import { useUnitOptions } from "../../hooks/useUnitOptions";
import { formatCount, formatShare } from "../../format";
import { navigate, useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formatLevel,
  formatScore,
  reportPath,
  roundPath,
  type OrganisationHeatmap,
  type TeamCell,
  type TeamHeatmap,
  type UnitCell,
} from "./model";
import { Breadcrumbs, PurposeBanner, RoundNav, seesIndividuals, useRound } from "./shared";

const HeatmapChart = lazy(() => import("../../components/HeatmapChart"));

type Measure = "gap" | "share";

const roundApi = (code: string, rest: string) => `/assessment-rounds/${encodeURIComponent(code)}${rest}`;

/** What a works-council cell says when it is built from fewer than five people. */
export const SUPPRESSED_TEXT = "Afgeschermd: minder dan 5 personen";

function unitChartCell(cell: UnitCell, measure: Measure): HeatmapCell | null {
  if (cell.suppressed) return { value: null, text: "<5" };
  if (!cell.people) return cell.not_assessed ? { value: null, text: "n.b." } : null;
  if (measure === "gap") return { value: cell.average_gap ?? 0, text: formatScore(cell.average_gap) };
  return { value: cell.share_meeting ?? 0, text: formatShare(cell.share_meeting) };
}

function UnitCellText({ cell }: { cell: UnitCell }) {
  if (cell.suppressed) return <span className="kwm-suppressed">{SUPPRESSED_TEXT}</span>;
  if (!cell.people && !cell.not_assessed) return <span className="kwm-hint">niet gevraagd</span>;
  if (!cell.people) return <span>{formatCount(cell.not_assessed ?? 0)} nog niet beoordeeld</span>;
  return (
    <span className="kwm-cell-figures">
      <span>tekort {formatScore(cell.average_gap)}</span>
      <span>{formatShare(cell.share_meeting)} voldoet</span>
      <span className="kwm-hint">
        {formatCount(cell.people)} pers.{cell.not_assessed ? `, ${formatCount(cell.not_assessed)} n.b.` : ""}
      </span>
    </span>
  );
}

function MeasureChoice({ measure, onChange }: { measure: Measure; onChange: (measure: Measure) => void }) {
  return (
    <fieldset className="utrecht-form-fieldset kwm-measure kwm-no-print">
      <legend className="utrecht-form-fieldset__legend">Kleur en getal in de heatmap</legend>
      <div className="kwm-radio-group">
        <RadioOption
          id="measure-gap"
          name="measure"
          checked={measure === "gap"}
          onChange={() => onChange("gap")}
          label="Gemiddeld tekort (punten)"
        />
        <RadioOption
          id="measure-share"
          name="measure"
          checked={measure === "share"}
          onChange={() => onChange("share")}
          label="Aandeel dat voldoet"
        />
      </div>
    </fieldset>
  );
}

/** Parents of a unit up to the top, from the tree the caller may see. */
function trail(unit: string, parentOf: Map<string, string | null>): string[] {
  const codes: string[] = [];
  for (let code: string | null | undefined = unit; code; code = parentOf.get(code)) {
    codes.unshift(code);
    if (codes.length > 20) break;
  }
  return codes;
}

export function OrganisationHeatmapPage({ code }: { code: string }) {
  const { user } = useSession();
  const location = useLocation();
  const unit = location.search.get("eenheid") ?? "";
  const measure: Measure = location.search.get("maat") === "voldoet" ? "share" : "gap";
  const round = useRound(code);
  const { options, parentOf } = useUnitOptions();
  const apiPath = roundApi(code, `/heatmap/organisation${query({ unit })}`);
  const heatmap = useApi<OrganisationHeatmap>(apiPath);
  const data = heatmap.data;
  const names = useMemo(() => new Map(options.map((o) => [o.code, o.name])), [options]);
  const individuals = seesIndividuals(user);
  usePageTitle(`Heatmap organisatie ${round.data?.name ?? ""}`.trim());

  const here = (nextUnit: string, nextMeasure: Measure = measure) =>
    roundPath(code, `/organisatie${query({ eenheid: nextUnit, maat: nextMeasure === "share" ? "voldoet" : null })}`);

  const rows = useMemo(() => data?.units.map((u) => `${"  ".repeat(u.depth)}${u.name}`) ?? [], [data]);
  const columns = useMemo(() => data?.competencies.map((c) => c.name) ?? [], [data]);
  const cells = useMemo(
    () => data?.cells.map((row) => row.map((cell) => unitChartCell(cell, measure))) ?? [],
    [data, measure],
  );
  // A click on the unit the map is zoomed in on opens its people; a click on another unit zooms in on it.
  const openRow = useCallback(
    (row: number) => {
      const target = data?.units[row];
      if (!target) return;
      if (target.code === unit && individuals) navigate(roundPath(code, `/team${query({ eenheid: target.code })}`));
      else navigate(here(target.code));
    },
    [data, unit, individuals, code, measure],
  );

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { href: roundPath(code), label: round.data?.name ?? code },
          { label: "Heatmap organisatie" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Heatmap organisatie{unit ? `: ${names.get(unit) ?? unit}` : ""}
      </Heading>
      {round.data && (
        <>
          <PurposeBanner purpose={round.data.purpose} text={round.data.purpose_text} compact />
          <RoundNav round={round.data} user={user} current="organisation" />
        </>
      )}
      <DrillTrail unit={unit} parentOf={parentOf} names={names} hrefOf={(c) => here(c)} />
      <Paragraph>
        Per eenheid (met de eenheden eronder) en competentie: het gemiddelde tekort van wie een score heeft, en welk
        deel daarvan het vereiste niveau haalt. Kies een eenheid om in te zoomen
        {individuals ? "; binnen een eenheid ziet u de heatmap per persoon" : ""}.
        {user.role === "works_council" && " Cellen met minder dan 5 personen zijn afgeschermd en tonen geen cijfers."}
      </Paragraph>
      <MeasureChoice measure={measure} onChange={(m) => navigate(here(unit, m), { replace: true })} />
      {heatmap.loading && <Loading what="Heatmap" />}
      {heatmap.error && <LoadError error={heatmap.error} />}
      {data && data.units.length === 0 && (
        <Paragraph className="kwm-empty">Er zijn (nog) geen deelnemers in deze eenheid.</Paragraph>
      )}
      {data && data.units.length > 0 && (
        <>
          <Suspense fallback={<Loading what="Grafiek" />}>
            <HeatmapChart
              rows={rows}
              columns={columns}
              cells={cells}
              min={0}
              max={measure === "gap" ? 2 : 1}
              higherIsBetter={measure === "share"}
              legend={measure === "gap" ? "Gemiddeld tekort" : "Aandeel dat voldoet"}
              description={`Heatmap van ${formatCount(data.units.length)} eenheden en ${formatCount(data.competencies.length)} competenties: ${measure === "gap" ? "gemiddeld tekort in punten" : "aandeel dat voldoet"} per cel. De tabel hieronder bevat dezelfde cijfers.`}
              onSelectRow={openRow}
            />
          </Suspense>
          <p className="utrecht-paragraph kwm-hint kwm-legend">
            {"<5"} = afgeschermd (minder dan 5 personen) · n.b. = nog niet beoordeeld · lege cel = niemand in deze
            eenheid wordt erop beoordeeld.
          </p>
          <UnitHeatmapTable
            data={data}
            unit={unit}
            zoomHref={(c) => here(c)}
            teamHref={individuals ? (c) => roundPath(code, `/team${query({ eenheid: c })}`) : undefined}
          />
          <ExportLinks path={apiPath} what="de heatmap van de organisatie" />
        </>
      )}
    </>
  );
}

interface DrillTrailProps {
  unit: string;
  parentOf: Map<string, string | null>;
  names: Map<string, string>;
  hrefOf: (unit: string) => string;
}

/** Where the map is zoomed in: the whole organisation, then every unit down to the current one. */
function DrillTrail({ unit, parentOf, names, hrefOf }: DrillTrailProps) {
  return (
    <nav className="kwm-drill" aria-label="Ingezoomd op">
      <ol>
        <li>
          {unit ? <Link href={hrefOf("")}>Hele organisatie</Link> : <span aria-current="page">Hele organisatie</span>}
        </li>
        {unit &&
          trail(unit, parentOf).map((c) => (
            <li key={c}>
              {c === unit ? (
                <span aria-current="page">{names.get(c) ?? c}</span>
              ) : (
                <Link href={hrefOf(c)}>{names.get(c) ?? c}</Link>
              )}
            </li>
          ))}
      </ol>
    </nav>
  );
}

interface UnitHeatmapTableProps {
  data: OrganisationHeatmap;
  unit: string;
  zoomHref: (unit: string) => string;
  /** Where a unit's people are, for who may see single people. */
  teamHref?: (unit: string) => string;
}

/** The organisation heatmap's figures as a table, with the links to zoom in and to a unit's people. */
function UnitHeatmapTable({ data, unit, zoomHref, teamHref }: UnitHeatmapTableProps) {
  return (
    <TableContainer label="Heatmap organisatie als tabel">
      <Table className="kwm-heatmap-table">
        <TableCaption>
          Per eenheid en competentie: gemiddeld tekort, aandeel dat voldoet en aantal personen
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Eenheid</TableHeaderCell>
            {data.competencies.map((c) => (
              <TableHeaderCell key={c.code}>{c.name}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.units.map((u, r) => (
            <TableRow key={u.code}>
              <TableHeaderCell scope="row" className={`kwm-depth-${Math.min(u.depth, 8)}`}>
                {u.code === unit ? (
                  <span>{u.name}</span>
                ) : (
                  <Link href={zoomHref(u.code)}>
                    {u.name}
                    <span className="kwm-visually-hidden"> (inzoomen)</span>
                  </Link>
                )}
                {teamHref && (
                  <>
                    {" "}
                    <Link href={teamHref(u.code)} className="kwm-cell-action">
                      personen<span className="kwm-visually-hidden"> van {u.name}</span>
                    </Link>
                  </>
                )}
              </TableHeaderCell>
              {data.cells[r].map((cell, c) => (
                <TableCell key={data.competencies[c].code}>
                  <UnitCellText cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function teamChartCell(cell: TeamCell | null): HeatmapCell | null {
  if (!cell) return null;
  if (cell.state === "not_assessed" || cell.gap == null) return { value: null, text: "n.b." };
  return { value: cell.gap, text: `${formatScore(cell.gap)}${cell.critical ? "*" : ""}` };
}

function TeamCellText({ cell }: { cell: TeamCell | null }) {
  if (!cell) return <span className="kwm-hint">niet in profiel</span>;
  if (cell.state === "not_assessed") return <span>nog niet beoordeeld (vereist {formatLevel(cell.required)})</span>;
  return (
    <span className="kwm-cell-figures">
      <span>
        {formatScore(cell.combined)} van {formatLevel(cell.required)}
      </span>
      <span>{cell.gap ? <strong>tekort {formatScore(cell.gap)}</strong> : "geen tekort"}</span>
      {(cell.critical || cell.spread_flagged) && (
        <span className="kwm-hint">
          {[cell.critical && "kritiek", cell.spread_flagged && "grote spreiding"].filter(Boolean).join(", ")}
        </span>
      )}
    </span>
  );
}

export function TeamHeatmapPage({ code }: { code: string }) {
  const { user } = useSession();
  const location = useLocation();
  const unit = location.search.get("eenheid") ?? "";
  const round = useRound(code);
  const { options } = useUnitOptions();
  const apiPath = roundApi(code, `/heatmap/team${query({ unit })}`);
  const heatmap = useApi<TeamHeatmap>(unit ? apiPath : null);
  const data = heatmap.data;
  const unitName = options.find((o) => o.code === unit)?.name ?? unit;
  usePageTitle(`Heatmap team ${unitName}`.trim());

  const rows = useMemo(() => data?.people.map((p) => p.name) ?? [], [data]);
  const columns = useMemo(() => data?.competencies.map((c) => c.name) ?? [], [data]);
  const cells = useMemo(() => data?.cells.map((row) => row.map(teamChartCell)) ?? [], [data]);
  const openPerson = useCallback(
    (row: number) => {
      const person = data?.people[row];
      if (person) navigate(reportPath(code, person.personnel_number));
    },
    [data, code],
  );

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { href: roundPath(code), label: round.data?.name ?? code },
          { href: roundPath(code, `/organisatie${query({ eenheid: unit })}`), label: "Heatmap organisatie" },
          { label: `Team ${unitName}` },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Heatmap team{unit ? `: ${unitName}` : ""}
      </Heading>
      {round.data && (
        <>
          <PurposeBanner purpose={round.data.purpose} text={round.data.purpose_text} compact />
          <RoundNav round={round.data} user={user} current="team" />
        </>
      )}
      <Paragraph>
        Per persoon en competentie het tekort in punten ten opzichte van het vereiste niveau (* = kritieke competentie).
        Kies een persoon voor het volledige rapport.
      </Paragraph>
      <UnitFilter
        key={unit}
        id="team-unit"
        units={options}
        value={unit}
        onChoose={(u) => navigate(roundPath(code, `/team${query({ eenheid: u })}`))}
      />
      {!unit && <Paragraph>Kies een eenheid om de heatmap van haar mensen te zien.</Paragraph>}
      {heatmap.loading && <Loading what="Heatmap" />}
      {heatmap.error && <LoadError error={heatmap.error} />}
      {data && data.people.length === 0 && (
        <Paragraph className="kwm-empty">Niemand in deze eenheid doet mee aan de ronde.</Paragraph>
      )}
      {data && data.people.length > 0 && (
        <>
          <Suspense fallback={<Loading what="Grafiek" />}>
            <HeatmapChart
              rows={rows}
              columns={columns}
              cells={cells}
              min={0}
              max={2}
              legend="Tekort"
              description={`Heatmap van ${formatCount(data.people.length)} personen en ${formatCount(data.competencies.length)} competenties: het tekort in punten per cel. De tabel hieronder bevat dezelfde cijfers.`}
              onSelectRow={openPerson}
            />
          </Suspense>
          <p className="utrecht-paragraph kwm-hint kwm-legend">
            Getal = tekort in punten · * = kritiek · n.b. = nog niet beoordeeld · lege cel = niet in het profiel van
            deze persoon.
          </p>
          <TableContainer label="Heatmap team als tabel">
            <Table className="kwm-heatmap-table">
              <TableCaption>Per persoon en competentie: gecombineerde score, vereist niveau en tekort</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Persoon</TableHeaderCell>
                  {data.competencies.map((c) => (
                    <TableHeaderCell key={c.code}>{c.name}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.people.map((person, r) => (
                  <TableRow key={person.personnel_number}>
                    <TableHeaderCell scope="row">
                      <Link href={reportPath(code, person.personnel_number)}>
                        {person.name}
                        <span className="kwm-visually-hidden"> (rapport)</span>
                      </Link>
                    </TableHeaderCell>
                    {data.cells[r].map((cell, c) => (
                      <TableCell key={data.competencies[c].code}>
                        <TeamCellText cell={cell} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <ExportLinks path={apiPath} what="de heatmap van dit team" />
        </>
      )}
    </>
  );
}
