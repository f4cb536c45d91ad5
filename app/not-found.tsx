import { NotFoundMessage } from "@/components/shell/not-found-message";
import { getCurrentUser } from "@/lib/auth/session";

/** A missing record inside the app (rendered within its shell), or a missing page outside it. */
export default async function NotFound() {
  return <NotFoundMessage signedIn={(await getCurrentUser()) !== null} />;
}
