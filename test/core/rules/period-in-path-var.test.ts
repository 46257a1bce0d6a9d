import assert from "node:assert/strict";
import { applyFix, expectClean, expectNone, expectRanges } from "./kit";
import { samplesOf } from "../../helpers/samples";

describe("rule period-in-path-var", () => {
  it("reports a dotted system variable that can hold a period", () => {
    const [d] = expectRanges(`call c {
  GET https://crm.example.com/contacts/[[{{customer.email}}]]
}
`, "period-in-path-var", "error");
    assert.match(d.message, /must not contain periods/);
  });

  it("reports answers asked as email, url, number or date", () => {
    for (const type of ["email", "url", "number", "date"]) {
      expectRanges(`ask value "?" as ${type}
call c {
  GET https://crm.example.com/contacts/[[{{value}}]]/notes
}
`, "period-in-path-var", "error");
    }
  });

  it("reports a variable whose test value has a period, even glued to text, with no fix then", () => {
    const [d] = expectRanges(`ask id "Order id?"
call c {
  GET https://shop.example.com/orders/[[{{id}}]].json
  test id = "10.5"
}
`, "period-in-path-var", "error");
    assert.match(d.message, /test value "10\.5"/);
    assert.equal(d.fixes, undefined);
  });

  it("accepts text, phone and name answers, ids and test values without periods", () => {
    expectClean(`ask order "Order?"
ask phone "Phone?" as phone
call c {
  GET https://shop.example.com/orders/{{order}}/{{phone}}/{{customer.external_id}}.json
  test order = "1001"
}
`);
  });

  it("accepts the same variables as query values", () => {
    expectNone(`ask email "Email?" as email
call c {
  GET https://crm.example.com/contacts?email={{email}}&who={{customer.email}}
}
`, "period-in-path-var");
  });

  it("fixes by moving the variable to a new query string", () => {
    const { fixed } = applyFix(`call c {
  GET https://crm.example.com/contacts/{{customer.email}}
}
`, "period-in-path-var");
    assert.match(fixed, /GET https:\/\/crm\.example\.com\/contacts\?customer_email=\{\{customer\.email\}\}\n/);
    expectClean(fixed);
  });

  it("fixes by appending to an existing query, before a fragment", () => {
    const { fixed } = applyFix(`ask email "Email?" as email
call c {
  GET https://crm.example.com/contacts/{{email}}/notes?limit=5#top
}
`, "period-in-path-var");
    assert.match(fixed, /GET https:\/\/crm\.example\.com\/contacts\/notes\?limit=5&email=\{\{email\}\}#top\n/);
  });

  it("fixes a variable in the middle of the path", () => {
    const { fixed } = applyFix(`call c {
  GET https://crm.example.com/contacts/{{customer.email}}/notes
}
`, "period-in-path-var");
    assert.match(fixed, /GET https:\/\/crm\.example\.com\/contacts\/notes\?customer_email=\{\{customer\.email\}\}\n/);
  });

  it("fixes a URL with a fragment and no query", () => {
    const { fixed } = applyFix(`ask email "Email?" as email
call c {
  GET https://crm.example.com/contacts/{{email}}#top
}
`, "period-in-path-var");
    assert.match(fixed, /GET https:\/\/crm\.example\.com\/contacts\?email=\{\{email\}\}#top\n/);
  });

  it("reports a saved variable whose value in its step's recorded sample has a period", () => {
    const text = `call find_customer {
  GET https://crm.example.com/customers?email=a
  save handle = customer.handle
  save id = customer.id
  on success {
    call notes {
      GET https://crm.example.com/notes/[[{{handle}}]]/{{id}}
    }
  }
}
`;
    const samples = samplesOf({ find_customer: { customer: { handle: "ada.lovelace", id: 42 } } });
    const [d] = expectRanges(text, "period-in-path-var", "error", { samples });
    assert.equal(d.message, 'Variables added in the URL path must not contain periods: {{handle}} is unsafe, its value in the recorded sample of find_customer, "ada.lovelace", has one');
    // without a sample, or when the sample's value has no period, nothing is known against it
    expectNone(text.replace(/\[\[|\]\]/g, ""), "period-in-path-var");
    expectNone(text.replace(/\[\[|\]\]/g, ""), "period-in-path-var", { samples: samplesOf({ find_customer: { customer: { handle: "ada", id: 45 } } }) });
    // a number with a decimal point is text with a period once saved
    expectRanges(text.replace("[[{{handle}}]]/{{id}}", "{{handle}}/[[{{id}}]]"), "period-in-path-var", "error", { samples: samplesOf({ find_customer: { customer: { handle: "ada", id: 4.5 } } }) });
  });
});
