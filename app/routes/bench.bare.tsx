// The benchmark's floor for a page (npm run bench, docs/benchmark.md): the root layout and
// nothing else, no loader data of its own. It exists only when BENCH_ROUTES=1; elsewhere 404.
import type { RouteI18nHandle } from "~/i18n/config";

// This page draws only the root's translations (ADR 017).
export const handle: RouteI18nHandle = { i18n: [] };

export function loader() {
  if (process.env.BENCH_ROUTES !== "1") throw new Response("Not Found", { status: 404 });
  return null;
}

export default function BareBenchPage() {
  return <h1 className="text-3xl font-bold">Benchmark</h1>;
}
