import { Fieldset, Paragraph } from "../../../components";
import { InputField } from "../../../components/Fields";
import { ReorderableList } from "../../../components/ReorderableList";
import { roundKindDescriptions, roundKindLabels, tieBreakLabels } from "../labels";
import { Checkbox } from "./Checkbox";
import { moved, type RoundDraft, type SettingsSectionProps } from "./draft";

/** The rounds of the social plan, in the order they run; each can be switched off and renamed. */
export function RoundsFieldset({ draft, change, errors, closed }: SettingsSectionProps) {
  // The server counts only the rounds that are switched on: settings.rounds[i] is the i-th of those.
  const roundError = (round: RoundDraft) => {
    const index = draft.rounds.filter((r) => r.enabled).indexOf(round);
    return (
      errors[`round-${round.kind}`] ??
      errors[`settings.rounds[${index}].name`] ??
      errors[`settings.rounds[${index}].kind`]
    );
  };
  const changeRound = (index: number, patch: Partial<RoundDraft>) =>
    change({ rounds: draft.rounds.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <Fieldset className="kwm-pl-fieldset" legend="Rondes van het sociaal plan">
      <Paragraph className="kwm-hint">
        De rondes lopen in deze volgorde. Elke ronde ziet alleen wie nog niet geplaatst is en de plaatsen die nog open
        zijn. Wie na de laatste ronde geen plaats heeft, is boventallig.
      </Paragraph>
      {errors["settings.rounds"] && (
        <Paragraph className="utrecht-form-field-error-message">{errors["settings.rounds"]}</Paragraph>
      )}
      <ReorderableList
        label="Rondes in volgorde"
        items={draft.rounds}
        itemKey={(r) => r.kind}
        itemName={(r) => `Ronde ${r.name || roundKindLabels[r.kind]}`}
        onMove={(from, to) => change({ rounds: moved(draft.rounds, from, to) })}
        renderItem={(round, index) => (
          <div className="kwm-pl-setting-item">
            <Checkbox
              id={`round-enabled-${round.kind}`}
              checked={round.enabled}
              disabled={closed}
              onChange={(enabled) => changeRound(index, { enabled })}
              label={
                <>
                  <span className="kwm-pl-position">Ronde {index + 1}</span>{" "}
                  <strong>{roundKindLabels[round.kind]}</strong>: {roundKindDescriptions[round.kind]}
                </>
              }
            />
            <InputField
              id={`round-${round.kind}`}
              label="Naam van de ronde"
              error={roundError(round)}
              value={round.name}
              disabled={closed || !round.enabled}
              onChange={(name) => changeRound(index, { name })}
            />
          </div>
        )}
      />
    </Fieldset>
  );
}

/** Which rule decides between equal scores, in order; never the order of input. */
export function TieBreaksFieldset({ draft, change, closed }: SettingsSectionProps) {
  return (
    <Fieldset className="kwm-pl-fieldset" legend="Voorrangsregels bij gelijke score">
      <Paragraph className="kwm-hint">
        Scoren twee medewerkers precies gelijk, dan beslissen deze regels in deze volgorde, en nooit de volgorde van
        invoer.
      </Paragraph>
      <ReorderableList
        label="Voorrangsregels in volgorde"
        items={draft.tie_breaks}
        itemKey={(t) => t.kind}
        itemName={(t) => `Voorrangsregel ${tieBreakLabels[t.kind]}`}
        onMove={(from, to) => change({ tie_breaks: moved(draft.tie_breaks, from, to) })}
        renderItem={(tieBreak, index) => (
          <Checkbox
            id={`tie-break-${tieBreak.kind}`}
            checked={tieBreak.enabled}
            disabled={closed}
            onChange={(enabled) =>
              change({ tie_breaks: draft.tie_breaks.map((t, i) => (i === index ? { ...t, enabled } : t)) })
            }
            label={
              <>
                <span className="kwm-pl-position">Regel {index + 1}</span> {tieBreakLabels[tieBreak.kind]}
              </>
            }
          />
        )}
      />
    </Fieldset>
  );
}
