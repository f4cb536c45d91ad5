import { PageSkeleton } from "@/components/shell/page-skeleton";

/** Shown at once while My todos is on the way. */
export default function Loading() {
  return <PageSkeleton kind="todos" />;
}
