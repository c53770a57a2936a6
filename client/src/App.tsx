import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  entityMentions,
  neighborhood,
  spread,
  type EntitySummary,
  type GraphEdge,
  type GraphNode,
  type Mention,
  type SpreadRow,
} from './api';
import { EvidencePanel } from './EvidencePanel';
import { FilterBar } from './FilterBar';
import { GraphExports } from './GraphExports';
import { GraphView } from './GraphView';
import { MatrixView } from './MatrixView';
import { ReportView } from './ReportView';
import { SearchBox } from './SearchBox';
import { DEFAULT_LIMIT, parseViewState, serializeViewState, type ViewState } from './state/view-state';

/** Keeps the graph readable; big layouts run in a worker (see layout/run-layout.ts). */
const MAX_NODES = 2000;
/** The server's largest neighbourhood page. */
const MAX_NEIGHBOURS = 500;
/** Matrix columns picked by default: the selected entity and its strongest policy/program neighbours. */
const DEFAULT_COLUMNS = 8;

interface Evidence {
  entity: EntitySummary | null;
  mentions: Mention[];
  total: number;
  places: SpreadRow[];
}

function mergeById<T extends { id: string }>(a: T[], b: T[]): T[] {
  const seen = new Set(a.map((x) => x.id));
  return [...a, ...b.filter((x) => !seen.has(x.id))];
}

