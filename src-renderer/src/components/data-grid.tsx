import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { visibleOddCharacters } from '../../../src-core/reading/odd-characters';
import { useI18n } from '../i18n/i18n';

const ROW_HEIGHT = 31;
const HEADER_HEIGHT = 31;

/** What the grid shows in a cell beyond its text: a highlight class and a tooltip/label. */
export type CellMark = Readonly<{ className: string; note: string }>;

/**
 * A virtualised table of rows: only the rows on screen exist in the page, so a million rows
 * scroll as smoothly as ten. Rows are fetched by window through `onRange`.
 */
export function DataGrid(props: {
  label: string;
  columns: readonly string[];
  rowCount: number;
  row: (index: number) => SourceRow | undefined;
  onRange: (start: number, end: number) => void;
  mark?: (row: SourceRow, column: number) => CellMark | undefined;
  rowClassName?: (row: SourceRow) => string | undefined;
  /** Scrolls this row into view when it changes. */
  scrollTo?: number | null;
  renderCell?: (row: SourceRow, column: number) => ReactNode;
  testId?: string;
  height?: number;
  /** A click on a row (keyboard users reach rows through the issue list instead). */
  onRowClick?: (index: number) => void;
}) {
  const { t, format } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onRange } = props;

  useEffect(() => {
    if (last >= first) onRange(first, last + 1);
  }, [first, last, onRange]);

  useEffect(() => {
    if (props.scrollTo !== null && props.scrollTo !== undefined) {
      virtualizer.scrollToIndex(props.scrollTo, { align: 'center' });
    }
    // Only when the requested row changes, not on every virtualizer update.
  }, [props.scrollTo]);

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label={props.label}
      aria-rowcount={props.rowCount + 1}
      aria-colcount={props.columns.length + 1}
      tabIndex={0}
      data-testid={props.testId}
      // Short files get a short grid; long ones scroll within about a screenful.
      style={{ height: Math.min(props.height ?? 440, (props.rowCount + 1) * ROW_HEIGHT + 18) }}
    >
      <div className="grid__head" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
        <div className="grid__cell grid__cell--line" role="columnheader">
          {t('preview.line')}
        </div>
        {props.columns.map((name, i) => (
          <div className="grid__cell" role="columnheader" key={i} title={name}>
            {name}
          </div>
        ))}
      </div>
      <div
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, position: 'relative' }}
      >
        {items.map(item => {
          const row = props.row(item.index);
          const extra = row ? (props.rowClassName?.(row) ?? '') : '';
          return (
            <div
              key={item.key}
              className={`grid__row ${extra}`}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              onClick={props.onRowClick ? () => props.onRowClick?.(item.index) : undefined}
              style={{
                top: 0,
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                height: ROW_HEIGHT,
              }}
            >
              <div className="grid__cell grid__cell--line" role="rowheader">
                {row ? format.number(row.line) : ''}
              </div>
              {props.columns.map((_, c) => {
                if (!row) return <div className="grid__cell" role="gridcell" key={c} />;
                const mark = props.mark?.(row, c);
                // Control characters and bytes that were not UTF-8 as symbols (␀, �): visible.
                const text = visibleOddCharacters(row.cells[c] ?? '');
                return (
                  <div
                    className={`grid__cell${mark ? ` ${mark.className}` : ''}`}
                    role="gridcell"
                    key={c}
                    title={mark ? `${text} — ${mark.note}` : text}
                  >
                    {props.renderCell ? props.renderCell(row, c) : text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
