import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, request } from "../../../api/client";
import { Alert, Button, Heading, Paragraph } from "../../../components";
import { InputField } from "../../../components/Fields";
import { formatCount } from "../../../format";
import { navigate } from "../../../router";
import { codeFromName, frameworkPath, type FrameworkChange, type FrameworkDocument } from "../model";
import { ErrorSummary, errorMessage, type FieldError } from "../shared";
import { CompetencyEditor } from "./CompetencyEditor";
import { documentOf, draftProblems, emptyCompetency, fieldTarget, ids, type FrameworkEditing } from "./document";
import { ScaleEditor } from "./ScaleEditor";

export interface FrameworkFormProps {
  initial: FrameworkDocument;
  isNew: boolean;
  inUse: boolean;
  onSaved: (change: FrameworkChange, previousVersion: number) => void;
  onEdit: () => void;
}

const saveFramework = (body: FrameworkDocument, isNew: boolean) =>
  isNew
    ? request<FrameworkChange>("POST", "/frameworks", { body })
    : request<FrameworkChange>("PUT", `/frameworks/${encodeURIComponent(body.code)}`, { body });

export function FrameworkForm({ initial, isNew, inUse, onSaved, onEdit }: FrameworkFormProps) {
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

  const showProblems = (found: FieldError[]) => {
    setProblems(found);
    if (found.length > 0) requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const editing: FrameworkEditing = {
    errorFor: (id) => problems.find((p) => p.target === id)?.message,
    update: (change) => {
      setDraft((current) => change(current));
      onEdit();
    },
    focusNext: (id) => {
      focusAfter.current = id;
    },
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onEdit();
    const found = draftProblems(draft, isNew);
    showProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const change = await saveFramework(documentOf(draft), isNew);
      if (isNew) {
        navigate(frameworkPath(change.framework.code));
        return;
      }
      setDraft(documentOf(change.framework));
      onSaved(change, initial.version);
    } catch (cause) {
      const message = errorMessage(cause, "Opslaan is niet gelukt.");
      showProblems([{ target: cause instanceof ApiError ? fieldTarget(cause.field) : undefined, message }]);
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
      showProblems([{ message: errorMessage(cause, "Verwijderen is niet gelukt.") }]);
      setConfirmDelete(false);
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
        <InputField
          id={ids.code}
          label="Code"
          description="Kleine letters, cijfers, - en _; de code verandert later niet meer."
          error={editing.errorFor(ids.code)}
          value={draft.code}
          onChange={(code) => editing.update((d) => ({ ...d, code }))}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <InputField
        id={ids.name}
        label="Naam van het kader"
        error={editing.errorFor(ids.name)}
        value={draft.name}
        onChange={(name) =>
          editing.update((d) => ({ ...d, name, code: isNew && !d.code ? codeFromName(name) : d.code }))
        }
      />
      <ScaleEditor scale={draft.scale} editing={editing} />
      <Heading level={2}>Competenties en kennisgebieden ({formatCount(draft.competencies.length)})</Heading>
      {draft.competencies.map((competency, i) => (
        <CompetencyEditor
          key={i}
          competency={competency}
          index={i}
          count={draft.competencies.length}
          editing={editing}
        />
      ))}
      <Button
        id={ids.addCompetency}
        onClick={() => {
          editing.update((d) => ({ ...d, competencies: [...d.competencies, emptyCompetency()] }));
          editing.focusNext(ids.competency(draft.competencies.length, "name"));
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
