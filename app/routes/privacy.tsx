import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { TrustPage } from "~/components/trust-page";
import { PRIVACY_NOTICE_VERSION } from "~/domain/privacy";
import { getEnv } from "~/env.server";
import { pageTitle, visitorLocale } from "~/utils/public-page.server";
import { pageMeta } from "~/utils/seo";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["pages"] };
await routeNamespaces(handle);

export const meta: MetaFunction<typeof loader> = pageMeta({ key: "privacy" });

// Public: the privacy notice (its version is recorded when someone signs up).
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await visitorLocale(request);
  return { title: await pageTitle(locale, { namespace: "pages", key: "privacy.title" }), contact: getEnv().secretariat };
}

export default function Page() {
  const { contact } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pages");
  return (
    <TrustPage
      page="privacy"
      contact={contact}
      extra={<p className="mt-2 text-slate-700">{t("privacy.version", { version: PRIVACY_NOTICE_VERSION })}</p>}
    />
  );
}
