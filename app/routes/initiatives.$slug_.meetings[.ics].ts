// /initiatives/:slug/meetings.ics: a subscribable calendar of one initiative's meetings,
// cancelled ones included so calendar apps remove them. Public, without online links.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse, meetingsCalendar } from "~/domain/coalitions/calendar.server";
import { calendarMeetings, publicInitiativeTitle } from "~/domain/coalitions/meetings.server";
import { initiativeSlug } from "~/domain/public-query";
import { i18nServer } from "~/i18n/i18next.server";
import { visitorLocale } from "~/utils/public-page.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = initiativeSlug.safeParse(params.slug);
  if (!slug.success) throw new Response("Not Found", { status: 404 });
  const locale = await visitorLocale(request);
  const [rows, t] = await Promise.all([calendarMeetings(context.db, { initiativeSlug: slug.data }), i18nServer.getFixedT(locale, "meetings")]);
  let title: string | null | undefined = rows[0]?.initiative.title;
  if (!title) {
    // No meeting yet: still a valid, empty calendar for a public initiative, else a 404.
    title = await publicInitiativeTitle(context.db, slug.data);
    if (!title) throw new Response("Not Found", { status: 404 });
  }
  return calendarResponse(await meetingsCalendar(rows, { name: t("calendar.initiativeName", { initiative: title }), publicUrl: context.publicUrl, locale }), `${slug.data}-meetings.ics`);
}
