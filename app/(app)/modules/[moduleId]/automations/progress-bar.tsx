import { cn } from "@/components/ui/cn";

/**
 * A run's progress: sent, skipped, kept in the outbox and failed as parts of one bar (an accessible
 * progressbar of the share with an outcome). `failed` counts the kept ones too, as the run's row does.
 */
export function BulkProgressBar({ label, total, sent, skipped, failed, kept, valueText }: { label: string; total: number; sent: number; skipped: number; failed: number; kept: number; valueText: string }) {
  const part = (n: number) => (total > 0 ? `${(n / total) * 100}%` : "0%");
  const percent = total > 0 ? Math.round(((sent + skipped + failed) / total) * 100) : 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <span className={cn("h-full bg-green-600 transition-[width]")} style={{ width: part(sent) }} />
      <span className="h-full bg-slate-400 transition-[width]" style={{ width: part(skipped) }} />
      <span className="h-full bg-amber-500 transition-[width]" style={{ width: part(kept) }} />
      <span className="h-full bg-red-600 transition-[width]" style={{ width: part(failed - kept) }} />
    </div>
  );
}
