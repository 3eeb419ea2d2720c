// The address an initiative keeps for life, from its title at approval: lower-case ASCII words
// joined by hyphens (accents folded), never a word the site uses for a page of its own.
const RESERVED = new Set(["new"]);

export function slugFromTitle(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return !base || RESERVED.has(base) ? `initiative${base ? `-${base}` : ""}` : base;
}
