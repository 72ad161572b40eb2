import type { ApiError } from "../api/client";
import { Alert } from "./Alert";
import { Paragraph } from "./Typography";

/** A polite "loading" line, so screen reader users know something is on its way. */
export function Loading({ what }: { what: string }) {
  return (
    <Paragraph className="kwm-loading" role="status">
      {what} laden…
    </Paragraph>
  );
}

export function LoadError({ error }: { error: ApiError }) {
  return (
    <Alert type="error" live>
      <Paragraph>{error.message}</Paragraph>
    </Alert>
  );
}
