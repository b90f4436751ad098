// Validates an OpenAPI document against the official OpenAPI 3.1 JSON Schemas (@seriousme/openapi-schema-validator).
// usage: node validate.mjs <openapi.json>; prints the result as JSON and exits 1 when the document is invalid.
import { Validator } from "@seriousme/openapi-schema-validator";
import { readFileSync } from "node:fs";

const document = JSON.parse(readFileSync(process.argv[2], "utf8"));
const validator = new Validator();
const result = await validator.validate(document);
console.log(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? null }));
process.exit(result.valid ? 0 : 1);
