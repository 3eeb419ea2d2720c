// Calls a route's loader or action directly, as Remix would, with the context the production
// server builds (see server/app.ts): no HTTP server, no rendering, a real database.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Database } from "~/db/client.server";

export interface RouteCall {
  db: Database;
  /** Route parameters, as `:slug` or `$id` segments would give them. */
  params?: Record<string, string>;
  headers?: HeadersInit;
  /** Form fields of an action, sent urlencoded like a browser form. */
  form?: Record<string, string> | URLSearchParams;
  method?: string;
  /** The client's address as the server would see it (per-address rate limits count by it); 127.0.0.1 when absent. */
  clientIp?: string;
}

export const TEST_ORIGIN = "http://localhost";

export function routeArgs(path: string, call: RouteCall): LoaderFunctionArgs & ActionFunctionArgs {
  const method = call.method ?? (call.form ? "POST" : "GET");
  const headers = new Headers(call.headers);
  let body: URLSearchParams | undefined;
  if (call.form) {
    body = call.form instanceof URLSearchParams ? call.form : new URLSearchParams(call.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    if (!headers.has("Origin")) headers.set("Origin", TEST_ORIGIN);
  }
  const request = new Request(new URL(path, TEST_ORIGIN), { method, headers, body });
  return { request, params: call.params ?? {}, context: { db: call.db, cspNonce: "test", clientIp: call.clientIp ?? "127.0.0.1", publicUrl: TEST_ORIGIN } };
}

export async function callLoader<R>(loader: (args: LoaderFunctionArgs) => R, path: string, call: RouteCall): Promise<Awaited<R>> {
  return await loader(routeArgs(path, call));
}

export async function callAction<R>(action: (args: ActionFunctionArgs) => R, path: string, call: RouteCall): Promise<Awaited<R>> {
  return await action(routeArgs(path, { method: "POST", ...call }));
}

export interface Outcome {
  status: number;
  headers: Headers;
  /** The body of a data() reply, or the parsed JSON / text of a Response. */
  data: unknown;
}

/** A loader's or action's answer in one shape, whether it was a value, data(), or a Response. */
export async function outcome(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    if (value.headers.get("Content-Type")?.includes("json")) data = JSON.parse(text) as unknown;
    return { status: value.status, headers: value.headers, data };
  }
  if (isDataWithInit(value)) {
    return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data };
  }
  return { status: 200, headers: new Headers(), data: value };
}

/** For loaders and actions that must refuse: the Response or data() they threw, as an Outcome. */
export async function thrownOutcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response || isDataWithInit(error)) return outcome(error);
    throw error;
  }
  throw new Error("expected the loader or action to throw a response, but it returned");
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}
