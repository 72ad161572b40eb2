import { useState, type FormEvent } from "react";
import { InputField, TextareaField } from "../../components/Fields";
import { query } from "../../api/client";
import {
  Alert,
  Button,
  DataList,
  DataTable,
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
  columnHelper,
} from "../../components";
import { ButtonLink } from "../../components/ButtonLink";
import { formatCount, formatDate, formatDateTime, formatFte, label, positionKindLabels } from "../../format";
import { navigate } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { ExplanationView, NearMissList } from "./ExplanationView";
import { FigureTiles, RunsTable } from "./figures";
import {
  formatPoints,
  formatWeight,
  functionText,
  ordinal,
  roundKindLabels,
  roundTitle,
  runStatusLabels,
  tieBreakLabels,
} from "./labels";
import {
  ClosedNotice,
  FormErrorSummary,
  ReorganisationFrame,
  StatusBadge,
  SuccessMessage,
  reorganisationPath,
  useSubmission,
} from "./shared";
import type { Explanation, Items, OpenSlot, Placement, Reorganisation, Run, RunHeadline } from "./types";

export function RunsPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame<Reorganisation> id={id} title="Voorstellen">
      {(reorganisation) => <Runs reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function Runs({ reorganisation }: { reorganisation: Reorganisation }) {
  const runs = useApi<Items<RunHeadline>>(`/reorganisations/${reorganisation.id}/runs`);
  const submission = useSubmission();
  const [note, setNote] = useState("");
  const closed = reorganisation.status === "confirmed";

  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const run = await submission.submit<Run>("POST", `/reorganisations/${reorganisation.id}/runs`, {
      note: note.trim(),
    });
    if (run) navigate(reorganisationPath(reorganisation.id, `voorstellen/${run.id}`));
  };

  return (
    <>
      <ClosedNotice reorganisation={reorganisation} />
      <Paragraph>
        Een voorstel plaatst de medewerkers ronde na ronde volgens de instellingen, met de gegevens zoals ze nu zijn.
        Het is nooit meer dan een voorstel: u kunt combinaties vastzetten of uitsluiten en opnieuw rekenen, voorstellen
        naast elkaar leggen en er één bevestigen.
      </Paragraph>
      {!closed && !reorganisation.mapping_confirmed && (
        <Alert type="warning">
          <Paragraph>
            De functiekoppeling is nog niet bevestigd; zonder bevestigde koppeling kan er geen voorstel worden berekend.{" "}
            <Link href={reorganisationPath(reorganisation.id, "functiekoppeling")}>Naar de functiekoppeling</Link>
          </Paragraph>
        </Alert>
      )}
      {!closed && (
        <section aria-labelledby="nieuw-voorstel">
          <Heading level={2} id="nieuw-voorstel">
            Nieuw voorstel berekenen
          </Heading>
          <FormErrorSummary submission={submission} title="Er is geen voorstel berekend" />
          <form className="utrecht-form kwm-form" onSubmit={start} noValidate aria-label="Nieuw voorstel berekenen">
            <InputField
              id="run-note"
              label="Toelichting (niet verplicht)"
              description="Bijvoorbeeld wat u sinds het vorige voorstel heeft veranderd."
              value={note}
              onChange={setNote}
            />
            <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
              {submission.busy ? "Bezig met berekenen…" : "Voorstel berekenen"}
            </Button>
          </form>
        </section>
      )}
      <section aria-labelledby="alle-voorstellen">
        <Heading level={2} id="alle-voorstellen">
          Berekende voorstellen
        </Heading>
        {runs.loading && !runs.data && <Loading what="Voorstellen" />}
        {runs.error && <LoadError error={runs.error} />}
        {runs.data && <RunsTable reorganisationId={reorganisation.id} runs={runs.data.items} linkRuns />}
        {runs.data && runs.data.items.length > 1 && (
          <ButtonLink href={reorganisationPath(reorganisation.id, "vergelijken")}>Voorstellen vergelijken</ButtonLink>
        )}
      </section>
    </>
  );
}

