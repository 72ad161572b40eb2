// The profile of one function level: required level per competency and knowledge area, which are critical,
// and the education level the function asks.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { ApiError, api, request } from "../../api/client";
import type { EducationLevel } from "../../api/types";
import {
  Alert,
  Button,
  FormField,
  Heading,
  Link,
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
} from "../../components";
import { DownloadTable } from "../../components/DownloadTable";
import { educationLabels, formatDateTime, label } from "../../format";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formatLevel,
  type CompetencyKind,
  type Framework,
  type FrameworkSummary,
  type Profile,
  type Requirement,
} from "./model";
import { Breadcrumbs, ErrorSummary, errorMessage, mayWrite, type FieldError } from "./shared";

type ListName = "competencies" | "knowledge_areas";

interface Option {
  value: string; // framework_code::competency_code
  framework: string;
  frameworkName: string;
  code: string;
  name: string;
  kind: CompetencyKind;
  min: number;
  max: number;
}

interface Row {
  id: number;
  option: string;
  required: number;
  critical: boolean;
}

const optionValue = (framework: string, code: string) => `${framework}::${code}`;
const rowId = (list: ListName, i: number, field: string) => `profile-${list}-${i}-${field}`;

export function profileFieldTarget(path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path === "education_level") return "profile-education";
  const match = /^(competencies|knowledge_areas)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return undefined;
  const field = match[3] === "required" ? "required" : match[3] === "critical" ? "critical" : "competency";
  return rowId(match[1] as ListName, Number(match[2]), field);
}

/** The competencies of every current framework, which a profile can ask for. */
function useCompetencyOptions(enabled: boolean) {
  const [options, setOptions] = useState<Option[]>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    (async () => {
      const list = await api.get<{ items: FrameworkSummary[] }>("/frameworks", controller.signal);
      const frameworks = await Promise.all(
        list.items.map((f) => api.get<Framework>(`/frameworks/${encodeURIComponent(f.code)}`, controller.signal)),
      );
      setOptions(
        frameworks.flatMap((f) =>
          f.competencies.map((c) => ({
            value: optionValue(f.code, c.code),
            framework: f.code,
            frameworkName: f.name,
            code: c.code,
            name: c.name,
            kind: c.kind,
            min: f.scale.min,
            max: f.scale.max,
          })),
        ),
      );
    })().catch((cause: unknown) => {
      if (controller.signal.aborted) return;
      setError(cause instanceof ApiError ? cause : new ApiError(0, "unknown", String(cause)));
    });
    return () => controller.abort();
  }, [enabled]);
  return { options, error };
}

export function ProfileEditorPage({ functionCode, level }: { functionCode: string; level: string }) {
  const { user } = useSession();
  const writer = mayWrite(user);
  const path = `/profiles/${encodeURIComponent(functionCode)}/${encodeURIComponent(level)}`;
  const profile = useApi<Profile>(path);
  const { options, error: optionsError } = useCompetencyOptions(writer);
  const title = profile.data ? `Functieprofiel ${profile.data.function_name}, ${profile.data.level}` : "Functieprofiel";
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/profielen", label: "Functieprofielen" },
          { label: profile.data ? `${profile.data.function_name}, ${profile.data.level}` : "Profiel" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {(profile.loading || (writer && !options && !optionsError)) && <Loading what="Profiel" />}
      {profile.error && <LoadError error={profile.error} />}
      {optionsError && <LoadError error={optionsError} />}
      {profile.data && (
        <Paragraph className="kwm-hint">
          Functiecode {profile.data.function_code}
          {profile.data.updated_at
            ? ` · laatst gewijzigd ${formatDateTime(profile.data.updated_at)}`
            : " · nog geen profiel vastgelegd"}
        </Paragraph>
      )}
      {profile.data && writer && options && (
        <ProfileForm key={profile.data.updated_at ?? "new"} profile={profile.data} options={options} path={path} />
      )}
      {profile.data && !writer && <ProfileView profile={profile.data} />}
      <Paragraph>
        <Link href="/competenties/profielen">Terug naar de functieprofielen</Link>
      </Paragraph>
    </>
  );
}

