// Single-use tokens sent by email (verification, password reset). Only the hash is stored.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { verificationTokens, type Locale } from "~/db/schema";
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

/** The account behind an address, as much of it as an email to that address needs. */
export interface TokenAccount {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  emailVerified: boolean;
  disabled: boolean;
}

/**
 * Finds the account of an email address and, when there is one that is not disabled, issues it a
 * token (its older unused tokens of that purpose stop working), all in one statement. The same
 * statement runs, and a token is drawn, whether or not the address has an account: the answer to
 * an unknown address costs what the answer to a known one costs (no timing oracle).
 */
export async function issueTokenForEmail(
  db: Executor,
  email: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ account: TokenAccount; token: string | null } | { account: null; token: null }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  const result: unknown = await db.execute(sql`
    with account as (
      select id, email, name, locale, email_verified_at is not null as email_verified, disabled_at is not null as disabled
      from users where lower(email) = ${email.toLowerCase()}
    ), spent as (
      update verification_tokens set used_at = ${now.toISOString()}::timestamptz
      where user_id in (select id from account where not disabled) and purpose = ${purpose}::token_purpose and used_at is null
    ), issued as (
      insert into verification_tokens (user_id, purpose, token_hash, expires_at)
      select id, ${purpose}::token_purpose, ${sha256(token)}, ${expiresAt.toISOString()}::timestamptz from account where not disabled
      returning user_id
    )
    select account.*, exists (select 1 from issued) as issued from account`);
  // postgres.js answers with an array of rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    email: string;
    name: string;
    locale: Locale;
    email_verified: boolean;
    disabled: boolean;
    issued: boolean;
  }[];
  const row = rows[0];
  if (!row) return { account: null, token: null };
  return {
    account: { id: row.id, email: row.email, name: row.name, locale: row.locale, emailVerified: row.email_verified, disabled: row.disabled },
    token: row.issued ? token : null,
  };
}

/** The user a token would open the door for, without spending it: null when unknown, used or expired. */
export async function tokenOwner(db: Executor, token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, an empty or oversized token matches no stored hash; the check only saves a query
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ userId: verificationTokens.userId })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.tokenHash, sha256(token)),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, sql`${now.toISOString()}::timestamptz`),
      ),
    );
  return row?.userId ?? null;
}

/**
 * Marks the token used and returns its user, or null when it is unknown, used or expired.
 * One UPDATE … RETURNING: two concurrent uses cannot both succeed.
 */
export async function consumeToken(db: Executor, token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, an empty or oversized token matches no stored hash; the check only saves a query
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
