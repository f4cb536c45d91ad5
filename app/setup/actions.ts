"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/safe-action";
import { signIn } from "@/lib/auth/auth";
import { setupOrganisation, setupSchema } from "@/lib/org/setup-organisation";

export const setupAction = publicAction(setupSchema, async ({ db }, input) => {
  await setupOrganisation(db, input);
  await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  redirect("/");
});
