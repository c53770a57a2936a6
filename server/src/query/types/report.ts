import { Label, ReportProps } from '@policygraph/graph-schema';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { page, REPORT_FIELDS, type ReportRow } from '../context.js';

export const ReportRef = builder.objectRef<ReportRow>('Report').implement({
  description: 'One report (a file may hold several in later versions).',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    sourcePath: t.exposeString('sourcePath'),
    sha256: t.exposeString('sha256'),
    ingestedAt: t.exposeString('ingestedAt'),
    sentenceCount: t.exposeInt('sentenceCount'),
    charCount: t.exposeInt('charCount'),
  }),
});

const LIST = `
MATCH (r:${Label.Report})
RETURN ${REPORT_FIELDS} AS row
ORDER BY r.${ReportProps.id}
SKIP $offset LIMIT $limit`;

const COUNT = `MATCH (r:${Label.Report}) RETURN count(r) AS row`;

builder.queryFields((t) => ({
  reports: t.connection(
    {
      type: ReportRef,
      description: 'All reports, by id.',
      resolve: async (_root, args, ctx) => {
        const [total] = await ctx.read<number>(COUNT);
        return resolveOffsetConnection({ args, totalCount: total ?? 0 }, (p) => ctx.read<ReportRow>(LIST, page(p)));
      },
    },
    { name: 'ReportConnection' },
  ),
  report: t.field({
    type: ReportRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.reportLoader.load(String(args.id)),
  }),
}));
