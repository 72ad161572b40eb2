import { useMemo, useRef, useState, type FormEvent } from "react";
import { request } from "../../api/client";
import {
  Alert,
  Button,
  DataTable,
  FormField,
  Heading,
  Link,
  LoadError,
  Loading,
  Paragraph,
  Textbox,
  columnHelper,
  fieldDescribedBy,
} from "../../components";
import { ExportLinks } from "../../components/ExportLinks";
import { formatCount } from "../../format";
import { navigate } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  CODE_PATTERN,
  frameworkPath,
  kindLabels,
  type FrameworkChange,
  type FrameworkSummary,
  type ReferenceFramework,
} from "./model";
import { Breadcrumbs, errorMessage, mayWrite } from "./shared";

const frameworkColumns = (() => {
  const helper = columnHelper<FrameworkSummary>();
  return helper.columns([
    helper.accessor("name", {
      header: "Kader",
      meta: { rowHeader: true },
      cell: (info) => <Link href={frameworkPath(info.row.original.code)}>{info.getValue()}</Link>,
    }),
    helper.accessor("code", { header: "Code", cell: (info) => <span className="kwm-code">{info.getValue()}</span> }),
    helper.accessor("version", { header: "Versie", meta: { numeric: true } }),
    helper.accessor("in_use", {
      header: "In gebruik",
      cell: (info) => (info.getValue() ? "Ja, door een ronde" : "Nee"),
    }),
    helper.accessor("competencies", { header: "Competenties", meta: { numeric: true } }),
    helper.accessor("knowledge_areas", { header: "Kennisgebieden", meta: { numeric: true } }),
  ]);
})();

/** The municipality's competency frameworks, and the reference frameworks it can copy. */
export function FrameworksPage() {
  usePageTitle("Competentiekaders");
  const { user } = useSession();
  const frameworks = useApi<{ items: FrameworkSummary[] }>("/frameworks");
  const writer = mayWrite(user);
  return (
    <>
      <Breadcrumbs items={[{ href: "/competenties", label: "Competenties" }, { label: "Competentiekaders" }]} />
      <Heading level={1} tabIndex={-1}>
        Competentiekaders
      </Heading>
      <Paragraph lead>
        Een competentiekader bevat competenties en kennisgebieden, met gedragsindicatoren en een schaal waarop elk punt
        een omschrijving heeft. Een kader dat een beoordelingsronde gebruikt, verandert niet meer: een wijziging wordt
        dan een nieuwe versie.
      </Paragraph>
      {frameworks.loading && <Loading what="Kaders" />}
      {frameworks.error && <LoadError error={frameworks.error} />}
      {frameworks.data && (
        <section aria-labelledby="eigen-kaders">
          <Heading level={2} id="eigen-kaders">
            Kaders van de gemeente ({formatCount(frameworks.data.items.length)})
          </Heading>
          <DataTable
            caption="Competentiekaders van de gemeente"
            captionHidden
            columns={frameworkColumns}
            data={frameworks.data.items}
            rowKey={(f) => f.code}
            empty={
              writer
                ? "De gemeente heeft nog geen competentiekader. Kopieer hieronder een referentiekader of maak een nieuw kader."
                : "De gemeente heeft nog geen competentiekader."
            }
          />
          {writer && frameworks.data.items.length > 0 && (
            <ExportLinks path="/export/frameworks" what="alle gedragsindicatoren van de huidige kaders" />
          )}
          {writer && (
            <Paragraph>
              <Link href="/competenties/kaders/nieuw">Nieuw kader maken</Link>
            </Paragraph>
          )}
        </section>
      )}
      {writer && (
        <ReferenceSection existing={frameworks.data?.items.map((f) => f.code) ?? []} onCopied={frameworks.reload} />
      )}
    </>
  );
}

