// A person's report in one round: verdict with reasons, and per competency every source's score, the combined
// score, the gap and the spread. Printable: the print stylesheet drops navigation and controls.
import { SelectField } from "../../components/Fields";
import { FilterForm } from "../../components/FilterForm";
import { useMemo, useState } from "react";
import { query } from "../../api/client";
import {
  Alert,
  Button,
  DataList,
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
import { DownloadTable } from "../../components/DownloadTable";
import { formatDate } from "../../format";
import { navigate, useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formatLevel,
  formatScore,
  profileKey,
  reportPath,
  roundPath,
  sourceLabels,
  type CompetencyResult,
  type PersonReport,
  type ProfileSummary,
  type RatingSource,
} from "./model";
import { Breadcrumbs, PurposeBanner, VerdictLabel, seesIndividuals } from "./shared";

const today = () => new Date().toISOString().slice(0, 10);

export function PersonReportPage({ code, personnelNumber }: { code: string; personnelNumber: string }) {
  const { user } = useSession();
  const location = useLocation();
  const against = location.search.get("profiel") ?? "";
  const [fn, level] = against ? against.split("/") : ["", ""];
  const path = `/assessment-rounds/${encodeURIComponent(code)}/people/${encodeURIComponent(personnelNumber)}/report${query({ function: fn, level })}`;
  const report = useApi<PersonReport>(path);
  const data = report.data;
  const own = user.role === "employee";
  usePageTitle(data ? `Rapport ${data.name}` : "Rapport");

  return (
    <div className="kwm-report">
      <Breadcrumbs
        items={
          own
            ? [{ href: "/competenties/mijn", label: "Mijn beoordelingen" }, { label: "Mijn resultaat" }]
            : [
                { href: "/competenties/rondes", label: "Beoordelingsrondes" },
                { href: roundPath(code), label: data?.round.name ?? code },
                { label: data ? `Rapport ${data.name}` : "Rapport" },
              ]
        }
      />
      <Heading level={1} tabIndex={-1}>
        {data ? `Rapport ${data.name}` : "Rapport"}
      </Heading>
      {report.loading && !data && <Loading what="Rapport" />}
      {report.error && <LoadError error={report.error} />}
      {data && (
        <>
          <div className="utrecht-button-group kwm-no-print">
            <Button onClick={() => window.print()}>Afdrukken</Button>
          </div>
          <PurposeBanner purpose={data.round.purpose} text={data.round.purpose_text} compact />
          <DataList
            items={[
              { key: "Ronde", value: data.round.name },
              { key: "Personeelsnummer", value: data.personnel_number },
              { key: "Eenheid", value: data.unit_code },
              {
                key: "Beoordeeld tegen",
                value: `${data.function_code} ${data.level}${against ? " (ander profiel dan in de ronde)" : ""}`,
              },
              { key: "Bronnen", value: data.round.sources.map((s) => sourceLabels[s]).join(", ") },
              { key: "Stand van", value: formatDate(today()) },
            ]}
          />
          <section aria-labelledby="oordeel" className="kwm-report__verdict">
            <Heading level={2} id="oordeel">
              Oordeel: <VerdictLabel verdict={data.verdict} targetDate={data.target_date} />
            </Heading>
            <Paragraph>{data.explanation}</Paragraph>
            <Paragraph className="kwm-hint">
              Kwartiermaker stelt dit oordeel voor volgens de regels van de ronde en legt het uit; een mens beslist.
            </Paragraph>
          </section>
          <CompetencyTable
            competencies={data.competencies}
            sources={data.round.sources}
            spreadThreshold={data.round.spread_threshold}
            fileName={`rapport-${code}-${personnelNumber}`}
          />
          {seesIndividuals(user) || own ? (
            <OtherProfile code={code} personnelNumber={personnelNumber} current={against} />
          ) : null}
        </>
      )}
    </div>
  );
}

function CompetencyTable({
  competencies,
  sources,
  spreadThreshold,
  fileName,
}: {
  competencies: CompetencyResult[];
  sources: RatingSource[];
  spreadThreshold: number;
  fileName: string;
}) {
  const file = useMemo(
    () => ({
      name: fileName,
      header: [
        "Competentie",
        "Code",
        "Kritiek",
        "Vereist",
        ...sources.map((s) => sourceLabels[s]),
        "Gecombineerd",
        "Tekort",
        "Spreiding",
        "Grote spreiding",
      ],
      rows: competencies.map((c) => [
        c.name,
        c.code,
        c.critical ? "ja" : "nee",
        c.required,
        ...sources.map((s) => c.sources.find((x) => x.source === s)?.score ?? null),
        c.combined,
        c.gap,
        c.spread,
        c.spread_flagged ? "ja" : "nee",
      ]),
    }),
    [competencies, sources, fileName],
  );
  return (
    <section aria-labelledby="per-competentie">
      <Heading level={2} id="per-competentie">
        Per competentie
      </Heading>
      <Paragraph className="kwm-hint">
        Gecombineerd: het gewogen gemiddelde van de bronnen die een score gaven. Tekort: hoeveel punten het
        gecombineerde niveau onder het vereiste ligt. Een spreiding van {formatScore(spreadThreshold)} punt of meer
        tussen de bronnen wordt gemarkeerd.
      </Paragraph>
      <TableContainer label="Scores per competentie">
        <Table className="kwm-report__table">
          <TableCaption className="kwm-visually-hidden">Scores per competentie</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Competentie</TableHeaderCell>
              <TableHeaderCell numeric>Vereist</TableHeaderCell>
              {sources.map((s) => (
                <TableHeaderCell key={s} numeric>
                  {sourceLabels[s]}
                </TableHeaderCell>
              ))}
              <TableHeaderCell numeric>Gecombineerd</TableHeaderCell>
              <TableHeaderCell numeric>Tekort</TableHeaderCell>
              <TableHeaderCell numeric>Spreiding</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {competencies.map((c) => (
              <TableRow key={c.code} className={c.gap ? "kwm-row--gap" : undefined}>
                <TableHeaderCell scope="row">
                  {c.name}
                  {c.critical && <span className="kwm-tag">kritiek</span>}
                </TableHeaderCell>
                <TableCell numeric>{formatLevel(c.required)}</TableCell>
                {sources.map((s) => {
                  const score = c.sources.find((x) => x.source === s);
                  return (
                    <TableCell key={s} numeric>
                      {score ? formatScore(score.score) : c.missing_sources.includes(s) ? "nog niet" : "–"}
                    </TableCell>
                  );
                })}
                <TableCell numeric>
                  {c.state === "not_assessed" ? "nog niet beoordeeld" : formatScore(c.combined)}
                </TableCell>
                <TableCell numeric>
                  {c.gap == null ? "–" : c.gap > 0 ? <strong>{formatScore(c.gap)}</strong> : "geen"}
                </TableCell>
                <TableCell numeric>
                  {formatScore(c.spread)}
                  {c.spread_flagged && <span className="kwm-tag kwm-tag--warning">grote spreiding</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <div className="kwm-no-print">
        <DownloadTable table={file} what="de scores per competentie" />
      </div>
    </section>
  );
}

/** The same scores against another function level's profile, e.g. one the person does not hold yet. */
function OtherProfile({ code, personnelNumber, current }: { code: string; personnelNumber: string; current: string }) {
  const profiles = useApi<{ items: ProfileSummary[] }>("/profiles");
  const [chosen, setChosen] = useState(current);
  const usable = (profiles.data?.items ?? []).filter((p) => p.competencies + p.knowledge_areas > 0);
  if (usable.length === 0) return null;
  const submit = () => {
    navigate(`${reportPath(code, personnelNumber)}${query({ profiel: chosen })}`);
  };
  return (
    <section aria-labelledby="ander-profiel" className="kwm-no-print">
      <Heading level={2} id="ander-profiel">
        Vergelijken met een ander profiel
      </Heading>
      {current && (
        <Alert type="info">
          <Paragraph>
            Dit rapport vergelijkt met een ander profiel dan dat van de ronde. Competenties buiten de kaders van de
            ronde zijn niet beoordeeld.
          </Paragraph>
        </Alert>
      )}
      <FilterForm label="Vergelijken met een ander profiel" submitLabel="Vergelijken" onSubmit={submit}>
        <SelectField id="report-profile" label="Functieprofiel" value={chosen} onChange={setChosen}>
          <option value="">Het profiel uit de ronde</option>
          {usable.map((p) => (
            <option key={profileKey(p.function_code, p.level)} value={profileKey(p.function_code, p.level)}>
              {p.function_name}, {p.level}
            </option>
          ))}
        </SelectField>
      </FilterForm>
    </section>
  );
}
