import { useMemo, useState } from "react";
import { SelectField } from "../../components/Fields";
import { FilterForm } from "../../components/FilterForm";
import { query } from "../../api/client";
import { DataTable, Heading, Link, LoadError, Loading, Paragraph, columnHelper } from "../../components";
import { ExportLinks } from "../../components/ExportLinks";
import { educationLabels, formatCount, label } from "../../format";
import { navigate } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { profileKey, profilePath, type ProfileSummary } from "./model";
import { Breadcrumbs, mayWrite } from "./shared";

function profileColumns(writer: boolean) {
  const helper = columnHelper<ProfileSummary>();
  return helper.columns([
    helper.accessor("function_name", {
      header: "Functie",
      meta: { rowHeader: true },
      cell: (info) => {
        const row = info.row.original;
        return (
          <Link href={profilePath(row.function_code, row.level)}>
            {row.function_name}, {row.level}
            <span className="kwm-visually-hidden"> {writer ? "bewerken" : "bekijken"}</span>
          </Link>
        );
      },
    }),
    helper.accessor("function_code", {
      header: "Code",
      cell: (info) => <span className="kwm-code">{info.getValue()}</span>,
    }),
    helper.accessor("education_level", {
      header: "Opleiding",
      cell: (info) => label(educationLabels, info.getValue()),
    }),
    helper.accessor("competencies", { header: "Competenties", meta: { numeric: true } }),
    helper.accessor("knowledge_areas", { header: "Kennisgebieden", meta: { numeric: true } }),
    helper.accessor("critical", { header: "Waarvan kritiek", meta: { numeric: true } }),
  ]);
}

/** Every function level with its profile; the start of the profile editor, comparisons and career paths. */
export function ProfilesPage() {
  usePageTitle("Functieprofielen");
  const { user } = useSession();
  const writer = mayWrite(user);
  const profiles = useApi<{ items: ProfileSummary[] }>("/profiles");
  const columns = useMemo(() => profileColumns(writer), [writer]);
  const items = profiles.data?.items ?? [];
  const filled = items.filter((p) => p.competencies + p.knowledge_areas > 0).length;
  return (
    <>
      <Breadcrumbs items={[{ href: "/competenties", label: "Competenties" }, { label: "Functieprofielen" }]} />
      <Heading level={1} tabIndex={-1}>
        Functieprofielen
      </Heading>
      <Paragraph lead>
        Per functieniveau: welke competenties en kennisgebieden nodig zijn, op welk niveau, welke kritiek zijn en welk
        opleidingsniveau de functie vraagt.
      </Paragraph>
      {profiles.loading && <Loading what="Functieprofielen" />}
      {profiles.error && <LoadError error={profiles.error} />}
      {profiles.data && (
        <>
          <CompareForm profiles={items} />
          <CareerPathForm profiles={items} />
          <section aria-labelledby="alle-profielen">
            <Heading level={2} id="alle-profielen">
              Alle functieniveaus ({formatCount(items.length)}, waarvan {formatCount(filled)} met een profiel)
            </Heading>
            <DataTable
              caption="Functieniveaus en hun profiel"
              captionHidden
              columns={columns}
              data={items}
              rowKey={(p) => profileKey(p.function_code, p.level)}
              empty="Er zijn nog geen functies. Importeer eerst functies."
            />
            <ExportLinks path="/profiles" what="het overzicht van de functieprofielen" />
            {writer && (
              <>
                <Paragraph className="kwm-hint">
                  Alle eisen van alle profielen in het importformaat (function_code, level, competency_code, required,
                  critical):
                </Paragraph>
                <ExportLinks path="/export/profiles" what="alle eisen in het importformaat" />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

function ProfileSelect({
  id,
  labelText,
  profiles,
  value,
  onChange,
}: {
  id: string;
  labelText: string;
  profiles: ProfileSummary[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField id={id} label={labelText} value={value} onChange={onChange}>
      <option value="">Kies een functieniveau</option>
      {profiles.map((p) => (
        <option key={profileKey(p.function_code, p.level)} value={profileKey(p.function_code, p.level)}>
          {p.function_name}, {p.level} ({p.function_code})
          {p.competencies + p.knowledge_areas === 0 ? " – nog geen profiel" : ""}
        </option>
      ))}
    </SelectField>
  );
}

function CompareForm({ profiles }: { profiles: ProfileSummary[] }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string>();
  const submit = () => {
    if (!from || !to) {
      setError("Kies twee functieniveaus om te vergelijken.");
      return;
    }
    setError(undefined);
    navigate(`/competenties/profielen/vergelijken${query({ van: from, naar: to })}`);
  };
  return (
    <section aria-labelledby="vergelijken">
      <Heading level={2} id="vergelijken">
        Twee profielen vergelijken
      </Heading>
      <FilterForm label="Twee profielen vergelijken" submitLabel="Vergelijken" onSubmit={submit}>
        <ProfileSelect
          id="compare-from"
          labelText="Van (bijvoorbeeld de oude functie)"
          profiles={profiles}
          value={from}
          onChange={setFrom}
        />
        <ProfileSelect
          id="compare-to"
          labelText="Naar (bijvoorbeeld de nieuwe functie)"
          profiles={profiles}
          value={to}
          onChange={setTo}
        />
      </FilterForm>
      {error && (
        <p className="utrecht-paragraph kwm-inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function CareerPathForm({ profiles }: { profiles: ProfileSummary[] }) {
  // Only functions with more than one level have a path to show.
  const functions = useMemo(() => {
    const byCode = new Map<string, { name: string; levels: number }>();
    for (const p of profiles) {
      const entry = byCode.get(p.function_code) ?? { name: p.function_name, levels: 0 };
      entry.levels += 1;
      byCode.set(p.function_code, entry);
    }
    return [...byCode.entries()].filter(([, f]) => f.levels > 1);
  }, [profiles]);
  const [chosen, setChosen] = useState("");
  if (functions.length === 0) return null;
  const submit = () => {
    navigate(`/competenties/loopbaanpad${query({ functie: chosen || functions[0][0] })}`);
  };
  return (
    <section aria-labelledby="loopbaanpad">
      <Heading level={2} id="loopbaanpad">
        Loopbaanpad
      </Heading>
      <Paragraph>Wat verschilt er tussen de niveaus van één functie, zoals casemanager, senior en expert?</Paragraph>
      <FilterForm label="Loopbaanpad bekijken" submitLabel="Loopbaanpad bekijken" onSubmit={submit}>
        <SelectField id="career-function" label="Functie" value={chosen || functions[0][0]} onChange={setChosen}>
          {functions.map(([code, f]) => (
            <option key={code} value={code}>
              {f.name} ({formatCount(f.levels)} niveaus)
            </option>
          ))}
        </SelectField>
      </FilterForm>
    </section>
  );
}
