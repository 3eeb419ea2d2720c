// Every affiliation (applications, approvals, rejections, revocations) as CSV for staff, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/permissions.server";
import { affiliationsExport, csvResponse } from "~/domain/desk/exports.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  return csvResponse(`affiliations-${new Date().toISOString().slice(0, 10)}.csv`, affiliationsExport(args.context.db));
}
