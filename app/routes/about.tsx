import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TrustPage } from "~/components/trust-page";
import { getEnv } from "~/env.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["pages"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "about" });

// Public: what the Alliance is, who runs the portal and how to reach the secretariat.
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await visitorLocale(request);
  return { title: await pageTitle(locale, { namespace: "pages", key: "about.title" }), contact: getEnv().secretariat };
}

export default function Page() {
  const { contact } = useLoaderData<typeof loader>();
  return <TrustPage page="about" contact={contact} />;
}
