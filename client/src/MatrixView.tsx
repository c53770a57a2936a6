import { useEffect, useMemo, useState } from 'react';
import { matrix, timeline, type Matrix, type MatrixPlace, type SpreadRow, type YearRange } from './api';
import { download, fileStem } from './export/download';
import { toCsv } from './export/csv';
import { kindColor } from './kinds';
import type { Level } from './state/view-state';
import { TimelineChart } from './TimelineChart';

interface Props {
  ids: string[];
  level: Level;
  within: string | null;
  years: YearRange;
  /** The entity whose diffusion timeline is shown under the matrix. */
  focus: string | null;
  onDrill: (within: string | null, level: Level) => void;
  onOpenEntity: (id: string) => void;
  onRemoveColumn: (id: string) => void;
}

const LEVEL_ZH: Record<Level, string> = { PROVINCE: '省', CITY: '市', COUNTY: '县/区' };
const NEXT: Partial<Record<Level, Level>> = { PROVINCE: 'CITY', CITY: 'COUNTY' };
const UP: Record<string, Level> = { province: 'PROVINCE', city: 'CITY', county: 'COUNTY' };

const years = (a: number | null, b: number | null) => (a === null ? '年份不详' : a === b ? `${a}` : `${a}–${b}`);

/** Heat from mentions on a log scale: one mention is visible, hundreds do not flatten the rest. */
function heat(mentions: number, max: number): string {
  if (mentions === 0) return 'transparent';
  const t = Math.log1p(mentions) / Math.log1p(Math.max(max, 1));
  return `rgba(209, 73, 91, ${(0.15 + 0.75 * t).toFixed(2)})`;
}

export function matrixCsv(m: Matrix): string {
  const entities = new Map(m.entities.map((e) => [e.id, e]));
  const places = new Map(m.places.map((p) => [p.code, p]));
  return toCsv(
    [
      'place_code',
      'place',
      'level',
      'anonymised',
      'within',
      'entity_id',
      'entity',
      'kind',
      'reports',
      'mentions',
      'first_year',
      'last_year',
    ],
    m.cells.map((c) => {
      const p = places.get(c.placeCode);
      const e = entities.get(c.entityId);
      return [
        c.placeCode,
        p?.name,
        p?.level,
        p?.anonymised ? 'yes' : 'no',
        p?.chain.map((x) => x.name).join(' < '),
        c.entityId,
        e?.name,
        e?.kind,
        c.reports,
        c.mentions,
        c.firstYear,
        c.lastYear,
      ];
    }),
  );
}

/** The drill-down path: the `within` place and its ancestors, top first (the bare name if nothing is shown). */
export function breadcrumb(places: MatrixPlace[], within: string | null): MatrixPlace['chain'] {
  if (!within) return [];
  for (const p of places) {
    const i = p.chain.findIndex((c) => c.code === within || c.name === within);
    if (i >= 0) return p.chain.slice(i).reverse();
  }
  return [{ code: within, name: within, level: '' }];
}

/** Place × policy heat map, with drill-down from province to city to county, and the diffusion timeline. */
export function MatrixView({ ids, level, within, years: range, focus, onDrill, onOpenEntity, onRemoveColumn }: Props) {
  const [data, setData] = useState<Matrix | null>(null);
  const [line, setLine] = useState<SpreadRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    if (ids.length === 0) {
      setData({ entities: [], places: [], cells: [] });
      return;
    }
    matrix(ids, level, within, range)
      .then((m) => !cancelled && setData(m))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [ids, level, within, range]);

  useEffect(() => {
    let cancelled = false;
    if (!focus) return setLine([]);
    timeline(focus, level)
      .then((rows) => !cancelled && setLine(rows))
      .catch(() => !cancelled && setLine([]));
    return () => {
      cancelled = true;
    };
  }, [focus, level]);

  const cells = useMemo(() => {
    const map = new Map<string, Matrix['cells'][number]>();
    for (const c of data?.cells ?? []) map.set(`${c.placeCode}\u0000${c.entityId}`, c);
    return map;
  }, [data]);
  const max = useMemo(() => Math.max(0, ...(data?.cells ?? []).map((c) => c.mentions)), [data]);

  if (error) return <section className="matrix-view error">{error}</section>;
  if (!data) return <section className="matrix-view">加载矩阵…</section>;

  // Breadcrumb up to the place drilled into, from the chain of any place shown: 全国 › 广东省 › 珠海市.
  const crumbs = breadcrumb(data.places, within);
  const drillable = (p: MatrixPlace) => NEXT[level] !== undefined && !p.anonymised;

  return (
    <section className="matrix-view" data-testid="matrix-view" aria-label="地区 × 政策矩阵">
      <div className="matrix-bar">
        <nav className="crumbs" aria-label="层级">
          <button onClick={() => onDrill(null, 'PROVINCE')}>全国</button>
          {crumbs.map((c) => (
            <span key={c.code}>
              {' › '}
              <button onClick={() => onDrill(c.code, NEXT[UP[c.level] ?? 'COUNTY'] ?? 'COUNTY')}>{c.name}</button>
            </span>
          ))}
          <span className="meta">
            {' '}
            · 按{LEVEL_ZH[level]} · {data.places.length} 个地区
          </span>
        </nav>
        <button
          data-testid="export-matrix-csv"
          disabled={data.cells.length === 0}
          onClick={() =>
            download(`${fileStem(data.entities.map((e) => e.name).join('_'))}_matrix.csv`, matrixCsv(data))
          }
        >
          导出矩阵 CSV
        </button>
      </div>
      {data.entities.length === 0 ? (
        <p className="hint-inline">先搜索一个政策,或在证据栏点“加入矩阵”。</p>
      ) : (
        <div className="matrix-scroll">
          <table className="matrix" data-testid="matrix">
            <thead>
              <tr>
                <th scope="col">地区</th>
                {data.entities.map((e) => (
                  <th scope="col" key={e.id}>
                    <button className="col-name" onClick={() => onOpenEntity(e.id)} title={e.id}>
                      <span className="dot" style={{ background: kindColor(e.kind) }} />
                      {e.name}
                    </button>
                    <button className="remove" aria-label={`移除 ${e.name}`} onClick={() => onRemoveColumn(e.id)}>
                      ×
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.places.map((p) => (
                <tr key={p.code}>
                  <th scope="row" title={[p.name, ...p.chain.map((c) => c.name)].join(' < ')}>
                    {drillable(p) ? (
                      <button onClick={() => onDrill(p.code, NEXT[level]!)}>{p.name} ›</button>
                    ) : (
                      <>
                        {p.name}
                        {p.anonymised && '(匿名)'}
                      </>
                    )}
                  </th>
                  {data.entities.map((e) => {
                    const c = cells.get(`${p.code}\u0000${e.id}`);
                    return (
                      <td
                        key={e.id}
                        style={{ background: heat(c?.mentions ?? 0, max) }}
                        title={
                          c
                            ? `${c.reports} 份报告 · ${c.mentions} 处提及 · ${years(c.firstYear, c.lastYear)}`
                            : '未提及'
                        }
                      >
                        {c ? `${c.reports} / ${c.mentions}` : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="meta">单元格:报告数 / 提及数;颜色越深提及越多。</p>
        </div>
      )}
      {focus && <TimelineChart rows={line} title={data.entities.find((e) => e.id === focus)?.name ?? focus} />}
    </section>
  );
}
