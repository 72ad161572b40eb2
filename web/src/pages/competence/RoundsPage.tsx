import { useMemo } from "react";
import { DataTable, Heading, Link, LoadError, Loading, Paragraph, columnHelper } from "../../components";
import { ExportLinks } from "../../components/ExportLinks";
import { formatCount, formatDate } from "../../format";
import { useSession } from "../../session";
import { useApi } from "../../useApi";
import { usePageTitle } from "../usePageTitle";
import { purposeLabels, roundPath, roundStatusLabels, type Round } from "./model";
import { Breadcrumbs, mayWrite } from "./shared";

const roundColumns = (() => {
  const helper = columnHelper<Round>();
  return helper.columns([
    helper.accessor("name", {
      header: "Ronde",
      meta: { rowHeader: true },
      cell: (info) => <Link href={roundPath(info.row.original.code)}>{info.getValue()}</Link>,
    }),
    helper.accessor("purpose", { header: "Doel", cell: (info) => purposeLabels[info.getValue()] }),
    helper.accessor("status", { header: "Status", cell: (info) => roundStatusLabels[info.getValue()] }),
    helper.accessor("deadline", { header: "Invullen vóór", cell: (info) => formatDate(info.getValue()) }),
    helper.accessor("target_date", { header: "Streefdatum", cell: (info) => formatDate(info.getValue()) }),
    helper.accessor("participants", {
      header: "Deelnemers",
      meta: { numeric: true },
      cell: (info) => formatCount(info.getValue()),
    }),
  ]);
})();

export function RoundsPage() {
  usePageTitle("Beoordelingsrondes");
  const { user } = useSession();
  const rounds = useApi<{ items: Round[] }>("/assessment-rounds");
  const columns = useMemo(() => roundColumns, []);
  return (
    <>
      <Breadcrumbs items={[{ href: "/competenties", label: "Competenties" }, { label: "Beoordelingsrondes" }]} />
      <Heading level={1} tabIndex={-1}>
        Beoordelingsrondes
      </Heading>
      <Paragraph lead>
        {user.role === "assessor"
          ? "De rondes waarin u als externe assessor beoordeelt, zolang ze open zijn."
          : "In een ronde beoordelen medewerkers zichzelf, en beoordelen hun leidinggevende en eventueel een externe assessor hen, op de competenties van hun functieprofiel."}
      </Paragraph>
      {mayWrite(user) && (
        <Paragraph>
          <Link href="/competenties/rondes/nieuw" className="kwm-button-link">
            Nieuwe ronde opzetten
          </Link>
        </Paragraph>
      )}
      {rounds.loading && <Loading what="Rondes" />}
      {rounds.error && <LoadError error={rounds.error} />}
      {rounds.data && (
        <>
          <DataTable
            caption="Beoordelingsrondes"
            columns={columns}
            data={rounds.data.items}
            rowKey={(r) => r.code}
            empty="Er zijn nog geen beoordelingsrondes."
          />
          {rounds.data.items.length > 0 && <ExportLinks path="/assessment-rounds" what="de lijst van rondes" />}
        </>
      )}
    </>
  );
}
