import type { SpreadRow } from './api';

/** Diffusion: one bar per place from its first to its last year, earliest adopters on top. */
export function TimelineChart({ rows, title }: { rows: SpreadRow[]; title: string }) {
  const dated = rows.filter((r) => r.firstYear !== null);
  const undated = rows.filter((r) => r.firstYear === null);
  if (rows.length === 0) return null;
  const lo = Math.min(...dated.map((r) => r.firstYear!));
  const hi = Math.max(...dated.map((r) => r.lastYear ?? r.firstYear!));
  const span = Math.max(1, hi - lo + 1);
  const yearsAxis = dated.length ? Array.from({ length: span }, (_, i) => lo + i) : [];
  return (
    <figure className="timeline" data-testid="timeline">
      <figcaption>传播时间线:{title}(按首次提及年份)</figcaption>
      {yearsAxis.length > 0 && (
        <div className="timeline-axis" aria-hidden="true">
          {yearsAxis.map((y) => (
            <span key={y} style={{ left: `${((y - lo) / span) * 100}%`, width: `${100 / span}%` }}>
              {y}
            </span>
          ))}
        </div>
      )}
      <ol>
        {dated.map((r) => (
          <li key={r.place.code}>
            <span className="place">
              {r.place.name}
              {r.place.anonymised && '(匿名)'}
            </span>
            <span className="track">
              <span
                className="bar"
                style={{
                  left: `${((r.firstYear! - lo) / span) * 100}%`,
                  width: `${(((r.lastYear ?? r.firstYear!) - r.firstYear! + 1) / span) * 100}%`,
                }}
                title={`${r.firstYear}–${r.lastYear ?? r.firstYear} · ${r.reports} 份报告`}
              />
            </span>
          </li>
        ))}
        {undated.map((r) => (
          <li key={r.place.code} className="undated">
            <span className="place">
              {r.place.name}
              {r.place.anonymised && '(匿名)'}
            </span>
            <span className="track">年份不详 · {r.reports} 份报告</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
