import { useMemo } from "react";
import { personPath, unitPath } from "../paths";
import type { Formation, Position, Team, TeamMember, UnitDetail } from "../api/types";
import { Alert, DataList, DataTable, Heading, Link, LoadError, Loading, Paragraph, columnHelper } from "../components";
import type { DataListItem } from "../components/Layout";
import { KeyFigures } from "../components/KeyFigures";
import {
  contractLabels,
  directionLabels,
  engagementLabels,
  formatCount,
  formatDate,
  formatFte,
  formatShare,
  label,
  locationLabels,
  pillarLabels,
  positionKindLabels,
  unitKindLabels,
} from "../format";
import { mayOpen, useSession } from "../session";
import { useApi } from "../useApi";
import { usePageTitle } from "./usePageTitle";

export function TeamPage({ unitId }: { unitId: string }) {
  const { user } = useSession();
  const validId = /^\d+$/.test(unitId);
  // The server leaves the member lists empty for the works council; say so rather than "nobody works here".
  const aggregatesOnly = user.role === "works_council";
  const detail = useApi<UnitDetail>(validId ? `/units/${unitId}` : null);
  const team = useApi<Team>(validId ? `/units/${unitId}/team` : null);
  const unit = detail.data;
  usePageTitle(unit ? unit.name : "Team");

  if (!validId) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Team niet gevonden
        </Heading>
        <Paragraph>Dit adres verwijst niet naar een eenheid.</Paragraph>
      </>
    );
  }

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        {unit ? unit.name : "Team"}
      </Heading>
      {unit && (
        <Paragraph lead>
          {label(unitKindLabels, unit.kind)} · {unit.code}
        </Paragraph>
      )}
      {detail.loading && <Loading what="Eenheid" />}
      {detail.error && <LoadError error={detail.error} />}
      {unit && (
        <>
          <UnitFacts unit={unit} />
          {team.loading && <Loading what="Teamsamenstelling" />}
          {team.error && <LoadError error={team.error} />}
          {team.data && <TeamTypeSection team={team.data} />}
          <FormationSection unit={unit} />
          {team.data && (aggregatesOnly ? <AggregateComposition team={team.data} /> : <Composition team={team.data} />)}
          {team.data && <ExpiringSection team={team.data} showContracts={!aggregatesOnly} />}
          {team.data && <PositionsSection team={team.data} />}
          <ChildrenSection unit={unit} />
          <Paragraph>
            <Link href="/">Terug naar de organisatie</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}

function UnitFacts({ unit }: { unit: UnitDetail }) {
  const items: DataListItem[] = [
    { key: "Soort", value: label(unitKindLabels, unit.kind) },
    { key: "Code", value: unit.code },
    {
      key: "Pijlers",
      value: unit.pillars.length ? unit.pillars.map((p) => label(pillarLabels, p)).join(", ") : "Geen",
    },
  ];
  if (unit.direction) items.push({ key: "Regie", value: label(directionLabels, unit.direction) });
  if (unit.contractor) items.push({ key: "Hoofdaannemer", value: unit.contractor });
  if (unit.location) items.push({ key: "Werkplek", value: label(locationLabels, unit.location) });
  if (unit.parent_id !== null) items.push({ key: "Onderdeel van", value: <ParentLink parentId={unit.parent_id} /> });
  return (
    <section aria-labelledby="kenmerken">
      <Heading level={2} id="kenmerken">
        Kenmerken
      </Heading>
      <DataList items={items} />
    </section>
  );
}

// The study's 2x2 (docs/csv.md, "Team type"): who directs the team x whether municipal consultants sit in it.
function ParentLink({ parentId }: { parentId: number }) {
  // A manager may see a unit but not its parent: then the parent answers 404 and there is nothing to link.
  const parent = useApi<UnitDetail>(`/units/${parentId}`);
  if (parent.error) return <>–</>;
  return <Link href={unitPath(parentId)}>{parent.data ? parent.data.name : "Bovenliggende eenheid"}</Link>;
}

const teamTypeNames: Record<number, string> = {
  1: "Teamtype 1: regie bij een hoofdaannemer, alleen externe consulenten",
  2: "Teamtype 2: regie bij een hoofdaannemer, ook gemeentelijke consulenten",
  3: "Teamtype 3: regie bij de gemeente, alleen externe consulenten",
  4: "Teamtype 4: regie bij de gemeente, ook gemeentelijke consulenten",
};

function TeamTypeSection({ team }: { team: Team }) {
  return (
    <section aria-labelledby="teamtype">
      <Heading level={2} id="teamtype">
        Teamtype
      </Heading>
      <Alert type="info">
        <Paragraph className="kwm-team-type">
          <strong>{team.team_type !== null ? teamTypeNames[team.team_type] : "Geen teamtype"}</strong>
        </Paragraph>
        <Paragraph>{team.team_type_reason || "Er is geen toelichting beschikbaar."}</Paragraph>
      </Alert>
      <Paragraph className="kwm-hint">
        Het teamtype wordt afgeleid uit de gegevens: wie de regie heeft (de gemeente of een hoofdaannemer) en of er
        gemeentelijke consulenten in het team werken. Het wordt nooit met de hand ingevuld.
      </Paragraph>
    </section>
  );
}

function FormationSection({ unit }: { unit: UnitDetail }) {
  const hasChildren = unit.children.length > 0;
  return (
    <section aria-labelledby="formatie">
      <Heading level={2} id="formatie">
        Formatie
      </Heading>
      <KeyFigures formation={unit.formation} />
      {hasChildren && <FormationComparison own={unit.formation} total={unit.total} />}
    </section>
  );
}

interface ComparisonRow {
  name: string;
  own: string;
  total: string;
}

const comparisonColumns = (() => {
  const helper = columnHelper<ComparisonRow>();
  return helper.columns([
    helper.accessor("name", { header: "Cijfer", meta: { rowHeader: true } }),
    helper.accessor("own", { header: "Deze eenheid", meta: { numeric: true } }),
    helper.accessor("total", { header: "Inclusief onderliggende eenheden", meta: { numeric: true } }),
  ]);
})();

function FormationComparison({ own, total }: { own: Formation; total: Formation }) {
  const data = useMemo<ComparisonRow[]>(() => {
    const fte = (pick: (f: Formation) => number) => ({ own: formatFte(pick(own)), total: formatFte(pick(total)) });
    const share = (pick: (f: Formation) => number) => ({
      own: formatShare(pick(own)),
      total: formatShare(pick(total)),
    });
    const count = (pick: (f: Formation) => number) => ({
      own: formatCount(pick(own)),
      total: formatCount(pick(total)),
    });
    return [
      { name: "Begroot (fte)", ...fte((f) => f.budgeted_fte) },
      { name: "Bezet (fte)", ...fte((f) => f.filled_fte) },
      { name: "Vacant (fte)", ...fte((f) => f.vacant_fte) },
      { name: "Extern (fte)", ...fte((f) => f.external_fte) },
      { name: "Aandeel extern", ...share((f) => f.external_share) },
      { name: "Tijdelijk (fte)", ...fte((f) => f.temporary_fte) },
      { name: "Aandeel tijdelijk", ...share((f) => f.temporary_share) },
      { name: "Personen", ...count((f) => f.people) },
      { name: "Waarvan extern", ...count((f) => f.externals) },
    ];
  }, [own, total]);
  return (
    <DataTable
      caption="Formatie van deze eenheid en van de eenheid met alles eronder"
      columns={comparisonColumns}
      data={data}
      rowKey={(row) => row.name}
      empty=""
    />
  );
}

function memberColumns(external: boolean, personLinks: boolean) {
  const helper = columnHelper<TeamMember>();
  const name = helper.accessor("name", {
    header: "Naam",
    meta: { rowHeader: true },
    cell: (info) =>
      personLinks ? <Link href={personPath(info.row.original.id)}>{info.getValue()}</Link> : info.getValue(),
  });
  const number = helper.accessor("personnel_number", { header: "Nummer" });
  const fte = helper.accessor("fte", {
    header: "fte",
    meta: { numeric: true },
    cell: (info) => formatFte(info.getValue()),
  });
  if (external) {
    return helper.columns([
      name,
      number,
      helper.accessor("organisation", { header: "Organisatie", cell: (info) => info.getValue() || "–" }),
      helper.accessor("engagement", { header: "Vorm", cell: (info) => label(engagementLabels, info.getValue()) }),
      fte,
    ]);
  }
  return helper.columns([
    name,
    number,
    helper.accessor("function_name", {
      header: "Functie",
      cell: (info) => [info.getValue(), info.row.original.level].filter(Boolean).join(", ") || "–",
    }),
    helper.accessor("contract", {
      header: "Contract",
      cell: (info) => {
        const member = info.row.original;
        if (member.contract === "temporary") return `Tijdelijk tot ${formatDate(member.contract_end)}`;
        return label(contractLabels, info.getValue());
      },
    }),
    fte,
  ]);
}

function Composition({ team }: { team: Team }) {
  const { user } = useSession();
  const personLinks = mayOpen(user, "people");
  const internal = team.members.filter((m) => m.engagement === "employee");
  const external = team.members.filter((m) => m.engagement !== "employee");
  const internalColumns = useMemo(() => memberColumns(false, personLinks), [personLinks]);
  const externalColumns = useMemo(() => memberColumns(true, personLinks), [personLinks]);
  const sumFte = (members: TeamMember[]) => members.reduce((total, m) => total + m.fte, 0);
  return (
    <section aria-labelledby="samenstelling">
      <Heading level={2} id="samenstelling">
        Samenstelling
      </Heading>
      <Paragraph className="kwm-composition-summary" data-testid="composition-summary">
        {formatCount(team.members.length)} {team.members.length === 1 ? "persoon" : "personen"}:{" "}
        {formatCount(internal.length)} intern ({formatFte(sumFte(internal))} fte) en {formatCount(external.length)}{" "}
        extern ({formatFte(sumFte(external))} fte).
      </Paragraph>
      <Heading level={3} id="intern">
        Interne medewerkers ({formatCount(internal.length)})
      </Heading>
      <DataTable
        caption="Interne medewerkers"
        captionHidden
        columns={internalColumns}
        data={internal}
        rowKey={(m) => m.id}
        empty="Er werken geen eigen medewerkers in deze eenheid."
      />
      <Heading level={3} id="extern">
        Externe medewerkers ({formatCount(external.length)})
      </Heading>
      <DataTable
        caption="Externe medewerkers"
        captionHidden
        columns={externalColumns}
        data={external}
        rowKey={(m) => m.id}
        empty="Er werken geen externen in deze eenheid."
      />
    </section>
  );
}

const positionColumns = (() => {
  const helper = columnHelper<Position>();
  return helper.columns([
    helper.accessor("function_name", {
      header: "Functie",
      meta: { rowHeader: true },
      cell: (info) => `${info.getValue()} (${info.row.original.function_code})`,
    }),
    helper.accessor("level", { header: "Niveau", cell: (info) => info.getValue() || "–" }),
    helper.accessor("kind", { header: "Soort", cell: (info) => label(positionKindLabels, info.getValue()) }),
    helper.accessor("end_date", { header: "Einddatum", cell: (info) => formatDate(info.getValue()) }),
    helper.accessor("fte", { header: "fte", meta: { numeric: true }, cell: (info) => formatFte(info.getValue()) }),
  ]);
})();

function AggregateComposition({ team }: { team: Team }) {
  const { people, externals } = team.formation;
  return (
    <section aria-labelledby="samenstelling">
      <Heading level={2} id="samenstelling">
        Samenstelling
      </Heading>
      <Paragraph className="kwm-composition-summary" data-testid="composition-summary">
        {formatCount(people)} {people === 1 ? "persoon" : "personen"}: {formatCount(people - externals)} intern en{" "}
        {formatCount(externals)} extern.
      </Paragraph>
      <Paragraph className="kwm-hint">
        De ondernemingsraad ziet alleen totalen, geen gegevens van afzonderlijke personen.
      </Paragraph>
    </section>
  );
}

const contractColumns = (() => {
  const helper = columnHelper<TeamMember>();
  return helper.columns([
    helper.accessor("name", { header: "Naam", meta: { rowHeader: true } }),
    helper.accessor("function_name", {
      header: "Functie",
      cell: (info) => [info.getValue(), info.row.original.level].filter(Boolean).join(", ") || "–",
    }),
    helper.accessor("contract_end", { header: "Contract tot en met", cell: (info) => formatDate(info.getValue()) }),
    helper.accessor("fte", { header: "fte", meta: { numeric: true }, cell: (info) => formatFte(info.getValue()) }),
  ]);
})();

function ExpiringSection({ team, showContracts }: { team: Team; showContracts: boolean }) {
  const positions = team.expiring_positions.length;
  const contracts = showContracts ? team.expiring_contracts.length : 0;
  return (
    <section aria-labelledby="aflopend">
      <Heading level={2} id="aflopend">
        Loopt binnen 6 maanden af
      </Heading>
      {positions + contracts > 0 && (
        <Alert type="warning">
          <Paragraph>
            {[
              positions > 0 &&
                (positions === 1
                  ? "1 tijdelijke formatieplaats"
                  : `${formatCount(positions)} tijdelijke formatieplaatsen`),
              contracts > 0 &&
                (contracts === 1 ? "1 tijdelijk contract" : `${formatCount(contracts)} tijdelijke contracten`),
            ]
              .filter(Boolean)
              .join(" en ")}{" "}
            {positions + contracts === 1 ? "loopt" : "lopen"} binnen zes maanden af of{" "}
            {positions + contracts === 1 ? "is" : "zijn"} al afgelopen.
          </Paragraph>
        </Alert>
      )}
      <Heading level={3} id="aflopende-formatieplaatsen">
        Tijdelijke formatieplaatsen
      </Heading>
      <DataTable
        caption="Tijdelijke formatieplaatsen die binnen 6 maanden aflopen"
        captionHidden
        columns={positionColumns}
        data={team.expiring_positions}
        rowKey={(p) => p.id}
        empty="Er lopen in de komende zes maanden geen tijdelijke formatieplaatsen af."
      />
      {showContracts && (
        <>
          <Heading level={3} id="aflopende-contracten">
            Tijdelijke contracten
          </Heading>
          <DataTable
            caption="Tijdelijke contracten die binnen 6 maanden aflopen"
            captionHidden
            columns={contractColumns}
            data={team.expiring_contracts}
            rowKey={(m) => m.id}
            empty="Er lopen in de komende zes maanden geen tijdelijke contracten af."
          />
        </>
      )}
    </section>
  );
}

function PositionsSection({ team }: { team: Team }) {
  return (
    <section aria-labelledby="formatieplaatsen">
      <Heading level={2} id="formatieplaatsen">
        Formatieplaatsen ({formatCount(team.positions.length)})
      </Heading>
      <DataTable
        caption="Formatieplaatsen van deze eenheid"
        captionHidden
        columns={positionColumns}
        data={team.positions}
        rowKey={(p) => p.id}
        empty="Deze eenheid heeft geen eigen formatieplaatsen."
      />
    </section>
  );
}

type ChildUnit = UnitDetail["children"][number];

const childColumns = (() => {
  const helper = columnHelper<ChildUnit>();
  return helper.columns([
    helper.accessor("name", {
      header: "Eenheid",
      meta: { rowHeader: true },
      cell: (info) => <Link href={unitPath(info.row.original.id)}>{info.getValue()}</Link>,
    }),
    helper.accessor("kind", { header: "Soort", cell: (info) => label(unitKindLabels, info.getValue()) }),
    helper.accessor((unit) => unit.total.budgeted_fte, {
      id: "budgeted",
      header: "Begroot (fte)",
      meta: { numeric: true },
      cell: (info) => formatFte(info.getValue()),
    }),
    helper.accessor((unit) => unit.total.filled_fte, {
      id: "filled",
      header: "Bezet (fte)",
      meta: { numeric: true },
      cell: (info) => formatFte(info.getValue()),
    }),
    helper.accessor((unit) => unit.total.vacant_fte, {
      id: "vacant",
      header: "Vacant (fte)",
      meta: { numeric: true },
      cell: (info) => formatFte(info.getValue()),
    }),
  ]);
})();

function ChildrenSection({ unit }: { unit: UnitDetail }) {
  if (unit.children.length === 0) return null;
  return (
    <section aria-labelledby="onderliggend">
      <Heading level={2} id="onderliggend">
        Onderliggende eenheden
      </Heading>
      <Paragraph className="kwm-hint">De cijfers tellen ook de eenheden onder deze eenheden mee.</Paragraph>
      <DataTable
        caption="Onderliggende eenheden"
        captionHidden
        columns={childColumns}
        data={unit.children}
        rowKey={(child) => child.id}
        empty=""
      />
    </section>
  );
}
