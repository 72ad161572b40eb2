import { useEffect, useMemo, useState } from "react";
import { SelectField } from "../../components/Fields";
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
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
import { formatCount } from "../../format";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { formatPercent, functionText, matchDescriptions, matchLabels } from "./labels";
import {
  ClosedNotice,
  FormErrorSummary,
  ReorganisationFrame,
  StatusBadge,
  SuccessMessage,
  WhoWhen,
  isHr,
  useSubmission,
} from "./shared";
import type { FunctionMapping, FunctionMatch, ReorganisationHeadline } from "./types";

const MATCHES: FunctionMatch[] = ["exchangeable", "equivalent", "suitable", "none"];
const pairKey = (oldId: number, newId: number) => `${oldId}:${newId}`;

export function MappingPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame id={id} title="Functiekoppeling">
      {(reorganisation, reload) => <Mapping reorganisation={reorganisation} onConfirmed={reload} />}
    </ReorganisationFrame>
  );
}

function Mapping({ reorganisation, onConfirmed }: { reorganisation: ReorganisationHeadline; onConfirmed: () => void }) {
  const { user } = useSession();
  const editable = isHr(user.role) && reorganisation.status !== "confirmed";
  const path = `/reorganisations/${reorganisation.id}/function-mapping`;
  const mapping = useApi<FunctionMapping>(path);
  const [current, setCurrent] = useState<FunctionMapping>();
  const [choices, setChoices] = useState<Map<string, FunctionMatch>>(new Map());
  const [shown, setShown] = useState<Set<string>>(new Set());
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();

  const adopt = (answer: FunctionMapping) => {
    setCurrent(answer);
    setChoices(new Map(answer.pairs.map((p) => [pairKey(p.old_function_id, p.new_function_id), p.match])));
    setShown(
      new Set(
        answer.pairs
          .filter((p) => p.proposed !== "none" || p.match !== "none")
          .map((p) => pairKey(p.old_function_id, p.new_function_id)),
      ),
    );
  };
  useEffect(() => {
    if (mapping.data) adopt(mapping.data);
  }, [mapping.data]);

  const pairsByOld = useMemo(() => {
    const byOld = new Map<number, FunctionMapping["pairs"]>();
    for (const pair of current?.pairs ?? []) {
      const list = byOld.get(pair.old_function_id) ?? [];
      list.push(pair);
      byOld.set(pair.old_function_id, list);
    }
    return byOld;
  }, [current]);

  if (mapping.loading && !current) return <Loading what="Functiekoppeling" />;
  if (mapping.error) return <LoadError error={mapping.error} />;
  if (!current) return null;

  const newById = new Map(current.new_functions.map((f) => [f.function_id, f]));
  const changed = current.pairs.filter(
    (p) => choices.get(pairKey(p.old_function_id, p.new_function_id)) !== p.proposed,
  );

  const confirm = async () => {
    setSuccess(undefined);
    const answer = await submission.submit<FunctionMapping>("PUT", path, {
      pairs: changed.map((p) => ({
        old_function_id: p.old_function_id,
        new_function_id: p.new_function_id,
        match: choices.get(pairKey(p.old_function_id, p.new_function_id)),
      })),
    });
    if (answer) {
      adopt(answer);
      setSuccess("De functiekoppeling is bevestigd.");
      onConfirmed();
    }
  };

  const propose = async () => {
    setSuccess(undefined);
    const answer = await submission.submit<FunctionMapping>("POST", `${path}/propose`);
    if (answer) {
      adopt(answer);
      setSuccess("De koppeling is opnieuw voorgesteld op grond van de functieprofielen. Bevestig haar opnieuw.");
      onConfirmed();
    }
  };

  return (
    <>
      <ClosedNotice reorganisation={reorganisation} />
      <Paragraph>
        Per huidige functie staat hier welke functies in de nieuwe formatie erop lijken. Het voorstel komt uit de
        overlap van de competentieprofielen; zonder profielen wordt alleen dezelfde, ongewijzigde functie voorgesteld.
        HR bevestigt de koppeling; pas daarna kan een voorstel worden berekend.
      </Paragraph>
      <ul className="kwm-pl-definitions">
        {MATCHES.map((match) => (
          <li key={match}>
            <strong>{matchLabels[match]}</strong>: {matchDescriptions[match]}.
          </li>
        ))}
      </ul>
      {current.confirmed ? (
        <Alert type="ok">
          <Paragraph>
            <WhoWhen value={current.confirmed} prefix="De koppeling is bevestigd door" />.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="warning">
          <Paragraph>De koppeling is nog niet bevestigd. Wat hieronder staat is het voorstel.</Paragraph>
        </Alert>
      )}
      <SuccessMessage message={success} />
      <FormErrorSummary submission={submission} title="Het is niet gelukt" />

      {current.old_functions.map((old) => {
        const all = pairsByOld.get(old.function_id) ?? [];
        const isShown = (p: MappingPair) => shown.has(pairKey(p.old_function_id, p.new_function_id));
        return (
          <MappingGroup
            key={old.function_id}
            old={old}
            pairs={all.filter(isShown)}
            hidden={all.filter((p) => !isShown(p))}
            newById={newById}
            choices={choices}
            editable={editable}
            onChoose={(key, match) => setChoices(new Map(choices).set(key, match))}
            onShow={(key) => setShown(new Set([...shown, key]))}
          />
        );
      })}
      {editable && (
        <ConfirmMapping
          changed={changed.length}
          username={user.username}
          busy={submission.busy}
          onConfirm={() => void confirm()}
          onPropose={() => void propose()}
        />
      )}
    </>
  );
}

