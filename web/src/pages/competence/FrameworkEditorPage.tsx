// The framework editor: name, scale with an anchor text on every point, competencies and knowledge areas with
// their behavioural indicators. Saving a version that a round uses makes the next version (docs/frameworks.md).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, request } from "../../api/client";
import {
  Alert,
  Button,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Link,
  LoadError,
  Loading,
  Paragraph,
  Select,
  Textarea,
  Textbox,
  fieldDescribedBy,
} from "../../components";
import { formatCount } from "../../format";
import { navigate, useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  CODE_PATTERN,
  codeFromName,
  frameworkPath,
  kindLabels,
  type Competency,
  type CompetencyKind,
  type Framework,
  type FrameworkChange,
  type FrameworkDocument,
} from "./model";
import { Breadcrumbs, ErrorSummary, errorMessage, mayWrite, type FieldError } from "./shared";

const DEFAULT_ANCHORS: Record<string, string> = {
  "1": "Laat dit gedrag niet of nauwelijks zien.",
  "2": "Laat dit gedrag af en toe zien, vooral in eenvoudige situaties.",
  "3": "Laat dit gedrag zelfstandig en regelmatig zien.",
  "4": "Laat dit gedrag ook zien in ingewikkelde of nieuwe situaties.",
  "5": "Laat dit gedrag vanzelfsprekend zien en is er een voorbeeld in.",
};

const emptyCompetency = (): Competency => ({
  code: "",
  name: "",
  definition: "",
  kind: "social_normative",
  indicators: [{ code: "i1", text: "" }],
});

const blankFramework = (): FrameworkDocument => ({
  code: "",
  name: "",
  version: 1,
  scale: { min: 1, max: 5, anchors: { ...DEFAULT_ANCHORS } },
  competencies: [emptyCompetency()],
});

/** The document the API takes: only the fields of the file format, since unknown fields are refused. */
function documentOf(framework: FrameworkDocument): FrameworkDocument {
  const { code, name, version, scale, competencies } = framework;
  return {
    code,
    name,
    version,
    scale: { min: scale.min, max: scale.max, anchors: { ...scale.anchors } },
    competencies: competencies.map(({ code, name, definition, kind, indicators }) => ({
      code,
      name,
      definition,
      kind,
      indicators: indicators.map(({ code, text }) => ({ code, text })),
    })),
  };
}

// Control ids follow the API's JSON paths, so a server error lands on its own field.
const ids = {
  code: "fw-code",
  name: "fw-name",
  min: "fw-scale-min",
  max: "fw-scale-max",
  anchor: (point: number | string) => `fw-anchor-${point}`,
  competency: (i: number, field: string) => `fw-c${i}-${field}`,
  indicator: (i: number, j: number, field: string) => `fw-c${i}-i${j}-${field}`,
  addCompetency: "fw-add-competency",
};

export function fieldTarget(path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path === "code") return ids.code;
  if (path === "name") return ids.name;
  if (path === "scale.min" || path === "scale") return ids.min;
  if (path === "scale.max") return ids.max;
  const anchor = /^scale\.anchors\.(\d+)$/.exec(path);
  if (anchor) return ids.anchor(anchor[1]);
  const indicator = /^competencies\[(\d+)\]\.indicators\[(\d+)\](?:\.(code|text))?/.exec(path);
  if (indicator) return ids.indicator(Number(indicator[1]), Number(indicator[2]), indicator[3] ?? "text");
  const indicators = /^competencies\[(\d+)\]\.indicators$/.exec(path);
  if (indicators) return ids.competency(Number(indicators[1]), "add-indicator");
  const competency = /^competencies\[(\d+)\](?:\.(code|name|definition|kind))?/.exec(path);
  if (competency) return ids.competency(Number(competency[1]), competency[2] ?? "code");
  if (path === "competencies") return ids.addCompetency;
  return undefined;
}

