import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ApiError, api, onSessionLost, request, setCsrfToken } from "./api/client";
import type { SessionAnswer, User } from "./api/types";
import { Button, NavBar, PageFooter, PageHeader, Paragraph, SkipLink } from "./components";
import type { NavItem } from "./components/Layout";
import { roleLabels } from "./format";
import { Redirect, matchPath, navigate, useLocation } from "./router";
import { AUDIT_PATH, IMPORT_PATH, PEOPLE_PATH, REORGANISATIONS_PATH, UNITS_PATH, personPath } from "./paths";
import { SessionContext, homePath, mayOpen, type Area } from "./session";
import { AuditPage } from "./pages/AuditPage";
import { ImportPage } from "./pages/ImportPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrganisationPage } from "./pages/OrganisationPage";
import { PeoplePage } from "./pages/PeoplePage";
import { PersonPage } from "./pages/PersonPage";
import { TeamPage } from "./pages/TeamPage";
import { competenceRoute } from "./pages/competence/routes";
import { placementPage } from "./pages/placement/routes";

type SessionStatus = { state: "checking" } | { state: "anonymous"; notice?: string } | { state: "active"; user: User };

interface RouteMatch {
  area: Area | null;
  render: () => React.ReactNode;
}

function resolveRoute(pathname: string): RouteMatch {
  if (pathname === "/") return { area: "organisation", render: () => <OrganisationPage /> };
  const unit = matchPath(`${UNITS_PATH}/:id`, pathname);
  if (unit) return { area: "team", render: () => <TeamPage key={unit.id} unitId={unit.id} /> };
  if (pathname === PEOPLE_PATH) return { area: "people", render: () => <PeoplePage /> };
  const person = matchPath(`${PEOPLE_PATH}/:id`, pathname);
  if (person) return { area: "person", render: () => <PersonPage key={person.id} personId={person.id} /> };
  if (pathname === IMPORT_PATH) return { area: "import", render: () => <ImportPage /> };
  if (pathname === AUDIT_PATH) return { area: "audit", render: () => <AuditPage /> };
  const competence = competenceRoute(pathname);
  if (competence) return competence;
  const placement = placementPage(pathname);
  if (placement) return { area: "placement", render: placement };
  return { area: null, render: () => <NotFoundPage /> };
}

function navigationFor(user: User, pathname: string): NavItem[] {
  const items: NavItem[] = [];
  if (mayOpen(user, "organisation"))
    items.push({ href: "/", label: "Organisatie", current: pathname === "/" || pathname.startsWith(`${UNITS_PATH}/`) });
  if (mayOpen(user, "people"))
    items.push({ href: PEOPLE_PATH, label: "Medewerkers", current: pathname.startsWith(PEOPLE_PATH) });
  else if (user.person_id != null)
    items.push({ href: personPath(user.person_id), label: "Mijn gegevens", current: pathname.startsWith(PEOPLE_PATH) });
  if (mayOpen(user, "competence"))
    items.push({ href: "/competenties", label: "Competenties", current: pathname.startsWith("/competenties") });
  else if (mayOpen(user, "my-assessments"))
    items.push({
      href: "/competenties/mijn",
      label: "Mijn beoordelingen",
      current: pathname.startsWith("/competenties"),
    });
  if (mayOpen(user, "placement"))
    items.push({
      href: REORGANISATIONS_PATH,
      label: user.role === "employee" ? "Mijn reorganisatie" : "Reorganisaties",
      current: pathname.startsWith(REORGANISATIONS_PATH),
    });
  if (mayOpen(user, "import"))
    items.push({ href: IMPORT_PATH, label: "Importeren", current: pathname === IMPORT_PATH });
  if (mayOpen(user, "audit")) items.push({ href: AUDIT_PATH, label: "Auditlog", current: pathname === AUDIT_PATH });
  return items;
}

