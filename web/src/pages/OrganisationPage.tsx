import { Suspense, lazy, useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { unitPath } from "../paths";
import type { TreeUnit } from "../api/types";
import {
  Button,
  ButtonGroup,
  Heading,
  Link,
  LoadError,
  Loading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../components";
import { cx } from "../components/classes";
import type { FormationBar } from "../components/FormationChart";
import { KeyFigures } from "../components/KeyFigures";
import { formatCount, formatFte, formatShare, label, unitKindLabels } from "../format";
import {
  allInOrder,
  buildTree,
  sumFormations,
  unitsWithChildren,
  visibleRows,
  type TreeRow,
  type UnitTree,
} from "../organisationTree";
import { useSession, mayOpen } from "../session";
import { useApi } from "../useApi";
import { usePageTitle } from "./usePageTitle";

const FormationChart = lazy(() => import("../components/FormationChart"));

const MAX_CHART_BARS = 40;

export function OrganisationPage() {
  usePageTitle("Organisatie");
  const { user } = useSession();
  const { data, error, loading } = useApi<{ units: TreeUnit[] }>("/units/tree");
  const tree = useMemo(() => (data ? buildTree(data.units) : null), [data]);

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Organisatie
      </Heading>
      <Paragraph lead>
        De eenheden van gemeente {user.municipality.name} met hun formatie: begrote, bezette en vacante fte, en welk
        deel extern of tijdelijk is. De cijfers tellen de onderliggende eenheden mee.
      </Paragraph>
      {loading && <Loading what="Organisatie" />}
      {error && <LoadError error={error} />}
      {tree && <OrganisationContent tree={tree} teamLinks={mayOpen(user, "team")} />}
    </>
  );
}

function OrganisationContent({ tree, teamLinks }: { tree: UnitTree; teamLinks: boolean }) {
  if (tree.roots.length === 0) return <Paragraph>Er zijn nog geen eenheden. Importeer eerst de organisatie.</Paragraph>;
  const summary = sumFormations(tree.roots.map((id) => tree.byId.get(id)!.total));
  return (
    <>
      {summary && (
        <section aria-labelledby="kerncijfers">
          <Heading level={2} id="kerncijfers">
            Kerncijfers
          </Heading>
          <KeyFigures formation={summary} />
        </section>
      )}
      <section aria-labelledby="eenheden">
        <Heading level={2} id="eenheden">
          Eenheden
        </Heading>
        <UnitTreeTable tree={tree} teamLinks={teamLinks} />
      </section>
      <FormationChartSection tree={tree} />
    </>
  );
}

function UnitTreeTable({ tree, teamLinks }: { tree: UnitTree; teamLinks: boolean }) {
  // Open the top level so the first view shows the departments, not a single row.
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set(tree.roots));
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const body = useRef<HTMLTableSectionElement>(null);
  const expandable = useMemo(() => unitsWithChildren(tree), [tree]);

  const setOpen = useCallback((id: number, open: boolean) => {
    setExpanded((current) => {
      if (current.has(id) === open) return current;
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const focusRow = (id: number) => {
    body.current?.querySelector<HTMLElement>(`[data-tree-row="${id}"] [data-tree-focus]`)?.focus();
  };

  // Arrow keys follow the WAI-ARIA tree conventions on top of the ordinary Tab order.
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const rowElement = target.closest<HTMLElement>("[data-tree-row]");
    if (!rowElement || !target.hasAttribute("data-tree-focus")) return;
    const index = rows.findIndex((row) => String(row.unit.id) === rowElement.dataset.treeRow);
    if (index < 0) return;
    const row = rows[index];
    const focusable = rows.filter((r) => r.hasChildren || teamLinks);
    const position = focusable.indexOf(row);
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        if (position >= 0 && position + 1 < focusable.length) focusRow(focusable[position + 1].unit.id);
        break;
      case "ArrowUp":
        if (position > 0) focusRow(focusable[position - 1].unit.id);
        break;
      case "Home":
        if (focusable.length) focusRow(focusable[0].unit.id);
        break;
      case "End":
        if (focusable.length) focusRow(focusable[focusable.length - 1].unit.id);
        break;
      case "ArrowRight":
        if (row.hasChildren && !row.expanded) setOpen(row.unit.id, true);
        else if (row.expanded && index + 1 < rows.length) focusRow(rows[index + 1].unit.id);
        break;
      case "ArrowLeft":
        if (row.expanded) setOpen(row.unit.id, false);
        else if (row.parentId !== null) focusRow(row.parentId);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <>
      <Paragraph className="kwm-hint" id="tree-hint">
        Klap een eenheid open of dicht met de knop voor de naam. Met het toetsenbord: pijl omlaag en omhoog gaan naar de
        volgende of vorige eenheid, pijl rechts klapt open, pijl links klapt dicht of gaat naar de bovenliggende
        eenheid.
      </Paragraph>
      <ButtonGroup label="Alle eenheden">
        <Button onClick={() => setExpanded(new Set(expandable))}>Alles openklappen</Button>
        <Button onClick={() => setExpanded(new Set())}>Alles dichtklappen</Button>
      </ButtonGroup>
      <TableContainer label="Formatie per eenheid">
        <Table className="kwm-tree-table" aria-describedby="tree-hint">
          <TableCaption>Formatie per eenheid, inclusief onderliggende eenheden</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Eenheid</TableHeaderCell>
              <TableHeaderCell numeric>Begroot (fte)</TableHeaderCell>
              <TableHeaderCell numeric>Bezet (fte)</TableHeaderCell>
              <TableHeaderCell numeric>Vacant (fte)</TableHeaderCell>
              <TableHeaderCell numeric>Extern</TableHeaderCell>
              <TableHeaderCell numeric>Tijdelijk</TableHeaderCell>
              <TableHeaderCell numeric>Personen</TableHeaderCell>
              <TableHeaderCell numeric>Waarvan extern</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody ref={body} onKeyDown={onKeyDown}>
            {rows.map((row) => (
              <UnitTreeRow key={row.unit.id} row={row} teamLinks={teamLinks} onToggle={setOpen} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

function UnitTreeRow({
  row,
  teamLinks,
  onToggle,
}: {
  row: TreeRow;
  teamLinks: boolean;
  onToggle: (id: number, open: boolean) => void;
}) {
  const { unit, depth } = row;
  const total = unit.total;
  const childrenId = `unit-${unit.id}-children`;
  return (
    <TableRow data-tree-row={unit.id} className={cx("kwm-tree-row", depth === 0 && "kwm-tree-row--root")}>
      <TableHeaderCell scope="row" className={cx("kwm-tree-cell", `kwm-depth-${Math.min(depth, 8)}`)}>
        <span className="kwm-tree-node">
          {row.hasChildren ? (
            <button
              type="button"
              className="kwm-tree-toggle"
              aria-expanded={row.expanded}
              aria-describedby={childrenId}
              data-tree-focus=""
              onClick={() => onToggle(unit.id, !row.expanded)}
            >
              <span className="kwm-tree-toggle__icon" aria-hidden="true" />
              <span className="kwm-visually-hidden">Onderliggende eenheden van {unit.name}</span>
            </button>
          ) : (
            <span className="kwm-tree-spacer" aria-hidden="true" />
          )}
          <span className="kwm-tree-label">
            {teamLinks ? (
              <Link href={unitPath(unit.id)} data-tree-focus={row.hasChildren ? undefined : ""}>
                {unit.name}
              </Link>
            ) : (
              <span>{unit.name}</span>
            )}
            <span className="kwm-tree-meta" id={childrenId}>
              {label(unitKindLabels, unit.kind)} · {unit.code}
              {row.hasChildren && ` · ${row.unit.children_ids.length} onderliggend`}
            </span>
          </span>
        </span>
      </TableHeaderCell>
      <TableCell numeric>{formatFte(total.budgeted_fte)}</TableCell>
      <TableCell numeric>{formatFte(total.filled_fte)}</TableCell>
      <TableCell numeric>{formatFte(total.vacant_fte)}</TableCell>
      <TableCell numeric>{formatShare(total.external_share)}</TableCell>
      <TableCell numeric>{formatShare(total.temporary_share)}</TableCell>
      <TableCell numeric>{formatCount(total.people)}</TableCell>
      <TableCell numeric>{formatCount(total.externals)}</TableCell>
    </TableRow>
  );
}

function FormationChartSection({ tree }: { tree: UnitTree }) {
  const bars = useMemo<FormationBar[]>(
    () =>
      allInOrder(tree)
        .filter((unit) => unit.formation.budgeted_fte > 0 || unit.formation.filled_fte > 0)
        .slice(0, MAX_CHART_BARS)
        .map((unit) => ({
          name: unit.name,
          filled: unit.formation.filled_fte,
          vacant: unit.formation.vacant_fte,
          external: unit.formation.external_fte,
        })),
    [tree],
  );
  if (bars.length === 0) return null;
  const description = `Staafdiagram met per eenheid de eigen formatie in fte: bezet en vacant samen vormen de begroting; een tweede staaf toont de inzet van externen. ${bars.length} eenheden. Dezelfde cijfers staan op de teampagina's.`;
  return (
    <section aria-labelledby="formatie-grafiek">
      <Heading level={2} id="formatie-grafiek">
        Formatie per eenheid
      </Heading>
      <Paragraph>
        Per eenheid de eigen formatieplaatsen, zonder onderliggende eenheden: bezet en vacant samen vormen de begroting.
        De tweede staaf is de inzet van gedetacheerde en ingehuurde krachten.
        {bars.length === MAX_CHART_BARS && ` Alleen de eerste ${MAX_CHART_BARS} eenheden worden getoond.`}
      </Paragraph>
      <Suspense fallback={<Loading what="Grafiek" />}>
        <FormationChart bars={bars} description={description} />
      </Suspense>
    </section>
  );
}
