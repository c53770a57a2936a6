import { useState } from 'react';
import {
  kwicAll,
  mentionsAll,
  type EntitySummary,
  type GraphNode,
  type Mention,
  type SpreadRow,
  type YearRange,
} from './api';
import { toCsv } from './export/csv';
import { download, fileStem } from './export/download';
import { kindColor, kindLabel } from './kinds';
import { placeLabel } from './place-label';
import { SpreadTable } from './SpreadTable';

interface Props {
  entity: EntitySummary | null;
  mentions: Mention[];
  total: number;
  loading: boolean;
  places: SpreadRow[];
  /** Neighbours in the graph, strongest first: the keyboard's way to walk the graph. */
  neighbours: GraphNode[];
  inMatrix: boolean;
  /** The year filter: exports follow it like the lines shown. */
  years: YearRange;
  onOpenReport: (reportId: string, at: number) => void;
  onOpenEntity: (id: string) => void;
  onAddToMatrix: (id: string) => void;
}

async function exportMentions(entity: EntitySummary, years: YearRange) {
  const rows = await mentionsAll(entity.id, years);
  download(
    `${fileStem(entity.name)}_mentions.csv`,
    toCsv(
      [
        'entity_id',
        'surface',
        'report_id',
        'report_title',
        'place',
        'year',
        'start',
        'end',
        'cue',
        'score',
        'sentence_id',
        'sentence',
      ],
      rows.map((m) => [
        entity.id,
        m.surface,
        m.report.id,
        m.report.title,
        placeLabel(m.report),
        m.report.year,
        m.start,
        m.end,
        m.cue,
        m.score,
        m.sentence.id,
        m.sentence.text,
      ]),
    ),
  );
}

async function exportKwic(entity: EntitySummary, years: YearRange) {
  const rows = await kwicAll(entity.id, years);
  download(
    `${fileStem(entity.name)}_kwic.csv`,
    toCsv(
      ['left', 'keyword', 'right', 'report_id', 'report_title', 'place', 'year', 'sentence_id'],
      rows.map((k) => [k.left, k.keyword, k.right, k.reportId, k.reportTitle, k.place, k.year, k.sentenceId]),
    ),
  );
}

/** The sentences behind the selected entity, as written, with the mention marked and a way to the full report. */
export function EvidencePanel(p: Props) {
  const { entity, mentions, total, loading, places, neighbours } = p;
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  if (!entity) return <aside className="evidence empty">点击图中的节点,查看提及它的句子。</aside>;
  const run = (what: string, f: () => Promise<void>) => {
    setBusy(what);
    setFailed(null);
    f()
      .catch((e: Error) => setFailed(`导出失败:${e.message}`))
      .finally(() => setBusy(null));
  };
  return (
    <aside className="evidence" aria-live="polite">
      <h2>
        <span className="kind" style={{ background: kindColor(entity.kind) }}>
          {kindLabel(entity.kind)}
        </span>
        {entity.name}
        {entity.qualifier && `(${entity.qualifier})`}
      </h2>
      <p className="meta">
        {entity.mentionCount} 处提及 · {entity.reportCount} 份报告
        {/* A place is named in full: its only spelling seen (金湾) may differ from the name (金湾区). */}
        {entity.aliases.some((a) => a !== entity.name) && (
          <> · 别名:{entity.aliases.filter((a) => a !== entity.name).join('、')}</>
        )}
      </p>
      {entity.place && (
        <p className="meta" data-testid="entity-place">
          行政区划代码 {entity.place.code}
          {entity.place.chain.length > 0 && (
            <> · {[entity.name, ...entity.place.chain.map((c) => c.name)].join(' < ')}</>
          )}
        </p>
      )}
      <div className="actions">
        <button onClick={() => p.onAddToMatrix(entity.id)} disabled={p.inMatrix}>
          {p.inMatrix ? '已在矩阵中' : '加入矩阵'}
        </button>
        <button data-testid="export-mentions-csv" onClick={() => run('m', () => exportMentions(entity, p.years))}>
          {busy === 'm' ? '导出中…' : '提及 CSV'}
        </button>
        <button data-testid="export-kwic-csv" onClick={() => run('k', () => exportKwic(entity, p.years))}>
          {busy === 'k' ? '导出中…' : 'KWIC CSV'}
        </button>
      </div>
      {failed && <p className="error">{failed}</p>}
      <SpreadTable rows={places} />
      {loading && <p>加载中…</p>}
      <ol className="sentences" data-testid="sentences">
        {mentions.map((m) => {
          const at = m.start - m.sentence.start;
          const text = m.sentence.text;
          return (
            <li key={`${m.sentence.id}:${m.start}`}>
              <div className="sentence">
                {text.slice(0, at)}
                <mark>{text.slice(at, at + (m.end - m.start))}</mark>
                {text.slice(at + (m.end - m.start))}
              </div>
              <div className="source">
                — {placeLabel(m.report)}
                {m.report.year !== null && ` · ${m.report.year}年`}
                {m.report.coversYear != null &&
                  m.report.coversYear !== m.report.year &&
                  `(总结 ${m.report.coversYear}年)`}{' '}
                ·{' '}
                <a
                  href={`?view=report&report=${encodeURIComponent(m.report.id)}&at=${m.start}`}
                  onClick={(e) => {
                    e.preventDefault();
                    p.onOpenReport(m.report.id, m.start);
                  }}
                >
                  {m.report.title}({m.report.id})
                </a>
              </div>
            </li>
          );
        })}
      </ol>
      {total > mentions.length && (
        <p className="meta">
          显示 {mentions.length} / {total} 条;完整列表请导出 CSV
        </p>
      )}
      {neighbours.length > 0 && (
        <nav className="neighbours" aria-label="相关实体">
          <h3>图中相关</h3>
          <ul>
            {neighbours.map((n) => (
              <li key={n.id}>
                <button onClick={() => p.onOpenEntity(n.id)}>
                  <span className="dot" style={{ background: kindColor(n.kind) }} />
                  {n.label}
                  <span className="count">{n.weight}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </aside>
  );
}
