// The rating form of every source: one fieldset per behavioural indicator, one large radio option per scale
// point with its anchor text. Built for a phone first: a single column, touch targets of at least 48 px.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Alert, Button, Heading, Paragraph } from "../../components";
import { formatCount, formatDate } from "../../format";
import { ErrorSummary, errorMessage, type FieldError } from "./shared";
import { kindLabels, sourceLabels, type RatingFormData } from "./model";

export interface ScoreInput {
  competency_code: string;
  indicator_code: string;
  score: number | null;
}

export interface RatingFormProps {
  form: RatingFormData;
  /** Stores the scores; answers the form as the server now holds it. */
  save: (scores: ScoreInput[]) => Promise<RatingFormData>;
  /** "uw zelfbeoordeling", "de beoordeling van Jan": used in the messages. */
  subject: string;
}

type Scores = Map<string, number | null>;
type Notice = { type: "ok" | "error"; text: string } | null;

const key = (competency: string, indicator: string) => `${competency}/${indicator}`;
const inputId = (competency: string, indicator: string, point: number) => `score-${competency}-${indicator}-${point}`;

function scoresOf(form: RatingFormData): Scores {
  const scores: Scores = new Map();
  for (const competency of form.competencies)
    for (const indicator of competency.indicators) scores.set(key(competency.code, indicator.code), indicator.score);
  return scores;
}

/** Every indicator of the form with its score, answered or not. */
function scoresBody(form: RatingFormData, scores: Scores): ScoreInput[] {
  return form.competencies.flatMap((competency) =>
    competency.indicators.map((indicator) => ({
      competency_code: competency.code,
      indicator_code: indicator.code,
      score: scores.get(key(competency.code, indicator.code)) ?? null,
    })),
  );
}

function scalePoints(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export function RatingForm({ form: initial, save, subject }: RatingFormProps) {
  const [form, setForm] = useState(initial);
  const [scores, setScores] = useState<Scores>(() => scoresOf(initial));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [missing, setMissing] = useState<FieldError[]>([]);
  const noticeRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const total = useMemo(() => form.competencies.reduce((n, c) => n + c.indicators.length, 0), [form]);
  const answered = useMemo(() => [...scores.values()].filter((score) => score !== null).length, [scores]);
  const editable = form.editable && form.round.status === "open";

  // Leaving with unsaved answers asks first; a phone's back gesture otherwise loses them silently.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const choose = (competency: string, indicator: string, point: number) => {
    setScores((current) => new Map(current).set(key(competency, indicator), point));
    setDirty(true);
    setNotice(null);
    setMissing((errors) => errors.filter((e) => !e.target?.startsWith(`score-${competency}-${indicator}-`)));
  };

  const unanswered = (): FieldError[] =>
    form.competencies.flatMap((competency) =>
      competency.indicators
        .filter((indicator) => scores.get(key(competency.code, indicator.code)) == null)
        .map((indicator) => ({
          target: inputId(competency.code, indicator.code, competency.scale.min),
          message: `${competency.name}: ${indicator.text}`,
        })),
    );

  async function store(mode: "save" | "submit") {
    setNotice(null);
    if (mode === "submit") {
      const open = unanswered();
      setMissing(open);
      if (open.length > 0) {
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
    }
    setBusy(mode);
    try {
      const stored = await save(scoresBody(form, scores));
      setForm(stored);
      setScores(scoresOf(stored));
      setDirty(false);
      setNotice({
        type: "ok",
        text:
          mode === "submit" && stored.complete
            ? `Verstuurd: ${subject} is compleet (${formatCount(stored.rated)} van ${formatCount(stored.expected)} beantwoord). Tot de deadline van ${formatDate(stored.round.deadline)} kunt u antwoorden nog wijzigen.`
            : `Opgeslagen: ${formatCount(stored.rated)} van ${formatCount(stored.expected)} beantwoord. U kunt later verdergaan.`,
      });
    } catch (cause) {
      setNotice({ type: "error", text: errorMessage(cause, "Opslaan is niet gelukt. Probeer het opnieuw.") });
    } finally {
      setBusy(null);
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void store("submit");
  };

  return (
    <form className="kwm-rating-form" onSubmit={submit} noValidate aria-label={`${sourceLabels[form.source]} invullen`}>
      <RatingStatus
        answered={answered}
        total={total}
        complete={form.complete && !dirty}
        editable={editable}
        closed={form.round.status === "closed"}
      />
      <ErrorSummary
        ref={summaryRef}
        title={`Nog ${missing.length === 1 ? "1 vraag" : `${formatCount(missing.length)} vragen`} open`}
        errors={missing}
      />
      {form.competencies.map((competency) => {
        const headingId = `competency-${competency.code}`;
        return (
          <section key={competency.code} className="kwm-rating-competency" aria-labelledby={headingId}>
            <Heading level={2} id={headingId}>
              {competency.name}
            </Heading>
            <Paragraph className="kwm-rating-competency__definition">{competency.definition}</Paragraph>
            <Paragraph className="kwm-hint">{kindLabels[competency.kind]}</Paragraph>
            {competency.indicators.map((indicator, index) => {
              return (
                <IndicatorQuestion
                  key={indicator.code}
                  competency={competency}
                  index={index}
                  chosen={scores.get(key(competency.code, indicator.code)) ?? null}
                  invalid={missing.some(
                    (e) => e.target === inputId(competency.code, indicator.code, competency.scale.min),
                  )}
                  editable={editable}
                  onChoose={(point) => choose(competency.code, indicator.code, point)}
                />
              );
            })}
          </section>
        );
      })}
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="kwm-outcome">
          <Alert type={notice.type} live>
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        </div>
      )}
      {editable && (
        <div className="kwm-rating-actions">
          <Button
            type="button"
            appearance="secondary"
            busy={busy === "save"}
            disabled={busy !== null}
            onClick={() => void store("save")}
          >
            Tussentijds opslaan
          </Button>
          <Button type="submit" appearance="primary" busy={busy === "submit"} disabled={busy !== null}>
            Versturen
          </Button>
        </div>
      )}
    </form>
  );
}