type MappingPair = FunctionMapping["pairs"][number];
type OldFunction = FunctionMapping["old_functions"][number];
type NewFunction = FunctionMapping["new_functions"][number];

interface MappingGroupProps {
  old: OldFunction;
  pairs: MappingPair[];
  /** The pairs not proposed, which HR can add. */
  hidden: MappingPair[];
  newById: Map<number, NewFunction>;
  choices: Map<string, FunctionMatch>;
  editable: boolean;
  onChoose: (key: string, match: FunctionMatch) => void;
  onShow: (key: string) => void;
}

/** One current function with the new functions that resemble it, and HR's choice for each. */
function MappingGroup({ old, pairs, hidden, newById, choices, editable, onChoose, onShow }: MappingGroupProps) {
  const headingId = `old-${old.function_id}`;
  const nameOf = (pair: MappingPair) => {
    const target = newById.get(pair.new_function_id);
    return target ? functionText(target.name, target.level) : String(pair.new_function_id);
  };
  return (
    <section aria-labelledby={headingId} className="kwm-pl-mapping-group">
      <Heading level={2} id={headingId}>
        {functionText(old.name, old.level)}{" "}
        <span className="kwm-hint">
          ({old.code}, {formatCount(old.employees)} {old.employees === 1 ? "medewerker" : "medewerkers"})
        </span>
      </Heading>
      {pairs.length === 0 ? (
        <Paragraph className="kwm-empty">
          Geen nieuwe functie voorgesteld: deze medewerkers worden niet op grond van hun functie geplaatst.
        </Paragraph>
      ) : (
        <TableContainer label={`Koppeling van ${old.name} (${old.level})`}>
          <Table>
            <TableCaption className="kwm-visually-hidden">
              Nieuwe functies voor {old.name} ({old.level})
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Nieuwe functie</TableHeaderCell>
                <TableHeaderCell>Voorstel</TableHeaderCell>
                <TableHeaderCell>Waarom</TableHeaderCell>
                <TableHeaderCell>Koppeling</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pairs.map((pair) => {
                const key = pairKey(pair.old_function_id, pair.new_function_id);
                return (
                  <PairRow
                    key={key}
                    pair={pair}
                    oldName={functionText(old.name, old.level)}
                    targetName={nameOf(pair)}
                    isNew={newById.get(pair.new_function_id)?.novelty === "new"}
                    choice={choices.get(key) ?? pair.match}
                    editable={editable}
                    onChoose={(match) => onChoose(key, match)}
                  />
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {editable && hidden.length > 0 && (
        <AddPair
          id={`add-${old.function_id}`}
          label={`Andere nieuwe functie koppelen aan ${old.name} (${old.level})`}
          options={hidden.map((p) => {
            const code = newById.get(p.new_function_id)?.code;
            return {
              value: pairKey(p.old_function_id, p.new_function_id),
              text: code ? `${nameOf(p)} (${code})` : nameOf(p),
            };
          })}
          onAdd={onShow}
        />
      )}
    </section>
  );
}

interface PairRowProps {
  pair: MappingPair;
  oldName: string;
  targetName: string;
  isNew: boolean;
  choice: FunctionMatch;
  editable: boolean;
  onChoose: (match: FunctionMatch) => void;
}

function PairRow({ pair, oldName, targetName, isNew, choice, editable, onChoose }: PairRowProps) {
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        {targetName}
        {isNew && (
          <>
            {" "}
            <StatusBadge tone="neutral">Nieuwe functie</StatusBadge>
          </>
        )}
      </TableHeaderCell>
      <TableCell>
        {matchLabels[pair.proposed]}
        {pair.overlap !== null && <> ({formatPercent(pair.overlap)} overlap)</>}
      </TableCell>
      <TableCell>
        <ul className="kwm-pl-reasons">
          {pair.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </TableCell>
      <TableCell>
        {editable ? (
          <Select
            id={`match-${pair.old_function_id}-${pair.new_function_id}`}
            className="kwm-pl-match-select"
            aria-label={`Koppeling van ${oldName} naar ${targetName}`}
            value={choice}
            onChange={(event) => onChoose(event.target.value as FunctionMatch)}
          >
            {MATCHES.map((match) => (
              <option key={match} value={match}>
                {matchLabels[match]}
              </option>
            ))}
          </Select>
        ) : (
          <strong>{matchLabels[choice]}</strong>
        )}
        {choice !== pair.proposed && <span className="kwm-hint"> (afwijkend van het voorstel)</span>}
      </TableCell>
    </TableRow>
  );
}

interface ConfirmMappingProps {
  /** How many pairs differ from the proposal. */
  changed: number;
  username: string;
  busy: boolean;
  onConfirm: () => void;
  onPropose: () => void;
}

function ConfirmMapping({ changed, username, busy, onConfirm, onPropose }: ConfirmMappingProps) {
  return (
    <section aria-labelledby="bevestigen">
      <Heading level={2} id="bevestigen">
        Bevestigen
      </Heading>
      <Paragraph>
        {changed === 0
          ? "U bevestigt het voorstel zoals het is."
          : `U wijkt bij ${formatCount(changed)} ${changed === 1 ? "koppeling" : "koppelingen"} af van het voorstel.`}{" "}
        De bevestiging wordt vastgelegd met uw naam ({username}) en het tijdstip.
      </Paragraph>
      <ButtonGroup>
        <Button appearance="primary" onClick={onConfirm} busy={busy} disabled={busy}>
          Koppeling bevestigen
        </Button>
        <Button appearance="secondary" onClick={onPropose} disabled={busy}>
          Opnieuw voorstellen uit de profielen
        </Button>
      </ButtonGroup>
    </section>
  );
}

function AddPair({
  id,
  label,
  options,
  onAdd,
}: {
  id: string;
  label: string;
  options: { value: string; text: string }[];
  onAdd: (key: string) => void;
}) {
  const [value, setValue] = useState("");
  return (
    <div className="kwm-pl-inline-form">
      <SelectField id={id} label={label} value={value} onChange={setValue}>
        <option value="">Kies een functie</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </SelectField>
      <Button
        disabled={!value}
        onClick={() => {
          onAdd(value);
          setValue("");
        }}
      >
        Toevoegen aan de lijst
      </Button>
    </div>
  );
}
