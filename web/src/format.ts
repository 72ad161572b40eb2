import type {
  AuditAction,
  Contract,
  Direction,
  EducationLevel,
  Engagement,
  ImportKind,
  Location,
  Pillar,
  PositionKind,
  Role,
  UnitKind,
} from "./api/types";

const fteFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 3 });
const percentFormat = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 0 });
const integerFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "medium", timeStyle: "short" });

export const formatFte = (value: number | null | undefined) => (value == null ? "–" : fteFormat.format(value));
export const formatShare = (value: number | null | undefined) => (value == null ? "–" : percentFormat.format(value));
export const formatCount = (value: number) => integerFormat.format(value);

/** Formats an ISO date (YYYY-MM-DD) without a time zone shift. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "–";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

export const roleLabels: Record<Role, string> = {
  admin: "Beheerder",
  hr: "HR-adviseur",
  manager: "Leidinggevende",
  employee: "Medewerker",
  works_council: "Ondernemingsraad",
  external: "Externe organisatie",
  assessor: "Externe assessor",
};

export const unitKindLabels: Record<UnitKind, string> = {
  department: "Afdeling",
  sector: "Sector",
  team: "Team",
  district_team: "Wijkteam",
  youth_team: "Jeugd- en gezinsteam",
  front_office: "Loket (frontoffice)",
  back_office: "Backoffice",
  policy: "Beleid",
  purchasing: "Inkoop en contractmanagement",
  work_income: "Werk en inkomen",
  project: "Projectorganisatie",
  flex_pool: "Flexpool",
};

export const pillarLabels: Record<Pillar, string> = {
  care: "Zorg/Wmo",
  youth: "Jeugd",
  participation: "Participatie (W&I)",
};

export const directionLabels: Record<Direction, string> = {
  municipality: "Gemeente",
  contractor: "Hoofdaannemer",
};

export const locationLabels: Record<Location, string> = {
  fixed: "Vaste locatie",
  network: "Netwerk",
};

export const engagementLabels: Record<Engagement, string> = {
  employee: "In dienst",
  secondment: "Detachering",
  hired: "Inhuur",
};

export const contractLabels: Record<Contract, string> = {
  permanent: "Vast",
  temporary: "Tijdelijk",
};

export const positionKindLabels: Record<PositionKind, string> = {
  structural: "Structureel",
  temporary: "Tijdelijk",
};

export const educationLabels: Record<EducationLevel, string> = {
  mbo: "mbo",
  hbo: "hbo",
  wo: "wo",
};

export const auditActionLabels: Record<AuditAction, string> = {
  create: "Aangemaakt",
  update: "Gewijzigd",
  delete: "Verwijderd",
  import: "Geïmporteerd",
};

export const importKindLabels: Record<ImportKind, string> = {
  units: "Eenheden",
  functions: "Functies",
  positions: "Formatieplaatsen",
  people: "Medewerkers",
};

export const importKinds: ImportKind[] = ["units", "functions", "positions", "people"];

/** Looks a code up in a label table, keeping unknown codes visible rather than hiding them. */
export function label<K extends string>(labels: Record<K, string>, value: K | null | undefined): string {
  if (value == null) return "–";
  return labels[value] ?? value;
}
