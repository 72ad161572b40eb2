import { Heading, Link, LoadError, Loading, Paragraph } from "../../components";
import { formatDate } from "../../format";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { purposeLabels, roundPath, type Round } from "./model";
import { mayWrite } from "./shared";

/** The start of competency management: what the caller can do, and the rounds that are open now. */
export function CompetenceHomePage() {
  usePageTitle("Competenties");
  const { user } = useSession();
  const rounds = useApi<{ items: Round[] }>("/assessment-rounds");
  const open = (rounds.data?.items ?? []).filter((r) => r.status === "open");
  const setup = user.role !== "assessor";
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Competenties
      </Heading>
      <Paragraph lead>
        Weet de gemeente of haar mensen de kennis en competenties hebben die het werk vraagt, en waar ze tekortschieten?
        Leg competentiekaders en functieprofielen vast, beoordeel in rondes vanuit meerdere bronnen en bekijk de
        tekorten per persoon, team en organisatie.
      </Paragraph>
      <ul className="kwm-card-list kwm-card-list--grid" role="list">
        {setup && (
          <li className="kwm-card">
            <Heading level={2} className="utrecht-heading-3 kwm-card__title">
              <Link href="/competenties/kaders">Competentiekaders</Link>
            </Heading>
            <Paragraph>
              Competenties, kennisgebieden, gedragsindicatoren en schalen.
              {mayWrite(user) ? " Kopieer een referentiekader of pas een eigen kader aan." : ""}
            </Paragraph>
          </li>
        )}
        {setup && (
          <li className="kwm-card">
            <Heading level={2} className="utrecht-heading-3 kwm-card__title">
              <Link href="/competenties/profielen">Functieprofielen</Link>
            </Heading>
            <Paragraph>Wat elk functieniveau vraagt; profielen vergelijken en loopbaanpaden.</Paragraph>
          </li>
        )}
        <li className="kwm-card">
          <Heading level={2} className="utrecht-heading-3 kwm-card__title">
            <Link href="/competenties/rondes">Beoordelingsrondes</Link>
          </Heading>
          <Paragraph>
            {mayWrite(user)
              ? "Rondes opzetten, voortgang volgen, oordelen, heatmaps, dekking en groei."
              : user.role === "manager"
                ? "Uw medewerkers beoordelen, voortgang, oordelen en heatmaps van uw eenheden."
                : user.role === "works_council"
                  ? "Heatmaps, dekking en groei op het niveau van eenheden, zonder gegevens van personen."
                  : "De rondes waarin u beoordeelt."}
          </Paragraph>
        </li>
      </ul>
      <section aria-labelledby="open-rondes">
        <Heading level={2} id="open-rondes">
          Open rondes
        </Heading>
        {rounds.loading && <Loading what="Rondes" />}
        {rounds.error && <LoadError error={rounds.error} />}
        {rounds.data && open.length === 0 && <Paragraph className="kwm-empty">Er is geen open ronde.</Paragraph>}
        {open.length > 0 && (
          <ul className="kwm-plain-list">
            {open.map((r) => (
              <li key={r.code}>
                <Link href={roundPath(r.code)}>{r.name}</Link> — {purposeLabels[r.purpose]}, invullen vóór{" "}
                {formatDate(r.deadline)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
