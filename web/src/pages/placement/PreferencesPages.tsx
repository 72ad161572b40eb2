import { useMemo, useState } from "react";
import { SelectField } from "../../components/Fields";
import { query } from "../../api/client";
import { Alert, DataTable, Heading, Link, LoadError, Loading, Paragraph, columnHelper } from "../../components";
import { formatCount, formatDate, formatDateTime } from "../../format";
import { navigate, useLocation } from "../../router";
import { useApi } from "../../useApi";
import { functionText, ordinal } from "./labels";
import { PreferenceEditor } from "./PreferenceEditor";
import {
  ClosedNotice,
  ReorganisationFrame,
  StatusBadge,
  SuccessMessage,
  reorganisationPath,
  today,
  useSubmission,
} from "./shared";
import type { Items, MyPreferences, NewFunction, Preference, PreferenceStatus, ReorganisationHeadline } from "./types";

/** The employee's own preferences, with the deadline. */
export function MyPreferencesPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Mijn voorkeuren">
      {(reorganisation) => <MyPreferences reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function MyPreferences({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const path = `/reorganisations/${reorganisation.id}/my-preferences`;
  const mine = useApi<MyPreferences>(path);
  const functions = useApi<Items<NewFunction>>(`/reorganisations/${reorganisation.id}/functions`);
  const submission = useSubmission();
  const [saved, setSaved] = useState<MyPreferences>();
  const [success, setSuccess] = useState<string>();
  const current = saved ?? mine.data;

  if ((mine.loading && !mine.data) || (functions.loading && !functions.data)) return <Loading what="Voorkeuren" />;
  if (mine.error) return <LoadError error={mine.error} />;
  if (functions.error) return <LoadError error={functions.error} />;
  if (!current || !functions.data) return null;

  const save = async (preferences: { function_id: number; motivation: string }[]) => {
    setSuccess(undefined);
    const answer = await submission.submit<MyPreferences>("PUT", path, { preferences });
    if (answer) {
      setSaved(answer);
      setSuccess(
        answer.preferences.length === 0
          ? "Opgeslagen: u heeft geen voorkeur voor een functie. U kunt dit tot de deadline nog wijzigen."
          : `Uw ${answer.preferences.length === 1 ? "voorkeur is" : `${answer.preferences.length} voorkeuren zijn`} opgeslagen. U kunt ze tot en met ${formatDate(answer.deadline)} nog wijzigen.`,
      );
    }
  };

  return (
    <>
      {current.open ? (
        <Paragraph lead>
          Kies ten hoogste {current.max_preferences === 1 ? "één functie" : `${current.max_preferences} functies`} uit
          de nieuwe formatie, in volgorde van voorkeur, en schrijf bij elke functie waarom u haar wilt. Dat kan tot en
          met <strong>{formatDate(current.deadline)}</strong>.
        </Paragraph>
      ) : (
        <Alert type="info">
          <Paragraph>
            De deadline ({formatDate(current.deadline)}) is verstreken of de uitkomst is al bevestigd: u kunt uw
            voorkeuren niet meer wijzigen.
            {reorganisation.status === "confirmed" && (
              <>
                {" "}
                <Link href={reorganisationPath(reorganisation.id, "mijn-uitkomst")}>Lees uw uitkomst en de uitleg</Link>
                .
              </>
            )}
          </Paragraph>
        </Alert>
      )}
      <SuccessMessage message={success} />
      {current.updated_at && (
        <Paragraph className="kwm-hint">Laatst opgeslagen op {formatDateTime(current.updated_at)}.</Paragraph>
      )}
      {current.open ? (
        <PreferenceEditor
          key={current.updated_at ?? "new"}
          idPrefix="pref"
          initial={current.preferences}
          functions={functions.data.items}
          max={current.max_preferences}
          submission={submission}
          onSave={save}
          saveLabel="Voorkeuren opslaan"
        />
      ) : (
        <PreferenceList preferences={current.preferences} />
      )}
      <section aria-labelledby="wat-gebeurt-er">
        <Heading level={2} id="wat-gebeurt-er">
          Wat gebeurt er met uw voorkeuren?
        </Heading>
        <Paragraph>
          Eerst worden medewerkers van wie de functie vrijwel gelijk blijft in die functie geplaatst
          (mens-volgt-functie). Daarna komen de voorkeuren aan bod: voor elke plaats telt uw geschiktheid, met een bonus
          voor een hogere voorkeur. Wie dan nog niet geplaatst is, kan op een andere passende functie worden geplaatst.
          Na de bevestiging door HR leest u hier uw uitkomst, met de uitleg waarom.
        </Paragraph>
      </section>
    </>
  );
}

function PreferenceList({ preferences }: { preferences: Preference[] }) {
  if (preferences.length === 0) return <Paragraph className="kwm-empty">Er zijn geen voorkeuren opgegeven.</Paragraph>;
  return (
    <ol className="kwm-pl-preference-list">
      {[...preferences]
        .sort((a, b) => a.rank - b.rank)
        .map((p) => (
          <li key={p.rank}>
            <strong>{functionText(p.function_name, p.level)}</strong> ({p.function_code})
            <Paragraph className="kwm-pl-motivation">{p.motivation}</Paragraph>
          </li>
        ))}
    </ol>
  );
}

type ResponseFilter = "" | "true" | "false";

/** The filter as the address says it ("?gereageerd=nee") and as the API takes it ("?responded=false"). */
const responseFilters: Record<string, ResponseFilter> = { ja: "true", nee: "false" };
const addressOf = (filter: ResponseFilter) => (filter === "true" ? "ja" : filter === "false" ? "nee" : null);

type StatusRow = PreferenceStatus["employees"][number];

function statusColumns(reorganisationId: number, editable: boolean, deadlinePassed: boolean) {
  const helper = columnHelper<StatusRow>();
  return helper.columns([
    helper.accessor("name", { header: "Naam", meta: { rowHeader: true } }),
    helper.accessor("personnel_number", { header: "Nummer" }),
    helper.accessor("unit_code", { header: "Eenheid" }),
    helper.accessor("responded", {
      header: "Gereageerd",
      cell: (info) =>
        info.getValue() ? (
          <StatusBadge tone="done">
            Ja{info.row.original.updated_at ? `, ${formatDateTime(info.row.original.updated_at)}` : ""}
          </StatusBadge>
        ) : (
          <StatusBadge tone="warning">{deadlinePassed ? "Niet voor de deadline" : "Nog niet"}</StatusBadge>
        ),
    }),
    helper.accessor("preferences", {
      header: "Voorkeuren",
      cell: (info) =>
        info.getValue().length === 0 ? (
          "–"
        ) : (
          <ol className="kwm-pl-compact-list">
            {[...info.getValue()]
              .sort((a, b) => a.rank - b.rank)
              .map((p) => (
                <li key={p.rank}>
                  {functionText(p.function_name, p.level)}
                  <details className="kwm-pl-details">
                    <summary>
                      Motivatie<span className="kwm-visually-hidden"> bij {ordinal(p.rank)} voorkeur</span>
                    </summary>
                    <Paragraph className="kwm-pl-motivation">{p.motivation}</Paragraph>
                  </details>
                </li>
              ))}
          </ol>
        ),
    }),
    ...(editable
      ? [
          helper.display({
            id: "edit",
            header: "Papieren formulier",
            cell: (info) => (
              <Link href={reorganisationPath(reorganisationId, `voorkeuren/${info.row.original.person_id}`)}>
                Invullen<span className="kwm-visually-hidden"> voor {info.row.original.name}</span>
              </Link>
            ),
          }),
        ]
      : []),
  ]);
}

/** HR: who responded, who did not, and what they chose. */
export function PreferenceStatusPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Voorkeuren">
      {(reorganisation) => <PreferenceStatusView reorganisation={reorganisation} />}
    </ReorganisationFrame>
  );
}

