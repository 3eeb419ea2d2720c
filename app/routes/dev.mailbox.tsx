import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireDevelopmentMailbox } from "~/auth/permissions.server";
import { listMailbox, readMailboxFile } from "~/mail/mailbox.server";
import { routeNamespaces } from "~/i18n/client-resources";
import type { RouteI18nHandle } from "~/i18n/config";

// The translations this page draws beyond the root's, fetched before it renders (ADR 017).
export const handle: RouteI18nHandle = { i18n: ["account"] };
await routeNamespaces(handle);

export const meta: MetaFunction = () => [{ title: "Mailbox" }];

export async function loader(args: LoaderFunctionArgs) {
  const mailDir = requireDevelopmentMailbox();
  const file = new URL(args.request.url).searchParams.get("file");
  return { entries: await listMailbox(mailDir), open: file ? { file, raw: await readMailboxFile(mailDir, file) } : null };
}

export default function Mailbox() {
  const { t } = useTranslation("account");
  const { entries, open } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("mailbox.title")}</h1>
      <p className="mb-4">{t("mailbox.intro")}</p>
      {entries.length === 0 ? <p>{t("mailbox.empty")}</p> : null}
      <ul className="mb-8 space-y-2">
        {entries.map((e) => (
          <li key={e.file}>
            <a href={`/dev/mailbox?${new URLSearchParams({ file: e.file })}`}>{e.subject || e.file}</a> — {e.to} — {e.date}
          </li>
        ))}
      </ul>
      {open?.raw ? (
        <section aria-label={open.file}>
          <pre className="overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-4 text-sm">{open.raw}</pre>
        </section>
      ) : null}
    </div>
  );
}