export function App() {
  const [vs, setVs] = useState<ViewState>(() => parseViewState(window.location.search));
  const [graph, setGraph] = useState<{ nodes: GraphNode[]; edges: GraphEdge[] }>({ nodes: [], edges: [] });
  const [evidence, setEvidence] = useState<Evidence>({ entity: null, mentions: [], total: 0, places: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Per centre: how many neighbours were asked for and how many exist. */
  const [fetched, setFetched] = useState<Record<string, { limit: number; total: number; label: string }>>({});
  const [cy, setCy] = useState<Core | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const lastUrlState = useRef(vs);
  /** Answers older than the latest fresh graph are dropped: a slow first search must not replace the second. */
  const expandSeq = useRef(0);
  const freshSeq = useRef(0);

  const years = useMemo(() => ({ from: vs.from, to: vs.to }), [vs.from, vs.to]);
  const update = useCallback((patch: Partial<ViewState>) => setVs((prev) => ({ ...prev, ...patch })), []);

  // The URL mirrors the view: a new entry when the view, entity or report changes, so Back works.
  useEffect(() => {
    const url = `${window.location.pathname}${serializeViewState(vs)}`;
    const prev = lastUrlState.current;
    const step = prev.view !== vs.view || prev.entity !== vs.entity || prev.report !== vs.report;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history[step ? 'pushState' : 'replaceState'](null, '', url);
    lastUrlState.current = vs;
  }, [vs]);

  /** Adds an entity's neighbourhood to the graph (replacing it when `fresh`). */
  const expand = useCallback(async (id: string, fresh: boolean, limit: number, kinds: ViewState['kinds']) => {
    setError(null);
    const seq = ++expandSeq.current;
    if (fresh) freshSeq.current = seq;
    try {
      const g = await neighborhood(id, limit, kinds);
      if (seq < freshSeq.current) return;
      if (!g) {
        setError(`找不到 ${id}`);
        return;
      }
      setGraph((prev) => {
        const merged = fresh ? g.nodes : mergeById(prev.nodes, g.nodes);
        const capped = merged.slice(0, MAX_NODES);
        const keep = new Set(capped.map((n) => n.id));
        const allEdges = fresh ? g.edges : mergeById(prev.edges, g.edges);
        return { nodes: capped, edges: allEdges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
      });
      const label = g.nodes.find((n) => n.id === id)?.label ?? id;
      setFetched((prev) => ({ ...(fresh ? {} : prev), [id]: { limit, total: g.total, label } }));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  // First load, Back/Forward and the kind filter: the graph follows the entity and kinds in the URL. The key of
  // what is shown keeps a graph change alone from refetching.
  const shown = useRef<string | null>(null);
  const kindsKey = vs.kinds.join(',');
  const shownKey = (id: string) => `${id}|${kindsKey}`;
  useEffect(() => {
    const onPop = () => setVs(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (!vs.entity || shown.current === shownKey(vs.entity)) return;
    const inGraph = graph.nodes.some((n) => n.id === vs.entity);
    shown.current = shownKey(vs.entity);
    // A kind change keeps the graph and refetches the centre, so the cap is spent on the kinds wanted.
    void expand(vs.entity, !inGraph, vs.limit, vs.kinds);
  }, [vs.entity, vs.limit, vs.kinds, kindsKey, graph.nodes, expand]);

  // Evidence and place spread follow the selected entity and the shared filters.
  useEffect(() => {
    const id = vs.entity;
    if (!id) return;
    let cancelled = false;
    setLoading(true);
    Promise.all([entityMentions(id, years), spread(id, vs.level, years)])
      .then(([r, places]) => {
        if (cancelled) return;
        setEvidence(
          r
            ? {
                entity: r.entity,
                mentions: r.mentions,
                total: r.total,
                places,
              }
            : { entity: null, mentions: [], total: 0, places: [] },
        );
      })
      .catch((e: Error) => !cancelled && setError(e.message))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [vs.entity, vs.level, years]);

  const open = useCallback(
    (e: EntitySummary | string) => {
      const id = typeof e === 'string' ? e : e.id;
      shown.current = shownKey(id);
      void expand(id, true, DEFAULT_LIMIT, vs.kinds);
      update({
        entity: id,
        limit: DEFAULT_LIMIT,
        view: vs.view === 'report' ? 'graph' : vs.view,
        report: null,
        at: null,
      });
    },
    [expand, update, vs.kinds, vs.view],
  );

  const tapNode = useCallback(
    (n: GraphNode) => {
      if (n.kind === 'REPORT') {
        // Report nodes are `report:<id>` in the graph, so they cannot collide with entity keys.
        update({ view: 'report', report: n.id.replace(/^report:/, ''), at: null });
        return;
      }
      shown.current = shownKey(n.id);
      void expand(n.id, false, DEFAULT_LIMIT, vs.kinds);
      update({ entity: n.id, limit: DEFAULT_LIMIT });
    },
    [expand, update, vs.kinds],
  );

  const more = useCallback(() => {
    if (!vs.entity) return;
    const limit = Math.min(MAX_NEIGHBOURS, (fetched[vs.entity]?.limit ?? vs.limit) * 2);
    void expand(vs.entity, false, limit, vs.kinds);
    update({ limit });
  }, [expand, fetched, update, vs.entity, vs.kinds, vs.limit]);

  // Kind filter: hidden in place at once (the refetch above follows).
  const visible = useMemo(() => {
    const kinds = new Set<string>(vs.kinds);
    const show = (n: GraphNode) => kinds.size === 0 || n.kind === 'REPORT' || kinds.has(n.kind) || n.id === vs.entity;
    const nodes = graph.nodes.filter(show);
    const keep = new Set(nodes.map((n) => n.id));
    return { nodes, edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
  }, [graph, vs.kinds, vs.entity]);

  const neighbours = useMemo(() => {
    if (!vs.entity) return [];
    const ids = new Set(
      visible.edges.flatMap((e) => (e.source === vs.entity ? [e.target] : e.target === vs.entity ? [e.source] : [])),
    );
    return visible.nodes
      .filter((n) => ids.has(n.id) && n.kind !== 'REPORT')
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 30);
  }, [visible, vs.entity]);

  const columns = useMemo(() => {
    if (vs.cols.length) return vs.cols;
    if (!vs.entity) return [];
    const strong = neighbours.filter((n) => n.kind === 'POLICY' || n.kind === 'PROGRAM').map((n) => n.id);
    return [vs.entity, ...strong].slice(0, DEFAULT_COLUMNS);
  }, [vs.cols, vs.entity, neighbours]);
  const columnsKey = columns.join('\u0000');
  const stableColumns = useMemo(() => columns, [columnsKey]);

  // A hidden Cytoscape canvas has no size: fit again when the graph view returns.
  useEffect(() => {
    if (vs.view === 'graph' && cy) {
      cy.resize();
      cy.fit(undefined, 30);
    }
  }, [vs.view, cy]);

  const current = vs.entity ? fetched[vs.entity] : undefined;
  const status = current
    ? `${current.label}:图中 ${visible.nodes.length} 个节点;该节点共 ${current.total} 个共现实体,已取 ${Math.min(current.limit, current.total)} 个`
    : '';

  return (
    <div className="app">
      <header>
        <h1>PolicyGraph 政策图谱</h1>
        <SearchBox onPick={open} />
      </header>
      <FilterBar state={vs} onChange={update} />
      <main>
        <section className="canvas" hidden={vs.view !== 'graph'}>
          {graph.nodes.length === 0 && (
            <p className="hint">输入政策或口号(如 控辍保学、两学一做),查看它在各地报告中与哪些内容一同出现。</p>
          )}
          <GraphView
            nodes={visible.nodes}
            edges={visible.edges}
            selected={vs.entity}
            onTapNode={tapNode}
            onReady={setCy}
            onLayout={(busy, err) => {
              setLayingOut(busy);
              if (err) setError(err);
            }}
          />
          <div className="status" data-testid="status">
            {error ? <span className="error">{error}</span> : status}
            {layingOut && <span data-testid="layout-busy">布局中…</span>}
            {current &&
              current.total > current.limit &&
              current.limit < MAX_NEIGHBOURS &&
              graph.nodes.length < MAX_NODES && (
                <button className="more" onClick={more} data-testid="more">
                  更多
                </button>
              )}
            <GraphExports cy={cy} nodes={visible.nodes} edges={visible.edges} name={evidence.entity?.name ?? 'graph'} />
          </div>
        </section>
        {vs.view === 'matrix' && (
          <MatrixView
            ids={stableColumns}
            level={vs.level}
            within={vs.within}
            years={years}
            focus={vs.entity}
            onDrill={(within, level) => update({ within, level })}
            onOpenEntity={open}
            onRemoveColumn={(id) => update({ cols: columns.filter((c) => c !== id) })}
          />
        )}
        {vs.view === 'report' && vs.report && (
          <ReportView
            reportId={vs.report}
            at={vs.at}
            entity={vs.entity}
            onOpenEntity={(id) => {
              open(id);
              update({ view: 'graph' });
            }}
            onClose={() => update({ view: 'graph', report: null, at: null })}
          />
        )}
        <EvidencePanel
          entity={evidence.entity}
          mentions={evidence.mentions}
          total={evidence.total}
          places={evidence.places}
          loading={loading}
          neighbours={neighbours}
          inMatrix={!!evidence.entity && columns.includes(evidence.entity.id)}
          years={years}
          onOpenReport={(report, at) => update({ view: 'report', report, at })}
          onOpenEntity={(id) => tapNode(graph.nodes.find((n) => n.id === id) ?? { id, label: id, kind: '', weight: 0 })}
          onAddToMatrix={(id) => update({ cols: columns.includes(id) ? columns : [...columns, id], view: 'matrix' })}
        />
      </main>
    </div>
  );
}
