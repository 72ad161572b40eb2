import { request } from "../../api/client";
import { Heading, LoadError, Loading, Paragraph } from "../../components";
import { formatDate } from "../../format";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { roundPath, sourceLabels, type RatingFormData, type RatingSource } from "./model";
import { RatingForm } from "./RatingForm";
import { Breadcrumbs, PurposeBanner } from "./shared";

const headings: Record<RatingSource, string> = {
  self: "Zelfbeoordeling van",
  manager: "Beoordeling door de leidinggevende van",
  external: "Extern assessment van",
  peer: "Beoordeling door collega's van",
};

/** A manager's or external assessor's form for one person (GET/PUT …/forms/{personnel_number}/{source}). */
export function RatingFormPage({
  code,
  personnelNumber,
  source,
}: {
  code: string;
  personnelNumber: string;
  source: string;
}) {
  const known = (["self", "manager", "external", "peer"] as string[]).includes(source);
  const path = `/assessment-rounds/${encodeURIComponent(code)}/forms/${encodeURIComponent(personnelNumber)}/${source}`;
  const form = useApi<RatingFormData>(known ? path : null);
  const rating = source as RatingSource;
  const title = form.data ? `${headings[form.data.source]} ${form.data.person.name}` : "Beoordeling";
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { href: roundPath(code), label: form.data?.round.name ?? code },
          { label: known ? sourceLabels[rating] : "Beoordeling" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {!known && <Paragraph>Onbekende bron: kies zelfbeoordeling, leidinggevende of extern assessor.</Paragraph>}
      {form.loading && !form.data && <Loading what="Formulier" />}
      {form.error && <LoadError error={form.error} />}
      {form.data && (
        <>
          <PurposeBanner purpose={form.data.round.purpose} text={form.data.round.purpose_text} />
          <Paragraph>
            {form.data.person.name} ({form.data.person.personnel_number}), {form.data.person.function_code}{" "}
            {form.data.person.level}. Vul in vóór <strong>{formatDate(form.data.round.deadline)}</strong>.
          </Paragraph>
          <RatingForm
            form={form.data}
            subject={`de beoordeling van ${form.data.person.name}`}
            save={(scores) => request<RatingFormData>("PUT", path, { body: { scores } })}
          />
        </>
      )}
    </>
  );
}
