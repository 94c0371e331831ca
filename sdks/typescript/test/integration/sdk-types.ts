import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Shape } from './shapes.js';

/**
 * The SDK's types as the TypeScript compiler sees them in the built declarations (`dist/index.d.ts`, what a
 * user compiles against), reduced to {@link Shape}s. Types are found through the methods of `Customers`
 * (their parameters and awaited return types), so the check follows the code, not a list kept beside it.
 */
export class SdkTypes {
  private readonly checker: ts.TypeChecker;
  private readonly exports: Map<string, ts.Symbol>;

  constructor() {
    const entry = fileURLToPath(new URL('../../dist/index.d.ts', import.meta.url));
    const program = ts.createProgram([entry], {
      strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2020, lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'], types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    if (diagnostics.length > 0) {
      throw new Error(ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));
    }
    this.checker = program.getTypeChecker();
    const source = program.getSourceFile(entry);
    const module = source && this.checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`cannot read ${entry}`);
    this.exports = new Map(this.checker.getExportsOfModule(module).map((s) => [s.name, s]));
  }

  /** The declared type of an exported interface or type alias. */
  exported(name: string): ts.Type {
    const symbol = this.exports.get(name);
    if (!symbol) throw new Error(`the SDK exports no ${name}`);
    const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    return this.checker.getDeclaredTypeOfSymbol(target);
  }

  /** The `index`-th parameter's type of `Customers.<method>`, and the name of that parameter. */
  parameter(method: string, index: number): { name: string; type: ts.Type; optional: boolean } {
    const signature = this.signature(method);
    const parameter = signature.getParameters()[index];
    if (!parameter) throw new Error(`Customers.${method} has no parameter #${index}`);
    const declaration = parameter.valueDeclaration as ts.ParameterDeclaration;
    return {
      name: parameter.name,
      type: this.checker.getNonNullableType(this.checker.getTypeOfSymbolAtLocation(parameter, declaration)),
      optional: this.checker.isOptionalParameter(declaration),
    };
  }

  /** What `Customers.<method>` resolves to (the T of its `Promise<T>`). */
  awaitedReturn(method: string): ts.Type {
    const returned = this.signature(method).getReturnType();
    const awaited = this.checker.getAwaitedType(returned);
    if (!awaited) throw new Error(`Customers.${method} returns no promise`);
    return awaited;
  }

  /** The type `Customers.listAll` yields. */
  yielded(method: string): ts.Type {
    const returned = this.signature(method).getReturnType() as ts.TypeReference;
    const argument = this.checker.getTypeArguments(returned)[0];
    if (!argument) throw new Error(`Customers.${method} is not a generator`);
    return argument;
  }

  /** The methods of `Customers`. */
  methods(): string[] {
    const type = this.exported('Customers');
    return this.checker.getPropertiesOfType(type)
      .filter((p) => p.flags & ts.SymbolFlags.Method)
      .map((p) => p.name);
  }

  shape(type: ts.Type): Shape {
    return this.toShape(type, []);
  }

  private signature(method: string): ts.Signature {
    const type = this.exported('Customers');
    const property = this.checker.getPropertyOfType(type, method);
    if (!property) throw new Error(`Customers has no method ${method}`);
    const signatures = this.checker.getTypeOfSymbol(property).getCallSignatures();
    if (signatures.length !== 1) throw new Error(`Customers.${method} has ${signatures.length} signatures`);
    return signatures[0]!;
  }

  private toShape(type: ts.Type, seen: ts.Type[]): Shape {
    if (seen.includes(type)) throw new Error(`recursive type ${this.checker.typeToString(type)}`);
    const members = type.isUnion() ? type.types : [type];
    let nullable = false;
    const literals: string[] = [];
    let booleans = false;
    const others: Shape[] = [];
    for (const member of members) {
      const flags = member.flags;
      if (flags & ts.TypeFlags.Null) nullable = true;
      else if (flags & ts.TypeFlags.Undefined) continue;
      else if (member.isStringLiteral()) literals.push(member.value);
      else if (flags & ts.TypeFlags.BooleanLiteral || flags & ts.TypeFlags.Boolean) booleans = true;
      else others.push(this.single(member, [...seen, type]));
    }
    const options: Shape[] = [...others];
    if (literals.length > 0) options.push({ kind: 'enum', values: literals, nullable: false });
    if (booleans) options.push({ kind: 'boolean', nullable: false });
    if (options.length === 0) throw new Error(`no shape for ${this.checker.typeToString(type)}`);
    return options.length === 1 ? { ...options[0]!, nullable } : { kind: 'union', options, nullable };
  }

  private single(type: ts.Type, seen: ts.Type[]): Shape {
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { kind: 'any', nullable: false };
    if (flags & ts.TypeFlags.String) return { kind: 'string', nullable: false };
    if (flags & ts.TypeFlags.Number) return { kind: 'number', nullable: false };
    if (this.checker.isArrayType(type)) {
      const item = this.checker.getTypeArguments(type as ts.TypeReference)[0]!;
      return { kind: 'array', items: this.toShape(item, seen), nullable: false };
    }
    if (flags & ts.TypeFlags.Object) {
      const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
      const properties = this.checker.getPropertiesOfType(type);
      if (index && properties.length === 0) {
        return { kind: 'map', values: this.toShape(index.type, seen), nullable: false };
      }
      const props: Record<string, { required: boolean; shape: Shape }> = {};
      for (const property of properties) {
        props[property.name] = {
          required: (property.flags & ts.SymbolFlags.Optional) === 0,
          shape: this.toShape(this.checker.getTypeOfSymbol(property), seen),
        };
      }
      return { kind: 'object', props, nullable: false };
    }
    throw new Error(`no shape for ${this.checker.typeToString(type)}`);
  }
}
