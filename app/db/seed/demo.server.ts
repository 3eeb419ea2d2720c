import type { Executor } from "../client.server";

export interface DemoAccount {
  email: string;
  password: string;
  role: "member" | "secretariat" | "admin";
  description: string;
}

/** Placeholder until the demo data set lands (being written now). */
export async function seedDemoData(_db: Executor): Promise<{ accounts: DemoAccount[] }> {
  return { accounts: [] };
}
