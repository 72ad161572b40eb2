// Choosing a unit of the organisation: one drop-down list in tree order, used by every filter and form that
// narrows to a unit (with the units below it).
import { useState, type ReactNode } from "react";
import { indent, type UnitOption } from "../hooks/useUnitOptions";
import { SelectField } from "./Fields";
import { FilterForm } from "./FilterForm";

export interface UnitFieldProps {
  id: string;
  label?: ReactNode;
  description?: ReactNode;
  error?: string;
  units: UnitOption[];
  value: string;
  onChange: (value: string) => void;
  /** The first option, meaning "no unit chosen". */
  emptyLabel: string;
  /** What the value of an option is: the unit's code (competency pages) or its id (organisation, placement). */
  valueBy?: "code" | "id";
  /** Show the unit's code after its name. */
  showCode?: boolean;
  disabled?: boolean;
  required?: boolean;
}

/** A unit drop-down list in its form field. */
export function UnitField({
  label = "Eenheid",
  units,
  emptyLabel,
  valueBy = "code",
  showCode = false,
  ...field
}: UnitFieldProps) {
  return (
    <SelectField label={label} {...field}>
      <option value="">{emptyLabel}</option>
      {units.map((unit) => (
        <option key={unit.id} value={valueBy === "code" ? unit.code : String(unit.id)}>
          {indent(unit.depth)}
          {unit.name}
          {showCode && ` (${unit.code})`}
        </option>
      ))}
    </SelectField>
  );
}

export interface UnitFilterProps {
  id: string;
  units: UnitOption[];
  /** The unit shown now (from the URL). */
  value: string;
  onChoose: (unit: string) => void;
  /** The first option; by default a request to choose. */
  emptyLabel?: string;
}

/** A filter form with only a unit (not printed): the page follows once "Tonen" is pressed. */
export function UnitFilter({ id, units, value, onChoose, emptyLabel = "Kies een eenheid" }: UnitFilterProps) {
  const [draft, setDraft] = useState(value);
  return (
    <FilterForm label="Eenheid kiezen" submitLabel="Tonen" onSubmit={() => onChoose(draft)} className="kwm-no-print">
      <UnitField id={id} units={units} value={draft} onChange={setDraft} emptyLabel={emptyLabel} />
    </FilterForm>
  );
}
