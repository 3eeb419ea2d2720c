import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { supportedLanguages } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18next.server";
import { safeRedirect } from "~/utils/safe-redirect";

const languageChoice = z.object({ lng: z.enum(supportedLanguages), redirectTo: z.string().optional() });

// Public: anyone may choose the language they read the portal in.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageChoice.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown language", { status: 400 });
  // Back to the same page, minus any ?lng= that would outrank the choice just made.
  const back = new URL(safeRedirect(parsed.data.redirectTo), "http://portal");
  back.searchParams.delete("lng");
  return redirect(`${back.pathname}${back.search}`, {
    status: 303,
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.lng) },
  });
}

export function loader() {
  return redirect("/");
}
