// The competency pages' addresses (issue 3). App.tsx asks this module first for paths under /competenties.
import type { ReactNode } from "react";
import "./competence.css";
import { matchPath } from "../../router";
import type { Area } from "../../session";
import { CareerPathPage } from "./CareerPathPage";
import { CompetenceHomePage } from "./CompetenceHomePage";
import { CoveragePage, GrowthPage } from "./CoverageGrowthPages";
import { FrameworkEditorPage } from "./FrameworkEditorPage";
import { FrameworksPage } from "./FrameworksPage";
import { OrganisationHeatmapPage, TeamHeatmapPage } from "./HeatmapPages";
import { MyAssessmentsPage, SelfAssessmentPage } from "./MyAssessmentsPage";
import { PersonReportPage } from "./PersonReportPage";
import { ProfileComparePage } from "./ProfileComparePage";
import { ProfileEditorPage } from "./ProfileEditorPage";
import { ProfilesPage } from "./ProfilesPage";
import { RatingFormPage } from "./RatingFormPage";
import { ResultsPage } from "./ResultsPage";
import { RoundPage } from "./RoundPage";
import { RoundsPage } from "./RoundsPage";
import { RoundWizardPage } from "./RoundWizardPage";

export interface CompetenceRoute {
  area: Area;
  render: () => ReactNode;
}

type RoundView = (props: { code: string }) => ReactNode;

const roundViews: Record<string, RoundView> = {
  resultaten: ResultsPage,
  organisatie: OrganisationHeatmapPage,
  team: TeamHeatmapPage,
  dekking: CoveragePage,
  groei: GrowthPage,
};

export function competenceRoute(pathname: string): CompetenceRoute | null {
  if (pathname !== "/competenties" && !pathname.startsWith("/competenties/")) return null;
  if (pathname === "/competenties") return { area: "competence", render: () => <CompetenceHomePage /> };
  if (pathname === "/competenties/mijn") return { area: "my-assessments", render: () => <MyAssessmentsPage /> };
  const own = matchPath("/competenties/mijn/:code", pathname);
  if (own) return { area: "my-assessments", render: () => <SelfAssessmentPage key={own.code} code={own.code} /> };

  if (pathname === "/competenties/kaders") return { area: "competence-setup", render: () => <FrameworksPage /> };
  if (pathname === "/competenties/kaders/nieuw")
    return { area: "competence-setup", render: () => <FrameworkEditorPage key="new" code={null} /> };
  const framework = matchPath("/competenties/kaders/:code", pathname);
  if (framework)
    return {
      area: "competence-setup",
      render: () => <FrameworkEditorPage key={framework.code} code={framework.code} />,
    };

  if (pathname === "/competenties/profielen") return { area: "competence-setup", render: () => <ProfilesPage /> };
  if (pathname === "/competenties/profielen/vergelijken")
    return { area: "competence-setup", render: () => <ProfileComparePage /> };
  if (pathname === "/competenties/loopbaanpad") return { area: "competence-setup", render: () => <CareerPathPage /> };
  const profile = matchPath("/competenties/profielen/:function/:level", pathname);
  if (profile)
    return {
      area: "competence-setup",
      render: () => (
        <ProfileEditorPage
          key={`${profile.function}/${profile.level}`}
          functionCode={profile.function}
          level={profile.level}
        />
      ),
    };

  if (pathname === "/competenties/rondes") return { area: "competence", render: () => <RoundsPage /> };
  if (pathname === "/competenties/rondes/nieuw") return { area: "competence-admin", render: () => <RoundWizardPage /> };
  const round = matchPath("/competenties/rondes/:code", pathname);
  if (round) return { area: "competence", render: () => <RoundPage key={round.code} code={round.code} /> };
  const view = matchPath("/competenties/rondes/:code/:view", pathname);
  if (view && roundViews[view.view]) {
    const View = roundViews[view.view];
    return {
      area: view.view === "resultaten" || view.view === "team" ? "competence-results" : "competence",
      render: () => <View key={view.code} code={view.code} />,
    };
  }
  const report = matchPath("/competenties/rondes/:code/personen/:number", pathname);
  if (report)
    return {
      area: "competence-report",
      render: () => (
        <PersonReportPage key={`${report.code}/${report.number}`} code={report.code} personnelNumber={report.number} />
      ),
    };
  const form = matchPath("/competenties/rondes/:code/beoordelen/:number/:source", pathname);
  if (form)
    return {
      area: "competence",
      render: () => (
        <RatingFormPage
          key={`${form.code}/${form.number}/${form.source}`}
          code={form.code}
          personnelNumber={form.number}
          source={form.source}
        />
      ),
    };
  return null;
}
