"use client";

import { createContext, useContext } from "react";
import type { BuilderContact, BuilderModule, BuilderUser, DraftNode } from "./model";

export type NodeError = { name: string; code: string };

/** What every row of the tree needs, without threading it through each level. */
export type BuilderContextValue = {
  module: BuilderModule;
  users: BuilderUser[];
  companies: BuilderContact[];
  /** Fields the view uses: archived ones among them stay offered (labelled). */
  usedFields: Set<string>;
  change: (key: string, node: DraftNode) => void;
  /** Removes a node; the focus moves to "Add condition" of the group `focusIn` (the element's nearest group). */
  remove: (key: string, focusIn?: Element | null) => void;
  add: (groupKey: string, node: DraftNode) => void;
  /** The condition just added: its subject picker takes the focus. */
  focusKey: string | null;
  registerCompanies: (companies: BuilderContact[]) => void;
  /** The server's errors about the node at `path` (e.g. "filter.conditions.0"), by operand name ("" for the node itself). */
  errorsAt: (path: string) => NodeError[];
  message: (code: string) => string;
};

const BuilderContext = createContext<BuilderContextValue | null>(null);

export const BuilderProvider = BuilderContext.Provider;

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder outside the view builder");
  return value;
}
