// A realistic .flow of about `lines` lines: connections, asks, calls with
// saves, bodies and branches, menus and gotos, in the proportions of the
// samples. Deterministic, so runs compare. Used by every bench script.

export function generateFlow(lines: number): string {
  const out: string[] = ['flow "Generated benchmark flow"', "", "connection shop {", "  bearer env SHOP_TOKEN", '  domain "*.example.com"', "}", ""];
  let i = 0;
  while (out.length < lines - 20) {
    out.push(
      `ask order_${i} "What is your order number for item ${i}?" as text`,
      `say "Looking up {{order_${i}}} for {{customer.name}}"`,
      `call lookup_${i} "Look up order ${i}" {`,
      `  description "Fetches order ${i} from the shop"`,
      `  POST https://api.example.com/v1/orders/{{order_${i}}}/status?locale={{customer.locale}}&page=1`,
      "  connection shop",
      '  header "Accept" "application/json"',
      "  body {",
      `    "order": "{{order_${i}}}",`,
      `    "channel": "{{conversation.channel}}",`,
      '    "fields": ["status", "items", "customer"]',
      "  }",
      `  save status_${i} = order.status`,
      `  save sku_${i} = order.items[0].sku`,
      `  test order_${i} = "100${i}"`,
      "  on success {",
      `    say "Order {{order_${i}}} is {{status_${i}}} ({{sku_${i}}})."`,
      "  }",
      "  on failure {",
      '    say "Sorry, that did not work."',
      "  }",
      "}",
      `menu next_${i} "Anything else?" {`,
      '  option "Another order" {',
      `    say "Sure, {{status_${i}}} noted."`,
      "  }",
      '  option "Talk to a person" {',
      "    handoff \"Connecting you now\"",
      "  }",
      "}",
      "",
    );
    i++;
  }
  out.push("end");
  return `${out.join("\n")}\n`;
}

/** One order of the reference JSON documents: 15 lines pretty-printed, about 240 bytes. */
function orderItem(i: number): unknown {
  return { id: i, order: `100${i}`, status: i % 2 ? "shipped" : "pending", items: [{ sku: `SKU-${i}`, qty: i % 5 }], customer: { name: `Customer ${i}`, email: `c${i}@example.com` } };
}

/** A pretty-printed JSON array of orders, at most `lines` lines long (the language-server benches compare by lines). */
export function generateJsonLines(lines: number): string {
  const items: unknown[] = [];
  for (let i = 0; (items.length + 1) * 15 + 2 <= lines; i++) items.push(orderItem(i));
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** A JSON document of about the same size in bytes, for the reference figure. */
export function generateJsonOfSize(bytes: number): string {
  const items: unknown[] = [];
  // Grow until the pretty-printed array reaches the size.
  for (let i = 0; ; i++) {
    items.push(orderItem(i));
    if (i % 50 === 0 && JSON.stringify(items, null, 2).length >= bytes) break;
  }
  let text = JSON.stringify(items, null, 2);
  while (text.length > bytes && items.length > 1) {
    items.pop();
    text = JSON.stringify(items, null, 2);
  }
  return text;
}
