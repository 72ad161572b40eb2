import { useState, type FormEvent } from "react";
import { LabelOptions, SelectField, TextareaField } from "../../components/Fields";
import { Button, Heading, LoadError, Loading, Paragraph } from "../../components";
import { formatCount, formatDateTime } from "../../format";
import { useApi } from "../../useApi";
import { ExplanationView } from "./ExplanationView";
import { objectionStatusLabels } from "./labels";
import {
  EmployeeOptions,
  FormErrorSummary,
  ReorganisationFrame,
  StatusBadge,
  SuccessMessage,
  useSubmission,
} from "./shared";
import type { Explanation, Items, Objection, ObjectionStatus, ReorganisationHeadline, Scope } from "./types";

const OPEN: ObjectionStatus[] = ["received", "in_review"];

const statusTone = (status: ObjectionStatus) =>
  status === "upheld" ? "done" : status === "rejected" ? "warning" : status === "withdrawn" ? "neutral" : "open";

/** HR: the register of objections against the confirmed result. */
export function ObjectionsPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Bezwaren">
      {(reorganisation) => <ObjectionRegister reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function ObjectionRegister({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const path = `/reorganisations/${reorganisation.id}/objections`;
  const objections = useApi<Items<Objection>>(path);
  const confirmed = reorganisation.status === "confirmed";
  const items = objections.data?.items ?? [];
  const open = items.filter((o) => OPEN.includes(o.status)).length;

  return (
    <>
      <Paragraph>
        Een medewerker kan bezwaar maken tegen de bevestigde uitkomst. Het register bewaart per bezwaar de gronden, de
        status, het antwoord en de uitleg zoals die bij de bevestiging aan de medewerker is gegeven.
      </Paragraph>
      {!confirmed && (
        <Paragraph className="kwm-empty">Bezwaar is pas mogelijk als een voorstel is bevestigd.</Paragraph>
      )}
      {objections.loading && !objections.data && <Loading what="Bezwaren" />}
      {objections.error && <LoadError error={objections.error} />}
      {objections.data && (
        <Paragraph>
          {formatCount(items.length)} {items.length === 1 ? "bezwaar" : "bezwaren"}, waarvan {formatCount(open)} nog
          open.
        </Paragraph>
      )}
      {items.map((objection) => (
        <ObjectionCard key={objection.id} path={path} objection={objection} onChanged={objections.reload} />
      ))}
      {confirmed && <RegisterForHr reorganisation={reorganisation} onRegistered={objections.reload} />}
    </>
  );
}

function ObjectionCard({ path, objection, onChanged }: { path: string; objection: Objection; onChanged: () => void }) {
  const [status, setStatus] = useState<ObjectionStatus>(objection.status);
  const [response, setResponse] = useState(objection.response);
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();
  const prefix = `objection-${objection.id}`;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    if (
      !submission.setClientErrors(
        (status === "upheld" || status === "rejected") && !response.trim()
          ? { response: "Een gegrond of ongegrond bezwaar krijgt een antwoord." }
          : {},
      )
    )
      return;
    const saved = await submission.submit<Objection>("PUT", `${path}/${objection.id}`, {
      status,
      response: response.trim(),
    });
    if (saved) {
      setSuccess(`Het bezwaar van ${saved.name} staat nu op ${objectionStatusLabels[saved.status].toLowerCase()}.`);
      onChanged();
    }
  };

  return (
    <section className="kwm-pl-card" aria-labelledby={`${prefix}-title`}>
      <Heading level={2} id={`${prefix}-title`}>
        {objection.name} ({objection.personnel_number}){" "}
        <StatusBadge tone={statusTone(objection.status)}>{objectionStatusLabels[objection.status]}</StatusBadge>
      </Heading>
      <Paragraph className="kwm-hint">
        Ontvangen op {formatDateTime(objection.registered_at)}, vastgelegd door {objection.registered_by}. Laatst
        gewijzigd op {formatDateTime(objection.updated_at)} door {objection.updated_by}.
      </Paragraph>
      <Heading level={3}>Gronden</Heading>
      <Paragraph className="kwm-pl-motivation">{objection.grounds}</Paragraph>
      {objection.response && (
        <>
          <Heading level={3}>Antwoord</Heading>
          <Paragraph className="kwm-pl-motivation">{objection.response}</Paragraph>
        </>
      )}
      <details className="kwm-pl-details">
        <summary>Uitleg zoals die bij de bevestiging is gegeven</summary>
        <ExplanationView explanation={objection.explanation} audience="hr" headingLevel={3} />
      </details>
      <SuccessMessage message={success} />
      {!OPEN.includes(objection.status) ? (
        <Paragraph className="kwm-hint">Dit bezwaar is afgehandeld; de status kan niet meer veranderen.</Paragraph>
      ) : (
        <>
          <FormErrorSummary submission={submission} title="Het bezwaar is niet bijgewerkt" />
          <form
            className="utrecht-form kwm-form"
            onSubmit={save}
            noValidate
            aria-label={`Bezwaar van ${objection.name} bijwerken`}
          >
            <SelectField
              id={`${prefix}-status`}
              label="Status"
              value={status}
              onChange={(value) => setStatus(value as ObjectionStatus)}
            >
              <LabelOptions labels={objectionStatusLabels} />
            </SelectField>
            <TextareaField
              id={`${prefix}-response`}
              label="Antwoord aan de medewerker"
              description="Verplicht bij gegrond of ongegrond."
              error={submission.fieldErrors.response}
              rows={3}
              value={response}
              onChange={setResponse}
            />
            <Button type="submit" busy={submission.busy} disabled={submission.busy}>
              Bezwaar bijwerken
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

function RegisterForHr({
  reorganisation,
  onRegistered,
}: {
  reorganisation: ReorganisationHeadline;
  onRegistered: () => void;
}) {
  const scope = useApi<Scope>(`/reorganisations/${reorganisation.id}/scope`);
  const [personId, setPersonId] = useState("");
  const [grounds, setGrounds] = useState("");
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();

  const register = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    const errors: Record<string, string> = {};
    if (!personId) errors.person_id = "Kies de medewerker die bezwaar maakt.";
    if (!grounds.trim()) errors.grounds = "Neem de gronden van het bezwaar over.";
    if (!submission.setClientErrors(errors)) return;
    const saved = await submission.submit<Objection>("POST", `/reorganisations/${reorganisation.id}/objections`, {
      person_id: Number(personId),
      grounds: grounds.trim(),
    });
    if (saved) {
      setSuccess(`Het bezwaar van ${saved.name} is geregistreerd.`);
      setPersonId("");
      setGrounds("");
      onRegistered();
    }
  };

  return (
    <section aria-labelledby="bezwaar-registreren">
      <Heading level={2} id="bezwaar-registreren">
        Bezwaar registreren
      </Heading>
      <Paragraph>Voor een bezwaarschrift dat op papier of per e-mail is binnengekomen.</Paragraph>
      <SuccessMessage message={success} />
      <FormErrorSummary submission={submission} title="Het bezwaar is niet geregistreerd" />
      {scope.error && <LoadError error={scope.error} />}
      <form className="utrecht-form kwm-form" onSubmit={register} noValidate aria-label="Bezwaar registreren">
        <SelectField
          id="objection-person"
          label="Medewerker"
          error={submission.fieldErrors.person_id}
          value={personId}
          onChange={setPersonId}
        >
          <option value="">Kies een medewerker</option>
          <EmployeeOptions employees={scope.data?.employees} />
        </SelectField>
        <TextareaField
          id="objection-grounds"
          label="Gronden van het bezwaar"
          error={submission.fieldErrors.grounds}
          rows={4}
          value={grounds}
          onChange={setGrounds}
        />
        <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
          Bezwaar registreren
        </Button>
      </form>
    </section>
  );
}

/** The employee's own outcome and explanation of the confirmed result, with their objections. */
export function MyExplanationPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Mijn uitkomst">
      {(reorganisation) => <MyExplanation reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function MyExplanation({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const explanation = useApi<Explanation>(`/reorganisations/${reorganisation.id}/my-explanation`);
  const objections = useApi<Items<Objection>>(
    reorganisation.status === "confirmed" ? `/reorganisations/${reorganisation.id}/objections` : null,
  );
  const [grounds, setGrounds] = useState("");
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();

  if (explanation.loading && !explanation.data) return <Loading what="Uitkomst" />;
  if (explanation.error) {
    if (explanation.error.code === "no_confirmed_result")
      return (
        <Paragraph>
          Er is nog geen bevestigde uitkomst. Zodra HR de plaatsing heeft bevestigd, leest u hier waar u geplaatst bent
          en waarom.
        </Paragraph>
      );
    return <LoadError error={explanation.error} />;
  }
  if (!explanation.data) return null;
  const mine = objections.data?.items ?? [];
  const hasOpen = mine.some((o) => OPEN.includes(o.status));

  const object = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    if (
      !submission.setClientErrors(
        grounds.trim() ? {} : { grounds: "Schrijf op waarom u het niet eens bent met de uitkomst." },
      )
    )
      return;
    const saved = await submission.submit<Objection>("POST", `/reorganisations/${reorganisation.id}/objections`, {
      grounds: grounds.trim(),
    });
    if (saved) {
      setSuccess("Uw bezwaar is ontvangen. HR neemt contact met u op.");
      setGrounds("");
      objections.reload();
    }
  };

  return (
    <>
      <ExplanationView explanation={explanation.data} audience="self" />
      <section aria-labelledby="bezwaar">
        <Heading level={2} id="bezwaar">
          Bezwaar
        </Heading>
        <Paragraph>
          Bent u het niet eens met de uitkomst, dan kunt u bezwaar maken. Uw bezwaar wordt bewaard met de uitleg die u
          hierboven leest. Een persoon beoordeelt het, niet de software.
        </Paragraph>
        {objections.error && <LoadError error={objections.error} />}
        {mine.map((objection) => (
          <div key={objection.id} className="kwm-pl-card">
            <Paragraph>
              Bezwaar van {formatDateTime(objection.registered_at)}:{" "}
              <StatusBadge tone={statusTone(objection.status)}>{objectionStatusLabels[objection.status]}</StatusBadge>
            </Paragraph>
            <Paragraph className="kwm-pl-motivation">{objection.grounds}</Paragraph>
            {objection.response && (
              <Paragraph>
                <strong>Antwoord:</strong> {objection.response}
              </Paragraph>
            )}
          </div>
        ))}
        <SuccessMessage message={success} />
        {!hasOpen && (
          <>
            <FormErrorSummary submission={submission} title="Uw bezwaar is niet verstuurd" />
            <form className="utrecht-form kwm-form" onSubmit={object} noValidate aria-label="Bezwaar maken">
              <TextareaField
                id="my-objection"
                label="Waarom bent u het niet eens met de uitkomst?"
                error={submission.fieldErrors.grounds}
                rows={5}
                value={grounds}
                onChange={setGrounds}
              />
              <Button type="submit" busy={submission.busy} disabled={submission.busy}>
                Bezwaar maken
              </Button>
            </form>
          </>
        )}
      </section>
    </>
  );
}
