import type { TodoType } from "@/db/schema";
import { cn } from "@/components/ui/cn";

/** A small line icon for a todo's type (a CSS mask, see globals.css); decorative: the type is always written out too. */
export function TodoTypeIcon({ type, className = "size-4" }: { type: TodoType; className?: string }) {
  return <span className={cn("icon", `icon-${type}`, className)} aria-hidden />;
}
