import { useRef, useState, type FormEvent } from "react";
import { ApiError, apiUrl, request } from "../api/client";
import type { ImportKind, ImportResult, ImportRowError } from "../api/types";
import {
  Alert,
  Button,
  Fieldset,
  FormField,
  Heading,
  Link,
  Paragraph,
  RadioOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  fieldDescribedBy,
} from "../components";
import { formatCount, importKindLabels, importKinds } from "../format";
import { usePageTitle } from "./usePageTitle";

// The header line of each kind, as docs/csv.md specifies it; shown so a user can check a file before sending it.
const columnsByKind: Record<ImportKind, string> = {
  units: "code, name, parent_code, kind, pillars, direction, contractor",
  functions: "code, name, level, education_level, scale, status",
  positions: "unit_code, function_code, level, fte, kind, end_date",
  people:
    "personnel_number, name, unit_code, function_code, level, fte, contract, contract_end, hire_date, education_level, engagement, organisation",
};

const kindNouns: Record<ImportKind, [one: string, many: string]> = {
  units: ["eenheid", "eenheden"],
  functions: ["functie", "functies"],
  positions: ["formatieplaats", "formatieplaatsen"],
  people: ["medewerker", "medewerkers"],
};

type Outcome =
  | { kind: "imported"; what: ImportKind; count: number }
  | { kind: "rejected"; what: ImportKind; message: string; rows: ImportRowError[] }
  | { kind: "failed"; message: string };

