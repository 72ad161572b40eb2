// The web app's own addresses, in Dutch like the pages they open. The API's paths (/api/v1/...) stay English.
export const UNITS_PATH = "/eenheden";
export const PEOPLE_PATH = "/medewerkers";
export const IMPORT_PATH = "/importeren";
export const AUDIT_PATH = "/auditlog";
export const REORGANISATIONS_PATH = "/reorganisaties";

export const unitPath = (id: number | string) => `${UNITS_PATH}/${id}`;
export const personPath = (id: number | string) => `${PEOPLE_PATH}/${id}`;
