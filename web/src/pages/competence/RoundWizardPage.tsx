// Setting up an assessment round in six steps, one file per step in round-wizard/. The purpose comes first and is
// shown on every step, because it is fixed once the round exists and decides what its results may be used for.
import { useMemo } from "react";
import { ApiError, request } from "../../api/client";
import { Button, Heading, LoadError, Loading } from "../../components";
import { WizardSteps } from "../../components/WizardSteps";
import { useUnitOptions } from "../../hooks/useUnitOptions";
import { useWizard, type WizardStep } from "../../hooks/useWizard";
import { navigate } from "../../router";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { roundPath, type ProfileSummary, type Round } from "./model";
import { ParticipantsStep, participantsProblems } from "./round-wizard/ParticipantsStep";
import { PlanningStep, planningProblems } from "./round-wizard/PlanningStep";
import { ProfilesStep, profilesProblems } from "./round-wizard/ProfilesStep";
import { PurposeReminder, PurposeStep, purposeProblems } from "./round-wizard/PurposeStep";
import { ReviewStep } from "./round-wizard/ReviewStep";
import { SourcesStep, sourcesProblems } from "./round-wizard/SourcesStep";
import { initialDraft, placeOf, roundBody, type Draft } from "./round-wizard/draft";
import { Breadcrumbs, ErrorSummary, errorMessage } from "./shared";

const STEPS: WizardStep<Draft>[] = [
  { title: "Doel", problems: purposeProblems },
  { title: "Ronde en profielen", problems: profilesProblems },
  { title: "Bronnen", problems: sourcesProblems },
  { title: "Deelnemers", problems: participantsProblems },
  { title: "Planning", problems: planningProblems },
  { title: "Controleren" },
];

async function createRound(draft: Draft) {
  const round = await request<Round>("POST", "/assessment-rounds", { body: roundBody(draft) });
  navigate(`${roundPath(round.code)}?aangemaakt=1`);
}

function failure(cause: unknown) {
  const place = cause instanceof ApiError ? placeOf(cause) : { step: 5 };
  const target = "target" in place ? place.target : undefined;
  return { step: place.step, problem: { target, message: errorMessage(cause, "De ronde is niet aangemaakt.") } };
}

export function RoundWizardPage() {
  usePageTitle("Nieuwe beoordelingsronde");
  const profiles = useApi<{ items: ProfileSummary[] }>("/profiles");
  const { options: units } = useUnitOptions();
  const wizard = useWizard({ steps: STEPS, initial: initialDraft, finish: createRound, failure });
  const { draft, step } = wizard;
  const usable = useMemo(
    () => (profiles.data?.items ?? []).filter((p) => p.competencies + p.knowledge_areas > 0),
    [profiles.data],
  );
  const stepProps = { draft, set: wizard.set, errorFor: wizard.errorFor };

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/rondes", label: "Beoordelingsrondes" },
          { label: "Nieuwe ronde" },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        Nieuwe beoordelingsronde
      </Heading>
      <WizardSteps titles={STEPS.map((s) => s.title)} current={step} />
      {draft.purpose && step > 0 && <PurposeReminder purpose={draft.purpose} />}
      {profiles.loading && <Loading what="Functieprofielen" />}
      {profiles.error && <LoadError error={profiles.error} />}
      <form className="kwm-form kwm-wizard" onSubmit={wizard.submit} noValidate aria-labelledby="wizard-step-title">
        <Heading level={2} id="wizard-step-title" ref={wizard.headingRef} tabIndex={-1}>
          Stap {step + 1} van {STEPS.length}: {wizard.title}
        </Heading>
        <ErrorSummary ref={wizard.summaryRef} title="Controleer deze stap" errors={wizard.problems} />
        {step === 0 && <PurposeStep {...stepProps} />}
        {step === 1 && <ProfilesStep {...stepProps} usable={usable} loaded={Boolean(profiles.data)} />}
        {step === 2 && <SourcesStep {...stepProps} />}
        {step === 3 && <ParticipantsStep {...stepProps} units={units} />}
        {step === 4 && <PlanningStep {...stepProps} />}
        {step === 5 && <ReviewStep draft={draft} profiles={profiles.data?.items ?? []} units={units} />}
        <div className="utrecht-button-group kwm-form-actions">
          {step > 0 && (
            <Button onClick={wizard.back} disabled={wizard.busy}>
              Vorige stap
            </Button>
          )}
          <Button type="submit" appearance="primary" busy={wizard.busy} disabled={wizard.busy}>
            {wizard.isLast ? "Ronde aanmaken" : "Volgende stap"}
          </Button>
        </div>
      </form>
    </>
  );
}
