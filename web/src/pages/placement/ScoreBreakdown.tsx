// How a suitability score is built: each component with its weight and contribution, and the
// hard constraints. Shown to HR for every pair and to an employee for their own placement.

import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../components";
import { cx } from "../../components/classes";
import {
  componentLabels,
  componentStatusLabels,
  constraintLabels,
  formatPoints,
  formatWeight,
  formatPercent,
} from "./labels";
import type { Constraint, ScoreComponent } from "./types";

interface ScoreBreakdownProps {
  caption: string;
  components: ScoreComponent[];
  constraints: Constraint[];
  score: number;
  /** Preference bonus on top of the suitability, when the placement was on a preference. */
  bonus?: number;
}

export function ScoreBreakdown({ caption, components, constraints, score, bonus }: ScoreBreakdownProps) {
  return (
    <div className="kwm-pl-breakdown">
      <TableContainer label={caption}>
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Onderdeel</TableHeaderCell>
              <TableHeaderCell>Gegeven</TableHeaderCell>
              <TableHeaderCell numeric>Score (0–100)</TableHeaderCell>
              <TableHeaderCell numeric>Gewicht</TableHeaderCell>
              <TableHeaderCell numeric>Telt mee voor</TableHeaderCell>
              <TableHeaderCell numeric>Bijdrage</TableHeaderCell>
              <TableHeaderCell>Toelichting</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {components.map((component) => (
              <TableRow key={component.kind}>
                <TableHeaderCell scope="row">{componentLabels[component.kind]}</TableHeaderCell>
                <TableCell>
                  {componentStatusLabels[component.status]}
                  {component.value !== null && <> ({formatPoints(component.value)})</>}
                </TableCell>
                <TableCell numeric>{formatPoints(component.scaled)}</TableCell>
                <TableCell numeric>{formatWeight(component.weight)}</TableCell>
                <TableCell numeric>{formatPercent(component.share)}</TableCell>
                <TableCell numeric>{formatPoints(component.contribution)}</TableCell>
                <TableCell>{component.text}</TableCell>
              </TableRow>
            ))}
            <TableRow className="kwm-pl-total-row">
              <TableHeaderCell scope="row">Geschiktheid</TableHeaderCell>
              <TableCell colSpan={4}>Som van de bijdragen</TableCell>
              <TableCell numeric>
                <strong>{formatPoints(score)}</strong>
              </TableCell>
              <TableCell>van 100</TableCell>
            </TableRow>
            {bonus !== undefined && bonus > 0 && (
              <>
                <TableRow>
                  <TableHeaderCell scope="row">Voorkeursbonus</TableHeaderCell>
                  <TableCell colSpan={4}>Voor de rang van deze voorkeur</TableCell>
                  <TableCell numeric>+{formatPoints(bonus)}</TableCell>
                  <TableCell>punten</TableCell>
                </TableRow>
                <TableRow className="kwm-pl-total-row">
                  <TableHeaderCell scope="row">Totaal</TableHeaderCell>
                  <TableCell colSpan={4}>Geschiktheid plus bonus</TableCell>
                  <TableCell numeric>
                    <strong>{formatPoints(score + bonus)}</strong>
                  </TableCell>
                  <TableCell>punten</TableCell>
                </TableRow>
              </>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <ConstraintList constraints={constraints} />
    </div>
  );
}

export function ConstraintList({ constraints }: { constraints: Constraint[] }) {
  if (constraints.length === 0) return null;
  return (
    <ul className="kwm-pl-constraints" aria-label="Harde voorwaarden">
      {constraints.map((constraint) => (
        <li key={constraint.kind} className={cx("kwm-pl-constraint", !constraint.met && "kwm-pl-constraint--failed")}>
          <strong>
            {constraintLabels[constraint.kind]}: {constraint.met ? "voldaan" : "niet voldaan"}.
          </strong>{" "}
          {constraint.text}
        </li>
      ))}
    </ul>
  );
}
