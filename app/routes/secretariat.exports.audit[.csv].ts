// The audit log of decisions as CSV, with the same filters as /secretariat/audit, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/permissions.server";
import { auditQuery } from "~/domain/desk/audit-query";
import { auditExport, csvResponse } from "~/domain/desk/exports.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  const query = auditQuery.safeParse(Object.fromEntries(new URL(args.request.url).searchParams));
  if (!query.success) throw new Response("Invalid filters", { status: 400 });
  return csvResponse(`audit-${new Date().toISOString().slice(0, 10)}.csv`, auditExport(args.context.db, query.data));
}
