import { useCallback, useEffect, useState } from 'react';
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
import { GraphView } from './GraphView';
import { SearchBox } from './SearchBox';

/** Keeps the graph readable and the browser responsive. */
const MAX_NODES = 300;

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
  const [graph, setGraph] = useState<{ nodes: GraphNode[]; edges: GraphEdge[] }>({ nodes: [], edges: [] });
  const { nodes, edges } = graph;
  const [selected, setSelected] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<Evidence>({ entity: null, mentions: [], total: 0, places: [] });
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const showEvidence = useCallback(async (id: string) => {
    setLoading(true);
    try {
      const [r, places] = await Promise.all([entityMentions(id), spread(id)]);
      setEvidence(
        r
          ? { entity: r.entity, mentions: r.mentions, total: r.total, places }
          : { entity: null, mentions: [], total: 0, places: [] },
      );
    } finally {
      setLoading(false);
    }
  }, []);

  /** Adds an entity's neighbourhood to the graph (replacing it when `fresh`). */
  const expand = useCallback(async (id: string, fresh: boolean) => {
    setError(null);
    try {
      const g = await neighborhood(id);
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
      setStatus(
        `${g.nodes[0]?.label ?? id}:显示 ${g.nodes.length - 1} 个相关节点(共 ${g.total} 个共现实体;图上限 ${MAX_NODES} 个节点)`,
      );
      setSelected(id);
      const url = new URL(window.location.href);
      url.searchParams.set('entity', id);
      window.history.replaceState(null, '', url);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const pick = useCallback(
    (e: EntitySummary) => {
      void expand(e.id, true);
      void showEvidence(e.id);
    },
    [expand, showEvidence],
  );

  const tapNode = useCallback(
    (n: GraphNode) => {
      if (n.kind === 'REPORT') {
        setSelected(n.id);
        setStatus(`报告:${n.label}`);
        return;
      }
      void expand(n.id, false);
      void showEvidence(n.id);
    },
    [expand, showEvidence],
  );

  // A shared link (?entity=KEY) opens the same view.
  useEffect(() => {
    const id = new URL(window.location.href).searchParams.get('entity');
    if (id) {
      void expand(id, true);
      void showEvidence(id);
    }
  }, [expand, showEvidence]);

  return (
    <div className="app">
      <header>
        <h1>PolicyGraph 政策图谱</h1>
        <SearchBox onPick={pick} />
      </header>
      <main>
        <section className="canvas">
          {nodes.length === 0 && (
            <p className="hint">输入政策或口号(如 控辍保学、两学一做),查看它在各地报告中与哪些内容一同出现。</p>
          )}
          <GraphView nodes={nodes} edges={edges} selected={selected} onTapNode={tapNode} />
          <div className="status" data-testid="status">
            {error ? <span className="error">{error}</span> : status}
          </div>
        </section>
        <EvidencePanel
          entity={evidence.entity}
          mentions={evidence.mentions}
          total={evidence.total}
          places={evidence.places}
          loading={loading}
        />
      </main>
    </div>
  );
}
