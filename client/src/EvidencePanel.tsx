import type { EntitySummary, Mention, SpreadRow } from './api';
import { SpreadTable } from './SpreadTable';
import { kindColor, kindLabel } from './kinds';

/** 金湾区(珠海市·广东省), or 匿名 / 未知 when the report does not say. */
function placeLabel(r: Mention['report']): string {
  if (!r.place) return r.placeStatus === 'ambiguous' ? '地点不确定' : '地点未知';
  const chain = r.place.chain.map((c) => c.name).join('·');
  const name = r.place.anonymised ? `${r.place.name}(匿名)` : r.place.name;
  return chain ? `${name}(${chain})` : name;
}

/** The sentences behind the selected entity, as written, with the mention marked. */
export function EvidencePanel({
  entity,
  mentions,
  total,
  loading,
  places,
}: {
  entity: EntitySummary | null;
  mentions: Mention[];
  total: number;
  loading: boolean;
  places: SpreadRow[];
}) {
  if (!entity) return <aside className="evidence empty">点击图中的节点,查看提及它的句子。</aside>;
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
        {entity.aliases.length > 1 && <> · 别名:{entity.aliases.filter((a) => a !== entity.name).join('、')}</>}
      </p>
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
                {m.report.year !== null && ` · ${m.report.year}年`} · {m.report.title}({m.report.id})
              </div>
            </li>
          );
        })}
      </ol>
      {total > mentions.length && (
        <p className="meta">
          显示 {mentions.length} / {total} 条
        </p>
      )}
    </aside>
  );
}
