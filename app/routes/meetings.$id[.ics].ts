// /meetings/:id.ics: one meeting as an iCalendar file to add to a calendar. Public; the online
// link is never in it (participants find it on the initiative's page and in their emails).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { calendarResponse, meetingsCalendar } from "~/domain/coalitions/calendar.server";
import { calendarMeetings } from "~/domain/coalitions/meetings.server";
import { visitorLocale } from "~/utils/public-page.server";

const meetingId = z.string().uuid();

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = meetingId.safeParse(params.id);
  const rows = id.success ? await calendarMeetings(context.db, { meetingId: id.data }) : [];
  const meeting = rows[0];
  if (!meeting) throw new Response("Not Found", { status: 404 });
  const locale = await visitorLocale(request);
  const body = await meetingsCalendar(rows, { name: meeting.title, publicUrl: context.publicUrl, locale, single: true });
  return calendarResponse(body, `meeting-${meeting.id}.ics`, { download: true });
}
