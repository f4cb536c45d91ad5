import { PageSkeleton } from "@/components/shell/page-skeleton";

/** Shown at once while the new card form is on the way. */
export default function Loading() {
  return <PageSkeleton kind="form" />;
}