type RatedCompetency = RatingFormData["competencies"][number];

interface IndicatorQuestionProps {
  competency: RatedCompetency;
  /** Which indicator of the competency, from 0. */
  index: number;
  chosen: number | null;
  invalid: boolean;
  editable: boolean;
  onChoose: (point: number) => void;
}

/** One behavioural indicator as a question: one large radio option per scale point, with its anchor text. */
function IndicatorQuestion({ competency, index, chosen, invalid, editable, onChoose }: IndicatorQuestionProps) {
  const indicator = competency.indicators[index];
  const points = scalePoints(competency.scale.min, competency.scale.max);
  return (
    <fieldset
      className={`kwm-indicator${invalid ? " kwm-indicator--invalid" : ""}`}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${inputId(competency.code, indicator.code, 0)}-error` : undefined}
    >
      <legend className="kwm-indicator__legend">
        <span className="kwm-indicator__number">
          {competency.name}, vraag {index + 1} van {competency.indicators.length}
        </span>
        <span className="kwm-indicator__text">{indicator.text}</span>
      </legend>
      {invalid && (
        <p className="kwm-indicator__error" id={`${inputId(competency.code, indicator.code, 0)}-error`}>
          Kies een antwoord.
        </p>
      )}
      <div className="kwm-scale">
        {points.map((point) => {
          const id = inputId(competency.code, indicator.code, point);
          return (
            <div key={point} className="kwm-scale__option">
              <input
                type="radio"
                id={id}
                name={key(competency.code, indicator.code)}
                value={point}
                checked={chosen === point}
                disabled={!editable}
                onChange={() => onChoose(point)}
                className="kwm-scale__input"
              />
              <label htmlFor={id} className="kwm-scale__label">
                <span className="kwm-scale__point">{point}</span>
                <span className="kwm-scale__anchor">{competency.scale.anchors[String(point)] ?? ""}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface RatingStatusProps {
  answered: number;
  total: number;
  complete: boolean;
  editable: boolean;
  closed: boolean;
}

/** How far the form is, and why it cannot be changed when it cannot. */
function RatingStatus({ answered, total, complete, editable, closed }: RatingStatusProps) {
  return (
    <>
      <p className="utrecht-paragraph kwm-rating-progress" id="rating-progress">
        <strong>
          {formatCount(answered)} van {formatCount(total)}
        </strong>{" "}
        gedragsindicatoren beantwoord
        {complete ? " · compleet" : ""}
        <progress
          className="kwm-rating-progress__bar"
          max={total || 1}
          value={answered}
          aria-labelledby="rating-progress"
        />
      </p>
      {!editable && (
        <Alert type="info">
          <Paragraph>
            {closed
              ? "Deze ronde is gesloten: de antwoorden kunnen niet meer worden gewijzigd."
              : "U kunt deze beoordeling bekijken, maar niet wijzigen."}
          </Paragraph>
        </Alert>
      )}
    </>
  );
}
