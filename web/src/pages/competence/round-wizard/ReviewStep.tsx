import type { ReactNode } from "react";
import { DataList, Paragraph } from "../../../components";
import type { UnitOption } from "../../../hooks/useUnitOptions";
import { formatDate } from "../../../format";
import {
  formatLevel,
  formatScore,
  profileKey,
  purposeLabels,
  sourceLabels,
  type ProfileSummary,
  type RatingSource,
} from "../model";
import { parseNumber, personnelNumbers, type Draft } from "./draft";

const defaultWeights: Record<RatingSource, number> = { self: 1, manager: 2, external: 2, peer: 1 };

/** Step 6: everything chosen, once more, before the round is created. */
export function ReviewStep({
  draft,
  profiles,
  units,
}: {
  draft: Draft;
  profiles: ProfileSummary[];
  units: UnitOption[];
}) {
  const names = new Map(profiles.map((p) => [profileKey(p.function_code, p.level), `${p.function_name}, ${p.level}`]));
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const people = personnelNumbers(draft.people);
  const items: { key: string; value: ReactNode }[] = [
    { key: "Doel", value: <strong>{draft.purpose ? purposeLabels[draft.purpose] : "–"}</strong> },
    { key: "Naam", value: draft.name },
    { key: "Code", value: <span className="kwm-code">{draft.code}</span> },
    { key: "Functieprofielen", value: draft.profiles.map((k) => names.get(k) ?? k).join("; ") },
    {
      key: "Bronnen (gewicht)",
      value: draft.sources
        .map((s) => `${sourceLabels[s]} (${formatLevel(parseNumber(draft.weights[s]) || defaultWeights[s])})`)
        .join(", "),
    },
    {
      key: "Regels",
      value: `tolerantie ${formatScore(parseNumber(draft.tolerance))}, trainbare stap ${formatScore(parseNumber(draft.trainableStep))}, spreiding vanaf ${formatScore(parseNumber(draft.spreadThreshold))}`,
    },
    { key: "Eenheden", value: draft.units.length ? draft.units.map((u) => unitNames.get(u) ?? u).join(", ") : "Geen" },
    { key: "Losse medewerkers", value: people.length ? people.join(", ") : "Geen" },
    { key: "Deadline", value: formatDate(draft.deadline) },
    { key: "Streefdatum", value: formatDate(draft.targetDate) },
  ];
  return (
    <>
      <Paragraph>
        Controleer de gegevens. Na het aanmaken kunt u nog deelnemers toevoegen, maar het doel niet meer wijzigen.
      </Paragraph>
      <DataList items={items} />
    </>
  );
}
