import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./auth";
import { can, type Action, type Actor, type Resource } from "./permissions";
import { loadSessionUser } from "./session-user";

/** The logged-in user of this request, checked against the database (once per request). */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const { uid, sv } = (session ?? {}) as { uid?: string; sv?: number };
  if (!uid || typeof sv !== "number") return null;
  return loadSessionUser(await getDb(), uid, sv);
});

/** For pages: the user, or a redirect to the login page. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the user if allowed, else Next's 403 page. */
export async function requirePermission(action: Action, resource?: Resource): Promise<Actor> {
  const user = await requireUser();
  if (!can(user, action, resource)) forbidden();
  return user;
}
