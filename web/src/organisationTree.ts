import type { Formation, TreeUnit } from "./api/types";

export interface UnitTree {
  byId: Map<number, TreeUnit>;
  roots: number[];
  childrenOf: Map<number, number[]>;
}

/**
 * Indexes the flat /units/tree answer. A manager sees only part of the tree, so a
 * unit whose parent is not in the answer is shown as a root.
 */
export function buildTree(units: TreeUnit[]): UnitTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const childrenOf = new Map<number, number[]>();
  for (const unit of units)
    childrenOf.set(
      unit.id,
      unit.children_ids.filter((id) => byId.has(id)),
    );
  const roots = units.filter((unit) => unit.parent_id === null || !byId.has(unit.parent_id)).map((unit) => unit.id);
  return { byId, roots, childrenOf };
}

export interface TreeRow {
  unit: TreeUnit;
  depth: number;
  parentId: number | null;
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows on screen: a pre-order walk that descends only into expanded units. */
export function visibleRows(tree: UnitTree, expanded: ReadonlySet<number>): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (id: number, depth: number, parentId: number | null) => {
    const unit = tree.byId.get(id);
    if (!unit) return;
    const children = tree.childrenOf.get(id) ?? [];
    const isExpanded = children.length > 0 && expanded.has(id);
    rows.push({ unit, depth, parentId, hasChildren: children.length > 0, expanded: isExpanded });
    if (isExpanded) for (const child of children) visit(child, depth + 1, id);
  };
  for (const root of tree.roots) visit(root, 0, null);
  return rows;
}

/** Every unit in tree order, for the chart and "expand all". */
export function allInOrder(tree: UnitTree): TreeUnit[] {
  const all = new Set(tree.byId.keys());
  return visibleRows(tree, all).map((row) => row.unit);
}

export function unitsWithChildren(tree: UnitTree): number[] {
  return [...tree.childrenOf.entries()].filter(([, children]) => children.length > 0).map(([id]) => id);
}

export type FormationSummary = Omit<Formation, "external_share" | "temporary_share"> & {
  external_share: number | null;
  temporary_share: number | null;
};

/**
 * Adds up the rolled-up figures of several roots. The shares are the server's
 * to define, so they are only passed on for a single root, never recomputed.
 */
export function sumFormations(formations: Formation[]): FormationSummary | null {
  if (formations.length === 0) return null;
  if (formations.length === 1) return formations[0];
  const sum = (pick: (f: Formation) => number) => formations.reduce((total, f) => total + pick(f), 0);
  return {
    budgeted_fte: sum((f) => f.budgeted_fte),
    filled_fte: sum((f) => f.filled_fte),
    vacant_fte: sum((f) => f.vacant_fte),
    external_fte: sum((f) => f.external_fte),
    temporary_fte: sum((f) => f.temporary_fte),
    external_share: null,
    temporary_share: null,
    people: sum((f) => f.people),
    externals: sum((f) => f.externals),
  };
}
