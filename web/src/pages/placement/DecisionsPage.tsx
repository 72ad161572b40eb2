import { useState, type FormEvent } from "react";
import { SelectField, TextareaField } from "../../components/Fields";
import {
  Button,
  DataTable,
  Fieldset,
  Heading,
  Link,
  LoadError,
  Loading,
  Paragraph,
  RadioOption,
  columnHelper,
} from "../../components";
import { formatDateTime } from "../../format";
import { useLocation } from "../../router";
import { useApi } from "../../useApi";
import { decisionLabels, functionText } from "./labels";
import {
  ClosedNotice,
  FormErrorSummary,
  ReorganisationFrame,
  StatusBadge,
  SuccessMessage,
  reorganisationPath,
  useSubmission,
  PositionOptions,
} from "./shared";
import type { Decision, Items, PairDecision, ReorganisationHeadline, Scope } from "./types";

export function DecisionsPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Vastzetten en uitsluiten">
      {(reorganisation) => <Decisions reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function Decisions({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const location = useLocation();
  const closed = reorganisation.status === "confirmed";
  const path = `/reorganisations/${reorganisation.id}/pair-decisions`;
  const decisions = useApi<Items<PairDecision>>(path);
  const removal = useSubmission();
  const [success, setSuccess] = useState<string>();

  const remove = async (decision: PairDecision) => {
    setSuccess(undefined);
    if (!(await removal.perform("DELETE", `${path}/${decision.id}`))) return;
    setSuccess(`De beslissing over ${decision.name} op ${decision.function_code} (${decision.level}) is opgeheven.`);
    decisions.reload();
  };

  const columns = decisionColumns(closed, (decision) => void remove(decision), removal.busy);

  return (
    <>
      <ClosedNotice reorganisation={reorganisation} />
      <Paragraph>
        Een vastgezette combinatie wordt als eerste geplaatst, in een eigen ronde "Vastgezet door HR". Een uitgesloten
        combinatie komt nooit in aanmerking. Beide gelden vanaf het volgende voorstel en staan met reden in de uitleg.
      </Paragraph>
      <SuccessMessage message={success} />
      {success && (
        <Paragraph>
          <Link href={reorganisationPath(reorganisation.id, "voorstellen")}>Naar de voorstellen</Link>
        </Paragraph>
      )}
      <FormErrorSummary submission={removal} title="Opheffen is niet gelukt" />
      <section aria-labelledby="beslissingen">
        <Heading level={2} id="beslissingen">
          Beslissingen van HR
        </Heading>
        {decisions.loading && !decisions.data && <Loading what="Beslissingen" />}
        {decisions.error && <LoadError error={decisions.error} />}
        {decisions.data && (
          <DataTable
            caption="Vastgezette en uitgesloten combinaties"
            captionHidden
            columns={columns}
            data={decisions.data.items}
            rowKey={(d) => d.id}
            empty="Er zijn geen combinaties vastgezet of uitgesloten."
          />
        )}
      </section>
      {!closed && (
        <DecisionForm
          reorganisationId={reorganisation.id}
          initial={draftFrom(location.search)}
          onStart={() => setSuccess(undefined)}
          onSaved={(text) => {
            setSuccess(text);
            decisions.reload();
          }}
        />
      )}
    </>
  );
}

/** The table of HR's decisions; while the reorganisation is open, each row can be lifted. */
function decisionColumns(closed: boolean, onRemove: (decision: PairDecision) => void, busy: boolean) {
  const helper = columnHelper<PairDecision>();
  return helper.columns([
    helper.accessor("name", {
      header: "Medewerker",
      meta: { rowHeader: true },
      cell: (info) => `${info.getValue()} (${info.row.original.personnel_number})`,
    }),
    helper.accessor("function_code", {
      header: "Plaats",
      cell: (info) => `${info.getValue()} (${info.row.original.level}), ${info.row.original.unit_code}`,
    }),
    helper.accessor("decision", {
      header: "Beslissing",
      cell: (info) => (
        <StatusBadge tone={info.getValue() === "lock" ? "done" : "warning"}>
          {decisionLabels[info.getValue()]}
        </StatusBadge>
      ),
    }),
    helper.accessor("reason", { header: "Reden" }),
    helper.accessor("decided_at", {
      header: "Door",
      cell: (info) => `${info.row.original.decided_by}, ${formatDateTime(info.getValue())}`,
    }),
    ...(closed
      ? []
      : [
          helper.display({
            id: "remove",
            header: "Actie",
            cell: (info) => (
              <Button appearance="subtle" onClick={() => onRemove(info.row.original)} disabled={busy}>
                Opheffen<span className="kwm-visually-hidden"> voor {info.row.original.name}</span>
              </Button>
            ),
          }),
        ]),
  ]);
}

type DecisionDraft = { person_id: string; position_id: string; decision: Decision; reason: string };

/** A lock or forbid asked for from another page (suitability, a proposal) arrives in the address. */
function draftFrom(search: URLSearchParams): DecisionDraft {
  return {
    person_id: search.get("medewerker") ?? "",
    position_id: search.get("plaats") ?? "",
    decision: search.get("beslissing") === "uitsluiten" ? "forbid" : "lock",
    reason: "",
  };
}

interface DecisionFormProps {
  reorganisationId: number;
  initial: DecisionDraft;
  onStart: () => void;
  onSaved: (message: string) => void;
}

function DecisionForm({ reorganisationId, initial, onStart, onSaved }: DecisionFormProps) {
  const path = `/reorganisations/${reorganisationId}/pair-decisions`;
  const scope = useApi<Scope>(`/reorganisations/${reorganisationId}/scope`);
  const submission = useSubmission();
  const [draft, setDraft] = useState(initial);
  const errors = submission.fieldErrors;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onStart();
    const errors: Record<string, string> = {};
    if (!draft.person_id) errors.person_id = "Kies een medewerker.";
    if (!draft.position_id) errors.position_id = "Kies een plaats.";
    if (!draft.reason.trim()) errors.reason = "Leg uit waarom: de reden komt in de uitleg en in het auditlog.";
    if (!submission.setClientErrors(errors)) return;
    const saved = await submission.submit<PairDecision>("POST", path, {
      person_id: Number(draft.person_id),
      position_id: Number(draft.position_id),
      decision: draft.decision,
      reason: draft.reason.trim(),
    });
    if (saved) {
      onSaved(
        `${saved.name} is ${saved.decision === "lock" ? "vastgezet op" : "uitgesloten van"} ${saved.function_code} (${saved.level}), ${saved.unit_code}. Bereken een nieuw voorstel om het effect te zien.`,
      );
      setDraft({ person_id: "", position_id: "", decision: "lock", reason: "" });
    }
  };

  return (
    <section aria-labelledby="nieuwe-beslissing">
      <Heading level={2} id="nieuwe-beslissing">
        Combinatie vastzetten of uitsluiten
      </Heading>
      <FormErrorSummary submission={submission} title="De beslissing is niet vastgelegd" />
      {scope.error && <LoadError error={scope.error} />}
      <form
        className="utrecht-form kwm-form"
        onSubmit={submit}
        noValidate
        aria-label="Combinatie vastzetten of uitsluiten"
      >
        <SelectField
          id="decision-person"
          label="Medewerker"
          error={errors.person_id}
          value={draft.person_id}
          onChange={(person_id) => setDraft({ ...draft, person_id })}
        >
          <option value="">Kies een medewerker</option>
          {scope.data?.employees.map((e) => (
            <option key={e.person_id} value={e.person_id}>
              {e.name} ({e.personnel_number}, {functionText(e.function_name, e.level)})
            </option>
          ))}
        </SelectField>
        <SelectField
          id="decision-position"
          label="Plaats in de nieuwe formatie"
          error={errors.position_id}
          value={draft.position_id}
          onChange={(position_id) => setDraft({ ...draft, position_id })}
        >
          <option value="">Kies een plaats</option>
          <PositionOptions positions={scope.data?.positions} />
        </SelectField>
        <Fieldset legend="Beslissing">
          <div className="kwm-radio-group">
            <RadioOption
              id="decision-lock"
              name="decision"
              value="lock"
              checked={draft.decision === "lock"}
              onChange={() => setDraft({ ...draft, decision: "lock" })}
              label="Vastzetten: deze medewerker komt op deze plaats"
            />
            <RadioOption
              id="decision-forbid"
              name="decision"
              value="forbid"
              checked={draft.decision === "forbid"}
              onChange={() => setDraft({ ...draft, decision: "forbid" })}
              label="Uitsluiten: deze medewerker komt niet op deze plaats"
            />
          </div>
        </Fieldset>
        <TextareaField
          id="decision-reason"
          label="Reden"
          description="Wordt vastgelegd met uw naam en is zichtbaar in de uitleg aan de medewerker."
          error={errors.reason}
          rows={3}
          value={draft.reason}
          onChange={(reason) => setDraft({ ...draft, reason })}
        />
        <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
          Beslissing vastleggen
        </Button>
      </form>
    </section>
  );
}
