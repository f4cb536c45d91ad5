import { PageSkeleton } from "@/components/shell/page-skeleton";

/** Shown at once while a card page is on the way. */
export default function Loading() {
  return <PageSkeleton kind="card" />;
}
