/** A status as a quiet pill with its colour as a dot — the name carries the meaning, the colour only helps. */
export function StatusBadge({ name, color }: { name: string; color: string }) {
  return (
    <span className="inline-flex max-w-44 items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700">
      <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color }} aria-hidden />
      <span className="truncate">{name}</span>
    </span>
  );
}
