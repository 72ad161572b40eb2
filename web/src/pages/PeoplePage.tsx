import { useEffect, useMemo, useState } from "react";
import { PEOPLE_PATH, personPath, unitPath } from "../paths";
import { DateField, InputField, LabelOptions, SelectField } from "../components/Fields";
import { FilterForm } from "../components/FilterForm";
import { UnitField } from "../components/UnitFilter";
import { useUnitOptions } from "../hooks/useUnitOptions";
import { query } from "../api/client";
import type { Page, Person } from "../api/types";
import {
  Button,
  DataTable,
  Heading,
  Link,
  LoadError,
  Loading,
  Pagination,
  Paragraph,
  columnHelper,
} from "../components";
import { contractLabels, engagementLabels, formatCount, formatDate, formatFte, label } from "../format";

import { navigate, useLocation } from "../router";
import { mayOpen, useSession } from "../session";
import { useApi } from "../useApi";
import { usePageTitle } from "./usePageTitle";

const PAGE_SIZE = 25;

interface Filters {
  q: string;
  unit_id: string;
  engagement: string;
  contract: string;
  contract_end_before: string;
}

/** The Dutch name of each filter in the page's address; the API's query keeps the English one. */
const addressNames: Record<keyof Filters, string> = {
  q: "zoek",
  unit_id: "eenheid",
  engagement: "dienstverband",
  contract: "contract",
  contract_end_before: "contract_eindigt_voor",
};
const filterKeys = Object.keys(addressNames) as (keyof Filters)[];

function filtersFrom(search: URLSearchParams): Filters {
  const filters: Filters = { q: "", unit_id: "", engagement: "", contract: "", contract_end_before: "" };
  for (const key of filterKeys) filters[key] = search.get(addressNames[key]) ?? "";
  return filters;
}

function pageFrom(search: URLSearchParams): number {
  const page = Number(search.get("pagina"));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

const peoplePath = (filters: Filters, page: number) =>
  `${PEOPLE_PATH}${query({
    ...Object.fromEntries(filterKeys.map((key) => [addressNames[key], filters[key]])),
    pagina: page > 1 ? page : null,
  })}`;

// Unit links only for roles that may open a team page (an external organisation may not).
function peopleColumns(unitLinks: boolean) {
  const helper = columnHelper<Person>();
  return helper.columns([
    helper.accessor("name", {
      header: "Naam",
      meta: { rowHeader: true },
      cell: (info) => <Link href={personPath(info.row.original.id)}>{info.getValue()}</Link>,
    }),
    helper.accessor("personnel_number", { header: "Nummer" }),
    helper.accessor("unit_name", {
      header: "Eenheid",
      cell: (info) => {
        const person = info.row.original;
        const unitName = info.getValue() ?? person.unit_code ?? "–";
        return person.unit_id !== null && unitLinks ? (
          <Link href={unitPath(person.unit_id)}>{unitName}</Link>
        ) : (
          unitName
        );
      },
    }),
    helper.accessor("function_name", {
      header: "Functie",
      cell: (info) => [info.getValue(), info.row.original.level].filter(Boolean).join(", ") || "–",
    }),
    helper.accessor("engagement", {
      header: "Dienstverband",
      cell: (info) => label(engagementLabels, info.getValue()),
    }),
    helper.accessor("contract", {
      header: "Contract of organisatie",
      cell: (info) => {
        const person = info.row.original;
        if (person.engagement !== "employee") return person.organisation || "–";
        if (person.contract === "temporary") return `Tijdelijk tot ${formatDate(person.contract_end)}`;
        return label(contractLabels, info.getValue());
      },
    }),
    helper.accessor("fte", { header: "fte", meta: { numeric: true }, cell: (info) => formatFte(info.getValue()) }),
  ]);
}

export function PeoplePage() {
  usePageTitle("Medewerkers");
  const { user } = useSession();
  const location = useLocation();
  const applied = filtersFrom(location.search);
  const page = pageFrom(location.search);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = location.href;

  // Back and forward change the URL; the form follows so it shows what the list shows.
  useEffect(() => setDraft(filtersFrom(new URL(appliedKey, window.location.origin).searchParams)), [appliedKey]);

  const unitLinks = mayOpen(user, "team");
  const columns = useMemo(() => peopleColumns(unitLinks), [unitLinks]);
  const people = useApi<Page<Person>>(`/people${query({ ...applied, page, page_size: PAGE_SIZE })}`);
  const { options: unitOptions } = useUnitOptions(mayOpen(user, "organisation"));

  const submit = () => navigate(peoplePath(draft, 1));
  const clear = () => navigate(PEOPLE_PATH);
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  const filtered = Object.values(applied).some(Boolean);

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Medewerkers
      </Heading>
      <Paragraph lead>Eigen medewerkers en externen, met hun eenheid, functie en contract.</Paragraph>
      <FilterForm
        search
        className="utrecht-form"
        label="Medewerkers zoeken en filteren"
        submitLabel="Zoeken"
        onSubmit={submit}
        actions={
          filtered && (
            <Button appearance="subtle" onClick={clear}>
              Filters wissen
            </Button>
          )
        }
      >
        <InputField id="people-q" label="Naam of personeelsnummer" type="search" value={draft.q} onChange={set("q")} />
        {unitOptions.length > 0 && (
          <UnitField
            id="people-unit"
            label="Eenheid (met onderliggende)"
            units={unitOptions}
            valueBy="id"
            value={draft.unit_id}
            onChange={set("unit_id")}
            emptyLabel="Alle eenheden"
          />
        )}
        <SelectField id="people-engagement" label="Dienstverband" value={draft.engagement} onChange={set("engagement")}>
          <option value="">Alle</option>
          <LabelOptions labels={engagementLabels} />
        </SelectField>
        <SelectField id="people-contract" label="Contract" value={draft.contract} onChange={set("contract")}>
          <option value="">Alle</option>
          <LabelOptions labels={contractLabels} />
        </SelectField>
        <DateField
          id="people-contract-end"
          label="Tijdelijk contract eindigt uiterlijk"
          value={draft.contract_end_before}
          onChange={set("contract_end_before")}
        />
      </FilterForm>

      <div aria-live="polite" className="kwm-result-count">
        {people.data && (
          <Paragraph>
            {people.data.total === 1
              ? "1 medewerker gevonden"
              : `${formatCount(people.data.total)} medewerkers gevonden`}
            {people.data.total > PAGE_SIZE &&
              ` (pagina ${people.data.page} van ${Math.ceil(people.data.total / PAGE_SIZE)})`}
            .
          </Paragraph>
        )}
      </div>
      {people.loading && !people.data && <Loading what="Medewerkers" />}
      {people.error && <LoadError error={people.error} />}
      {people.data && (
        <>
          <DataTable
            caption="Medewerkers"
            captionHidden
            columns={columns}
            data={people.data.items}
            rowKey={(person) => person.id}
            empty={filtered ? "Geen medewerkers gevonden die aan de filters voldoen." : "Er zijn nog geen medewerkers."}
          />
          <Pagination
            page={people.data.page}
            pageSize={people.data.page_size}
            total={people.data.total}
            hrefFor={(n) => peoplePath(applied, n)}
            label="Paginering medewerkers"
          />
        </>
      )}
    </>
  );
}
