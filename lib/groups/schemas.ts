import { z } from "zod";
import { idSchema } from "@/lib/users/schemas";

export const groupNameSchema = z.string("required").trim().min(1, "required").max(100, "too_long");
export const groupIdInputSchema = z.object({ groupId: idSchema });
