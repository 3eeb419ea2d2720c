/** Text typed with blank lines between paragraphs, shown as paragraphs; never as HTML. */
export function Paragraphs({ text, className = "" }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of one text never reorder; their place is their identity.
        <p key={i} className={`whitespace-pre-line ${className}`}>
          {p}
        </p>
      ))}
    </>
  );
}
