import { PageSkeleton } from "@/components/shell/page-skeleton";

/** Shown at once while the users page is on the way. */
export default function Loading() {
  return <PageSkeleton kind="settings" />;
}
