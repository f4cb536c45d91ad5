export * from "./auth";
export * from "./organisation";
export * from "./users";