function PreferenceStatusView({ reorganisation }: { reorganisation: ReorganisationHeadline }) {
  const location = useLocation();
  const filter = responseFilters[location.search.get("gereageerd") ?? ""] ?? "";
  const status = useApi<PreferenceStatus>(
    `/reorganisations/${reorganisation.id}/preferences${query({ responded: filter || null })}`,
  );
  const deadlinePassed = reorganisation.preference_deadline < today();
  const editable = reorganisation.status !== "confirmed" && !deadlinePassed;
  const columns = useMemo(
    () => statusColumns(reorganisation.id, editable, deadlinePassed),
    [reorganisation.id, editable, deadlinePassed],
  );
  const data = status.data;

  return (
    <>
      <ClosedNotice reorganisation={reorganisation} />
      <Paragraph>
        Deadline: <strong>{formatDate(reorganisation.preference_deadline)}</strong>
        {deadlinePassed ? " (verstreken)" : ""}. Medewerkers geven ten hoogste{" "}
        {formatCount(reorganisation.max_preferences)} voorkeuren op, elk met een motivatie. Een papieren formulier kunt
        u namens de medewerker invullen.
      </Paragraph>
      {data && (
        <dl className="kwm-key-figures">
          <div className="kwm-key-figures__item">
            <dt className="kwm-key-figures__name">Gereageerd</dt>
            <dd className="kwm-key-figures__value">{formatCount(data.responded)}</dd>
          </div>
          <div className="kwm-key-figures__item">
            <dt className="kwm-key-figures__name">
              {deadlinePassed ? "Niet gereageerd voor de deadline" : "Nog niet gereageerd"}
            </dt>
            <dd className="kwm-key-figures__value">{formatCount(data.not_responded)}</dd>
          </div>
        </dl>
      )}
      <form className="utrecht-form kwm-filters" aria-label="Medewerkers filteren" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="responded-filter"
          label="Tonen"
          value={filter}
          onChange={(value) =>
            navigate(
              `${reorganisationPath(reorganisation.id, "voorkeuren")}${query({ gereageerd: addressOf(value as ResponseFilter) })}`,
            )
          }
        >
          <option value="">Alle medewerkers</option>
          <option value="false">Niet gereageerd</option>
          <option value="true">Wel gereageerd</option>
        </SelectField>
      </form>
      {status.loading && !data && <Loading what="Voorkeuren" />}
      {status.error && <LoadError error={status.error} />}
      {data && (
        <DataTable
          caption="Voorkeuren per medewerker"
          captionHidden
          columns={columns}
          data={data.employees}
          rowKey={(row) => row.person_id}
          empty={filter === "false" ? "Iedereen heeft gereageerd." : "Geen medewerkers gevonden."}
        />
      )}
    </>
  );
}

