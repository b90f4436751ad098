// Reference renderer for AjvCrossCheckTest: prints what AJV 8 with default options reports.
// stdin:  {"schemas": {"<name>": <schema>, ...}, "cases": [{"schema": "<name>", "body": <json>}, ...]}
// stdout: one line per case, in order: JSON.stringify(validate.errors), or [] when the body is valid.
// Any strict-mode warning while compiling is a failure: our schema files must be clean for `new Ajv()`.
"use strict";
const Ajv = require("ajv");

const warnings = [];
console.warn = (...args) => warnings.push(args.join(" "));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const {schemas, cases} = JSON.parse(input);
  const ajv = new Ajv();
  const compiled = {};
  for (const [name, schema] of Object.entries(schemas)) compiled[name] = ajv.compile(schema);
  if (warnings.length > 0) {
    process.stderr.write("AJV strict-mode warnings:\n" + warnings.join("\n") + "\n");
    process.exit(2);
  }
  const lines = cases.map(({schema, body}) => {
    const validate = compiled[schema];
    if (!validate) throw new Error("unknown schema " + schema);
    return JSON.stringify(validate(body) ? [] : validate.errors);
  });
  process.stdout.write(lines.join("\n") + "\n");
});
