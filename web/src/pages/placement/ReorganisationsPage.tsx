import { useState, type FormEvent } from "react";
import { Button, DataTable, Heading, Link, LoadError, Loading, Paragraph, columnHelper } from "../../components";
import { ButtonLink } from "../../components/ButtonLink";
import { formatCount, formatDate } from "../../format";
import { navigate } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { REORGANISATIONS_PATH } from "../../paths";
import { usePageTitle } from "../usePageTitle";
import { GeneralFields, generalBody, validateGeneral, type GeneralDraft } from "./GeneralFields";
import { reorganisationStatusLabels } from "./labels";
import { FormErrorSummary, StatusBadge, isHr, reorganisationPath, today, useSubmission } from "./shared";
import { isFull, type Items, type Reorganisation, type ReorganisationHeadline } from "./types";

const hrColumns = (() => {
  const helper = columnHelper<Reorganisation>();
  return helper.columns([
    helper.accessor("name", {
      header: "Reorganisatie",
      meta: { rowHeader: true },
      cell: (info) => <Link href={reorganisationPath(info.row.original.id)}>{info.getValue()}</Link>,
    }),
    helper.accessor("code", { header: "Code" }),
    helper.accessor("status", {
      header: "Status",
      cell: (info) => (
        <StatusBadge tone={info.getValue() === "confirmed" ? "done" : "open"}>
          {reorganisationStatusLabels[info.getValue()]}
        </StatusBadge>
      ),
    }),
    helper.accessor((r) => `${r.old_unit.name} → ${r.new_unit.name}`, { id: "formation", header: "Oud → nieuw" }),
    helper.accessor("preference_deadline", {
      header: "Deadline voorkeuren",
      cell: (info) => formatDate(info.getValue()),
    }),
    helper.accessor((r) => r.responded, {
      id: "responded",
      header: "Voorkeuren opgegeven",
      meta: { numeric: true },
      cell: (info) => `${formatCount(info.getValue())} van ${formatCount(info.row.original.employees)}`,
    }),
    helper.accessor("effective_date", { header: "Ingangsdatum", cell: (info) => formatDate(info.getValue()) }),
  ]);
})();

const headlineColumns = (() => {
  const helper = columnHelper<ReorganisationHeadline>();
  return helper.columns([
    helper.accessor("name", {
      header: "Reorganisatie",
      meta: { rowHeader: true },
      cell: (info) => <Link href={reorganisationPath(info.row.original.id)}>{info.getValue()}</Link>,
    }),
    helper.accessor("code", { header: "Code" }),
    helper.accessor("status", {
      header: "Status",
      cell: (info) => reorganisationStatusLabels[info.getValue()],
    }),
    helper.accessor("preference_deadline", {
      header: "Deadline voorkeuren",
      cell: (info) => formatDate(info.getValue()),
    }),
    helper.accessor("effective_date", { header: "Ingangsdatum", cell: (info) => formatDate(info.getValue()) }),
  ]);
})();

export function ReorganisationsPage() {
  const { user } = useSession();
  usePageTitle(user.role === "employee" ? "Mijn reorganisatie" : "Reorganisaties");
  const list = useApi<Items<ReorganisationHeadline>>("/reorganisations");
  const hr = isHr(user.role);

  if (user.role === "employee")
    return <EmployeeReorganisations list={list.data?.items} loading={list.loading} error={list.error} />;

  const full = (list.data?.items ?? []).filter(isFull);
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Reorganisaties
      </Heading>
      <Paragraph lead>
        Een reorganisatie plaatst de medewerkers van een oude formatie in de nieuwe formatie, in de rondes van het
        sociaal plan. De software doet een voorstel en legt het uit; een medewerker van HR beslist.
      </Paragraph>
      {user.role === "works_council" && (
        <Paragraph className="kwm-hint">
          De ondernemingsraad ziet alleen totalen, geen gegevens van afzonderlijke personen.
        </Paragraph>
      )}
      {hr && (
        <Paragraph>
          <ButtonLink href={`${REORGANISATIONS_PATH}/nieuw`} appearance="primary">
            Nieuwe reorganisatie
          </ButtonLink>
        </Paragraph>
      )}
      {list.loading && !list.data && <Loading what="Reorganisaties" />}
      {list.error && <LoadError error={list.error} />}
      {list.data &&
        (hr ? (
          <DataTable
            caption="Reorganisaties"
            captionHidden
            columns={hrColumns}
            data={full}
            rowKey={(r) => r.id}
            empty="Er zijn nog geen reorganisaties."
          />
        ) : (
          <DataTable
            caption="Reorganisaties"
            captionHidden
            columns={headlineColumns}
            data={list.data.items}
            rowKey={(r) => r.id}
            empty="Er zijn nog geen reorganisaties."
          />
        ))}
    </>
  );
}

