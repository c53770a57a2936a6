import {
  getOperationAST,
  Kind,
  valueFromASTUntyped,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from './context.js';
import { limitError } from './errors.js';

/** What one request may ask for. Every limit answers with a GraphQL error naming the limit and its setting. */
export interface QueryLimits {
  /** Deepest nesting of fields (introspection gets `maxIntrospectionDepth`: GraphiQL's own query nests deeply). */
  maxDepth: number;
  maxIntrospectionDepth: number;
  /** Aliased fields in one document (aliases multiply work without nesting). */
  maxAliases: number;
  /** Fields × page sizes (see `queryCost`). */
  maxCost: number;
  /** The largest `first`/`last`/`limit`/`top` an argument may ask for. */
  maxPageSize: number;
  /** Neo4j aborts a statement running longer than this (ms); 0 leaves it to the server. */
  timeoutMs: number;
  /** "Did you mean …?" in validation errors (it spells out the schema to a prober). */
  fieldSuggestions: boolean;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxIntrospectionDepth: 20,
  maxAliases: 30,
  maxCost: 50_000,
  maxPageSize: MAX_PAGE_SIZE,
  timeoutMs: 30_000,
  fieldSuggestions: false,
};

/** Environment variables that override the defaults (documented in the README). */
export const LIMIT_ENV: Record<Exclude<keyof QueryLimits, 'fieldSuggestions'>, string> = {
  maxDepth: 'POLICYGRAPH_MAX_DEPTH',
  maxIntrospectionDepth: 'POLICYGRAPH_MAX_INTROSPECTION_DEPTH',
  maxAliases: 'POLICYGRAPH_MAX_ALIASES',
  maxCost: 'POLICYGRAPH_MAX_COST',
  maxPageSize: 'POLICYGRAPH_MAX_PAGE_SIZE',
  timeoutMs: 'POLICYGRAPH_QUERY_TIMEOUT_MS',
};

/** Defaults, then the environment, then explicit options. A malformed variable is an error, not ignored. */
export function resolveLimits(
  options: Partial<QueryLimits> = {},
  env: Record<string, string | undefined> = process.env,
): QueryLimits {
  const limits: QueryLimits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(LIMIT_ENV) as Array<[keyof typeof LIMIT_ENV, string]>) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, not "${raw}"`);
    limits[key] = n;
  }
  Object.assign(
    limits,
    Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<QueryLimits>,
  );
  // Connections stop at MAX_PAGE_SIZE whatever the setting: a larger one would be silently cut.
  limits.maxPageSize = Math.min(limits.maxPageSize, MAX_PAGE_SIZE);
  return limits;
}

const INTROSPECTION = new Set(['__schema', '__type']);

/** Field depth of a selection set, following fragments (validation has already refused fragment cycles). */
function depthOf(
  set: SelectionSetNode | undefined,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  seen: Set<string> = new Set(),
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + depthOf(sel.selectionSet, fragment, seen));
    else if (sel.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(sel.selectionSet, fragment, seen));
    else if (!seen.has(sel.name.value)) {
      const def = fragment(sel.name.value);
      if (def) deepest = Math.max(deepest, depthOf(def.selectionSet, fragment, new Set([...seen, sel.name.value])));
    }
  }
  return deepest;
}

/** Refuses operations nested deeper than the limit. */
export function maxDepthRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const fragment = (name: string) => context.getFragment(name);
      for (const sel of op.selectionSet.selections) {
        const introspection = sel.kind === Kind.FIELD && INTROSPECTION.has(sel.name.value);
        const max = introspection ? limits.maxIntrospectionDepth : limits.maxDepth;
        const depth = depthOf({ kind: Kind.SELECTION_SET, selections: [sel] }, fragment);
        if (depth > max) {
          context.reportError(
            limitError(
              `The query nests ${depth} levels deep; the most allowed is ${max} (${LIMIT_ENV[introspection ? 'maxIntrospectionDepth' : 'maxDepth']}).`,
              'MAX_DEPTH',
            ),
          );
          return;
        }
      }
    },
  });
}

/** Refuses documents with too many aliased fields (fragments count where they are defined). */
export function maxAliasesRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases)
            context.reportError(
              limitError(
                `The query uses ${aliases} aliases; the most allowed is ${limits.maxAliases} (${LIMIT_ENV.maxAliases}).`,
                'MAX_ALIASES',
              ),
            );
        },
      },
    };
  };
}

// Duck-typed instead of graphql-js' isObjectType/getNamedType: those use instanceof, which fails when a
// test runner or bundler loads a second copy of graphql-js beside the one that built the schema.
function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let t = type as GraphQLOutputType & { ofType?: GraphQLOutputType };
  while (t.ofType) t = t.ofType as typeof t;
  return t as GraphQLNamedType;
}

function fieldsOf(type: GraphQLNamedType | null | undefined): Record<string, GraphQLField<unknown, unknown>> {
  const withFields = type as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> } | null | undefined;
  return typeof withFields?.getFields === 'function' ? withFields.getFields() : {};
}

/** Arguments that size a list. */
const SIZE_ARGS = ['first', 'last', 'limit', 'top'];
/** What a connection returns when no size is given (Pothos' default). */
const DEFAULT_CONNECTION_SIZE = 20;

function argValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

interface SizeProblem {
  field: string;
  arg: string;
  value: number;
}

/**
 * The cost of an operation: each field costs 1 plus its children's cost times its page size (the
 * `first`/`limit`/… given, the argument's default, or 20 for a connection without one). So
 * `reports(first: 100) { edges { node { sentences(first: 100) { … } } } }` costs about 100 × 100 × fields.
 * Also collects sizes above the page limit.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  raw: Record<string, unknown>,
  maxPageSize: number,
): { cost: number; tooBig: SizeProblem[] } {
  const op = getOperationAST(document, operationName);
  const tooBig: SizeProblem[] = [];
  if (!op) return { cost: 0, tooBig };
  // Cost with the values execution will see: declared defaults (`$n: Int = 500`) count as if sent.
  const variables = { ...raw };
  for (const v of op.variableDefinitions ?? [])
    if (variables[v.variable.name.value] === undefined && v.defaultValue)
      variables[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const sizeOf = (node: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number => {
    for (const name of SIZE_ARGS) {
      const given = node.arguments?.find((a) => a.name.value === name);
      const raw = given ? argValue(given.value, variables) : def?.args.find((a) => a.name === name)?.defaultValue;
      if (typeof raw === 'number') {
        if (raw > maxPageSize) tooBig.push({ field: node.name.value, arg: name, value: raw });
        return Math.max(1, raw);
      }
    }
    const typeName = def ? namedType(def.type).name : '';
    return typeName.endsWith('Connection') ? DEFAULT_CONNECTION_SIZE : 1;
  };
  const costOf = (set: SelectionSetNode | undefined, type: GraphQLNamedType | null | undefined): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const def = fieldsOf(type)[sel.name.value];
        const child = def ? namedType(def.type) : undefined;
        total += 1 + sizeOf(sel, def) * costOf(sel.selectionSet, child);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += costOf(sel.selectionSet, cond);
      } else {
        const frag = fragments.get(sel.name.value);
        if (frag) total += costOf(frag.selectionSet, schema.getType(frag.typeCondition.name.value));
      }
    }
    return total;
  };
  const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return { cost: costOf(op.selectionSet, root), tooBig };
}

/** The yoga plugin: depth and aliases at validation, page sizes and cost before execution (they need variables). */
export function useQueryLimits(limits: QueryLimits): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(maxDepthRule(limits));
      addValidationRule(maxAliasesRule(limits));
      if (limits.fieldSuggestions) return;
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        // Keep the error, drop the guess at what was meant.
        setResult(
          (result as GraphQLError[]).map((e) =>
            / Did you mean /.test(e.message)
              ? createGraphQLError(e.message.replace(/ Did you mean .*$/, ''), {
                  nodes: e.nodes,
                  source: e.source,
                  positions: e.positions,
                  path: e.path,
                  extensions: e.extensions,
                })
              : e,
          ),
        );
      };
    },
    onExecute({ args, setResultAndStopExecution, executeFn, setExecuteFn }) {
      const { cost, tooBig } = queryCost(
        args.schema,
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
        limits.maxPageSize,
      );
      const errors = tooBig.map((p) =>
        limitError(
          `\`${p.arg}: ${p.value}\` on \`${p.field}\` asks for more than the largest page, ${limits.maxPageSize}: page with \`after\` instead.`,
          'MAX_PAGE_SIZE',
        ),
      );
      if (errors.length === 0 && cost > limits.maxCost)
        errors.push(
          limitError(
            `The query would cost ${cost} (fields × page sizes); the most allowed is ${limits.maxCost} (${LIMIT_ENV.maxCost}). Ask for smaller pages or fewer nested lists.`,
            'MAX_COST',
          ),
        );
      if (errors.length > 0) {
        setResultAndStopExecution({ errors });
        return;
      }
      // A write is one transaction that either lands or not: answering "timed out" while it commits would mislead.
      const write = getOperationAST(args.document, args.operationName)?.operation === 'mutation';
      if (limits.timeoutMs > 0 && !write) setExecuteFn((a) => withDeadline(() => executeFn(a), limits.timeoutMs));
    },
  };
}

/**
 * The caller gets a clear error once the time is up, whatever is still running; Neo4j stops its own
 * statements at the same limit (the transaction timeout), so no work is left behind for long.
 */
async function withDeadline<T>(run: () => T | Promise<T>, ms: number): Promise<T | { errors: GraphQLError[] }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ errors: GraphQLError[] }>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          errors: [
            limitError(
              `The query took longer than ${ms} ms (${LIMIT_ENV.timeoutMs}): ask for less (smaller pages, fewer levels).`,
              'QUERY_TIMEOUT',
            ),
          ],
        }),
      ms,
    );
  });
  try {
    return await Promise.race([Promise.resolve(run()), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
