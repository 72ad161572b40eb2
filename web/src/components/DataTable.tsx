import { createColumnHelper, tableFeatures, useTable, type ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Paragraph } from "./Typography";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "./Table";

export interface DataColumnMeta {
  numeric?: boolean;
  /** The cell that names the row, rendered as a row header for screen readers. */
  rowHeader?: boolean;
}

// Only the core row model: paging, filtering and search happen on the server.
export const dataTableFeatures = tableFeatures({ columnMeta: {} as DataColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;

export function columnHelper<T extends object>() {
  return createColumnHelper<DataTableFeatures, T>();
}

export interface DataTableProps<T extends object> {
  caption: ReactNode;
  /** Names the scroll region; defaults to the caption when that is plain text. */
  label?: string;
  columns: ColumnDef<DataTableFeatures, T, any>[];
  data: T[];
  rowKey: (row: T) => string | number;
  empty: string;
  captionHidden?: boolean;
}

export function DataTable<T extends object>({
  caption,
  label,
  columns,
  data,
  rowKey,
  empty,
  captionHidden,
}: DataTableProps<T>) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row: T) => String(rowKey(row)),
  });

  if (data.length === 0) return <Paragraph className="kwm-empty">{empty}</Paragraph>;

  return (
    <TableContainer label={label ?? (typeof caption === "string" ? caption : "Tabel")}>
      <Table>
        <TableCaption className={captionHidden ? "kwm-visually-hidden" : undefined}>{caption}</TableCaption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHeaderCell key={header.id} numeric={header.column.columnDef.meta?.numeric}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHeaderCell>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                if (meta?.rowHeader) {
                  return (
                    <TableHeaderCell key={cell.id} scope="row" numeric={meta.numeric}>
                      <table.FlexRender cell={cell} />
                    </TableHeaderCell>
                  );
                }
                return (
                  <TableCell key={cell.id} numeric={meta?.numeric}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
