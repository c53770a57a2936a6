import { useEffect, useMemo, useRef, useState } from 'react';
import { reportText, type ReportSentence, type ReportText } from './api';
import { kindColor, kindLabel } from './kinds';
import { markSentence } from './report-marks';
import { placeLabel } from './place-label';

interface Props {
  reportId: string;
  /** Offset of the mention to highlight and scroll to. */
  at: number | null;
  entity: string | null;
  onOpenEntity: (id: string) => void;
  onClose: () => void;
}

/** Sentences grouped into the report's paragraphs. */
function paragraphs(sentences: ReportSentence[]): ReportSentence[][] {
  const out: ReportSentence[][] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last[0]!.paragraph === s.paragraph) last.push(s);
    else out.push([s]);
  }
  return out;
}

/** The full report as written, every mention marked, the cited one highlighted. */
export function ReportView({ reportId, at, entity, onOpenEntity, onClose }: Props) {
  const [report, setReport] = useState<ReportText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    setReport(null);
    setError(null);
    reportText(reportId)
      .then((r) => {
        if (cancelled) return;
        if (r) setReport(r);
        else setError(`找不到报告 ${reportId}`);
      })
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [reportId]);

  useEffect(() => {
    target.current?.scrollIntoView({ block: 'center' });
    target.current?.focus({ preventScroll: true });
  }, [report, at]);

  const paras = useMemo(() => (report ? paragraphs(report.sentences) : []), [report]);

  if (error) return <section className="report-view error">{error}</section>;
  if (!report) return <section className="report-view">加载报告…</section>;
  return (
    <section className="report-view" data-testid="report-view" aria-label="报告全文">
      <div className="report-head">
        <button onClick={onClose} aria-label="返回">
          ← 返回
        </button>
        <div>
          <h2>{report.title}</h2>
          <p className="meta">
            {placeLabel(report)}
            {report.year !== null && ` · ${report.year}年`}
            {report.coversYear !== null && report.coversYear !== report.year && `(总结 ${report.coversYear}年)`} ·{' '}
            {report.id} · {report.sourcePath}
          </p>
        </div>
      </div>
      <article className="report-text">
        {paras.map((p) => {
          // A paragraph of heading sentences is a heading; the rest is running text.
          const Tag = p.every((s) => s.heading) ? 'h3' : 'p';
          return (
            <Tag key={p[0]!.id}>
              {p.map((s) => (
                <span key={s.id} data-sentence={s.id}>
                  {markSentence(s.text, s.start, s.mentions, at, entity).map((piece, i) =>
                    piece.mention ? (
                      <mark
                        key={i}
                        ref={piece.target ? (el) => void (target.current = el) : undefined}
                        tabIndex={0}
                        role="link"
                        className={piece.target ? 'mention target' : 'mention'}
                        style={{ borderBottomColor: kindColor(piece.mention.kind) }}
                        title={`${kindLabel(piece.mention.kind)}:${piece.mention.name}`}
                        onClick={() => onOpenEntity(piece.mention!.entityId)}
                        onKeyDown={(e) => e.key === 'Enter' && onOpenEntity(piece.mention!.entityId)}
                      >
                        {piece.text}
                      </mark>
                    ) : (
                      <span key={i}>{piece.text}</span>
                    ),
                  )}
                </span>
              ))}
            </Tag>
          );
        })}
        {report.sentences.length < report.total && (
          <p className="meta">
            只显示前 {report.sentences.length} / {report.total} 句
          </p>
        )}
      </article>
    </section>
  );
}
