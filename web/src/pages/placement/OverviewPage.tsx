import type { ReactNode } from "react";
import { DataList, Heading, Link, LoadError, Loading, Paragraph } from "../../components";
import { ButtonLink } from "../../components/ButtonLink";
import { formatCount, formatDate, formatDateTime } from "../../format";
import { Redirect } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { FigureTiles, RunsTable } from "./figures";
import { ReorganisationFrame, StatusBadge, WhoWhen, isHr, reorganisationPath, today } from "./shared";
import { isFull, type Items, type Reorganisation, type ReorganisationHeadline, type RunHeadline } from "./types";

export function OverviewPage({ id }: { id: string }) {
  const { user } = useSession();
  if (user.role === "employee") return <Redirect to={reorganisationPath(id, "mijn-voorkeuren")} />;
  return (
    <ReorganisationFrame id={id} title="Overzicht">
      {(reorganisation) =>
        isHr(user.role) && isFull(reorganisation) ? (
          <HrOverview reorganisation={reorganisation} />
        ) : (
          <AggregateOverview reorganisation={reorganisation} />
        )
      }
    </ReorganisationFrame>
  );
}

interface Step {
  title: string;
  done: boolean;
  text: ReactNode;
  href: string;
  action: string;
}

function HrOverview({ reorganisation: r }: { reorganisation: Reorganisation }) {
  const runs = useApi<Items<RunHeadline>>(`/reorganisations/${r.id}/runs`);
  const runCount = runs.data?.items.length ?? 0;
  const confirmedRun = runs.data?.items.find((run) => run.id === r.confirmed_run_id);
  const deadlinePassed = r.preference_deadline < today();
  const steps: Step[] = [
    {
      title: "Functiekoppeling bevestigen",
      done: r.mapping_confirmed !== null,
      text: r.mapping_confirmed ? (
        <WhoWhen value={r.mapping_confirmed} prefix="Bevestigd door" />
      ) : (
        "Nog niet bevestigd. Zonder bevestigde koppeling kan er geen voorstel worden berekend."
      ),
      href: "functiekoppeling",
      action: "Functiekoppeling",
    },
    {
      title: "Voorkeuren verzamelen",
      done: deadlinePassed,
      text: `${formatCount(r.responded)} van ${formatCount(r.employees)} medewerkers hebben voorkeuren opgegeven. Deadline: ${formatDate(r.preference_deadline)}${deadlinePassed ? " (verstreken)" : ""}.`,
      href: "voorkeuren",
      action: "Voorkeuren",
    },
    {
      title: "Selectiegegevens en geschiktheid",
      done: false,
      text: "Scores van de selectiegesprekken en de laatste beoordelingen; de geschiktheid per medewerker en plaats met de opbouw van elke score.",
      href: "geschiktheid",
      action: "Geschiktheid",
    },
    {
      title: "Voorstel berekenen en bijsturen",
      done: runCount > 0,
      text:
        runCount === 0
          ? "Nog geen voorstel berekend."
          : `${formatCount(runCount)} ${runCount === 1 ? "voorstel" : "voorstellen"} berekend. Zet plaatsingen vast of sluit ze uit en bereken opnieuw.`,
      href: "voorstellen",
      action: "Voorstellen",
    },
    {
      title: "Uitkomst bevestigen",
      done: r.status === "confirmed",
      text:
        r.status === "confirmed" && confirmedRun?.confirmed_by && confirmedRun.confirmed_at ? (
          <>
            Voorstel {confirmedRun.number} is bevestigd door <strong>{confirmedRun.confirmed_by}</strong> op{" "}
            {formatDateTime(confirmedRun.confirmed_at)}.
          </>
        ) : (
          "Een medewerker van HR bevestigt het voorstel; pas dan is het een besluit."
        ),
      href: r.confirmed_run_id ? `voorstellen/${r.confirmed_run_id}` : "voorstellen",
      action: r.confirmed_run_id ? "Bevestigde uitkomst" : "Voorstellen",
    },
  ];

  return (
    <>
      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          Gegevens
        </Heading>
        <DataList
          items={[
            {
              key: "Oude formatie",
              value: `${r.old_unit.name} (${r.old_unit.code}): ${formatCount(r.employees)} medewerkers`,
            },
            {
              key: "Nieuwe formatie",
              value: `${r.new_unit.name} (${r.new_unit.code}): ${formatCount(r.positions)} formatieplaatsen`,
            },
            { key: "Deadline voorkeuren", value: formatDate(r.preference_deadline) },
            { key: "Ingangsdatum", value: formatDate(r.effective_date) },
            { key: "Voorkeuren per medewerker", value: formatCount(r.max_preferences) },
            { key: "Assessmentronde", value: r.assessment_round ?? "Geen" },
            { key: "Aangemaakt", value: `${formatDateTime(r.created_at)} door ${r.created_by}` },
          ]}
        />
        {r.status !== "confirmed" && (
          <Paragraph>
            <Link href={reorganisationPath(r.id, "instellingen")}>Gegevens, rondes en weging aanpassen</Link>
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="stappen">
        <Heading level={2} id="stappen">
          Stappen
        </Heading>
        <ol className="kwm-pl-steps">
          {steps.map((step) => (
            <li key={step.title} className="kwm-pl-steps__item">
              <Heading level={3} className="kwm-pl-steps__title">
                {step.title} {step.done && <StatusBadge tone="done">Gereed</StatusBadge>}
              </Heading>
              <Paragraph>{step.text}</Paragraph>
              <Paragraph>
                <Link href={reorganisationPath(r.id, step.href)}>{step.action}</Link>
              </Paragraph>
            </li>
          ))}
        </ol>
      </section>
      {runs.error && <LoadError error={runs.error} />}
    </>
  );
}

function AggregateOverview({ reorganisation: r }: { reorganisation: ReorganisationHeadline }) {
  const runs = useApi<Items<RunHeadline>>(`/reorganisations/${r.id}/runs`);
  const latest = runs.data?.items.find((run) => run.status === "confirmed") ?? runs.data?.items.at(-1);
  return (
    <>
      <Paragraph className="kwm-hint">
        De ondernemingsraad ziet alleen totalen. Groepen van minder dan vijf medewerkers worden niet getoond.
      </Paragraph>
      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          Gegevens
        </Heading>
        <DataList
          items={[
            { key: "Deadline voorkeuren", value: formatDate(r.preference_deadline) },
            { key: "Ingangsdatum", value: formatDate(r.effective_date) },
            { key: "Voorkeuren per medewerker", value: formatCount(r.max_preferences) },
          ]}
        />
      </section>
      <section aria-labelledby="voorstellen">
        <Heading level={2} id="voorstellen">
          Voorstellen
        </Heading>
        {runs.loading && !runs.data && <Loading what="Voorstellen" />}
        {runs.error && <LoadError error={runs.error} />}
        {latest && (
          <>
            <Heading level={3}>
              {latest.status === "confirmed"
                ? `Bevestigde uitkomst (voorstel ${latest.number})`
                : `Laatste voorstel (${latest.number})`}
            </Heading>
            <FigureTiles figures={latest.figures} />
          </>
        )}
        {runs.data && <RunsTable reorganisationId={r.id} runs={runs.data.items} linkRuns={false} />}
        {runs.data && runs.data.items.length > 0 && (
          <ButtonLink href={reorganisationPath(r.id, "vergelijken")}>Voorstellen vergelijken</ButtonLink>
        )}
      </section>
    </>
  );
}