function EmployeeReorganisations({
  list,
  loading,
  error,
}: {
  list: ReorganisationHeadline[] | undefined;
  loading: boolean;
  error: ReturnType<typeof useApi>["error"];
}) {
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Mijn reorganisatie
      </Heading>
      <Paragraph lead>
        Valt u onder een reorganisatie, dan geeft u hier uw voorkeuren voor de nieuwe functies op. Na de bevestiging
        door HR leest u hier waar u geplaatst bent en waarom.
      </Paragraph>
      {loading && !list && <Loading what="Reorganisaties" />}
      {error && <LoadError error={error} />}
      {list && list.length === 0 && (
        <Paragraph className="kwm-empty">U valt op dit moment niet onder een reorganisatie.</Paragraph>
      )}
      {list?.map((reorganisation) => {
        const confirmed = reorganisation.status === "confirmed";
        const open = !confirmed && reorganisation.preference_deadline >= today();
        return (
          <section key={reorganisation.id} className="kwm-pl-card" aria-labelledby={`reorg-${reorganisation.id}`}>
            <Heading level={2} id={`reorg-${reorganisation.id}`}>
              {reorganisation.name}
            </Heading>
            <Paragraph>
              {confirmed
                ? "De uitkomst is bevestigd."
                : open
                  ? `U kunt tot en met ${formatDate(reorganisation.preference_deadline)} ${reorganisation.max_preferences === 1 ? "één voorkeur" : `${reorganisation.max_preferences} voorkeuren`} opgeven.`
                  : `De deadline voor voorkeuren (${formatDate(reorganisation.preference_deadline)}) is verstreken. HR werkt aan de plaatsing.`}{" "}
              De nieuwe formatie gaat in op {formatDate(reorganisation.effective_date)}.
            </Paragraph>
            <ul className="kwm-pl-link-list">
              <li>
                <Link href={reorganisationPath(reorganisation.id, "mijn-voorkeuren")}>
                  {open ? "Mijn voorkeuren opgeven" : "Mijn voorkeuren bekijken"}
                </Link>
              </li>
              {confirmed && (
                <li>
                  <Link href={reorganisationPath(reorganisation.id, "mijn-uitkomst")}>
                    Mijn uitkomst en uitleg lezen
                  </Link>
                </li>
              )}
            </ul>
          </section>
        );
      })}
    </>
  );
}

const emptyDraft: GeneralDraft = {
  code: "",
  name: "",
  old_unit_id: "",
  new_unit_id: "",
  preference_deadline: "",
  effective_date: "",
  max_preferences: "3",
  assessment_round: "",
};

export function NewReorganisationPage() {
  usePageTitle("Nieuwe reorganisatie");
  const [draft, setDraft] = useState<GeneralDraft>(emptyDraft);
  const submission = useSubmission();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!submission.setClientErrors(validateGeneral(draft, true))) return;
    const created = await submission.submit<Reorganisation>("POST", "/reorganisations", generalBody(draft));
    if (created) navigate(reorganisationPath(created.id));
  };

  return (
    <>
      <Paragraph className="kwm-pl-back">
        <Link href={REORGANISATIONS_PATH}>Alle reorganisaties</Link>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        Nieuwe reorganisatie
      </Heading>
      <Paragraph lead>
        Kies de oude en de nieuwe formatie en de deadline voor de voorkeuren. Rondes, weging en voorrangsregels staan op
        de standaard van het sociaal plan; die past u daarna aan onder Instellingen.
      </Paragraph>
      <FormErrorSummary submission={submission} title="De reorganisatie is niet aangemaakt" />
      <form className="utrecht-form kwm-form" onSubmit={submit} noValidate aria-label="Nieuwe reorganisatie">
        <GeneralFields draft={draft} onChange={setDraft} errors={submission.fieldErrors} codeEditable />
        <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
          Reorganisatie aanmaken
        </Button>
      </form>
    </>
  );
}
