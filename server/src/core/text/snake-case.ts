// One spelling of "a name as a variable": the var-name rule's quick fix
// (`OrderId` → `order_id`) and the names suggested for response fields
// (`firstName` → `first_name`, `Café` → `cafe`) both go through
// it, so a fix and a suggestion never disagree on the same word.

/** `OrderId` → `order_id`, `order-id` → `order_id`, `Café` → `cafe`; "" when nothing of it is a letter or digit. */
export function toSnakeCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
