// Built-in, read-only variables every flow can use.

export type ValueType = "text" | "email" | "number" | "phone" | "name" | "url" | "date" | "boolean" | "id" | "json";

export interface SystemVariable {
  name: string;
  type: ValueType;
  description: string;
  /** a value can hold a period, so it may not go into a URL path */
  mayContainPeriod: boolean;
}

export const SYSTEM_VARIABLES: readonly SystemVariable[] = [
  { name: "customer.name", type: "name", description: "The customer's full name", mayContainPeriod: true },
  { name: "customer.email", type: "email", description: "The customer's email address", mayContainPeriod: true },
  { name: "customer.external_id", type: "id", description: "The customer's id in your own systems", mayContainPeriod: false },
  { name: "customer.authenticated", type: "boolean", description: "true when the customer signed in, else false", mayContainPeriod: false },
  { name: "customer.locale", type: "text", description: "The customer's language and region, e.g. en-US", mayContainPeriod: false },
  { name: "conversation.id", type: "id", description: "This conversation's id", mayContainPeriod: false },
  { name: "conversation.channel", type: "text", description: "Where the customer writes from, e.g. web or whatsapp", mayContainPeriod: false },
];

const BY_NAME = new Map(SYSTEM_VARIABLES.map((v) => [v.name, v]));

export function systemVariable(name: string): SystemVariable | undefined {
  return BY_NAME.get(name);
}

/** Names with a dot are reserved for system variables. */
export function isSystemName(name: string): boolean {
  return name.includes(".");
}
