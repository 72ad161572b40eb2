import type { Person } from "../api/types";
import { PEOPLE_PATH, unitPath } from "../paths";
import { DataList, Heading, Link, LoadError, Loading, Paragraph } from "../components";
import type { DataListItem } from "../components/Layout";
import { contractLabels, educationLabels, engagementLabels, formatDate, formatFte, label } from "../format";
import { mayOpen, useSession } from "../session";
import { useApi } from "../useApi";
import { usePageTitle } from "./usePageTitle";

export function PersonPage({ personId }: { personId: string }) {
  const { user } = useSession();
  const validId = /^\d+$/.test(personId);
  const person = useApi<Person>(validId ? `/people/${personId}` : null);
  const own = user.person_id !== null && String(user.person_id) === personId;
  usePageTitle(own ? "Mijn gegevens" : (person.data?.name ?? "Medewerker"));

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        {own ? "Mijn gegevens" : (person.data?.name ?? "Medewerker")}
      </Heading>
      {!validId && <Paragraph>Dit adres verwijst niet naar een medewerker.</Paragraph>}
      {person.loading && <Loading what="Gegevens" />}
      {person.error && <LoadError error={person.error} />}
      {person.data && <PersonDetails person={person.data} unitLinks={mayOpen(user, "team")} />}
      {own && (
        <Paragraph className="kwm-hint">
          Klopt er iets niet? Neem contact op met uw HR-adviseur. Kwartiermaker bewaart niet meer persoonsgegevens dan
          hierboven staan.
        </Paragraph>
      )}
      {mayOpen(user, "people") && (
        <Paragraph>
          <Link href={PEOPLE_PATH}>Terug naar de medewerkers</Link>
        </Paragraph>
      )}
    </>
  );
}

function PersonDetails({ person, unitLinks }: { person: Person; unitLinks: boolean }) {
  const unitName = person.unit_name ?? person.unit_code ?? "–";
  const items: DataListItem[] = [
    { key: "Naam", value: person.name },
    { key: "Personeelsnummer", value: person.personnel_number },
    {
      key: "Eenheid",
      value: person.unit_id !== null && unitLinks ? <Link href={unitPath(person.unit_id)}>{unitName}</Link> : unitName,
    },
    { key: "Dienstverband", value: label(engagementLabels, person.engagement) },
  ];
  if (person.engagement !== "employee") items.push({ key: "Organisatie", value: person.organisation || "–" });
  if (person.function_name || person.function_code)
    items.push({
      key: "Functie",
      value: [person.function_name ?? person.function_code, person.level].filter(Boolean).join(", "),
    });
  items.push({ key: "Omvang", value: `${formatFte(person.fte)} fte` });
  if (person.engagement === "employee") {
    items.push({
      key: "Contract",
      value:
        person.contract === "temporary"
          ? `Tijdelijk, tot en met ${formatDate(person.contract_end)}`
          : label(contractLabels, person.contract),
    });
    items.push({ key: "In dienst sinds", value: formatDate(person.hire_date) });
  }
  if (person.education_level)
    items.push({ key: "Opleidingsniveau", value: label(educationLabels, person.education_level) });
  return <DataList items={items} />;
}
