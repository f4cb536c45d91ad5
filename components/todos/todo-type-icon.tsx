import type { TodoType } from "@/db/schema";

const paths: Record<TodoType, string> = {
  call: "M4.5 3h3l1.5 4-2 1.2a9 9 0 0 0 4.8 4.8l1.2-2 4 1.5v3a2 2 0 0 1-2 2A14 14 0 0 1 2.5 5a2 2 0 0 1 2-2Z",
  email: "M3 5h14v10H3V5Zm0 0 7 6 7-6",
  meeting: "M7 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm6 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM2 16c0-3 2.2-5 5-5s5 2 5 5M11 11.2c.6-.1 1.3-.2 2-.2 2.8 0 5 2 5 5",
  task: "M4 4h12v12H4V4Zm3 6 2 2 4-4",
};

/** A small line icon for a todo's type; decorative (the type is always written out too). */
export function TodoTypeIcon({ type, className = "size-4" }: { type: TodoType; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={paths[type]} />
    </svg>
  );
}
