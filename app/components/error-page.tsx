import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

interface InvalidQuery {
  invalidParams: string[];
  resetTo: string;
}

const knownParams = new Set(["axis", "theme", "kind", "q", "initiative", "page"]);

function invalidQuery(data: unknown): InvalidQuery | null {
  if (typeof data !== "object" || data === null) return null;
  const { invalidParams, resetTo } = data as Partial<InvalidQuery>;
  if (!Array.isArray(invalidParams) || typeof resetTo !== "string" || !resetTo.startsWith("/")) return null;
  return { invalidParams: invalidParams.filter((p) => knownParams.has(p)), resetTo };
}

function retryAfterMinutes(data: unknown): number {
  const seconds = typeof data === "object" && data !== null ? (data as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  return typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

/** The one page for 404, 400, 503 and unexpected errors; details stay in the server log. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation("errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 400 ? "badRequest" : status === 403 ? "forbidden" : status === 429 ? "tooMany" : status === 503 ? "unavailable" : "error";
  const retryMinutes = status === 429 && isRouteErrorResponse(error) ? retryAfterMinutes(error.data) : 1;
  const invalid = status === 400 && isRouteErrorResponse(error) ? invalidQuery(error.data) : null;
  // Only a developer's own machine shows the message, never a stack and never in production.
  const detail = process.env.NODE_ENV === "development" && error instanceof Error ? error.message : null;
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-2xl py-12">
      <h1 id="error-title" className="text-3xl font-bold">
        {t(`${kind}Title`)}
      </h1>
      <p className="mt-4 text-lg">{t(`${kind}Body`, { count: retryMinutes })}</p>
      {invalid && invalid.invalidParams.length > 0 ? (
        <>
          <p className="mt-4">{t("invalidParams")}</p>
          <ul className="mt-2 list-disc pl-6">
            {invalid.invalidParams.map((param) => (
              <li key={param}>{t(`params.${param}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {detail ? <pre className="mt-4 overflow-auto rounded bg-slate-100 p-4 text-sm">{detail}</pre> : null}
      <ul className="mt-6 flex flex-wrap gap-6">
        {invalid ? (
          <li>
            <Link to={invalid.resetTo}>{t("startAgain")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/">{t("backHome")}</Link>
        </li>
      </ul>
    </section>
  );
}
