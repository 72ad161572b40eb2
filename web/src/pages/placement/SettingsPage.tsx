// The settings of a reorganisation: its general facts and the rules of the social plan (weights, bonus, hard
// conditions, rounds, tie-breaks, places per position), one fieldset per part in settings/.
import { CellInput } from "../../components/Fields";
import { useState, type FormEvent } from "react";
import {
  Button,
  Fieldset,
  Heading,
  LoadError,
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
import { formatFte } from "../../format";
import { useApi } from "../../useApi";
import { GeneralFields, generalBody, validateGeneral, type GeneralDraft } from "./GeneralFields";
import { ClosedNotice, FormErrorSummary, ReorganisationFrame, SuccessMessage, useSubmission } from "./shared";
import { functionText } from "./labels";
import type { Reorganisation, Scope } from "./types";
import { RoundsFieldset, TieBreaksFieldset } from "./settings/OrderFieldsets";
import { BonusFieldset, ConditionsFieldset, WeightsFieldset } from "./settings/WeightFieldsets";
import {
  draftFrom,
  generalErrors,
  generalFrom,
  settingsBody,
  validate,
  type SettingsDraft,
  type SettingsSectionProps,
} from "./settings/draft";

export function SettingsPage({ id }: { id: string }) {
  return (
    <ReorganisationFrame<Reorganisation> id={id} title="Instellingen">
      {(reorganisation, reload) => <SettingsForm reorganisation={reorganisation} onSaved={reload} />}
    </ReorganisationFrame>
  );
}

function SettingsForm({ reorganisation, onSaved }: { reorganisation: Reorganisation; onSaved: () => void }) {
  const closed = reorganisation.status === "confirmed";
  const [general, setGeneral] = useState<GeneralDraft>(() => generalFrom(reorganisation));
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(reorganisation.settings));
  const [success, setSuccess] = useState<string>();
  const submission = useSubmission();
  const errors = submission.fieldErrors;
  const maxPreferences = Math.min(10, Math.max(1, Number(general.max_preferences) || reorganisation.max_preferences));
  const bonus = Array.from({ length: maxPreferences }, (_, i) => draft.bonus[i] ?? "0");
  const section = {
    draft,
    change: (patch: Partial<SettingsDraft>) => setDraft({ ...draft, ...patch }),
    errors,
    closed,
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(undefined);
    const next = { ...draft, bonus };
    const clientErrors = { ...validateGeneral(general, false), ...validate(next, maxPreferences) };
    if (!submission.setClientErrors(clientErrors)) return;
    const saved = await submission.submit<Reorganisation>("PUT", `/reorganisations/${reorganisation.id}`, {
      ...generalBody(general),
      settings: settingsBody(next, maxPreferences),
    });
    if (saved) {
      setGeneral(generalFrom(saved));
      setDraft(draftFrom(saved.settings));
      setSuccess("De instellingen zijn opgeslagen. Ze gelden voor het volgende voorstel dat u berekent.");
      onSaved();
    }
  };

  return (
    <>
      <ClosedNotice reorganisation={reorganisation} />
      <SuccessMessage message={success} />
      <FormErrorSummary submission={submission} title="De instellingen zijn niet opgeslagen" />
      <form
        className="utrecht-form kwm-form"
        onSubmit={submit}
        noValidate
        aria-label="Instellingen van de reorganisatie"
      >
        <Fieldset className="kwm-pl-fieldset" legend="Gegevens">
          <GeneralFields
            draft={general}
            onChange={setGeneral}
            errors={generalErrors(errors)}
            codeEditable={false}
            disabled={closed}
          />
        </Fieldset>

        <WeightsFieldset {...section} />
        <BonusFieldset {...section} bonus={bonus} />
        <ConditionsFieldset {...section} />
        <RoundsFieldset {...section} />
        <TieBreaksFieldset {...section} />
        <SlotsFieldset {...section} reorganisationId={reorganisation.id} />

        {!closed && (
          <Button type="submit" appearance="primary" busy={submission.busy} disabled={submission.busy}>
            Instellingen opslaan
          </Button>
        )}
      </form>
      <section aria-labelledby="uitleg-instellingen">
        <Heading level={2} id="uitleg-instellingen">
          Waarom deze instellingen?
        </Heading>
        <Paragraph>
          Rondes, weging en voorrangsregels komen uit het sociaal plan zoals dat met de ondernemingsraad is afgesproken.
          Elk voorstel bewaart de instellingen waarmee het berekend is, zodat later altijd na te gaan is waarom iemand
          waar geplaatst is.
        </Paragraph>
      </section>
    </>
  );
}

/** How many people each position of the new formation takes; 0 closes it for this reorganisation. */
export function SlotsFieldset({
  draft,
  change,
  errors,
  closed,
  reorganisationId,
}: SettingsSectionProps & { reorganisationId: number }) {
  const scope = useApi<Scope>(`/reorganisations/${reorganisationId}/scope`);
  return (
    <Fieldset className="kwm-pl-fieldset" legend="Plaatsen per formatieplaats">
      <Paragraph className="kwm-hint">
        Standaard biedt een formatieplaats van F fte het naar boven afgeronde aantal plaatsen. Hier past u dat aan; 0
        sluit de formatieplaats voor deze reorganisatie.
      </Paragraph>
      {scope.error && <LoadError error={scope.error} />}
      {scope.data && (
        <TableContainer label="Plaatsen per formatieplaats">
          <Table>
            <TableCaption className="kwm-visually-hidden">Plaatsen per formatieplaats</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Formatieplaats</TableHeaderCell>
                <TableHeaderCell>Eenheid</TableHeaderCell>
                <TableHeaderCell numeric>fte</TableHeaderCell>
                <TableHeaderCell numeric>Plaatsen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {scope.data.positions.map((p) => {
                const fieldId = `slots-${p.position_id}`;
                return (
                  <TableRow key={p.position_id}>
                    <TableHeaderCell scope="row">{functionText(p.function_name, p.level)}</TableHeaderCell>
                    <TableCell>{p.unit_name}</TableCell>
                    <TableCell numeric>{formatFte(p.fte)}</TableCell>
                    <TableCell numeric>
                      <CellInput
                        id={fieldId}
                        inputMode="numeric"
                        className="kwm-pl-number-input"
                        label={`Plaatsen voor ${p.function_name} (${p.level}), ${p.unit_name}`}
                        value={draft.slots[p.position_id] ?? String(p.slots)}
                        disabled={closed}
                        error={errors[fieldId]}
                        onChange={(slots) => change({ slots: { ...draft.slots, [p.position_id]: slots } })}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Fieldset>
  );
}
