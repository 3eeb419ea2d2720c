// /meetings.ics: a subscribable calendar of every public initiative's meetings (the past year
// and all to come), cancelled ones included so calendar apps remove them. Public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse, meetingsCalendar } from "~/domain/coalitions/calendar.server";
import { calendarMeetings } from "~/domain/coalitions/meetings.server";
import { i18nServer } from "~/i18n/i18next.server";
import { visitorLocale } from "~/utils/public-page.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await visitorLocale(request);
  const t = await i18nServer.getFixedT(locale, "meetings");
  const rows = await calendarMeetings(context.db, { all: true });
  return calendarResponse(await meetingsCalendar(rows, { name: t("calendar.allName"), publicUrl: context.publicUrl, locale }), "alliance-meetings.ics");
}
