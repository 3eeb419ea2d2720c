// Single-use tokens sent by email (verification, password reset). Only the hash is stored.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { verificationTokens } from "~/db/schema";
import { randomToken, sha256 } from "~/utils/crypto.server";

export type TokenPurpose = (typeof verificationTokens.$inferSelect)["purpose"];

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** Issues a new token; older unused tokens of the same purpose stop working. */
export async function issueToken(db: Executor, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomToken();
  await db
    .update(verificationTokens)
    .set({ usedAt: now })
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, purpose), isNull(verificationTokens.usedAt)));
  await db.insert(verificationTokens).values({
    userId,
    purpose,
    tokenHash: sha256(token),
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/**
 * Marks the token used and returns its user, or null when it is unknown, used or expired.
 * One UPDATE … RETURNING: two concurrent uses cannot both succeed.
 */
export async function consumeToken(db: Executor, token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .update(verificationTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(verificationTokens.tokenHash, sha256(token)),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .returning({ userId: verificationTokens.userId });
  return row?.userId ?? null;
}
