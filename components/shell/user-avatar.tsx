import { cn } from "@/components/ui/cn";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/**
 * A user's picture when they uploaded one (served by /api/avatars), else their initials.
 * `version` (the picture's updatedAt in ms) makes the URL change with the picture, so caches never show an old one.
 */
export function UserAvatar({
  userId,
  name,
  hasAvatar = false,
  version,
  size = "md",
}: {
  userId: string;
  name: string;
  hasAvatar?: boolean;
  version?: string;
  size?: "sm" | "md" | "lg";
}) {
  const sizes = { sm: "size-6 text-[10px]", md: "size-8 text-xs", lg: "size-20 text-xl" };
  if (hasAvatar) {
    // eslint-disable-next-line @next/next/no-img-element -- served from our own route with its own caching
    return <img src={`/api/avatars/${userId}${version ? `?v=${version}` : ""}`} alt={name} className={cn("rounded-full object-cover", sizes[size])} />;
  }
  return (
    <span role="img" aria-label={name} className={cn("grid place-items-center rounded-full bg-brand-100 font-semibold text-brand-700", sizes[size])}>
      {initials(name)}
    </span>
  );
}
