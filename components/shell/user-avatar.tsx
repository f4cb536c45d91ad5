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
 * `decorative`: inside a control named otherwise (the "User menu" button), the picture is hidden from assistive
 * technology and the initials are drawn by CSS, so they don't contradict the control's name (WCAG 2.5.3).
 */
export function UserAvatar({
  userId,
  name,
  hasAvatar = false,
  version,
  size = "md",
  decorative = false,
}: {
  userId: string;
  name: string;
  hasAvatar?: boolean;
  version?: string;
  size?: "sm" | "md" | "lg";
  decorative?: boolean;
}) {
  const sizes = { sm: "size-6 text-[10px]", md: "size-8 text-xs", lg: "size-20 text-xl" };
  if (hasAvatar) {
    // eslint-disable-next-line @next/next/no-img-element -- served from our own route with its own caching
    return <img src={`/api/avatars/${userId}${version ? `?v=${version}` : ""}`} alt={decorative ? "" : name} className={cn("rounded-full object-cover", sizes[size])} />;
  }
  const look = cn("grid place-items-center rounded-full bg-brand-100 font-semibold text-brand-700", sizes[size]);
  if (decorative) return <span aria-hidden data-initials={initials(name)} className={cn(look, "before:content-[attr(data-initials)]")} />;
  return (
    <span role="img" aria-label={name} className={look}>
      {initials(name)}
    </span>
  );
}
