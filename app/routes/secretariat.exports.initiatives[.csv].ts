// Every initiative (proposals, refusals and closed ones included) as CSV for staff, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/permissions.server";
import { initiativesExport } from "~/domain/desk/coalition-exports.server";
import { csvResponse } from "~/domain/desk/exports.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  return csvResponse(`initiatives-${new Date().toISOString().slice(0, 10)}.csv`, initiativesExport(args.context.db));
}