/** The problems the editor can see before sending; the server checks the rest (ascriptive traits, usage). */
export function draftProblems(draft: FrameworkDocument, isNew: boolean): FieldError[] {
  const problems: FieldError[] = [];
  if (isNew && !CODE_PATTERN.test(draft.code))
    problems.push({
      target: ids.code,
      message: "Code van het kader: kleine letters, cijfers, - en _, beginnend met een letter of cijfer.",
    });
  if (!draft.name.trim()) problems.push({ target: ids.name, message: "Geef het kader een naam." });
  const { min, max } = draft.scale;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min < max && max <= 10))
    problems.push({
      target: ids.min,
      message: "De schaal loopt van een laagste tot een hoogste punt, tussen 0 en 10.",
    });
  else
    for (let point = min; point <= max; point++)
      if (!draft.scale.anchors[String(point)]?.trim())
        problems.push({ target: ids.anchor(point), message: `Schaalpunt ${point} heeft nog geen omschrijving.` });
  if (draft.competencies.length === 0)
    problems.push({ target: ids.addCompetency, message: "Een kader heeft minstens één competentie of kennisgebied." });
  const seen = new Set<string>();
  draft.competencies.forEach((competency, i) => {
    const label = competency.name.trim() || `Competentie ${i + 1}`;
    if (!CODE_PATTERN.test(competency.code))
      problems.push({
        target: ids.competency(i, "code"),
        message: `${label}: de code bestaat uit kleine letters, cijfers, - en _.`,
      });
    else if (seen.has(competency.code))
      problems.push({
        target: ids.competency(i, "code"),
        message: `${label}: de code ${competency.code} komt al eerder voor.`,
      });
    seen.add(competency.code);
    if (!competency.name.trim())
      problems.push({ target: ids.competency(i, "name"), message: `${label}: vul een naam in.` });
    if (!competency.definition.trim())
      problems.push({ target: ids.competency(i, "definition"), message: `${label}: vul een omschrijving in.` });
    const indicatorCodes = new Set<string>();
    competency.indicators.forEach((indicator, j) => {
      if (!CODE_PATTERN.test(indicator.code) || indicatorCodes.has(indicator.code))
        problems.push({
          target: ids.indicator(i, j, "code"),
          message: `${label}, gedragsindicator ${j + 1}: de code moet uniek zijn en bestaat uit kleine letters, cijfers, - en _.`,
        });
      indicatorCodes.add(indicator.code);
      if (!indicator.text.trim())
        problems.push({
          target: ids.indicator(i, j, "text"),
          message: `${label}, gedragsindicator ${j + 1}: beschrijf het gedrag.`,
        });
    });
    if (competency.indicators.length === 0)
      problems.push({
        target: ids.competency(i, "add-indicator"),
        message: `${label}: voeg minstens één gedragsindicator toe.`,
      });
  });
  return problems;
}

function outcomeText(change: FrameworkChange, previousVersion: number): string {
  const version = change.framework.version;
  switch (change.outcome) {
    case "created":
      return `Het kader is opgeslagen als versie ${version}.`;
    case "unchanged":
      return `Er was niets gewijzigd. Versie ${version} blijft zoals hij was.`;
    case "same_version":
      return `Opgeslagen in versie ${version}. Deze versie werd nog door geen enkele ronde gebruikt, dus er was geen nieuwe versie nodig.`;
    case "new_version":
      return `Er is een nieuwe versie gemaakt: versie ${version}. Versie ${previousVersion} is in gebruik door een beoordelingsronde en blijft daarvoor ongewijzigd bewaard.`;
  }
}

function diffText(change: FrameworkChange): string[] {
  const { diff } = change;
  const lines: string[] = [];
  if (diff.added.length) lines.push(`Toegevoegd: ${diff.added.join(", ")}`);
  if (diff.removed.length) lines.push(`Verwijderd: ${diff.removed.join(", ")}`);
  if (diff.changed.length) lines.push(`Gewijzigd: ${diff.changed.join(", ")}`);
  if (diff.name_changed) lines.push("De naam van het kader is gewijzigd.");
  if (diff.scale_changed) lines.push("De schaal of de omschrijvingen van de schaalpunten zijn gewijzigd.");
  if (diff.reordered) lines.push("De volgorde is gewijzigd.");
  return lines;
}

