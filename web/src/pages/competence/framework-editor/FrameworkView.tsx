// A framework as it stands: its version facts, and the read-only view for who may not (or cannot) edit it.
import { Alert, DataList, Heading, Link, Paragraph } from "../../../components";
import { formatCount } from "../../../format";
import { frameworkPath, kindLabels, type Framework } from "../model";

export function VersionFacts({ framework }: { framework: Framework }) {
  const current = Math.max(...framework.versions);
  return (
    <section aria-labelledby="versie" className="kwm-version">
      <Heading level={2} id="versie">
        Versie {framework.version}
        {framework.status === "current" ? " (huidige versie)" : " (vervangen)"}
      </Heading>
      <DataList
        items={[
          { key: "Code", value: <span className="kwm-code">{framework.code}</span> },
          {
            key: "In gebruik",
            value: framework.in_use
              ? "Ja: een beoordelingsronde gebruikt deze versie. Wijzigen maakt een nieuwe versie."
              : "Nee: wijzigingen worden in deze versie opgeslagen.",
          },
          {
            key: "Versies",
            value: (
              <span className="kwm-link-pair">
                {framework.versions.map((version) =>
                  version === framework.version ? (
                    <span key={version} aria-current="page">
                      versie {version}
                    </span>
                  ) : (
                    <Link
                      key={version}
                      href={`${frameworkPath(framework.code)}${version === current ? "" : `?versie=${version}`}`}
                    >
                      versie {version}
                    </Link>
                  ),
                )}
              </span>
            ),
          },
        ]}
      />
      {framework.status === "superseded" && (
        <Alert type="info">
          <Paragraph>
            U bekijkt een oude versie. Rondes die deze versie gebruiken, blijven ermee werken.{" "}
            <Link href={frameworkPath(framework.code)}>Naar de huidige versie {current}</Link>
          </Paragraph>
        </Alert>
      )}
    </section>
  );
}

/** A framework to read: the scale with its anchors, then every competency with its indicators. */
export function FrameworkView({ framework }: { framework: Framework }) {
  return (
    <>
      <section aria-labelledby="schaal">
        <Heading level={2} id="schaal">
          Schaal {framework.scale.min}–{framework.scale.max}
        </Heading>
        <DataList
          items={Object.entries(framework.scale.anchors)
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([point, text]) => ({ key: `Punt ${point}`, value: text }))}
        />
      </section>
      <section aria-labelledby="competenties">
        <Heading level={2} id="competenties">
          Competenties en kennisgebieden ({formatCount(framework.competencies.length)})
        </Heading>
        {framework.competencies.map((competency) => (
          <article key={competency.code} className="kwm-competency-view" aria-labelledby={`view-${competency.code}`}>
            <Heading level={3} id={`view-${competency.code}`}>
              {competency.name} <span className="kwm-code kwm-hint">({competency.code})</span>
            </Heading>
            <Paragraph>{competency.definition}</Paragraph>
            <Paragraph className="kwm-hint">{kindLabels[competency.kind]}</Paragraph>
            <ol className="kwm-indicator-list">
              {competency.indicators.map((indicator) => (
                <li key={indicator.code}>
                  {indicator.text} <span className="kwm-code kwm-hint">({indicator.code})</span>
                </li>
              ))}
            </ol>
          </article>
        ))}
      </section>
    </>
  );
}
