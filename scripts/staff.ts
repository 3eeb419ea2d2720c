// `npm run staff -- create --email E --name N --role secretariat|admin` (password on standard
// input, or asked for on a terminal), `npm run staff -- disable --email E`, and
// `npm run staff -- sign-out --email E` or `sign-out --all` to end sessions, and
// `npm run staff -- reset-two-factor --email E` for someone who lost their phone and recovery codes,
// and `npm run staff -- disable-demo`, which a portal that serves others needs before it starts.
// The only way to create the first staff account: no default staff exists on PostgreSQL.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb, migrateDb } from "~/db/client.server";
import { enabledDemoAccounts } from "~/db/bootstrap.server";
import { loadReferenceData } from "~/db/reference-data.server";
import { createStaffUser, disableUser, endSessions, resetTwoFactorByOperator } from "~/domain/accounts/staff.server";
import { getEnv } from "~/env.server";

const usage = `Usage:
  npm run staff -- create --email EMAIL --name NAME --role secretariat|admin   (password from stdin)
  npm run staff -- disable --email EMAIL
  npm run staff -- sign-out --email EMAIL | --all
  npm run staff -- reset-two-factor --email EMAIL   (only after the secretariat has checked who asks)
  npm run staff -- disable-demo   (the demo accounts, whose passwords are published)`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  // On a terminal: ask without echoing what is typed.
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  process.stdout.write("Password (not shown): ");
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = write;
  rl.close();
  process.stdout.write("\n");
  return answer;
}

const createArgs = z.object({
  email: z.string().email(),
  name: z.string().trim().min(1).max(100),
  role: z.enum(["secretariat", "admin"]),
});

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, all: { type: "boolean" } },
    strict: true,
  });
  const commands = ["create", "disable", "sign-out", "reset-two-factor", "disable-demo"];
  if (!command || !commands.includes(command)) throw new Error(usage);
  const env = getEnv();
  const handle = await createDb({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize: 1 });
  try {
    await migrateDb(handle);
    await loadReferenceData(handle.db);
    if (command === "create") {
      const parsed = createArgs.safeParse(values);
      if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n")}\n\n${usage}`);
      const password = await readPassword();
      const created = await createStaffUser(handle.db, { ...parsed.data, password });
      if (!created.ok && created.reason === "weakPassword") {
        throw new Error(
          `Password refused (${created.problem}): use 12 to 128 characters, not a common password, not built on a pattern (repeats, sequences, keyboard rows), not containing the email, the name or the names of the Alliance, the portal or the secretariat.`,
        );
      }
      if (!created.ok) throw new Error(`An account with ${parsed.data.email} already exists`);
      const { user } = created;
      process.stdout.write(`Created ${user.role} account ${user.email}. It must set up two-factor authentication at first sign-in.\n`);
    } else if (command === "disable-demo") {
      const emails = await enabledDemoAccounts(handle.db);
      for (const email of emails) await disableUser(handle.db, { email }, null);
      process.stdout.write(emails.length > 0 ? `Disabled the demo accounts ${emails.join(", ")}; their sessions have ended.\n` : "No demo account can sign in.\n");
    } else if (command === "sign-out" && values.all) {
      const outcome = await endSessions(handle.db, "everyone");
      process.stdout.write(`Ended all ${outcome.ok ? outcome.ended : 0} sessions; everyone must sign in again.\n`);
    } else {
      const email = z.string().email().safeParse(values.email);
      if (!email.success) throw new Error(usage);
      const noAccount = new Error(`No account for ${email.data}`);
      if (command === "sign-out") {
        const outcome = await endSessions(handle.db, { email: email.data });
        if (!outcome.ok) throw noAccount;
        process.stdout.write(`Ended ${outcome.ended} sessions of ${email.data}.\n`);
      } else if (command === "reset-two-factor") {
        const outcome = await resetTwoFactorByOperator(handle.db, email.data);
        if (!outcome.ok) throw noAccount;
        process.stdout.write(`Two-factor authentication is off for ${outcome.user.email}; its sessions have ended and it has been told by email.\n`);
      } else {
        const outcome = await disableUser(handle.db, { email: email.data }, null);
        if (!outcome.ok) throw noAccount;
        process.stdout.write(`Disabled ${outcome.user.email}; all of its sessions have ended.\n`);
      }
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});
