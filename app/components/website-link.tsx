import { safeWebUrl } from "~/domain/web-url";

/** A link to an actor's own website; anything but a plain web address renders nothing. */
export function WebsiteLink({ href }: { href: string | null }) {
  const safe = safeWebUrl(href);
  if (!safe) return null;
  // The address comes from an actor, not from us: no referrer, no ranking credit.
  return (
    <a href={safe} rel="noopener noreferrer nofollow ugc" className="break-all">
      {safe}
    </a>
  );
}
