import type { components } from "./schema";
import type { ImportRowError } from "./types";

/** Every code the server can answer with (openapi.json); the status when a body carried none; or a failure of the browser's own. */
export type ErrorCode = components["schemas"]["ErrorCode"] | `http_${number}` | "network" | "unknown";

const BASE = "/api/v1";

/** A failed API call, carrying the server's error body (docs/api.md, "Errors"). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly rows: ImportRowError[];

  constructor(status: number, code: ErrorCode, message: string, field?: string, rows: ImportRowError[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
    this.rows = rows;
  }
}

// The token is kept in memory only: it is handed out with the session and
// reloaded through GET /session after a page refresh.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type SessionLostListener = () => void;
const sessionLostListeners = new Set<SessionLostListener>();

/** Called when an authenticated call answers 401, i.e. the session expired or was ended elsewhere. */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export interface RequestOptions {
  body?: unknown;
  /** Send the body as-is with this content type instead of as JSON. */
  rawBody?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
  /** The login call itself answers 401 for a wrong password; that is no lost session. */
  expectUnauthorised?: boolean;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers["Content-Type"] = options.contentType ?? "application/octet-stream";
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  if (STATE_CHANGING.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", "De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.");
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (response.ok) return parsed as T;

  const error = toApiError(response.status, parsed);
  if (response.status === 401 && !options.expectUnauthorised) {
    for (const listener of sessionLostListeners) listener();
  }
  throw error;
}

function toApiError(status: number, parsed: unknown): ApiError {
  const body = (parsed as { error?: Record<string, unknown> } | undefined)?.error;
  const code: ErrorCode = typeof body?.code === "string" ? (body.code as ErrorCode) : `http_${status}`;
  const message = typeof body?.message === "string" && body.message ? body.message : fallbackMessage(status);
  const field = typeof body?.field === "string" ? body.field : undefined;
  const rows = Array.isArray(body?.errors) ? (body.errors as ImportRowError[]) : [];
  return new ApiError(status, code, message, field, rows);
}

function fallbackMessage(status: number): string {
  switch (status) {
    case 401:
      return "U bent niet (meer) ingelogd.";
    case 403:
      return "U heeft geen toegang tot deze gegevens.";
    case 404:
      return "Deze gegevens bestaan niet (meer).";
    case 413:
      return "Het bestand is te groot.";
    case 429:
      return "Te veel pogingen. Wacht even en probeer het dan opnieuw.";
    default:
      return status >= 500
        ? "Er ging iets mis op de server. Probeer het later opnieuw."
        : "Het verzoek kon niet worden verwerkt.";
  }
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>("GET", path, { signal }),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** Builds a query string from the set values only, so URLs stay short and shareable. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const apiUrl = (path: string) => BASE + path;
