// Validate .docx files with Microsoft's Open XML SDK (through @ooxml-tools/validate, pinned in
// package.json) in one Node process, since starting the SDK costs seconds and each file
// milliseconds. Usage: node validate.mjs FILE.docx... ; prints one JSON object
// {file: [{id, description, part, xpath}]} and exits 0 (the caller judges the errors).
import { readFile } from "node:fs/promises";
import validate from "@ooxml-tools/validate";

const results = {};
for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(await readFile(file));
  const errors = await validate(bytes, "docx", "Microsoft365");
  results[file] = errors.map((e) => ({
    id: e.id,
    description: e.description,
    part: e.path?.partUri ?? "",
    xpath: e.path?.xpath ?? "",
  }));
}
process.stdout.write(JSON.stringify(results));
