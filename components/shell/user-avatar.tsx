import { cn } from "@/components/ui/cn";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** A user's picture when they uploaded one (served by /api/avatars), else their initials. */
export function UserAvatar({ userId, name, hasAvatar = false, size = "md" }: { userId: string; name: string; hasAvatar?: boolean; size?: "sm" | "md" | "lg" }) {
  const sizes = { sm: "size-6 text-[10px]", md: "size-8 text-xs", lg: "size-20 text-xl" };
  if (hasAvatar) {
    // eslint-disable-next-line @next/next/no-img-element -- served from our own route with its own caching
    return <img src={`/api/avatars/${userId}`} alt={name} className={cn("rounded-full object-cover", sizes[size])} />;
  }
  return (
    <span role="img" aria-label={name} className={cn("grid place-items-center rounded-full bg-brand-100 font-semibold text-brand-700", sizes[size])}>
      {initials(name)}
    </span>
  );
}
