import { apiUrl } from "../api/client";
import { Link } from "./Link";

export interface ExportLinksProps {
  /** The API path of the table (without /api/v1), with or without a query string. */
  path: string;
  /** What the table holds, read out in the link names: "de voortgang". */
  what: string;
  /** The words before the links; "Downloaden:" by default. */
  label?: string;
}

function withFormat(path: string, format: "csv" | "xlsx"): string {
  return apiUrl(`${path}${path.includes("?") ? "&" : "?"}format=${format}`);
}

/** Download links for a table the API also answers as a file (docs/api.md, "Tables as files"). */
export function ExportLinks({ path, what, label = "Downloaden:" }: ExportLinksProps) {
  return (
    <p className="utrecht-paragraph kwm-export-links">
      <span>{label}</span>{" "}
      <Link href={withFormat(path, "csv")} download external>
        CSV<span className="kwm-visually-hidden"> met {what}</span>
      </Link>{" "}
      <Link href={withFormat(path, "xlsx")} download external>
        Excel (XLSX)<span className="kwm-visually-hidden"> met {what}</span>
      </Link>
    </p>
  );
}
