#!/usr/bin/env node
// Prints the OpenAPI document served at the given URL (YAML, e.g. http://localhost:3000/api/openapi.yml) as
// JSON, for the Python SDK's conformance test (the Python SDK uses the standard library only, which has no
// YAML parser). Parsed with the `yaml` package (YAML 1.2 core schema: timestamps stay strings).
import { parse } from 'yaml';

const url = process.argv[2];
if (!url) {
  console.error('usage: node scripts/openapi-json.mjs <url of openapi.yml>');
  process.exit(2);
}
const response = await fetch(url);
if (!response.ok) {
  console.error(`GET ${url}: ${response.status}`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(parse(await response.text()), null, 2)}\n`);
