// A form in steps: each step checks its own part of the draft before the next one opens, and the last step sends
// the whole draft. Focus follows the user: to the new step's heading, or to the list of problems when there are any.
import { useEffect, useRef, useState, type FormEvent } from "react";

export interface WizardProblem {
  /** The id of the control to jump to, when there is one. */
  target?: string;
  message: string;
}

export interface WizardStep<Draft> {
  title: string;
  /** What keeps the user on this step; none means the step is complete. */
  problems?: (draft: Draft) => WizardProblem[];
}

export interface WizardOptions<Draft> {
  steps: readonly WizardStep<Draft>[];
  initial: Draft;
  /** Sends the finished draft; a throw is handed to `failure`. */
  finish: (draft: Draft) => Promise<void>;
  /** Which step a failed `finish` belongs to, and what to tell the user there. */
  failure: (cause: unknown) => { step: number; problem: WizardProblem };
}

export function useWizard<Draft>({ steps, initial, finish, failure }: WizardOptions<Draft>) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<WizardProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (problems.length) summaryRef.current?.focus();
    else headingRef.current?.focus();
  }, [step, problems]);

  const isLast = step === steps.length - 1;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorFor = (id: string) => problems.find((p) => p.target === id)?.message;

  const go = (next: number) => {
    moved.current = true;
    setProblems([]);
    setStep(next);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = steps[step].problems?.(draft) ?? [];
    if (found.length) {
      moved.current = true;
      setProblems(found);
      return;
    }
    if (!isLast) {
      go(step + 1);
      return;
    }
    setBusy(true);
    try {
      await finish(draft);
    } catch (cause) {
      const place = failure(cause);
      moved.current = true;
      setStep(place.step);
      setProblems([place.problem]);
    } finally {
      setBusy(false);
    }
  }

  return {
    draft,
    set,
    step,
    title: steps[step].title,
    isLast,
    problems,
    errorFor,
    busy,
    back: () => go(step - 1),
    submit,
    headingRef,
    summaryRef,
  };
}