function RequirementTable({
  caption,
  requirements,
  fileName,
}: {
  caption: string;
  requirements: Requirement[];
  fileName: string;
}) {
  if (requirements.length === 0) return <Paragraph className="kwm-empty">Geen {caption.toLowerCase()}.</Paragraph>;
  return (
    <>
      <TableContainer label={caption}>
        <Table>
          <TableCaption className="kwm-visually-hidden">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Naam</TableHeaderCell>
              <TableHeaderCell>Kader</TableHeaderCell>
              <TableHeaderCell numeric>Vereist niveau</TableHeaderCell>
              <TableHeaderCell>Kritiek</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requirements.map((r) => (
              <TableRow key={`${r.framework_code}-${r.competency_code}`}>
                <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                <TableCell>
                  <span className="kwm-code">{r.framework_code ?? "–"}</span>
                </TableCell>
                <TableCell numeric>{formatLevel(r.required)}</TableCell>
                <TableCell>{r.critical ? "Ja, kritiek" : "Nee"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <DownloadTable
        what={caption.toLowerCase()}
        table={{
          name: fileName,
          header: ["Naam", "Code", "Kader", "Vereist niveau", "Kritiek"],
          rows: requirements.map((r) => [
            r.name,
            r.competency_code,
            r.framework_code,
            r.required,
            r.critical ? "ja" : "nee",
          ]),
        }}
      />
    </>
  );
}

function ProfileView({ profile }: { profile: Profile }) {
  return (
    <>
      <Paragraph>Vereist opleidingsniveau: {label(educationLabels, profile.education_level)}</Paragraph>
      <Heading level={2}>Competenties</Heading>
      <RequirementTable
        caption="Competenties"
        requirements={profile.competencies}
        fileName={`profiel-${profile.function_code}-${profile.level}-competenties`}
      />
      <Heading level={2}>Kennisgebieden</Heading>
      <RequirementTable
        caption="Kennisgebieden"
        requirements={profile.knowledge_areas}
        fileName={`profiel-${profile.function_code}-${profile.level}-kennisgebieden`}
      />
    </>
  );
}

let nextRowId = 1;

function rowsOf(requirements: Requirement[], options: Option[]): Row[] {
  return requirements.map((r) => {
    const option =
      options.find((o) => o.framework === r.framework_code && o.code === r.competency_code) ??
      options.find((o) => o.code === r.competency_code);
    return {
      id: nextRowId++,
      option: option?.value ?? optionValue(r.framework_code ?? "", r.competency_code),
      required: r.required,
      critical: r.critical,
    };
  });
}

function ProfileForm({ profile, options, path }: { profile: Profile; options: Option[]; path: string }) {
  const [education, setEducation] = useState<EducationLevel | "">(profile.education_level ?? "");
  const [lists, setLists] = useState<Record<ListName, Row[]>>(() => ({
    competencies: rowsOf(profile.competencies, options),
    knowledge_areas: rowsOf(profile.knowledge_areas, options),
  }));
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const found: FieldError[] = [];
    (["competencies", "knowledge_areas"] as ListName[]).forEach((list) => {
      const seen = new Set<string>();
      lists[list].forEach((row, i) => {
        if (!row.option)
          found.push({
            target: rowId(list, i, "competency"),
            message: `Regel ${i + 1}: kies een ${list === "competencies" ? "competentie" : "kennisgebied"}.`,
          });
        else if (seen.has(row.option))
          found.push({ target: rowId(list, i, "competency"), message: `Regel ${i + 1}: deze staat er al in.` });
        seen.add(row.option);
      });
    });
    if (lists.competencies.length + lists.knowledge_areas.length === 0)
      found.push({
        target: "profile-add-competencies",
        message: "Een profiel vraagt minstens één competentie of kennisgebied.",
      });
    setProblems(found);
    if (found.length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const body = (list: ListName) =>
      lists[list].map((row) => {
        const [framework_code, competency_code] = row.option.split("::");
        return { competency_code, framework_code, required: row.required, critical: row.critical };
      });
    setBusy(true);
    try {
      await request<Profile>("PUT", path, {
        body: {
          education_level: education || null,
          competencies: body("competencies"),
          knowledge_areas: body("knowledge_areas"),
        },
      });
      setSaved("Het functieprofiel is opgeslagen. Rondes die al lopen, houden de eisen waarmee ze begonnen.");
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (cause) {
      setProblems([
        {
          target: cause instanceof ApiError ? profileFieldTarget(cause.field) : undefined,
          message: errorMessage(cause, "Opslaan is niet gelukt."),
        },
      ]);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  if (options.length === 0)
    return (
      <Alert type="info">
        <Paragraph>
          Er is nog geen competentiekader. <Link href="/competenties/kaders">Kopieer eerst een referentiekader</Link>;
          daarna kiest u hier de competenties.
        </Paragraph>
      </Alert>
    );

  return (
    <form className="kwm-form kwm-profile-form" onSubmit={save} noValidate aria-label="Functieprofiel bewerken">
      <ErrorSummary ref={summaryRef} title="Het profiel is niet opgeslagen" errors={problems} />
      {saved && (
        <div ref={savedRef} tabIndex={-1} className="kwm-outcome">
          <Alert type="ok" live>
            <Paragraph>{saved}</Paragraph>
          </Alert>
        </div>
      )}
      <FormField id="profile-education" label="Vereist opleidingsniveau">
        <Select
          id="profile-education"
          value={education}
          onChange={(e) => setEducation(e.target.value as EducationLevel | "")}
        >
          <option value="">Geen eis</option>
          {(Object.keys(educationLabels) as EducationLevel[]).map((level) => (
            <option key={level} value={level}>
              {educationLabels[level]}
            </option>
          ))}
        </Select>
      </FormField>
      {(["competencies", "knowledge_areas"] as ListName[]).map((list) => (
        <RequirementEditor
          key={list}
          list={list}
          rows={lists[list]}
          options={options.filter((o) => (list === "knowledge_areas") === (o.kind === "knowledge"))}
          problems={problems}
          onChange={(rows) => {
            setLists((current) => ({ ...current, [list]: rows }));
            setSaved(null);
          }}
        />
      ))}
      <div className="utrecht-button-group kwm-form-actions">
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          Profiel opslaan
        </Button>
      </div>
    </form>
  );
}

function RequirementEditor({
  list,
  rows,
  options,
  problems,
  onChange,
}: {
  list: ListName;
  rows: Row[];
  options: Option[];
  problems: FieldError[];
  onChange: (rows: Row[]) => void;
}) {
  const noun = list === "competencies" ? "competentie" : "kennisgebied";
  const title = list === "competencies" ? "Competenties" : "Kennisgebieden";
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const update = (i: number, patch: Partial<Row>) =>
    onChange(rows.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  const invalid = (id: string) => problems.some((p) => p.target === id);

  return (
    <section aria-labelledby={`heading-${list}`} className="kwm-requirements">
      <Heading level={2} id={`heading-${list}`}>
        {title}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph className="kwm-empty">Nog geen {title.toLowerCase()} in dit profiel.</Paragraph>
      ) : (
        <TableContainer label={title}>
          <Table className="kwm-requirements__table">
            <TableCaption className="kwm-visually-hidden">{title} van dit profiel</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{list === "competencies" ? "Competentie" : "Kennisgebied"}</TableHeaderCell>
                <TableHeaderCell>Vereist niveau</TableHeaderCell>
                <TableHeaderCell>Kritiek</TableHeaderCell>
                <TableHeaderCell>
                  <span className="kwm-visually-hidden">Acties</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row, i) => {
                const option = byValue.get(row.option);
                const name = option?.name ?? `regel ${i + 1}`;
                const min = option?.min ?? 1;
                const max = option?.max ?? 5;
                const points = Array.from({ length: max - min + 1 }, (_, k) => min + k);
                if (!points.includes(row.required)) points.push(row.required);
                return (
                  <TableRow key={row.id}>
                    <TableCell>
                      <RequirementChoice
                        id={rowId(list, i, "competency")}
                        label={`${noun[0].toUpperCase()}${noun.slice(1)} op regel ${i + 1}`}
                        noun={noun}
                        options={options}
                        value={row.option}
                        invalid={invalid(rowId(list, i, "competency"))}
                        onChange={(option) => update(i, { option })}
                      />
                    </TableCell>
                    <TableCell>
                      <Select
                        id={rowId(list, i, "required")}
                        aria-label={`Vereist niveau voor ${name}`}
                        value={String(row.required)}
                        invalid={invalid(rowId(list, i, "required"))}
                        onChange={(e) => update(i, { required: Number(e.target.value) })}
                      >
                        {points.map((point) => (
                          <option key={point} value={point}>
                            {formatLevel(point)}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                    <TableCell>
                      <input
                        type="checkbox"
                        id={rowId(list, i, "critical")}
                        className="utrecht-checkbox utrecht-checkbox--html-input kwm-large-checkbox"
                        aria-label={`${name} is kritiek`}
                        checked={row.critical}
                        onChange={(e) => update(i, { critical: e.target.checked })}
                      />
                    </TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          onChange(rows.filter((_, k) => k !== i));
                          focusAfter.current = `profile-add-${list}`;
                        }}
                      >
                        Verwijderen<span className="kwm-visually-hidden"> ({name})</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {options.length === 0 ? (
        <Paragraph className="kwm-hint">
          Geen kader met {title.toLowerCase()}.{" "}
          {list === "knowledge_areas" &&
            "Kopieer het referentiekader ‘Kennisgebieden sociaal domein’ om ze te kunnen kiezen."}
        </Paragraph>
      ) : (
        <Button
          id={`profile-add-${list}`}
          onClick={() => {
            const used = new Set(rows.map((r) => r.option));
            const next = options.find((o) => !used.has(o.value));
            onChange([
              ...rows,
              { id: nextRowId++, option: next?.value ?? "", required: Math.min(3, next?.max ?? 3), critical: false },
            ]);
            focusAfter.current = rowId(list, rows.length, "competency");
          }}
        >
          {list === "competencies" ? "Competentie toevoegen" : "Kennisgebied toevoegen"}
        </Button>
      )}
    </section>
  );
}

interface RequirementChoiceProps {
  id: string;
  label: string;
  noun: string;
  options: Option[];
  value: string;
  invalid: boolean;
  onChange: (option: string) => void;
}

/** The competency or knowledge area of a requirement, grouped by the framework it comes from. */
function RequirementChoice({ id, label, noun, options, value, invalid, onChange }: RequirementChoiceProps) {
  const frameworks = useMemo(() => [...new Set(options.map((o) => o.framework))], [options]);
  return (
    <Select id={id} aria-label={label} value={value} invalid={invalid} onChange={(e) => onChange(e.target.value)}>
      <option value="">Kies een {noun}</option>
      {frameworks.map((framework) => (
        <optgroup key={framework} label={options.find((o) => o.framework === framework)?.frameworkName ?? framework}>
          {options
            .filter((o) => o.framework === framework)
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.name}
              </option>
            ))}
        </optgroup>
      ))}
    </Select>
  );
}
