// One round: its facts and purpose, the progress dashboard (who has finished which source), and for HR the
// participants with their consent, assessors, extra participants and closing the round.
import { InputField, TextareaField } from "../../components/Fields";
import { UnitField } from "../../components/UnitFilter";
import { useUnitOptions } from "../../hooks/useUnitOptions";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { request } from "../../api/client";
import type { User } from "../../api/types";
import {
  Alert,
  Button,
  DataList,
  Heading,
  Link,
  LoadError,
  Loading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../components";
import { CheckboxOption } from "../../components/Checkbox";
import { ExportLinks } from "../../components/ExportLinks";
import { formatCount, formatDate, formatDateTime } from "../../format";
import { useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import {
  formPath,
  formatLevel,
  formatScore,
  progressLabels,
  reportPath,
  roundStatusLabels,
  sourceLabels,
  type Participant,
  type ProgressStatus,
  type RatingSource,
  type Round,
  type RoundProgress,
} from "./model";
import { Breadcrumbs, PurposeBanner, RoundNav, errorMessage, mayWrite, seesIndividuals, useRound } from "./shared";

const roundApi = (code: string, rest = "") => `/assessment-rounds/${encodeURIComponent(code)}${rest}`;

export function RoundPage({ code }: { code: string }) {
  const { user } = useSession();
  const location = useLocation();
  const round = useRound(code);
  const data = round.data;
  usePageTitle(data?.name ?? "Beoordelingsronde");
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { label: data?.name ?? code },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        {data?.name ?? "Beoordelingsronde"}
      </Heading>
      {round.loading && !data && <Loading what="Ronde" />}
      {round.error && <LoadError error={round.error} />}
      {data && (
        <>
          {location.search.get("aangemaakt") === "1" && (
            <Alert type="ok">
              <Paragraph>
                De ronde is aangemaakt met {formatCount(data.participants)}{" "}
                {data.participants === 1 ? "deelnemer" : "deelnemers"}. De deelnemers zien de ronde nu bij hun
                beoordelingen.
              </Paragraph>
            </Alert>
          )}
          <PurposeBanner purpose={data.purpose} text={data.purpose_text} />
          <RoundNav round={data} user={user} current="overview" />
          <RoundFacts round={data} />
          {seesIndividuals(user) && <ProgressSection round={data} user={user} />}
          {user.role === "assessor" && <AssessorSection round={data} />}
          {mayWrite(user) && <ParticipantsSection round={data} />}
          {mayWrite(user) && data.status === "open" && <AddParticipants round={data} onAdded={round.reload} />}
          {mayWrite(user) && data.sources.includes("external") && <AssessorsSection round={data} />}
          {mayWrite(user) && data.status === "open" && <CloseRound round={data} onClosed={round.reload} />}
        </>
      )}
    </>
  );
}

function RoundFacts({ round }: { round: Round }) {
  return (
    <section aria-labelledby="gegevens">
      <Heading level={2} id="gegevens">
        Gegevens
      </Heading>
      <DataList
        items={[
          {
            key: "Status",
            value: `${roundStatusLabels[round.status]}${round.closed_at ? ` sinds ${formatDateTime(round.closed_at)}` : ""}`,
          },
          { key: "Invullen vóór", value: formatDate(round.deadline) },
          { key: "Streefdatum voor wie trainbaar is", value: formatDate(round.target_date) },
          {
            key: "Competentiekaders",
            value: round.frameworks.map((f) => `${f.name} (versie ${f.version})`).join("; "),
          },
          { key: "Functieprofielen", value: round.profiles.map((p) => `${p.function_code} ${p.level}`).join(", ") },
          {
            key: "Bronnen en gewicht",
            value: round.sources.map((s) => `${sourceLabels[s]} (${formatLevel(round.weights[s])})`).join(", "),
          },
          {
            key: "Regels voor het oordeel",
            value: `tolerantie ${formatScore(round.tolerance)}, trainbare stap ${formatScore(round.trainable_step)}, spreiding gemarkeerd vanaf ${formatScore(round.spread_threshold)}`,
          },
          { key: "Deelnemers", value: formatCount(round.participants) },
        ]}
      />
    </section>
  );
}

const statusMarks: Record<ProgressStatus, string> = { complete: "✓", in_progress: "◐", not_started: "○" };

function StatusText({ status, rated, expected }: { status: ProgressStatus; rated: number; expected: number }) {
  return (
    <span className={`kwm-status kwm-status--${status}`}>
      <span aria-hidden="true">{statusMarks[status]}</span> {progressLabels[status]} ({formatCount(rated)}/
      {formatCount(expected)})
    </span>
  );
}

/** Who may open which form from the dashboard: a manager their own source, HR every form to read. */
function formLink(user: User, source: RatingSource): "write" | "read" | null {
  if (user.role === "manager" && source === "manager") return "write";
  if (mayWrite(user) && source !== "peer") return "read";
  return null;
}

function ProgressSection({ round, user }: { round: Round; user: User }) {
  const progress = useApi<RoundProgress>(roundApi(round.code, "/progress"));
  const [openOnly, setOpenOnly] = useState(false);
  const people = useMemo(() => {
    const all = progress.data?.people ?? [];
    return openOnly ? all.filter((p) => Object.values(p.sources).some((s) => s && s.status !== "complete")) : all;
  }, [progress.data, openOnly]);
  return (
    <section aria-labelledby="voortgang">
      <Heading level={2} id="voortgang">
        Voortgang
      </Heading>
      {progress.loading && <Loading what="Voortgang" />}
      {progress.error && <LoadError error={progress.error} />}
      {progress.data && (
        <>
          <dl className="kwm-key-figures kwm-progress-figures" data-testid="progress-totals">
            {progress.data.sources.map((source) => {
              const totals = progress.data!.totals[source];
              if (!totals) return null;
              const all = totals.complete + totals.in_progress + totals.not_started;
              return (
                <div key={source} className="kwm-key-figures__item">
                  <dt className="kwm-key-figures__name">{sourceLabels[source]}</dt>
                  <dd className="kwm-key-figures__value">
                    {formatCount(totals.complete)} van {formatCount(all)} klaar
                  </dd>
                  <dd className="kwm-key-figures__detail">
                    {formatCount(totals.in_progress)} bezig, {formatCount(totals.not_started)} niet begonnen
                  </dd>
                </div>
              );
            })}
          </dl>
          <CheckboxOption
            id="progress-open-only"
            checked={openOnly}
            onChange={(e) => setOpenOnly(e.target.checked)}
            label="Alleen wie nog niet alles heeft ingevuld"
          />
          {people.length === 0 ? (
            <Paragraph className="kwm-empty">
              {openOnly ? "Iedereen is klaar." : "Deze ronde heeft (voor u) geen deelnemers."}
            </Paragraph>
          ) : (
            <TableContainer label="Voortgang per deelnemer">
              <Table>
                <TableCaption className="kwm-visually-hidden">Voortgang per deelnemer en bron</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Naam</TableHeaderCell>
                    <TableHeaderCell>Eenheid</TableHeaderCell>
                    {progress.data.sources.map((source) => (
                      <TableHeaderCell key={source}>{sourceLabels[source]}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {people.map((person) => (
                    <TableRow key={person.personnel_number}>
                      <TableHeaderCell scope="row">
                        <Link href={reportPath(round.code, person.personnel_number)}>
                          {person.name}
                          <span className="kwm-visually-hidden"> (rapport)</span>
                        </Link>{" "}
                        <span className="kwm-hint">({person.personnel_number})</span>
                      </TableHeaderCell>
                      <TableCell>{person.unit_code}</TableCell>
                      {progress.data!.sources.map((source) => {
                        const state = person.sources[source];
                        const link = formLink(user, source);
                        return (
                          <TableCell key={source}>
                            {state ? <StatusText {...state} /> : "–"}
                            {link && state && (
                              <>
                                {" "}
                                <Link
                                  href={formPath(round.code, person.personnel_number, source)}
                                  className="kwm-cell-action"
                                >
                                  {link === "write" && round.status === "open"
                                    ? state.status === "complete"
                                      ? "Wijzigen"
                                      : "Beoordelen"
                                    : "Bekijken"}
                                  <span className="kwm-visually-hidden">
                                    ({sourceLabels[source].toLowerCase()} van {person.name})
                                  </span>
                                </Link>
                              </>
                            )}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
          <ExportLinks path={roundApi(round.code, "/progress")} what="de voortgang per deelnemer en bron" />
        </>
      )}
    </section>
  );
}

function AssessorSection({ round }: { round: Round }) {
  const participants = useApi<{ items: Participant[] }>(roundApi(round.code, "/participants"));
  return (
    <section aria-labelledby="te-beoordelen">
      <Heading level={2} id="te-beoordelen">
        Te beoordelen
      </Heading>
      {participants.loading && <Loading what="Deelnemers" />}
      {participants.error && <LoadError error={participants.error} />}
      {participants.data && (
        <ul className="kwm-plain-list">
          {participants.data.items.map((p) => (
            <li key={p.personnel_number}>
              <Link href={formPath(round.code, p.personnel_number, "external")}>
                {p.name} ({p.personnel_number})
                <span className="kwm-visually-hidden"> (extern assessment invullen)</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ParticipantsSection({ round }: { round: Round }) {
  const participants = useApi<{ items: Participant[] }>(roundApi(round.code, "/participants"));
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const development = round.purpose === "development";

  async function consent(person: Participant, give: boolean) {
    setBusy(person.personnel_number);
    setMessage(null);
    try {
      await request(
        give ? "POST" : "DELETE",
        roundApi(round.code, `/consents/${encodeURIComponent(person.personnel_number)}`),
      );
      setMessage({
        type: "ok",
        text: give
          ? `De schriftelijke toestemming van ${person.name} is vastgelegd.`
          : `De toestemming van ${person.name} is ingetrokken.`,
      });
      participants.reload();
    } catch (cause) {
      setMessage({ type: "error", text: errorMessage(cause, "Vastleggen is niet gelukt.") });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="deelnemers">
      <Heading level={2} id="deelnemers">
        Deelnemers
      </Heading>
      {development && (
        <Paragraph className="kwm-hint">
          Uitkomsten van dit ontwikkelassessment gaan alleen mee naar selectie en plaatsing voor wie daar uitdrukkelijk
          toestemming voor gaf. Medewerkers geven die zelf in de app; een toestemming op papier legt u hier vast.
        </Paragraph>
      )}
      {message && (
        <Alert type={message.type} live>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      )}
      {participants.loading && !participants.data && <Loading what="Deelnemers" />}
      {participants.error && <LoadError error={participants.error} />}
      {participants.data && (
        <>
          <TableContainer label="Deelnemers">
            <Table>
              <TableCaption className="kwm-visually-hidden">Deelnemers van de ronde</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Naam</TableHeaderCell>
                  <TableHeaderCell>Eenheid</TableHeaderCell>
                  <TableHeaderCell>Profiel</TableHeaderCell>
                  <TableHeaderCell>Organisatie</TableHeaderCell>
                  {development && <TableHeaderCell>Toestemming voor selectie</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {participants.data.items.map((p) => (
                  <TableRow key={p.personnel_number}>
                    <TableHeaderCell scope="row">
                      {p.name} <span className="kwm-hint">({p.personnel_number})</span>
                    </TableHeaderCell>
                    <TableCell>{p.unit_code}</TableCell>
                    <TableCell>
                      {p.function_code} {p.level}
                    </TableCell>
                    <TableCell>{p.organisation || "Gemeente"}</TableCell>
                    {development && (
                      <TableCell>
                        {p.consent ? `Ja, ${formatDateTime(p.consent.recorded_at)} (${p.consent.recorded_by})` : "Nee"}{" "}
                        {round.status === "open" && (
                          <Button
                            appearance="subtle"
                            busy={busy === p.personnel_number}
                            disabled={busy !== null}
                            onClick={() => void consent(p, !p.consent)}
                          >
                            {p.consent ? "Intrekken" : "Toestemming op papier vastleggen"}
                            <span className="kwm-visually-hidden"> voor {p.name}</span>
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <ExportLinks path={roundApi(round.code, "/participants")} what="de deelnemers" />
          <ExportLinks
            path={`/export/assessments?round=${encodeURIComponent(round.code)}`}
            what="alle scores van deze ronde in het importformaat"
            label="Alle scores van de ronde (importformaat):"
          />
        </>
      )}
    </section>
  );
}

function AddParticipants({ round, onAdded }: { round: Round; onAdded: () => void }) {
  const { options } = useUnitOptions();
  const [unit, setUnit] = useState("");
  const [people, setPeople] = useState("");
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const numbers = people.split(/[\s,;]+/).filter(Boolean);
    if (!unit && numbers.length === 0) {
      setMessage({ type: "error", text: "Kies een eenheid of vul personeelsnummers in." });
      requestAnimationFrame(() => messageRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const updated = await request<Round>("POST", roundApi(round.code, "/participants"), {
        body: { units: unit ? [unit] : [], people: numbers },
      });
      setMessage({ type: "ok", text: `De ronde heeft nu ${formatCount(updated.participants)} deelnemers.` });
      setUnit("");
      setPeople("");
      onAdded();
    } catch (cause) {
      setMessage({ type: "error", text: errorMessage(cause, "Toevoegen is niet gelukt.") });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  return (
    <section aria-labelledby="toevoegen">
      <Heading level={2} id="toevoegen">
        Deelnemers toevoegen
      </Heading>
      <form className="kwm-form" onSubmit={submit} noValidate aria-label="Deelnemers toevoegen">
        <UnitField
          id="add-unit"
          label="Eenheid (met de eenheden eronder)"
          units={options}
          value={unit}
          onChange={setUnit}
          emptyLabel="Geen eenheid"
        />
        <TextareaField
          id="add-people"
          label="Personeelsnummers"
          description="Gescheiden door komma's, spaties of regels."
          rows={2}
          value={people}
          onChange={setPeople}
        />
        {message && (
          <div ref={messageRef} tabIndex={-1} className="kwm-outcome">
            <Alert type={message.type} live>
              <Paragraph>{message.text}</Paragraph>
            </Alert>
          </div>
        )}
        <Button type="submit" busy={busy} disabled={busy}>
          Toevoegen
        </Button>
      </form>
    </section>
  );
}

function AssessorsSection({ round }: { round: Round }) {
  const assessors = useApi<{ items: { username: string; linked_at?: string; created_at?: string }[] }>(
    roundApi(round.code, "/assessors"),
  );
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ type: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim()) {
      setMessage({ type: "error", text: "Vul een gebruikersnaam in." });
      return;
    }
    if (password && password.length < 12) {
      setMessage({ type: "error", text: "Een wachtwoord heeft minstens 12 tekens." });
      return;
    }
    setBusy(true);
    try {
      await request("POST", roundApi(round.code, "/assessors"), {
        body: { username: username.trim(), password: password || undefined },
      });
      setMessage({
        type: "ok",
        text: `${username.trim()} kan nu de deelnemers van deze ronde beoordelen, zolang de ronde open is.`,
      });
      setUsername("");
      setPassword("");
      assessors.reload();
    } catch (cause) {
      setMessage({ type: "error", text: errorMessage(cause, "Toevoegen is niet gelukt.") });
    } finally {
      setBusy(false);
    }
  }

  async function unlink(name: string) {
    try {
      await request("DELETE", roundApi(round.code, `/assessors/${encodeURIComponent(name)}`));
      setMessage({ type: "ok", text: `${name} is van deze ronde losgekoppeld.` });
      assessors.reload();
    } catch (cause) {
      setMessage({ type: "error", text: errorMessage(cause, "Loskoppelen is niet gelukt.") });
    }
  }

  return (
    <section aria-labelledby="assessoren">
      <Heading level={2} id="assessoren">
        Externe assessoren
      </Heading>
      {assessors.data && assessors.data.items.length === 0 && (
        <Paragraph className="kwm-empty">Nog geen externe assessor.</Paragraph>
      )}
      {assessors.data && assessors.data.items.length > 0 && (
        <ul className="kwm-plain-list">
          {assessors.data.items.map((a) => (
            <li key={a.username}>
              {a.username} <span className="kwm-hint">(sinds {formatDateTime(a.linked_at ?? a.created_at ?? "")})</span>{" "}
              <Button appearance="subtle" onClick={() => void unlink(a.username)}>
                Loskoppelen<span className="kwm-visually-hidden"> ({a.username})</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="kwm-form" onSubmit={submit} noValidate aria-label="Externe assessor toevoegen">
        <InputField
          id="assessor-username"
          label="Gebruikersnaam van de assessor"
          value={username}
          onChange={setUsername}
          autoComplete="off"
        />
        <InputField
          id="assessor-password"
          label="Wachtwoord voor een nieuw account (minstens 12 tekens)"
          description="Leeg laten om een bestaand assessoraccount aan deze ronde te koppelen."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        {message && (
          <Alert type={message.type} live>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        )}
        <Button type="submit" busy={busy} disabled={busy}>
          Assessor toevoegen
        </Button>
      </form>
    </section>
  );
}

function CloseRound({ round, onClosed }: { round: Round; onClosed: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function close() {
    setBusy(true);
    try {
      await request<Round>("POST", roundApi(round.code, "/close"));
      onClosed();
    } catch (cause) {
      setError(errorMessage(cause, "Sluiten is niet gelukt."));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }
  return (
    <section aria-labelledby="sluiten">
      <Heading level={2} id="sluiten">
        Ronde sluiten
      </Heading>
      <Paragraph>
        Na het sluiten kan niemand meer scores invullen of wijzigen en verliezen externe assessoren hun toegang.
      </Paragraph>
      {error && (
        <Alert type="error" live>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {confirming ? (
        <div className="utrecht-button-group" role="group" aria-label="Sluiten bevestigen">
          <Button appearance="primary" busy={busy} disabled={busy} onClick={() => void close()}>
            Ja, ronde sluiten
          </Button>
          <Button onClick={() => setConfirming(false)}>Annuleren</Button>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>Ronde sluiten…</Button>
      )}
    </section>
  );
}
