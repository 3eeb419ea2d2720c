import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getOptionalUser } from "~/auth/permissions.server";
import { ErrorPage } from "~/components/error-page";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { fallbackLanguage, isSupportedLanguage, ROOT_NAMESPACES, type RouteI18nHandle } from "~/i18n/config";
import { loadLanguage, routeNamespaces, shownLanguage } from "~/i18n/client-resources";
import { i18nServer } from "~/i18n/i18next.server";
import { useTranslation } from "~/i18n/react";
import stylesheet from "~/styles/tailwind.css";
import { useNonce } from "~/utils/nonce";
import { headT, seoMeta } from "~/utils/seo";
import { rateLimitHeaders } from "~/utils/rate-limit-headers";

// What the layout, the error page and every page's <head> draw (ADR 017); each route adds its own.
export const handle: RouteI18nHandle = { i18n: ROOT_NAMESPACES };
await routeNamespaces(handle);

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages set their own titles; this one serves the error pages and pages without a title.
export const meta: MetaFunction<typeof loader> = ({ data, error, matches, location }) => {
  // Without the root's data (its loader failed), the language on screen (the fallback on the server).
  const t = headT(isSupportedLanguage(data?.locale) ? data.locale : shownLanguage());
  const siteName = t("common:siteName");
  if (!error) return seoMeta({ matches, location }, { title: siteName, description: { key: "default" } });
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const heading =
    status === 404 ? t("errors:notFoundTitle")
    : status === 400 ? t("errors:badRequestTitle")
    : status === 403 ? t("errors:forbiddenTitle")
    : status === 429 ? t("errors:tooManyTitle")
    : status === 503 ? t("errors:unavailableTitle")
    : t("errors:errorTitle");
  return [{ title: `${heading} · ${siteName}` }];
};

// The root is the error boundary of every page: a 429 thrown below it keeps its Retry-After here.
export const headers = rateLimitHeaders;

export async function loader(args: LoaderFunctionArgs) {
  // Public: every visitor gets the layout in their language, and a signed-in user their menu.
  const locale = await i18nServer.getLocale(args.request);
  const user = await getOptionalUser(args);
  return { locale, publicUrl: args.context.publicUrl, user: user ? { name: user.name, role: user.role } : null };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const { t, i18n } = useTranslation();
  // Without the root's data (its loader failed: the database is away) the language entry.server
  // chose for this request still holds, so the error page and <html lang> agree.
  const locale = data?.locale ?? (isSupportedLanguage(i18n.language) ? i18n.language : fallbackLanguage);
  useEffect(() => {
    // A client-side navigation that changed the language (the profile's, applied at sign-in, or
    // a ?lng= link): fetch the namespaces in use in that language first, then switch.
    if (i18n.language === locale) return;
    void loadLanguage(locale).then(() => i18n.changeLanguage(locale));
  }, [i18n, locale]);
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <SiteHeader locale={locale} user={data?.user ?? null} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
