// The framework editor: name, scale with an anchor text on every point, competencies and knowledge areas with
// their behavioural indicators (the parts are in framework-editor/). Saving a version that a round uses makes the
// next version (docs/frameworks.md).
import { useEffect, useRef, useState } from "react";
import { Alert, Heading, LoadError, Loading, Paragraph } from "../../components";
import { useLocation } from "../../router";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { blankFramework, diffText, outcomeText } from "./framework-editor/document";
import { FrameworkForm } from "./framework-editor/FrameworkForm";
import { FrameworkView, VersionFacts } from "./framework-editor/FrameworkView";
import type { Framework, FrameworkChange } from "./model";
import { Breadcrumbs, mayWrite } from "./shared";

export function FrameworkEditorPage({ code }: { code: string | null }) {
  const { user } = useSession();
  const location = useLocation();
  const requestedVersion = location.search.get("versie");
  const copied = location.search.get("gekopieerd") === "1";
  const isNew = code === null;
  const path = isNew
    ? null
    : `/frameworks/${encodeURIComponent(code)}${requestedVersion ? `?version=${encodeURIComponent(requestedVersion)}` : ""}`;
  const loaded = useApi<Framework>(path);
  const framework = loaded.data;
  const title = isNew ? "Nieuw competentiekader" : (framework?.name ?? "Competentiekader");
  usePageTitle(title);

  const editable = mayWrite(user) && (isNew || framework?.status === "current");
  const [saved, setSaved] = useState<{ change: FrameworkChange; previous: number } | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const onSaved = (change: FrameworkChange, previous: number) => {
    setSaved({ change, previous });
    // The version facts above the form follow the stored framework (a new version adds a link to the old one).
    loaded.reload();
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/competenties", label: "Competenties" },
          { href: "/competenties/kaders", label: "Competentiekaders" },
          { label: title },
        ]}
      />
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {loaded.loading && !framework && <Loading what="Kader" />}
      {loaded.error && <LoadError error={loaded.error} />}
      {framework && <VersionFacts framework={framework} />}
      {copied && framework && (
        <Alert type="ok">
          <Paragraph>
            Het referentiekader is gekopieerd als versie {framework.version}. Pas de teksten hieronder aan uw eigen
            organisatie aan.
          </Paragraph>
        </Alert>
      )}
      {saved && (
        <div ref={savedRef} tabIndex={-1} className="kwm-outcome" data-testid="framework-outcome">
          <Alert type="ok" live>
            <Paragraph>{outcomeText(saved.change, saved.previous)}</Paragraph>
            {diffText(saved.change).length > 0 && (
              <ul>
                {diffText(saved.change).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      {isNew && editable && (
        <FrameworkForm
          key="new"
          initial={blankFramework()}
          isNew
          inUse={false}
          onSaved={onSaved}
          onEdit={() => setSaved(null)}
        />
      )}
      {framework && editable && (
        <FrameworkForm
          key={`${framework.code}-${framework.version}`}
          initial={framework}
          isNew={false}
          inUse={framework.in_use}
          onSaved={onSaved}
          onEdit={() => setSaved(null)}
        />
      )}
      {framework && !editable && <FrameworkView framework={framework} />}
    </>
  );
}
