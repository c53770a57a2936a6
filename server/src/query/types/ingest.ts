import crypto from 'node:crypto';
import { analyzeSource, type AnalyzedReport } from '../../pipeline/analyze.js';
import { removeReport, writeSource } from '../../load/write-report.js';
import { decodeReport, InputError } from '../../read/read-file.js';
import { requireWriteAccess } from '../auth.js';
import { builder, type Upload } from '../builder.js';
import type { ReportRow } from '../context.js';
import { badInput } from '../errors.js';
import { idFromSourceName, idProblem, textProblem } from '../ingest-input.js';
import { ReportRef } from './report.js';

interface IngestResult {
  outcome: 'created' | 'replaced' | 'unchanged';
  reportIds: string[];
  warnings: string[];
}

const FileScalar = builder.scalarType('File', {
  description: 'A file sent as a multipart request (GraphQL multipart request spec).',
  serialize: () => {
    throw new Error('File is an input type');
  },
  parseValue: (value) => {
    const v = value as Partial<Upload> | null;
    if (!v || typeof v.arrayBuffer !== 'function' || typeof v.name !== 'string')
      throw badInput('`file` must be a file sent as a multipart upload');
    return v as Upload;
  },
});

const OutcomeEnum = builder.enumType('IngestOutcome', {
  values: {
    CREATED: { value: 'created', description: 'New reports stored.' },
    REPLACED: { value: 'replaced', description: 'The source changed: its reports were replaced.' },
    UNCHANGED: { value: 'unchanged', description: 'The same text was stored before: nothing written.' },
  } as const,
});

const IngestResultRef = builder.objectRef<IngestResult>('IngestResult').implement({
  fields: (t) => ({
    outcome: t.field({ type: OutcomeEnum, resolve: (r) => r.outcome }),
    reports: t.field({
      type: [ReportRef],
      description: 'The reports the text holds (several when it splits into parts).',
      resolve: async (r, _args, ctx) =>
        (await ctx.reportLoader.loadMany(r.reportIds)).filter(
          (x): x is ReportRow => x !== null && !(x instanceof Error),
        ),
    }),
    warnings: t.exposeStringList('warnings', { description: 'Doubts about the input (encoding guesses, splits).' }),
  }),
});

const RemoveResultRef = builder.objectRef<{ removed: string[] }>('RemoveResult').implement({
  fields: (t) => ({
    removed: t.exposeStringList('removed', { description: 'Report ids removed (empty when none matched).' }),
  }),
});

/** Text and bytes from the arguments: exactly one of `text` and `file`. */
async function readInput(args: {
  text?: string | null;
  file?: Upload | null;
}): Promise<{ text: string; sha256: string; warnings: string[]; name: string | null }> {
  if ((args.text == null) === (args.file == null))
    throw badInput('give the report as `text` or as `file`, not both or neither');
  if (args.file) {
    const bytes = new Uint8Array(await args.file.arrayBuffer());
    try {
      // The reader decides by extension (txt, html, docx, pdf) and refuses empty, binary or oversized files.
      const { text, warnings } = await decodeReport(args.file.name, bytes);
      const problem = textProblem(text);
      if (problem) throw badInput(`${args.file.name}: ${problem.replace('`text`', 'the text')}`);
      return { text, warnings, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), name: args.file.name };
    } catch (e) {
      if (e instanceof InputError) throw badInput(e.message);
      throw e;
    }
  }
  const text = args.text!;
  const problem = textProblem(text);
  if (problem) throw badInput(problem);
  return { text, warnings: [], sha256: crypto.createHash('sha256').update(text, 'utf8').digest('hex'), name: null };
}

builder.mutationFields((t) => ({
  ingestReport: t.field({
    type: IngestResultRef,
    description:
      'Analyses a report (text, or a .txt/.html/.docx/.pdf file) and stores it in one transaction, replacing an earlier version with the same id. Needs the token.',
    args: {
      text: t.arg.string({ required: false }),
      file: t.arg({ type: FileScalar, required: false }),
      id: t.arg.string({
        required: false,
        description: 'Report id; by default the source name without extension, else `upload/<hash>`.',
      }),
      title: t.arg.string({ required: false, description: 'Overrides the title found in the text.' }),
      sourceName: t.arg.string({ required: false, description: 'Where it came from (file name or address).' }),
      year: t.arg.int({ required: false, description: 'Overrides the year found in the text.' }),
    },
    resolve: async (_root, args, ctx) => {
      requireWriteAccess(ctx);
      if (args.year != null && (args.year < 1949 || args.year > 2100))
        throw badInput(`\`year\` ${args.year} is not a plausible report year (1949–2100)`);
      const input = await readInput(args);
      const sourceName = args.sourceName?.trim() || input.name;
      const id = args.id ?? (sourceName ? idFromSourceName(sourceName) : `upload/${input.sha256.slice(0, 12)}`);
      const problem = idProblem(id);
      if (problem) throw badInput(problem);
      const reports: AnalyzedReport[] = analyzeSource({
        id,
        path: sourceName ?? `api:${id}`,
        text: input.text,
        sha256: input.sha256,
        warnings: input.warnings,
      });
      const warnings = [...new Set(reports.flatMap((r) => r.warnings))];
      const title = args.title?.trim();
      if (title && reports.length === 1) reports[0]!.title = title;
      else if (title) warnings.push(`\`title\` not used: the text holds ${reports.length} reports, each with its own`);
      if (args.year != null) for (const r of reports) r.year = { ...r.year, year: args.year };
      const outcome = await writeSource(ctx.driver, reports, { database: ctx.database });
      return { outcome, reportIds: reports.map((r) => r.id), warnings };
    },
  }),
  removeReport: t.field({
    type: RemoveResultRef,
    description:
      'Removes a report (or every part of a file, by its file id) and what only it mentioned. Needs the token.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      requireWriteAccess(ctx);
      const id = String(args.id).trim();
      if (!id) throw badInput('`id` is empty');
      return { removed: await removeReport(ctx.driver, id, ctx.database) };
    },
  }),
}));
