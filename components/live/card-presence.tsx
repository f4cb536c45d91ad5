"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { PresenceUser } from "@/lib/realtime/socket-server";
import { useLive } from "./live-provider";

/** Who else has this card open, live. The server joins the socket to the card only if the user may see it. */
export function CardPresence({ cardId, meId }: { cardId: string; meId: string }) {
  const t = useTranslations("common.live");
  const { socket } = useLive();
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!socket) return;
    const watch = () => socket.emit("card:watch", cardId);
    const onPresence = (p: { cardId: string; users: PresenceUser[] }) => {
      if (p.cardId === cardId) setUsers(p.users);
    };
    socket.on("crm:presence", onPresence);
    socket.on("connect", watch);
    if (socket.connected) watch();
    return () => {
      socket.emit("card:unwatch");
      socket.off("crm:presence", onPresence);
      socket.off("connect", watch);
    };
  }, [socket, cardId]);
  const others = users.filter((u) => u.id !== meId);
  if (others.length === 0) return null;
  return (
    <div className="flex items-center gap-2" aria-label={t("alsoHere")} role="group">
      <span className="text-xs text-slate-500">{t("alsoHere")}</span>
      <ul className="flex -space-x-2">
        {others.map((u) => (
          <li key={u.id} title={u.name} className="grid size-7 place-items-center rounded-full border-2 border-white bg-emerald-100 text-[10px] font-semibold text-emerald-800">
            <span aria-label={u.name} role="img">
              {u.name
                .split(/\s+/)
                .slice(0, 2)
                .map((p) => p[0]?.toUpperCase())
                .join("")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
