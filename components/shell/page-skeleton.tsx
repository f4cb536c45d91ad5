import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

export type SkeletonKind = "list" | "board" | "card" | "form" | "todos" | "settings";

/** A grey block standing in for content; it pulses only for those who do not ask for reduced motion. */
function Bone({ className }: { className?: string }) {
  return <div className={cn("rounded-md bg-slate-200/80 motion-safe:animate-pulse", className)} />;
}

function Rows({ count, className }: { count: number; className?: string }) {
  return (
    <div className={cn("divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white", className)}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-4 py-3">
          <Bone className="h-4 w-1/3" />
          <Bone className="hidden h-4 flex-1 md:block" />
          <Bone className="h-5 w-20 rounded-full" />
        </div>
      ))}
    </div>
  );
}

function Panel({ className }: { className?: string }) {
  return (
    <div className={cn("space-y-3 rounded-lg border border-slate-200 bg-white p-4", className)}>
      <Bone className="h-4 w-1/3" />
      <Bone className="h-9 w-full" />
      <Bone className="h-9 w-full" />
    </div>
  );
}

/**
 * What a route's `loading.tsx` shows while its page is on the way: the page's rough shape (so nothing
 * jumps when it arrives), `aria-busy`, and a polite "Loading…" for screen readers.
 */
export async function PageSkeleton({ kind }: { kind: SkeletonKind }) {
  const t = await getTranslations("common.loading");
  return (
    <div aria-busy="true" data-loading={kind}>
      <p role="status" className="sr-only">
        {t("content")}
      </p>
      <div aria-hidden className="space-y-6">
        <div className="space-y-2">
          <Bone className="h-7 w-56 max-w-full" />
          <Bone className="h-4 w-80 max-w-full" />
        </div>
        {kind === "list" && (
          <div className="grid gap-6 xl:grid-cols-[13rem_minmax(0,1fr)]">
            <Bone className="hidden h-40 xl:block" />
            <div className="space-y-4">
              <Bone className="h-9 w-full" />
              <Rows count={8} />
            </div>
          </div>
        )}
        {kind === "board" && (
          <div className="flex gap-4 overflow-hidden">
            {Array.from({ length: 4 }, (_, i) => (
              <Bone key={i} className="h-72 w-64 shrink-0" />
            ))}
          </div>
        )}
        {kind === "card" && (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
            <div className="space-y-6">
              <Panel />
              <Bone className="hidden h-64 lg:block" />
            </div>
            <div className="space-y-6">
              <Panel />
              <Panel />
            </div>
          </div>
        )}
        {kind === "form" && (
          <div className="max-w-2xl space-y-6">
            <Panel />
            <Panel />
          </div>
        )}
        {kind === "todos" && (
          <div className="space-y-6">
            <Rows count={3} />
            <Rows count={4} />
          </div>
        )}
        {kind === "settings" && <Rows count={5} />}
      </div>
    </div>
  );
}
