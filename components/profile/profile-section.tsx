import { useId, type ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One section of the profile page: its heading and explanation beside (or above) the form's card. */
export function ProfileSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid gap-4 border-t border-slate-200 pt-8 first:border-t-0 first:pt-0 md:grid-cols-3 md:gap-8">
      <div>
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <Card className="p-6 md:col-span-2">{children}</Card>
    </section>
  );
}
