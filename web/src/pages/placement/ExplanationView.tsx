// One employee's explanation of a run, in plain Dutch: where and in which round, how the score
// was built, and why each higher preference was not granted. Never another person's score.

import { Alert, Heading, Paragraph } from "../../components";
import { cx } from "../../components/classes";
import { formatPoints, functionText, ordinal, preferenceOutcomeLabels } from "./labels";
import { ScoreBreakdown } from "./ScoreBreakdown";
import { StatusBadge, WhoWhen } from "./shared";
import type { Explanation, NearMiss } from "./types";

interface ExplanationViewProps {
  explanation: Explanation;
  /** "u" for the employee's own page; the name for HR. */
  audience: "self" | "hr";
  headingLevel?: 2 | 3;
}

export function ExplanationView({ explanation: e, audience, headingLevel = 2 }: ExplanationViewProps) {
  const sub = (headingLevel + 1) as 3 | 4;
  const you = audience === "self";
  return (
    <div className="kwm-pl-explanation">
      <Alert type={e.outcome === "placed" ? "ok" : "warning"} className="kwm-pl-outcome-summary">
        <Heading level={headingLevel}>
          {e.outcome === "placed" && e.position
            ? `${you ? "U bent" : `${e.name} is`} geplaatst als ${functionText(e.position.function_name, e.position.level)}`
            : `${you ? "U bent" : `${e.name} is`} boventallig`}
        </Heading>
        <Paragraph>
          {e.outcome === "placed" && e.position && e.round
            ? `Bij ${e.position.unit_name} (${e.position.unit_code}), in de ronde ‘${e.round.name}’.`
            : `Er is in de nieuwe formatie geen plaats voor ${you ? "u" : "deze medewerker"} gevonden. ${you ? "U krijgt" : "De medewerker krijgt"} begeleiding van werk naar werk.`}
        </Paragraph>
        <Paragraph>
          {e.confirmed ? (
            <WhoWhen value={e.confirmed} prefix="Bevestigd door" />
          ) : (
            "Dit is een voorstel: het wordt pas een besluit als een medewerker van HR de uitkomst bevestigt."
          )}
        </Paragraph>
      </Alert>

      <section aria-labelledby={`uitleg-${e.person_id}`}>
        <Heading level={headingLevel} id={`uitleg-${e.person_id}`}>
          De uitleg
        </Heading>
        <div className="kwm-pl-explanation__text">
          {e.text
            .split(/\n{2,}/)
            .filter((block) => block.trim())
            .map((block, i) => (
              <Paragraph key={i}>
                {block.split("\n").map((line, j) => (
                  <span key={j} className="kwm-pl-explanation__line">
                    {line}
                  </span>
                ))}
              </Paragraph>
            ))}
        </div>
      </section>

      {e.score && (
        <section aria-labelledby={`score-${e.person_id}`}>
          <Heading level={headingLevel} id={`score-${e.person_id}`}>
            Opbouw van de score
          </Heading>
          <ScoreBreakdown
            caption={`Opbouw van de score voor ${e.position ? functionText(e.position.function_name, e.position.level) : "deze plaats"}`}
            components={e.score.components}
            constraints={e.score.constraints}
            score={e.score.suitability}
            bonus={e.score.bonus}
          />
        </section>
      )}

      <section aria-labelledby={`voorkeuren-${e.person_id}`}>
        <Heading level={headingLevel} id={`voorkeuren-${e.person_id}`}>
          {you ? "Uw voorkeuren" : "Voorkeuren"}
        </Heading>
        {e.preferences.length === 0 ? (
          <Paragraph className="kwm-empty">{you ? "U heeft" : "Er zijn"} geen voorkeuren opgegeven.</Paragraph>
        ) : (
          <ol className="kwm-pl-outcome-list">
            {e.preferences.map((p) => (
              <li key={p.rank} className={cx("kwm-pl-outcome-list__item", `kwm-pl-outcome-list__item--${p.status}`)}>
                <Heading level={sub} className="kwm-pl-outcome-list__title">
                  {ordinal(p.rank)} voorkeur: {functionText(p.function_name, p.level)}{" "}
                  <StatusBadge
                    tone={p.status === "granted" ? "done" : p.status === "not_granted" ? "warning" : "neutral"}
                  >
                    {preferenceOutcomeLabels[p.status]}
                  </StatusBadge>
                </Heading>
                <Paragraph>{p.text}</Paragraph>
                {p.points_short !== null && (
                  <Paragraph className="kwm-pl-points-short">
                    Verschil: <strong>{formatPoints(p.points_short)} punten</strong>.
                  </Paragraph>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {e.near_misses.length > 0 && (
        <section aria-labelledby={`bijna-${e.person_id}`}>
          <Heading level={headingLevel} id={`bijna-${e.person_id}`}>
            Plaatsen waar {you ? "u" : "deze medewerker"} bijna op kwam
          </Heading>
          <NearMissList nearMisses={e.near_misses} />
        </section>
      )}
    </div>
  );
}

export function NearMissList({ nearMisses }: { nearMisses: NearMiss[] }) {
  if (nearMisses.length === 0) return <span className="kwm-hint">Geen</span>;
  return (
    <ul className="kwm-pl-compact-list">
      {nearMisses.map((miss) => (
        <li key={`${miss.position_id}-${miss.round}`}>
          <strong>
            {functionText(miss.function_name, miss.level)}, {miss.unit_code}
          </strong>{" "}
          (
          {miss.points_short === null
            ? "alleen door minder mensen te plaatsen"
            : `${formatPoints(miss.points_short)} punten tekort`}
          , ronde ‘{miss.round_name}’): {miss.text}
        </li>
      ))}
    </ul>
  );
}
