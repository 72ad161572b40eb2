import { Heading, Link, Paragraph } from "../components";
import { homePath, useSession } from "../session";
import { usePageTitle } from "./usePageTitle";

export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const { user } = useSession();
  const title = forbidden ? "Geen toegang" : "Pagina niet gevonden";
  usePageTitle(title);
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <Paragraph>
        {forbidden
          ? "Met uw rol kunt u deze pagina niet gebruiken."
          : "Deze pagina bestaat niet. Misschien is het adres verkeerd overgenomen."}
      </Paragraph>
      <Paragraph>
        <Link href={homePath(user)}>Naar de startpagina</Link>
      </Paragraph>
    </>
  );
}
