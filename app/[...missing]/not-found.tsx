import { NotFoundMessage } from "@/components/shell/not-found-message";
import { getCurrentUser } from "@/lib/auth/session";

export default async function MissingNotFound() {
  return <NotFoundMessage signedIn={(await getCurrentUser()) !== null} />;
}