/** HR enters an employee's preferences from a paper form (same deadline as the employee). */
export function PreferencesOnBehalfPage({ id, personId }: { id: string; personId: string }) {
  return (
    <ReorganisationFrame id={id} title="Voorkeuren invullen namens een medewerker">
      {(reorganisation) => <OnBehalf reorganisation={reorganisation} personId={personId} />}
    </ReorganisationFrame>
  );
}

function OnBehalf({ reorganisation, personId }: { reorganisation: ReorganisationHeadline; personId: string }) {
  const status = useApi<PreferenceStatus>(`/reorganisations/${reorganisation.id}/preferences`);
  const functions = useApi<Items<NewFunction>>(`/reorganisations/${reorganisation.id}/functions`);
  const submission = useSubmission();
  const employee = status.data?.employees.find((e) => String(e.person_id) === personId);

  if ((status.loading && !status.data) || (functions.loading && !functions.data)) return <Loading what="Voorkeuren" />;
  if (status.error) return <LoadError error={status.error} />;
  if (functions.error) return <LoadError error={functions.error} />;
  if (!employee || !functions.data) return <Paragraph>Deze medewerker valt niet onder deze reorganisatie.</Paragraph>;

  const save = async (preferences: { function_id: number; motivation: string }[]) => {
    const answer = await submission.submit("PUT", `/reorganisations/${reorganisation.id}/preferences/${personId}`, {
      preferences,
    });
    if (answer !== undefined) navigate(reorganisationPath(reorganisation.id, "voorkeuren"));
  };

  return (
    <>
      <Paragraph>
        Voor <strong>{employee.name}</strong> ({employee.personnel_number}, {employee.unit_code}). Neem de voorkeuren
        over van het ondertekende formulier, in dezelfde volgorde. Dit wordt met uw naam in het auditlog vastgelegd.
      </Paragraph>
      <PreferenceEditor
        idPrefix="onbehalf"
        initial={employee.preferences}
        functions={functions.data.items}
        max={reorganisation.max_preferences}
        submission={submission}
        onSave={save}
        saveLabel="Voorkeuren opslaan"
      />
      <Paragraph>
        <Link href={reorganisationPath(reorganisation.id, "voorkeuren")}>
          Terug naar het overzicht van de voorkeuren
        </Link>
      </Paragraph>
    </>
  );
}