export function FrameworkEditorPage({ code }: { code: string | null }) {
  const { user } = useSession();
  const location = useLocation();
  const requestedVersion = location.search.get("versie");
  const copied = location.search.get("gekopieerd") === "1";
  const isNew = code === null;
  const path = isNew
    ? null
    : `/frameworks/${encodeURIComponent(code)}${requestedVersion ? `?version=${encodeURIComponent(requestedVersion)}` : ""}`;
  const loaded = useApi<Framework>(path);
  const framework = loaded.data;
  const title = isNew ? "Nieuw competentiekader" : (framework?.name ?? "Competentiekader");
  usePageTitle(title);

  const editable = mayWrite(user) && (isNew || framework?.status === "current");
  const [saved, setSaved] = useState<{ change: FrameworkChange; previous: number } | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const onSaved = (change: FrameworkChange, previous: number) => {
    setSaved({ change, previous });
    // The version facts above the form follow the stored framework (a new version adds a link to the old one).
    loaded.reload();
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/kaders", label: "Competentiekaders" },
          { label: title },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {loaded.loading && !framework && <Loading what="Kader" />}
      {loaded.error && <LoadError error={loaded.error} />}
      {framework && <VersionFacts framework={framework} />}
      {copied && framework && (
        <Alert type="ok">
          <Paragraph>
            Het referentiekader is gekopieerd als versie {framework.version}. Pas de teksten hieronder aan uw eigen
            organisatie aan.
          </Paragraph>
        </Alert>
      )}
      {saved && (
        <div ref={savedRef} tabIndex={-1} className="kwm-outcome" data-testid="framework-outcome">
          <Alert type="ok" live>
            <Paragraph>{outcomeText(saved.change, saved.previous)}</Paragraph>
            {diffText(saved.change).length > 0 && (
              <ul>
                {diffText(saved.change).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      {isNew && editable && (
        <FrameworkForm
          key="new"
          initial={blankFramework()}
          isNew
          inUse={false}
          onSaved={onSaved}
          onEdit={() => setSaved(null)}
        />
      )}
      {framework && editable && (
        <FrameworkForm
          key={`${framework.code}-${framework.version}`}
          initial={framework}
          isNew={false}
          inUse={framework.in_use}
          onSaved={onSaved}
          onEdit={() => setSaved(null)}
        />
      )}
      {framework && !editable && <FrameworkView framework={framework} />}
    </>
  );
}

function VersionFacts({ framework }: { framework: Framework }) {
  const current = Math.max(...framework.versions);
  return (
    <section aria-labelledby="versie" className="kwm-version">
      <Heading level={2} id="versie">
        Versie {framework.version}
        {framework.status === "current" ? " (huidige versie)" : " (vervangen)"}
      </Heading>
      <DataList
        items={[
          { key: "Code", value: <span className="kwm-code">{framework.code}</span> },
          {
            key: "In gebruik",
            value: framework.in_use
              ? "Ja: een beoordelingsronde gebruikt deze versie. Wijzigen maakt een nieuwe versie."
              : "Nee: wijzigingen worden in deze versie opgeslagen.",
          },
          {
            key: "Versies",
            value: (
              <span className="kwm-link-pair">
                {framework.versions.map((version) =>
                  version === framework.version ? (
                    <span key={version} aria-current="page">
                      versie {version}
                    </span>
                  ) : (
                    <Link
                      key={version}
                      href={`${frameworkPath(framework.code)}${version === current ? "" : `?versie=${version}`}`}
                    >
                      versie {version}
                    </Link>
                  ),
                )}
              </span>
            ),
          },
        ]}
      />
      {framework.status === "superseded" && (
        <Alert type="info">
          <Paragraph>
            U bekijkt een oude versie. Rondes die deze versie gebruiken, blijven ermee werken.{" "}
            <Link href={frameworkPath(framework.code)}>Naar de huidige versie {current}</Link>
          </Paragraph>
        </Alert>
      )}
    </section>
  );
}

/** A framework to read: the scale with its anchors, then every competency with its indicators. */
function FrameworkView({ framework }: { framework: Framework }) {
  return (
    <>
      <section aria-labelledby="schaal">
        <Heading level={2} id="schaal">
          Schaal {framework.scale.min}–{framework.scale.max}
        </Heading>
        <DataList
          items={Object.entries(framework.scale.anchors)
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([point, text]) => ({ key: `Punt ${point}`, value: text }))}
        />
      </section>
      <section aria-labelledby="competenties">
        <Heading level={2} id="competenties">
          Competenties en kennisgebieden ({formatCount(framework.competencies.length)})
        </Heading>
        {framework.competencies.map((competency) => (
          <article key={competency.code} className="kwm-competency-view" aria-labelledby={`view-${competency.code}`}>
            <Heading level={3} id={`view-${competency.code}`}>
              {competency.name} <span className="kwm-code kwm-hint">({competency.code})</span>
            </Heading>
            <Paragraph>{competency.definition}</Paragraph>
            <Paragraph className="kwm-hint">{kindLabels[competency.kind]}</Paragraph>
            <ol className="kwm-indicator-list">
              {competency.indicators.map((indicator) => (
                <li key={indicator.code}>
                  {indicator.text} <span className="kwm-code kwm-hint">({indicator.code})</span>
                </li>
              ))}
            </ol>
          </article>
        ))}
      </section>
    </>
  );
}

interface FrameworkFormProps {
  initial: FrameworkDocument;
  isNew: boolean;
  inUse: boolean;
  onSaved: (change: FrameworkChange, previousVersion: number) => void;
  onEdit: () => void;
}

function FrameworkForm({ initial, isNew, inUse, onSaved, onEdit }: FrameworkFormProps) {
  const [draft, setDraft] = useState<FrameworkDocument>(() => documentOf(initial));
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<string | null>(null);

  // After adding or moving a competency, put the keyboard where the user's attention now is.
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const errorFor = (id: string) => problems.find((p) => p.target === id)?.message;
  const describedBy = (id: string) => (errorFor(id) ? `${id}-error` : undefined);
  const update = (change: (draft: FrameworkDocument) => FrameworkDocument) => {
    setDraft((current) => change(current));
    onEdit();
  };
  const updateCompetency = (i: number, patch: Partial<Competency>) =>
    update((d) => ({ ...d, competencies: d.competencies.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  const updateIndicator = (i: number, j: number, patch: Partial<{ code: string; text: string }>) =>
    updateCompetency(i, {
      indicators: draft.competencies[i].indicators.map((indicator, k) =>
        k === j ? { ...indicator, ...patch } : indicator,
      ),
    });
  const setScale = (min: number, max: number) =>
    update((d) => {
      const anchors: Record<string, string> = {};
      for (let point = min; point <= max && max - min <= 10; point++)
        anchors[String(point)] = d.scale.anchors[String(point)] ?? "";
      return { ...d, scale: { min, max, anchors } };
    });
  const moveCompetency = (i: number, by: -1 | 1) => {
    update((d) => {
      const list = [...d.competencies];
      const [moved] = list.splice(i, 1);
      list.splice(i + by, 0, moved);
      return { ...d, competencies: list };
    });
    focusAfter.current = ids.competency(i + by, by < 0 ? "up" : "down");
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onEdit();
    const found = draftProblems(draft, isNew);
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const body = documentOf(draft);
      const change = isNew
        ? await request<FrameworkChange>("POST", "/frameworks", { body })
        : await request<FrameworkChange>("PUT", `/frameworks/${encodeURIComponent(draft.code)}`, { body });
      if (isNew) {
        navigate(frameworkPath(change.framework.code));
        return;
      }
      setDraft(documentOf(change.framework));
      onSaved(change, initial.version);
    } catch (cause) {
      const message = errorMessage(cause, "Opslaan is niet gelukt.");
      setProblems([{ target: cause instanceof ApiError ? fieldTarget(cause.field) : undefined, message }]);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await request<void>("DELETE", `/frameworks/${encodeURIComponent(draft.code)}`);
      navigate("/competenties/kaders");
    } catch (cause) {
      setProblems([{ message: errorMessage(cause, "Verwijderen is niet gelukt.") }]);
      setConfirmDelete(false);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="kwm-form kwm-framework-form" onSubmit={save} noValidate aria-label="Competentiekader bewerken">
      {inUse && (
        <Alert type="warning">
          <Paragraph>
            Deze versie is in gebruik. Slaat u een wijziging op, dan maakt Kwartiermaker versie {initial.version + 1};
            de ronde die versie {initial.version} gebruikt, houdt die versie.
          </Paragraph>
        </Alert>
      )}
      <ErrorSummary ref={summaryRef} title="Het kader is niet opgeslagen" errors={problems} />
      {isNew && (
        <FormField
          id={ids.code}
          label="Code"
          description="Kleine letters, cijfers, - en _; de code verandert later niet meer."
          error={errorFor(ids.code)}
        >
          <Textbox
            id={ids.code}
            value={draft.code}
            onChange={(e) => update((d) => ({ ...d, code: e.target.value }))}
            invalid={Boolean(errorFor(ids.code))}
            aria-describedby={fieldDescribedBy(ids.code, true, Boolean(errorFor(ids.code)))}
            autoComplete="off"
            spellCheck={false}
          />
        </FormField>
      )}
      <FormField id={ids.name} label="Naam van het kader" error={errorFor(ids.name)}>
        <Textbox
          id={ids.name}
          value={draft.name}
          onChange={(e) =>
            update((d) => ({
              ...d,
              name: e.target.value,
              code: isNew && !d.code ? codeFromName(e.target.value) : d.code,
            }))
          }
          invalid={Boolean(errorFor(ids.name))}
          aria-describedby={describedBy(ids.name)}
        />
      </FormField>

      <Fieldset legend="Schaal" className="kwm-scale-editor">
        <div className="kwm-inline-fields">
          <FormField id={ids.min} label="Laagste punt" error={errorFor(ids.min)}>
            <Textbox
              id={ids.min}
              type="number"
              inputMode="numeric"
              min={0}
              max={9}
              value={draft.scale.min}
              onChange={(e) => setScale(Number(e.target.value), draft.scale.max)}
              invalid={Boolean(errorFor(ids.min))}
              aria-describedby={describedBy(ids.min)}
            />
          </FormField>
          <FormField id={ids.max} label="Hoogste punt">
            <Textbox
              id={ids.max}
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              value={draft.scale.max}
              onChange={(e) => setScale(draft.scale.min, Number(e.target.value))}
            />
          </FormField>
        </div>
        {Object.keys(draft.scale.anchors)
          .sort((a, b) => Number(a) - Number(b))
          .map((point) => (
            <FormField
              key={point}
              id={ids.anchor(point)}
              label={`Omschrijving van punt ${point}`}
              error={errorFor(ids.anchor(point))}
            >
              <Textarea
                id={ids.anchor(point)}
                rows={2}
                value={draft.scale.anchors[point]}
                onChange={(e) =>
                  update((d) => ({
                    ...d,
                    scale: { ...d.scale, anchors: { ...d.scale.anchors, [point]: e.target.value } },
                  }))
                }
                invalid={Boolean(errorFor(ids.anchor(point)))}
                aria-describedby={describedBy(ids.anchor(point))}
              />
            </FormField>
          ))}
      </Fieldset>

      <Heading level={2}>Competenties en kennisgebieden ({formatCount(draft.competencies.length)})</Heading>
      {draft.competencies.map((competency, i) => (
        <Fieldset
          key={i}
          legend={`${i + 1}. ${competency.name.trim() || "Nieuwe competentie"}`}
          className="kwm-competency-editor"
        >
          <div className="kwm-inline-fields">
            <FormField id={ids.competency(i, "name")} label="Naam" error={errorFor(ids.competency(i, "name"))}>
              <Textbox
                id={ids.competency(i, "name")}
                value={competency.name}
                onChange={(e) =>
                  updateCompetency(i, {
                    name: e.target.value,
                    code:
                      competency.code === "" || competency.code === codeFromName(competency.name)
                        ? codeFromName(e.target.value)
                        : competency.code,
                  })
                }
                invalid={Boolean(errorFor(ids.competency(i, "name")))}
                aria-describedby={describedBy(ids.competency(i, "name"))}
              />
            </FormField>
            <FormField id={ids.competency(i, "code")} label="Code" error={errorFor(ids.competency(i, "code"))}>
              <Textbox
                id={ids.competency(i, "code")}
                value={competency.code}
                onChange={(e) => updateCompetency(i, { code: e.target.value })}
                invalid={Boolean(errorFor(ids.competency(i, "code")))}
                aria-describedby={describedBy(ids.competency(i, "code"))}
                autoComplete="off"
                spellCheck={false}
              />
            </FormField>
            <FormField id={ids.competency(i, "kind")} label="Soort">
              <Select
                id={ids.competency(i, "kind")}
                value={competency.kind}
                onChange={(e) => updateCompetency(i, { kind: e.target.value as CompetencyKind })}
              >
                {(Object.keys(kindLabels) as CompetencyKind[]).map((kind) => (
                  <option key={kind} value={kind}>
                    {kindLabels[kind]}
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <FormField
            id={ids.competency(i, "definition")}
            label="Omschrijving"
            error={errorFor(ids.competency(i, "definition"))}
          >
            <Textarea
              id={ids.competency(i, "definition")}
              rows={2}
              value={competency.definition}
              onChange={(e) => updateCompetency(i, { definition: e.target.value })}
              invalid={Boolean(errorFor(ids.competency(i, "definition")))}
              aria-describedby={describedBy(ids.competency(i, "definition"))}
            />
          </FormField>
          <Heading level={3} className="utrecht-heading-4">
            Gedragsindicatoren van {competency.name.trim() || `competentie ${i + 1}`}
          </Heading>
          <ol className="kwm-indicator-editor">
            {competency.indicators.map((indicator, j) => (
              <li key={j} className="kwm-indicator-editor__row">
                <FormField
                  id={ids.indicator(i, j, "code")}
                  label={
                    <>
                      Code<span className="kwm-visually-hidden"> van gedragsindicator {j + 1}</span>
                    </>
                  }
                  error={errorFor(ids.indicator(i, j, "code"))}
                  className="kwm-indicator-editor__code"
                >
                  <Textbox
                    id={ids.indicator(i, j, "code")}
                    value={indicator.code}
                    onChange={(e) => updateIndicator(i, j, { code: e.target.value })}
                    invalid={Boolean(errorFor(ids.indicator(i, j, "code")))}
                    aria-describedby={describedBy(ids.indicator(i, j, "code"))}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </FormField>
                <FormField
                  id={ids.indicator(i, j, "text")}
                  label={`Gedragsindicator ${j + 1}`}
                  error={errorFor(ids.indicator(i, j, "text"))}
                  className="kwm-indicator-editor__text"
                >
                  <Textarea
                    id={ids.indicator(i, j, "text")}
                    rows={3}
                    value={indicator.text}
                    onChange={(e) => updateIndicator(i, j, { text: e.target.value })}
                    invalid={Boolean(errorFor(ids.indicator(i, j, "text")))}
                    aria-describedby={describedBy(ids.indicator(i, j, "text"))}
                  />
                </FormField>
                <Button
                  appearance="subtle"
                  disabled={competency.indicators.length === 1}
                  onClick={() => {
                    updateCompetency(i, { indicators: competency.indicators.filter((_, k) => k !== j) });
                    focusAfter.current = ids.competency(i, "add-indicator");
                  }}
                >
                  Verwijderen
                  <span className="kwm-visually-hidden">
                    {" "}
                    (gedragsindicator {j + 1} van {competency.name})
                  </span>
                </Button>
              </li>
            ))}
          </ol>
          <div className="utrecht-button-group">
            <Button
              id={ids.competency(i, "add-indicator")}
              onClick={() => {
                const used = new Set(competency.indicators.map((indicator) => indicator.code));
                let n = competency.indicators.length + 1;
                while (used.has(`i${n}`)) n++;
                updateCompetency(i, { indicators: [...competency.indicators, { code: `i${n}`, text: "" }] });
                focusAfter.current = ids.indicator(i, competency.indicators.length, "text");
              }}
            >
              Gedragsindicator toevoegen<span className="kwm-visually-hidden"> aan {competency.name}</span>
            </Button>
            <Button
              id={ids.competency(i, "up")}
              appearance="subtle"
              disabled={i === 0}
              onClick={() => moveCompetency(i, -1)}
            >
              Omhoog<span className="kwm-visually-hidden"> ({competency.name})</span>
            </Button>
            <Button
              id={ids.competency(i, "down")}
              appearance="subtle"
              disabled={i === draft.competencies.length - 1}
              onClick={() => moveCompetency(i, 1)}
            >
              Omlaag<span className="kwm-visually-hidden"> ({competency.name})</span>
            </Button>
            <Button
              appearance="subtle"
              onClick={() => {
                update((d) => ({ ...d, competencies: d.competencies.filter((_, k) => k !== i) }));
                focusAfter.current = ids.addCompetency;
              }}
            >
              Competentie verwijderen<span className="kwm-visually-hidden"> ({competency.name})</span>
            </Button>
          </div>
        </Fieldset>
      ))}
      <Button
        id={ids.addCompetency}
        onClick={() => {
          update((d) => ({ ...d, competencies: [...d.competencies, emptyCompetency()] }));
          focusAfter.current = ids.competency(draft.competencies.length, "name");
        }}
      >
        Competentie of kennisgebied toevoegen
      </Button>
      <div className="utrecht-button-group kwm-form-actions">
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          {isNew ? "Kader aanmaken" : "Wijzigingen opslaan"}
        </Button>
        {!isNew && !confirmDelete && (
          <Button appearance="subtle" onClick={() => setConfirmDelete(true)}>
            Kader verwijderen
          </Button>
        )}
      </div>
      {confirmDelete && (
        <Alert type="warning">
          <Paragraph>
            Weet u zeker dat u het kader {draft.name} met alle versies wilt verwijderen? Dat kan alleen als geen
            functieprofiel en geen ronde het gebruikt.
          </Paragraph>
          <div className="utrecht-button-group">
            <Button appearance="primary" busy={busy} disabled={busy} onClick={() => void remove()}>
              Ja, verwijderen
            </Button>
            <Button onClick={() => setConfirmDelete(false)}>Annuleren</Button>
          </div>
        </Alert>
      )}
    </form>
  );
}
