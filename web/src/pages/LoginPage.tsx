import { useRef, useState, type FormEvent } from "react";
import { ApiError, request } from "../api/client";
import type { SessionAnswer } from "../api/types";
import { Alert, Button, FormField, Heading, Paragraph, Textbox, fieldDescribedBy } from "../components";
import { usePageTitle } from "./usePageTitle";

interface FieldErrors {
  username?: string;
  password?: string;
}

export function LoginPage({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (answer: SessionAnswer) => void }) {
  usePageTitle("Inloggen");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = "Vul uw gebruikersnaam in.";
    if (!password) errors.password = "Vul uw wachtwoord in.";
    setFieldErrors(errors);
    setFailure(undefined);
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setBusy(true);
    try {
      const answer = await request<SessionAnswer>("POST", "/session", {
        body: { username: username.trim(), password },
        expectUnauthorised: true,
      });
      onLoggedIn(answer);
    } catch (cause) {
      setBusy(false);
      setPassword("");
      setFailure(loginFailureMessage(cause));
      // Focus the message so it is read first; the password field is cleared for the next try.
      requestAnimationFrame(() => failureRef.current?.focus());
    }
  }

  return (
    <div className="kwm-login">
      <Heading level={1} tabIndex={-1}>
        Inloggen
      </Heading>
      <Paragraph lead>Log in met de gebruikersnaam en het wachtwoord die u van uw beheerder heeft gekregen.</Paragraph>
      {notice && !failure && (
        <Alert type="info" live>
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert type="error" live ref={failureRef} tabIndex={-1} className="kwm-login__failure">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <form className="utrecht-form kwm-form" onSubmit={submit} noValidate aria-label="Inloggen">
        <FormField id="login-username" label="Gebruikersnaam" error={fieldErrors.username}>
          <Textbox
            id="login-username"
            ref={usernameRef}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            invalid={Boolean(fieldErrors.username)}
            aria-describedby={fieldDescribedBy("login-username", false, Boolean(fieldErrors.username))}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </FormField>
        <FormField id="login-password" label="Wachtwoord" error={fieldErrors.password}>
          <Textbox
            id="login-password"
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            invalid={Boolean(fieldErrors.password)}
            aria-describedby={fieldDescribedBy("login-password", false, Boolean(fieldErrors.password))}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </FormField>
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          {busy ? "Bezig met inloggen…" : "Inloggen"}
        </Button>
      </form>
    </div>
  );
}

function loginFailureMessage(cause: unknown): string {
  if (!(cause instanceof ApiError)) return "Inloggen is mislukt. Probeer het opnieuw.";
  if (cause.status === 401) return "De gebruikersnaam of het wachtwoord is onjuist.";
  // 429 rate_limited names the wait ("probeer het over 8 seconden opnieuw"), 403 account_locked whom to ask.
  return cause.message;
}
