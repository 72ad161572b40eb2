import type { FormationSummary } from "../organisationTree";
import { formatCount, formatFte, formatShare } from "../format";

/** The headline figures of a formation as a definition list, shown as tiles. */
export function KeyFigures({ formation }: { formation: FormationSummary }) {
  const figures: [string, string][] = [
    ["Begroot", `${formatFte(formation.budgeted_fte)} fte`],
    ["Bezet", `${formatFte(formation.filled_fte)} fte`],
    ["Vacant", `${formatFte(formation.vacant_fte)} fte`],
    ["Extern", `${formatFte(formation.external_fte)} fte`],
    ["Tijdelijk", `${formatFte(formation.temporary_fte)} fte`],
  ];
  if (formation.external_share !== null) figures.push(["Aandeel extern", formatShare(formation.external_share)]);
  if (formation.temporary_share !== null) figures.push(["Aandeel tijdelijk", formatShare(formation.temporary_share)]);
  figures.push(["Personen", formatCount(formation.people)], ["Waarvan extern", formatCount(formation.externals)]);
  return (
    <dl className="kwm-key-figures">
      {figures.map(([name, value]) => (
        <div key={name} className="kwm-key-figures__item">
          <dt className="kwm-key-figures__name">{name}</dt>
          <dd className="kwm-key-figures__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
