import { Fragment, useState } from "react";
import { SelectField } from "../../components/Fields";
import { FilterForm } from "../../components/FilterForm";
import { query } from "../../api/client";
import type { Page } from "../../api/types";
import {
  Button,
  Link,
  LoadError,
  Loading,
  Pagination,
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
import { formatPoints, functionText, ordinal, roundTitle, verdictLabels } from "./labels";
import { ScoreBreakdown } from "./ScoreBreakdown";
import { EmployeeOptions, PositionOptions, ReorganisationFrame, reorganisationPath, StatusBadge } from "./shared";
import type { ReorganisationHeadline, Scope, Suitability } from "./types";

const PAGE_SIZE = 25;

export function SuitabilityPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Geschiktheid">
      {(reorganisation) => <SuitabilityView reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

const COLUMN_COUNT = 8;

function roundsText(row: Suitability): string {
  const rounds = row.rounds.filter((r) => r.candidate);
  if (rounds.length === 0) return "Geen";
  return rounds.map((r) => `${roundTitle(row.rounds, r.index)} (${formatPoints(r.points)} punten)`).join("; ");
}

/**
 * One row per employee and position; "Opbouw" opens a full-width row below it with the
 * breakdown, so the score table is readable instead of squeezed into a cell.
 */
function SuitabilityTable({ reorganisationId, rows }: { reorganisationId: number; rows: Suitability[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (rows.length === 0) return <Paragraph className="kwm-empty">Geen combinaties gevonden.</Paragraph>;
  const toggle = (key: string) => {
    const next = new Set(open);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setOpen(next);
  };
  return (
    <TableContainer label="Geschiktheid per medewerker en plaats">
      <Table>
        <TableCaption className="kwm-visually-hidden">Geschiktheid per medewerker en plaats</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Medewerker</TableHeaderCell>
            <TableHeaderCell>Plaats</TableHeaderCell>
            <TableHeaderCell numeric>Geschiktheid</TableHeaderCell>
            <TableHeaderCell>Oordeel</TableHeaderCell>
            <TableHeaderCell>Harde voorwaarden</TableHeaderCell>
            <TableHeaderCell>Voorkeur</TableHeaderCell>
            <TableHeaderCell>Kandidaat in ronde</TableHeaderCell>
            <TableHeaderCell>Opbouw</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const key = `${row.person_id}-${row.position_id}`;
            const expanded = open.has(key);
            const detailId = `opbouw-${key}`;
            const place = `${functionText(row.function_name, row.level)}, ${row.unit_code}`;
            return (
              <Fragment key={key}>
                <TableRow>
                  <TableHeaderCell scope="row">
                    {row.name} ({row.personnel_number})
                  </TableHeaderCell>
                  <TableCell>{place}</TableCell>
                  <TableCell numeric>{formatPoints(row.score)}</TableCell>
                  <TableCell>
                    {row.verdict ? verdictLabels[row.verdict] : "Geen assessment"}
                    <br />
                    <span className="kwm-hint">
                      {row.suitable ? "passend" : "niet passend"}
                      {row.suitable_basis === "verdict" ? " volgens het oordeel" : " volgens de functiekoppeling"}
                    </span>
                  </TableCell>
                  <TableCell>
                    {row.eligible ? (
                      <StatusBadge tone="done">Voldaan</StatusBadge>
                    ) : (
                      <StatusBadge tone="warning">
                        Niet voldaan: {row.constraints.filter((c) => !c.met).length}
                      </StatusBadge>
                    )}
                  </TableCell>
                  <TableCell>
                    {[
                      row.preference_rank !== null ? `${ordinal(row.preference_rank)} voorkeur` : null,
                      row.locked ? "vastgezet" : null,
                    ]
                      .filter(Boolean)
                      .join(", ") || "–"}
                  </TableCell>
                  <TableCell>{roundsText(row)}</TableCell>
                  <TableCell>
                    <Button
                      appearance="subtle"
                      aria-expanded={expanded}
                      aria-controls={detailId}
                      onClick={() => toggle(key)}
                    >
                      {expanded ? "Verbergen" : "Tonen"}
                      <span className="kwm-visually-hidden">
                        : opbouw van {row.name} voor {place}
                      </span>
                    </Button>
                  </TableCell>
                </TableRow>
                {expanded && (
                  <TableRow id={detailId} className="kwm-pl-detail-row">
                    <TableCell colSpan={COLUMN_COUNT}>
                      <ScoreBreakdown
                        caption={`Opbouw van de geschiktheid van ${row.name} voor ${place}`}
                        components={row.components}
                        constraints={row.constraints}
                        score={row.score}
                      />
                      <ul className="kwm-pl-reasons">
                        {row.rounds.map((r) => (
                          <li key={r.index}>
                            {roundTitle(row.rounds, r.index)}: {r.text}
                          </li>
                        ))}
                      </ul>
                      <Paragraph>
                        <Link
                          href={`${reorganisationPath(reorganisationId, "vastzetten")}${query({ medewerker: row.person_id, plaats: row.position_id })}`}
                        >
                          Deze combinatie vastzetten of uitsluiten
                        </Link>
                      </Paragraph>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function SuitabilityView({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const location = useLocation();
  const personId = location.search.get("medewerker") ?? "";
  const positionId = location.search.get("plaats") ?? "";
  const page = Math.max(1, Number(location.search.get("pagina")) || 1);
  const base = reorganisationPath(reorganisation.id, "geschiktheid");
  const scope = useApi<Scope>(`/reorganisations/${reorganisation.id}/scope`);
  const list = useApi<Page<Suitability>>(
    `/reorganisations/${reorganisation.id}/suitability${query({ person_id: personId, position_id: positionId, page, page_size: PAGE_SIZE })}`,
  );
  const [draft, setDraft] = useState({ person_id: personId, position_id: positionId });
  const hrefFor = (n: number) =>
    `${base}${query({ medewerker: personId, plaats: positionId, pagina: n > 1 ? n : null })}`;

  const submit = () => {
    navigate(`${base}${query({ medewerker: draft.person_id, plaats: draft.position_id })}`);
  };

  return (
    <>
      <Paragraph>
        De geschiktheid (0–100) is het gewogen gemiddelde van de onderdelen die er zijn: competenties uit een
        selectieassessment, het selectiegesprek en de laatste beoordeling. Ontbreekt een onderdeel, dan wordt het
        gewicht over de andere verdeeld. Harde voorwaarden (opleiding, kritieke competenties, uren, uitsluiting door HR)
        bepalen of iemand op een plaats kán komen.
      </Paragraph>
      <FilterForm search className="utrecht-form" label="Geschiktheid filteren" submitLabel="Tonen" onSubmit={submit}>
        <SelectField
          id="suit-person"
          label="Medewerker"
          value={draft.person_id}
          onChange={(person_id) => setDraft({ ...draft, person_id })}
        >
          <option value="">Alle medewerkers</option>
          <EmployeeOptions employees={scope.data?.employees} />
        </SelectField>
        <SelectField
          id="suit-position"
          label="Plaats in de nieuwe formatie"
          value={draft.position_id}
          onChange={(position_id) => setDraft({ ...draft, position_id })}
        >
          <option value="">Alle plaatsen</option>
          <PositionOptions positions={scope.data?.positions} />
        </SelectField>
      </FilterForm>
      {scope.error && <LoadError error={scope.error} />}
      <div aria-live="polite" className="kwm-result-count">
        {list.data && (
          <Paragraph>
            {list.data.total === 1 ? "1 combinatie" : `${formatCount(list.data.total)} combinaties`} van medewerker en
            plaats.
          </Paragraph>
        )}
      </div>
      {list.loading && !list.data && <Loading what="Geschiktheid" />}
      {list.error && <LoadError error={list.error} />}
      {list.data && (
        <>
          <SuitabilityTable reorganisationId={reorganisation.id} rows={list.data.items} />
          <Pagination
            page={list.data.page}
            pageSize={list.data.page_size}
            total={list.data.total}
            hrefFor={hrefFor}
            label="Paginering geschiktheid"
          />
        </>
      )}
    </>
  );
}
