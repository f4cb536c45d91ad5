export * from "./auth";
export * from "./cards";
export * from "./contacts";
export * from "./history";
export * from "./modules";
export * from "./organisation";
export * from "./todos";
export * from "./users";
