import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { fallbackLanguage } from "~/i18n/config";
import { i18nServer } from "~/i18n/i18next.server";
import stylesheet from "~/styles/tailwind.css";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: every visitor gets the layout in their language.
  const locale = await i18nServer.getLocale(request);
  return { locale };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? fallbackLanguage;
  const nonce = useNonce();
  const { t, i18n } = useTranslation();
  useChangeLanguage(locale);
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
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
        <SiteHeader locale={locale} />
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
  const error = useRouteError();
  const { t } = useTranslation("errors");
  const location = useLocation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const badRequest = isRouteErrorResponse(error) && error.status === 400;
  // Details never reach the page in production: they are in the server log.
  const detail = process.env.NODE_ENV !== "production" && error instanceof Error ? error.message : null;
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-2xl py-12">
      <h1 id="error-title" className="text-3xl font-bold">
        {notFound ? t("notFoundTitle") : badRequest ? t("badRequestTitle") : t("errorTitle")}
      </h1>
      <p className="mt-4 text-lg">{notFound ? t("notFoundBody") : badRequest ? t("badRequestBody") : t("errorBody")}</p>
      {detail ? <pre className="mt-4 overflow-auto rounded bg-slate-100 p-4 text-sm">{detail}</pre> : null}
      <p className="mt-6">
        <a href="/">{t("backHome")}</a>
        {notFound ? <span className="sr-only"> ({location.pathname})</span> : null}
      </p>
    </section>
  );
}