export function ImportPage() {
  usePageTitle("Importeren");
  const [what, setWhat] = useState<ImportKind>("people");
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [sourceError, setSourceError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [fileInputKey, setFileInputKey] = useState(0);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(undefined);
    const hasText = pasted.trim().length > 0;
    if (!file && !hasText) {
      setSourceError("Kies een CSV-bestand of plak de inhoud van een CSV-bestand.");
      fileRef.current?.focus();
      return;
    }
    if (file && hasText) {
      setSourceError(
        "Kies een bestand óf plak de inhoud, niet allebei. Maak het tekstvak leeg of verwijder het bestand.",
      );
      fileRef.current?.focus();
      return;
    }
    setSourceError(undefined);
    setBusy(true);
    try {
      // A file goes as raw bytes so the server sees its byte order mark and encoding untouched.
      const body: BodyInit = file ?? pasted;
      const answer = await request<ImportResult>("POST", `/import/${what}`, {
        rawBody: body,
        contentType: "text/csv; charset=utf-8",
      });
      setOutcome({ kind: "imported", what, count: answer.imported });
      setFile(null);
      setPasted("");
      setFileInputKey((n) => n + 1);
    } catch (cause) {
      if (
        cause instanceof ApiError &&
        cause.status !== 401 &&
        (cause.rows.length > 0 || cause.status === 422 || cause.status === 400)
      ) {
        setOutcome({ kind: "rejected", what, message: cause.message, rows: cause.rows });
      } else {
        setOutcome({ kind: "failed", message: cause instanceof Error ? cause.message : "Het importeren is mislukt." });
      }
    } finally {
      setBusy(false);
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  }

  const clearFile = () => {
    setFile(null);
    setFileInputKey((n) => n + 1);
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Importeren
      </Heading>
      <Paragraph lead>
        Lees eenheden, functies, formatieplaatsen of medewerkers in vanuit een CSV-bestand, bijvoorbeeld uit Excel. Een
        bestand wordt helemaal of helemaal niet ingelezen: bij één fout wordt niets opgeslagen.
      </Paragraph>

      {outcome && <OutcomeMessage outcome={outcome} ref={outcomeRef} />}

      <form className="utrecht-form kwm-form" onSubmit={submit} noValidate aria-label="CSV-bestand importeren">
        <Fieldset legend="Wat wilt u importeren?">
          <div className="kwm-radio-group">
            {importKinds.map((kind) => (
              <RadioOption
                key={kind}
                id={`import-kind-${kind}`}
                name="kind"
                value={kind}
                checked={what === kind}
                onChange={() => setWhat(kind)}
                label={importKindLabels[kind]}
              />
            ))}
          </div>
        </Fieldset>
        <Paragraph className="kwm-hint" id="import-columns">
          Kolommen voor {importKindLabels[what].toLowerCase()}: <code className="kwm-code">{columnsByKind[what]}</code>.
          De volgorde maakt niet uit; komma of puntkomma als scheidingsteken.
        </Paragraph>

        <FormField
          id="import-file"
          label="CSV-bestand"
          description="Een bestand in UTF-8, met of zonder BOM."
          error={sourceError}
        >
          <input
            key={fileInputKey}
            ref={fileRef}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="kwm-file-input"
            aria-invalid={sourceError ? true : undefined}
            aria-describedby={fieldDescribedBy("import-file", true, Boolean(sourceError))}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </FormField>
        {file && (
          <Paragraph className="kwm-hint">
            Gekozen: {file.name} ({formatCount(Math.ceil(file.size / 1024))} kB).{" "}
            <Button appearance="subtle" onClick={clearFile}>
              Bestand verwijderen
            </Button>
          </Paragraph>
        )}
        <FormField
          id="import-text"
          label="Of plak de inhoud van het bestand"
          description="Met de kolomnamen op de eerste regel."
        >
          <Textarea
            id="import-text"
            rows={8}
            spellCheck={false}
            value={pasted}
            aria-describedby="import-text-description import-columns"
            onChange={(event) => setPasted(event.target.value)}
          />
        </FormField>
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          {busy ? "Bezig met importeren…" : "Importeren"}
        </Button>
      </form>

      <FilesSection />
    </>
  );
}

function OutcomeMessage({ outcome, ref }: { outcome: Outcome; ref: React.Ref<HTMLDivElement> }) {
  if (outcome.kind === "imported") {
    const [one, many] = kindNouns[outcome.what];
    return (
      <Alert type="ok" live ref={ref} tabIndex={-1} className="kwm-outcome">
        <Heading level={2}>Import geslaagd</Heading>
        <Paragraph>
          {formatCount(outcome.count)} {outcome.count === 1 ? one : many} ingelezen.
        </Paragraph>
      </Alert>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <Alert type="error" live ref={ref} tabIndex={-1} className="kwm-outcome">
        <Heading level={2}>Het importeren is mislukt</Heading>
        <Paragraph>{outcome.message}</Paragraph>
      </Alert>
    );
  }
  const count = outcome.rows.length;
  return (
    <div
      role="region"
      className="kwm-outcome kwm-error-summary"
      ref={ref}
      tabIndex={-1}
      aria-labelledby="import-errors-title"
    >
      <Alert type="error" live>
        <Heading level={2} id="import-errors-title">
          Het bestand is niet ingelezen
        </Heading>
        <Paragraph>{outcome.message}</Paragraph>
        <Paragraph>
          {count > 0
            ? `Verbeter ${count === 1 ? "de fout" : `de ${formatCount(count)} fouten`} hieronder in het bestand en importeer het opnieuw.`
            : "Verbeter het bestand en importeer het opnieuw."}
        </Paragraph>
      </Alert>
      {count > 0 && (
        <TableContainer label="Fouten per rij">
          <Table className="kwm-import-errors">
            <TableCaption>Fouten per rij in het bestand</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell numeric>Rij</TableHeaderCell>
                <TableHeaderCell>Kolom</TableHeaderCell>
                <TableHeaderCell>Melding</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {outcome.rows.map((row, index) => (
                <TableRow key={`${row.row}-${row.column}-${index}`}>
                  <TableCell numeric>{row.row}</TableCell>
                  <TableCell>
                    <code className="kwm-code">{row.column || "–"}</code>
                  </TableCell>
                  <TableCell>{row.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </div>
  );
}

function FilesSection() {
  return (
    <section aria-labelledby="bestanden">
      <Heading level={2} id="bestanden">
        Voorbeeldbestanden en exports
      </Heading>
      <Paragraph>
        Een voorbeeldbestand bevat de kolomnamen en één voorbeeldregel. Een export bevat de huidige gegevens in
        hetzelfde formaat, zodat u ze kunt aanpassen en opnieuw inlezen.
      </Paragraph>
      <TableContainer label="Voorbeeldbestanden en exports">
        <Table>
          <TableCaption className="kwm-visually-hidden">Voorbeeldbestanden en exports per soort gegevens</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Gegevens</TableHeaderCell>
              <TableHeaderCell>Voorbeeldbestand</TableHeaderCell>
              <TableHeaderCell>Exporteren</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {importKinds.map((kind) => {
              const name = importKindLabels[kind].toLowerCase();
              return (
                <TableRow key={kind}>
                  <TableHeaderCell scope="row">{importKindLabels[kind]}</TableHeaderCell>
                  <TableCell>
                    <Link href={apiUrl(`/templates/${kind}.csv`)} download external>
                      Voorbeeld {name} (CSV)
                    </Link>
                  </TableCell>
                  <TableCell>
                    <span className="kwm-link-pair">
                      <Link href={apiUrl(`/export/${kind}?format=csv`)} download external>
                        {importKindLabels[kind]} als CSV
                      </Link>
                      <Link href={apiUrl(`/export/${kind}?format=xlsx`)} download external>
                        {importKindLabels[kind]} als Excel
                      </Link>
                    </span>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
