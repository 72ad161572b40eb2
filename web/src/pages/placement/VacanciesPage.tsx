import { useState } from "react";
import { Button, DataTable, LoadError, Loading, Paragraph, columnHelper } from "../../components";
import { formatCount, formatDate, formatDateTime, formatFte } from "../../format";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { functionText, vacancyStageLabels } from "./labels";
import { FormErrorSummary, ReorganisationFrame, StatusBadge, SuccessMessage, isHr, useSubmission } from "./shared";
import type { Items, ReorganisationHeadline, Vacancy, VacancyStage } from "./types";

export function VacanciesPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Vacatures">
      {(reorganisation) => <Vacancies reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

/** Inside first, then the partner municipalities, then outside: a vacancy only moves forward. */
const NEXT_STAGE: Partial<Record<VacancyStage, VacancyStage>> = {
  internal: "partners",
  partners: "external",
};

const stageTone = (stage: VacancyStage) =>
  stage === "filled" ? "done" : stage === "withdrawn" ? "neutral" : stage === "external" ? "warning" : "open";

function Vacancies({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const { user } = useSession();
  const path = `/reorganisations/${reorganisation.id}/vacancies`;
  const vacancies = useApi<Items<Vacancy>>(path);
  const submission = useSubmission();
  const [success, setSuccess] = useState<string>();
  const editable = isHr(user.role);

  const move = async (vacancy: Vacancy, stage: VacancyStage) => {
    setSuccess(undefined);
    const saved = await submission.submit<Vacancy>("PUT", `${path}/${vacancy.id}`, { stage });
    if (saved) {
      setSuccess(
        `${functionText(saved.function_name, saved.level)} (${saved.unit_code}): nu ${vacancyStageLabels[saved.stage].toLowerCase()}.`,
      );
      vacancies.reload();
    }
  };

  const helper = columnHelper<Vacancy>();
  const columns = helper.columns([
    helper.accessor("function_name", {
      header: "Functie",
      meta: { rowHeader: true },
      cell: (info) => functionText(info.getValue(), info.row.original.level),
    }),
    helper.accessor("unit_code", { header: "Eenheid" }),
    helper.accessor("kind", {
      header: "Soort",
      cell: (info) =>
        info.getValue() === "temporary" ? `Tijdelijk tot ${formatDate(info.row.original.end_date)}` : "Structureel",
    }),
    helper.accessor("slots", {
      header: "Plaatsen",
      meta: { numeric: true },
      cell: (info) => formatCount(info.getValue()),
    }),
    helper.accessor("fte", { header: "fte", meta: { numeric: true }, cell: (info) => formatFte(info.getValue()) }),
    helper.accessor("stage", {
      header: "Fase",
      cell: (info) => {
        const v = info.row.original;
        return (
          <>
            <StatusBadge tone={stageTone(v.stage)}>{vacancyStageLabels[v.stage]}</StatusBadge>
            {v.stage === "partners" && v.partners.length > 0 && (
              <span className="kwm-hint"> ({v.partners.join(", ")})</span>
            )}
          </>
        );
      },
    }),
    helper.accessor("updated_at", {
      header: "Laatst gewijzigd",
      cell: (info) => `${formatDateTime(info.getValue())} door ${info.row.original.updated_by}`,
    }),
    ...(editable
      ? [
          helper.display({
            id: "actions",
            header: "Volgende stap",
            cell: (info) => {
              const v = info.row.original;
              const next = NEXT_STAGE[v.stage];
              const what = `${v.function_name} (${v.level}), ${v.unit_code}`;
              if (v.stage === "filled" || v.stage === "withdrawn") return "–";
              return (
                <div className="kwm-pl-actions kwm-pl-actions--buttons">
                  {next && (
                    <Button appearance="secondary" disabled={submission.busy} onClick={() => void move(v, next)}>
                      Naar {vacancyStageLabels[next].toLowerCase()}
                      <span className="kwm-visually-hidden">: {what}</span>
                    </Button>
                  )}
                  <Button appearance="subtle" disabled={submission.busy} onClick={() => void move(v, "filled")}>
                    Vervuld<span className="kwm-visually-hidden">: {what}</span>
                  </Button>
                  <Button appearance="subtle" disabled={submission.busy} onClick={() => void move(v, "withdrawn")}>
                    Intrekken<span className="kwm-visually-hidden">: {what}</span>
                  </Button>
                </div>
              );
            },
          }),
        ]
      : []),
  ]);

  return (
    <>
      <Paragraph>
        Plaatsen die na de bevestigde uitkomst open blijven, worden vacatures. Een vacature wordt eerst intern
        aangeboden (aan boventallige en andere medewerkers), dan aan de samenwerkende gemeenten en pas daarna extern.
      </Paragraph>
      {reorganisation.status !== "confirmed" && (
        <Paragraph className="kwm-empty">
          Er zijn nog geen vacatures: die ontstaan pas als een voorstel is bevestigd.
        </Paragraph>
      )}
      <SuccessMessage message={success} />
      <FormErrorSummary submission={submission} title="De fase is niet gewijzigd" />
      {vacancies.loading && !vacancies.data && <Loading what="Vacatures" />}
      {vacancies.error && <LoadError error={vacancies.error} />}
      {vacancies.data && (reorganisation.status === "confirmed" || vacancies.data.items.length > 0) && (
        <DataTable
          caption="Vacatures"
          captionHidden
          columns={columns}
          data={vacancies.data.items}
          rowKey={(v) => v.id}
          empty="Alle plaatsen zijn gevuld: er zijn geen vacatures."
        />
      )}
    </>
  );
}
