import {
  DataList,
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
import { query } from "../../api/client";
import { DownloadTable } from "../../components/DownloadTable";
import { educationLabels, label } from "../../format";
import { useLocation } from "../../router";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formatChange,
  formatLevel,
  type CareerPath,
  type CareerStep,
  type Profile,
  type RequirementDifference,
} from "./model";
import { Breadcrumbs } from "./shared";

const groups: {
  key: keyof Omit<CareerStep, "from_level" | "to_level" | "from_education" | "to_education">;
  title: string;
}[] = [
  { key: "added", title: "Komt erbij" },
  { key: "raised", title: "Hoger niveau" },
  { key: "became_critical", title: "Wordt kritiek" },
  { key: "lowered", title: "Lager niveau" },
  { key: "no_longer_critical", title: "Niet meer kritiek" },
  { key: "removed", title: "Vervalt" },
];

function describe(d: RequirementDifference): string {
  const from = d.from ? formatLevel(d.from.required) : "–";
  const to = d.to ? formatLevel(d.to.required) : "–";
  return `${d.name}: ${from} → ${to}${d.level_change ? ` (${formatChange(d.level_change)})` : ""}`;
}

/** What differs between the levels of one function, step by step, plus every level's requirements side by side. */
export function CareerPathPage() {
  const location = useLocation();
  const fn = location.search.get("functie") ?? "";
  const path = useApi<CareerPath>(fn ? `/profiles/career-path${query({ function: fn })}` : null);
  const data = path.data;
  usePageTitle("Loopbaanpad");
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/profielen", label: "Functieprofielen" },
          { label: "Loopbaanpad" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Loopbaanpad {data?.profiles?.[0]?.function_name ?? fn}
      </Heading>
      {!fn && (
        <Paragraph>
          Kies een functie op de pagina <Link href="/competenties/profielen">Functieprofielen</Link>.
        </Paragraph>
      )}
      {path.loading && <Loading what="Loopbaanpad" />}
      {path.error && <LoadError error={path.error} />}
      {data && (
        <>
          <Paragraph lead>Niveaus: {data.levels.join(" → ")}</Paragraph>
          {data.profiles && <LevelsTable profiles={data.profiles} />}
          {data.steps.map((step) => (
            <section
              key={`${step.from_level}-${step.to_level}`}
              aria-labelledby={`stap-${step.from_level}-${step.to_level}`}
            >
              <Heading level={2} id={`stap-${step.from_level}-${step.to_level}`}>
                Van {step.from_level} naar {step.to_level}
              </Heading>
              <DataList
                items={[
                  {
                    key: "Opleidingsniveau",
                    value: `${label(educationLabels, step.from_education)} → ${label(educationLabels, step.to_education)}`,
                  },
                  ...groups
                    .filter((g) => step[g.key].length > 0)
                    .map((g) => ({
                      key: g.title,
                      value: (
                        <ul className="kwm-plain-list">
                          {step[g.key].map((d) => (
                            <li key={d.competency_code}>{describe(d)}</li>
                          ))}
                        </ul>
                      ),
                    })),
                ]}
              />
              {groups.every((g) => step[g.key].length === 0) && (
                <Paragraph className="kwm-empty">
                  Deze niveaus vragen dezelfde competenties op hetzelfde niveau.
                </Paragraph>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}

const requirementOf = (profile: Profile, code: string) =>
  [...profile.competencies, ...profile.knowledge_areas].find((r) => r.competency_code === code);

function LevelsTable({ profiles }: { profiles: Profile[] }) {
  const rows = new Map<string, string>();
  for (const p of profiles)
    for (const r of [...p.competencies, ...p.knowledge_areas]) rows.set(r.competency_code, r.name);
  if (rows.size === 0) return null;
  const file = {
    name: `loopbaanpad-${profiles[0].function_code}`,
    header: ["Competentie", "Code", ...profiles.flatMap((p) => [`Vereist ${p.level}`, `Kritiek ${p.level}`])],
    rows: [...rows.entries()].map(([code, name]) => [
      name,
      code,
      ...profiles.flatMap((p) => {
        const r = requirementOf(p, code);
        return r ? [r.required, r.critical ? "ja" : "nee"] : [null, null];
      }),
    ]),
  };
  return (
    <section aria-labelledby="overzicht-niveaus">
      <Heading level={2} id="overzicht-niveaus">
        Eisen per niveau
      </Heading>
      <TableContainer label="Eisen per niveau">
        <Table>
          <TableCaption className="kwm-visually-hidden">Vereist niveau per competentie en functieniveau</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Competentie</TableHeaderCell>
              {profiles.map((p) => (
                <TableHeaderCell key={p.level} numeric>
                  {p.level}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...rows.entries()].map(([code, name]) => (
              <TableRow key={code}>
                <TableHeaderCell scope="row">{name}</TableHeaderCell>
                {profiles.map((p) => {
                  const r = requirementOf(p, code);
                  return (
                    <TableCell key={p.level} numeric>
                      {r ? `${formatLevel(r.required)}${r.critical ? " (kritiek)" : ""}` : "–"}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <DownloadTable table={file} what="de eisen per niveau" />
    </section>
  );
}