function ReferenceSection({ existing, onCopied }: { existing: string[]; onCopied: () => void }) {
  const references = useApi<{ items: ReferenceFramework[] }>("/reference-frameworks");
  const [copying, setCopying] = useState<string | null>(null);
  return (
    <section aria-labelledby="referentiekaders">
      <Heading level={2} id="referentiekaders">
        Referentiekaders
      </Heading>
      <Paragraph>
        Kwartiermaker levert kaders mee die gemeenten in het sociaal domein gebruiken. Kopieer er een en pas de teksten
        aan uw eigen organisatie aan.
      </Paragraph>
      {references.loading && <Loading what="Referentiekaders" />}
      {references.error && <LoadError error={references.error} />}
      {references.data && (
        <ul className="kwm-card-list kwm-card-list--grid" role="list">
          {references.data.items.map((reference) => (
            <li key={reference.code} className="kwm-card">
              <Heading level={3} className="kwm-card__title">
                {reference.name}
              </Heading>
              <Paragraph>
                {formatCount(reference.competencies)}{" "}
                {reference.kinds.includes("knowledge") && reference.kinds.length === 1
                  ? "kennisgebieden"
                  : "competenties"}
                {" · "}
                {reference.kinds.map((kind) => kindLabels[kind]).join(", ")}
              </Paragraph>
              {copying === reference.code ? (
                <CopyForm
                  reference={reference}
                  taken={existing}
                  onCancel={() => setCopying(null)}
                  onCopied={(change) => {
                    onCopied();
                    navigate(`${frameworkPath(change.framework.code)}?gekopieerd=1`);
                  }}
                />
              ) : (
                <Button onClick={() => setCopying(reference.code)}>
                  Kopiëren<span className="kwm-visually-hidden"> ({reference.name})</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CopyForm({
  reference,
  taken,
  onCancel,
  onCopied,
}: {
  reference: ReferenceFramework;
  taken: string[];
  onCancel: () => void;
  onCopied: (change: FrameworkChange) => void;
}) {
  const suggested = taken.includes(reference.code) ? `${reference.code}-eigen` : reference.code;
  const [code, setCode] = useState(suggested);
  const [name, setName] = useState(reference.name);
  const [codeError, setCodeError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = useMemo(
    () => ({ code: `copy-${reference.code}-code`, name: `copy-${reference.code}-name` }),
    [reference.code],
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    if (!CODE_PATTERN.test(code)) {
      setCodeError("Een code bestaat uit kleine letters, cijfers, - en _, en begint met een letter of cijfer.");
      codeRef.current?.focus();
      return;
    }
    if (taken.includes(code)) {
      setCodeError(`De gemeente heeft al een kader met code ${code}. Kies een andere code.`);
      codeRef.current?.focus();
      return;
    }
    setCodeError(undefined);
    setBusy(true);
    try {
      const change = await request<FrameworkChange>(
        "POST",
        `/reference-frameworks/${encodeURIComponent(reference.code)}/copy`,
        {
          body: { code, name: name.trim() || undefined },
        },
      );
      onCopied(change);
    } catch (cause) {
      setFailure(errorMessage(cause, "Kopiëren is niet gelukt."));
      setBusy(false);
    }
  }

  return (
    <form className="kwm-form kwm-form--compact" onSubmit={submit} noValidate aria-label={`${reference.name} kopiëren`}>
      <FormField
        id={ids.code}
        label="Code van uw kopie"
        description="Kleine letters, cijfers, - en _"
        error={codeError}
      >
        <Textbox
          ref={codeRef}
          id={ids.code}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          invalid={Boolean(codeError)}
          aria-describedby={fieldDescribedBy(ids.code, true, Boolean(codeError))}
          autoComplete="off"
          spellCheck={false}
        />
      </FormField>
      <FormField id={ids.name} label="Naam van uw kopie">
        <Textbox id={ids.name} value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      {failure && (
        <Alert type="error" live>
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <div className="utrecht-button-group">
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          Kopie maken
        </Button>
        <Button onClick={onCancel}>Annuleren</Button>
      </div>
    </form>
  );
}
