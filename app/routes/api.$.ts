import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiNotFound, apiPreflight } from "~/utils/api-response.server";

const unknownEndpoint = () => apiNotFound("No such API endpoint. See /api/v1/initiatives and /api/v1/actors.");

// Public: an API client asking for an unknown address gets JSON, not the HTML 404 page.
export function loader({ request }: LoaderFunctionArgs) {
  return apiPreflight(request) ?? unknownEndpoint();
}

export const action = unknownEndpoint;
