import { useRef, useState } from "react";
import { request } from "../../api/client";
import { Alert, Button, Heading, Link, LoadError, Loading, Paragraph } from "../../components";
import { formatCount, formatDate, formatDateTime } from "../../format";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  progressLabels,
  reportPath,
  roundStatusLabels,
  type Consent,
  type OwnRound,
  type RatingFormData,
} from "./model";
import { RatingForm } from "./RatingForm";
import { Breadcrumbs, PurposeBanner, errorMessage } from "./shared";

const ownPath = (code: string) => `/my/assessments/${encodeURIComponent(code)}`;
const selfFormPath = (code: string) => `/competenties/mijn/${encodeURIComponent(code)}`;

/** The employee's rounds: which self-assessments are waiting, done, and where the results are. */
export function MyAssessmentsPage() {
  usePageTitle("Mijn beoordelingen");
  const rounds = useApi<{ items: OwnRound[] }>("/my/assessments");
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Mijn beoordelingen
      </Heading>
      <Paragraph lead>
        Hier vult u uw zelfbeoordeling in. Uw leidinggevende en eventueel een externe assessor beoordelen dezelfde
        gedragsindicatoren; samen geven die een beeld van waar u staat ten opzichte van uw functieprofiel.
      </Paragraph>
      {rounds.loading && <Loading what="Beoordelingen" />}
      {rounds.error && <LoadError error={rounds.error} />}
      {rounds.data && rounds.data.items.length === 0 && (
        <Paragraph className="kwm-empty">U doet op dit moment niet mee aan een beoordelingsronde.</Paragraph>
      )}
      {rounds.data && rounds.data.items.length > 0 && (
        <ul className="kwm-card-list" role="list">
          {rounds.data.items.map((round) => (
            <li key={round.code} className="kwm-card">
              <Heading level={2} className="utrecht-heading-3 kwm-card__title">
                {round.name}
              </Heading>
              <PurposeBanner purpose={round.purpose} text={round.purpose_text} compact />
              <dl className="kwm-card__facts">
                <div>
                  <dt>Invullen vóór</dt>
                  <dd>{formatDate(round.deadline)}</dd>
                </div>
                <div>
                  <dt>Ronde</dt>
                  <dd>{roundStatusLabels[round.status]}</dd>
                </div>
                <div>
                  <dt>Uw zelfbeoordeling</dt>
                  <dd>
                    {progressLabels[round.self.status]} ({formatCount(round.self.rated)} van{" "}
                    {formatCount(round.self.expected)})
                  </dd>
                </div>
              </dl>
              <p className="utrecht-paragraph kwm-card__actions">
                <Link href={selfFormPath(round.code)} className="kwm-button-link">
                  {round.status === "open" && round.self.status !== "complete"
                    ? "Zelfbeoordeling invullen"
                    : "Zelfbeoordeling bekijken"}
                  <span className="kwm-visually-hidden"> ({round.name})</span>
                </Link>
                <SelfReportLink round={round} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SelfReportLink({ round }: { round: OwnRound }) {
  const { user } = useSession();
  const person = useApi<{ personnel_number: string }>(user.person_id !== null ? `/people/${user.person_id}` : null);
  if (!person.data) return null;
  return (
    <Link href={reportPath(round.code, person.data.personnel_number)}>
      Mijn resultaat<span className="kwm-visually-hidden"> in {round.name}</span>
    </Link>
  );
}

/** The employee's own self-assessment of one round (GET/PUT /my/assessments/{code}). */
export function SelfAssessmentPage({ code }: { code: string }) {
  const form = useApi<RatingFormData>(ownPath(code));
  const title = form.data ? `Zelfbeoordeling ${form.data.round.name}` : "Zelfbeoordeling";
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/competenties/mijn", label: "Mijn beoordelingen" }, { label: "Zelfbeoordeling" }]}
      />
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {form.loading && !form.data && <Loading what="Formulier" />}
      {form.error && <LoadError error={form.error} />}
      {form.data && (
        <>
          <PurposeBanner purpose={form.data.round.purpose} text={form.data.round.purpose_text} />
          <Paragraph>
            Geef per uitspraak aan hoe vaak en in welke situaties u dit gedrag laat zien. Vul in vóór{" "}
            <strong>{formatDate(form.data.round.deadline)}</strong>. U kunt tussentijds opslaan en later verdergaan.
          </Paragraph>
          {form.data.round.purpose === "development" && (
            <ConsentSection code={code} initial={form.data.consent} editable={form.data.round.status === "open"} />
          )}
          <RatingForm
            form={form.data}
            subject="uw zelfbeoordeling"
            save={(scores) => request<RatingFormData>("PUT", ownPath(code), { body: { scores } })}
          />
        </>
      )}
    </>
  );
}

/**
 * Consent that this development round's results may also be used for selection and placement: never assumed,
 * given and withdrawn by the employee alone (docs/scoring.md, "Purpose limitation").
 */
function ConsentSection({ code, initial, editable }: { code: string; initial: Consent | null; editable: boolean }) {
  const [consent, setConsent] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  async function change(give: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      if (give) {
        const recorded = await request<Consent>("POST", `${ownPath(code)}/consent`);
        setConsent(recorded);
        setMessage({ type: "ok", text: "Uw toestemming is vastgelegd. U kunt die altijd weer intrekken." });
      } else {
        await request<void>("DELETE", `${ownPath(code)}/consent`);
        setConsent(null);
        setMessage({ type: "ok", text: "Uw toestemming is ingetrokken." });
      }
    } catch (cause) {
      setMessage({ type: "error", text: errorMessage(cause, "Het vastleggen is niet gelukt.") });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  return (
    <details className="kwm-consent">
      <summary>Toestemming voor gebruik bij selectie en plaatsing ({consent ? "gegeven" : "niet gegeven"})</summary>
      <Paragraph>
        Dit is een ontwikkelassessment. De uitkomsten worden alleen gebruikt voor uw ontwikkeling, tenzij u zelf
        uitdrukkelijk toestemming geeft om ze ook te gebruiken bij selectie en plaatsing in een reorganisatie.
      </Paragraph>
      {consent ? (
        <Paragraph>
          U gaf toestemming op {formatDateTime(consent.recorded_at)} (vastgelegd door {consent.recorded_by}).
        </Paragraph>
      ) : (
        <Paragraph>U heeft geen toestemming gegeven.</Paragraph>
      )}
      {editable && (
        <Button appearance="secondary" busy={busy} disabled={busy} onClick={() => void change(!consent)}>
          {consent ? "Toestemming intrekken" : "Ik geef toestemming"}
        </Button>
      )}
      {message && (
        <div ref={messageRef} tabIndex={-1} className="kwm-outcome">
          <Alert type={message.type} live>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        </div>
      )}
    </details>
  );
}
