import { useEffect, useState, type FormEvent } from "react";
import { CellInput, SelectField } from "../../components/Fields";
import {
  Button,
  Heading,
  LoadError,
  Loading,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "../../components";
import { formatCount } from "../../format";
import { useApi } from "../../useApi";
import { functionText } from "./labels";
import {
  ClosedNotice,
  EmployeeOptions,
  FormErrorSummary,
  ReorganisationFrame,
  SuccessMessage,
  useSubmission,
} from "./shared";
import type { Appraisal, InterviewScore, Items, NewFunction, ReorganisationHeadline, Scope } from "./types";

export function SelectionInputPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Selectiegegevens">
      {(reorganisation) => (
        <>
          <ClosedNotice reorganisation={reorganisation} />
          <Paragraph>
            De geschiktheid gebruikt naast de competenties uit het selectieassessment de score van het selectiegesprek
            (0–10, per medewerker en functie) en de laatste beoordeling (1–5). Elke wijziging komt met uw naam in het
            auditlog.
          </Paragraph>
          <InterviewScores reorganisation={reorganisation} />
          <Appraisals reorganisation={reorganisation} />
        </>
      )}
    </ReorganisationFrame>
  );
}

const appraisalLabels: Record<number, string> = {
  1: "1 – onvoldoende",
  2: "2 – matig",
  3: "3 – voldoende",
  4: "4 – goed",
  5: "5 – uitstekend",
};

interface InterviewDraft {
  score: string;
  note: string;
}