export function App() {
  const [session, setSession] = useState<SessionStatus>({ state: "checking" });
  const location = useLocation();

  useEffect(() => {
    let cancelled = false;
    request<SessionAnswer>("GET", "/session", { expectUnauthorised: true })
      .then((answer) => {
        if (cancelled) return;
        setCsrfToken(answer.csrf_token);
        setSession({ state: "active", user: answer.user });
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        const notice = cause instanceof ApiError && cause.status !== 401 ? cause.message : undefined;
        setSession({ state: "anonymous", notice });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onSessionLost(() => {
        setCsrfToken(null);
        setSession({ state: "anonymous", notice: "Uw sessie is verlopen. Log opnieuw in." });
      }),
    [],
  );

  const loggedIn = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrf_token);
    setSession({ state: "active", user: answer.user });
    const here = window.location.pathname;
    if (here === "/login") navigate(homePath(answer.user), { replace: true });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.delete("/session");
    } finally {
      setCsrfToken(null);
      setSession({ state: "anonymous", notice: "U bent uitgelogd." });
      navigate("/login");
    }
  }, []);

  if (session.state === "checking") {
    return (
      <Shell navigation={null}>
        <Paragraph role="status">Bezig met laden…</Paragraph>
      </Shell>
    );
  }

  if (session.state === "anonymous") {
    return (
      <Shell navigation={null}>
        <LoginPage notice={session.notice} onLoggedIn={loggedIn} />
      </Shell>
    );
  }

  const { user } = session;
  if (location.pathname === "/login") return <Redirect to={homePath(user)} />;
  const route = resolveRoute(location.pathname);
  const allowed = route.area === null || mayOpen(user, route.area);
  // The start page is the organisation; a role without it starts on its own home page instead.
  if (!allowed && location.pathname === "/") return <Redirect to={homePath(user)} />;
  return (
    <SessionContext.Provider value={{ user, logout }}>
      <Shell
        navigation={navigationFor(user, location.pathname)}
        user={user}
        onLogout={logout}
        pathname={location.pathname}
      >
        {allowed ? route.render() : <NotFoundPage forbidden />}
      </Shell>
    </SessionContext.Provider>
  );
}

interface ShellProps {
  navigation: NavItem[] | null;
  user?: User;
  onLogout?: () => Promise<void>;
  pathname?: string;
  children: React.ReactNode;
}

function Shell({ navigation, user, onLogout, pathname, children }: ShellProps) {
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  // After an in-app navigation, move focus to the new page's heading so screen
  // reader and keyboard users start at the top of the new content.
  useLayoutEffect(() => {
    if (pathname === undefined || pathname === firstPath.current) return;
    firstPath.current = pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    heading?.focus();
  }, [pathname]);

  return (
    <div className="utrecht-page-layout kwm-layout">
      <SkipLink href="#main">Naar de hoofdinhoud</SkipLink>
      <PageHeader>
        <div className="kwm-brand">
          <span className="kwm-brand__name">Kwartiermaker</span>
          {user && <span className="kwm-brand__municipality">Gemeente {user.municipality.name}</span>}
        </div>
        {user && onLogout && (
          <div className="kwm-user">
            <span className="kwm-user__name">
              {user.username} <span className="kwm-user__role">({roleLabels[user.role] ?? user.role})</span>
            </span>
            <Button appearance="secondary" onClick={() => void onLogout()}>
              Uitloggen
            </Button>
          </div>
        )}
      </PageHeader>
      {navigation && navigation.length > 0 && <NavBar label="Hoofdmenu" items={navigation} />}
      <main id="main" ref={mainRef} tabIndex={-1} className="utrecht-page-body kwm-main">
        <div className="utrecht-page-body__content kwm-main__content">{children}</div>
      </main>
      <PageFooter>
        <Paragraph>Kwartiermaker — organisatie en formatie van het sociaal domein</Paragraph>
      </PageFooter>
    </div>
  );
}
