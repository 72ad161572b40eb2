import { useEffect, useMemo } from "react";
import { toCsv, toXlsx, type TableFile } from "./tableFiles";

export interface DownloadTableProps {
  table: TableFile;
  /** What the table holds, read out in the link names: "de scores per competentie". */
  what: string;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * CSV and XLSX links for a table the API offers no file of: the files are made in the browser from the
 * rows on screen. Tables the API does offer use ExportLinks, so the file comes from the same query.
 */
export function DownloadTable({ table, what }: DownloadTableProps) {
  const urls = useMemo(
    () => ({
      csv: URL.createObjectURL(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" })),
      xlsx: URL.createObjectURL(new Blob([toXlsx(table) as BlobPart], { type: XLSX_TYPE })),
    }),
    [table],
  );
  useEffect(
    () => () => {
      URL.revokeObjectURL(urls.csv);
      URL.revokeObjectURL(urls.xlsx);
    },
    [urls],
  );
  return (
    <p className="utrecht-paragraph kwm-export-links">
      <span>Downloaden:</span>{" "}
      <a className="utrecht-link utrecht-link--html-a" href={urls.csv} download={`${table.name}.csv`}>
        CSV<span className="kwm-visually-hidden"> met {what}</span>
      </a>{" "}
      <a className="utrecht-link utrecht-link--html-a" href={urls.xlsx} download={`${table.name}.xlsx`}>
        Excel (XLSX)<span className="kwm-visually-hidden"> met {what}</span>
      </a>
    </p>
  );
}