function InterviewScores({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const path = `/reorganisations/${reorganisation.id}/interview-scores`;
  const scope = useApi<Scope>(`/reorganisations/${reorganisation.id}/scope`);
  const functions = useApi<Items<NewFunction>>(`/reorganisations/${reorganisation.id}/functions`);
  const scores = useApi<Items<InterviewScore>>(path);
  const [personId, setPersonId] = useState("");
  const [drafts, setDrafts] = useState<Record<number, InterviewDraft>>({});
  const [success, setSuccess] = useState<string>();
  // The function of each row last sent, so the server's "scores[2].score" finds its field.
  const [sent, setSent] = useState<number[]>([]);
  const submission = useSubmission();
  const closed = reorganisation.status === "confirmed";
  const rowError = (functionId: number) =>
    submission.fieldErrors[`interview-${functionId}`] ??
    (sent.includes(functionId) ? submission.fieldErrors[`scores[${sent.indexOf(functionId)}].score`] : undefined);

  // The table shows what is stored for the chosen employee; switching employees starts afresh.
  const stored = (scores.data?.items ?? []).filter((s) => String(s.person_id) === personId);
  const storedKey = JSON.stringify(stored.map((s) => [s.function_id, s.score, s.note]));
  useEffect(() => {
    setDrafts(
      Object.fromEntries(
        stored.map((s) => [s.function_id, { score: String(s.score).replace(".", ","), note: s.note }]),
      ),
    );
    // storedKey stands for the stored rows of this employee, so a reload with equal rows keeps the edits.
  }, [personId, storedKey]);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    const errors: Record<string, string> = {};
    const rows: { person_id: number; function_id: number; score: number | null; note: string }[] = [];
    for (const f of functions.data?.items ?? []) {
      const draft = drafts[f.function_id] ?? { score: "", note: "" };
      const before = stored.find((s) => s.function_id === f.function_id);
      const text = draft.score.trim().replace(",", ".");
      const value = text === "" ? null : Number(text);
      if (value !== null && (!Number.isFinite(value) || value < 0 || value > 10)) {
        errors[`interview-${f.function_id}`] = "Vul een score van 0 tot en met 10 in, of laat het veld leeg.";
        continue;
      }
      if (value === (before?.score ?? null) && draft.note === (before?.note ?? "")) continue;
      rows.push({ person_id: Number(personId), function_id: f.function_id, score: value, note: draft.note });
    }
    if (!submission.setClientErrors(errors)) return;
    if (rows.length === 0) {
      setSuccess("Er was niets veranderd.");
      return;
    }
    setSent(rows.map((row) => row.function_id));
    const saved = await submission.submit<Items<InterviewScore>>("PUT", path, { scores: rows });
    if (saved) {
      setSuccess(`${formatCount(rows.length)} ${rows.length === 1 ? "score" : "scores"} opgeslagen.`);
      scores.reload();
    }
  };

  const employee = scope.data?.employees.find((e) => String(e.person_id) === personId);
  return (
    <section aria-labelledby="selectiegesprekken">
      <Heading level={2} id="selectiegesprekken">
        Selectiegesprekken
      </Heading>
      {scores.data && (
        <Paragraph className="kwm-hint">
          {formatCount(scores.data.items.length)} scores vastgelegd voor{" "}
          {formatCount(new Set(scores.data.items.map((s) => s.person_id)).size)} medewerkers.
        </Paragraph>
      )}
      {(scope.error ?? functions.error ?? scores.error) && (
        <LoadError error={(scope.error ?? functions.error ?? scores.error)!} />
      )}
      <SelectField id="interview-person" label="Medewerker" value={personId} onChange={setPersonId}>
        <option value="">Kies een medewerker</option>
        <EmployeeOptions employees={scope.data?.employees} />
      </SelectField>
      {personId && !functions.data && <Loading what="Functies" />}
      {employee && functions.data && (
        <>
          <SuccessMessage message={success} />
          <FormErrorSummary submission={submission} title="De scores zijn niet opgeslagen" />
          <form className="utrecht-form" onSubmit={save} noValidate aria-label={`Gespreksscores van ${employee.name}`}>
            <TableContainer label={`Gespreksscores van ${employee.name}`}>
              <Table>
                <TableCaption>
                  Gespreksscores van {employee.name} per functie in de nieuwe formatie (leeg: geen gesprek)
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Functie</TableHeaderCell>
                    <TableHeaderCell>Score (0–10)</TableHeaderCell>
                    <TableHeaderCell>Notitie</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {functions.data.items.map((f) => (
                    <InterviewRow
                      key={f.function_id}
                      fn={f}
                      draft={drafts[f.function_id] ?? { score: "", note: "" }}
                      error={rowError(f.function_id)}
                      disabled={closed}
                      onChange={(draft) => setDrafts({ ...drafts, [f.function_id]: draft })}
                    />
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            {!closed && (
              <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
                Gespreksscores opslaan
              </Button>
            )}
          </form>
        </>
      )}
    </section>
  );
}

interface AppraisalDraft {
  score: string;
  date: string;
}

function Appraisals({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const path = `/reorganisations/${reorganisation.id}/appraisals`;
  const scope = useApi<Scope>(`/reorganisations/${reorganisation.id}/scope`);
  const appraisals = useApi<Items<Appraisal>>(path);
  const [drafts, setDrafts] = useState<Record<number, AppraisalDraft>>({});
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();
  const closed = reorganisation.status === "confirmed";

  useEffect(() => {
    if (!appraisals.data) return;
    setDrafts(
      Object.fromEntries(
        appraisals.data.items.map((a) => [a.person_id, { score: String(a.score), date: a.date ?? "" }]),
      ),
    );
  }, [appraisals.data]);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    const stored = new Map((appraisals.data?.items ?? []).map((a) => [a.person_id, a]));
    const rows = Object.entries(drafts)
      .map(([personId, draft]) => ({ personId: Number(personId), draft }))
      .filter(({ personId, draft }) => {
        const before = stored.get(personId);
        return draft.score !== (before ? String(before.score) : "") || draft.date !== (before?.date ?? "");
      })
      .map(({ personId, draft }) => ({
        person_id: personId,
        score: draft.score ? Number(draft.score) : null,
        date: draft.date || null,
      }));
    if (rows.length === 0) {
      setSuccess("Er was niets veranderd.");
      return;
    }
    const saved = await submission.submit<Items<Appraisal>>("PUT", path, { appraisals: rows });
    if (saved) {
      setSuccess(`${formatCount(rows.length)} ${rows.length === 1 ? "beoordeling" : "beoordelingen"} opgeslagen.`);
      appraisals.reload();
    }
  };

  return (
    <section aria-labelledby="beoordelingen">
      <Heading level={2} id="beoordelingen">
        Laatste beoordelingen
      </Heading>
      {(scope.error ?? appraisals.error) && <LoadError error={(scope.error ?? appraisals.error)!} />}
      {(scope.loading || appraisals.loading) && !(scope.data && appraisals.data) && <Loading what="Beoordelingen" />}
      <SuccessMessage message={success} />
      <FormErrorSummary submission={submission} title="De beoordelingen zijn niet opgeslagen" />
      {scope.data && appraisals.data && (
        <form className="utrecht-form" onSubmit={save} noValidate aria-label="Laatste beoordelingen">
          <TableContainer label="Laatste beoordelingen">
            <Table>
              <TableCaption className="kwm-visually-hidden">Laatste beoordeling per medewerker</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Medewerker</TableHeaderCell>
                  <TableHeaderCell>Huidige functie</TableHeaderCell>
                  <TableHeaderCell>Beoordeling</TableHeaderCell>
                  <TableHeaderCell>Datum</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {scope.data.employees.map((e) => {
                  const draft = drafts[e.person_id] ?? { score: "", date: "" };
                  return (
                    <TableRow key={e.person_id}>
                      <TableHeaderCell scope="row">
                        {e.name} ({e.personnel_number})
                      </TableHeaderCell>
                      <TableCell>{functionText(e.function_name, e.level)}</TableCell>
                      <TableCell>
                        <Select
                          id={`appraisal-${e.person_id}`}
                          aria-label={`Beoordeling van ${e.name}`}
                          value={draft.score}
                          disabled={closed}
                          onChange={(event) =>
                            setDrafts({ ...drafts, [e.person_id]: { ...draft, score: event.target.value } })
                          }
                        >
                          <option value="">Niet vastgelegd</option>
                          {[1, 2, 3, 4, 5].map((score) => (
                            <option key={score} value={score}>
                              {appraisalLabels[score]}
                            </option>
                          ))}
                        </Select>
                      </TableCell>
                      <TableCell>
                        <Textbox
                          id={`appraisal-date-${e.person_id}`}
                          type="date"
                          aria-label={`Datum van de beoordeling van ${e.name}`}
                          value={draft.date}
                          disabled={closed}
                          onChange={(event) =>
                            setDrafts({ ...drafts, [e.person_id]: { ...draft, date: event.target.value } })
                          }
                        />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          {!closed && (
            <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
              Beoordelingen opslaan
            </Button>
          )}
        </form>
      )}
    </section>
  );
}

interface InterviewRowProps {
  fn: NewFunction;
  draft: InterviewDraft;
  error: string | undefined;
  disabled: boolean;
  onChange: (draft: InterviewDraft) => void;
}

/** The interview score and note of one employee for one function of the new formation. */
function InterviewRow({ fn, draft, error, disabled, onChange }: InterviewRowProps) {
  const name = functionText(fn.name, fn.level);
  return (
    <TableRow>
      <TableHeaderCell scope="row">{name}</TableHeaderCell>
      <TableCell>
        <CellInput
          id={`interview-${fn.function_id}`}
          inputMode="decimal"
          className="kwm-pl-number-input"
          label={`Score voor ${name}`}
          value={draft.score}
          disabled={disabled}
          error={error}
          onChange={(score) => onChange({ ...draft, score })}
        />
      </TableCell>
      <TableCell>
        <CellInput
          id={`interview-note-${fn.function_id}`}
          label={`Notitie bij ${name}`}
          value={draft.note}
          disabled={disabled}
          onChange={(note) => onChange({ ...draft, note })}
        />
      </TableCell>
    </TableRow>
  );
}
