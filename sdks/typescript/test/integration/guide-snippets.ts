import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The customers guide, the product's spec, as kept in the repository. */
export const GUIDE_PATH = fileURLToPath(new URL('../../../../docs/customers-guide.md', import.meta.url));

/** The sections whose snippets the tests run, in the guide's order. */
export const SECTIONS = ['Creating Customers', 'Updating Customers', 'Basic Listing', 'Search by Name or Email',
  'Getting Customer Details', 'Deleting Customers'] as const;
export type Section = typeof SECTIONS[number];

/**
 * The guide's code blocks of one language (the `typescript [TypeScript]` fences), exactly as written, by the
 * heading they stand under. Fails unless every section above has exactly one.
 */
export function snippets(fence: string): Record<Section, string> {
  const found = new Map<string, string[]>();
  let heading = '';
  const lines = readFileSync(GUIDE_PATH, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const title = /^#{1,6}\s+(.*?)\s*$/.exec(line);
    if (title) heading = title[1]!;
    if (line.trim() === fence) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!);
      found.set(heading, [...(found.get(heading) ?? []), `${body.join('\n')}\n`]);
    }
  }
  const result = {} as Record<Section, string>;
  for (const section of SECTIONS) {
    const blocks = found.get(section) ?? [];
    if (blocks.length !== 1) {
      throw new Error(`${GUIDE_PATH}: section "${section}" has ${blocks.length} ${fence} blocks, expected 1`);
    }
    result[section] = blocks[0]!;
  }
  return result;
}
