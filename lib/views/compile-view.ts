import { and, eq, inArray, isNull, ne, not, or, sql, type SQL } from "drizzle-orm";
import { cards, type FieldType } from "@/db/schema";
import type { ViewCondition, ViewGroup, ViewNode } from "./definition";

/** What a view's conditions are read against: the module's fields (archived ones too), the viewer ("me") and the moment. */
export type ViewContext = {
  fields: ReadonlyMap<string, { id: string; type: FieldType }>;
  viewerId: string;
  now: Date;
  timeZone: string;
};

/**
 * A view's filter as one SQL condition over `cards`, to be AND-ed with the module, the live-card
 * filter and the permission scope (never instead of them: a view cannot widen what a user sees).
 * An empty group is true. A condition on a field the module no longer has matches no card.
 */
export function compileViewFilter(filter: ViewGroup, ctx: ViewContext): SQL {
  return compileNode(filter, ctx);
}

function compileNode(node: ViewNode, ctx: ViewContext): SQL {
  if (node.on === "group") {
    const parts = node.conditions.map((child) => compileNode(child, ctx));
    if (parts.length === 0) return sql`true`;
    return sql`(${(node.join === "and" ? and : or)(...parts)})`;
  }
  return compileCondition(node, ctx);
}

function compileCondition(c: ViewCondition, ctx: ViewContext): SQL {
  switch (c.on) {
    case "status":
      return c.op === "any_of" ? inArray(cards.statusId, c.statusIds) : not(inArray(cards.statusId, c.statusIds));
    case "owner":
      switch (c.op) {
        case "is":
          return inArray(cards.ownerId, c.userIds);
        case "is_not":
          return sql`(${cards.ownerId} is null or ${not(inArray(cards.ownerId, c.userIds))})`;
        case "me":
          return eq(cards.ownerId, ctx.viewerId);
        case "not_me":
          return sql`(${cards.ownerId} is null or ${ne(cards.ownerId, ctx.viewerId)})`;
        case "nobody":
          return isNull(cards.ownerId);
      }
    // TODO(views helper): field, todo, date and contact conditions.
    default:
      throw new Error(`compileViewFilter: "${c.on}" conditions are not compiled yet`);
  }
}
