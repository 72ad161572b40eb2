import { useMemo } from "react";
import type { ApiError } from "../api/client";
import type { TreeUnit } from "../api/types";
import { allInOrder, buildTree } from "../organisationTree";
import { useApi } from "../useApi";

export interface UnitOption {
  id: number;
  code: string;
  name: string;
  depth: number;
}

/** The units the caller may see, in tree order with their depth, for unit choices and breadcrumbs. */
export function useUnitOptions(enabled = true): {
  options: UnitOption[];
  parentOf: Map<string, string | null>;
  error: ApiError | undefined;
} {
  const units = useApi<{ units: TreeUnit[] }>(enabled ? "/units/tree" : null);
  return useMemo(() => {
    const parentOf = new Map<string, string | null>();
    if (!units.data) return { options: [], parentOf, error: units.error };
    const tree = buildTree(units.data.units);
    const depthOf = (id: number): number => {
      const parent = tree.byId.get(id)?.parent_id;
      return parent != null && tree.byId.has(parent) ? 1 + depthOf(parent) : 0;
    };
    const options = allInOrder(tree).map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      depth: depthOf(unit.id),
    }));
    for (const unit of units.data.units) {
      const parent = unit.parent_id !== null ? tree.byId.get(unit.parent_id) : undefined;
      parentOf.set(unit.code, parent ? parent.code : null);
    }
    return { options, parentOf, error: units.error };
  }, [units.data, units.error]);
}

/** "\u00a0\u00a0" per level, so a select list shows the tree. */
export const indent = (depth: number) => "\u00a0\u00a0".repeat(depth);
