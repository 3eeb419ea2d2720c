// Public: any address no other route claims is a 404, drawn by the root error boundary.
import type { RouteI18nHandle } from "~/i18n/config";

// This page draws only the root's translations (ADR 017).
export const handle: RouteI18nHandle = { i18n: [] };

export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export const action = loader;

// A component makes this a page route, so the thrown 404 renders as the site's page, not as bare text.
export default function NotFound() {
  return null;
}
