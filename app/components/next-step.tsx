// "Where do I stand, and what next?" for a signed-in member, the same on /dashboard, /account
// and the home page: apply → answer the secretariat → waiting since a date → approved.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate } from "~/i18n/format";

export type NextStepView =
  | { kind: "apply" }
  | { kind: "answer"; since: string | Date }
  | { kind: "waiting"; since: string | Date }
  | { kind: "approved"; actors: { id: string; name: string }[] };

export function NextStepPanel({ step, headingLevel = 2 }: { step: NextStepView; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation("membership");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="next-step-title" className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">
      <Heading id="next-step-title" className="text-xl font-semibold text-brand-900">
        {t(`next.${step.kind}.title`)}
      </Heading>
      {step.kind === "apply" ? (
        <>
          <p className="mt-2">{t("next.apply.body")}</p>
          <p className="mt-3">
            <Link to="/affiliations/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
              {t("next.apply.action")}
            </Link>
          </p>
        </>
      ) : null}
      {step.kind === "answer" ? (
        <>
          <p className="mt-2">{t("next.answer.body", { date: formatDate(i18n.language, step.since) })}</p>
          <p className="mt-3">
            <Link to="/dashboard#affiliations-title" className="underline">
              {t("next.answer.action")}
            </Link>
          </p>
        </>
      ) : null}
      {step.kind === "waiting" ? (
        <p className="mt-2">{t("next.waiting.body", { date: formatDate(i18n.language, step.since) })}</p>
      ) : null}
      {step.kind === "approved" ? (
        <>
          <p className="mt-2">{t("next.approved.body", { names: step.actors.map((a) => a.name).join(", ") })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {step.actors.map((a) => (
              <li key={a.id}>
                <Link to={`/dashboard/actors/${a.id}`} className="underline">
                  {t("next.approved.manage", { name: a.name })}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/initiatives" className="underline">
                {t("next.approved.initiatives")}
              </Link>
            </li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
