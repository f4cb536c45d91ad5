import { PageSkeleton } from "@/components/shell/page-skeleton";

/** Shown at once while a module's board is on the way. */
export default function Loading() {
  return <PageSkeleton kind="board" />;
}
