/**
 * A small, neutral description of a JSON shape, and the rules for comparing the OpenAPI document's shape of a
 * value with the SDK's. Both sides are reduced to a {@link Shape}; {@link compare} lists every difference.
 */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'any'; nullable: boolean }
  | { kind: 'enum'; values: string[]; nullable: boolean }
  | { kind: 'array'; items: Shape; nullable: boolean }
  | { kind: 'object'; props: Record<string, { required: boolean; shape: Shape }>; nullable: boolean }
  | { kind: 'map'; values: Shape; nullable: boolean }
  | { kind: 'union'; options: Shape[]; nullable: boolean };

// ---------------------------------------------------------------------------------------------- OpenAPI side

type Json = Record<string, unknown>;

/** The shape an OpenAPI (3.0 or 3.1) schema describes, `$ref`s resolved within `document`. */
export function shapeOfSchema(document: Json, schema: unknown, seen: string[] = []): Shape {
  if (schema === true || schema === undefined || (typeof schema === 'object' && schema !== null
      && Object.keys(schema).length === 0)) {
    return { kind: 'any', nullable: false };
  }
  const node = schema as Json;
  if (typeof node.$ref === 'string') {
    if (seen.includes(node.$ref)) throw new Error(`recursive schema ${node.$ref}`);
    return withNullable(shapeOfSchema(document, resolve(document, node.$ref), [...seen, node.$ref]),
      node.nullable === true);
  }
  const types = Array.isArray(node.type) ? node.type as string[] : node.type === undefined ? [] : [node.type as string];
  let nullable = node.nullable === true || types.includes('null');
  const alternatives = (node.oneOf ?? node.anyOf) as unknown[] | undefined;
  if (alternatives) {
    const options: Shape[] = [];
    for (const alternative of alternatives) {
      if ((alternative as Json).type === 'null') {
        nullable = true;
        continue;
      }
      options.push(shapeOfSchema(document, alternative, seen));
    }
    return options.length === 1 ? withNullable(options[0]!, nullable) : { kind: 'union', options, nullable };
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1) {
    return withNullable(shapeOfSchema(document, node.allOf[0], seen), nullable);
  }
  if (Array.isArray(node.enum)) {
    const values = (node.enum as unknown[]).filter((v) => v !== null).map(String);
    return { kind: 'enum', values, nullable: nullable || (node.enum as unknown[]).includes(null) };
  }
  const type = types.find((t) => t !== 'null') ?? (node.properties || node.additionalProperties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return { kind: 'string', nullable };
    case 'integer':
    case 'number':
      return { kind: 'number', nullable };
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'array':
      return { kind: 'array', items: shapeOfSchema(document, node.items, seen), nullable };
    case 'object': {
      const properties = node.properties as Json | undefined;
      if (properties && Object.keys(properties).length > 0) {
        const required = new Set((node.required as string[] | undefined) ?? []);
        const props: Record<string, { required: boolean; shape: Shape }> = {};
        for (const [name, property] of Object.entries(properties)) {
          props[name] = { required: required.has(name), shape: shapeOfSchema(document, property, seen) };
        }
        return { kind: 'object', props, nullable };
      }
      const additional = node.additionalProperties;
      return { kind: 'map', values: additional === undefined || additional === true
        ? { kind: 'any', nullable: false } : shapeOfSchema(document, additional, seen), nullable };
    }
    default:
      return { kind: 'any', nullable };
  }
}

export function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`$ref ${ref} does not resolve`);
  }
  return node;
}

function withNullable(shape: Shape, nullable: boolean): Shape {
  return nullable ? { ...shape, nullable: true } : shape;
}

// ------------------------------------------------------------------------------------------------- comparison

/**
 * Every way `sdk` differs from `api`. The rules: the same properties, each required exactly when the SDK
 * type has it non-optional; null accepted exactly when the API says nullable (unless `ignoreNullable`, for
 * query parameters, which cannot be null on the wire); the same enum values; `integer` and `number` are both
 * a TypeScript `number`; an API `any` (such as `additionalProperties: true`) accepts whatever the SDK models;
 * an API enum may be modelled as an open `string` (forward compatible), never the other way round.
 */
export function compare(api: Shape, sdk: Shape, path: string, ignoreNullable = false): string[] {
  const differences: string[] = [];
  if (api.kind === 'any') return differences;
  if (!ignoreNullable && api.nullable !== sdk.nullable) {
    differences.push(`${path}: the API ${api.nullable ? 'allows' : 'never has'} null; the SDK `
      + `${sdk.nullable ? 'allows' : 'does not allow'} it`);
  }
  if (api.kind === 'enum' && sdk.kind === 'string') return differences;
  if (api.kind !== sdk.kind) {
    differences.push(`${path}: the API has ${describe(api)}, the SDK ${describe(sdk)}`);
    return differences;
  }
  switch (api.kind) {
    case 'enum': {
      const sdkValues = (sdk as Extract<Shape, { kind: 'enum' }>).values;
      const missing = api.values.filter((v) => !sdkValues.includes(v));
      const extra = sdkValues.filter((v) => !api.values.includes(v));
      if (missing.length) differences.push(`${path}: the SDK lacks the value(s) ${missing.join(', ')}`);
      if (extra.length) differences.push(`${path}: the SDK has value(s) the API does not: ${extra.join(', ')}`);
      break;
    }
    case 'array':
      differences.push(...compare(api.items, (sdk as Extract<Shape, { kind: 'array' }>).items, `${path}[]`));
      break;
    case 'map':
      differences.push(...compare(api.values, (sdk as Extract<Shape, { kind: 'map' }>).values, `${path}{}`));
      break;
    case 'object': {
      const sdkProps = (sdk as Extract<Shape, { kind: 'object' }>).props;
      for (const [name, property] of Object.entries(api.props)) {
        const mine = sdkProps[name];
        if (!mine) {
          differences.push(`${path}.${name}: in the API, missing from the SDK`);
          continue;
        }
        if (property.required !== mine.required) {
          differences.push(`${path}.${name}: ${property.required ? 'required' : 'optional'} in the API, `
            + `${mine.required ? 'required' : 'optional'} in the SDK`);
        }
        differences.push(...compare(property.shape, mine.shape, `${path}.${name}`, ignoreNullable));
      }
      for (const name of Object.keys(sdkProps)) {
        if (!(name in api.props)) differences.push(`${path}.${name}: in the SDK, not in the API`);
      }
      break;
    }
    case 'union': {
      const sdkOptions = (sdk as Extract<Shape, { kind: 'union' }>).options;
      const unmatched = (from: Shape[], to: Shape[], apiSide: boolean) => from.filter((option) => !to.some(
        (other) => (apiSide ? compare(option, other, path) : compare(other, option, path)).length === 0));
      for (const option of unmatched(api.options, sdkOptions, true)) {
        differences.push(`${path}: the API allows ${describe(option)}, the SDK does not`);
      }
      for (const option of unmatched(sdkOptions, api.options, false)) {
        differences.push(`${path}: the SDK allows ${describe(option)}, the API does not`);
      }
      break;
    }
    default:
      break;
  }
  return differences;
}

export function describe(shape: Shape): string {
  switch (shape.kind) {
    case 'enum':
      return `enum(${shape.values.join('|')})`;
    case 'array':
      return `array of ${describe(shape.items)}`;
    case 'map':
      return `map of ${describe(shape.values)}`;
    case 'object':
      return `object {${Object.keys(shape.props).join(', ')}}`;
    case 'union':
      return shape.options.map(describe).join(' | ');
    default:
      return shape.kind;
  }
}
