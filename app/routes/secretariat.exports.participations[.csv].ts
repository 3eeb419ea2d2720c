// Every participation of an actor in an initiative, with its history of events, as CSV for staff.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/permissions.server";
import { participationsExport } from "~/domain/desk/coalition-exports.server";
import { csvResponse } from "~/domain/desk/exports.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  return csvResponse(`participations-${new Date().toISOString().slice(0, 10)}.csv`, participationsExport(args.context.db));
}