export function RunPage({ id, runId }: { id: string; runId: string }) {
  const validRun = /^\d+$/.test(runId);
  const run = useApi<Run>(validRun ? `/reorganisations/${id}/runs/${runId}` : null);
  const title = run.data ? `Voorstel ${run.data.number}` : "Voorstel";
  return (
    <ReorganisationFrame<Reorganisation> id={id} title={title}>
      {(reorganisation, reloadReorganisation) => (
        <>
          {run.loading && !run.data && <Loading what="Voorstel" />}
          {run.error && <LoadError error={run.error} />}
          {!validRun && <Paragraph>Dit adres verwijst niet naar een voorstel.</Paragraph>}
          {run.data && (
            <RunView
              reorganisation={reorganisation}
              run={run.data}
              onConfirmed={() => {
                run.reload();
                reloadReorganisation();
              }}
            />
          )}
        </>
      )}
    </ReorganisationFrame>
  );
}

function RunView({
  reorganisation,
  run,
  onConfirmed,
}: {
  reorganisation: Reorganisation;
  run: Run;
  onConfirmed: () => void;
}) {
  const rid = reorganisation.id;
  const placementsByRound = new Map<number, Placement[]>();
  for (const placement of run.placements) {
    const list = placementsByRound.get(placement.round) ?? [];
    list.push(placement);
    placementsByRound.set(placement.round, list);
  }
  const decisionHref = (personId: number, positionId: number, decision: "lock" | "forbid") =>
    `${reorganisationPath(rid, "vastzetten")}${query({ medewerker: personId, plaats: positionId, beslissing: decision === "forbid" ? "uitsluiten" : "vastzetten" })}`;
  const explanationHref = (personId: number) => reorganisationPath(rid, `voorstellen/${run.id}/uitleg/${personId}`);
  const editable = reorganisation.status !== "confirmed";

  return (
    <>
      <Paragraph>
        <StatusBadge tone={run.status === "confirmed" ? "done" : "neutral"}>{runStatusLabels[run.status]}</StatusBadge>{" "}
        Berekend op {formatDateTime(run.created_at)} door {run.created_by}.{run.note ? ` Toelichting: ${run.note}` : ""}
      </Paragraph>
      {run.status === "confirmed" && run.confirmed_by && run.confirmed_at && (
        <Alert type="ok">
          <Heading level={2}>Bevestigd</Heading>
          <Paragraph data-testid="confirmed-by">
            Dit voorstel is de uitkomst van de reorganisatie. Bevestigd door <strong>{run.confirmed_by}</strong> op{" "}
            {formatDateTime(run.confirmed_at)}.{run.confirmation_note ? ` Toelichting: ${run.confirmation_note}` : ""}
          </Paragraph>
        </Alert>
      )}

      <section aria-labelledby="kerncijfers">
        <Heading level={2} id="kerncijfers">
          Kerncijfers
        </Heading>
        <FigureTiles figures={run.figures} />
      </section>

      <section aria-labelledby="rondes">
        <Heading level={2} id="rondes">
          Rondes
        </Heading>
        <TableContainer label="Rondes van dit voorstel">
          <Table>
            <TableCaption className="kwm-visually-hidden">Rondes van dit voorstel</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ronde</TableHeaderCell>
                <TableHeaderCell numeric>Kandidaat-combinaties</TableHeaderCell>
                <TableHeaderCell numeric>Geplaatst</TableHeaderCell>
                <TableHeaderCell numeric>Punten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.rounds.map((round) => (
                <TableRow key={round.index}>
                  <TableHeaderCell scope="row">{roundTitle(run.rounds, round.index)}</TableHeaderCell>
                  <TableCell numeric>{formatCount(round.candidates)}</TableCell>
                  <TableCell numeric>{formatCount(round.placed)}</TableCell>
                  <TableCell numeric>{formatPoints(round.points)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <RunSettings run={run} />
      </section>

      <section aria-labelledby="plaatsingen">
        <Heading level={2} id="plaatsingen">
          Plaatsingen per ronde
        </Heading>
        {run.rounds.map((round) => {
          const placements = placementsByRound.get(round.index) ?? [];
          return (
            <div key={round.index} className="kwm-pl-round">
              <Heading level={3} id={`ronde-${round.index}`}>
                {roundTitle(run.rounds, round.index)} ({formatCount(placements.length)} geplaatst)
              </Heading>
              <PlacementTable
                caption={`Plaatsingen in ${roundTitle(run.rounds, round.index)}`}
                placements={placements}
                explanationHref={explanationHref}
                decisionHref={editable ? decisionHref : null}
              />
            </div>
          );
        })}
      </section>

      <section aria-labelledby="boventallig">
        <Heading level={2} id="boventallig">
          Boventallig ({formatCount(run.surplus.length)})
        </Heading>
        <Paragraph className="kwm-hint">
          Per medewerker de plaatsen waar die het dichtst bij kwam, als begin van een traject van werk naar werk.
        </Paragraph>
        <SurplusTable run={run} explanationHref={explanationHref} decisionHref={editable ? decisionHref : null} />
      </section>

      <section aria-labelledby="open-plaatsen">
        <Heading level={2} id="open-plaatsen">
          Open plaatsen ({formatCount(run.figures.open_slots)})
        </Heading>
        <Paragraph className="kwm-hint">
          {run.status === "confirmed" ? (
            <>
              Deze plaatsen zijn bij de bevestiging vacatures geworden.{" "}
              <Link href={reorganisationPath(rid, "vacatures")}>Naar de vacatures</Link>
            </>
          ) : (
            "Bij de bevestiging worden deze plaatsen vacatures: eerst intern, dan bij de samenwerkende gemeenten, dan extern."
          )}
        </Paragraph>
        <OpenSlotsTable slots={run.open_slots} />
      </section>

      {editable && run.status === "proposal" && (
        <ConfirmSection reorganisationId={rid} run={run} onConfirmed={onConfirmed} />
      )}
    </>
  );
}

function RunSettings({ run }: { run: Run }) {
  const s = run.settings;
  return (
    <details className="kwm-pl-details">
      <summary>Instellingen waarmee dit voorstel berekend is</summary>
      <DataList
        items={[
          {
            key: "Rondes",
            value: s.rounds.map((r, i) => `${i + 1}. ${r.name} (${roundKindLabels[r.kind]})`).join("; "),
          },
          {
            key: "Weging",
            value: `competenties ${formatWeight(s.weights.competency)}, selectiegesprek ${formatWeight(s.weights.interview)}, beoordeling ${formatWeight(s.weights.appraisal)}`,
          },
          {
            key: "Voorkeursbonus",
            value: s.preference_bonus.map((b, i) => `${ordinal(i + 1)}: ${formatPoints(b)}`).join(", ") || "Geen",
          },
          {
            key: "Voorrang bij gelijke score",
            value: s.tie_breaks.map((t) => tieBreakLabels[t]).join("; ") || "Geen",
          },
          {
            key: "Harde voorwaarden",
            value: [
              s.require_education ? "opleidingsniveau vereist" : "opleidingsniveau niet vereist",
              s.exclude_critical_gaps
                ? "geen kritieke competentie met 'voldoet niet'"
                : "kritieke competenties niet uitgesloten",
              `urentolerantie ${formatFte(s.hours_tolerance)} fte`,
            ].join("; "),
          },
        ]}
      />
    </details>
  );
}

type DecisionHref = ((personId: number, positionId: number, decision: "lock" | "forbid") => string) | null;

function PlacementTable({
  caption,
  placements,
  explanationHref,
  decisionHref,
}: {
  caption: string;
  placements: Placement[];
  explanationHref: (personId: number) => string;
  decisionHref: DecisionHref;
}) {
  const helper = columnHelper<Placement>();
  const columns = helper.columns([
    helper.accessor("name", {
      header: "Medewerker",
      meta: { rowHeader: true },
      cell: (info) => `${info.getValue()} (${info.row.original.personnel_number})`,
    }),
    helper.accessor("function_name", {
      header: "Nieuwe plaats",
      cell: (info) => `${functionText(info.getValue(), info.row.original.level)}, ${info.row.original.unit_name}`,
    }),
    helper.accessor("suitability", {
      header: "Geschiktheid",
      meta: { numeric: true },
      cell: (info) => formatPoints(info.getValue()),
    }),
    helper.accessor("bonus", {
      header: "Bonus",
      meta: { numeric: true },
      cell: (info) => formatPoints(info.getValue()),
    }),
    helper.accessor("preference_rank", {
      header: "Voorkeur",
      cell: (info) => {
        const p = info.row.original;
        if (p.locked) return "Vastgezet door HR";
        return info.getValue() !== null ? `${ordinal(info.getValue()!)} voorkeur` : "–";
      },
    }),
    helper.display({
      id: "actions",
      header: "Acties",
      cell: (info) => {
        const p = info.row.original;
        return (
          <ul className="kwm-pl-actions">
            <li>
              <Link href={explanationHref(p.person_id)}>
                Uitleg<span className="kwm-visually-hidden"> voor {p.name}</span>
              </Link>
            </li>
            {decisionHref && !p.locked && (
              <li>
                <Link href={decisionHref(p.person_id, p.position_id, "lock")}>
                  Vastzetten<span className="kwm-visually-hidden"> {p.name} op deze plaats</span>
                </Link>
              </li>
            )}
            {decisionHref && (
              <li>
                <Link href={decisionHref(p.person_id, p.position_id, "forbid")}>
                  Uitsluiten<span className="kwm-visually-hidden"> {p.name} van deze plaats</span>
                </Link>
              </li>
            )}
          </ul>
        );
      },
    }),
  ]);
  return (
    <DataTable
      caption={caption}
      captionHidden
      columns={columns}
      data={placements}
      rowKey={(p) => p.person_id}
      empty="In deze ronde is niemand geplaatst."
    />
  );
}

function SurplusTable({
  run,
  explanationHref,
  decisionHref,
}: {
  run: Run;
  explanationHref: (personId: number) => string;
  decisionHref: DecisionHref;
}) {
  type Row = Run["surplus"][number];
  const helper = columnHelper<Row>();
  const columns = helper.columns([
    helper.accessor("name", {
      header: "Medewerker",
      meta: { rowHeader: true },
      cell: (info) => `${info.getValue()} (${info.row.original.personnel_number})`,
    }),
    helper.accessor("function_name", {
      header: "Huidige functie",
      cell: (info) => `${functionText(info.getValue(), info.row.original.level)}, ${info.row.original.unit_code}`,
    }),
    helper.accessor("near_misses", {
      header: "Bijna geplaatst op",
      cell: (info) => <NearMissList nearMisses={info.getValue()} />,
    }),
    helper.display({
      id: "actions",
      header: "Acties",
      cell: (info) => {
        const s = info.row.original;
        const best = s.near_misses[0];
        return (
          <ul className="kwm-pl-actions">
            <li>
              <Link href={explanationHref(s.person_id)}>
                Uitleg<span className="kwm-visually-hidden"> voor {s.name}</span>
              </Link>
            </li>
            {decisionHref && best && (
              <li>
                <Link href={decisionHref(s.person_id, best.position_id, "lock")}>
                  Vastzetten op {best.function_code}
                  <span className="kwm-visually-hidden"> ({s.name})</span>
                </Link>
              </li>
            )}
          </ul>
        );
      },
    }),
  ]);
  return (
    <DataTable
      caption="Boventallige medewerkers"
      captionHidden
      columns={columns}
      data={run.surplus}
      rowKey={(s) => s.person_id}
      empty="Niemand is boventallig in dit voorstel."
    />
  );
}

const openSlotColumns = (() => {
  const helper = columnHelper<OpenSlot>();
  return helper.columns([
    helper.accessor("function_name", {
      header: "Functie",
      meta: { rowHeader: true },
      cell: (info) => functionText(info.getValue(), info.row.original.level),
    }),
    helper.accessor("unit_code", { header: "Eenheid" }),
    helper.accessor("kind", {
      header: "Soort",
      cell: (info) =>
        info.getValue() === "temporary"
          ? `Tijdelijk tot ${formatDate(info.row.original.end_date)}`
          : label(positionKindLabels, info.getValue()),
    }),
    helper.accessor("slots", {
      header: "Plaatsen",
      meta: { numeric: true },
      cell: (info) => formatCount(info.getValue()),
    }),
    helper.accessor("fte", { header: "fte", meta: { numeric: true }, cell: (info) => formatFte(info.getValue()) }),
  ]);
})();

function OpenSlotsTable({ slots }: { slots: OpenSlot[] }) {
  return (
    <DataTable
      caption="Open plaatsen"
      captionHidden
      columns={openSlotColumns}
      data={slots}
      rowKey={(s) => s.position_id}
      empty="Alle plaatsen zijn gevuld."
    />
  );
}

function ConfirmSection({
  reorganisationId,
  run,
  onConfirmed,
}: {
  reorganisationId: number;
  run: Run;
  onConfirmed: () => void;
}) {
  const { user } = useSession();
  const [note, setNote] = useState("");
  const [checked, setChecked] = useState(false);
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      !submission.setClientErrors(
        checked ? {} : { check: "Bevestig dat u het voorstel en de uitleg heeft gecontroleerd." },
      )
    )
      return;
    const confirmed = await submission.submit<Run>(
      "POST",
      `/reorganisations/${reorganisationId}/runs/${run.id}/confirm`,
      { note: note.trim() },
    );
    if (confirmed) {
      setSuccess(`Voorstel ${confirmed.number} is bevestigd door ${confirmed.confirmed_by}.`);
      onConfirmed();
    }
  };

  return (
    <section aria-labelledby="bevestigen">
      <Heading level={2} id="bevestigen">
        Voorstel bevestigen
      </Heading>
      <SuccessMessage message={success} />
      <Paragraph>
        Met de bevestiging wordt dit voorstel de uitkomst van de reorganisatie. Dat is een besluit van een mens, niet
        van de software: het wordt vastgelegd met uw naam (<strong>{user.username}</strong>) en het tijdstip. Daarna
        liggen instellingen, voorkeuren en beslissingen vast, krijgen medewerkers hun uitleg te zien en worden de open
        plaatsen vacatures.
      </Paragraph>
      <FormErrorSummary submission={submission} title="Het voorstel is niet bevestigd" />
      <form className="utrecht-form kwm-form" onSubmit={confirm} noValidate aria-label="Voorstel bevestigen">
        <TextareaField
          id="confirm-note"
          label="Toelichting bij de bevestiging (niet verplicht)"
          rows={3}
          value={note}
          onChange={setNote}
        />
        <div
          className={`utrecht-form-field utrecht-form-field--checkbox kwm-pl-checkbox${submission.fieldErrors.check ? " utrecht-form-field--invalid" : ""}`}
        >
          <input
            type="checkbox"
            id="confirm-check"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={checked}
            aria-invalid={submission.fieldErrors.check ? true : undefined}
            aria-describedby={submission.fieldErrors.check ? "confirm-check-error" : undefined}
            onChange={(event) => setChecked(event.target.checked)}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="confirm-check">
            Ik heb dit voorstel en de uitleg aan de medewerkers gecontroleerd
          </label>
          {submission.fieldErrors.check && (
            <div className="utrecht-form-field-error-message" id="confirm-check-error">
              {submission.fieldErrors.check}
            </div>
          )}
        </div>
        <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
          Voorstel {run.number} bevestigen
        </Button>
      </form>
    </section>
  );
}

/** HR: one employee's explanation of a run, as the employee will read it. */
export function RunExplanationPage({ id, runId, personId }: { id: string; runId: string; personId: string }) {
  const valid = /^\d+$/.test(runId) && /^\d+$/.test(personId);
  const explanation = useApi<Explanation>(
    valid ? `/reorganisations/${id}/runs/${runId}/explanations/${personId}` : null,
  );
  const title = explanation.data ? `Uitleg voor ${explanation.data.name}` : "Uitleg";
  return (
    <ReorganisationFrame id={id} title={title}>
      {() => (
        <>
          {explanation.loading && !explanation.data && <Loading what="Uitleg" />}
          {explanation.error && <LoadError error={explanation.error} />}
          {explanation.data && (
            <>
              <Paragraph className="kwm-hint">
                Voorstel van deze uitleg:{" "}
                <Link href={reorganisationPath(id, `voorstellen/${runId}`)}>terug naar het voorstel</Link>. De
                medewerker ziet dezelfde tekst, zonder scores van anderen, zodra de uitkomst is bevestigd.
              </Paragraph>
              <ExplanationView explanation={explanation.data} audience="hr" />
            </>
          )}
        </>
      )}
    </ReorganisationFrame>
  );
}
