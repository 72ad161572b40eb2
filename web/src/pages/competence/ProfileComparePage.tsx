import {
  Alert,
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
import { educationLabels, formatCount, formatShare, label } from "../../format";
import { useLocation } from "../../router";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formatChange,
  formatLevel,
  matchLabels,
  type ProfileComparison,
  type RequirementDifference,
  type RequirementSide,
} from "./model";
import { Breadcrumbs } from "./shared";

const side = (value: RequirementSide | null) =>
  value ? `${formatLevel(value.required)}${value.critical ? " (kritiek)" : ""}` : "Niet gevraagd";

function differenceKind(d: RequirementDifference): string {
  if (!d.from) return "Nieuw";
  if (!d.to) return "Vervalt";
  if (d.level_change > 0) return "Hoger niveau";
  if (d.level_change < 0) return "Lager niveau";
  return d.to.critical ? "Wordt kritiek" : "Niet meer kritiek";
}

/** Two profiles side by side: overlap, the proposed match and every requirement that differs. */
export function ProfileComparePage() {
  const location = useLocation();
  const from = location.search.get("van") ?? "";
  const to = location.search.get("naar") ?? "";
  const comparison = useApi<ProfileComparison>(from && to ? `/profiles/compare${query({ from, to })}` : null);
  const data = comparison.data;
  const title = data
    ? `${data.from.function_name}, ${data.from.level} vergeleken met ${data.to.function_name}, ${data.to.level}`
    : "Profielen vergelijken";
  usePageTitle("Profielen vergelijken");
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/profielen", label: "Functieprofielen" },
          { label: "Vergelijken" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {(!from || !to) && (
        <Paragraph>
          Kies twee functieniveaus op de pagina <Link href="/competenties/profielen">Functieprofielen</Link>.
        </Paragraph>
      )}
      {comparison.loading && <Loading what="Vergelijking" />}
      {comparison.error && <LoadError error={comparison.error} />}
      {data && (
        <>
          <section aria-labelledby="uitkomst">
            <Heading level={2} id="uitkomst">
              Uitkomst
            </Heading>
            <DataList
              items={[
                { key: "Overlap", value: `${formatShare(data.overlap)} (${formatCount(data.shared)} gedeelde eisen)` },
                { key: "Voorstel", value: <strong>{matchLabels[data.match]}</strong> },
                {
                  key: "Opleidingsniveau",
                  value: `${label(educationLabels, data.from.education_level)} → ${label(educationLabels, data.to.education_level)}`,
                },
              ]}
            />
            <Alert type="info">
              <Paragraph>Dit is een voorstel met redenen; een mens beslist.</Paragraph>
              <ul>
                {data.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </Alert>
          </section>
          <section aria-labelledby="verschillen">
            <Heading level={2} id="verschillen">
              Verschillen ({formatCount(data.differences.length)})
            </Heading>
            {data.differences.length === 0 ? (
              <Paragraph className="kwm-empty">De profielen vragen precies hetzelfde.</Paragraph>
            ) : (
              <TableContainer label="Verschillen tussen de profielen">
                <Table>
                  <TableCaption className="kwm-visually-hidden">Verschillen tussen de profielen</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Competentie</TableHeaderCell>
                      <TableHeaderCell>Verschil</TableHeaderCell>
                      <TableHeaderCell>
                        {data.from.function_name}, {data.from.level}
                      </TableHeaderCell>
                      <TableHeaderCell>
                        {data.to.function_name}, {data.to.level}
                      </TableHeaderCell>
                      <TableHeaderCell numeric>Verandering</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.differences.map((d) => (
                      <TableRow key={d.competency_code}>
                        <TableHeaderCell scope="row">{d.name}</TableHeaderCell>
                        <TableCell>{differenceKind(d)}</TableCell>
                        <TableCell>{side(d.from)}</TableCell>
                        <TableCell>{side(d.to)}</TableCell>
                        <TableCell numeric>{formatChange(d.level_change)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
            {data.differences.length > 0 && (
              <DownloadTable
                what="de verschillen tussen de profielen"
                table={{
                  name: `vergelijking-${from}-${to}`.replace(/\//g, "_"),
                  header: [
                    "Competentie",
                    "Code",
                    "Verschil",
                    "Vereist (van)",
                    "Kritiek (van)",
                    "Vereist (naar)",
                    "Kritiek (naar)",
                    "Verandering",
                  ],
                  rows: data.differences.map((d) => [
                    d.name,
                    d.competency_code,
                    differenceKind(d),
                    d.from?.required ?? null,
                    d.from ? (d.from.critical ? "ja" : "nee") : null,
                    d.to?.required ?? null,
                    d.to ? (d.to.critical ? "ja" : "nee") : null,
                    d.level_change,
                  ]),
                }}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
