// Sign-in through remix-auth's FormStrategy. The strategy reads the posted form; the rules
// (rate limits before hashing, equal timing for unknown emails, rotation, audit) stay in the
// accounts domain, which the strategy's verify callback calls.
import type { AppLoadContext } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { signIn, type SignInResult } from "~/domain/accounts.server";
import { requestOrigin } from "~/utils/request.server";
import { loginSchema } from "./schemas";

/**
 * Checks the email and password posted to the request. The database and the caller's
 * session come from this request, so the authenticator is assembled per request (cheap).
 */
export async function authenticateWithPassword(
  request: Request,
  context: AppLoadContext,
  previousSessionIdHash: string | null,
): Promise<SignInResult> {
  const authenticator = new Authenticator<SignInResult>();
  authenticator.use(
    new FormStrategy(async ({ form }) => {
      const credentials = loginSchema.parse(Object.fromEntries(form));
      return signIn(
        context.db,
        { email: credentials.email, password: credentials.password, previousSessionIdHash },
        requestOrigin(request, context),
      );
    }),
    "password",
  );
  return authenticator.authenticate("password", request);
}
