// Loads the journeys' cast (./cast.ts) into the e2e server's fresh database, next to the demo
// data: verified accounts, each the approved focal point of its State, and secretariat staff
// with two-factor already on. Run by serve.ts before the server starts; the people then act
// only through the browser.
import { and, eq, inArray } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { encryptSecret } from "~/auth/totp.server";
import type { Executor } from "~/db/client.server";
import { actors, affiliations, countries, users } from "~/db/schema";
import { CAST_PASSWORD, WHOLE_CAST } from "./cast";

export async function seedCast(db: Executor): Promise<void> {
  const passwordHash = await hashPassword(CAST_PASSWORD);
  const now = new Date();
  const codes = [...new Set(WHOLE_CAST.flatMap((p) => (p.state ? [p.state.iso3] : [])))];
  const states = await db
    .select({ id: actors.id, iso3: countries.iso3, en: countries.nameEn, fr: countries.nameFr, es: countries.nameEs })
    .from(actors)
    .innerJoin(countries, eq(countries.iso3, actors.countryCode))
    .where(and(eq(actors.kind, "state"), inArray(actors.countryCode, codes)));
  const byCode = new Map(states.map((s) => [s.iso3, s]));
  await db.transaction(async (tx) => {
    for (const person of WHOLE_CAST) {
      const [user] = await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          passwordHash,
          emailVerifiedAt: now,
          locale: person.locale,
          role: person.totpSecret ? "secretariat" : "member",
          totpSecret: person.totpSecret ? encryptSecret(person.totpSecret) : null,
          totpEnabledAt: person.totpSecret ? now : null,
          privacyAcceptedAt: now,
        })
        .returning({ id: users.id });
      if (!person.state) continue;
      const state = byCode.get(person.state.iso3);
      const { en, fr, es } = person.state;
      if (!state || state.en !== en || state.fr !== fr || state.es !== es) {
        throw new Error(`tests/e2e/cast.ts names ${person.state.iso3} ${JSON.stringify({ en, fr, es })}; the countries table has ${JSON.stringify(state)}`);
      }
      await tx.insert(affiliations).values({
        userId: user!.id,
        actorId: state.id,
        role: "focal_point",
        status: "approved",
        title: "Director for Multilateral Affairs",
        ministryOrMission: "Ministry of Foreign Affairs",
        officialEmail: person.email,
        reviewedAt: now,
      });
    }
  });
}
