// Coverage (how many people of a team meet each critical competency) and growth between two rounds.
import { useMemo, useState } from "react";
import { query } from "../../api/client";
import {
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
import { ExportLinks } from "../../components/ExportLinks";
import { FilterForm } from "../../components/FilterForm";
import { SelectField } from "../../components/Fields";
import { UnitField, UnitFilter } from "../../components/UnitFilter";
import { useUnitOptions } from "../../hooks/useUnitOptions";
import { formatCount, formatShare } from "../../format";
import { navigate, useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { formatChange, formatScore, roundPath, type Coverage, type Growth, type Round } from "./model";
import { SUPPRESSED_TEXT } from "./HeatmapPages";
import { Breadcrumbs, PurposeBanner, RoundNav, useRound } from "./shared";

const roundApi = (code: string, rest: string) => `/assessment-rounds/${encodeURIComponent(code)}${rest}`;

function Meter({ share }: { share: number }) {
  // The bar only repeats the percentage printed beside it.
  return (
    <span className="kwm-meter" aria-hidden="true">
      <span className={`kwm-meter__fill kwm-meter__fill--${Math.round(Math.max(0, Math.min(1, share)) * 20) * 5}`} />
    </span>
  );
}

export function CoveragePage({ code }: { code: string }) {
  const { user } = useSession();
  const location = useLocation();
  const unit = location.search.get("eenheid") ?? "";
  const round = useRound(code);
  const { options } = useUnitOptions();
  const apiPath = roundApi(code, `/coverage${query({ unit })}`);
  const coverage = useApi<Coverage>(apiPath);
  const unitName = options.find((o) => o.code === unit)?.name ?? unit;
  usePageTitle(`Dekking kritieke competenties ${unitName}`.trim());
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { href: roundPath(code), label: round.data?.name ?? code },
          { label: "Dekking" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Dekking kritieke competenties{unit ? `: ${unitName}` : ""}
      </Heading>
      {round.data && (
        <>
          <PurposeBanner purpose={round.data.purpose} text={round.data.purpose_text} compact />
          <RoundNav round={round.data} user={user} current="coverage" />
        </>
      )}
      <Paragraph>
        Per competentie die in iemands profiel kritiek is: voor hoeveel mensen hij kritiek is en hoeveel van hen het
        vereiste niveau halen. Zo ziet een team of het de deskundigheid in huis heeft, bijvoorbeeld voor jeugd, schulden
        of licht verstandelijke beperking.
      </Paragraph>
      <UnitFilter
        key={unit}
        id="coverage-unit"
        units={options}
        value={unit}
        emptyLabel="Hele organisatie"
        onChoose={(u) => navigate(roundPath(code, `/dekking${query({ eenheid: u })}`))}
      />
      {coverage.loading && <Loading what="Dekking" />}
      {coverage.error && <LoadError error={coverage.error} />}
      {coverage.data && coverage.data.rows.length === 0 && (
        <Paragraph className="kwm-empty">In de profielen van deze deelnemers is geen competentie kritiek.</Paragraph>
      )}
      {coverage.data && coverage.data.rows.length > 0 && (
        <>
          <TableContainer label="Dekking per kritieke competentie">
            <Table>
              <TableCaption className="kwm-visually-hidden">Dekking per kritieke competentie</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Competentie</TableHeaderCell>
                  <TableHeaderCell numeric>Kritiek voor</TableHeaderCell>
                  <TableHeaderCell numeric>Voldoet</TableHeaderCell>
                  <TableHeaderCell numeric>Nog niet beoordeeld</TableHeaderCell>
                  <TableHeaderCell>Aandeel dat voldoet</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {coverage.data.rows.map((row) => (
                  <TableRow key={row.code}>
                    <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                    {row.suppressed ? (
                      <TableCell colSpan={4}>
                        <span className="kwm-suppressed">{SUPPRESSED_TEXT}</span>
                      </TableCell>
                    ) : (
                      <>
                        <TableCell numeric>{formatCount(row.people ?? 0)}</TableCell>
                        <TableCell numeric>{formatCount(row.meeting ?? 0)}</TableCell>
                        <TableCell numeric>{formatCount(row.not_assessed ?? 0)}</TableCell>
                        <TableCell>
                          {row.share_meeting == null ? (
                            "–"
                          ) : (
                            <span className="kwm-meter-cell">
                              <Meter share={row.share_meeting} /> {formatShare(row.share_meeting)}
                            </span>
                          )}
                        </TableCell>
                      </>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <ExportLinks path={apiPath} what="de dekking per kritieke competentie" />
        </>
      )}
    </>
  );
}

export function GrowthPage({ code }: { code: string }) {
  const { user } = useSession();
  const location = useLocation();
  const from = location.search.get("van") ?? "";
  const unit = location.search.get("eenheid") ?? "";
  const round = useRound(code);
  const rounds = useApi<{ items: Round[] }>("/assessment-rounds");
  const { options } = useUnitOptions();
  const apiPath = roundApi(code, `/growth${query({ from, unit })}`);
  const growth = useApi<Growth>(from ? apiPath : null);
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftUnit, setDraftUnit] = useState(unit);
  const earlier = (rounds.data?.items ?? []).filter((r) => r.code !== code);
  usePageTitle(`Groei ${round.data?.name ?? ""}`.trim());

  const submit = () => navigate(roundPath(code, `/groei${query({ van: draftFrom, eenheid: draftUnit })}`));

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { href: roundPath(code), label: round.data?.name ?? code },
          { label: "Groei" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Groei sinds een eerdere ronde
      </Heading>
      {round.data && (
        <>
          <PurposeBanner purpose={round.data.purpose} text={round.data.purpose_text} compact />
          <RoundNav round={round.data} user={user} current="growth" />
        </>
      )}
      <Paragraph>
        Vergelijk de gecombineerde scores van deze ronde met die van een eerdere ronde, voor de mensen die in beide
        rondes zijn beoordeeld.
      </Paragraph>
      <FilterForm label="Rondes vergelijken" submitLabel="Vergelijken" onSubmit={submit}>
        <SelectField id="growth-from" label="Eerdere ronde" value={draftFrom} onChange={setDraftFrom}>
          <option value="">Kies een ronde</option>
          {earlier.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <UnitField
          id="growth-unit"
          units={options}
          value={draftUnit}
          onChange={setDraftUnit}
          emptyLabel="Hele organisatie"
        />
      </FilterForm>
      {rounds.data && earlier.length === 0 && (
        <Paragraph className="kwm-empty">Er is nog geen andere ronde om mee te vergelijken.</Paragraph>
      )}
      {growth.loading && <Loading what="Groei" />}
      {growth.error && <LoadError error={growth.error} />}
      {growth.data && (
        <>
          <GrowthByCompetency growth={growth.data} apiPath={apiPath} />
          <GrowthByPerson growth={growth.data} />
        </>
      )}
    </>
  );
}

/** The change per competency between the two rounds (works council: suppressed below five people). */
function GrowthByCompetency({ growth, apiPath }: { growth: Growth; apiPath: string }) {
  return (
    <section aria-labelledby="groei-competenties">
      <Heading level={2} id="groei-competenties">
        Per competentie
      </Heading>
      {growth.competencies.length === 0 ? (
        <Paragraph className="kwm-empty">Niemand is in beide rondes op dezelfde competentie beoordeeld.</Paragraph>
      ) : (
        <TableContainer label="Groei per competentie">
          <Table>
            <TableCaption className="kwm-visually-hidden">Groei per competentie</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Competentie</TableHeaderCell>
                <TableHeaderCell numeric>Personen</TableHeaderCell>
                <TableHeaderCell numeric>Gemiddeld toen</TableHeaderCell>
                <TableHeaderCell numeric>Gemiddeld nu</TableHeaderCell>
                <TableHeaderCell numeric>Verandering</TableHeaderCell>
                <TableHeaderCell numeric>Vooruitgegaan</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {growth.competencies.map((c) => (
                <TableRow key={c.code}>
                  <TableHeaderCell scope="row">{c.name}</TableHeaderCell>
                  {c.suppressed ? (
                    <TableCell colSpan={5}>
                      <span className="kwm-suppressed">{SUPPRESSED_TEXT}</span>
                    </TableCell>
                  ) : (
                    <>
                      <TableCell numeric>{formatCount(c.people ?? 0)}</TableCell>
                      <TableCell numeric>{formatScore(c.average_before)}</TableCell>
                      <TableCell numeric>{formatScore(c.average_after)}</TableCell>
                      <TableCell numeric>{formatChange(c.average_change)}</TableCell>
                      <TableCell numeric>{formatCount(c.improved ?? 0)}</TableCell>
                    </>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <ExportLinks path={apiPath} what="de groei per competentie" />
    </section>
  );
}

/** The change per person and competency, for who may see single people. */
function GrowthByPerson({ growth }: { growth: Growth }) {
  const competencyNames = useMemo(() => new Map(growth.competencies.map((c) => [c.code, c.name])), [growth]);
  if (growth.people.length === 0) return null;
  return (
    <section aria-labelledby="groei-personen">
      <Heading level={2} id="groei-personen">
        Per persoon
      </Heading>
      <TableContainer label="Groei per persoon">
        <Table>
          <TableCaption className="kwm-visually-hidden">Groei per persoon en competentie</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Personeelsnummer</TableHeaderCell>
              <TableHeaderCell>Competentie</TableHeaderCell>
              <TableHeaderCell numeric>Toen</TableHeaderCell>
              <TableHeaderCell numeric>Nu</TableHeaderCell>
              <TableHeaderCell numeric>Verandering</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {growth.people.map((p) => (
              <TableRow key={`${p.personnel_number}-${p.competency_code}`}>
                <TableHeaderCell scope="row">{p.personnel_number}</TableHeaderCell>
                <TableCell>{competencyNames.get(p.competency_code) ?? p.competency_code}</TableCell>
                <TableCell numeric>{formatScore(p.before)}</TableCell>
                <TableCell numeric>{formatScore(p.after)}</TableCell>
                <TableCell numeric>{formatChange(p.change)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <DownloadTable
        what="de groei per persoon en competentie"
        table={{
          name: `groei-per-persoon-${growth.from}-${growth.to}`,
          header: ["Personeelsnummer", "Competentie", "Code", "Toen", "Nu", "Verandering"],
          rows: growth.people.map((p) => [
            p.personnel_number,
            competencyNames.get(p.competency_code) ?? p.competency_code,
            p.competency_code,
            p.before,
            p.after,
            p.change,
          ]),
        }}
      />
    </section>
  );
}
