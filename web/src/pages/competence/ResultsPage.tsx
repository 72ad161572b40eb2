import { useState } from "react";
import { query } from "../../api/client";
import {
  Heading,
  Link,
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
import { ExportLinks } from "../../components/ExportLinks";
import { formatCount } from "../../format";
import { navigate, useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formatScore,
  profileKey,
  reportPath,
  roundPath,
  verdictLabels,
  type PersonResult,
  type Verdict,
} from "./model";
import { Breadcrumbs, PurposeBanner, RoundNav, VerdictLabel, useRound } from "./shared";
import { FilterForm } from "../../components/FilterForm";
import { SelectField } from "../../components/Fields";
import { UnitField } from "../../components/UnitFilter";
import { useUnitOptions } from "../../hooks/useUnitOptions";

/** Every participant's verdict in one round, filterable by unit and profile (GET …/gaps). */
export function ResultsPage({ code }: { code: string }) {
  const { user } = useSession();
  const location = useLocation();
  const round = useRound(code);
  const { options: units } = useUnitOptions();
  const unit = location.search.get("eenheid") ?? "";
  const profile = location.search.get("profiel") ?? "";
  const [fn, level] = profile ? profile.split("/") : ["", ""];
  const filter = query({ unit, function: fn, level });
  const apiPath = `/assessment-rounds/${encodeURIComponent(code)}/gaps${filter}`;
  const gaps = useApi<{ people: PersonResult[] }>(apiPath);
  usePageTitle(`Oordelen ${round.data?.name ?? ""}`.trim());
  const [draftUnit, setDraftUnit] = useState(unit);
  const [draftProfile, setDraftProfile] = useState(profile);

  const submit = () => navigate(roundPath(code, `/resultaten${query({ eenheid: draftUnit, profiel: draftProfile })}`));

  const counts = new Map<Verdict, number>();
  for (const person of gaps.data?.people ?? []) counts.set(person.verdict, (counts.get(person.verdict) ?? 0) + 1);

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { href: roundPath(code), label: round.data?.name ?? code },
          { label: "Oordelen" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Oordelen {round.data?.name ?? ""}
      </Heading>
      {round.error && <LoadError error={round.error} />}
      {round.data && (
        <>
          <PurposeBanner purpose={round.data.purpose} text={round.data.purpose_text} compact />
          <RoundNav round={round.data} user={user} current="results" />
        </>
      )}
      <FilterForm label="Oordelen filteren" submitLabel="Toon oordelen" onSubmit={submit}>
        <UnitField
          id="results-unit"
          units={units}
          value={draftUnit}
          onChange={setDraftUnit}
          emptyLabel="Alle eenheden"
        />
        <SelectField id="results-profile" label="Functieprofiel" value={draftProfile} onChange={setDraftProfile}>
          <option value="">Alle profielen</option>
          {round.data?.profiles.map((p) => (
            <option key={profileKey(p.function_code, p.level)} value={profileKey(p.function_code, p.level)}>
              {p.function_code} {p.level}
            </option>
          ))}
        </SelectField>
      </FilterForm>
      {gaps.loading && <Loading what="Oordelen" />}
      {gaps.error && <LoadError error={gaps.error} />}
      {gaps.data && (
        <section aria-labelledby="oordelen">
          <Heading level={2} id="oordelen">
            {formatCount(gaps.data.people.length)} {gaps.data.people.length === 1 ? "deelnemer" : "deelnemers"}
          </Heading>
          <Paragraph data-testid="verdict-counts">
            {(Object.keys(verdictLabels) as Verdict[])
              .filter((v) => counts.has(v))
              .map((v) => `${verdictLabels[v]}: ${formatCount(counts.get(v)!)}`)
              .join(" · ") || "Nog geen deelnemers."}
          </Paragraph>
          {gaps.data.people.length > 0 && (
            <TableContainer label="Oordeel per deelnemer">
              <Table>
                <TableCaption className="kwm-visually-hidden">Oordeel per deelnemer</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Naam</TableHeaderCell>
                    <TableHeaderCell>Eenheid</TableHeaderCell>
                    <TableHeaderCell>Profiel</TableHeaderCell>
                    <TableHeaderCell>Oordeel</TableHeaderCell>
                    <TableHeaderCell numeric>Grootste tekort</TableHeaderCell>
                    <TableHeaderCell>Toelichting</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {gaps.data.people.map((person) => (
                    <TableRow key={person.personnel_number}>
                      <TableHeaderCell scope="row">
                        <Link href={reportPath(code, person.personnel_number)}>
                          {person.name}
                          <span className="kwm-visually-hidden"> (rapport)</span>
                        </Link>
                      </TableHeaderCell>
                      <TableCell>{person.unit_code}</TableCell>
                      <TableCell>
                        {person.function_code} {person.level}
                      </TableCell>
                      <TableCell>
                        <VerdictLabel verdict={person.verdict} targetDate={person.target_date} />
                      </TableCell>
                      <TableCell numeric>
                        {person.verdict === "incomplete" ? "–" : formatScore(person.largest_gap)}
                      </TableCell>
                      <TableCell className="kwm-explanation">{person.explanation}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
          <ExportLinks path={apiPath} what="de tekorten per deelnemer en competentie" />
        </section>
      )}
    </>
  );
}
