import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession } from "~/auth/permissions.server";
import { clearSessionCookieHeader } from "~/auth/session.server";
import { signOut } from "~/domain/accounts/sign-in.server";
import { requestOrigin } from "~/utils/request.server";

// POST only: a link or image on another page must not be able to sign anyone out.
export async function action(args: ActionFunctionArgs) {
  const session = await getSession(args);
  if (session) await signOut(args.context.db, session, requestOrigin(args.request, args.context));
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookieHeader() } });
}

export function loader() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
