// Every actor as CSV for staff (columns in docs/api.md), streamed in batches.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/permissions.server";
import { actorsExport, csvResponse } from "~/domain/desk/exports.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args);
  return csvResponse(`actors-${new Date().toISOString().slice(0, 10)}.csv`, actorsExport(args.context.db));
}
